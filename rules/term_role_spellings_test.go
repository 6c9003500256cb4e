package rules

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// Thousands of roles whose titles have short spellings, and a long
// paragraph that writes one of them short again and again: the page's
// blocks are not searched once a role title each without bound (five times
// the roles and the paragraph, at most eight times the allocations: counted,
// not timed), and each short name is one finding.
func TestTermRoleSpellingsHostile(t *testing.T) {
	page := func(roles, mentions int) string {
		var b strings.Builder
		b.WriteString("---\ntitle: X\n---\n\n")
		for i := 0; i < roles; i++ {
			fmt.Fprintf(&b, "## Senior Analyst %d and Lead\n\n### Responsibilities\n\n- Work\n\n", i)
		}
		b.WriteString("## Notes\n\n")
		for i := 0; i < mentions; i++ {
			b.WriteString("The Sr. Analyst 1 and Lead helps. ")
		}
		b.WriteString("\n")
		return b.String()
	}
	var res *lint.Result
	small := linttest.Mallocs(func() { linttest.Lint(t, nil, map[string]string{"x.md": page(1000, 4000)}, "term-consistency") })
	large := linttest.Mallocs(func() { res = linttest.Lint(t, nil, map[string]string{"x.md": page(5000, 20000)}, "term-consistency") })
	if large > 8*small {
		t.Errorf("%d allocations for 1,000 roles, %d for 5,000: not linear", small, large)
	}
	n := 0
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "the role's heading on this page") {
			n++
		}
	}
	if n == 0 || n > 20000 {
		t.Errorf("got %d findings of a short role name, want one for each of at most 20000", n)
	}
}
