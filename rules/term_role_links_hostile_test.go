package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// Thousands of links to one role, each naming it a different way, on a
// page of half a megabyte: each second name is looked for again without a
// link, but only the first maxUnlinkedRoleNames of them, so the cost stays
// linear and the findings are capped.
func TestTermRoleLinksHostile(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: X\n---\n\n## Fullstack Engineer\n\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "The Fullstack Engineer reports to the [Engineering Manager, Team %c%c%c](#manager-engineering).\n\n",
			'A'+i%26, 'a'+i/26%26, 'a'+i/676%26)
	}
	b.WriteString("\n" + strings.Repeat("Work with the team on the roadmap. ", 15000) + "\n\n### Job Grade\n\nThe Fullstack Engineer is a grade 6.\n\n## Manager, Engineering\n\n### Job Grade\n\nThe Manager, Engineering is a grade 8.\n")
	start := time.Now()
	res := linttest.Lint(t, nil, map[string]string{"x.md": b.String()}, "term-consistency")
	if len(res.Findings) == 0 {
		t.Error("want the links' findings, got none")
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
}
