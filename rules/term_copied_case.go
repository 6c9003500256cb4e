package rules

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// checkTermCopiedCase reports a bullet copied from level to level whose
// copies differ only in case, where one copy writes two or more common
// words in title case inside its sentence that another copy writes in
// lower case ("Familiarity with Static Site Generators, HTML, CSS" beside
// "Familiarity with static site generators, HTML, CSS"): one sentence,
// written two ways, and common words inside a sentence take no capital.
// A copy that capitalises one word only ("on behalf of Executive",
// "Partner with Finance") may name a team or a person, and is left alone;
// so are words of the page's role titles ("Product Managers"), names
// (words no dictionary holds, or the list of names, and a word beside a
// capitalised word both copies write so: "Google Sheets"), link texts (a linked
// page's title), headings, and capitalised words in a row that the page
// writes so elsewhere too (a name it gives: "the Learning and Development
// team"), or any one of them capitalised inside a sentence elsewhere
// ("Excel").
func checkTermCopiedCase(p *lint.SetPass, f *model.Family) {
	// the texts written twice or more, found by a hash of each text's lower
	// case first (a page of 20,000 paragraphs, each its own, kept a lower
	// case copy of each and a map entry, 2 MB); a hash two texts share is
	// told apart by their texts below
	seed := maphash.MakeSeed()
	caseless := func(b *model.Block) bool { return b.Kind == model.BlockHeading || !hasASCIIUpper(b.Text) }
	var low []byte // the text hashed, in lower case: one buffer for the page
	hashOf := func(b *model.Block) uint64 {
		low = appendLower(low[:0], copiedText(b))
		return maphash.Bytes(seed, low)
	}
	seen := map[uint64]uint8{}
	hashes := make([]uint64, len(f.Blocks)) // each block's, hashed once
	for i, b := range f.Blocks {
		if !caseless(b) {
			h := hashOf(b)
			if hashes[i] = h; seen[h] < 2 {
				seen[h]++
			}
		}
	}
	low = nil
	byText := map[string][]*model.Block{}
	var order []string
	for i, b := range f.Blocks {
		if caseless(b) || seen[hashes[i]] < 2 {
			continue
		}
		k := strings.ToLower(copiedText(b))
		if _, ok := byText[k]; !ok {
			order = append(order, k)
		}
		byText[k] = append(byText[k], b)
	}
	seen = nil
	var titleWords map[string]bool // the words of the page's role titles, in lower case; made on first need
	for _, k := range order {
		copies := byText[k]
		if len(copies) < 2 {
			continue
		}
		// the copies' spellings, each once (its first copy), a few at
		// most: a page of one sentence written in many cases costs no
		// more than its length
		var forms []*model.Block
		for _, b := range copies {
			if !slices.ContainsFunc(forms, func(o *model.Block) bool { return copiedText(o) == copiedText(b) }) {
				if len(forms) == maxCopiedForms {
					break
				}
				forms = append(forms, b)
			}
		}
		if len(forms) < 2 {
			continue
		}
		if titleWords == nil {
			titleWords = roleTitleWords(f)
		}
		for _, form := range forms {
			for _, low := range forms {
				if low == form {
					continue
				}
				start, end, runs, ok := titleCasedAgainst(form, low, titleWords)
				if !ok || slices.ContainsFunc(runs, func(run string) bool { return writtenElsewhere(f, run, copies) }) ||
					capitalisedElsewhere(f, form, low, copies) {
					continue
				}
				want := copiedText(low)[start:end]
				line := f.Source.Position(low.Span.Start).Line
				for _, b := range copies {
					if copiedText(b) != copiedText(form) {
						continue
					}
					written := b.Text[start:end]
					reportTerm(p, &termOcc{f: f, b: b, start: start, end: end, text: written}, want,
						fmt.Sprintf("write %s, not %s: the same text on line %d writes these common words in lower case",
							quoted(want), quoted(written), line))
				}
				break
			}
		}
	}
}

// copiedText is a block's wording text without the blanks at its end (a
// comment after a bullet, a trailing space): the text compared with its
// copies.
// appendLower appends strings.ToLower(s) to dst, without a string made.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:]) // an invalid byte: U+FFFD, as strings.ToLower writes it
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

func copiedText(b *model.Block) string {
	return strings.TrimRight(wordingText(b), " \t\n")
}

// maxCopiedForms bounds the spellings of one copied text compared.
const maxCopiedForms = 8

