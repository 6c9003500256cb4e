package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// asciiCapitals answers as the test it replaced, strings.ToUpper's copy
// compared with the word, on words of letters, capitals, digits, marks,
// runes that upper-case to ASCII (ſ, ı) and invalid bytes.
func TestASCIICapitalsMatchesToUpper(t *testing.T) {
	pieces := []string{"A", "Z", "a", "z", "O", "o", "@", "[", "`", "{", "1", "'", "’", "-", "ſ", "ı", "K", "É", "é", "\xff", "IO", "CI"}
	old := func(w string) bool {
		return len(w) >= 2 && isASCIILetters(w) && strings.ToUpper(w) == w
	}
	rng := rand.New(rand.NewSource(1))
	var yes int
	for n := 0; n < 200000; n++ {
		s := randomText(rng, pieces)
		if got, want := asciiCapitals(s), old(s); got != want {
			t.Fatalf("asciiCapitals(%q) = %v, want %v", s, got, want)
		}
		yes += count(asciiCapitals(s))
	}
	if yes < 1000 {
		t.Fatalf("only %d words in capitals drawn: the test proves little", yes)
	}
	for _, w := range []string{"OCIO", "AB"} {
		if !asciiCapitals(w) {
			t.Errorf("asciiCapitals(%q) = false", w)
		}
	}
	for _, w := range []string{"A", "", "OCIo", "ſS", "O1", "O'S"} {
		if asciiCapitals(w) {
			t.Errorf("asciiCapitals(%q) = true", w)
		}
	}
}
