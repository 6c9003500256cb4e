package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// An example of bad input that is not UTF-8 (a Latin-1 page) is shown with
// its wrong bytes escaped, so the generated rule docs stay valid UTF-8; text
// that is UTF-8 is left as it is.
func TestFenceShowsBytesThatAreNotUTF8(t *testing.T) {
	got := fence("---\ntitle: Caf\xe9\n---\n")
	if !utf8.ValidString(got) || !strings.Contains(got, `title: Caf\xe9`) {
		t.Errorf("latin-1 example: %q", got)
	}
	if got := fence("title: Café ✓\n"); !strings.Contains(got, "title: Café ✓\n") {
		t.Errorf("UTF-8 example changed: %q", got)
	}
}
