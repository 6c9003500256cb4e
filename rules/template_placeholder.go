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
			"and are not checked; nor are `{{ double braces }}` (another templating language's variables) or one- or " +
			"two-letter braces such as a set `{a}`.",
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\nThe {add the role name} reports to the Director.\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\nThe Manager, Example reports to the Director. See `{add` in the template.\n",
		Options: []lint.OptionDoc{
			{Name: "allow", Default: "[]", Text: "regular expressions for brace text that is not a placeholder, matched against the whole `{...}`"},
		},
	},
	Options: func() any { return &templatePlaceholderOptions{} },
	Validate: func(o any) error {
		_, err := compileAll(o.(*templatePlaceholderOptions).Allow)
		return err
	},
	Check: checkTemplatePlaceholder,
}

type templatePlaceholderOptions struct {
	// Allow lists regular expressions for brace text that is not a
	// placeholder in this handbook (a macro syntax, say).
	Allow []string `yaml:"allow"`
}

func init() { lint.Register(templatePlaceholderRule) }

// placeholderRE finds brace-enclosed words: "{add ...}", "{Level}",
// "{Security Engineer, Automation}". A closing ']' is accepted too: the
// templates have "{add a bulleted list]".
var placeholderRE = regexp.MustCompile(`\{\s*[A-Za-z][^{}\[\]\n` + "\uFFFC" + `]+[A-Za-z.)\s][}\]]`)

func checkTemplatePlaceholder(p *lint.Pass) {
	allow, _ := compileAll(lint.Options[templatePlaceholderOptions](p.Options).Allow)
	for _, b := range p.File.Blocks {
		if !strings.Contains(b.Text, "{") {
			continue
		}
		for _, m := range placeholderRE.FindAllStringIndex(b.Text, -1) {
			text := b.Text[m[0]:m[1]]
			// {{ double braces }} are another templating language's
			// variables (Liquid, Zendesk macros), not the handbook's placeholders
			if m[0] > 0 && b.Text[m[0]-1] == '{' || m[1] < len(b.Text) && b.Text[m[1]] == '}' || matchesAny(allow, text) {
				continue
			}
			p.Report(lint.Diagnostic{Span: b.SourceSpan(m[0], m[1]), Message: "template placeholder " + text + " left in the page", Subject: text})
		}
	}
}

// compileAll compiles regular expressions from options.
func compileAll(pats []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(pats))
	for _, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, re)
	}
	return out, nil
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
