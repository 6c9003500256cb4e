// Package randtext builds random texts out of given pieces, for the tests
// that hold a hand-written reading to the expression or function it
// replaces on many texts: the pieces are the words, separators and odd
// characters (a Kelvin sign, an invalid byte) the reading must treat as
// the original does.
package randtext

import (
	"math/rand"
	"strings"
)

// Join returns rng.Intn(most) pieces picked at random (with repeats) and
// written one after the other: "" as often as any other length.
func Join(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for n := rng.Intn(most); n > 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}
