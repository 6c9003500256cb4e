package main

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/schema"
)

// writeFiles writes files (slash paths relative to dir) and returns dir.
func writeFiles(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// decodeReport checks a JSON report against its schema and decodes it.
func decodeReport(t *testing.T, out string) map[string]any {
	t.Helper()
	var inst any
	if err := json.Unmarshal([]byte(out), &inst); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := schema.Report().Validate(inst); err != nil {
		t.Fatalf("report does not match its schema: %v", err)
	}
	return inst.(map[string]any)
}

const pageWithLinks = "---\ntitle: Example Writer\n---\n\n## Example Writer\n\nSee [values](/handbook/values/) and [gone](/handbook/no-such-page/).\n"

// Item 3: with no content root, link checking said nothing; now one note on
// stderr and in the JSON report names why and the flag that turns it on.
func TestNoContentRootIsSaid(t *testing.T) {
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"job-families/a.md": pageWithLinks,
		"job-families/b.md": pageWithLinks,
	})
	t.Chdir(dir)
	_, out, errOut := run(t, nil, "lint", "-f", "json", "--fail-on", "never", "job-families")
	if n := strings.Count(errOut, "links into the site were not checked"); n != 1 {
		t.Errorf("the note is said %d times on stderr, want once:\n%s", n, errOut)
	}
	if !strings.Contains(errOut, "--root DIR") || !strings.Contains(errOut, "site.roots") {
		t.Errorf("the note does not say how to turn links on: %s", errOut)
	}
	rep := decodeReport(t, out)
	notes, _ := rep["notes"].([]any)
	if len(notes) != 1 || !strings.Contains(notes[0].(map[string]any)["message"].(string), "--root") {
		t.Errorf("JSON notes %v", rep["notes"])
	}

	// a Middleman page gets the preset named
	writeFiles(t, dir, map[string]string{"mm/job-families/a/index.html.md": pageWithLinks})
	_, _, errOut = run(t, nil, "lint", "--fail-on", "never", "mm")
	if !strings.Contains(errOut, "set site.layout: middleman") {
		t.Errorf("no preset named for a Middleman page: %s", errOut)
	}

	// near miss: with a content root the links are checked and nothing is noted
	root := writeFiles(t, t.TempDir(), map[string]string{
		"content/job-families/a.md":         pageWithLinks,
		"content/handbook/values/_index.md": "---\ntitle: Values\n---\n",
	})
	t.Chdir(root)
	_, out, errOut = run(t, nil, "lint", "-f", "json", "--fail-on", "never", "content/job-families")
	if strings.Contains(errOut, "not checked") {
		t.Errorf("note with a content root: %s", errOut)
	}
	rep = decodeReport(t, out)
	if _, ok := rep["notes"]; ok {
		t.Errorf("notes with a content root: %v", rep["notes"])
	}
	if !strings.Contains(out, "/handbook/no-such-page/") {
		t.Errorf("the broken link is not reported with a root:\n%s", out)
	}
	// a --root that is not there is an error, not every link broken
	if code, _, errOut := run(t, nil, "lint", "--root", "no-such-folder", "content/job-families"); code != exitError || !strings.Contains(errOut, "--root no-such-folder: no such folder") {
		t.Errorf("--root no-such-folder: exit %d, %q", code, errOut)
	}
	// --root turns them on where no content/ folder is
	t.Chdir(dir)
	_, out, errOut = run(t, nil, "lint", "-f", "json", "--fail-on", "never", "--root", ".", "job-families")
	if strings.Contains(errOut, "not checked") || !strings.Contains(out, "link-target") {
		t.Errorf("--root .: stderr %q, report %s", errOut, out)
	}
}

