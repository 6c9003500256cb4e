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
	misspellMain, misspellLocale map[string]*misspellTable // by list
)

// misspellTable maps lower-case misspellings to their corrections. Most
// words are no misspelling: a Bloom filter of the table's words (64 KiB,
// about 1% false positives) answers for them without a lookup in the large
// map. Built once, read only.
type misspellTable struct {
	fixes  map[string]string
	filter [1 << 13]uint64
}

func newMisspellTable(pairs []string) *misspellTable {
	t := &misspellTable{fixes: make(map[string]string, len(pairs)/2)}
	for i := 0; i+1 < len(pairs); i += 2 {
		t.fixes[pairs[i]] = pairs[i+1]
		h1, h2 := misspellHashes(pairs[i])
		t.filter[h1/64] |= 1 << (h1 % 64)
		t.filter[h2/64] |= 1 << (h2 % 64)
	}
	return t
}

// misspellHashes returns two bit positions in the filter for w (FNV-1a).
func misspellHashes(w string) (uint32, uint32) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	const bits = 1<<13*64 - 1
	return uint32(h) & bits, uint32(h>>32) & bits
}

// fix returns the correction of a lower-case word, if it is a misspelling.
func (t *misspellTable) fix(w string) (string, bool) {
	if t == nil {
		return "", false
	}
	h1, h2 := misspellHashes(w)
	if t.filter[h1/64]&(1<<(h1%64)) == 0 || t.filter[h2/64]&(1<<(h2%64)) == 0 {
		return "", false
	}
	fix, ok := t.fixes[w]
	return fix, ok
}

// misspellings returns the tables of misspellings for a locale ("" for the
// main list only; extra is nil then).
func misspellings(locale string) (main, extra *misspellTable) {
	misspellOnce.Do(func() {
		misspellMain = map[string]*misspellTable{"": newMisspellTable(misspell.DictMain)}
		misspellLocale = map[string]*misspellTable{"US": newMisspellTable(misspell.DictAmerican), "UK": newMisspellTable(misspell.DictBritish)}
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
			fix, ok := main.fix(lw)
			if !ok {
				if fix, ok = extra.fix(lw); !ok {
					continue
				}
			}
			if allow[lw] {
				continue
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
