package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// The CLI on hostile input, in-process: whatever the pages and the file
// system hold, a run ends with exit 0, 1 or 2 (2 with a one-line reason),
// reads without writing, and never panics or hangs.

// hostileShapeSize is the size of the shapes in the hostile folder: small
// enough for `go test`, unless LADDERLINT_HOSTILE_SIZE says otherwise
// (bench/hostile.sh runs the test with large shapes under a hard memory
// limit; the benchmarks in lint/ and lint/model/ time them).
func hostileShapeSize() int {
	if n, err := strconv.Atoi(os.Getenv("LADDERLINT_HOSTILE_SIZE")); err == nil && n > 0 {
		return n
	}
	return 300
}

// writeHostileFolder writes a page of every hostile shape, odd input and
// YAML bomb, a binary file and a page over the size cap of cfg, and
// returns the folder and the config.
func writeHostileFolder(t *testing.T) (dir, cfg string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "content")
	pages := map[string]string{}
	for name, gen := range hostile.Shapes {
		pages["shape-"+name+".md"] = gen(hostileShapeSize())
	}
	for name, src := range hostile.OddInputs {
		pages["odd-"+name+".md"] = src
	}
	for name, body := range hostile.YAMLBombs {
		pages["yaml-"+name+".md"] = "---\n" + body + "---\n\n## Manager\n"
	}
	pages["binary.md"] = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	pages["big.md"] = "---\ntitle: Big\n---\n\n" + strings.Repeat("- The Manager is a grade 8.\n", 5000)
	pages["nested/deeper/page.md"] = "---\ntitle: Nested\n---\n\n## Manager\n"
	for name, src := range pages {
		mustWrite(t, filepath.Join(dir, strings.ReplaceAll(name, " ", "-")), src)
	}
	// a size cap that big.md exceeds, and the shapes do not
	limit := 100000
	for _, src := range pages {
		if !strings.HasPrefix(src, "---\ntitle: Big\n") {
			limit = max(limit, len(src)+1)
		}
	}
	cfg = filepath.Join(root, "ladderlint.yml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("max_file_size: %d\n", limit)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, cfg
}

// snapshot reads every file and folder under root: path -> mode and content.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entry := info.Mode().String()
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entry += " " + string(data)
		} else if info.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			entry += " -> " + target
		}
		out[p] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkUnchanged fails unless root holds what before holds, plus the
// reports named in extra.
func checkUnchanged(t *testing.T, root string, before map[string]string, extra ...string) {
	t.Helper()
	after := snapshot(t, root)
	allowed := map[string]bool{}
	for _, p := range extra {
		allowed[p] = true
		allowed[filepath.Dir(p)] = true
	}
	for p, was := range before {
		if after[p] != was {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !allowed[p] {
			t.Errorf("%s was created", p)
		}
	}
}

// checkExit fails unless a run ended with 0, 1, or 2 and a one-line reason.
func checkExit(t *testing.T, what string, code int, stderr string) {
	t.Helper()
	switch code {
	case 0, 1:
	case 2:
		if strings.TrimSpace(stderr) == "" {
			t.Errorf("%s: exit 2 without a reason on stderr", what)
		}
	default:
		t.Errorf("%s: exit %d", what, code)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
		t.Errorf("%s: %s", what, stderr)
	}
}

var reportFormats = []string{"text", "json", "junit", "codequality", "sarif"}

// TestHostileFolderIsOnlyRead lints a folder of hostile pages with every
// format, all together and one by one, and prints the model of each: every
// run exits 0, 1 or 2 with a reason, and afterwards every input is byte for
// byte what it was, with no file created but the -o reports. The Go memory
// limit is 2 GiB meanwhile (bench/hostile.sh runs the binary under a hard
// limit).
func TestHostileFolderIsOnlyRead(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(2 << 30))
	dir, cfg := writeHostileFolder(t)
	root := filepath.Dir(dir)
	before := snapshot(t, root)

	for _, format := range reportFormats {
		code, out, errOut := run(t, nil, "lint", "-c", cfg, "-f", format, dir)
		checkExit(t, "lint -f "+format, code, errOut)
		if code != 1 || out == "" {
			t.Errorf("lint -f %s: exit %d, %d bytes of report; want 1 and a report (the pages hold errors)", format, code, len(out))
		}
	}
	reports := filepath.Join(t.TempDir(), "reports")
	if err := os.Mkdir(reports, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"lint", "-c", cfg, "--format", "json"}
	var written []string
	for _, format := range reportFormats {
		p := filepath.Join(reports, "report."+format)
		args = append(args, "-o", format+"="+p)
		written = append(written, p)
	}
	code, _, errOut := run(t, nil, append(args, dir)...)
	checkExit(t, "lint -o every format", code, errOut)
	for _, p := range written {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("report %s not written: %v", p, err)
		}
	}
	if entries, _ := os.ReadDir(reports); len(entries) != len(written) {
		t.Errorf("the reports folder holds %d entries, want the %d reports (no temporary files)", len(entries), len(written))
	}

	var pages []string
	for p, entry := range before {
		if strings.HasSuffix(p, ".md") && strings.HasPrefix(entry, "-") {
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	for _, p := range pages {
		for _, format := range []string{"text", "sarif"} {
			code, _, errOut := run(t, nil, "lint", "-c", cfg, "-f", format, p)
			checkExit(t, "lint "+filepath.Base(p), code, errOut)
		}
		code, out, errOut := run(t, nil, "model", p)
		checkExit(t, "model "+filepath.Base(p), code, errOut)
		if code == 0 && !strings.HasPrefix(out, "{") {
			t.Errorf("model %s: no JSON", filepath.Base(p))
		}
	}
	checkUnchanged(t, root, before)
}

// TestPageOverSizeCapIsReported: the page over the config's size cap is a
// finding of the input rule, not parsed.
func TestPageOverSizeCapIsReported(t *testing.T) {
	dir, cfg := writeHostileFolder(t)
	code, out, _ := run(t, nil, "lint", "-c", cfg, filepath.Join(dir, "big.md"), filepath.Join(dir, "binary.md"))
	if code != 1 || !strings.Contains(out, "big.md:1:1: error input: file is larger than the 100000-byte limit") ||
		!strings.Contains(out, "binary.md:1:1: error input: file holds NUL bytes") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	// model reads the config found from the current folder
	t.Chdir(filepath.Dir(dir))
	if err := os.Rename(cfg, lint.ConfigFileName); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, nil, "model", filepath.Join(dir, "big.md")); code != 2 || !strings.Contains(errOut, "big.md: larger than the 100000-byte limit") {
		t.Errorf("model of a page over the cap: exit %d, %q", code, errOut)
	}
}

