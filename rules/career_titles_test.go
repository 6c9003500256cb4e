package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// pageTitles keeps a role's title without its qualifiers only when it
// differs from the title: the merge stage reads the titles as a set, and on
// a page of thousands of roles without qualifiers the copies were most of
// what the rule kept.
func TestPageTitlesOnceEach(t *testing.T) {
	page := "---\ntitle: Engineer\n---\n\n## Senior Engineer (Backend)\n\nThe Senior Engineer (Backend) is a grade 7.\n\n" +
		"## Staff Engineer\n\nThe Staff Engineer is a grade 8.\n"
	f := model.Parse("content/job-families/x/engineer.md", []byte(page))
	got := pageTitles(f)
	for _, want := range []string{model.NormalizeTitle("Engineer"), model.NormalizeTitle("Senior Engineer (Backend)"),
		model.NormalizeTitle("Senior Engineer"), model.NormalizeTitle("Staff Engineer")} {
		if n := titleCount(got, want); n != 1 {
			t.Errorf("%q: %d times in %q, want once", want, n, got)
		}
	}
	if len(got) != 4 {
		t.Errorf("titles %q, want 4", got)
	}
}

func titleCount(ts []string, t string) int {
	n := 0
	for _, x := range ts {
		if x == t {
			n++
		}
	}
	return n
}
