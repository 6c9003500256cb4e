package model

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// mayMatch, the cheap test run before the model's slower expressions,
// turns away no text the expression matches: on random text made of the
// words they look for, their capitals, runes that fold to ASCII letters
// under (?i) (ſ to s, the Kelvin sign to k) and invalid bytes.
func TestMayMatchKeepsEveryMatch(t *testing.T) {
	cases := []struct {
		re    *regexp.Regexp
		words []string
	}{
		{extendWhoRE, []string{"who"}},
		{extendRoleRE, []string{"extends", "builds"}},
		{extendAllRE, []string{"responsib", "requirement", "expectations", "qualifications"}},
		{extendSameRE, []string{"responsib", "requirement", "expectations", "qualifications"}},
		{extendAboveRE, []string{"responsib", "requirement", "expectations", "qualifications"}},
		{deprecatedTextRE, []string{"deprecated", "retired", "discontinued", "sunset", "longer"}},
		{laterRE, []string{"later", "soon", "future"}},
	}
	pieces := []string{" ", "are ", "is ", "the ", "Senior ", "who ", "WHO ", "also ", "extends ", "builds on ", "all ", "same ", "above ",
		"responsibilities ", "Requirements ", "expectations ", "qualifications ", "responſibilities ", "of ", "as ",
		"role ", "is ", "deprecated", "retired", "sunſet", "no longer ", "hiring", "details ", "will be ", "added ", "later", "soon",
		"in the future", "ſ", "K", "é", "\xff", ".", ",",
		"details will be added later", "no longer hiring", "role is deprecated", "are Senior Engineers who also ",
		"all the responsibilities of the ", "has the same requirements as ", "all of the above responsibilities", "extends the "}
	matched := make([]int, len(cases))
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		for i, c := range cases {
			if c.re.MatchString(s) {
				matched[i]++
			}
			if c.re.MatchString(s) && !mayMatch(s, c.words...) {
				t.Fatalf("mayMatch(%q, %q) = false, %s matches", s, c.words, c.re)
			}
			if got, want := findIf(c.re, s, c.words...), c.re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("findIf(%s, %q) = %v, want %v", c.re, s, got, want)
			}
		}
	}
	for i, c := range cases {
		if matched[i] < 100 {
			t.Errorf("%s matched %d random texts: the test says little", c.re, matched[i])
		}
	}
	if mayMatch("Senior engineers lead projects.", "who") {
		t.Error("mayMatch: an ASCII sentence without the word passed")
	}
	if !mayMatch("Senior ingénieurs", "who") {
		t.Error("mayMatch: non-ASCII text must always pass")
	}
}