// titleCasedAgainst reports whether block b differs from its copy low (the
// same wording text in lower case) only by words b capitalises inside its
// sentence that low writes in lower case, two or more of them, each a
// common dictionary word, no name and no word of a role title, none in a
// link's text; the span of b from the first such word to the last; and
// its runs of two or more such words in a row, as b writes them, joined
// by spaces or by "and", "&" or "of" ("Static Site Generators",
// "Learning and Development").
func titleCasedAgainst(b, low *model.Block, titleWords map[string]bool) (start, end int, runs []string, ok bool) {
	text, lowText := copiedText(b), copiedText(low)
	if len(text) != len(lowText) {
		return 0, 0, nil, false
	}
	tw, wt := wordingWords(b, false), wordingText(b)
	d := englishWords()
	n, at := 0, 0
	runStart, runEnd, runLen := -1, -1, 0
	endRun := func() {
		if runLen >= 2 {
			runs = append(runs, text[runStart:runEnd])
		}
		runStart, runLen = -1, 0
	}
	// a capitalised word both copies write so, inside the sentence: a
	// name, and a word beside it is part of it ("Google Sheets" beside
	// "Google sheets" in the other copy)
	nameAt := func(j int) bool {
		if j < 0 || j >= len(tw.Words) || int(tw.Words[j].End) > len(text) {
			return false
		}
		v := wordIn(wt, tw.Words[j])
		return startsUpper(v.Text) && v.Text == lowText[v.Start:v.End] && !sentenceStart(text, v.Start)
	}
	for i, pw := range tw.Words {
		w := wordIn(wt, pw)
		if w.End > len(text) {
			break // blanked text at the end (a comment)
		}
		// the bytes before this word agree as written
		if text[at:w.Start] != lowText[at:w.Start] {
			return 0, 0, nil, false
		}
		gap := text[at:w.Start]
		at = w.End
		lw := lowText[w.Start:w.End]
		if w.Text == lw {
			if g := strings.TrimSpace(w.Text); runLen > 0 && gap == " " && (g == "and" || g == "&" || g == "of") {
				continue // a run goes on past its joining word
			}
			endRun()
			continue
		}
		lower := strings.ToLower(w.Text)
		if lw != lower || !startsUpper(w.Text) || hasASCIIUpper(w.Text[1:]) || sentenceStart(text, w.Start) ||
			inLinkText(b, w.Start) || inLinkText(low, w.Start) || !d.common(lower) || termNames()[lower] || titleWords[lower] ||
			i > 0 && text[tw.Words[i-1].End:w.Start] == " " && nameAt(i-1) ||
			i+1 < len(tw.Words) && int(tw.Words[i+1].Start) <= len(text) && text[w.End:tw.Words[i+1].Start] == " " && nameAt(i+1) {
			return 0, 0, nil, false
		}
		if n == 0 {
			start = w.Start
		}
		end = w.End
		n++
		if runLen > 0 && gap != " " && !joinGap(text[runEnd:w.Start]) {
			endRun()
		}
		if runStart < 0 {
			runStart = w.Start
		}
		runEnd = w.End
		runLen++
	}
	endRun()
	if text[at:] != lowText[at:] || n < 2 {
		return 0, 0, nil, false
	}
	return start, end, runs, true
}

// joinGap reports whether the text between two words of a run is a space
// or a joining word between spaces (" and ", " & ", " of ").
func joinGap(g string) bool {
	return g == " " || g == " and " || g == " & " || g == " of "
}

// writtenElsewhere reports whether a run of capitalised words is written
// so, whole, in a block of the page other than the copies (a heading
// too): then it is a name the page gives something ("the Learning and
// Development team"), not title case slipped into one copy.
func writtenElsewhere(f *model.Family, run string, copies []*model.Block) bool {
	for _, b := range f.Blocks {
		if slices.Contains(copies, b) {
			continue
		}
		for from := 0; from < len(b.Text); {
			i := strings.Index(b.Text[from:], run)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			if nameStands(b.Text, i, i+len(run)) {
				return true
			}
		}
	}
	return false
}

// capitalisedElsewhere reports whether a word that copy b capitalises and
// copy low does not is written with its capital inside a sentence in a
// block of the page other than the copies and headings: the page names
// something so ("Excel" for the product), and the capital is no slip.
func capitalisedElsewhere(f *model.Family, b, low *model.Block, copies []*model.Block) bool {
	text, lowText := copiedText(b), copiedText(low)
	var words []string
	bt := wordingText(b)
	for _, pw := range wordingWords(b, false).Words {
		w := wordIn(bt, pw)
		if w.End <= len(text) && w.Text != lowText[w.Start:w.End] && !slices.Contains(words, w.Text) {
			words = append(words, w.Text)
		}
	}
	for _, o := range f.Blocks {
		if o.Kind == model.BlockHeading || slices.Contains(copies, o) {
			continue
		}
		ot := wordingText(o)
		for _, w := range wordingWords(o, false).Words {
			if slices.Contains(words, w.In(ot)) && !sentenceStart(ot, int(w.Start)) {
				return true
			}
		}
	}
	return false
}

// nameStands reports whether text[i:end] is no part of a longer word.
func nameStands(text string, i, end int) bool {
	before, after := rune(0), rune(0)
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if end < len(text) {
		after, _ = utf8.DecodeRuneInString(text[end:])
	}
	return !unicode.IsLetter(before) && !unicode.IsLetter(after)
}

// roleTitleWords returns the words of the page's role titles, in lower
// case (not the family's title: "Technical Writing Management" names no
// role, and "project management" is a common noun beside it).
func roleTitleWords(f *model.Family) map[string]bool {
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !('a' <= r && r <= 'z')
		}) {
			words[w] = true
		}
	}
	for _, r := range f.Roles {
		add(r.Title)
	}
	return words
}

// hasASCIIUpper reports whether s holds a capital letter A-Z.
func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}
