package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

type termConsistencyOptions struct {
	Preferred []string `yaml:"preferred"`
	Scope     string   `yaml:"scope"`
}

// defaultPreferredTerms are names whose spelling is not a matter of taste.
var defaultPreferredTerms = []string{
	"GitLab", "GitLab.com", "GitHub", "JavaScript", "TypeScript", "PostgreSQL", "DevOps", "DevSecOps",
	"LinkedIn", "NetSuite",
}

var termConsistencyRule = &lint.Rule{
	ID:       "term-consistency",
	Title:    "one term written several ways, or not the way the preferred-terms list spells it",
	Category: lint.Wording,
	Severity: lint.Warning,
	Fixable:  true,
	Doc: lint.Doc{
		Description: "A term should be written one way. Within a page (or, with `scope: handbook`, across all " +
			"the files linted) three kinds of variants are found and reported at the less common spelling, " +
			"with the more common one:\n\n" +
			"- case inside a word: \"Javascript\" / \"JavaScript\", \"Devops\" / \"DevOps\" (a capital first letter " +
			"alone is not a variant, and words in capitals are acronyms or emphasis);\n" +
			"- hyphenation: \"e-mail\" / \"email\", \"back-end\" / \"backend\", \"on-going\" / \"ongoing\";\n" +
			"- apostrophe plurals of acronyms: \"OKR's\" where the page also writes \"OKRs\". Here the plain plural " +
			"is always the reference, and \"the CRO's strategy\" (followed by a noun) is read as a possessive and " +
			"left alone.\n\n" +
			"Ties are not reported. The `preferred` list names terms with one right spelling (\"GitLab\", " +
			"\"GitLab.com\"): any other case of them is reported wherever it occurs, and their variants are not " +
			"reported a second time. Names in URLs, e-mail addresses, paths, code and link targets are not " +
			"prose and are left alone. `--fix` writes the reference spelling.",
		Bad: "---\ntitle: Support Engineer\n---\n\n## Support Engineer\n\n### Responsibilities\n\n" +
			"- Answer customer e-mail about Gitlab\n- Triage email from customers\n- Keep email templates current\n",
		Good: "---\ntitle: Support Engineer\n---\n\n## Support Engineer\n\n### Responsibilities\n\n" +
			"- Answer customer email about GitLab and GitLab.com\n- Triage email from customers\n" +
			"- Keep email templates current, as described at https://gitlab.com/gitlab-org/gitlab\n",
		Options: []lint.OptionDoc{
			{Name: "preferred", Default: "[GitLab, GitLab.com, GitHub, JavaScript, TypeScript, PostgreSQL, DevOps, DevSecOps, LinkedIn, NetSuite]", Text: "terms with one right spelling; a list here replaces the built-in one"},
			{Name: "scope", Default: "page", Text: "where the usual spelling is counted: `page` (each file on its own) or `handbook` (all files linted together)"},
		},
	},
	Options: func() any { return &termConsistencyOptions{Preferred: defaultPreferredTerms, Scope: "page"} },
	Validate: func(o any) error {
		opts := o.(*termConsistencyOptions)
		if opts.Scope != "page" && opts.Scope != "handbook" {
			return fmt.Errorf("scope: %q is not page or handbook", opts.Scope)
		}
		for _, t := range opts.Preferred {
			if strings.TrimSpace(t) == "" {
				return fmt.Errorf("preferred: empty term")
			}
		}
		return nil
	},
	CheckAll: checkTermConsistency,
}

func init() { lint.Register(termConsistencyRule) }

// termOcc is one word of prose that may be a variant of a term.
type termOcc struct {
	f          *model.Family
	b          *model.Block
	start, end int    // in b.Text
	text       string // as written, curly apostrophes made straight
}

// termKinds of variants.
const (
	termCase       = "case"
	termHyphen     = "hyphen"
	termApostrophe = "apostrophe"
)

