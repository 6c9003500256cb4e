package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/report"
	"gitlab.com/ladderlint/ladderlint/lint/report/reporttest"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

var (
	testConfig   = mustAbs("testdata/ci/ladderlint.yml")
	testFamilies = mustAbs("testdata/ci/content/job-families")
)

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return abs
}

// copyFamilies copies the test job families into dir/content/job-families.
func copyFamilies(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(testFamilies)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "content", "job-families")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(testFamilies, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// edit replaces the one occurrence of old in a file.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	text := string(readFile(t, path))
	if strings.Count(text, old) != 1 {
		t.Fatalf("%s: %q is not there once", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(text, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// committedFamilies makes a git repository with the test job families
// committed, and makes it the current folder.
func committedFamilies(t *testing.T) *vcstest.Repo {
	t.Helper()
	repo := vcstest.New(t)
	copyFamilies(t, repo.Dir)
	repo.Commit("job families")
	t.Chdir(repo.Dir)
	return repo
}

// findings reads the findings of a JSON report.
func findings(t *testing.T, data []byte) []lint.Finding {
	t.Helper()
	fs, err := report.ReadJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return fs
}

// expectedReport is what the reports of a run with the test rules must
// hold: the findings of its JSON report, every file with the test rules
// checked, the test rules as the rules that ran.
func expectedReport(t *testing.T, jsonReport []byte, paths ...string) *report.Report {
	rep := &report.Report{Findings: findings(t, jsonReport)}
	for _, p := range paths {
		rep.Files = append(rep.Files, &lint.FileResult{Path: p, Checked: testRuleIDs})
	}
	for _, id := range testRuleIDs {
		rep.Rules = append(rep.Rules, lint.Lookup(id))
	}
	return rep
}

// TestAllFormatsOneRun writes every format in one run and checks each as
// its reader would; --format F on standard output gives the same bytes as
// -o F=PATH.
func TestAllFormatsOneRun(t *testing.T) {
	t.Chdir(filepath.Dir(testConfig))
	out := t.TempDir()
	args := lintArgs("--fail-on", "never")
	for _, f := range report.Formats() {
		args = append(args, "-o", f+"="+filepath.Join(out, f))
	}
	code, stdout, stderr := run(t, nil, append(args, "content")...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	a, b := "content/job-families/gadget-manager.md", "content/job-families/widget-engineer.md"
	rep := expectedReport(t, readFile(t, filepath.Join(out, "json")), a, b)

	// the findings the fixtures hold, by rule and line
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(f.Path), f.Line, f.Rule))
	}
	want := []string{
		"gadget-manager.md:15 test-shared-title",
		"widget-engineer.md:15 test-jargon",
		"widget-engineer.md:16 test-jargon",
		"widget-engineer.md:24 test-todo",
		"widget-engineer.md:26 test-shared-title",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for _, f := range report.Formats() {
		reporttest.Check(t, f, readFile(t, filepath.Join(out, f)), rep)
	}
	if text := string(readFile(t, filepath.Join(out, "text"))); text != stdout {
		t.Errorf("-o text differs from standard output:\n%s\nvs\n%s", text, stdout)
	}
	if !strings.Contains(stdout, "content/job-families/widget-engineer.md:24:") || !strings.HasSuffix(stdout, "5 findings in 2 files: 1 error, 2 warnings, 2 info\n") {
		t.Errorf("text output:\n%s", stdout)
	}

	for _, f := range report.Formats() {
		_, stdout, _ := run(t, nil, append(lintArgs("--fail-on", "never", "--format", f), "content")...)
		if want := string(readFile(t, filepath.Join(out, f))); stdout != want {
			t.Errorf("--format %s differs from -o %s=PATH:\n%s\nvs\n%s", f, f, stdout, want)
		}
	}
}

func TestCodeQualitySeverityFlag(t *testing.T) {
	t.Chdir(filepath.Dir(testConfig))
	out := filepath.Join(t.TempDir(), "cq.json")
	code, stdout, stderr := run(t, nil, append(lintArgs("--fail-on", "never", "-f", "codequality", "-o", "codequality="+out,
		"--codequality-severity", "error=blocker,info=minor"), "content")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if string(readFile(t, out)) != stdout {
		t.Errorf("the mapping applies to standard output and --output alike")
	}
	var issues []struct {
		CheckName string `json:"check_name"`
		Severity  string `json:"severity"`
	}
	if err := json.Unmarshal([]byte(stdout), &issues); err != nil {
		t.Fatal(err)
	}
	sev := map[string]string{}
	for _, is := range issues {
		sev[is.CheckName] = is.Severity
	}
	want := map[string]string{"test-todo": "blocker", "test-jargon": "minor", "test-shared-title": "minor"}
	if !reflect.DeepEqual(sev, want) {
		t.Errorf("severities %v, want %v", sev, want)
	}
}

// role writes a level of a job family.
func role(title string, grade int, bullets ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\nThe %s is a [grade %d](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n", title, title, grade)
	fmt.Fprintf(&b, "#### %s Responsibilities\n\n", title)
	for _, x := range bullets {
		b.WriteString("- " + x + "\n")
	}
	return b.String() + "\n"
}

// TestFingerprints lints a page, then the same page with lines added above
// and between its roles, a line removed and the roles in another order: every finding
// keeps its fingerprint though its line moves. Two findings of one rule in
// one role (same subject) have distinct fingerprints.
func TestFingerprints(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	front := "---\ntitle: Widgets\n---\n\n"
	a := role("Widget Engineer", 6, "Build widgets, ninja style.", "Ship widgets like a ninja.")
	b := role("Senior Widget Engineer", 7, "Lead widget work. TODO: say how.", "Mentor every ninja.")
	c := role("Staff Widget Engineer", 8, "Set widget direction.", "Review widget designs.")
	run := func(page string) map[string]string {
		t.Helper()
		if err := os.WriteFile("widgets.md", []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, nil, append(lintArgs("--fail-on", "never", "-f", "json"), "widgets.md")...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		byKey := map[string]string{} // rule, role, occurrence -> fingerprint
		n := map[string]int{}
		for _, f := range findings(t, []byte(stdout)) {
			k := f.Rule + "/" + f.Role
			byKey[fmt.Sprintf("%s/%d", k, n[k])] = f.Fingerprint
			n[k]++
		}
		return byKey
	}
	before := run(front + "## Levels\n\n" + a + b + c)
	if len(before) != 4 {
		t.Fatalf("want 4 findings, got %v", before)
	}
	if before["test-jargon/Widget Engineer/0"] == before["test-jargon/Widget Engineer/1"] {
		t.Errorf("two findings of one rule in one role share a fingerprint")
	}
	seen := map[string]bool{}
	for _, fp := range before {
		if seen[fp] {
			t.Errorf("fingerprint %s is not unique: %v", fp, before)
		}
		seen[fp] = true
	}

	edited := front + "Widget engineers build widgets.\n\nA second paragraph.\n\n## Levels\n\n" +
		strings.Replace(c, "- Review widget designs.\n", "", 1) + "Text between roles.\n\n" + a + b
	if after := run(edited); !reflect.DeepEqual(after, before) {
		t.Errorf("fingerprints changed by edits elsewhere and reordering:\nbefore %v\nafter  %v", before, after)
	}
}

// TestBaseline: a report against itself leaves nothing and exits 0; a new
// finding is the only one reported; a bad baseline is a usage error.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	copyFamilies(t, dir)
	t.Chdir(dir)
	code, _, _ := run(t, nil, append(lintArgs("-o", "json=base.json"), "content")...)
	if code != 1 {
		t.Fatalf("the fixtures hold an error; exit %d, want 1", code)
	}
	for _, f := range report.Formats() {
		code, stdout, stderr := run(t, nil, append(lintArgs("--baseline", "base.json", "-f", f), "content")...)
		if code != 0 || stderr != "" {
			t.Errorf("%s: baseline of itself: exit %d, stderr %q", f, code, stderr)
		}
		switch f {
		case "text":
			if stdout != "no findings in 2 files\n" {
				t.Errorf("baseline of itself prints %q", stdout)
			}
		case "json":
			if fs := findings(t, []byte(stdout)); len(fs) != 0 {
				t.Errorf("baseline of itself: %d findings", len(fs))
			}
		}
	}

	page := "content/job-families/widget-engineer.md"
	edit(t, page, "## Levels\n", "Intro line.\n\n## Levels\n") // moves every finding down
	edit(t, page, "TODO: say how.\n", "TODO: say how.\n\n- Another TODO here.\n")
	code, stdout, _ := run(t, nil, append(lintArgs("--baseline", "base.json"), "content")...)
	if code != 1 || strings.Count(stdout, "\n") != 2 || !strings.HasPrefix(stdout, page+":28:11: error test-todo:") {
		t.Errorf("want only the new TODO, exit 1; got exit %d:\n%s", code, stdout)
	}

	for name, content := range map[string]string{
		"sarif.json": `{"version": "2.1.0", "runs": []}`,
		"empty.json": ``,
		"cq.json":    `[]`,
	} {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, nil, append(lintArgs("--baseline", name), "content")...)
		if code != 2 || !strings.HasPrefix(stderr, "ladderlint: --baseline "+name+": not a") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("baseline %s: exit %d, stderr %q", name, code, stderr)
		}
	}
	code, _, stderr := run(t, nil, append(lintArgs("--baseline", "missing.json"), "content")...)
	if code != 2 || stderr != "ladderlint: --baseline missing.json: no such file or directory\n" {
		t.Errorf("missing baseline: exit %d, stderr %q", code, stderr)
	}
}

// TestNewFromRev: after a commit, editing one line reports only the
// finding on that line, and the reports list only the changed file; a
// cross-file finding counts where it is reported; an untracked file is new
// throughout.
func TestNewFromRev(t *testing.T) {
	repo := committedFamilies(t)

	code, stdout, _ := run(t, nil, append(lintArgs("--new-from-rev", "HEAD"), "content")...)
	if code != 0 || stdout != "no findings in 0 files\n" {
		t.Errorf("nothing changed: exit %d\n%s", code, stdout)
	}

	// one line edited: a second ninja on a line that had none
	page := "content/job-families/widget-engineer.md"
	edit(t, page, "- Lead widget work. TODO: say how.", "- Lead widget work like a ninja. TODO: say how.")
	out := t.TempDir()
	code, stdout, _ = run(t, nil, append(lintArgs("--new-from-rev", "HEAD", "-f", "json", "-o", "junit="+filepath.Join(out, "junit.xml")), "content")...)
	var got []string
	for _, f := range findings(t, []byte(stdout)) {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Path, f.Line, f.Rule))
	}
	want := []string{page + ":24 test-jargon", page + ":24 test-todo"}
	if code != 1 || !reflect.DeepEqual(got, want) {
		t.Errorf("edited line 24: exit %d, findings %v, want %v", code, got, want)
	}
	rep := expectedReport(t, []byte(stdout), page)
	reporttest.CheckJUnit(t, readFile(t, filepath.Join(out, "junit.xml")), rep)

	// the edit is committed; a role renamed to a title the other file has:
	// the cross-file finding on the renamed heading is new, its twin in
	// the unchanged file is not
	repo.Commit("edit")
	other := "content/job-families/gadget-manager.md"
	edit(t, other, "### Gadget Manager\n", "### Senior Widget Engineer\n")
	_, stdout, _ = run(t, nil, append(lintArgs("--new-from-rev", "HEAD", "-f", "json"), "content")...)
	got = nil
	for _, f := range findings(t, []byte(stdout)) {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Path, f.Line, f.Rule))
	}
	if want := []string{other + ":7 test-shared-title"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cross-file: findings %v, want %v", got, want)
	}
	_, stdout, _ = run(t, nil, append(lintArgs("-f", "json"), "content")...)
	if n := strings.Count(stdout, `"rule": "test-shared-title"`); n != 4 {
		t.Errorf("without --new-from-rev the rename gives 4 shared-title findings, got %d", n)
	}

	// an untracked file: every finding is new
	repo.Write("content/job-families/new.md", "---\ntitle: New\n---\n\nTODO one.\n\nTODO two.\n")
	_, stdout, _ = run(t, nil, append(lintArgs("--new-from-rev", "HEAD", "-f", "json"), "content/job-families/new.md")...)
	if n := len(findings(t, []byte(stdout))); n != 2 {
		t.Errorf("untracked file: %d findings, want 2\n%s", n, stdout)
	}

	for _, c := range []struct{ rev, msg string }{
		{"no-such-rev", `ladderlint: --new-from-rev: unknown revision "no-such-rev"` + "\n"},
		{"--oops", `ladderlint: --new-from-rev: "--oops" is not a revision` + "\n"},
	} {
		code, _, stderr := run(t, nil, append(lintArgs("--new-from-rev="+c.rev), "content")...)
		if code != 2 || stderr != c.msg {
			t.Errorf("--new-from-rev %s: exit %d, stderr %q, want %q", c.rev, code, stderr, c.msg)
		}
	}
	outside := t.TempDir()
	copyFamilies(t, outside)
	t.Chdir(outside)
	code, _, stderr := run(t, nil, append(lintArgs("--new-from-rev", "HEAD"), "content")...)
	if code != 2 || !strings.HasPrefix(stderr, "ladderlint: --new-from-rev: not in a git work tree") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("outside a repository: exit %d, stderr %q", code, stderr)
	}
}

