package shape

import "testing"

func TestParseCode(t *testing.T) {
	cases := []struct {
		title, raw, format string
		rank               float64
		sub                string
	}{
		{"Engineer II (IC 3)", "IC 3", "ICn", 3, ""},
		{"L4 Senior Engineer", "L4", "Ln", 4, ""},
		{"D4 - Developer 4", "D4", "Dn", 4, ""},
		{"Level 2: Analyst", "Level 2", "Level n", 2, ""},
		{"P3 Product Manager", "P3", "Pn", 3, ""},
		{"M1 Manager", "M1", "Mn", 1, ""},
		{"IC 3a Senior Analyst", "IC 3a", "ICn", 3, "a"},
		{"Engineer III", "III", "Roman", 3, ""},
		{"Open Source Contributor I", "I", "Roman", 1, ""},
		{"Middle I Engineer", "I", "Roman", 1, ""},
		{"01 Junior", "01", "n", 1, ""},
		{"04a Senior-L2", "L2", "Ln", 2, ""},
		{"Band 5 Director", "Band 5", "Band n", 5, ""},
		// a section's number in Roman numerals, read as "1." is
		{"I. Core Contributors", "I", "n", 1, ""},
		{"II. Stewards", "II", "n", 2, ""},
		{"IV) Maintainers", "IV", "n", 4, ""},
	}
	for _, c := range cases {
		got := ParseCode(c.title)
		if got == nil {
			t.Errorf("%q: no code, want %q", c.title, c.raw)
			continue
		}
		if got.Raw != c.raw || got.Format != c.format || got.Rank != c.rank || got.Sub != c.sub {
			t.Errorf("%q: got %q %q %g %q, want %q %q %g %q", c.title, got.Raw, got.Format, got.Rank, got.Sub, c.raw, c.format, c.rank, c.sub)
		}
		if c.title[got.At:got.At+got.N] != got.Raw {
			t.Errorf("%q: At/N give %q, not %q", c.title, c.title[got.At:got.At+got.N], got.Raw)
		}
	}
	// near misses: no level code
	for _, title := range []string{"Senior Engineer", "I am a technical mentor", "Technical skills", "p 3 of the plan", "Overview", "Level up your skills", "Step 2: install the tool", "Stage 3 rollout", "When do I get promoted?", "What I'm expected to do", "I want to help", "I.e. the rest", "Iowa office", "V.I.P. support"} {
		if c := ParseCode(title); c != nil {
			t.Errorf("%q: code %q, want none", title, c.Raw)
		}
	}
}

// A number that ends a title after its words ("Engineer 1") numbers the
// steps within the title; the finder takes it only for a role's title.
func TestTrailingCode(t *testing.T) {
	for _, c := range []struct {
		title, raw string
		rank       float64
	}{{"Engineer 1", "1", 1}, {"Senior Engineer 2", "2", 2}, {"Engineering Manager 2a", "2a", 2}, {"Data engineer 3 ", "3", 3}} {
		got := trailingCode(c.title)
		if got == nil || got.Raw != c.raw || got.Rank != c.rank || got.Format != TitleNumber || !got.NumbersTitle() {
			t.Errorf("%q: got %+v, want %q rank %g", c.title, got, c.raw, c.rank)
			continue
		}
		if c.title[got.At:got.At+got.N] != got.Raw {
			t.Errorf("%q: At/N give %q", c.title, c.title[got.At:got.At+got.N])
		}
	}
	for _, title := range []string{"Engineer", "1 Engineer", "Engineer 123", "Engineer-1", "2", "Engineer 1 (draft)"} {
		if c := trailingCode(title); c != nil {
			t.Errorf("%q: code %q, want none", title, c.Raw)
		}
	}
}
