package rules

import (
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
)

// hasLowerSuffix is strings.HasSuffix(strings.ToLower(s), suffix), on text
// with capitals, runes that lower to ASCII letters (İ to i, the Kelvin sign
// to k), other non-ASCII runes and invalid bytes.
func TestHasLowerSuffixAsToLower(t *testing.T) {
	pieces := []string{"e", "E", "g", "G", "i", "I", "İ", "K", ".", " ", "é", "\xff", "\xe2\x80", "’", "x"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, pieces, 8)
		for _, suffix := range []string{"e.g.", "i.e.", "k"} {
			if got, want := hasLowerSuffix(s, suffix), strings.HasSuffix(strings.ToLower(s), suffix); got != want {
				t.Fatalf("hasLowerSuffix(%q, %q) = %v, strings.ToLower says %v", s, suffix, got, want)
			}
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"see E.G.", true}, {"(İ.E.", true}, {"e.g", false}, {"", false}, {"g.", false}} {
		if got := hasLowerSuffix(c.s, "e.g.") || hasLowerSuffix(c.s, "i.e."); got != c.want {
			t.Errorf("%q: got %v, want %v", c.s, got, c.want)
		}
	}
}

// sentenceStart reads only the end of the text before a word: asked of
// every word of a long block with capitals it allocates nothing (it lowered
// a copy of everything before the word, quadratic in the block's length:
// a 2 MB line of one word took minutes).
func TestSentenceStartReadsOnlyTheEnd(t *testing.T) {
	text := strings.Repeat("Word ", 20000) + "E.g. Ecto. Word"
	i := strings.LastIndex(text, "Word")
	if allocs := testing.AllocsPerRun(10, func() { sentenceStart(text, i) }); allocs != 0 {
		t.Errorf("sentenceStart allocated %v times a call, want 0", allocs)
	}
	for _, c := range []struct {
		text string
		word string
		want bool
	}{
		{"Ecto is. Phoenix", "Phoenix", true},
		{"(e.g. Ecto", "Ecto", false},
		{"(I.E. Ecto", "Ecto", false},
		{"Use Ecto", "Ecto", false},
		{"Ecto", "Ecto", true},
	} {
		if got := sentenceStart(c.text, strings.LastIndex(c.text, c.word)); got != c.want {
			t.Errorf("sentenceStart(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}