// TestBaselineAndNewFromRevTogether: both filters apply, with every
// format. An edited line holds an old finding (in the baseline) and a new
// one: only the new one is left.
func TestBaselineAndNewFromRevTogether(t *testing.T) {
	committedFamilies(t)
	base := filepath.Join(t.TempDir(), "base.json")
	run(t, nil, append(lintArgs("-o", "json="+base), "content")...)
	page := "content/job-families/widget-engineer.md"
	edit(t, page, "- Build widgets, ninja style.", "- Build widgets, ninja style. TODO")

	both := lintArgs("--baseline", base, "--new-from-rev", "HEAD")
	_, stdout, _ := run(t, nil, append(both, "-f", "json", "content")...)
	rep := expectedReport(t, []byte(stdout), page)
	if len(rep.Findings) != 1 || rep.Findings[0].Rule != "test-todo" || rep.Findings[0].Line != 15 {
		t.Fatalf("want the new TODO on line 15 alone, got %+v", rep.Findings)
	}
	for _, f := range report.Formats() {
		out := filepath.Join(t.TempDir(), "report")
		code, _, stderr := run(t, nil, append(both, "-f", f, "-o", f+"="+out, "content")...)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1: %s", f, code, stderr)
		}
		data := readFile(t, out)
		reporttest.Check(t, f, data, rep)
		if f == "text" && !strings.HasPrefix(string(data), page+":15:31: error test-todo:") {
			t.Errorf("text: %q", data)
		}
	}
}

