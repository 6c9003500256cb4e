package model

import (
	"math/rand"
	"strings"
	"testing"
)

// containsFoldBytes is ContainsFold's definition, byte by byte: some
// place where s's byte folds to w's first and the text there equals w
// in any case.
func containsFoldBytes(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// ContainsFold finds its first byte with a vector scan in either case:
// the same answers as the byte-by-byte definition, with the first byte in
// one case, the other, both, near misses before the match, and text that
// is not ASCII.
func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want bool
	}{
		{"Job Grade 7", "grade", true},
		{"JOB GRADE", "grade", true},
		{"grad Gra graDe", "grade", true},
		{"gradGgradGRAD", "grade", false},
		{"Gradient", "grade", false},
		{"gRADE", "grade", true},
		{"grade", "grade", true},
		{"grad", "grade", false},
		{"", "grade", false},
		{"über Citizenship", "citizen", true},
		{"security\u00a0clearance", "security clearance", false},
		{"Security Clearance eligible", "security clearance", true},
		{"KELVIN \u212ailo", "kilo", false},
		{"x-1 y-2", "-2", true},
		{"x-1 y-2", "-3", false},
	} {
		if got := ContainsFold(c.s, c.w); got != c.want || got != containsFoldBytes(c.s, c.w) {
			t.Errorf("ContainsFold(%q, %q) = %v, want %v", c.s, c.w, got, c.want)
		}
	}
}

func FuzzContainsFold(f *testing.F) {
	f.Add("Job Grade 7", "grade")
	f.Add("gradGgradGRAD", "grad")
	f.Fuzz(func(t *testing.T, s, w string) {
		if w == "" {
			return
		}
		if got, want := ContainsFold(s, w), containsFoldBytes(s, w); got != want {
			t.Fatalf("ContainsFold(%q, %q) = %v, want %v", s, w, got, want)
		}
	})
}

// ContainsFold compares an ASCII word's bytes, folding letters only: the
// same answers as strings.EqualFold at each place, on random texts and
// words of letters in both cases, the bytes a case bit apart from
// letters' ("@" and "`", "[" and "{"), the runes that fold to ASCII
// letters (the Kelvin sign, the long s) and other letters past ASCII, in
// the word too.
func TestContainsFoldRandom(t *testing.T) {
	pieces := []string{"k", "K", "s", "S", "a", "A", "@", "`", "[", "{", "^", "~", "\u212a", "ſ", "é", "É", "ａ", "Ａ", " "}
	rng := rand.New(rand.NewSource(1))
	text := func(n int) string {
		var b strings.Builder
		for k := rng.Intn(n); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	found := 0
	for n := 0; n < 300000; n++ {
		s, w := text(12), text(3)
		if got, want := ContainsFold(s, w), containsFoldBytes(s, w); got != want {
			t.Fatalf("ContainsFold(%q, %q) = %v, want %v", s, w, got, want)
		} else if got {
			found++
		}
	}
	if found < 10000 {
		t.Errorf("%d texts hold their word: the test says little", found)
	}
}
