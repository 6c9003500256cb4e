package randtext

import (
	"math/rand"
	"strings"
	"testing"
)

// Join writes between 0 and most-1 pieces, each one of the given, and
// reaches both ends of that range.
func TestJoin(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "bb"}
	seen := map[int]bool{}
	for i := 0; i < 2000; i++ {
		s := Join(rng, pieces, 4)
		n := 0
		for rest := s; rest != ""; n++ {
			switch {
			case len(rest) >= 2 && rest[:2] == "bb":
				rest = rest[2:]
			case rest[0] == 'a':
				rest = rest[1:]
			default:
				t.Fatalf("Join = %q: not made of the pieces", s)
			}
		}
		if n > 3 {
			t.Fatalf("Join = %q: %d pieces, want at most 3", s, n)
		}
		seen[n] = true
	}
	for n := 0; n <= 3; n++ {
		if !seen[n] {
			t.Errorf("no text of %d pieces in 2000", n)
		}
	}
}

// Pieces draws as the hand-written loop does: the same texts from the same
// seed, between least and most-1 rounds of a word and a separator.
func TestPiecesAsLoop(t *testing.T) {
	words, seps := []string{"a", "bb", "ccc"}, []string{" ", "-"}
	r1, r2 := rand.New(rand.NewSource(7)), rand.New(rand.NewSource(7))
	seen := map[int]bool{}
	for i := 0; i < 2000; i++ {
		got := Pieces(r1, 2, 5, words, seps)
		var b strings.Builder
		n := 2 + r2.Intn(3)
		for k := n; k > 0; k-- {
			b.WriteString(words[r2.Intn(len(words))])
			b.WriteString(seps[r2.Intn(len(seps))])
		}
		if got != b.String() {
			t.Fatalf("Pieces = %q, the loop %q", got, b.String())
		}
		seen[n] = true
	}
	for n := 2; n <= 4; n++ {
		if !seen[n] {
			t.Errorf("never %d rounds", n)
		}
	}
}
