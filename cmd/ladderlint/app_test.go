package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// run runs the CLI in-process and returns its exit status and output.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := NewApp(&out, &errOut)
	app.Getenv = func(k string) string { return env[k] }
	code := app.Run(append([]string{"ladderlint"}, args...))
	return code, out.String(), errOut.String()
}

const sample = "../../testdata/handbook/content/job-families"

func TestLintSampleHandbook(t *testing.T) {
	code, out, errOut := run(t, nil, "lint", sample)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (the sample has planted errors); stderr %q", code, errOut)
	}
	if !strings.Contains(out, "example-coordinator.md:") || !strings.Contains(out, "error template-placeholder:") {
		t.Errorf("output lacks the planted finding:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "findings in 12 files") {
		t.Errorf("summary line %q", last)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without a terminal")
	}
	if code, _, _ := run(t, nil, "lint", "--fail-on", "never", sample); code != 0 {
		t.Errorf("--fail-on never: exit %d, want 0", code)
	}
}

func TestColour(t *testing.T) {
	var out bytes.Buffer
	app := NewApp(&out, &bytes.Buffer{})
	app.Getenv = func(string) string { return "" }
	app.Terminal = true
	app.Run([]string{"ladderlint", "lint", "--fail-on", "never", sample})
	if !strings.Contains(out.String(), "\x1b[") {
		t.Error("no colour on a terminal")
	}
	for _, c := range []struct {
		env  map[string]string
		args []string
	}{{map[string]string{"NO_COLOR": "1"}, nil}, {nil, []string{"--no-color"}}} {
		out.Reset()
		app.Getenv = func(k string) string { return c.env[k] }
		app.Run(append(append([]string{"ladderlint", "lint", "--fail-on", "never"}, c.args...), sample))
		if strings.Contains(out.String(), "\x1b[") {
			t.Errorf("colour despite %v %v", c.env, c.args)
		}
	}
}

