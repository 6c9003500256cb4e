package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// termTitleAbbrev finds an abbreviated title word before a capitalised
// word ("Sr. Manager", "Sr Manager"): group 1 the abbreviation, group 2
// its period if any.
var termTitleAbbrev = regexp.MustCompile(`\b(Sr|Jr|Mgr|Assoc)(\.?) [A-Z]`)

// hasTitleAbbrev reports whether text holds one of termTitleAbbrev's
// abbreviations, as every match does (the expression is case-sensitive).
func hasTitleAbbrev(text string) bool {
	return strings.Contains(text, "Sr") || strings.Contains(text, "Jr") || strings.Contains(text, "Mgr") || strings.Contains(text, "Assoc")
}

// checkTermTitleAbbrevs reports an abbreviated title word written with and
// without its period on one page ("Sr Manager" beside "Sr. Manager" three
// times), where the page writes the dotted one, the style guides' form, at
// least twice and more often than the bare one (a page mostly "Sr
// Director" has a house style of its own). Only before a capitalised word, a title's
// next word, where a period cannot end a sentence.
func checkTermTitleAbbrevs(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int
	}
	count := map[string]int{} // "Sr" and "Sr."
	var occs []occ
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		if !hasTitleAbbrev(text) {
			continue // the expression is slow; most blocks hold none
		}
		for _, m := range termTitleAbbrev.FindAllStringSubmatchIndex(text, -1) {
			w := text[m[2]:m[5]]
			count[w]++
			occs = append(occs, occ{b, m[2], m[5]})
		}
	}
	for _, o := range occs {
		written := o.b.Text[o.start:o.end]
		if written[len(written)-1] == '.' {
			continue // the dotted form is the reference
		}
		other := written + "."
		n := count[other]
		if n < 2 || n <= count[written] {
			continue
		}
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, other,
			fmt.Sprintf("write %s, not %s (%s: %d %s on this page)", quoted(other), quoted(written), quoted(other), n, pluralWord(n, "time", "times")))
	}
}
