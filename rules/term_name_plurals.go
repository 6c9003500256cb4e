package rules

import (
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// checkTermNamePlurals reports a word inside a capitalised name written
// singular where the page writes the name with it plural: "the Business
// System Administrators" on a page that writes "Business Systems
// Administrators" and "Business Systems Analysts", "the Professional
// Service Engineering team" beside "Professional Services Engineers". A
// noun that modifies another is usually singular ("Sales Team Lead"), so
// the plural is the name's own spelling only where the page writes it
// before another capitalised word at least twice, and at least twice as
// often as the singular there; a word at the end of a name is its head,
// whose plural is grammar ("Product Managers"). Headings are left alone.
func checkTermNamePlurals(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int // the two words
		text       string
	}
	// pairs of capitalised words inside a longer name: "Business Systems"
	// in "Business Systems Administrators", by the lower case of the two
	plural := map[string]int{}
	var singular []occ
	singularN := map[string]int{}
	d := englishWords()
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i := 0; i+2 < len(tw.Words); i++ {
			w1, w2, w3 := wordIn(text, tw.Words[i]), wordIn(text, tw.Words[i+1]), wordIn(text, tw.Words[i+2])
			if !titleWord(w1.Text) || !titleWord(w2.Text) || !titleWord(w3.Text) ||
				text[w1.End:w2.Start] != " " || text[w2.End:w3.Start] != " " {
				continue
			}
			l1, l2 := tw.Lower(i), tw.Lower(i+1)
			if prose.IsStopWord(l1) {
				continue // "The Renewal Operations": no name starts with "The"
			}
			if stem, ok := strings.CutSuffix(l2, "s"); ok && len(stem) >= 3 && !strings.HasSuffix(stem, "s") && knownWord(d, stem) {
				plural[l1+" "+stem]++
			}
			if !strings.HasSuffix(l2, "s") && knownWord(d, l2) && knownWord(d, l2+"s") {
				key := l1 + " " + l2
				singular = append(singular, occ{b, w1.Start, w2.End, text[w1.Start:w2.End]})
				singularN[key]++
			}
		}
	}
	for _, o := range singular {
		key := strings.ToLower(o.text)
		n := plural[key]
		if n < 2 || n < 2*singularN[key] {
			continue
		}
		written := o.b.Text[o.start:o.end]
		if written != o.text {
			continue // the words are not the block's own (blanked text between)
		}
		want := written + "s"
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s: the page writes the name with %s plural before another word (%s: %d %s on this page)",
				quoted(want), quoted(written), quoted(strings.Fields(want)[1]), quoted(want), n, pluralWord(n, "time", "times")))
	}
}

// titleWord reports whether a word is written with a capital first letter
// and lower-case letters after it ("Systems"), not an acronym or a
// mixed-case name.
func titleWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
