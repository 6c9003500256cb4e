package model

import (
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
)

// randomText joins up to n random words, most often with a space.
func randomText(rng *rand.Rand, words, between []string, n int) string {
	var b strings.Builder
	for k := rng.Intn(n + 1); k > 0; k-- {
		b.WriteString(words[rng.Intn(len(words))])
		if rng.Intn(3) == 0 {
			b.WriteString(between[rng.Intn(len(between))])
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// foldParts are characters around the expressions' words: the letters
// (?i) folds onto from past ASCII (the Kelvin sign, the long s), other
// letters past ASCII, an invalid byte, spaces of \s and not.
var foldParts = []string{"", "  ", "\t", "\n", "\v", "\u00a0", "\u212a", "\u017f", "é", "\xff", ".", ",", ":", "-", "(", "_", "1", "a", "X"}

// The checks asked before an expression answer as the expression alone, on
// random texts of its words, in any case, with the characters it folds
// from past ASCII.
func TestRegexpFiltersAsExpressions(t *testing.T) {
	rng := rand.New(rand.NewSource(33))
	cases := []struct {
		name  string
		words []string
		got   func(string) bool
		want  func(string) bool
	}{
		{"SaysNoGrade", []string{"does not", "doesn't", "Do not", "don't", "have", "an", "a", "job", "grade", "GRADE", "is", "tbd", "to be", "determined", "defined", "no", "No Job", "gra\u017fde"},
			SaysNoGrade, noGradeRE.MatchString},
		{"SaysDeprecated", []string{"level", "role", "position", "Job", "title", "is", "has been", "was", "will be", "are", "have been", "now", "deprecated", "retired", "discontinued", "Sunset", "\u017funset", "di\u017fcontinued", "no", "longer", "in use", "used", "hiring", "being hired", "hired for", "available", "offered"},
			SaysDeprecated, deprecatedTextRE.MatchString},
		{"IsPlaceholder", []string{"this", "This", "section", "level", "role", "is", "will be", "to", "To", "be", "defined", "determined", "added", "(tbd)", "at", "in", "the", "time", "of", "business", "need", "later", "soon", "this is a future level", "TBD", "tba", "todo", "coming soon", "Placeholder", "*", "**", "é", "Lead", "thi", "tod", "placeholders"},
			IsPlaceholder, func(s string) bool {
				s = strings.TrimSpace(s)
				return s != "" && len(s) < 200 && placeholderRE.MatchString(s)
			}},
		{"mayOpenFence", []string{" ", "\t", "```", "``", "~~~", "~", "`", "mermaid", "mermaids", "\u00a0"},
			func(s string) bool { return mayOpenFence([]byte(s)) && fenceOpenRE.MatchString(s) }, fenceOpenRE.MatchString},
	}
	// the long s in a placeholder's first word (a match), and a Kelvin sign
	// before one (none: (?i)\W takes no letter that folds onto ASCII)
	for _, s := range []string{"Thi\u017f is a future level", "thi\u017f section is to be defined", "To be defined", "\u212a TBD"} {
		if got, want := IsPlaceholder(s), placeholderRE.MatchString(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, the expression says %v", s, got, want)
		}
	}
	for _, c := range cases {
		matched := 0
		for i := 0; i < 100000; i++ {
			s := randomText(rng, c.words, foldParts, 8)
			if rng.Intn(4) == 0 {
				s = strings.ToUpper(s)
			}
			want := c.want(s)
			if got := c.got(s); got != want {
				t.Fatalf("%s(%q) = %v, the expression says %v", c.name, s, got, want)
			}
			if want {
				matched++
			}
		}
		if matched < 100 {
			t.Errorf("%s: only %d random texts match: the test says little", c.name, matched)
		}
	}
}

// foldSet.in is ContainsFold of any of its words, on random texts of the
// words' pieces in any case, bytes a case bit apart from theirs (a NUL for
// a space, '@' for '`'), and the letters that fold onto k and s past ASCII.
func TestFoldSetAsContainsFold(t *testing.T) {
	words := []string{"all", "same", "extend", "builds", " who ", "addition"}
	fs := newFoldSet(words...)
	pieces := []string{"al", "l", "ALL", "sa", "me", "SAME", "ext", "end", "build", "s", "\u017f", "\u212a", " ", "who", "WHO", "\x00", "add", "ition",
		"a", "e", "b", "é", "\xff", "@", "`", "1"}
	found := 0
	rng := rand.New(rand.NewSource(35))
	for i := 0; i < 200000; i++ {
		s := randtext.Join(rng, pieces, 8)
		want := false
		for _, w := range words {
			want = want || ContainsFold(s, w)
		}
		if got := fs.in(s); got != want {
			t.Fatalf("foldSet.in(%q) = %v, ContainsFold of its words %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 20000 || found > 180000 {
		t.Errorf("%d of 200,000 random texts hold a word: the test says little", found)
	}
}
