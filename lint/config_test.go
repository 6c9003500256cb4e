package lint_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/schema"
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
		{"unknown option", "rules:\n  template-placeholder:\n    severity: warning\n    alow: []\n", 4, "rules.template-placeholder.alow", `unknown option (did you mean "allow"?)`},
		{"bad option regexp", "rules:\n  template-placeholder:\n    allow: ['(']\n", 3, "rules.template-placeholder.allow[0]", `"(" is not a valid regular expression: missing closing )`},
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

// TestEnableKeepsFindingSeverities: --enable turns a rule on without fixing
// its severity, so a rule that raises some findings to error (years of
// experience on grade 4 and 5 roles) keeps doing so; a severity set in the
// config still wins.
func TestEnableKeepsFindingSeverities(t *testing.T) {
	cfg := lint.DefaultConfig()
	r := lint.Lookup("years-of-experience")
	if err := cfg.Enable(r.ID); err != nil {
		t.Fatal(err)
	}
	if cfg.Configured(r) || cfg.Severity(r) != r.Severity {
		t.Fatalf("--enable of an on-by-default rule must not configure it: configured %v, severity %v", cfg.Configured(r), cfg.Severity(r))
	}
	opt := lint.Lookup("link-external")
	if cfg.Severity(opt) != 0 {
		t.Fatal("an optional rule is off by default")
	}
	if err := cfg.Enable(opt.ID); err != nil {
		t.Fatal(err)
	}
	if cfg.Severity(opt) != opt.Severity || cfg.Configured(opt) {
		t.Fatalf("--enable of an optional rule: severity %v configured %v", cfg.Severity(opt), cfg.Configured(opt))
	}
	if err := cfg.Disable(r.ID); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Enable(r.ID); err != nil || cfg.Severity(r) != r.Severity {
		t.Fatalf("--enable after off: severity %v", cfg.Severity(r))
	}
	c2, err := lint.ParseConfig(".ladderlint.yml", []byte("rules:\n  years-of-experience: info\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c2.Enable(r.ID); err != nil || c2.Severity(r) != lint.Info || !c2.Configured(r) {
		t.Fatalf("a configured severity must survive --enable: %v", c2.Severity(r))
	}
}

func TestCollectMiddlemanPages(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/index.html.md", "b/index.html.md.erb", "c/index.html.haml", "d.md"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	count := func(cfg *lint.Config) int {
		in, err := lint.Collect(cfg, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		return len(in)
	}
	if n := count(lint.DefaultConfig()); n != 2 {
		t.Errorf("hugo layout collects %d files, want the 2 *.md", n)
	}
	mm, err := lint.ParseConfig(".ladderlint.yml", []byte("site:\n  layout: middleman\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := count(mm); n != 3 {
		t.Errorf("middleman layout collects %d files, want *.md and *.md.erb", n)
	}
}

// Items 5 and 6 of issue 19: nonsense is rejected, and every config error
// names the file, the line, the whole key path and what was expected, with
// a suggestion where one is close; never the decoder's Go words.
func TestConfigErrorsSayWhatWasExpected(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		key, msg   string
	}{
		{"min above max", "grades: {min: 20, max: 15}\n", 1, "grades.max", "grades.min (20) is above grades.max (15)"},
		{"min above max, block", "grades:\n  min: 20\n  max: 15\n", 3, "grades.max", "expected min at most max"},
		{"min above the default max", "grades:\n  min: 25\n", 2, "grades.min", "is above grades.max (20)"},
		{"negative max", "grades:\n  max: -3\n", 2, "grades.max", "expected at least 0"},
		{"key twice", "include: [a]\ninclude: [b]\n", 2, "include", "given twice (first on line 1)"},
		{"rule twice", "rules:\n  misspelling: off\n  misspelling: warning\n", 3, "rules.misspelling", "given twice (first on line 2)"},
		{"option twice", "rules:\n  misspelling:\n    allow: [a]\n    allow: [b]\n", 4, "rules.misspelling.allow", "given twice"},
		{"wrong option type", "rules:\n  misspelling:\n    allow: foo\n", 3, "rules.misspelling.allow", `expected a list of strings, got "foo"`},
		{"wrong item type", "rules:\n  misspelling:\n    allow: [ok, [x]]\n", 3, "rules.misspelling.allow[1]", "expected a string, got a list"},
		{"wrong duration", "rules:\n  link-external:\n    timeout: soon\n", 3, "rules.link-external.timeout", "expected a duration"},
		{"wrong bool", "rules:\n  link-target:\n    files: maybe\n", 3, "rules.link-target.files", `expected true or false, got "maybe"`},
		{"unknown option", "rules:\n  misspelling:\n    alow: [x]\n", 3, "rules.misspelling.alow", `unknown option (did you mean "allow"?)`},
		{"unknown top-level key", "rule:\n  misspelling: off\n", 1, "rule", `unknown key (did you mean "rules"?)`},
		{"unknown site key", "site:\n  layot: hugo\n", 2, "site.layot", `did you mean "layout"?`},
		{"list item path", "grades:\n  tracks:\n    - name: x\n      steps: [a]\n", 4, "grades.tracks[0].steps[0]", "expected a list, got a string"},
		{"top-level type", "include: content/**/*.md\n", 1, "include", `expected a list, got a string ("content/**/*.md")`},
		{"integer", "max_file_size: 1.5\n", 1, "max_file_size", "expected a whole number, got a number (1.5)"},
		{"content root missing", "site:\n  roots:\n    - prefix: /docs/\n      dir: no-such-folder\n", 4, "site.roots[0].dir", "no folder conf/no-such-folder: expected the content folder served at /docs/"},
		{"policy file missing", "required_sections: nope.json\n", 1, "required_sections", "cannot read conf/nope.json: "},
		{"schema pattern in words", "site:\n  own_urls:\n    - url: ftp://x\n", 3, "site.own_urls[0].url", "expected a URL starting with http:// or https://"},
		{"rule ID case", "rules:\n  Misspelling: off\n", 2, "rules.Misspelling", `did you mean "misspelling"?`},
		{"required key", "site:\n  roots:\n    - prefix: /\n", 3, "site.roots[0]", "missing the required key 'dir'"},
		{"option check located", "rules:\n  bullet-drift:\n    severity: info\n    min_similarity: 3\n", 4, "rules.bullet-drift.min_similarity", "at most 1"},
		{"option named once", "rules:\n  grade-title-mismatch:\n    qualifier: loud\n", 3, "rules.grade-title-mismatch.qualifier", `grade-title-mismatch.qualifier: unknown severity "loud"`},
		{"regexp in a list located", "rules:\n  template-placeholder:\n    allow:\n      - ok\n      - '(bad'\n", 5, "rules.template-placeholder.allow[1]", `"(bad" is not a valid regular expression`},
	}
	var desc []string
	for _, line := range strings.Split(string(schema.Raw(schema.ConfigFile)), "\n") {
		if _, d, ok := strings.Cut(line, `"description": "`); ok {
			desc = append(desc, strings.SplitN(d, `"`, 2)[0])
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := lint.ParseConfig("conf/.ladderlint.yml", []byte(c.text))
			var ce *lint.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("want a ConfigError, got %v", err)
			}
			msg := ce.Error()
			if ce.File != "conf/.ladderlint.yml" || ce.Line != c.line || ce.Key != c.key || !strings.Contains(msg, c.msg) {
				t.Fatalf("got %q (line %d key %q), want line %d key %q containing %q", msg, ce.Line, ce.Key, c.line, c.key, c.msg)
			}
			for _, internal := range []string{"!!", "unmarshal", "not found in type", "Options", "yaml:", "pattern", "properties"} {
				if strings.Contains(msg, internal) {
					t.Errorf("Go internals %q in %q", internal, msg)
				}
			}
			for _, d := range desc {
				if strings.Contains(msg, d) {
					t.Errorf("schema description pasted into %q", msg)
				}
			}
		})
	}
	// near misses: equal bounds, the same key in two mappings, a scalar
	// where a string is expected, a null that keeps the default
	for _, ok := range []string{
		"grades: {min: 5, max: 5}\n",
		"grades:\n  tracks:\n    - name: a\n      steps: [[x]]\n    - name: b\n      steps: [[y]]\n",
		"rules:\n  misspelling:\n    allow: [2024, teh]\n",
		"rules:\n  misspelling:\n    allow:\n",
		"rules:\n  link-external:\n    timeout: 30s\n    retries: 0\n",
		"site:\n  roots:\n    - dir: .\n",
	} {
		if _, err := lint.ParseConfig("ok.yml", []byte(ok)); err != nil {
			t.Errorf("%q rejected: %v", ok, err)
		}
	}
}