// TestExitCodes follows the CLI contract: 0 without findings at or above
// --fail-on, 1 with, 2 for usage errors and unreadable input, with a
// one-line reason on standard error.
func TestExitCodes(t *testing.T) {
	t.Chdir(filepath.Dir(testConfig))
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string // prefix of the one line
	}{
		{"errors fail", lintArgs("content"), 1, ""},
		{"--fail-on never", lintArgs("--fail-on", "never", "content"), 0, ""},
		{"--fail-on warning without errors", lintArgs("--disable", "test-todo", "--fail-on", "warning", "content"), 1, ""},
		{"--fail-on error without errors", lintArgs("--disable", "test-todo", "content"), 0, ""},
		{"unknown flag", lintArgs("--no-such-flag", "content"), 2, "ladderlint: flag provided but not defined: -no-such-flag"},
		{"missing path", lintArgs("content/missing.md"), 2, "ladderlint: content/missing.md: no such file or directory"},
		{"bad --output", lintArgs("-o", "xml=out.xml", "content"), 2, "ladderlint: --output: unknown format"},
		{"bad --codequality-severity", lintArgs("--codequality-severity", "error=fatal", "content"), 2, "ladderlint: --codequality-severity"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, nil, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, stderr)
			}
			if c.stderr == "" && stderr != "" || !strings.HasPrefix(stderr, c.stderr) || c.stderr != "" && strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", stderr, c.stderr)
			}
		})
	}
}

// TestAllFormatsSampleHandbook writes every format for the sample handbook
// with the real rules at their defaults, and checks each as its reader
// would: the real rule docs in the SARIF catalog, real messages in XML.
func TestAllFormatsSampleHandbook(t *testing.T) {
	out := t.TempDir()
	args := []string{"lint", "--fail-on", "never"}
	for _, f := range report.Formats() {
		args = append(args, "-o", f+"="+filepath.Join(out, f))
	}
	code, _, stderr := run(t, nil, append(args, sample)...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	rep := &report.Report{Findings: findings(t, readFile(t, filepath.Join(out, "json")))}
	if len(rep.Findings) == 0 {
		t.Fatal("the sample handbook has planted findings")
	}
	var checked []string
	for _, r := range lint.Rules() {
		if !r.Optional {
			checked = append(checked, r.ID)
			rep.Rules = append(rep.Rules, r)
		}
	}
	files, err := lint.Collect(lint.DefaultConfig(), []string{sample})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range files {
		rep.Files = append(rep.Files, &lint.FileResult{Path: lint.DisplayPath(in.Path), Checked: checked})
	}
	for _, f := range report.Formats() {
		reporttest.Check(t, f, readFile(t, filepath.Join(out, f)), rep)
	}
}
