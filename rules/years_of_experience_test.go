package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestYearsOfExperience(t *testing.T) {
	res := linttest.Run(t, "testdata/years-of-experience/default", "years-of-experience")
	// roles graded 4 or 5 (and family-wide requirements that apply to
	// them) are errors; the rest warnings
	for _, f := range res.Findings {
		want := lint.Warning
		if f.Path == "testdata/years-of-experience/default/entry.md" && f.Line != 26 ||
			f.Path == "testdata/years-of-experience/default/flat.md" && f.Line == 11 {
			want = lint.Error
		}
		if f.Severity != want {
			t.Errorf("%s:%d: severity %s, want %s", f.Path, f.Line, f.Severity, want)
		}
	}
}

func TestYearsOfExperienceOptions(t *testing.T) {
	res := linttest.Run(t, "testdata/years-of-experience/options", "years-of-experience")
	for _, f := range res.Findings {
		if want := map[int]lint.Severity{9: lint.Error, 13: lint.Error}[f.Line]; f.Severity != want {
			t.Errorf("%s:%d: severity %s, want %s", f.Path, f.Line, f.Severity, want)
		}
	}
}
