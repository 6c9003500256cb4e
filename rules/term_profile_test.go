package rules

import (
	"slices"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// The generic profile's preferred terms are the built-in ones less GitLab's
// words for its trade: written out in the profile, they must not drift.
func TestGenericPreferredTerms(t *testing.T) {
	cfg, _ := genericOptions(t)
	o, err := cfg.RuleOptions(termConsistencyRule)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, w := range defaultPreferredTerms {
		if w != "DevOps" && w != "DevSecOps" {
			want = append(want, w)
		}
	}
	if got := o.(*termConsistencyOptions).Preferred; !slices.Equal(got, want) {
		t.Errorf("generic profile's preferred terms\n got %v\nwant %v", got, want)
	}
	// a page that writes the practice in lower case, once: a finding in the
	// gitlab profile (GitLab's own word), none in the generic one; a
	// product's name is still one way in both
	page := []byte("# Engineer\n\n- Strong devops skills.\n- Host the code on Github.\n")
	for _, c := range []struct {
		profile string
		want    string
	}{{"gitlab", `write "DevOps", not "devops"|write "GitHub", not "Github"`}, {"generic", `write "GitHub", not "Github"`}} {
		cfg, err := lint.ProfileConfig(c.profile)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range linttest.RunInputs(t, cfg, []lint.Input{{Path: "p.md", Data: page}}).Findings {
			if f.Rule == "term-consistency" {
				got = append(got, f.Message)
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s: %q, want %q", c.profile, got, c.want)
		}
	}
}

// A page's own terms are no misspellings: a lower-case word that the page
// writes in capitals twice or more is the acronym inside a name ("ocio-dev"
// beside "OCIO"), and a plural whose singular the page writes with a capital
// and without is the plural of its term ("Mixin", "mixin", "mixins").
func TestMisspellingPageTerms(t *testing.T) {
	linttest.Run(t, "testdata/misspelling/page-terms", "misspelling")
}

// Under the cautious option (the generic profile), a word the dictionary
// lacks is reported only on strong evidence: no short word but a listed
// misspelling, no word the page writes three times or with a capital
// inside a sentence whose correction it never writes, no slug's word.
func TestMisspellingCautious(t *testing.T) {
	linttest.Run(t, "testdata/misspelling/cautious", "misspelling")
}

// Under the cautious option (the generic profile), a case variant inside a
// two-word term whose first word is a name is no variant.
func TestTermConsistencyCautious(t *testing.T) {
	linttest.Run(t, "testdata/term-consistency/cautious", "term-consistency")
}
