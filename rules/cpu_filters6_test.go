package rules

import (
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// phraseAtAsBuilt is phraseAt as it was: each word's curly apostrophes
// straightened at every phrase asked.
func phraseAtAsBuilt(ph prose.Phrase, lower []string) bool {
	for j, pw := range ph {
		w := strings.ReplaceAll(lower[j], "’", "'")
		if strings.HasSuffix(pw, "*") {
			if !strings.HasPrefix(w, strings.TrimSuffix(pw, "*")) {
				return false
			}
		} else if pw != w {
			return false
		}
	}
	return true
}

// TestPhraseAtStraightAsBuilt: phraseAt on the words straightened once
// (straightWords) answers as phraseAtAsBuilt did on the words as written.
func TestPhraseAtStraightAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(61))
	pieces := []string{"you", "'", "’", "re", "ll", "s", "a", "’’", "x"}
	word := func() string {
		var b strings.Builder
		for n := 1 + rng.Intn(3); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	matched := 0
	for range 50000 {
		lower := make([]string, 1+rng.Intn(4))
		for i := range lower {
			lower[i] = word()
		}
		ph := make(prose.Phrase, 1+rng.Intn(len(lower)))
		for i := range ph {
			w := strings.ReplaceAll(lower[i], "’", "'")
			switch rng.Intn(4) {
			case 0:
				w = word()
			case 1:
				w = w[:rng.Intn(len(w)+1)] + "*"
			}
			ph[i] = w
		}
		got, want := phraseAt(ph, straightWords(lower)), phraseAtAsBuilt(ph, lower)
		if got != want {
			t.Fatalf("phraseAt(%q, %q) = %v, as built %v", ph, lower, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d matches: the test asks too few", matched)
	}
}

// TestMayBeAcronymPluralNecessary: every word that is an acronym's plural
// once straightened passes mayBeAcronymPlural, the check asked before the
// copy.
func TestMayBeAcronymPluralNecessary(t *testing.T) {
	rng := rand.New(rand.NewSource(62))
	pieces := []string{"A", "B", "Z", "OK", "a", "z", "’", "'", "s", "S", "é", "1", "@", "[", "’s", "'s"}
	plurals, rejected := 0, 0
	for range 200000 {
		var b strings.Builder
		for n := rng.Intn(6); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		w := b.String()
		is := isAcronymPlural(strings.ReplaceAll(w, "’", "'"))
		may := mayBeAcronymPlural(w)
		if is && !may {
			t.Fatalf("%q is an acronym's plural straightened, but mayBeAcronymPlural says no", w)
		}
		if is {
			plurals++
		}
		if !may {
			rejected++
		}
	}
	if plurals < 500 || rejected < 500 {
		t.Fatalf("%d plurals, %d rejected: the test asks too few of either", plurals, rejected)
	}
}

