package rules

import (
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// Words no dictionary knows, by the hundred thousand, and one word of a
// million letters: no finding (nothing is one edit from a word), and the
// cost stays linear (the long word's candidates alone would be 54 million
// strings of a million bytes).
func TestMisspellingHostile(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 100000; i++ {
		b.WriteString("qzxv")
		b.WriteByte(byte('a' + i%26))
		b.WriteByte(byte('a' + i/26%26))
		b.WriteByte(byte('a' + i/676%26))
		b.WriteByte(' ')
	}
	page := "---\ntitle: X\n---\n\n## X\n\n" + b.String() + "\n\n" + strings.Repeat("abcdefghij", 100000) + "\n"
	start := time.Now()
	res := linttest.Lint(t, nil, map[string]string{"x.md": page}, "misspelling")
	if len(res.Findings) != 0 {
		t.Errorf("want no finding, got %d, the first %s", len(res.Findings), res.Findings[0].Message)
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("took %v", d)
	}
}