// TestBrokenConfigExit2 runs lint with configs that cannot be used: exit
// 2, and the reason names the config file.
func TestBrokenConfigExit2(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.md")
	mustWrite(t, page, "---\ntitle: T\n---\n")
	configs := map[string]string{
		"syntax.yml":      "include: [a\nexclude: b\n",
		"unknown-key.yml": "include: [a]\nbogus: 1\n",
		"nested-key.yml":  "site:\n  rootz: []\n",
		"not-a-map.yml":   "- a\n- b\n",
		"binary.yml":      "\x00\x01\x02",
		"bad-option.yml":  "rules:\n  template-placeholder:\n    allow: ['(']\n",
	}
	for name, body := range hostile.YAMLBombs {
		configs["bomb-"+strings.ReplaceAll(name, " ", "-")+".yml"] = body
	}
	for name, body := range configs {
		mustWrite(t, filepath.Join(dir, name), body)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	configs["folder.yml"] = ""
	configs["missing.yml"] = ""
	for name := range configs {
		code, _, errOut := run(t, nil, "lint", "-c", filepath.Join(dir, name), page)
		if code != 2 || !strings.Contains(errOut, name) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one line naming the file", name, code, errOut)
		}
	}
	// a config found rather than named
	t.Chdir(dir)
	mustWrite(t, lint.ConfigFileName, configs["unknown-key.yml"])
	if code, _, errOut := run(t, nil, "lint", "page.md"); code != 2 || !strings.Contains(errOut, lint.ConfigFileName+":2: bogus: unknown key") {
		t.Errorf("found config: exit %d, stderr %q", code, errOut)
	}
}

