package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/golangci/misspell"

	"gitlab.com/ladderlint/ladderlint/lint"
)

type misspellingOptions struct {
	// Allow lists words never reported.
	Allow []string `yaml:"allow"`
	// Locale also reports the other variety's spellings: "US" reports
	// British spellings, "UK" American ones; "" reports neither.
	Locale string `yaml:"locale"`
}

// handbookWords are words of GitLab's handbook that misspell's dictionary
// would "correct" although they are meant: "copywrite" (to write copy, in
// marketing families) is not "copyright".
var handbookWords = []string{"copywrite"}

var misspellingRule = &lint.Rule{
	ID:       "misspelling",
	Title:    "a commonly misspelled English word",
	Category: lint.Wording,
	Severity: lint.Warning,
	Fixable:  true,
	Doc: lint.Doc{
		Description: "Words are checked against the list of common misspellings of " +
			"[misspell](https://github.com/golangci/misspell) (the one golangci-lint uses): it only knows " +
			"words that are wrong, so it does not trip over names and jargon the way a dictionary spell checker " +
			"would. Words in mixed case (\"GitLab\", \"DevOps\") and short words in capitals (acronyms such as \"OMRE\") are skipped, as are code, link targets, URLs, " +
			"e-mail addresses, front matter and template placeholders. `--fix` writes the correction, keeping " +
			"the word's capitalisation.",
		Bad:  "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Responsibilities\n\n- Collaborate with the team on architectual decisions\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Responsibilities\n\n- Collaborate with the team on architectural decisions\n",
		Options: []lint.OptionDoc{
			{Name: "allow", Default: "[]", Text: "words never reported (case does not matter), added to the built-in handbook list"},
			{Name: "locale", Default: `""`, Text: "`US` also reports British spellings (\"optimise\"), `UK` American ones; empty reports neither"},
		},
	},
	Options: func() any { return &misspellingOptions{} },
	Validate: func(o any) error {
		switch strings.ToUpper(o.(*misspellingOptions).Locale) {
		case "", "US", "UK":
			return nil
		}
		return fmt.Errorf("locale: %q is not US, UK or empty", o.(*misspellingOptions).Locale)
	},
	Check: checkMisspelling,
}

func init() { lint.Register(misspellingRule) }

var (
	misspellOnce                 sync.Once
	misspellMain, misspellLocale map[string]map[string]string // by list, lower-case word -> correction
)

// misspellings returns the lower-case misspelling -> correction table for a
// locale ("" for the main list only).
func misspellings(locale string) (main, extra map[string]string) {
	misspellOnce.Do(func() {
		table := func(pairs []string) map[string]string {
			m := make(map[string]string, len(pairs)/2)
			for i := 0; i+1 < len(pairs); i += 2 {
				m[pairs[i]] = pairs[i+1]
			}
			return m
		}
		misspellMain = map[string]map[string]string{"": table(misspell.DictMain)}
		misspellLocale = map[string]map[string]string{"US": table(misspell.DictAmerican), "UK": table(misspell.DictBritish)}
	})
	return misspellMain[""], misspellLocale[strings.ToUpper(locale)]
}

func checkMisspelling(p *lint.Pass) {
	opts := lint.Options[misspellingOptions](p.Options)
	main, extra := misspellings(opts.Locale)
	allow := map[string]bool{}
	for _, w := range append(append([]string(nil), handbookWords...), opts.Allow...) {
		allow[strings.ToLower(w)] = true
	}
	for _, b := range p.File.Blocks {
		tw := wordingWords(b, false)
		for i, w := range tw.words {
			style := misspell.CaseStyle(w.Text)
			if style == misspell.CaseUnknown || style == misspell.CaseUpper && len(w.Text) <= 5 {
				continue // "GitLab", "DevOps": names; "OMRE": an acronym
			}
			lw := tw.lower[i]
			if allow[lw] {
				continue
			}
			fix, ok := main[lw]
			if !ok {
				if fix, ok = extra[lw]; !ok {
					continue
				}
			}
			fix = withCase(fix, style)
			span := b.SourceSpan(w.Start, w.End)
			d := lint.Diagnostic{
				Span:    span,
				Message: fmt.Sprintf("%s is a misspelling of %s", quoted(w.Text), quoted(fix)),
				Subject: lw,
				Diff:    "[-" + w.Text + "-]{+" + fix + "+}",
			}
			if sourceIs(p.File, span, w.Text) {
				d.Fixes = []lint.Edit{{Span: span, New: fix}}
			}
			p.Report(d)
		}
	}
}

// withCase writes a lower-case correction in the case style of the word it
// replaces.
func withCase(s string, style misspell.WordCase) string {
	switch style {
	case misspell.CaseUpper:
		return strings.ToUpper(s)
	case misspell.CaseTitle:
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}
