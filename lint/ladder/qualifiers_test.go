package ladder

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// splitQualifiersBuilt is splitQualifiers as it was written first: the
// rest of the title written anew rune by rune.
func splitQualifiersBuilt(t string) (string, []string) {
	var main strings.Builder
	var quals []string
	depth, start := 0, 0
	for i, c := range t {
		switch {
		case c == '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case c == ')' && depth > 0:
			depth--
			if depth == 0 {
				quals = append(quals, t[start:i])
				main.WriteByte(' ')
			}
		case depth == 0:
			main.WriteRune(c)
		}
	}
	if depth > 0 {
		main.WriteString(" " + t[start:])
	}
	return main.String(), quals
}

// splitQualifiers answers as the copy it was, on random titles with
// nested, stray and unclosed parentheses, accented runes and invalid
// bytes; a title that opens no parenthesis comes back as it is.
func TestSplitQualifiersAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Director", " ", "Reliability", "(", ")", "é", "\xff", ","}
	same := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		wantMain, wantQuals := splitQualifiersBuilt(s)
		gotMain, gotQuals := splitQualifiers(s)
		if gotMain != wantMain || !slices.Equal(gotQuals, wantQuals) {
			t.Fatalf("splitQualifiers(%q) = %q, %q, want %q, %q", s, gotMain, gotQuals, wantMain, wantQuals)
		}
		if wantMain == s {
			same++
		}
	}
	if same < 1000 {
		t.Fatalf("only %d random titles come back unchanged: the test says little", same)
	}
	if s := "Director, Reliability"; testing.AllocsPerRun(10, func() { splitQualifiers(s) }) != 0 {
		t.Error("a title without qualifiers is copied")
	}
}
