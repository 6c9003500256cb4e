package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// termTitleComma finds a rank word and the capitalised name after it, with
// or without a comma between: "VP, Marketing Strategy & Platforms", "VP
// Marketing Strategy & Platforms". Group 1 the rank, group 2 the comma,
// group 3 the name (capitalised words and "&", as long as they run).
var termTitleComma = regexp.MustCompile(`\b(VP|SVP|EVP|Director|Manager)(,?) ([A-Z][A-Za-z]*(?: (?:&|[A-Z][A-Za-z]*))*)`)

// hasTitleRank reports whether text holds one of termTitleComma's rank
// words, as every match does (the expression is case-sensitive).
func hasTitleRank(text string) bool {
	return strings.Contains(text, "VP") || strings.Contains(text, "Director") || strings.Contains(text, "Manager")
}

// checkTermTitleCommas reports a title written without the comma after its
// rank word ("reports to the VP Marketing Strategy & Platforms") on a page
// that writes the same title with it ("a 45 minute interview with our VP,
// Marketing Strategy & Platforms"): the handbook writes a title "rank,
// function", as the page does there, and one person's title written two
// ways reads as two people. The title's name must be the same words, as
// far as capitalised words run, in both. The comma form may be in a
// heading; the one without is reported in prose only, not in a link's text.
// The page's own roles are left to the rules on role names (an extension
// sentence or a grade sentence that drops the comma is theirs).
func checkTermTitleCommas(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int
		key        string // the rank and the name, a space between
	}
	withComma := map[string]int{}
	var bare []occ
	for _, b := range f.Blocks {
		text := wordingText(b)
		if !hasTitleRank(text) {
			continue
		}
		for _, m := range termTitleComma.FindAllStringSubmatchIndex(text, -1) {
			key := text[m[2]:m[3]] + " " + text[m[6]:m[7]]
			if m[5] > m[4] {
				withComma[key]++
				continue
			}
			if b.Kind == model.BlockHeading || inLinkText(b, m[0]) {
				continue
			}
			bare = append(bare, occ{b, m[0], m[1], key})
		}
	}
	if len(bare) == 0 || len(withComma) == 0 {
		return
	}
	roles := map[string]bool{}
	for _, r := range f.Roles {
		if r.Heading != nil {
			roles[strings.ReplaceAll(cleanRoleTitle(r.Heading.Text), ",", "")] = true
		}
		roles[strings.ReplaceAll(cleanRoleTitle(r.Title), ",", "")] = true
	}
	for _, o := range bare {
		n := withComma[o.key]
		if n == 0 {
			continue
		}
		written := o.b.Text[o.start:o.end]
		if written != o.key {
			continue // the words are not the block's own (blanked text between)
		}
		if roleNamed(roles, written) {
			continue
		}
		rank, name, _ := strings.Cut(written, " ")
		want := rank + ", " + name
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s: a title takes a comma after its rank, as the page writes this one (%s: %d %s on this page)",
				quoted(want), quoted(written), quoted(want), n, pluralWord(n, "time", "times")))
	}
}

// roleNamed reports whether a title without its comma is words of one of
// the page's role titles, commas taken out ("Manager Sales Systems" in
// "Senior Manager, Sales Systems", "Director People Business Partner" in
// "Director, People Business Partner (PBP)").
func roleNamed(roles map[string]bool, written string) bool {
	for r := range roles {
		if strings.Contains(" "+r+" ", " "+written+" ") {
			return true
		}
	}
	return false
}