// TestSymlinksAndFoldersNamedMD: a folder named *.md is walked, not read;
// a link to a folder is not followed (so a loop ends); a link to a page is
// linted under the link's name, even when the page is out of the tree; a
// page that is a link leading nowhere, or a loop of links, is an input
// that cannot be read: exit 2 naming it.
func TestSymlinksAndFoldersNamedMD(t *testing.T) {
	dir := t.TempDir()
	page := "---\ntitle: T\n---\n\n## Manager\n\nThe Manager is a grade 8.\n"
	mustWrite(t, filepath.Join(dir, "folder.md", "inside.md"), page)
	mustWrite(t, filepath.Join(dir, "real.md"), page)
	mustSymlink(t, "real.md", filepath.Join(dir, "alias.md"))
	mustSymlink(t, ".", filepath.Join(dir, "self"))   // a folder loop
	mustSymlink(t, "..", filepath.Join(dir, "up.md")) // a folder named like a page
	mustSymlink(t, dir, filepath.Join(dir, "folder.md", "back"))
	elsewhere := filepath.Join(t.TempDir(), "elsewhere.md") // out of the tree
	mustWrite(t, elsewhere, page)
	mustSymlink(t, elsewhere, filepath.Join(dir, "outside.md"))

	code, out, errOut := run(t, nil, "lint", "-f", "json", "--fail-on", "never", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// a link to a page is linted under its own name, wherever the page is
	for _, want := range []string{`"files": 4`, "folder.md/inside.md", "alias.md", "real.md", "outside.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s:\n%.400s", want, out)
		}
	}
	if strings.Contains(out, "elsewhere") {
		t.Error("the report names the link's target, not the link")
	}
	if code, _, errOut := run(t, nil, "model", filepath.Join(dir, "folder.md")); code != 2 || !strings.Contains(errOut, "folder.md: is a folder") {
		t.Errorf("model of a folder: exit %d, %q", code, errOut)
	}

	for name, target := range map[string]string{"loop.md": "loop.md", "ping.md": "pong.md", "dangling.md": "gone.md"} {
		t.Run(name, func(t *testing.T) {
			sub := t.TempDir()
			mustWrite(t, filepath.Join(sub, "ok.md"), page)
			mustSymlink(t, target, filepath.Join(sub, name))
			if name == "ping.md" {
				mustSymlink(t, "ping.md", filepath.Join(sub, "pong.md"))
			}
			for _, args := range [][]string{{"lint", sub}, {"lint", filepath.Join(sub, name)}, {"model", filepath.Join(sub, name)}} {
				code, _, errOut := run(t, nil, args...)
				if code != 2 || !strings.Contains(errOut, name+":") {
					t.Errorf("%v: exit %d, stderr %q; want 2 naming %s", args[0], code, errOut, name)
				}
			}
		})
	}
}

// TestUnreadableInputsExit2: a page or a folder that cannot be read is exit
// 2 naming it. Root reads anything, so the test needs another user.
func TestUnreadableInputsExit2(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read files of mode 000")
	}
	dir := t.TempDir()
	page := "---\ntitle: T\n---\n"
	mustWrite(t, filepath.Join(dir, "ok.md"), page)
	mustWrite(t, filepath.Join(dir, "secret.md"), page)
	mustWrite(t, filepath.Join(dir, "closed", "inside.md"), page)
	for _, p := range []string{filepath.Join(dir, "secret.md"), filepath.Join(dir, "closed")} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	cases := []struct {
		args []string
		name string
	}{
		{[]string{"lint", filepath.Join(dir, "secret.md")}, "secret.md"},
		{[]string{"model", filepath.Join(dir, "secret.md")}, "secret.md"},
		{[]string{"lint", dir}, "closed"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, nil, c.args...)
		if code != 2 || !strings.Contains(errOut, c.name) || !strings.Contains(errOut, "permission denied") {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming %s", c.args, code, errOut, c.name)
		}
	}
	if err := os.Chmod(filepath.Join(dir, "closed"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, nil, "lint", dir); code != 2 || !strings.Contains(errOut, "secret.md: permission denied") {
		t.Errorf("lint of the folder: exit %d, stderr %q", code, errOut)
	}
}