// termIndex counts the spellings of words in a scope.
type termIndex struct {
	byKey map[string][]*termOcc // lower-case word, hyphens and apostrophe-s dropped
	order []string
}

func (ix *termIndex) add(key string, o *termOcc) {
	if ix.byKey[key] == nil {
		ix.order = append(ix.order, key)
	}
	ix.byKey[key] = append(ix.byKey[key], o)
}

// hyphenMeaning are hyphenated words that mean something else closed up:
// "re-sign" is not "resign".
var hyphenMeaning = map[string]bool{
	"re-sign": true, "re-cover": true, "re-create": true, "re-creation": true, "re-form": true, "re-lease": true,
	"re-present": true, "re-sort": true, "re-treat": true, "re-collect": true, "re-mark": true, "co-op": true,
}

var acronymPluralRE = regexp.MustCompile(`^[A-Z]{2,}'s$`)

func checkTermConsistency(p *lint.SetPass) {
	opts := lint.Options[termConsistencyOptions](p.Options)
	preferred := map[string]string{} // lower-case term -> spelling
	for _, t := range opts.Preferred {
		preferred[strings.ToLower(t)] = t
	}
	newIndex := func() *termIndex { return &termIndex{byKey: map[string][]*termOcc{}} }
	shared := newIndex()
	for _, f := range p.Files {
		ix := shared
		if opts.Scope == "page" {
			ix = newIndex()
		}
		for _, b := range f.Blocks {
			text := wordingText(b)
			checkPreferredTerms(p, f, b, text, opts.Preferred)
			words := prose.Words(text, true)
			for i, w := range words {
				if hasDigit(w.Text) {
					continue
				}
				o := &termOcc{f: f, b: b, start: w.Start, end: w.End, text: strings.ReplaceAll(w.Text, "’", "'")}
				if acronymPluralRE.MatchString(o.text) {
					if !possessive(text, words, i) {
						ix.add(strings.ToLower(strings.TrimSuffix(o.text, "'s"))+"s", o)
					}
					continue
				}
				if strings.ContainsRune(o.text, '\'') || hyphenMeaning[strings.ToLower(o.text)] {
					continue
				}
				ix.add(strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(o.text, "-", ""), "‑", "")), o)
			}
		}
		if opts.Scope == "page" {
			reportTermVariants(p, ix, preferred, "on this page")
		}
	}
	if opts.Scope == "handbook" {
		reportTermVariants(p, shared, preferred, "in the files linted")
	}
}

// possessive reports whether an acronym with 's is followed by a word that
// is not a function word: "the CRO's strategy" is a possessive, "OKR's and
// KPIs" a plural.
func possessive(text string, words []prose.Word, i int) bool {
	if i+1 >= len(words) {
		return false
	}
	if gap := text[words[i].End:words[i+1].Start]; strings.TrimSpace(gap) != "" {
		return false // punctuation follows: "... PEO's."
	}
	return !prose.StopWords[strings.ToLower(words[i+1].Text)]
}

