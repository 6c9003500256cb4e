package lint_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

func TestConfigErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		key, msg   string
	}{
		{"unknown top-level key", "include: [a]\nbogus: 1\n", 2, "bogus", "unknown key"}, {"unknown nested key", "site:\n  layout: hugo\n  rootz: []\n", 3, "site.rootz", "unknown key"},
		{"unknown rule", "rules:\n  grade-ordre: error\n", 2, "rules.grade-ordre", "unknown rule"},
		{"bad severity", "rules:\n  frontmatter: fatal\n", 2, "rules.frontmatter", ""},
		{"bad type", "site:\n  layout: jekyll\n", 2, "site.layout", ""},
		{"unknown option", "rules:\n  template-placeholder:\n    severity: warning\n    alow: []\n", 4, "rules.template-placeholder.alow", "not found"},
		{"bad option regexp", "rules:\n  template-placeholder:\n    allow: ['(']\n", 2, "rules.template-placeholder", "missing closing"},
		{"rule without options", "rules:\n  heading-increment:\n    depth: 2\n", 3, "rules.heading-increment.depth", "no options"},
		{"yaml syntax", "include: [a\nexclude: b\n", 2, "", "YAML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := lint.ParseConfig("conf/.ladderlint.yml", []byte(c.text))
			var ce *lint.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("want a ConfigError, got %v", err)
			}
			if ce.File != "conf/.ladderlint.yml" || ce.Line != c.line || ce.Key != c.key || !strings.Contains(ce.Error(), c.msg) {
				t.Fatalf("got %q (file %q line %d key %q), want line %d key %q containing %q", ce.Error(), ce.File, ce.Line, ce.Key, c.line, c.key, c.msg)
			}
		})
	}
}

func TestConfigOverDefaults(t *testing.T) {
	cfg, err := lint.ParseConfig(".ladderlint.yml", []byte("grades:\n  max: 15\nrules:\n  heading-increment: off\n  template-placeholder:\n    severity: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Grades.Max != 15 || cfg.Grades.Min != 1 || cfg.Grades.Table == "" || len(cfg.Grades.Tracks) != 2 {
		t.Fatalf("grades not merged over defaults: %+v", cfg.Grades)
	}
	if s := cfg.Severity(lint.Lookup("heading-increment")); s != 0 {
		t.Errorf("heading-increment severity %v, want off", s)
	}
	if s := cfg.Severity(lint.Lookup("template-placeholder")); s != lint.Warning {
		t.Errorf("template-placeholder severity %v, want warning", s)
	}
	if s := cfg.Severity(lint.Lookup("frontmatter")); s != lint.Error {
		t.Errorf("frontmatter keeps its default, got %v", s)
	}
}

func TestFindConfigStopsAtRepositoryRoot(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "content", "job-families")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// a config above the repository must not be found
	if err := os.WriteFile(filepath.Join(root, lint.ConfigFileName), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := lint.FindConfig(sub); got != "" {
		t.Fatalf("found %s above the repository root", got)
	}
	want := filepath.Join(repo, lint.ConfigFileName)
	if err := os.WriteFile(want, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := lint.FindConfig(sub); got != want {
		t.Fatalf("FindConfig = %q, want %q", got, want)
	}
}

func TestYAMLAliasBombInConfig(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ninclude: [*f]\n"
	_, err := lint.ParseConfig(".ladderlint.yml", []byte(bomb))
	if err == nil {
		t.Fatal("an alias bomb must be an error")
	}
}

func TestGlob(t *testing.T) {
	cases := []struct {
		glob, path string
		ok         bool
	}{
		{"content/job-families/**/*.md", "content/job-families/a.md", true},
		{"content/job-families/**/*.md", "content/job-families/x/y/a.md", true},
		{"content/job-families/**/*.md", "content/handbook/a.md", false},
		{"**/overview.md", "a/b/overview.md", true},
		{"*.md", "a/b.md", false},
	}
	for _, c := range cases {
		if got := lint.MatchGlob(c.glob, c.path); got != c.ok {
			t.Errorf("MatchGlob(%q, %q) = %v", c.glob, c.path, got)
		}
	}
}
