package rules

import (
	"strings"
	"testing"
	"unicode"

	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// foreignPhraseDef is foreignPhrase's definition: a neighbour, its curly
// apostrophes made straight, opened by "d'" or "l'", or holding a letter
// that is not ASCII.
func foreignPhraseDef(words []prose.Word, j int) bool {
	for _, k := range []int{j - 1, j + 1} {
		if k < 0 || k >= len(words) {
			continue
		}
		w := strings.ReplaceAll(words[k].Text, "’", "'")
		if len(w) > 2 && w[1] == '\'' && strings.ContainsRune("dlDL", rune(w[0])) {
			return true
		}
		for _, r := range w {
			if r > 0x7f && unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// foreignPhrase copies no neighbour and scans an ASCII one without
// decoding it: the same answers as its definition, on the apostrophes in
// either form, short words and letters that are not ASCII.
func TestForeignPhraseFastPath(t *testing.T) {
	for _, text := range []string{
		"raison d'être here", "raison d’être here", "a d’ b", "a d' b", "l'", "l’", "L’Oréal x",
		"x dl'a y", "plain ascii words only", "naïve idea", "über alles", "‘quoted’ word", "d’’ x", "d’’’ x",
		"de la x", "café au lait", "— dash —",
	} {
		var words []prose.Word
		at := 0
		for _, w := range strings.Fields(text) {
			i := strings.Index(text[at:], w) + at
			words = append(words, prose.Word{Text: w, Start: i, End: i + len(w)})
			at = i + len(w)
		}
		for j := range words {
			if got, want := foreignPhrase(words, j), foreignPhraseDef(words, j); got != want {
				t.Errorf("foreignPhrase(%q, %d) = %v, want %v", text, j, got, want)
			}
		}
	}
}
