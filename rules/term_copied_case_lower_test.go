package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// appendLower is strings.ToLower without the string, on random texts of
// capitals, letters whose lower case has another length ("İ", "\u212a",
// "ẞ"), marks, invalid and cut UTF-8: the hashes term-consistency groups
// copied texts by are those of the texts it then compares in lower case.
func TestAppendLowerAsToLower(t *testing.T) {
	pieces := []string{"A", "z", "Z", " ", "İ", "\u212a", "ẞ", "Σ", "ς", "é", "É", "\u0307", "\xff", "\xe2\x80", "’", "9", "ſ"}
	rng := rand.New(rand.NewSource(1))
	var buf []byte
	for n := 0; n < 100000; n++ {
		s := randomText(rng, pieces) + randomText(rng, pieces)
		buf = appendLower(buf[:0], s)
		if want := strings.ToLower(s); string(buf) != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, buf, want)
		}
	}
	buf = make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = appendLower(buf[:0], "Collaborate With İstanbul") }); n != 0 {
		t.Errorf("appendLower: %v allocations, want none", n)
	}
}
