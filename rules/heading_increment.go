package rules

import (
	"fmt"

	"gitlab.com/ladderlint/ladderlint/lint"
)

var headingIncrementRule = &lint.Rule{
	ID:       "heading-increment",
	Title:    "heading levels go down one level at a time",
	Category: lint.Structure,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A heading more than one level below the one before it (`##` then `####`) skips a level: " +
			"the page outline, the table of contents and screen readers show a hole, and role sections end up " +
			"at an unexpected depth. Going back up any number of levels is fine, and so is the first heading's level.",
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\n#### Responsibilities\n\n- Lead the team\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\n### Responsibilities\n\n- Lead the team\n",
	},
	Check: checkHeadingIncrement,
}

func init() { lint.Register(headingIncrementRule) }

func checkHeadingIncrement(p *lint.Pass) {
	prev := 0
	for _, h := range p.File.Headings {
		if prev > 0 && h.Level > prev+1 {
			p.Report(lint.Diagnostic{
				Span:    h.Span,
				Message: fmt.Sprintf("heading level %d after level %d skips a level: make it level %d", h.Level, prev, prev+1),
				Subject: fmt.Sprintf("h%d after h%d: %s", h.Level, prev, h.Text),
			})
		}
		prev = h.Level
	}
}
