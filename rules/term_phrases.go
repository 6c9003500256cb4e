package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// Variants of two-word terms within a page, for term-consistency:
//
//   - by space: "cross functional" where the page also writes
//     "cross-functional" (or "Self Service" and "Self-Service");
//   - by case inside the term: "Sales team" where the page also writes
//     "Sales Team" (the first word's case agreeing: "product manager" and
//     "Product Manager" may be a job and a role's name).
//
// Headings (title case), the first word of a sentence and link texts
// (names of pages) are not variants; phrasal verbs ("follow up" and
// "follow-up", "set up" and "set-up") are grammar, not variants.

// termParticles end or start phrasal verbs and their nouns.
var termParticles = map[string]bool{
	"up": true, "in": true, "out": true, "off": true, "on": true, "down": true, "over": true, "back": true,
	"through": true, "away": true, "about": true, "by": true, "to": true, "at": true, "for": true, "of": true,
	"with": true, "and": true, "or": true, "a": true, "an": true, "the": true, "is": true,
}

// phraseOcc is one occurrence of a two-word term.
type phraseOcc struct {
	b          *model.Block
	start, end int    // in b.Text
	text       string // as written
	form       string // the spelling compared
	hyphen     bool   // written with a hyphen
	modifier   bool   // a word follows that it modifies ("cross functional teams")
	inName     bool   // a capitalised word is next to it: part of a longer name
}

// checkTermPhrases reports the space and inner-case variants of two-word
// terms on one page; skip holds the lower-case keys already reported (the
// preferred terms).
func checkTermPhrases(p *lint.SetPass, f *model.Family, preferred map[string]string) {
	// Only a term written in two ways can be reported: a first pass
	// notes each term's spelling and the blocks it is in, a second keeps
	// the occurrences of the terms with more than one, so that a page
	// of one phrase repeated does not hold every occurrence.
	type termClass struct {
		form   string
		hyphen bool
		mixed  bool
		blocks []int // the blocks it is in, in order
	}
	classes := map[string]*termClass{}
	nMixed := 0
	for bi, b := range f.Blocks {
		termPhrasesOf(b, false, func(key string, o phraseOcc) {
			c := classes[key]
			if c == nil {
				classes[key] = &termClass{form: o.form, hyphen: o.hyphen, blocks: []int{bi}}
				return
			}
			if !c.mixed && (c.form != o.form || c.hyphen != o.hyphen) {
				c.mixed = true
				nMixed++
			}
			if c.blocks[len(c.blocks)-1] != bi {
				c.blocks = append(c.blocks, bi)
			}
		})
	}
	if nMixed == 0 {
		return
	}
	inMixed := make([]bool, len(f.Blocks))
	for _, c := range classes {
		if c.mixed {
			for _, bi := range c.blocks {
				inMixed[bi] = true
			}
		}
	}
	byKey := map[string][]phraseOcc{}
	var keys []string
	add := func(key string, o phraseOcc) {
		if c := classes[key]; c == nil || !c.mixed {
			return // one spelling: nothing to report
		}
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], o)
	}
	for bi, b := range f.Blocks {
		if inMixed[bi] {
			termPhrasesOf(b, true, add)
		}
	}
	for _, key := range keys {
		occs := byKey[key]
		if len(occs) < 2 {
			continue
		}
		if _, ok := preferred[strings.ReplaceAll(key, " ", "")]; ok {
			continue
		}
		reportPhraseVariants(p, f, occs)
	}
}

// termPhrasesOf calls add with each two-word term of a block (hyphenated
// or spaced) and its occurrence, in order; modifier and inName only when
// full.
func termPhrasesOf(b *model.Block, full bool, add func(key string, o phraseOcc)) {
	text := wordingText(b)
	tw := wordingWords(b, true)
	heading := b.Kind == model.BlockHeading
	for i, w := range tw.words {
		lw := tw.lower[i]
		// a hyphenated pair: "cross-functional"
		if w1, w2, ok := strings.Cut(lw, "-"); ok && !strings.Contains(w2, "-") && termPhraseWord(w1) && termPhraseWord(w2) && !hyphenMeaning[lw] {
			add(w1+" "+w2, phraseOcc{b: b, start: w.Start, end: w.End, text: w.Text, hyphen: true,
				form: termCaseForm(w.Text, heading || sentenceStart(text, w.Start)), modifier: full && termModifies(text, tw, i),
				inName: full && termNameAround(text, tw, i, i)})
		}
		if i+1 >= len(tw.words) {
			continue
		}
		next := tw.words[i+1]
		ln := tw.lower[i+1]
		if text[w.End:next.Start] != " " || !termPhraseWord(lw) || !termPhraseWord(ln) || inLinkText(b, w.Start) || inLinkText(b, next.Start) {
			continue
		}
		written := text[w.Start:next.End]
		add(lw+" "+ln, phraseOcc{b: b, start: w.Start, end: next.End, text: written,
			form: termCaseForm(written, heading || sentenceStart(text, w.Start)), modifier: full && termModifies(text, tw, i+1),
			inName: full && termNameAround(text, tw, i, i+1)})
	}
}

