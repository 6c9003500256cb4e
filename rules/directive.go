package rules

import (
	"fmt"

	"gitlab.com/ladderlint/ladderlint/lint"
)

var directiveRule = &lint.Rule{
	ID:       lint.DirectiveRuleID,
	Title:    "inline directives name known rules",
	Category: lint.Structure,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "Inline directives turn rules off and on in HTML comments: `<!-- ladderlint-disable RULE... -->`, " +
			"`<!-- ladderlint-enable RULE... -->`, `<!-- ladderlint-disable-next-line RULE... -->` and " +
			"`<!-- ladderlint-disable-file RULE... -->`; without a rule ID they apply to every rule, and text after " +
			"` -- ` is a reason. A directive that names an unknown rule (a typo) would silently suppress nothing, " +
			"so it is reported, as is an unknown verb. Findings of this rule cannot be suppressed.",
		Bad:  "---\ntitle: Example\n---\n\n<!-- ladderlint-disable-next-line grade-ordre -->\nText.\n",
		Good: "---\ntitle: Example\n---\n\n<!-- ladderlint-disable-next-line frontmatter -- migrated page -->\nText.\n",
	},
	Check: checkDirectives,
}

func init() { lint.Register(directiveRule) }

func checkDirectives(p *lint.Pass) {
	for _, d := range lint.ParseDirectives(p.File) {
		if d.Bad != "" {
			p.Report(lint.Diagnostic{Span: d.Comment.Span, Message: d.Bad, Subject: "verb " + d.Comment.Text})
			continue
		}
		for i, id := range d.Rules {
			if lint.Lookup(id) == nil {
				p.Report(lint.Diagnostic{Span: d.Spans[i], Message: fmt.Sprintf("%s names unknown rule %q%s", d.Kind, id, lint.SuggestRule(id)), Subject: id})
			}
		}
	}
}
