package prose

import "testing"

func TestStem(t *testing.T) {
	same := [][]string{
		{"attracting", "attract", "attracts", "attracted"},
		{"policies", "policy"},
		{"manager", "managers", "management", "manage"},
		{"recruiter", "recruiting", "recruit"},
		{"specialists", "specialist"},
		{"services", "service"},
	}
	for _, g := range same {
		for _, w := range g[1:] {
			if Stem(w) != Stem(g[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want equal", w, Stem(w), g[0], Stem(g[0]))
			}
		}
	}
	if Stem("team") == Stem("teams") && Stem("team") != "team" {
		t.Errorf("Stem(team) = %q", Stem("team"))
	}
	for _, w := range []string{"use", "is", "go"} {
		if got := Stem(w); len(got) < 2 {
			t.Errorf("Stem(%q) = %q: too short", w, got)
		}
	}
}
