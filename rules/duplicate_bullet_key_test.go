package rules

import (
	"math/rand"
	"testing"
)

var bulletKeySink string

// bulletKey's ASCII pass gives bulletKeyRunes' key and count (the words
// split at runes, lowered, the articles dropped) on random items of
// articles in every case, words around them, digits, punctuation, spaces
// of every kind and letters past ASCII; and makes only the key.
func TestBulletKeyAsDefined(t *testing.T) {
	pieces := []string{"a", "A", "an", "AN", "An", "the", "The", "THE", "then", "and", "x", "Z", "9", " ", "  ", "\t", "\n",
		"-", "'", ".", ",", "/", "_", "é", "İ", "ſ", "\u212a", "\xff", "’"}
	rng := rand.New(rand.NewSource(1))
	dropped := 0
	for n := 0; n < 200000; n++ {
		text := randomText(rng, pieces) + randomText(rng, pieces)
		key, words := bulletKey(text)
		wkey, wwords := bulletKeyRunes(text)
		if key != wkey || words != wwords {
			t.Fatalf("bulletKey(%q) = %q, %d, want %q, %d", text, key, words, wkey, wwords)
		}
		if len(key) < len(text)-3 {
			dropped++
		}
	}
	if dropped < 1000 {
		t.Errorf("%d keys shorter than their text: the test says little", dropped)
	}
	if n := testing.AllocsPerRun(100, func() {
		bulletKeySink, _ = bulletKey("Collaborate with The Product team on the quarterly roadmap, a plan.")
	}); n != 1 {
		t.Errorf("bulletKey: %v allocations, want 1", n)
	}
}
