package rules

import (
	"fmt"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var headingIncrementRule = &lint.Rule{
	ID:       "heading-increment",
	Title:    "heading levels go down one level at a time",
	Category: lint.Structure,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A heading more than one level below the one before it (`##` then `####`) skips a level: " +
			"the page outline, the table of contents and screen readers show a hole, and role sections end up " +
			"at an unexpected depth. Going back up any number of levels is fine, and so is the first heading's level. " +
			"A heading inside a blockquote (\"> ### Why we ask for a pre-recorded presentation\") is still in the page outline; when " +
			"the heading after the quote skips a level only from the quote's last heading, not from the page's heading before the " +
			"quote, the finding says that the quote's headings are the cause and what level they need. When the heading before is a level's own heading " +
			"and the page's other level headings sit one level above the skipped heading's depth (\"### Manager, X\" and \"### " +
			"Senior Manager, X\" with \"####\" sections, then \"## Director, X\" and its \"#### Job Grade\"), the level heading is " +
			"what is out of place, and the finding says so and names the level it should have.",
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\n#### Responsibilities\n\n- Lead the team\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\n### Responsibilities\n\n- Lead the team\n",
	},
	Check: checkHeadingIncrement,
}

func init() { lint.Register(headingIncrementRule) }

func checkHeadingIncrement(p *lint.Pass) {
	prev := 0
	var prevH *model.Heading
	prevQuoted := false
	src := p.File.Source.Text
	// how many level headings the page writes at each depth
	depths := map[int]int{}
	for _, r := range p.File.Roles {
		if r.Kind == model.KindLevel && r.Heading != nil && r.Heading.Role == r {
			depths[r.Heading.Level]++
		}
	}
	outer := 0 // the level of the last heading outside a blockquote
	for _, h := range p.File.Headings {
		quoted := quotedLine(src, h.Span.Start)
		if prev > 0 && h.Level > prev+1 && !quoted && prevQuoted && h.Level <= outer+1 {
			// the skip comes from the quote's headings: this heading
			// follows the page's heading before the quote
			p.Report(lint.Diagnostic{
				Span: h.Span,
				Message: fmt.Sprintf("heading level %d after level %d skips a level, because the level-%d heading %q (line %d) is inside a "+
					"blockquote: this heading follows the level-%d heading before the quote; make the quote's headings level %d or more, or bold text",
					h.Level, prev, prev, prevH.Text, p.File.Source.Position(prevH.Span.Start).Line, outer, outer+1),
				Subject: fmt.Sprintf("h%d after quoted h%d: %s", h.Level, prev, h.Text),
			})
		} else if prev > 0 && h.Level > prev+1 {
			msg := fmt.Sprintf("heading level %d after level %d skips a level: make it level %d", h.Level, prev, prev+1)
			// the level heading above is the one out of place: the other
			// levels' headings sit one level above this depth
			if r := prevH.Role; r != nil && r.Heading == prevH && r.Kind == model.KindLevel &&
				depths[h.Level-1] > depths[prev]-1 && depths[h.Level-1] >= 2 {
				msg = fmt.Sprintf("heading level %d after level %d skips a level: the level heading %q (line %d) is at level %d "+
					"where the other levels' headings are at level %d: make it level %d", h.Level, prev, prevH.Text,
					p.File.Source.Position(prevH.Span.Start).Line, prev, h.Level-1, h.Level-1)
			}
			p.Report(lint.Diagnostic{
				Span:    h.Span,
				Message: msg,
				Subject: fmt.Sprintf("h%d after h%d: %s", h.Level, prev, h.Text),
			})
		}
		prev, prevH, prevQuoted = h.Level, h, quoted
		if !quoted {
			outer = h.Level
		}
	}
}
