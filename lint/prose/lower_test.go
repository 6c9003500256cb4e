package prose

import (
	"strings"
	"testing"
	"unsafe"
)

// TestLowerWords checks each word's lower case against strings.ToLower
// (curly apostrophes straightened for a block's own words), for words
// already in lower case, ASCII words with capitals and words with other
// runes mixed in one text.
func TestLowerWords(t *testing.T) {
	text := "The Senior Engineer 7 is a grade ÉTÉ, we’re OKR's Über-Lead and x-Ray ok"
	words := Words(text, true)
	for _, straighten := range []bool{false, true} {
		lower := lowerWords(text, words, straighten)
		if len(lower) != len(words) {
			t.Fatalf("%d lower-case words for %d words", len(lower), len(words))
		}
		for i, w := range words {
			want := w.Text
			if straighten {
				want = normalizeQuotes(want)
			}
			if want = strings.ToLower(want); lower[i] != want {
				t.Errorf("straighten %v: word %q: lower %q, want %q", straighten, w.Text, lower[i], want)
			}
		}
	}
}

// TestLowerWordsOneBuffer checks that the ASCII words with capitals are
// lowered into one buffer of their own length, one after another, and a
// word already in lower case is the word itself (no copy).
func TestLowerWordsOneBuffer(t *testing.T) {
	text := "The quick Brown fox JUMPS over the lazy dog"
	words := Words(text, true)
	lower := lowerWords(text, words, true)
	caps := []int{0, 2, 4} // The, Brown, JUMPS
	for k := 1; k < len(caps); k++ {
		prev, cur := lower[caps[k-1]], lower[caps[k]]
		if unsafe.StringData(cur) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(prev)), len(prev))) {
			t.Errorf("%q does not follow %q in one buffer", cur, prev)
		}
	}
	if unsafe.StringData(lower[1]) != unsafe.StringData(words[1].Text) {
		t.Errorf("lower-case word %q was copied", words[1].Text)
	}
}