// testVanish deletes every other page of its folder when it checks a page
// named first.md: they vanish between collection and reading.
var testVanish = &lint.Rule{
	ID: "test-vanish", Title: "test rule: removes the other pages", Category: lint.Structure, Severity: lint.Info, Optional: true,
	Doc: lint.Doc{Description: "test only", Bad: "x", Good: "y", Excerpt: true},
	Check: func(p *lint.Pass) {
		if filepath.Base(p.File.Path) != "first.md" {
			return
		}
		dir := filepath.Dir(p.File.Path)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "first.md" {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	},
}

// testEdit stands for an editor saving a page while ladderlint runs: it
// appends a line to every page it checks.
var testEdit = &lint.Rule{
	ID: "test-edit", Title: "test rule: edits the page on disk", Category: lint.Structure, Severity: lint.Info, Optional: true,
	Doc: lint.Doc{Description: "test only", Bad: "x", Good: "y", Excerpt: true},
	Check: func(p *lint.Pass) {
		fh, err := os.OpenFile(p.File.Path, os.O_APPEND|os.O_WRONLY, 0)
		if err == nil {
			fmt.Fprintln(fh, "saved by an editor")
			fh.Close()
		}
	},
}

func init() { lint.Register(testVanish, testEdit) }

// TestPageVanishingDuringRun: pages removed after they were collected and
// before they were read end the run with exit 2 naming one of them.
func TestPageVanishingDuringRun(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one worker: pages are read in order
	dir := t.TempDir()
	for _, name := range []string{"first.md", "second.md", "third.md"} {
		mustWrite(t, filepath.Join(dir, name), "---\ntitle: T\n---\n")
	}
	code, _, errOut := run(t, nil, "lint", "--enable", "test-vanish", dir)
	if code != 2 || !strings.Contains(errOut, "second.md: no such file or directory") {
		t.Fatalf("exit %d, stderr %q; want 2 naming the vanished page", code, errOut)
	}
}

// TestFixLeavesPageChangedDuringRun: --fix does not overwrite a page that
// changed on disk after it was read; it says so, and the finding stays.
func TestFixLeavesPageChangedDuringRun(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "p.md")
	mustWrite(t, page, "---\ntitle: T\n---\n\nteh page\n")
	only := []string{"--disable", "required-sections", "--enable", "test-teh", "--enable", "test-edit"}
	code, out, errOut := run(t, nil, append(append([]string{"lint", "--fix"}, only...), page)...)
	if code != 0 || !strings.Contains(errOut, "p.md: changed during the run; not fixed") || !strings.Contains(out, "test-teh") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if data, _ := os.ReadFile(page); string(data) != "---\ntitle: T\n---\n\nteh page\nsaved by an editor\n" {
		t.Fatalf("the page was overwritten: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestFixComparesPageAsRead: --fix compares the page on disk with the
// page as read, its byte-order mark and CRLF line endings put back: a page
// with both, unchanged, is fixed; the same page saved by an editor during
// the run is not.
func TestFixComparesPageAsRead(t *testing.T) {
	orig := "\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n\r\nteh page\r\n"
	dir := t.TempDir()
	page := filepath.Join(dir, "p.md")
	mustWrite(t, page, orig)
	only := []string{"--disable", "required-sections", "--enable", "test-teh"}
	code, out, errOut := run(t, nil, append(append([]string{"lint", "--fix"}, only...), page)...)
	if code != 0 || strings.Contains(errOut, "changed during the run") || strings.Contains(out, "test-teh") {
		t.Fatalf("unchanged page: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if data, _ := os.ReadFile(page); string(data) != strings.Replace(orig, "teh", "the", 1) {
		t.Fatalf("fixed page %q: BOM and CRLF must be kept", data)
	}
	mustWrite(t, page, orig)
	code, out, errOut = run(t, nil, append(append([]string{"lint", "--fix", "--enable", "test-edit"}, only...), page)...)
	if code != 0 || !strings.Contains(errOut, "p.md: changed during the run; not fixed") || !strings.Contains(out, "test-teh") {
		t.Fatalf("edited page: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if data, _ := os.ReadFile(page); string(data) != orig+"saved by an editor\n" {
		t.Fatalf("the page was overwritten: %q", data)
	}
}

func mustWrite(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

// The model builder panics on pages holding hostile.ParsePanic, standing
// for a bug in goldmark or the model.
func init() { hostile.PanicOn(model.Markdown.Parser()) }

// TestPanicInModelBuilderExit2: a page the model builder panics on makes
// lint report the other pages and exit 2 naming it, and model exit 2 with
// a one-line reason, not a crash.
func TestPanicInModelBuilderExit2(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "a.md"), "---\ntitle: A\n---\n\n"+hostile.ParsePanic+"\n")
	mustWrite(t, filepath.Join(dir, "b.md"), "---\ntitle: B\n---\n\n{add x}\n")
	code, out, errOut := run(t, nil, "lint", dir)
	if code != 2 || !strings.Contains(errOut, "internal error: the model builder panicked on") || !strings.Contains(errOut, "a.md") ||
		!strings.Contains(out, "b.md:5:1: error template-placeholder") {
		t.Fatalf("lint: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, _, errOut = run(t, nil, "model", filepath.Join(dir, "a.md"))
	if code != 2 || !strings.HasPrefix(errOut, "ladderlint: internal error: injected") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("model: exit %d, stderr %q", code, errOut)
	}
}

// TestFixThroughSymlink: --fix on a page reached through a symbolic link
// fixes the file the link points to and leaves the link a link (a rename
// over the link's path would replace it with a copy, leaving the real page
// unfixed).
func TestFixThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	mustWrite(t, real, "---\ntitle: T\n---\n\nteh page\n")
	alias := filepath.Join(dir, "alias.md")
	mustSymlink(t, "real.md", alias)
	code, _, errOut := run(t, nil, "lint", "--fix", "--disable", "required-sections", "--enable", "test-teh", alias)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if st, err := os.Lstat(alias); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	if data, _ := os.ReadFile(real); string(data) != "---\ntitle: T\n---\n\nthe page\n" {
		t.Fatalf("the real page was not fixed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
}
