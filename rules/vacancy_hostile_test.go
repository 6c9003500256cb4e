package rules

import (
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// Thousands of Hiring Process headings, each with a list in the second
// person, and a list of thousands of bullets in the second person: the
// stretches under the skipped headings are walked once, not once a block,
// and the long list is one finding.
func TestVacancyWordingHostile(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: X\n---\n\n## X\n\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("## Hiring Process\n\n- You have a call\n- You meet the team\n\n")
	}
	b.WriteString("## Requirements\n\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("- You have experience\n")
	}
	start := time.Now()
	res := linttest.Lint(t, nil, map[string]string{"x.md": b.String()}, "vacancy-wording")
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "20000 bullets in a row") {
		t.Errorf("want one finding for the run of 20000 bullets, got %d", len(res.Findings))
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("took %v", d)
	}
}
