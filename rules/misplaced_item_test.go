package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// misplacedWordsAsWas and opensWithQualityHeadAsWas are the definitions
// the fast ones are held to: the clause lowered and split at runes, and
// the heads as prefixes of the first eight words joined by spaces.
func misplacedWordsAsWas(text string) []string {
	text = strings.TrimSpace(text)
	if i := strings.IndexAny(text, ".;:"); i >= 0 {
		text = text[:i]
	}
	if i := strings.Index(text, " - "); i >= 0 {
		text = text[:i]
	}
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '\''
	})
}

func opensWithQualityHeadAsWas(words []string) bool {
	lower := strings.Join(words[:min(len(words), 8)], " ")
	for _, h := range misplacedQualityHeads {
		if strings.HasPrefix(lower, h) && (len(lower) == len(h) || lower[len(h)] == ' ') {
			return true
		}
	}
	return false
}

// The words cut at bytes are the words cut at runes, and the heads
// compared word by word open the same items, on random items of the
// heads' words, capitals, digits, pluses, apostrophes of both kinds,
// clause ends, spaces of every kind, letters that lower to another length
// or to a mark ("İ", "ſ", "K") and invalid bytes.
func TestMisplacedWordsAsDefined(t *testing.T) {
	pieces := []string{"Ability", "ability", " to", " To", "able", "proven", " track", " record", "Demonstrated",
		" experience", "experienced", " with", " in", "of", " ", "  ", "\t", "\n", "\u00a0", ".", ";", ":", " - ", "-",
		"+", "5", "'", "’", "İ", "ſ", "\u212a", "é", "\xff", "x", "S", "the", " an", "hands", " on"}
	rng := rand.New(rand.NewSource(1))
	heads, long := 0, 0
	var buf [4]string
	for n := 0; n < 200000; n++ {
		text := randomText(rng, pieces) + randomText(rng, pieces)
		want := misplacedWordsAsWas(text)
		got := appendMisplacedWords(buf[:0], text)
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Fatalf("misplacedWords(%q) = %q, want %q", text, got, want)
		}
		h := opensWithQualityHeadAsWas(want)
		if opensWithQualityHead(got) != h {
			t.Fatalf("opensWithQualityHead(%q) = %v, want %v", got, !h, h)
		}
		if h {
			heads++
		}
		if len(got) > len(buf) {
			long++
		}
	}
	if heads < 1000 || long < 1000 {
		t.Errorf("%d items open with a head, %d outgrow the buffer: the test says little", heads, long)
	}
}

func TestOpensWithQualityHead(t *testing.T) {
	for text, want := range map[string]bool{
		"Ability to travel if needed":                          true,
		"Proven ability to work in GitLab projects and issues": true,
		"Ability":          false,
		"Abilityto travel": false,
		"Lead the team through the ability to travel": false,
		"Proven abilityx to lead":                     false,
	} {
		if got := opensWithQualityHead(misplacedWords(text)); got != want {
			t.Errorf("opensWithQualityHead(%q) = %v, want %v", text, got, want)
		}
	}
}

var shapeSink itemShape

// shapeOf makes at most the item's lower case for an ASCII item: no slice
// of words, no words joined (four allocations before).
func TestShapeOfAllocations(t *testing.T) {
	for text, want := range map[string]itemShape{
		"Proven ability to work across teams and functions, with care": shapeQuality,
		"Design and build the billing system's next generation":        shapeAction,
	} {
		if s, _ := shapeOf(text); s != want {
			t.Errorf("shapeOf(%q) = %v, want %v", text, s, want)
		}
		if n := testing.AllocsPerRun(100, func() { shapeSink, _ = shapeOf(text) }); n > 1 {
			t.Errorf("shapeOf(%q): %v allocations, want at most 1", text, n)
		}
	}
}

func misplacedExtensionAsWas(text string) bool {
	l := strings.ToLower(text)
	for _, h := range misplacedExtensionHeads {
		if strings.HasPrefix(l, h) {
			return true
		}
	}
	return false
}

// misplacedExtension compares the heads in ASCII without lowering the
// item: the same answers as the item lowered, on random items of the heads'
// words in capitals and not, and of letters past ASCII that lower to ASCII
// ("\u212a" to "k") or to more bytes ("İ"), and no allocation.
func TestMisplacedExtensionAsDefined(t *testing.T) {
	pieces := []string{"Extends", "EXTEND", "extend", " the", " The", "All", "all", " of", " requirements", "Same", " as",
		"Plus", "in", " addition", " ", "Everything", "includes", "Meets", "İ", "\u212a", "ſ", "é", "\xff", "x", "s"}
	rng := rand.New(rand.NewSource(1))
	yes := 0
	for n := 0; n < 200000; n++ {
		text := randomText(rng, pieces)
		want := misplacedExtensionAsWas(text)
		if got := misplacedExtension(text); got != want {
			t.Fatalf("misplacedExtension(%q) = %v, want %v", text, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 1000 {
		t.Errorf("%d items open with a head: the test says little", yes)
	}
	if n := testing.AllocsPerRun(100, func() { misplacedExtension("Extends the Senior Engineer responsibilities") }); n != 0 {
		t.Errorf("misplacedExtension: %v allocations, want none", n)
	}
}