func TestJSONReportValidates(t *testing.T) {
	code, out, _ := run(t, nil, "lint", "--format", "json", "--fail-on", "never", sample)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	inst, err := schema.ToJSONValue(json.RawMessage(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Report().Validate(inst); err != nil {
		t.Fatalf("report does not validate: %v", err)
	}
	var rep struct {
		Files    int
		Findings []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Files != 12 || len(rep.Findings) == 0 {
		t.Fatalf("files %d, findings %d", rep.Files, len(rep.Findings))
	}
	// a clean run prints an empty array, not null
	_, clean, _ := run(t, nil, "lint", "--format", "json", sample+"/marketing/example-writer.md", "--disable", "required-sections")
	if !strings.Contains(clean, `"findings": []`) {
		t.Errorf("clean report:\n%s", clean)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	cases := [][]string{
		{"lint", "--bogus"},
		{"lint", "../../schema"}, // a folder without markdown files
		{"lint", "no/such/path.md"},
		{"lint", "--format", "yaml", sample},
		{"lint", "--fail-on", "sometimes", sample},
		{"lint", "--enable", "no-such-rule", sample},
		{"lint", "--diff", sample},
		{"lint", "-o", "json", sample},
		{"model"},
		{"model", "no/such/file.md"},
		{"explain", "no-such-rule"},
	}
	for _, args := range cases {
		code, _, errOut := run(t, nil, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if lines := strings.Count(strings.TrimSpace(errOut), "\n"); errOut == "" || lines > 0 && !strings.Contains(errOut, "Usage") {
			t.Errorf("%v: stderr should be one line, got %q", args, errOut)
		}
	}
}

func TestConfigErrorExit2(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(cfg, []byte("rules:\n  grade-ordre: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, nil, "lint", "-c", cfg, sample)
	if code != 2 || !strings.Contains(errOut, "bad.yml:2: rules.grade-ordre: unknown rule") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestModelCommand(t *testing.T) {
	code, out, errOut := run(t, nil, "model", sample+"/engineering/infrastructure/engineering-management.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	inst, err := schema.ToJSONValue(json.RawMessage(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Family().Validate(inst); err != nil {
		t.Fatalf("model does not validate: %v", err)
	}
	var m struct {
		Roles []struct {
			Title, Kind string
			Base        *string
			Grade       *struct{ Number float64 }
		}
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	var levels []float64
	specialties := 0
	for _, r := range m.Roles {
		switch r.Kind {
		case string(model.KindLevel):
			if r.Grade == nil {
				t.Fatalf("level %q without grade", r.Title)
			}
			levels = append(levels, r.Grade.Number)
		case string(model.KindSpecialty):
			specialties++
			if r.Base == nil || *r.Base != "Manager, Infrastructure" {
				t.Errorf("specialty %q base %v", r.Title, r.Base)
			}
		}
	}
	if len(levels) != 5 || levels[0] != 8 || levels[4] != 12 || specialties < 6 {
		t.Fatalf("levels %v, %d specialties", levels, specialties)
	}
}

func TestRulesAndExplain(t *testing.T) {
	_, out, _ := run(t, nil, "rules")
	for _, r := range lint.Rules() {
		if !strings.Contains(out, r.ID) {
			t.Errorf("rules does not list %s", r.ID)
		}
	}
	code, out, _ := run(t, nil, "explain", "template-placeholder")
	if code != 0 || !strings.Contains(out, "## template-placeholder") || !strings.Contains(out, "Reported:") {
		t.Fatalf("explain: exit %d\n%s", code, out)
	}
}

func TestInitWritesStarterConfig(t *testing.T) {
	t.Chdir(t.TempDir())
	code, _, errOut := run(t, nil, "init")
	if code != 0 {
		t.Fatalf("init: exit %d %s", code, errOut)
	}
	data, err := os.ReadFile(lint.ConfigFileName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lint.ParseConfig(lint.ConfigFileName, data); err != nil {
		t.Fatalf("the starter config does not load: %v", err)
	}
	if code, _, errOut := run(t, nil, "init"); code != 2 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("second init: exit %d %q", code, errOut)
	}
}

// teh is a fixable rule for testing --fix: it replaces "teh" with "the".
var tehRule = &lint.Rule{
	ID: "test-teh", Title: "teh is the", Category: lint.Wording, Severity: lint.Warning, Optional: true, Fixable: true,
	Doc: lint.Doc{Description: "test only", Bad: "teh", Good: "the", Excerpt: true},
	Check: func(p *lint.Pass) {
		for i := bytes.Index(p.File.Source.Text, []byte("teh")); i >= 0; {
			sp := model.Span{Start: i, End: i + 3}
			p.Report(lint.Diagnostic{Span: sp, Message: "teh", Fixes: []lint.Edit{{Span: sp, New: "the"}}})
			j := bytes.Index(p.File.Source.Text[i+3:], []byte("teh"))
			if j < 0 {
				break
			}
			i += 3 + j
		}
	},
}

func init() { lint.Register(tehRule) }

func TestFix(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "p.md")
	orig := "---\r\ntitle: T\r\n---\r\n\r\nteh page, teh end\r\n"
	if err := os.WriteFile(page, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	only := []string{"--disable", "required-sections", "--enable", "test-teh"}
	code, out, _ := run(t, nil, append(append([]string{"lint", "--fix", "--diff"}, only...), page)...)
	if code != 0 || !strings.Contains(out, "-teh page, teh end") || !strings.Contains(out, "+the page, the end") {
		t.Fatalf("--diff: exit %d\n%s", code, out)
	}
	if data, _ := os.ReadFile(page); string(data) != orig {
		t.Fatal("--diff changed the file")
	}
	code, out, _ = run(t, nil, append(append([]string{"lint", "--fix"}, only...), page)...)
	if code != 0 || strings.Contains(out, "test-teh") {
		t.Fatalf("--fix: exit %d, fixed findings still reported:\n%s", code, out)
	}
	data, _ := os.ReadFile(page)
	if string(data) != strings.ReplaceAll(orig, "teh", "the") {
		t.Fatalf("fixed file %q: CRLF must be kept", data)
	}
	if st, _ := os.Stat(page); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v not kept", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
