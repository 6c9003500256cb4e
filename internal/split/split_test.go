package split

import "testing"

func TestChecking(t *testing.T) {
	// the first byte of sha256("a.md") is 0xfe (even: tuning); of "b.md" 0x11 (odd: checking)
	for rel, want := range map[string]bool{"a.md": false, "b.md": true} {
		if got := Checking(rel); got != want {
			t.Errorf("Checking(%q) = %v, want %v", rel, got, want)
		}
	}
	if Shown("b.md") == "b.md" || Shown("a.md") != "a.md" {
		t.Errorf("Shown: %q, %q", Shown("b.md"), Shown("a.md"))
	}
}
