package lint_test

import (
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	_ "gitlab.com/ladderlint/ladderlint/rules"
)

// gitlabOnly are the rules of GitLab's policy and handbook layout: none
// may run under the generic profile.
var gitlabOnly = []string{"frontmatter", "required-sections", "required-bullet", "vacancy-wording",
	"grade-format", "grade-missing", "grade-order", "grade-consistency", "grade-title-mismatch",
	"career-ladder", "role-placement", "specialty-boilerplate", "link-style", "years-of-experience", "location-requirement"}

var shapeRules = []string{"level-sequence", "level-dimensions", "ladder-placeholder", "summary-table", "dimension-copy"}

func TestGenericProfile(t *testing.T) {
	cfg, err := lint.ParseConfig(".ladderlint.yml", []byte("profile: generic\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Profile != "generic" {
		t.Errorf("profile %q", cfg.Profile)
	}
	for _, id := range gitlabOnly {
		if s := cfg.Severity(lint.Lookup(id)); s != 0 {
			t.Errorf("generic: %s is %v, want off", id, s)
		}
	}
	for _, id := range shapeRules {
		if s := cfg.Severity(lint.Lookup(id)); s == 0 {
			t.Errorf("generic: %s is off", id)
		}
	}
	if len(cfg.Sections["anti-patterns"]) == 0 || cfg.Include[0] != "**/*.md" {
		t.Errorf("generic: sections %v include %v", cfg.Sections, cfg.Include)
	}
}

func TestGitlabProfileIsTheDefaults(t *testing.T) {
	for _, text := range []string{"", "profile: gitlab\n"} {
		cfg, err := lint.ParseConfig(".ladderlint.yml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		def := lint.DefaultConfig()
		for _, r := range lint.Rules() {
			if a, b := cfg.Severity(r), def.Severity(r); a != b {
				t.Errorf("%q: %s is %v, default %v", text, r.ID, a, b)
			}
		}
		for _, id := range shapeRules {
			if s := cfg.Severity(lint.Lookup(id)); s != 0 {
				t.Errorf("%q: %s is on under gitlab", text, id)
			}
		}
		if strings.Join(cfg.Include, ",") != strings.Join(def.Include, ",") {
			t.Errorf("include %v", cfg.Include)
		}
	}
}

func TestUserConfigRefinesProfile(t *testing.T) {
	cfg, err := lint.ParseConfig(".ladderlint.yml", []byte(
		"profile: generic\nrules:\n  dimension-copy: off\n  inclusive-language: error\nsections:\n  anti-patterns: [Signals of concern]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := cfg.Severity(lint.Lookup("dimension-copy")); s != 0 {
		t.Errorf("dimension-copy %v, want off", s)
	}
	if s := cfg.Severity(lint.Lookup("inclusive-language")); s != lint.Error {
		t.Errorf("inclusive-language %v", s)
	}
	if s := cfg.Severity(lint.Lookup("grade-order")); s != 0 {
		t.Errorf("grade-order %v: the profile's off was lost", s)
	}
	ap := strings.Join(cfg.Sections["anti-patterns"], "|")
	if !strings.Contains(ap, "Red flags") || !strings.Contains(ap, "Signals of concern") {
		t.Errorf("anti-patterns %q: want the profile's and the user's", ap)
	}
}

func TestUnknownProfile(t *testing.T) {
	_, err := lint.ParseConfig("c.yml", []byte("include: [a]\nprofile: generik\n"))
	if err == nil || !strings.Contains(err.Error(), "c.yml:2") || !strings.Contains(err.Error(), "generic") {
		t.Fatalf("err %v: want the file, line 2 and the known profiles", err)
	}
}

func TestStarterConfigs(t *testing.T) {
	for _, p := range lint.ProfileNames() {
		text, err := lint.StarterConfigFor(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := lint.ParseConfig(".ladderlint.yml", []byte(text))
		if err != nil {
			t.Fatalf("%s starter: %v", p, err)
		}
		if p != lint.DefaultProfile && cfg.Profile != p {
			t.Errorf("%s starter loads as profile %q", p, cfg.Profile)
		}
	}
	if _, err := lint.StarterConfigFor("nope"); err == nil {
		t.Error("unknown profile accepted")
	}
}
