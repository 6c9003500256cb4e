package rules

import (
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// straightLower reads a word's lower case from the block's words as
// collectSpelling has them (wordingWords without hyphens): it is what
// slipByNeighbour lowered itself before, strings.ToLower of the word with
// its curly apostrophes straightened, on random blocks of the slips' words
// in every case, curly and straight apostrophes, hyphens, letters that
// lower to another length ("İ", "\u212a") and invalid bytes.
func TestStraightLowerAsLowered(t *testing.T) {
	pieces := []string{"it's", "It’s", "ITS", "its", " own", " Own", "then", "Rather", "apart", " of", "be", "Could",
		"weather", " or", " not", "peak", "sneak", "pea\u212a", "İts", "Effect", "will", " the", "tow", "line", " ",
		", ", "’", "'", "-", "é", "\xff", "x"}
	rng := rand.New(rand.NewSource(1))
	curly, capital := 0, 0
	for n := 0; n < 20000; n++ {
		b := &model.Block{Text: randomText(rng, pieces) + randomText(rng, pieces)}
		text, tw := wordingText(b), wordingWords(b, false)
		for k, w := range tw.Words {
			raw := w.In(text)
			want := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
			if got := straightLower(tw, k); got != want {
				t.Fatalf("straightLower of %q in %q = %q, want %q", raw, text, got, want)
			}
			if strings.Contains(raw, "’") {
				curly++
			}
			if raw != strings.ToLower(raw) {
				capital++
			}
		}
	}
	if curly < 1000 || capital < 1000 {
		t.Errorf("%d words with a curly apostrophe, %d with a capital: the test says little", curly, capital)
	}
	// the slips found through it, in capitals and with a curly apostrophe
	for text, want := range map[string]string{"It’s own": "its", "ITS a": "it's", "Rather Then": "than", "could Of": "have"} {
		b := &model.Block{Text: text}
		tw := wordingWords(b, false)
		j := 0
		if want == "than" || want == "have" {
			j = 1
		}
		if got := slipByNeighbour(wordingText(b), tw, j); got != want {
			t.Errorf("slipByNeighbour(%q, %d) = %q, want %q", text, j, got, want)
		}
	}
}
