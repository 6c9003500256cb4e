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

// Pieces returns between least and most-1 rounds of picks (least +
// rng.Intn(most-least) of them), each round one piece picked at random from
// each list in turn (a word, then a separator): the loop the tests write
// by hand, with the same draws of rng in the same order.
func Pieces(rng *rand.Rand, least, most int, lists ...[]string) string {
	var b strings.Builder
	for n := least + rng.Intn(most-least); n > 0; n-- {
		for _, l := range lists {
			b.WriteString(l[rng.Intn(len(l))])
		}
	}
	return b.String()
}
