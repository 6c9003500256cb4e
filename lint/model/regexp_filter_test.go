package model

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
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
		{extendAdditionRE, []string{"addition"}},
		{extendAdditionAboveRE, []string{"addition"}},
	}
	pieces := []string{" ", "are ", "is ", "the ", "Senior ", "who ", "WHO ", "also ", "extends ", "builds on ", "all ", "same ", "above ",
		"responsibilities ", "Requirements ", "expectations ", "qualifications ", "responſibilities ", "of ", "as ",
		"role ", "is ", "deprecated", "retired", "sunſet", "no longer ", "hiring", "details ", "will be ", "added ", "later", "soon",
		"in the future", "ſ", "K", "\u212a", "“", "é", "\xff", ".", ",",
		"details will be added later", "no longer hiring", "role is deprecated", "are Senior Engineers who also ",
		"all the responsibilities of the ", "has the same requirements as ", "in addition to ", "In Addition to the above:", "aDDition ", "all of the above responsibilities", "extends the "}
	matched := make([]int, len(cases))
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		s := randtext.Join(rng, pieces, 12)
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
	// past ASCII, only the runes that fold to an ASCII letter let a text pass
	// without the word
	if mayMatch("Senior ingénieurs “lead” projects", "who") {
		t.Error("mayMatch: a non-ASCII sentence without the word passed")
	}
	if !mayMatch("Senior ingénieurs WHO", "who") {
		t.Error("mayMatch: a non-ASCII sentence with the word turned away")
	}
	for _, s := range []string{"\u017funset", "Kelvin \u212a"} {
		if !mayMatch(s, "sunset") || !deprecatedTextRE.MatchString("role is "+s) && s == "\u017funset" {
			t.Errorf("mayMatch(%q): a rune folding to an ASCII letter must let the text pass", s)
		}
	}
}

// TestFoldsToASCII holds mayMatch's premise: under unicode.SimpleFold, the
// orbits the case-insensitive expressions use, only "ſ" and "K" outside
// ASCII fold to an ASCII letter.
func TestFoldsToASCII(t *testing.T) {
	var got []rune
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < utf8.RuneSelf {
				got = append(got, r)
				break
			}
		}
	}
	if want := []rune{'\u017f', '\u212a'}; !slices.Equal(got, want) {
		t.Fatalf("runes past ASCII folding to ASCII: %q, want %q (mayMatch must allow for the new ones)", got, want)
	}
}
