package rules

import (
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// checkTermNameTails reports the last word of a capitalised name written
// in lower case where the page writes the name with it capitalised: "a
// Staff Vulnerability Research engineer" on a page that writes "the
// Vulnerability Research Engineer" and "Vulnerability Research Engineers
// perform". The name is two capitalised words and the word after them;
// the capitalised spelling counts only where the name ends there (no
// capitalised word follows: "Sales Team Lead" is a longer name), and it
// must stand at least twice and twice as often as the lower-case one,
// outside headings (title case says nothing) and link texts (a page's
// title). A plural is the name's ("Engineers" for "engineer") where the page
// writes the capitalised plural too (else "Incident Response teams" are
// teams of a kind, not the page's "Incident Response Team"). A first word
// that is a function word ("The Sales team") makes no name: two-word terms
// are compared by checkTermPhrases.
func checkTermNameTails(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int
		tail       int // offset of the last word in b.Text
		key        string
		plural     bool
	}
	capital := map[string]int{}
	capitalPlural := map[string]int{} // of the capitalised ones, those written plural
	lower := map[string]int{}
	var low []occ
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i := 0; i+2 < len(tw.words); i++ {
			w1, w2, w3 := tw.words[i], tw.words[i+1], tw.words[i+2]
			if !titleWord(w1.Text) || !titleWord(w2.Text) || text[w1.End:w2.Start] != " " || text[w2.End:w3.Start] != " " {
				continue
			}
			l1, l2, l3 := tw.lower[i], tw.lower[i+1], tw.lower[i+2]
			if prose.IsStopWord(l1) || prose.IsStopWord(l2) || prose.IsStopWord(l3) || termParticles[l3] || len(l3) < 3 {
				continue
			}
			if inLinkText(b, w1.Start) || inLinkText(b, w3.Start) {
				continue
			}
			// the name ends at the third word ("Self Service Product & Data
			// Analytics" goes on)
			if i+3 < len(tw.words) && startsUpper(tw.words[i+3].Text) {
				if sep := text[w3.End:tw.words[i+3].Start]; sep == " " || sep == " & " {
					continue
				}
			}
			// nor begins there: "Online Sales & Self Service Data" names a
			// role, whose last words are no name of their own
			if i > 0 && text[tw.words[i-1].End:w1.Start] == " & " && startsUpper(tw.words[i-1].Text) {
				continue
			}
			stem := nameTailStem(l3)
			key := l1 + " " + l2 + " " + stem
			switch {
			case titleWord(w3.Text):
				capital[key]++
				if stem != l3 {
					capitalPlural[key]++
				}
			case isLowerLetters(w3.Text):
				lower[key]++
				low = append(low, occ{b: b, start: w1.Start, end: w3.End, tail: w3.Start, key: key, plural: stem != l3})
			}
		}
	}
	for _, o := range low {
		n := capital[o.key]
		if n < 2 || n < 2*lower[o.key] {
			continue
		}
		if o.plural && capitalPlural[o.key] == 0 {
			// "Incident Response teams" beside "the Security Incident
			// Response Team": teams of a kind, not the page's one team
			continue
		}
		written := o.b.Text[o.start:o.end]
		if wordingText(o.b)[o.start:o.end] != written {
			continue // the words are not the block's own (blanked text between)
		}
		k := o.tail - o.start
		want := written[:k] + strings.ToUpper(written[k:k+1]) + written[k+1:]
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s: the page writes the name with %s capitalised (%d %s on this page)",
				quoted(want), quoted(written), quoted(want[k:]), n, pluralWord(n, "time", "times")))
	}
}

// nameTailStem is a name's last word without a plural s ("engineers" ->
// "engineer"), so that a role's name and its plural are one name.
func nameTailStem(w string) string {
	if s, ok := strings.CutSuffix(w, "s"); ok && len(s) >= 3 && !strings.HasSuffix(s, "s") {
		return s
	}
	return w
}

// isLowerLetters reports whether w is made of letters a-z only.
func isLowerLetters(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