// closedLoopback returns a loopback host:port nothing listens on.
func closedLoopback(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// Item 4: offline, --external said "cannot be reached" once per link and
// cached it for a day; now one note, nothing cached, and the next run with
// the network back checks the links.
func TestExternalOffline(t *testing.T) {
	addr := closedLoopback(t)
	_, port, _ := net.SplitHostPort(addr)
	dir := t.TempDir()
	cache := filepath.Join(dir, "links.json")
	page := "---\ntitle: X\n---\n\n[a](http://" + addr + "/a) [b](http://localhost:" + port + "/b) [c](http://" + addr + "/c)\n"
	writeFiles(t, dir, map[string]string{
		"page.md": page,
		"cfg.yml": "rules:\n  link-external:\n    retries: 0\n    timeout: 2s\n    cache: " + cache + "\n",
	})
	code, out, errOut := run(t, nil, "lint", "-c", filepath.Join(dir, "cfg.yml"), "--external", "-f", "json", "--disable", "link-target", filepath.Join(dir, "page.md"))
	if code == exitError {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(errOut, "the network looks down"); n != 1 {
		t.Errorf("network note said %d times:\n%s", n, errOut)
	}
	if strings.Contains(out, "cannot be reached") {
		t.Errorf("a warning per link while offline:\n%s", out)
	}
	rep := decodeReport(t, out)
	if notes, _ := rep["notes"].([]any); len(notes) != 1 {
		t.Errorf("JSON notes %v", rep["notes"])
	}
	if b, err := os.ReadFile(cache); err == nil && strings.Contains(string(b), addr) {
		t.Errorf("offline failures cached:\n%s", b)
	}
}

const minimalFamily = "---\ntitle: Example Writer\n---\n\n## Example Writer\n\nThe Example Writer writes examples.\n"

// Item 7: without a config, `cd content && ladderlint lint` found nothing:
// the default include was taken from the current folder. It is taken from
// the repository root now, and the Middleman preset brings its own include.
func TestDefaultIncludeFromSubfolder(t *testing.T) {
	repo := writeFiles(t, t.TempDir(), map[string]string{
		"content/job-families/writing/example-writer.md": minimalFamily,
		"content/job-families/other/other.md":            minimalFamily + "\nSee [gone](/handbook/zz-gone/).\n",
	})
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{".", "content", "content/job-families/writing"} {
		t.Chdir(filepath.Join(repo, sub))
		code, out, errOut := run(t, nil, "lint", "-f", "json", "--fail-on", "never")
		if code != 0 {
			t.Errorf("from %s: exit %d: %s", sub, code, errOut)
			continue
		}
		if rep := decodeReport(t, out); rep["files"] != float64(2) {
			t.Errorf("from %s: %v files, want 2", sub, rep["files"])
		}
	}
	// the paths are shown from the current folder, as git shows them
	t.Chdir(filepath.Join(repo, "content/job-families/writing"))
	_, out, _ := run(t, nil, "lint", "--fail-on", "never")
	if !strings.Contains(out, "\n../other/other.md:") && !strings.HasPrefix(out, "../other/other.md:") {
		t.Errorf("paths not shown from the current folder:\n%s", out)
	}
	// near miss: outside any repository the current folder is the base, and
	// the error says where the include was taken from
	bare := writeFiles(t, t.TempDir(), map[string]string{"content/job-families/x.md": minimalFamily})
	t.Chdir(filepath.Join(bare, "content"))
	code, _, errOut := run(t, nil, "lint")
	if code != exitError || !strings.Contains(errOut, "matches nothing from here") {
		t.Errorf("outside a repository: exit %d, %s", code, errOut)
	}

	// the Middleman preset: its own include, from the config's folder
	mm := writeFiles(t, t.TempDir(), map[string]string{
		".ladderlint.yml": "site:\n  layout: middleman\n",
		"sites/uncategorized/source/job-families/writing/example-writer/index.html.md": minimalFamily,
		"sites/uncategorized/source/job-families/writing/templated/index.html.md.erb":  minimalFamily,
		"sites/uncategorized/source/handbook/index.html.md":                            minimalFamily,
	})
	t.Chdir(filepath.Join(mm, "sites"))
	code, out, errOut = run(t, nil, "lint", "-f", "json", "--fail-on", "never")
	if code != 0 {
		t.Fatalf("middleman: exit %d: %s", code, errOut)
	}
	if rep := decodeReport(t, out); rep["files"] != float64(2) {
		t.Errorf("middleman: %v files, want the 2 job-family pages", rep["files"])
	}
}

// Item 2: after --fix, the findings printed were those of the text before
// the fix (old columns, and messages about the links it rewrote). Now they
// are the file's as written, and stderr says how many fixes were applied.
func TestFixReportsTheFixedFile(t *testing.T) {
	repo := writeFiles(t, t.TempDir(), map[string]string{
		"content/handbook/values/_index.md": "---\ntitle: Values\n---\n",
		"content/job-families/a.md": "---\ntitle: Example Writer\n---\n\n## Example Writer\n\n" +
			"See [values](https://handbook.gitlab.com/handbook/values/) and [gone](/handbook/zz-gone/).\n",
	})
	t.Chdir(repo)
	page := filepath.Join("content", "job-families", "a.md")
	code, out, errOut := run(t, nil, "lint", "--fix", "-f", "json", "--fail-on", "never", page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "applied 1 fix in 1 file") {
		t.Errorf("stderr does not count the fixes: %q", errOut)
	}
	written, _ := os.ReadFile(page)
	line := strings.Split(string(written), "\n")[6]
	if !strings.Contains(line, "[values](/handbook/values/)") {
		t.Fatalf("not fixed: %q", line)
	}
	var rep struct {
		Findings []struct {
			Rule         string
			Line, Column int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	wantCol := len([]rune(line[:strings.Index(line, "/handbook/zz-gone/")])) + 1
	found := false
	for _, f := range rep.Findings {
		switch f.Rule {
		case "link-style":
			t.Errorf("a finding the fix removed is reported: %+v", f)
		case "link-target":
			found = true
			if f.Line != 7 || f.Column != wantCol {
				t.Errorf("link-target at %d:%d, want 7:%d (the text as written)", f.Line, f.Column, wantCol)
			}
		}
	}
	if !found {
		t.Errorf("the broken link is not reported after the fix: %s", out)
	}
	// near miss: nothing left to fix is said too, and nothing is written
	_, _, errOut = run(t, nil, "lint", "--fix", "--fail-on", "never", page)
	if !strings.Contains(errOut, "no fixes to apply") {
		t.Errorf("second --fix: %q", errOut)
	}
}

// Item 8: the docs and the messages say the same thing.
func TestMessagesMatchDocs(t *testing.T) {
	dir := writeFiles(t, t.TempDir(), map[string]string{"page.md": minimalFamily})
	page := filepath.Join(dir, "page.md")

	// --fail-on documents never; its error lists never, not off
	code, _, errOut := run(t, nil, "lint", "--fail-on", "sometimes", page)
	if code != exitError || !strings.Contains(errOut, "want error, warning, info or never") {
		t.Errorf("--fail-on sometimes: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, nil, "lint", "--fail-on", "never", page); code != exitOK {
		t.Errorf("--fail-on never: exit %d", code)
	}

	// an unknown command is one, with the nearest name
	code, out, errOut := run(t, nil, "frob")
	if code != exitError || !strings.Contains(errOut, `unknown command "frob"`) || strings.Contains(errOut+out, "help topic") {
		t.Errorf("frob: exit %d, %q %q", code, errOut, out)
	}
	if _, _, errOut := run(t, nil, "lnit"); !strings.Contains(errOut, `did you mean "lint"?`) {
		t.Errorf("lnit: %q", errOut)
	}
	if code, out, _ := run(t, nil, "help", "lint"); code != exitOK || !strings.Contains(out, "--fail-on") {
		t.Errorf("help lint: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, nil, "help", "frob"); code != exitError || !strings.Contains(errOut, `unknown command "frob"`) {
		t.Errorf("help frob: exit %d, %q", code, errOut)
	}

	// model on a file lint reports as not text fails as lint does; a UTF-16
	// file is named UTF-16, not binary
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "# Title\n\nText.\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	noBOM := utf16[2:]
	writeFiles(t, dir, map[string]string{"utf16.md": string(utf16), "nobom.md": string(noBOM), "bin.md": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
	for _, name := range []string{"utf16.md", "nobom.md"} {
		p := filepath.Join(dir, name)
		code, out, errOut := run(t, nil, "model", p)
		if code != exitError || out != "" || !strings.Contains(errOut, "UTF-16") {
			t.Errorf("model %s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
		_, out, _ = run(t, nil, "lint", p)
		if !strings.Contains(out, "UTF-16 text (little-endian); ladderlint reads UTF-8") || strings.Contains(out, "binary") {
			t.Errorf("lint %s:\n%s", name, out)
		}
	}
	if code, _, errOut := run(t, nil, "model", filepath.Join(dir, "bin.md")); code != exitError || !strings.Contains(errOut, "binary file") {
		t.Errorf("model bin.md: exit %d, %q", code, errOut)
	}
	// near miss: a UTF-8 page with a few non-ASCII letters is modelled
	writeFiles(t, dir, map[string]string{"utf8.md": "---\ntitle: Ingénieur\n---\n\n## Ingénieur\n"})
	if code, _, errOut := run(t, nil, "model", filepath.Join(dir, "utf8.md")); code != exitOK {
		t.Errorf("model utf8.md: exit %d, %q", code, errOut)
	}

	// --fix --diff prints a diff: a report format with it is an error, not ignored
	code, out, errOut = run(t, nil, "lint", "--fix", "--diff", "-f", "json", page)
	if code != exitError || out != "" || !strings.Contains(errOut, "--diff prints a unified diff") {
		t.Errorf("--fix --diff -f json: exit %d, %q, %q", code, out, errOut)
	}

	// a report in a folder that does not exist names the folder, not a temporary file
	missing := filepath.Join(dir, "no-such-folder", "report.json")
	code, _, errOut = run(t, nil, "lint", "--fail-on", "never", "-o", "json="+missing, page)
	if code != exitError || !strings.Contains(errOut, "folder "+filepath.Dir(missing)+" does not exist") || strings.Contains(errOut, ".tmp") {
		t.Errorf("-o in a missing folder: exit %d, %q", code, errOut)
	}
}

// A cache that cannot be written is said once, through the run's notes (on
// the app's stderr, not the process's), and the links are still checked.
func TestExternalCacheNotWritten(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) }))
	defer srv.Close()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"page.md":    "---\ntitle: X\n---\n\n[gone](" + srv.URL + "/gone)\n",
		"plain-file": "not a folder\n",
		"cfg.yml":    "rules:\n  link-external:\n    retries: 0\n    cache: plain-file/links.json\n",
	})
	_, out, errOut := run(t, nil, "lint", "-c", filepath.Join(dir, "cfg.yml"), "--external", "--fail-on", "never", filepath.Join(dir, "page.md"))
	if strings.Count(errOut, "external link results not cached") != 1 {
		t.Errorf("stderr %q", errOut)
	}
	if !strings.Contains(out, "is dead: 404") {
		t.Errorf("the link is not reported:\n%s", out)
	}
}
