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

// titleCommaMatches is termTitleComma.FindAllStringSubmatchIndex(text, -1)
// without the expression, which the backtracker tried at every offset of
// every block that names a rank (most blocks of a page that says
// "Manager"): a match starts only where a rank word does, after no ASCII
// word character (\b: the rank's first letter is one), and from there
// each part of the expression is taken greedily, since nothing after it
// can fail.
func titleCommaMatches(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		if i > 0 && (isWordByte(text[i-1]) || text[i-1] == '_') {
			continue
		}
		var n int
		switch text[i] {
		case 'V':
			n = rankAt(text, i, "VP")
		case 'S', 'E':
			n = rankAt(text, i+1, "VP")
			if n > 0 {
				n++
			}
		case 'D':
			n = rankAt(text, i, "Director")
		case 'M':
			n = rankAt(text, i, "Manager")
		}
		if n == 0 {
			continue
		}
		rankEnd := i + n
		j := rankEnd
		if j < len(text) && text[j] == ',' {
			j++
		}
		commaEnd := j
		if j+1 >= len(text) || text[j] != ' ' || !isUpper(text[j+1]) {
			continue
		}
		nameStart := j + 1
		end := letterRunEnd(text, nameStart+1)
		for end+1 < len(text) && text[end] == ' ' {
			if c := text[end+1]; c == '&' {
				end += 2
			} else if isUpper(c) {
				end = letterRunEnd(text, end+2)
			} else {
				break
			}
		}
		out = append(out, []int{i, end, i, rankEnd, rankEnd, commaEnd, nameStart, end})
		i = end - 1
	}
	return out
}

// rankAt returns len(rank) when text holds rank at i, else 0.
func rankAt(text string, i int, rank string) int {
	if i <= len(text) && strings.HasPrefix(text[i:], rank) {
		return len(rank)
	}
	return 0
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
		for _, m := range titleCommaMatches(text) {
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
