package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// Thousands of roles whose titles have short spellings, and a long
// paragraph that writes one of them short again and again: the page's
// blocks are not searched once a role title each without bound, and each
// short name is one finding.
func TestTermRoleSpellingsHostile(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: X\n---\n\n")
	const roles = 5000
	for i := 0; i < roles; i++ {
		fmt.Fprintf(&b, "## Senior Analyst %d and Lead\n\n### Responsibilities\n\n- Work\n\n", i)
	}
	b.WriteString("## Notes\n\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("The Sr. Analyst 1 and Lead helps. ")
	}
	b.WriteString("\n")
	start := time.Now()
	res := linttest.Lint(t, nil, map[string]string{"x.md": b.String()}, "term-consistency")
	n := 0
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "the role's heading on this page") {
			n++
		}
	}
	if n == 0 || n > 20000 {
		t.Errorf("got %d findings of a short role name, want one for each of at most 20000", n)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
}
