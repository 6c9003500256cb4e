package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// A run of bullets in the second person is one finding on its first bullet
// that stands for the run's lines (Finding.Through, which the accuracy
// report matches labels against); a lone bullet stands for its own line.
func TestVacancyWordingRunThrough(t *testing.T) {
	page := "---\ntitle: X\n---\n\n## X\n\n### Requirements\n\n" +
		"- You have shipped a product\n" + // line 9
		"- You have led a team\n" +
		"- You have written specs\n\n" + // line 11
		"### Responsibilities\n\n" +
		"- Plan the roadmap\n" +
		"- You will own the budget\n" // line 16
	res := linttest.Lint(t, nil, map[string]string{"x.md": page}, "vacancy-wording")
	if len(res.Findings) != 2 {
		t.Fatalf("want 2 findings, got %d: %+v", len(res.Findings), res.Findings)
	}
	run, lone := res.Findings[0], res.Findings[1]
	if run.Line != 9 || run.EndLine != 9 || run.Through != 11 {
		t.Errorf("run: line %d end line %d through %d, want 9, 9, 11 (%s)", run.Line, run.EndLine, run.Through, run.Message)
	}
	if lone.Line != 16 || lone.Through != 0 {
		t.Errorf("lone bullet: line %d through %d, want 16, 0 (%s)", lone.Line, lone.Through, lone.Message)
	}
}