// termPhraseWord reports whether a lower-case word may be part of a term: letters
// only, not a particle or function word.
func termPhraseWord(w string) bool {
	if len(w) < 2 || termParticles[w] || prose.IsStopWord(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// termCaseForm is the case form of a term compared across a page: the
// words' cases, the first word's capital dropped at a sentence start; ""
// in a heading, where title case says nothing.
func termCaseForm(s string, start bool) string {
	if start {
		r, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// termModifies reports whether the word after word i is one it modifies:
// a content word right after a space ("cross functional teams"), not
// punctuation or a function word ("long term." "problem solving and").
func termModifies(text string, tw *textWords, i int) bool {
	if i+1 >= len(tw.words) || text[tw.words[i].End:tw.words[i+1].Start] != " " {
		return false
	}
	w := tw.lower[i+1]
	return !prose.IsStopWord(w) && !termParticles[w] && !hasDigit(w)
}

// termNameAround reports whether a capitalised word stands right before
// word i (not at a sentence start) or right after word j: the term is then
// part of a longer name ("Self-Service Product Data Analytics").
func termNameAround(text string, tw *textWords, i, j int) bool {
	if i > 0 && text[tw.words[i-1].End:tw.words[i].Start] == " " && startsUpper(tw.words[i-1].Text) &&
		!sentenceStart(text, tw.words[i-1].Start) {
		return true
	}
	return j+1 < len(tw.words) && text[tw.words[j].End:tw.words[j+1].Start] == " " && startsUpper(tw.words[j+1].Text)
}

// inLinkText reports whether offset i of b.Text lies in a link's text.
func inLinkText(b *model.Block, i int) bool {
	for _, l := range b.Links {
		if l.TextIn.Start <= i && i < l.TextIn.End {
			return true
		}
	}
	return false
}

// reportPhraseVariants reports, among the occurrences of one two-word term,
// the spellings the page uses less: first by hyphen or space, then by the
// case of the words after the first.
func reportPhraseVariants(p *lint.SetPass, f *model.Family, occs []phraseOcc) {
	// hyphen or space: counted over the occurrences that modify a word
	// ("cross functional teams", "cross-functional work"), where the two
	// spellings compete; "long term" as a noun and "long-term goals" are
	// both right
	hy, sp := 0, 0
	for _, o := range occs {
		if o.b.Kind == model.BlockHeading || !o.modifier {
			continue
		}
		if o.hyphen {
			hy++
		} else {
			sp++
		}
	}
	if hy > 0 && sp > 0 && hy != sp {
		for _, o := range occs {
			if o.b.Kind == model.BlockHeading || !o.modifier || o.hyphen == (hy > sp) {
				continue
			}
			want := strings.Replace(o.text, " ", "-", 1)
			n := hy
			if sp > hy {
				want, n = strings.Replace(o.text, "-", " ", 1), sp
			}
			reportTermPhrase(p, f, o, want, n)
		}
		return
	}
	// inner case, among the spaced and hyphenated forms alike, whose first
	// word agrees in case
	count := map[string]int{}
	for _, o := range occs {
		if o.b.Kind != model.BlockHeading && !o.inName {
			count[strings.ReplaceAll(o.form, "-", " ")]++
		}
	}
	if len(count) < 2 {
		return
	}
	forms := byCount(count)
	ref := forms[0]
	if count[forms[1]] == count[ref] {
		return // a tie: no usual spelling
	}
	refFirst := strings.Fields(ref)[0]
	if !startsUpper(refFirst) {
		return // "support engineers" and "support Engineers": a generic word before a name
	}
	for _, o := range occs {
		form := strings.ReplaceAll(o.form, "-", " ")
		if o.b.Kind == model.BlockHeading || o.inName || form == ref || strings.Fields(form)[0] != refFirst {
			continue
		}
		// the reference's later words in the occurrence's own first word
		sep := " "
		if o.hyphen {
			sep = "-"
		}
		first := strings.FieldsFunc(o.text, func(r rune) bool { return r == ' ' || r == '-' })[0]
		want := first + sep + strings.Fields(ref)[1]
		reportTermPhrase(p, f, o, want, count[ref])
	}
}

func reportTermPhrase(p *lint.SetPass, f *model.Family, o phraseOcc, want string, n int) {
	if want == o.text {
		return
	}
	reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: o.text}, want,
		fmt.Sprintf("write %s, not %s (%s: %d %s on this page)", quoted(want), quoted(o.text), quoted(want), n, pluralWord(n, "time", "times")))
}
