package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// withoutParensBuilt is withoutParens as it was written first: every rune
// outside parentheses written anew.
func withoutParensBuilt(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// withoutParens answers as the copy it was, on random titles of words,
// parentheses (stray ones too), accented runes and invalid bytes, and
// returns a title that opens no parenthesis as it is.
func TestWithoutParensAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Senior", " ", "Engineer", "(", ")", "é", "\xff", ",", "Backend"}
	same := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := withoutParensBuilt(s)
		if got := withoutParens(s); got != want {
			t.Fatalf("withoutParens(%q) = %q, want %q", s, got, want)
		}
		if want == s {
			same++
		}
	}
	if same < 1000 {
		t.Fatalf("only %d random titles come back unchanged: the test says little", same)
	}
	if s := "Senior Backend Engineer, Verify"; withoutParens(s) != s || testing.AllocsPerRun(10, func() { withoutParens(s) }) != 0 {
		t.Error("a title without parentheses is copied")
	}
}
