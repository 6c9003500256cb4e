package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var templatePlaceholderRule = &lint.Rule{
	ID:       "template-placeholder",
	Title:    "no leftover {placeholder} text from the job-family templates, nor text left as TBD",
	Category: lint.Structure,
	Severity: lint.Error,
	Doc: lint.Doc{
		Description: "The handbook's job-family templates mark what to fill in with braces: `{add the role name}`, " +
			"`{add 3-5 KPIs ...}`, `{Level}`. Text in braces left in a page's prose is a placeholder nobody " +
			"replaced. Code, Hugo shortcodes (`{{< ref ... >}}`), heading IDs (`{#id}`) and link targets are not prose " +
			"and are not checked; nor are `{{ double braces }}` (another templating language's variables) or one- or " +
			"two-letter braces such as a set `{a}`. MyST (Sphinx) markup is no placeholder either: a role, its lower-case name " +
			"in braces followed at once by a backticked target (`{ref}` then `` `MOTU <dmb-joining-motu>` ``), or a colon-fenced " +
			"directive (`:::{note}`); a `{name}` followed by anything else is still reported.\n\n" +
			"A list item or paragraph whose whole text stands in for content never written (\"TBD\", \"To Be Defined (TBD)\", " +
			"\"TODO\", \"Coming soon\") is reported too, at `warning`, naming its section and role (option `unwritten`), and so is a " +
			"level's sentence saying its details will come later (\"More details will be added at a later date.\") when its lists " +
			"hold such items. The wording the handbook's pages use to keep a graded level that no one holds yet (the policy page names none), \"To be defined at time of " +
			"business need.\" (or \"This is a future level\"), is a convention, not a leftover, and is not reported (`required-sections` " +
			"tells such a level apart). A front-matter title or description that is wholly the templates' instruction " +
			"(\"{add text of job family name}\", \"_add high level description of job family_\") is reported at it. In the generic profile `ladder-placeholder` reports these, and `unwritten` is off.",
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\nThe {add the role name} reports to the Director.\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\nThe Manager, Example reports to the Director. See `{add` in the template.\n",
		Options: []lint.OptionDoc{
			{Name: "unwritten", Default: "true", Text: "Also report text left as \"TBD\", \"TODO\" and the like (not \"To be defined at time of business need\"), at warning."},
			{Name: "allow", Default: "[]", Text: "regular expressions for brace text that is not a placeholder, matched against the whole `{...}`"},
		},
	},
	Options: func() any { return &templatePlaceholderOptions{Unwritten: true} },
	Validate: func(o any) error {
		_, err := compileAll(o.(*templatePlaceholderOptions).Allow)
		return err
	},
	Check: checkTemplatePlaceholder,
}

type templatePlaceholderOptions struct {
	// Unwritten: report text left as "TBD" and the like too.
	Unwritten bool `yaml:"unwritten"`
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
			sp := b.SourceSpan(m[0], m[1])
			if isMySTMarkup(p.File.Source.Text, sp, text) {
				continue
			}
			p.Report(lint.Diagnostic{Span: sp, Message: "template placeholder " + text + " left in the page", Subject: text})
		}
	}
	reportFrontMatterInstruction(p)
	if lint.Options[templatePlaceholderOptions](p.Options).Unwritten {
		reportUnwritten(p)
	}
}

// mystNameRE is the name of a MyST (Sphinx) role or directive in braces:
// "{ref}", "{doc}", "{py:func}", "{note}": one lower-case word, no spaces.
var mystNameRE = regexp.MustCompile(`^\{[a-z][a-z0-9_:+.-]*\}$`)

// isMySTMarkup tells a MyST role or directive from a placeholder: a role
// is its name in braces followed at once by its backticked target
// ("{ref}`MOTU <dmb-joining-motu>`"), a colon-fenced directive its name
// after the fence (":::{note}"; a backtick fence's "```{toctree}" is
// code and never read). A "{name}" followed by anything else, or brace
// text with spaces or capitals, is still a placeholder.
func isMySTMarkup(src []byte, sp model.Span, text string) bool {
	if !mystNameRE.MatchString(text) || sp.End-sp.Start != len(text) || sp.End > len(src) || string(src[sp.Start:sp.End]) != text {
		return false
	}
	if sp.End < len(src) && src[sp.End] == '`' {
		return true
	}
	line := strings.TrimLeft(string(src[bytes.LastIndexByte(src[:sp.Start], '\n')+1:sp.Start]), " \t")
	return len(line) >= 3 && strings.Trim(line, ":") == ""
}

