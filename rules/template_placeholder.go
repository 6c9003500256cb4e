package rules

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

var templatePlaceholderRule = &lint.Rule{
	ID:       "template-placeholder",
	Title:    "no leftover {placeholder} text from the job-family templates",
	Category: lint.Structure,
	Severity: lint.Error,
	Doc: lint.Doc{
		Description: "The handbook's job-family templates mark what to fill in with braces: `{add the role name}`, " +
			"`{add 3-5 KPIs ...}`, `{Level}`. Text in braces left in a page's prose is a placeholder nobody " +
			"replaced. Code, Hugo shortcodes (`{{< ref ... >}}`), heading IDs (`{#id}`) and link targets are not prose " +
			"and are not checked.",
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\nThe {add the role name} reports to the Director.\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\nThe Manager, Example reports to the Director. See `{add` in the template.\n",
	},
	Check: checkTemplatePlaceholder,
}

func init() { lint.Register(templatePlaceholderRule) }

// placeholderRE finds brace-enclosed words: "{add ...}", "{Level}",
// "{Security Engineer, Automation}". A closing ']' is accepted too: the
// templates have "{add a bulleted list]".
var placeholderRE = regexp.MustCompile(`\{\s*[A-Za-z][^{}\[\]\n` + "\uFFFC" + `]*[}\]]`)

func checkTemplatePlaceholder(p *lint.Pass) {
	for _, b := range p.File.Blocks {
		if !strings.Contains(b.Text, "{") {
			continue
		}
		for _, m := range placeholderRE.FindAllStringIndex(b.Text, -1) {
			text := b.Text[m[0]:m[1]]
			p.Report(lint.Diagnostic{Span: b.SourceSpan(m[0], m[1]), Message: "template placeholder " + text + " left in the page", Subject: text})
		}
	}
}