// reportTermVariants reports the spellings of each term that the scope uses
// less than another.
func reportTermVariants(p *lint.SetPass, ix *termIndex, preferred map[string]string, where string) {
	for _, key := range ix.order {
		occs := ix.byKey[key]
		if _, ok := preferred[key]; ok {
			continue // checked against the preferred spelling
		}
		// classify each spelling
		count := map[string]int{}
		kindOf := map[string]string{}
		for _, o := range occs {
			form, kind := termForm(o.text)
			if kind == "" {
				continue
			}
			count[form]++
			kindOf[form] = kind
		}
		if len(count) < 2 {
			continue
		}
		forms := byCount(count)
		ref := forms[0]
		plain := plainPlural(forms)
		switch {
		case plain != "":
			ref = plain // the plain plural, whatever the counts
		case kindOf[ref] == termApostrophe || count[forms[1]] == count[ref]:
			continue // an apostrophe plural with no plain one, or a tie: no usual spelling
		}
		for _, o := range occs {
			form, kind := termForm(o.text)
			if kind == "" || form == ref {
				continue
			}
			if kind == termApostrophe && !acronymPluralRE.MatchString(form) {
				continue
			}
			want := spellLike(ref, o.text)
			var msg string
			switch {
			case kindOf[form] == termApostrophe:
				msg = fmt.Sprintf("%s: write the plural without an apostrophe, %s, as it is written %d %s %s", quoted(o.text), quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			default:
				msg = fmt.Sprintf("%s is written %s %d %s %s", quoted(o.text), quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			}
			reportTerm(p, o, want, msg)
		}
	}
}

// termForm returns the spelling class a word belongs to and its kind: for
// hyphenated and closed words, the word in lower case; for case variants,
// the word with its first letter in lower case. Words in capitals give "".
func termForm(w string) (string, string) {
	if acronymPluralRE.MatchString(w) {
		return w, termApostrophe
	}
	if strings.ContainsAny(w, "-‑") {
		return strings.ToLower(w), termHyphen
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) || strings.ToUpper(w) == w {
		return "", "" // a single letter, an acronym or emphasis
	}
	rest := w[n:]
	if strings.ToLower(rest) == rest {
		return strings.ToLower(w), termHyphen // plain word: the closed spelling
	}
	return string(unicode.ToLower(r)) + rest, termCase
}

// plainPlural returns the plain plural among the forms when one of them is
// an acronym's apostrophe plural ("OKRs" for "OKR's").
func plainPlural(forms []string) string {
	for _, f := range forms {
		if acronymPluralRE.MatchString(f) {
			want := strings.TrimSuffix(f, "'s") + "s"
			for _, g := range forms {
				if g == want || strings.EqualFold(g, want) {
					return g
				}
			}
		}
	}
	return ""
}

// spellLike writes the reference spelling with the first letter's case of
// the word it replaces ("E-mail" becomes "Email").
func spellLike(ref, orig string) string {
	r, n := utf8.DecodeRuneInString(ref)
	o, _ := utf8.DecodeRuneInString(orig)
	if unicode.IsUpper(o) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + ref[n:]
	}
	return ref
}

func reportTerm(p *lint.SetPass, o *termOcc, want, msg string) {
	span := o.b.SourceSpan(o.start, o.end)
	written := o.b.Text[o.start:o.end]
	d := lint.Diagnostic{
		File:    o.f,
		Span:    span,
		Message: msg,
		Subject: "term: " + strings.ToLower(written),
		Diff:    "[-" + written + "-]{+" + want + "+}",
	}
	if sourceIs(o.f, span, written) {
		d.Fixes = []lint.Edit{{Span: span, New: want}}
	}
	p.Report(d)
}

// checkPreferredTerms reports any other case of a preferred term in a
// block's text.
func checkPreferredTerms(p *lint.SetPass, f *model.Family, b *model.Block, text string, terms []string) {
	lower := strings.ToLower(text)
	for _, t := range terms {
		lt := strings.ToLower(t)
		for from := 0; ; {
			i := strings.Index(lower[from:], lt)
			if i < 0 {
				break
			}
			i += from
			end := i + len(lt)
			from = i + 1
			if !termBoundary(text, i, end) {
				continue
			}
			if written := text[i:end]; written != t {
				reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: written}, t, fmt.Sprintf("write %s, not %s", quoted(t), quoted(written)))
			}
		}
	}
}

// termBoundary reports whether text[i:end] stands alone: not inside a longer
// word, a name such as "gitlab-org" or "@gitlab", or a host name.
func termBoundary(text string, i, end int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWordRuneOrJoin(r) || strings.ContainsRune("@/.#_", r) {
			return false
		}
	}
	if end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if isWordRuneOrJoin(r) || strings.ContainsRune("_/@", r) {
			return false
		}
		if r == '.' && end+n < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[end+n:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
				return false // "GitLab.com" is not "GitLab"
			}
		}
	}
	return true
}

func isWordRuneOrJoin(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '‑' || r == '\'' || r == '’'
}
