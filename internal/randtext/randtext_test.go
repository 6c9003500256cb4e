package randtext

import (
	"math/rand"
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