// FuzzParseConfig: any config text gives a config or a ConfigError with a
// line inside the text, never a panic.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"grades: {min: 20, max: 15}\n", "include: [a]\ninclude: [b]\n",
		"rules:\n  misspelling:\n    allow: foo\n", "rules:\n  template-placeholder:\n    allow: ['(']\n",
		"rules:\n  link-external:\n    timeout: 10\n", "a: &x [*x]\n", "rules:\n  misspelling: &o\n    allow: [a]\n  repeated-word: *o\n",
		"site:\n  roots:\n    - dir: .\n", "grades:\n  tracks:\n    - name: x\n      steps: [[a], b]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, err := lint.ParseConfig("fuzz.yml", []byte(text))
		if err == nil {
			return
		}
		var ce *lint.ConfigError
		if !errors.As(err, &ce) {
			t.Fatalf("not a ConfigError: %v", err)
		}
		// YAML breaks lines at CR too
		norm := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
		if lines := strings.Count(norm, "\n") + 1; ce.Line < 0 || ce.Line > lines+1 {
			t.Fatalf("line %d outside the %d-line text: %v", ce.Line, lines, err)
		}
	})
}
func TestGradeTablesFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("tables.yml", "- name: General\n  rows:\n    - {grade: 8, management: [Manager]}\n- name: Sales\n  folders: [sales]\n  rows:\n    - {grade: 9, management: [Manager, Senior Manager]}\n")
	cfg, err := lint.LoadConfig(write("good.yml", "grades:\n  tables_file: tables.yml\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Grades.Tables) != 2 || cfg.Grades.Tables[1].Name != "Sales" || cfg.Grades.Tables[1].Line != 4 ||
		len(cfg.Grades.Tables[1].Rows[0].Management) != 2 || cfg.Grades.Tables[1].Folders[0] != "sales" {
		t.Errorf("tables = %+v", cfg.Grades.Tables)
	}
	for _, c := range []struct{ tables, want string }{
		{"- name: X\n  rows:\n    - {grade: 8, managers: [Manager]}\n", "tables.yml:1: grade table: "},
		{"name: X\n", "want a list of tables"},
		{"- rows: []\n", "needs a name"},
		{"- [unclosed\n", "not valid YAML"},
	} {
		write("tables.yml", c.tables)
		_, err := lint.LoadConfig(write("bad.yml", "grades:\n  tables_file: tables.yml\n"))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.tables, err, c.want)
		}
	}
	if _, err := lint.LoadConfig(write("missing.yml", "grades:\n  tables_file: nowhere.yml\n")); err == nil || !strings.Contains(err.Error(), "missing.yml:1: grades.tables_file") {
		t.Errorf("missing file: %v", err)
	}
	// inline tables are checked by the config schema
	if _, err := lint.LoadConfig(write("inline.yml", "grades:\n  tables:\n    - name: X\n      rows: [{grade: high}]\n")); err == nil {
		t.Errorf("a grade that is no number was accepted")
	}
}
