package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// checkTermAcronymApostrophes reports an acronym's apostrophe plural
// ("OKR's and KPI's", "review the MR's") in files (a page, or all the
// files linted with scope: handbook) that never write its plain plural: a
// plural takes no apostrophe, whatever else the page writes. Files that
// write the plain plural too are left to the variant check (one finding
// per word). A possessive is right and left alone: after a determiner or
// of a person's title ("the CRO's strategy", "CEO's approval"), before a
// capitalised word ("the UK's Digital Framework"), ending a dotted name
// ("GOV.UK's"), or before a noun where the files write the acronym as one
// thing or person after a determiner ("BDFL's final authority" beside "the
// BDFL decides").
func checkTermAcronymApostrophes(p *lint.SetPass, files []*model.Family) {
	type occ struct {
		f          *model.Family
		b          *model.Block
		start, end int
		plain      string // the plain plural: "OKRs"
		nounNext   bool   // a noun follows: "BDFL's final authority"
	}
	var found []occ
	for _, f := range files {
		for _, b := range f.Blocks {
			text := wordingText(b)
			tw := wordingWords(b, true)
			for i, pw := range tw.Words {
				w := wordIn(text, pw)
				if !mayBeAcronymPlural(w.Text) {
					continue // most words: no copy made to straighten them
				}
				t := strings.ReplaceAll(w.Text, "’", "'")
				if !isAcronymPlural(t) || possessive(text, tw, i) || acronymOwner(text, tw, i) || markedNounNext(b, text, w.End) {
					continue
				}
				found = append(found, occ{f, b, w.Start, w.End, strings.TrimSuffix(t, "'s") + "s", wordNext(text, tw, i)})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	// an acronym the files write as one thing or person, the head of a
	// noun phrase after a determiner ("the BDFL decides", "a BDFL (Chris)"),
	// has a possessive before a noun ("BDFL's final authority"), not a
	// plural: looked up only for the acronyms found before a noun
	single := map[string]bool{}
	for _, o := range found {
		if o.nounNext {
			single[strings.TrimSuffix(o.plain, "s")] = false
		}
	}
	if len(single) > 0 {
		for _, f := range files {
			for _, b := range f.Blocks {
				text := wordingText(b)
				tw := wordingWords(b, true)
				for i, pw := range tw.Words {
					w := wordIn(text, pw)
					if seen, ok := single[w.Text]; ok && !seen && i > 0 && possessiveDeterminers[tw.Lower(i-1)] &&
						text[tw.Words[i-1].End:w.Start] == " " && !wordNext(text, tw, i) {
						single[w.Text] = true
					}
				}
			}
		}
	}
	// the plain plurals the page (or handbook) writes too, as lower-case
	// words: looked up only for the plurals found, not kept for every word
	plain := map[string]bool{}
	for _, o := range found {
		plain[strings.ToLower(o.plain)] = false
	}
	for _, f := range files {
		for _, b := range f.Blocks {
			for _, lw := range wordingWords(b, true).Lowers() {
				if _, ok := plain[lw]; ok {
					plain[lw] = true
				}
			}
		}
	}
	for _, o := range found {
		if plain[strings.ToLower(o.plain)] {
			continue // the variant check compares the two spellings
		}
		if o.nounNext && single[strings.TrimSuffix(o.plain, "s")] {
			continue // the possessive of one thing or person
		}
		written := o.b.Text[o.start:o.end]
		reportTerm(p, &termOcc{f: o.f, b: o.b, start: o.start, end: o.end, text: written}, o.plain,
			fmt.Sprintf("write %s, not %s: a plural takes no apostrophe", quoted(o.plain), quoted(written)))
	}
}

// acronymOwner reports whether the acronym with 's at word i reads as a
// possessive by its neighbours: a capitalised word right after it ("the
// UK's Digital Framework") or a dot right before it ("GOV.UK's").
func acronymOwner(text string, tw *textWords, i int) bool {
	w := tw.Words[i]
	if w.Start > 0 && text[w.Start-1] == '.' {
		return true
	}
	if i+1 < len(tw.Words) && text[w.End:tw.Words[i+1].Start] == " " && startsUpper(tw.Words[i+1].In(text)) {
		return true
	}
	return false
}

// markedNounNext reports whether the acronym with 's ending at end is
// followed, after a space alone, by a code span or a link's text: a noun
// phrase marked up as a name ("MDN's `content` repository", "SPIFFE's
// [standards](...)"), which only a possessive stands before; a plural ends
// its phrase or comes before a verb or a preposition ("KPI's are", "the
// OKR's of").
func markedNounNext(b *model.Block, text string, end int) bool {
	if end >= len(text) || text[end] != ' ' {
		return false
	}
	next := end + 1
	if r, _ := utf8.DecodeRuneInString(text[next:]); r == model.CodeMark {
		return true
	}
	for _, l := range b.Links {
		if l.TextIn.Start == next && l.TextIn.End > next {
			return true
		}
	}
	return false
}

// wordNext reports whether word i is followed, after a space alone, by a
// word that is no stop word: a noun or its modifier ("final authority"),
// where "the BDFL does", "the BDFL (Chris" and "the BDFL." end the phrase.
func wordNext(text string, tw *textWords, i int) bool {
	return i+1 < len(tw.Words) && text[tw.Words[i].End:tw.Words[i+1].Start] == " " && !prose.IsStopWord(tw.Lower(i+1))
}

// mayBeAcronymPlural reports whether w may be an acronym's plural once its
// curly apostrophes are straightened (isAcronymPlural): four bytes or more
// (straightening shortens), opening with a capital (a curly apostrophe
// opens with no byte of A-Z, and straightens to no capital).
func mayBeAcronymPlural(w string) bool {
	return len(w) >= 4 && 'A' <= w[0] && w[0] <= 'Z'
}