// frontMatterInstructionRE is a front-matter value that is wholly one of
// the templates' instructions, "add ...", in braces or set off in
// emphasis: "{add text of job family name}", "_add high level description
// of job family_".
var frontMatterInstructionRE = regexp.MustCompile(`(?i)^\s*(?:\{\s*add\s[^{}]*\}|_+\s*add\s[^_]*_+|\*+\s*add\s[^*]*\*+)\s*$`)

// reportFrontMatterInstruction reports a title or description left as the
// templates' instruction: the page's summary, in search results and on the
// family index, reads "add high level description of job family".
func reportFrontMatterInstruction(p *lint.Pass) {
	fm := p.File.FrontMatter
	if fm == nil {
		return
	}
	for _, key := range []string{"title", "description"} {
		v, ok := fm.String(key)
		if !ok || !frontMatterInstructionRE.MatchString(v) {
			continue
		}
		sp := fm.NodeSpan(fm.Value(key))
		if !sp.Valid() {
			continue
		}
		p.Report(lint.Diagnostic{Span: sp,
			Message: fmt.Sprintf("the front matter's %s is the template's instruction %q, never filled in", key, strings.TrimSpace(v)),
			Subject: "front matter " + key})
	}
}

// acceptedPlaceholderRE is the handbook's own way of keeping a graded level
// that no one holds yet ("To be defined at time of business need.", "This is
// a future level"): a placeholder by policy, not a leftover.
var acceptedPlaceholderRE = regexp.MustCompile(`(?i)\bbusiness\s+need\b|\bfuture\s+level\b`)

// reportUnwritten reports a list item or paragraph whose whole text stands
// in for content that was never written ("TBD", "To Be Defined (TBD)",
// "TODO", "Coming soon"), and the sentence of a level that says its details
// will come later ("More details will be added at a later date.") when its
// lists hold such items: the ladder-placeholder defect, in a job family.
func reportUnwritten(p *lint.Pass) {
	f := p.File
	if len(f.Roles) == 0 && len(f.Sections) == 0 {
		return // not a job-family page
	}
	done := map[int]bool{}
	report := func(sp model.Span, text, where string) {
		if done[sp.Start] {
			return
		}
		done[sp.Start] = true
		p.Report(lint.Diagnostic{Span: sp, Severity: lint.Warning, Covers: []string{"ladder-placeholder"},
			Message: fmt.Sprintf("%s only a placeholder (%q): write it", where, strings.TrimSpace(text)),
			Subject: "unwritten: " + strings.ToLower(strings.TrimSpace(text))})
	}
	for _, r := range f.Roles {
		if r.Status == model.StatusPlaceholder && r.StatusNote != nil && !model.IsPlaceholder(r.StatusNote.Text) &&
			!acceptedPlaceholderRE.MatchString(r.StatusNote.Text) {
			p.Report(lint.Diagnostic{Span: r.StatusNote.Span, Severity: lint.Warning, Covers: []string{"ladder-placeholder"},
				Message: fmt.Sprintf("level %q says it is not written yet (%q) and its lists hold placeholders: write them, "+
					"or keep the level with the wording other handbook pages use, \"To be defined at time of business need.\"", r.Title, strings.TrimSpace(r.StatusNote.Text)),
				Subject: "unwritten level: " + strings.ToLower(r.Title)})
		}
	}
	for _, b := range f.Blocks {
		if b.Kind != model.BlockItem && b.Kind != model.BlockParagraph {
			continue
		}
		t := strings.TrimSpace(b.Text)
		if !model.IsPlaceholder(t) || acceptedPlaceholderRE.MatchString(t) {
			continue
		}
		where := "this text is"
		if b.Section != nil {
			where = fmt.Sprintf("the family's %s section", sectionTitleOf(b.Section))
			if b.Section.Role != nil {
				where = fmt.Sprintf("the %s section of %q", sectionTitleOf(b.Section), b.Section.Role.Title)
			}
			if len(b.Section.Bullets)+len(b.Section.Paragraphs) > 1 {
				where += " has an item that is"
			} else {
				where += " is"
			}
		} else if h := f.HeadingBefore(b.Span.Start); h != nil {
			where = fmt.Sprintf("the text under %q is", h.Text)
		}
		report(b.Span, t, where)
	}
}

// sectionTitleOf names a section in a message: its kind's title, else its
// name as written.
func sectionTitleOf(s *model.Section) string {
	if s.Kind != "" && s.Kind != model.SecOther && s.Kind != model.SecBody {
		return sectionTitle(string(s.Kind))
	}
	if n := strings.TrimSpace(s.Name); n != "" {
		return fmt.Sprintf("%q", n)
	}
	return "text"
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
