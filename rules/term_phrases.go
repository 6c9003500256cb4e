package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
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

// maxTermParticle is the length of termParticles' longest word
// ("through"): a longer word is not looked up (termPhraseWord asks every
// word of a page).
const maxTermParticle = 7

// termAuxiliaries are the verbs that follow a subject and modify no noun:
// a term before one is the subject, a noun ("members in good standing may
// vote", "the long term has"), not an adjective.
var termAuxiliaries = map[string]bool{
	"may": true, "might": true, "must": true, "shall": true, "should": true, "would": true, "could": true,
	"has": true, "have": true, "had": true, "does": true, "do": true, "did": true,
}

// phraseOcc is one occurrence of a two-word term.
type phraseOcc struct {
	b          *model.Block
	start, end int    // in the block's wording text (wordingText), which is b.Text but for what it blanks
	form       string // the spelling compared
	hyphen     bool   // written with a hyphen
	modifier   bool   // a word follows that it modifies ("cross functional teams")
	inName     bool   // a capitalised word is next to it: part of a longer name
	noun       bool   // a word follows that no noun phrase goes on with: the compound is a noun ("decision making when")
}

// written is the occurrence as written: its span of the block's wording
// text (kept as offsets, not a string: 40,000 occurrences of one pair on a
// page of as many graded headings).
func (o phraseOcc) written() string { return wordingText(o.b)[o.start:o.end] }

// phraseRef is where a two-word term of a page stands: its block, its
// (first) word, and whether it is a hyphenated word or two words.
type phraseRef struct {
	block, at int32
	hyphen    bool
}

// scanTermPhrases calls add with each two-word term of the page, by its
// lower-case words: a hyphenated pair ("cross-functional") or two words
// written with a space ("cross functional"), and where it stands. The
// occurrence says only how the term is written (hyphen and form), not
// what is around it (modifier and inName are false; phraseOccAt with
// whole gives them).
func scanTermPhrases(f *model.Family, add func(first, second string, o phraseOcc, r phraseRef)) {
	var known []int8 // termPhraseWord of each lower-case word of a block: 0 not asked yet, 1 yes, 2 no
	phraseWord := func(tw *textWords, i int) bool {
		if known[i] == 0 {
			known[i] = 2
			if termPhraseWord(tw.Lower(i)) {
				known[i] = 1
			}
		}
		return known[i] == 1
	}
	for bi, b := range f.Blocks {
		text := wordingText(b)
		tw := wordingWords(b, true)
		known = append(known[:0], make([]int8, len(tw.Words))...)
		for i, w := range tw.Words {
			lw := tw.Lower(i)
			// a hyphenated pair: "cross-functional"
			if a, c, ok := cutHyphen(lw); ok && !strings.Contains(c, "-") && termPhrasePair(a, c) && !hyphenMeaning[lw] && !linkTargetNamed(b, int(w.Start), lw) {
				add(a, c, phraseOccAt(b, text, tw, i, true, false), phraseRef{int32(bi), int32(i), true})
			}
			if i+1 >= len(tw.Words) {
				continue
			}
			next := wordIn(text, tw.Words[i+1])
			// a possessive is the term ("the Quality Department's
			// roadmap"), and modifies nothing
			if text[w.End:next.Start] != " " {
				continue
			}
			ln := tw.Lower(i + 1)
			var pair bool // termPhrasePair(lw, ln), each word's test asked once
			if s, ok := cutPossessive(next.Text); ok {
				ln = strings.ToLower(s)
				pair = termPhrasePair(lw, ln)
			} else {
				pair = (phraseWord(tw, i) || termPrefixes[lw]) && phraseWord(tw, i+1) || particlePair(lw, ln)
			}
			if !pair || inLinkText(b, int(w.Start)) || inLinkText(b, next.Start) {
				continue
			}
			add(lw, ln, phraseOccAt(b, text, tw, i, false, false), phraseRef{int32(bi), int32(i), false})
		}
	}
}

// phrasePairAt is the lower-case words of the two-word term scanTermPhrases
// found at r.
func phrasePairAt(f *model.Family, r phraseRef) (first, second string) {
	tw := wordingWords(f.Blocks[r.block], true)
	i := int(r.at)
	if r.hyphen {
		first, second, _ = strings.Cut(tw.Lower(i), "-")
		return first, second
	}
	if s, ok := cutPossessive(tw.Words[i+1].In(wordingText(f.Blocks[r.block]))); ok {
		return tw.Lower(i), strings.ToLower(s)
	}
	return tw.Lower(i), tw.Lower(i + 1)
}

// phraseOccAt is the occurrence of the two-word term at word i of a block
// (the hyphenated word i, or words i and i+1); with whole, it says what is
// around it too.
func phraseOccAt(b *model.Block, text string, tw *textWords, i int, hyphen, whole bool) phraseOcc {
	w := wordIn(text, tw.Words[i])
	heading := b.Kind == model.BlockHeading
	if hyphen {
		o := phraseOcc{b: b, start: w.Start, end: w.End, hyphen: true,
			form: termCaseForm(w.Text, heading || sentenceStart(text, w.Start))}
		if whole {
			o.modifier, o.inName = termModifies(text, tw, i), termNameAround(text, tw, i, i)
			o.noun = termNounNext(text, tw, i)
		}
		return o
	}
	next := wordIn(text, tw.Words[i+1])
	end, owner := next.End, false
	if s, ok := cutPossessive(next.Text); ok {
		end, owner = next.Start+len(s), true
	}
	written := text[w.Start:end]
	o := phraseOcc{b: b, start: w.Start, end: end,
		form: termCaseForm(written, heading || sentenceStart(text, w.Start))}
	if whole {
		o.modifier, o.inName = !owner && termModifies(text, tw, i+1), termNameAround(text, tw, i, i+1)
		o.noun = !owner && termNounNext(text, tw, i+1)
	}
	return o
}

// phraseSeen is how a two-word term (or the compounds of a prefix) is
// first written on a page, and whether it is written otherwise too.
type phraseSeen struct {
	form          string // the first occurrence's
	hyphen, mixed bool   // the first occurrence's hyphen; written otherwise
}

// phraseScratch is the storage termPhraseOccs reuses from page to page:
// how each term is written (by value: no allocation for each pair), the
// prefix compounds by their first word, where each term stands.
type phraseScratch struct {
	written, family map[[2]string]phraseSeen
	refs            []phraseRef
}

// phraseScratchPool keeps phraseScratch between pages.
var phraseScratchPool = sync.Pool{New: func() any {
	return &phraseScratch{written: map[[2]string]phraseSeen{}, family: map[[2]string]phraseSeen{}}
}}

// maxPhraseRefs bounds a page's phrase refs: a page with more pairs scans
// its words a second time instead.
var maxPhraseRefs = 1 << 14 // a variable for the tests

// checkTermPhrases reports the space and inner-case variants of two-word
// terms on one page; skip holds the lower-case keys already reported (the
// preferred terms).
func checkTermPhrases(p *lint.SetPass, f *model.Family, preferred map[string]string) {
	byKey, keys := termPhraseOccs(f)
	if len(keys) == 0 {
		return
	}
	// compounds of a prefix are counted together: a page that writes
	// "cross-functional" hyphenates "cross functionally" too
	byPrefix := map[string][]phraseOcc{}
	var prefixes []string
	for _, key := range keys {
		first := strings.Fields(key)[0]
		if !termPrefixes[first] {
			continue
		}
		if _, ok := byPrefix[first]; !ok {
			prefixes = append(prefixes, first)
		}
		byPrefix[first] = append(byPrefix[first], byKey[key]...)
		delete(byKey, key)
	}
	for _, first := range prefixes {
		byKey[first] = byPrefix[first]
		keys = append(keys, first)
	}
	for _, key := range keys {
		occs, ok := byKey[key]
		if !ok || len(occs) < 2 {
			continue
		}
		if _, ok := preferred[strings.ReplaceAll(key, " ", "")]; ok {
			continue
		}
		if termOpenCompounds[key] {
			continue
		}
		reportPhraseVariants(p, f, occs, preferred)
	}
}

// preferredForm returns a phrase's form with each of its words that is a
// preferred term written as the list writes it: "Tinkerbell Github" is
// "Tinkerbell GitHub" with "GitHub" miswritten, one defect that the
// preferred term's finding reports, not a second variant of the pair. A
// pair that differs in another word still differs.
func preferredForm(form string, preferred map[string]string) string {
	if len(preferred) == 0 {
		return form
	}
	for _, w := range strings.FieldsFunc(form, func(r rune) bool { return r == ' ' || r == '-' }) {
		if right, ok := preferred[strings.ToLower(w)]; ok && right != w && !strings.Contains(right, " ") {
			form = strings.Replace(form, w, right, 1)
		}
	}
	return form
}

// termPhraseOccs gathers the occurrences of the two-word terms of a page
// written more than one way, by their lower-case words ("cross
// functional"), and those keys in order of first occurrence.
func termPhraseOccs(f *model.Family) (byKey map[string][]phraseOcc, keys []string) {
	// one pass notes how each term is written and where each stands;
	// the occurrences of the terms written more than one way are then
	// made from where they stand: a page that repeats one pair of words
	// ("word word word ...") keeps nothing but its refs
	sc := phraseScratchPool.Get().(*phraseScratch)
	written, family, refs := sc.written, sc.family, sc.refs[:0]
	defer func() {
		if cap(refs) <= 2*maxPhraseRefs {
			clear(written)
			clear(family)
			sc.refs = refs[:0]
			phraseScratchPool.Put(sc)
		}
	}()
	anyMixed := false // some term is written more than one way
	kept := true      // refs holds every pair (else a second scan finds them)
	note := func(m map[[2]string]phraseSeen, key [2]string, o phraseOcc) {
		if w, ok := m[key]; !ok {
			m[key] = phraseSeen{form: o.form, hyphen: o.hyphen}
		} else if !w.mixed && (w.hyphen != o.hyphen || w.form != o.form) {
			w.mixed, anyMixed = true, true
			m[key] = w
		}
	}
	scanTermPhrases(f, func(first, second string, o phraseOcc, r phraseRef) {
		note(written, [2]string{first, second}, o)
		if termPrefixes[first] {
			note(family, [2]string{first}, o)
		}
		if kept && len(refs) == maxPhraseRefs {
			// a huge page: its refs would outweigh a second scan
			kept, refs = false, refs[:0]
		} else if kept {
			refs = append(refs, r)
		}
	})
	if !anyMixed {
		return nil, nil // no term is written more than one way: nothing to keep
	}
	// the terms written more than one way, in order: any other pair is
	// skipped before its occurrence is made
	mixed := func(first, second string) bool {
		if written[[2]string{first, second}].mixed {
			return true
		}
		return termPrefixes[first] && family[[2]string{first}].mixed
	}
	// each key's occurrences by the key's index, the key looked up from a
	// buffer: a string is made once a key, not once an occurrence; the
	// occurrences are counted first, so that each key's slice is made at
	// its size (grown by appends, a page of 40,000 occurrences of one term
	// held up to twice their 64 bytes each)
	each := func(fn func(r phraseRef)) {
		if kept {
			for _, r := range refs {
				fn(r)
			}
		} else {
			scanTermPhrases(f, func(_, _ string, _ phraseOcc, r phraseRef) { fn(r) })
		}
	}
	index := map[string]int{}
	var counts []int
	var keyBuf [64]byte
	keyOf := func(r phraseRef) (k int, ok bool) {
		first, second := phrasePairAt(f, r)
		if !mixed(first, second) {
			return 0, false
		}
		kb := append(append(append(keyBuf[:0], first...), ' '), second...)
		k, ok = index[string(kb)]
		if !ok {
			k = len(keys)
			key := string(kb)
			index[key] = k
			keys = append(keys, key)
			counts = append(counts, 0)
		}
		return k, true
	}
	each(func(r phraseRef) {
		if k, ok := keyOf(r); ok {
			counts[k]++
		}
	})
	occs := make([][]phraseOcc, len(keys))
	for k, n := range counts {
		occs[k] = make([]phraseOcc, 0, n)
	}
	each(func(r phraseRef) {
		k, ok := keyOf(r)
		if !ok {
			return
		}
		b := f.Blocks[r.block]
		occs[k] = append(occs[k], phraseOccAt(b, wordingText(b), wordingWords(b, true), int(r.at), r.hyphen, true))
	})
	byKey = make(map[string][]phraseOcc, len(keys))
	for k, key := range keys {
		byKey[key] = occs[k]
	}
	return byKey, keys
}

// termOpenCompounds are two-word terms the GitLab documentation style
// guide writes open wherever they stand, before a noun too ("open source
// software"): the hyphenated form beside them is no variant the page must
// settle, as either is read the same.
var termOpenCompounds = map[string]bool{"open source": true}

// cutPossessive returns a word without its possessive "'s"
// ("department's"), and whether it had one.
func cutPossessive(w string) (string, bool) {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return w, false // no possessive: spare the suffixes
	}
	for _, suf := range []string{"'s", "’s"} {
		if s, ok := strings.CutSuffix(w, suf); ok && s != "" {
			return s, true
		}
	}
	return w, false
}

// termPhraseWord reports whether a lower-case word may be part of a term: letters
// only, not a particle or function word.
func termPhraseWord(w string) bool {
	if len(w) < 2 || len(w) <= maxTermParticle && termParticles[w] || prose.IsStopWord(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// termPrefixes are first words that do not stand alone before the next
// one: "cross functional", "sub department" and "self service" are a
// compound written with a space wherever they stand, not only before a word
// they modify.
var termPrefixes = map[string]bool{
	"cross": true, "sub": true, "self": true, "non": true, "multi": true, "co": true, "semi": true,
	"hands": true,
}

// termBoundPrefixes are prefixes that are no words of their own: "anti
// abuse" and "pre event" are slips beside the page's "anti-abuse" and
// "pre-event" wherever they stand, even written once each (a tie).
var termBoundPrefixes = map[string]bool{"anti": true, "pre": true}

// termParticlePairs are compounds with a particle that are not phrasal
// verbs in a job description: "hands on" is "hands-on".
var termParticlePairs = map[[2]string]bool{{"hands", "on"}: true}

// termParticlePairList is termParticlePairs as a list.
var termParticlePairList = func() [][2]string {
	var l [][2]string
	for pp := range termParticlePairs {
		l = append(l, pp)
	}
	return l
}()

// particlePair is termParticlePairs[[2]string{a, b}], by comparing the
// few pairs rather than hashing two words for every pair of a page.
func particlePair(a, b string) bool {
	for _, pp := range termParticlePairList {
		if pp[0] == a && pp[1] == b {
			return true
		}
	}
	return false
}

// termPhrasePair reports whether two lower-case words may form a two-word
// term.
func termPhrasePair(a, b string) bool {
	if termParticlePairs[[2]string{a, b}] {
		return true
	}
	return (termPhraseWord(a) || termPrefixes[a]) && termPhraseWord(b)
}

// termCaseForm is the case form of a term compared across a page: the
// words' cases, the first word's capital dropped at a sentence start; ""
// in a heading, where title case says nothing.
func termCaseForm(s string, start bool) string {
	if start {
		r, n := utf8.DecodeRuneInString(s)
		if lr := unicode.ToLower(r); lr != r || r == utf8.RuneError && n < 3 {
			// a capital, or an invalid byte (written as U+FFFD)
			s = string(lr) + s[n:]
		}
	}
	return s
}

// termModifies reports whether the word after word i is one it modifies:
// a content word right after a space ("cross functional teams"), not
// punctuation or a function word ("long term." "problem solving and").
func termModifies(text string, tw *textWords, i int) bool {
	if i+1 >= len(tw.Words) || text[tw.Words[i].End:tw.Words[i+1].Start] != " " {
		return false
	}
	w := tw.Lower(i + 1)
	if prose.IsStopWord(w) || termParticles[w] || termAuxiliaries[w] || termNotHead(w) || hasDigit(w) {
		return false
	}
	// a verb in -s before a determiner: "a pull request requires an
	// LGTM" uses the term as a noun
	if strings.HasSuffix(w, "s") && i+2 < len(tw.Words) && text[tw.Words[i+1].End:tw.Words[i+2].Start] == " " && termDeterminers[tw.Lower(i+2)] {
		return false
	}
	// a word in -s after a term that a singular article opens is its
	// verb when a function word or the clause's end follows: "a simple
	// majority suffices as" uses the term as a noun, open as the noun is
	// written, beside "a simple-majority vote" (a modifier would have a
	// singular noun after it: "a simple majority vote"); a plural noun
	// that modifies the next, "a UX research operations roadmap", "a
	// field marketing sales team", is no verb
	if termVerbS(w) && singularBefore(text, tw, i) && clauseGoesOn(text, tw, i+1) {
		return false
	}
	return true
}

// clauseGoesOn reports whether word i is followed by punctuation, the
// block's end, or a function word that is not "and" or "or" (a verb's
// complement: "suffices as", "decides on the", "requires that").
func clauseGoesOn(text string, tw *textWords, i int) bool {
	if i+1 >= len(tw.Words) || text[tw.Words[i].End:tw.Words[i+1].Start] != " " {
		return true
	}
	w := tw.Lower(i + 1)
	return w != "and" && w != "or" && (prose.IsStopWord(w) || termDeterminers[w])
}

// termSingulars open a singular noun phrase.
var termSingulars = map[string]bool{"a": true, "an": true, "each": true, "every": true, "another": true}

// termVerbS reports whether a lower-case word may be a verb in -s
// ("suffices", "decides"), not a singular noun that ends in s ("process",
// "status", "analysis").
func termVerbS(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.ContainsAny(w, "'’")
}

// singularBefore reports whether a singular article stands right before
// the two-word term that ends at word i: before the hyphenated word i
// ("a simple-majority"), or before words i-1 and i ("a simple majority"),
// one space apart.
func singularBefore(text string, tw *textWords, i int) bool {
	spaced := func(a int) bool { return a >= 0 && text[tw.Words[a].End:tw.Words[a+1].Start] == " " }
	if strings.ContainsAny(tw.Lower(i), "-‑") {
		return spaced(i-1) && termSingulars[tw.Lower(i-1)]
	}
	return spaced(i-2) && spaced(i-1) && termSingulars[tw.Lower(i-2)]
}

// termNounNext reports whether the word after word i is one of
// termNotHeads, after a space: the term is a noun there.
func termNounNext(text string, tw *textWords, i int) bool {
	return i+1 < len(tw.Words) && text[tw.Words[i].End:tw.Words[i+1].Start] == " " && termNotHead(tw.Lower(i+1))
}

// termNotHead reports whether w, in lower case, is a function word no
// compound modifies (termNotHeads) or an adverb made from an adjective by
// "-ly" ("decision making typically involves", "problem solving
// effectively"): an adjective's suffix before "ly" (-al, -ive, -ous, -ent,
// -ant, -ful, -less, -ing, -ed, -able, -ible, -ic "-ally") marks the adverb.
// A "-ly" word on a noun or verb stem ("weekly", "friendly", "timely") can
// be an adjective and modify the next word, so it is none.
func termNotHead(w string) bool {
	if termNotHeads[w] {
		return true
	}
	stem, ok := strings.CutSuffix(w, "ly")
	if !ok || len(stem) < 5 {
		return false
	}
	for _, suf := range termAdjectiveSuffixes {
		if strings.HasSuffix(stem, suf) {
			return true
		}
	}
	return false
}

// termAdjectiveSuffixes end the adjectives "-ly" turns into adverbs
// ("typical-ly", "effective-ly", "previous-ly", "abl-y" as "ab" + "ly").
var termAdjectiveSuffixes = []string{"al", "ive", "ous", "ent", "ant", "ful", "less", "ing", "ed", "ab", "ib"}

// termNotHeads are function words a compound used as a noun is followed
// by, none of them a noun it could modify: a conjunction or wh-word
// ("responsible for decision making when it comes to", "problem solving
// where needed"), a preposition ("decision making across teams"), an
// adverb of degree or time ("problem solving more often"), a pronoun.
// Before one of them the compound is the noun ("decision making"), written
// open as dictionaries write the noun, and no variant of the hyphenated
// modifier ("decision-making process").
var termNotHeads = map[string]bool{
	// conjunctions and wh-words
	"when": true, "whenever": true, "where": true, "wherever": true, "while": true, "whilst": true,
	"whether": true, "if": true, "because": true, "since": true, "unless": true, "until": true,
	"although": true, "though": true, "than": true, "so": true, "but": true, "nor": true, "yet": true,
	"how": true, "what": true, "why": true, "whom": true, "whose": true, "then": true, "once": true,
	// prepositions
	"across": true, "within": true, "without": true, "between": true, "among": true, "amongst": true,
	"during": true, "after": true, "before": true, "against": true, "around": true, "above": true,
	"below": true, "beyond": true, "via": true, "per": true, "toward": true, "towards": true, "upon": true,
	"under": true, "throughout": true, "including": true, "like": true, "versus": true, "vs": true,
	"alongside": true, "amid": true, "despite": true, "inside": true, "outside": true, "beside": true,
	// adverbs and pronouns
	"not": true, "more": true, "less": true, "very": true, "too": true, "only": true, "just": true,
	"even": true, "always": true, "never": true, "often": true, "already": true, "still": true,
	"again": true, "together": true, "instead": true, "rather": true, "here": true, "there": true,
	"he": true, "she": true, "him": true, "us": true, "me": true, "itself": true, "themselves": true,
}

// termDeterminers open a noun phrase: a word in -s right before one is a
// verb ("requires an", "needs the"), not a noun the term modifies.
var termDeterminers = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true, "its": true,
	"their": true, "our": true, "your": true, "his": true, "her": true, "each": true, "every": true, "all": true,
	"some": true, "any": true, "no": true,
}

// termNameAround reports whether a capitalised word stands right before
// word i (not at a sentence start) or right after word j: the term is then
// part of a longer name ("Self-Service Product Data Analytics").
func termNameAround(text string, tw *textWords, i, j int) bool {
	if i > 0 && text[tw.Words[i-1].End:tw.Words[i].Start] == " " && startsUpper(tw.Words[i-1].In(text)) &&
		!sentenceStart(text, int(tw.Words[i-1].Start)) {
		return true
	}
	return j+1 < len(tw.Words) && text[tw.Words[j].End:tw.Words[j+1].Start] == " " && startsUpper(tw.Words[j+1].In(text))
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

// linkTargetNamed reports whether offset i of b.Text lies in the text of a
// link whose target holds word (in lower case): the text names the page it
// points to ("[Consensus-seeking decision-making](.../Consensus-seeking_decision-making)"),
// spelled as that page spells it, not as this page writes the word. A link
// text in the page's own words ("[review database-related changes](...)")
// is the page's spelling. A target longer than maxNamedTarget is no name.
func linkTargetNamed(b *model.Block, i int, word string) bool {
	for _, l := range b.Links {
		if l.TextIn.Start <= i && i < l.TextIn.End && len(l.Target) <= maxNamedTarget &&
			strings.Contains(strings.ToLower(l.Target), word) {
			return true
		}
	}
	return false
}

// maxNamedTarget bounds the link targets linkTargetNamed reads.
const maxNamedTarget = 512

// reportPhraseVariants reports, among the occurrences of one two-word term,
// the spellings the page uses less: first by hyphen or space, then by the
// case of the words after the first.
// twoForms reports whether the occurrences outside headings and longer
// names are written in more than one form (hyphens read as spaces).
func twoForms(occs []phraseOcc) bool {
	first, seen := "", false
	for _, o := range occs {
		if o.b.Kind == model.BlockHeading || o.inName {
			continue
		}
		form := strings.ReplaceAll(o.form, "-", " ")
		if !seen {
			first, seen = form, true
		} else if form != first {
			return true
		}
	}
	return false
}

func reportPhraseVariants(p *lint.SetPass, f *model.Family, occs []phraseOcc, preferred map[string]string) {
	// hyphen or space: counted over the occurrences that modify a word
	// ("cross functional teams", "cross-functional work"), where the two
	// spellings compete; "long term" as a noun and "long-term goals" are
	// both right
	// the two spellings are compared among occurrences of one case form
	// ("Self Service" as a unit's name and "self-service" as an adjective
	// are not variants of each other), outside headings and longer names
	prefix := termPrefixes[strings.FieldsFunc(strings.ToLower(occs[0].written()), func(r rune) bool { return r == ' ' || r == '-' })[0]]
	// a noun and a participle ("results oriented", "data driven") make an
	// adjective wherever it stands: "be results-oriented" as much as
	// "results-oriented people"; an adverb before it takes no hyphen
	// ("highly motivated")
	participle := termParticiple(occs[0].written())
	bound := termBoundPrefixes[strings.FieldsFunc(strings.ToLower(occs[0].written()), func(r rune) bool { return r == ' ' || r == '-' })[0]]
	type hs struct{ hy, sp int }
	byForm := map[string]*hs{}
	formKey := func(o phraseOcc) string {
		k := strings.ReplaceAll(o.form, "-", " ")
		if prefix {
			k, _, _ = strings.Cut(k, " ")
		}
		return k
	}
	// a name of two capitalised words, one of them no dictionary word
	// ("Sarbanes-Oxley"), is one name wherever it stands, inside a longer
	// one too ("the Sarbanes Oxley Act")
	name := properPair(occs[0].written())
	compared := func(o phraseOcc) bool {
		if name {
			return o.b.Kind != model.BlockHeading && startsUpper(o.form)
		}
		// a lower-case compound next to a name is not part of it
		// ("cross functional Product-driven initiatives")
		inName := o.inName && !(prefix && !startsUpper(o.form))
		return o.b.Kind != model.BlockHeading && !inName && (o.modifier || prefix || participle || bound)
	}
	// the hyphenated spellings outside headings wherever they stand
	// ("long-term" as an adverb, or before a name): evidence of the
	// page's spelling for a spaced one before a noun
	hyphenated := map[string]int{}
	for _, o := range occs {
		if o.hyphen && o.b.Kind != model.BlockHeading {
			hyphenated[formKey(o)]++
		}
		if !compared(o) {
			continue
		}
		k := formKey(o)
		if byForm[k] == nil {
			byForm[k] = &hs{}
		}
		if o.hyphen {
			byForm[k].hy++
		} else {
			byForm[k].sp++
		}
	}
	spaced := false
	for _, o := range occs {
		c := byForm[formKey(o)]
		if c == nil || c.sp == 0 {
			continue
		}
		// a compound before the noun it modifies takes its hyphen
		// ("high-quality software"): where the page hyphenates it at
		// least half as often as it writes it open there, the open one
		// is the slip (grammar: "world class brand" beside one
		// "world-class team"); a page that leaves it open far more
		// often has a house style of its own
		before := !prefix && !participle && o.modifier && !o.hyphen && 2*hyphenated[formKey(o)] >= c.sp && termAdjectival(o.written())
		if c.hy == 0 && !before {
			continue
		}
		spaced = true
		// a prefix or participle compound with as many spaces as
		// hyphens: the hyphen, as dictionaries write it
		hyphenWins := c.hy > c.sp || (prefix || participle || bound) && c.hy == c.sp || before
		// a compound before the word it modifies takes its hyphen
		// ("high-volume billing"): where most occurrences lack it, the
		// hyphenated one is right and nothing is reported
		if !compared(o) || !hyphenWins || o.hyphen {
			continue
		}
		if repeatsHeading(f, o) {
			continue
		}
		want := strings.Replace(o.written(), " ", "-", 1)
		if prefix {
			// only other compounds of the prefix hyphenated ("self-sufficient"
			// beside "self skills", "cross-team" beside "cross organizational
			// boundaries", where "cross" is a verb): a house style only when
			// the page shows it at least twice and more than the spaced form
			if !ownCompoundHyphenated(occs, o) && (c.hy < 2 || c.hy <= c.sp) {
				continue
			}
			reportTermPrefix(p, f, o, want, c.hy)
			continue
		}
		n := c.hy
		if n == 0 {
			n = hyphenated[formKey(o)]
		}
		reportTermPhrase(p, f, o, want, n)
	}
	// the compound as a noun ("drive decision making but"), written open
	// where the page hyphenates the noun more often ("drive
	// decision-making.", "decision-making across teams"): the open one is
	// the slip. A page that hyphenates only the modifier ("decision-making
	// process") has no hyphenated noun to compare with.
	if !prefix && !participle && slices.ContainsFunc(occs, func(o phraseOcc) bool { return o.noun && !o.hyphen }) {
		nounHy, nounSp := map[string]int{}, map[string]int{}
		for _, o := range occs {
			switch {
			case o.b.Kind == model.BlockHeading || o.inName:
			case o.hyphen && !o.modifier:
				nounHy[formKey(o)]++
			case !o.hyphen && o.noun:
				nounSp[formKey(o)]++
			}
		}
		for _, o := range occs {
			k := formKey(o)
			if o.hyphen || !o.noun || o.inName || o.b.Kind == model.BlockHeading || nounHy[k] <= nounSp[k] || repeatsHeading(f, o) {
				continue
			}
			spaced = true
			reportTermPhrase(p, f, o, strings.Replace(o.written(), " ", "-", 1), nounHy[k])
		}
	}
	if spaced {
		return
	}
	// inner case, among the spaced and hyphenated forms alike, whose first
	// word agrees in case
	// a bullet copied from level to level with the term written alike in
	// every copy is one choice of case, not one a level: it counts once
	// ("Help create a leading product Data Program" at two levels is one
	// "Data Program"); copies that disagree ("Sales Tools" at three levels,
	// "Sales tools" at two) are edits of their own, each counted
	// one form alone is never reported: its copies are not grouped (a
	// lower-case copy and a map entry of every block: 20,000 paragraphs
	// naming "Senior Engineer" on a page of as many levels)
	if !twoForms(occs) {
		return
	}
	count := map[string]int{}
	type group struct {
		first *model.Block // the group's first copy
		form  string       // the form of its first occurrence
		mixed bool         // another occurrence of the group is written otherwise
	}
	groups := map[string]*group{} // by the block's text in lower case
	for _, o := range occs {
		if o.b.Kind == model.BlockHeading || o.inName {
			continue
		}
		form := strings.ReplaceAll(o.form, "-", " ")
		key := strings.ToLower(o.b.Text)
		g := groups[key]
		if g == nil {
			g = &group{first: o.b, form: form}
			groups[key] = g
		}
		g.mixed = g.mixed || g.form != form
	}
	for _, o := range occs {
		if o.b.Kind == model.BlockHeading || o.inName {
			continue
		}
		// every occurrence where the copies disagree, else those of the
		// first copy only
		if g := groups[strings.ToLower(o.b.Text)]; g.mixed || o.b == g.first {
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
	refWords := strings.Fields(ref)
	if 2*count[forms[1]] > count[ref] && !startsUpper(refWords[len(refWords)-1]) {
		// a near tie ("Product division" 4 times, "Product Division" 3):
		// the name in capitals is as right as the common noun, and only
		// the name's form ("Quality Department" 3 times, "Quality
		// department" 2) makes the other a slip
		return
	}
	if others := termOthers(count, ref); startsUpper(refWords[len(refWords)-1]) && 2*others > count[ref] && nameAlone(f, refWords[0]) {
		// the page writes the first word as a name alone ("the Council
		// may"): the common noun after it is standard English ("Council
		// members", the members of the Council), and title case
		// ("Council Members") a house style only where the page keeps
		// it, twice as often as every other form together (13 times
		// beside 5 "Council members" and 6 "council members" is none)
		return
	}
	refFirst := strings.Fields(ref)[0]
	if !startsUpper(refFirst) {
		return // "support engineers" and "support Engineers": a generic word before a name
	}
	if len(refFirst) > 1 && strings.ToUpper(refFirst) == refFirst {
		// an acronym first: "UX Research" names the department, "UX
		// research" the work it does
		return
	}
	if namesPage(f, refFirst) || lint.Options[termConsistencyOptions](p.Options).Cautious && namedBody(refFirst) {
		// the page's own name first ("Sermant Community" on the page
		// titled "Sermant Community Membership"): with a capital the
		// words name the body, in lower case they describe it
		return
	}
	cautious := lint.Options[termConsistencyOptions](p.Options).Cautious
	for _, o := range occs {
		form := strings.ReplaceAll(o.form, "-", " ")
		if o.b.Kind == model.BlockHeading || o.inName || form == ref || strings.Fields(form)[0] != refFirst {
			continue
		}
		if fw := strings.Fields(form); cautious && !startsUpper(refWords[len(refWords)-1]) && startsUpper(fw[len(fw)-1]) &&
			titledAfter(f, refFirst, refWords[len(refWords)-1]) >= 2 {
			// a name in title case where the page writes the term in
			// sentence case, on a page that heads other names in title
			// case with its first word ("Emeritus Status" beside
			// "Emeritus status", on a page of "Emeritus Maintainers" and
			// the "Emeritus Process"): the page capitalises what it names
			// freely, and the capital is no slip; other organisations'
			// pages keep no house style a reader could point to
			continue
		}
		if preferredForm(form, preferred) == preferredForm(ref, preferred) {
			continue // the preferred term's own finding says it
		}
		// the reference's later words in the occurrence's own first word
		sep := " "
		if o.hyphen {
			sep = "-"
		}
		first := strings.FieldsFunc(o.written(), func(r rune) bool { return r == ' ' || r == '-' })[0]
		want := first + sep + strings.Fields(ref)[1]
		reportTermPhrase(p, f, o, want, count[ref])
	}
}

// titledAfter counts the pairs outside headings where word first, with a
// capital, is followed by a capitalised word other than second, inside a
// sentence: "Emeritus Maintainers", "Emeritus Process" for "Emeritus"
// beside "status". A word at a sentence's start after first counts too;
// first at a sentence's start does not (the capital says nothing there).
func titledAfter(f *model.Family, first, second string) int {
	n := 0
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i := 0; i+1 < len(tw.Words); i++ {
			w, next := wordIn(text, tw.Words[i]), wordIn(text, tw.Words[i+1])
			if w.Text != first || sentenceStart(text, w.Start) || strings.TrimSpace(text[w.End:next.Start]) != "" {
				continue
			}
			if startsUpper(next.Text) && !strings.EqualFold(next.Text, second) {
				n++
			}
		}
	}
	return n
}

// repeatsHeading reports whether an occurrence outside a heading repeats
// the heading of its section as that heading writes it ("## Decision making
// process", then "Decision making process should be transparent"): the
// body names the section by its title, and a fix there alone would part
// the two; the heading's own spelling is the page's choice, which the
// phrase rules do not judge in headings.
func repeatsHeading(f *model.Family, o phraseOcc) bool {
	hs := f.Headings
	k := sort.Search(len(hs), func(k int) bool { return hs[k].Span.Start > o.b.Span.Start }) - 1
	if k < 0 || o.b.Kind == model.BlockHeading {
		return false
	}
	h := strings.ToLower(strings.Join(strings.Fields(hs[k].Text), " "))
	w := strings.ToLower(strings.Join(strings.Fields(o.written()), " "))
	i := strings.Index(h, w)
	if i < 0 {
		return false
	}
	letter := func(c byte) bool { return 'a' <= c && c <= 'z' || c == '-' }
	return (i == 0 || !letter(h[i-1])) && (i+len(w) == len(h) || !letter(h[i+len(w)]))
}

func reportTermPhrase(p *lint.SetPass, f *model.Family, o phraseOcc, want string, n int) {
	if want == o.written() {
		return
	}
	reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: o.written()}, want,
		fmt.Sprintf("write %s, not %s (%s: %d %s on this page)", quoted(want), quoted(o.written()), quoted(want), n, pluralWord(n, "time", "times")))
}

// ownCompoundHyphenated reports whether the page hyphenates o's own compound
// somewhere ("cross-functional" for "cross functional").
func ownCompoundHyphenated(occs []phraseOcc, o phraseOcc) bool {
	own := strings.ToLower(o.written())
	for _, q := range occs {
		if q.hyphen && strings.ToLower(strings.Replace(q.written(), "-", " ", 1)) == own {
			return true
		}
	}
	return false
}

// reportTermPrefix reports a compound of a prefix ("cross", "sub") written
// with a space where the page hyphenates its other compounds of that
// prefix.
func reportTermPrefix(p *lint.SetPass, f *model.Family, o phraseOcc, want string, n int) {
	if want == o.written() {
		return
	}
	first := strings.FieldsFunc(want, func(r rune) bool { return r == ' ' || r == '-' })[0]
	how := fmt.Sprintf("the page hyphenates %s compounds %d %s", quoted(first+"-"), n, pluralWord(n, "time", "times"))
	reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: o.written()}, want,
		fmt.Sprintf("write %s, not %s (%s)", quoted(want), quoted(o.written()), how))
}

// termParticiple reports whether a two-word term is a noun and a past
// participle ("results oriented", "customer focused"): not an adverb in
// -ly before it, nor a verb's past ("team needed").
func termParticiple(text string) bool {
	parts := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == '-' })
	if len(parts) != 2 {
		return false
	}
	a, b := parts[0], parts[1]
	return len(b) > 5 && strings.HasSuffix(b, "ed") && !strings.HasSuffix(a, "ly") && termParticiples[b]
}

// termParticiples are the participles that join a noun into an adjective
// in job descriptions.
var termParticiples = map[string]bool{"oriented": true, "driven": true, "focused": true, "based": true,
	"minded": true, "related": true, "centered": true, "centred": true, "owned": true, "powered": true,
	"enabled": true, "led": true, "facing": true, "funded": true, "backed": true, "assisted": true}

// checkTermTriples reports a compound of three or more words joined by a
// particle ("go to market strategy", "end to end testing") written with
// spaces before a word it modifies, on a page that hyphenates it
// ("go-to-market") at least as often: before a noun the compound takes its
// hyphens. Used as an adverb ("own it end to end") it is left alone.
func checkTermTriples(p *lint.SetPass, f *model.Family) {
	hyphenated := map[string]int{} // "go to market" -> times written "go-to-market"
	firsts := map[string]bool{}    // the first words of its keys ("go")
	for _, b := range f.Blocks {
		tw := wordingWords(b, true)
		for i := range tw.Words {
			if h := strings.Count(tw.Lower(i), "-"); h < 2 || h > 3 {
				continue // three or four parts only; most words have none
			}
			parts := strings.Split(tw.Lower(i), "-")
			if !termTripleParts(parts) {
				continue
			}
			hyphenated[strings.Join(parts, " ")]++
			firsts[parts[0]] = true
		}
	}
	if len(hyphenated) == 0 {
		return
	}
	type occ struct {
		b          *model.Block
		start, end int
		key        string
	}
	var spaced []occ
	count := map[string]int{}
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, false) // hyphenated words split: "go-to-market" is three words here
		for i := range tw.Words {
			if !firsts[tw.Lower(i)] && !strings.Contains(tw.Lower(i), " ") {
				continue // no key starts with this word: spare joining the next ones
			}
			for n := 3; n <= 4 && i+n <= len(tw.Words); n++ {
				key := tw.JoinLower(i, i+n, " ")
				if hyphenated[key] == 0 {
					continue
				}
				joined := true
				for j := i; j < i+n-1; j++ {
					if text[tw.Words[j].End:tw.Words[j+1].Start] != " " {
						joined = false // hyphens, or punctuation between
					}
				}
				if !joined || !termModifies(text, tw, i+n-1) || startsUpper(tw.Words[i].In(text)) && !sentenceStart(text, int(tw.Words[i].Start)) {
					// a capitalised compound inside a sentence is a
					// name or a title ("Procure to Pay process")
					continue
				}
				spaced = append(spaced, occ{b, int(tw.Words[i].Start), int(tw.Words[i+n-1].End), key})
				count[key]++
			}
		}
	}
	for _, o := range spaced {
		n := hyphenated[o.key]
		if n < count[o.key] {
			continue // the page mostly writes it open: no usual spelling to point to
		}
		written := o.b.Text[o.start:o.end]
		want := strings.ReplaceAll(written, " ", "-")
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s (%s: %d %s on this page)", quoted(want), quoted(written), quoted(strings.ToLower(want)), n, pluralWord(n, "time", "times")))
	}
}

// termTripleParts reports whether the parts of a hyphenated word make a
// compound joined by particles: content words around "to", "in", "of",
// "on", "the", "and" ("go-to-market", "state-of-the-art", "one-on-one").
func termTripleParts(parts []string) bool {
	particle := false
	for i, w := range parts {
		if w == "" {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		if termTripleJoins[w] {
			if i == 0 || i == len(parts)-1 {
				return false
			}
			particle = true
		}
	}
	return particle
}

var termTripleJoins = map[string]bool{"to": true, "in": true, "of": true, "on": true, "the": true, "and": true, "by": true}

// termClosedApart are two words that mean something else than the one word
// they make: "every day" is not "everyday".
var termClosedApart = map[string]bool{"every day": true, "any one": true, "some time": true, "may be": true,
	"any more": true, "all ready": true, "all together": true, "any way": true, "some one": true, "every one": true,
	"any body": true, "some day": true, "high light": true, "over all": true, "out going": true, "in sight": true,
	"good will": true, "short coming": true, "sales force": true, "work day": true, "any time": true}

// termClosedKey is a closed word, or two words run together, without a
// plural s: "codebases" and "code base" are one term.
func termClosedKey(w string) string {
	if len(w) > 5 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// closedKeyBytes appends termClosedKey(a+b) to buf: a key looked up in a
// map as string(...) without a string made.
func closedKeyBytes(buf []byte, a, b string) []byte {
	kb := append(append(buf, a...), b...)
	if n := len(kb); n > 5 && kb[n-1] == 's' && kb[n-2] != 's' {
		kb = kb[:n-1]
	}
	return kb
}

// closedCountPool keeps checkTermClosed's count of the words written
// closed from page to page, up to maxPooledClosedKeys keys.
var closedCountPool = sync.Pool{New: func() any { m := map[string]int{}; return &m }}

const maxPooledClosedKeys = 1 << 14

// checkTermClosed reports a term written as two words ("road map", "code
// base", "full stack development") on a page that writes it as one word
// ("roadmap", "codebases", "Fullstack") as often or more, headings and
// titles included; a word in capitals (a file's name, "CODEOWNERS") is not
// the term, and a link's address that writes the two words apart
// ("about-code-owners") counts for the open form. Headings and link texts
// count for the open form as for the closed one, but are not reported, nor a pair in parallel with another of the same last
// word ("build time rather than run time"); a pair the
// page also hyphenates is left to the hyphen check; product names
// ("Salesforce", "Workday") are not the words they are made of.
func checkTermClosed(p *lint.SetPass, f *model.Family, preferred map[string]string) {
	type occ struct {
		b          *model.Block
		start, end int
		key, pair  string
	}
	// the words written closed first, so that only the pairs of one of
	// them are kept: a page repeating "word word word" keeps nothing
	cp := closedCountPool.Get().(*map[string]int)
	closed := *cp
	defer func() {
		if len(closed) <= maxPooledClosedKeys { // a huge page's map is not kept
			clear(closed)
			closedCountPool.Put(cp)
		}
	}()
	handles := handleCells(f)
	for _, b := range f.Blocks {
		if handles[b] {
			continue // "| Luke Tillman | luketillman |" under "GitHub ID"
		}
		tw := wordingWords(b, true)
		for i, lw := range tw.Lowers() {
			// a word in capitals is a file's name ("the CODEOWNERS file"),
			// not the term written closed; a user name ("@luketillman",
			// "[luketillman](https://github.com/LukeTillman)") is no
			// spelling of the person's name beside it
			if len(lw) >= 6 && isASCIILetters(lw) && changesUpper(tw.Words[i].In(wordingText(b))) && !userHandle(b, int(tw.Words[i].Start), int(tw.Words[i].End)) {
				closed[termClosedKey(lw)]++
			}
		}
	}
	if len(closed) == 0 {
		return
	}
	var spaced []occ
	var keyBuf [64]byte
	count := map[string]int{}
	hyphened := map[string]bool{}
	for _, b := range f.Blocks {
		tw := wordingWords(b, true)
		for _, lw := range tw.Lowers() {
			if x, y, ok := cutHyphen(lw); ok {
				// the key looked up without a string made for every
				// hyphenated word
				if kb := closedKeyBytes(keyBuf[:0], x, y); closed[string(kb)] > 0 {
					hyphened[string(kb)] = true
				}
			}
		}
		text := wordingText(b)
		for i := 0; i+1 < len(tw.Words); i++ {
			w, next := tw.Words[i], tw.Words[i+1]
			a, c := tw.Lower(i), tw.Lower(i+1)
			// the key looked up without a string made for every pair,
			// and only for two words of letters one space apart
			if text[w.End:next.Start] != " " || !isASCIILetters(a) || !isASCIILetters(c) || closed[string(closedKeyBytes(keyBuf[:0], a, c))] == 0 || !termPhrasePair(a, c) ||
				termClosedApart[a+" "+c] || parallelOpen(text, tw, i) {
				continue
			}
			key := termClosedKey(a + c)
			count[key]++
			// a heading's or a link's text is the page's use of the
			// term, counted ("the contributors' chat room" makes the open
			// form the page's usual one), but not reported there
			if b.Kind == model.BlockHeading || inLinkText(b, int(w.Start)) || inLinkText(b, int(next.Start)) {
				continue
			}
			spaced = append(spaced, occ{b, int(w.Start), int(next.End), key, a + " " + c})
		}
	}
	// the addresses the page links write the term apart too
	// ("about-code-owners"): the source it cites for the term
	for _, l := range f.Links {
		parts := strings.FieldsFunc(strings.ToLower(l.Target), func(r rune) bool { return r < 'a' || r > 'z' })
		for i := 0; i+1 < len(parts); i++ {
			if kb := closedKeyBytes(keyBuf[:0], parts[i], parts[i+1]); count[string(kb)] > 0 {
				count[string(kb)]++
			}
		}
	}
	for _, o := range spaced {
		n := closed[o.key]
		if n == 0 || n < count[o.key] || hyphened[o.key] {
			continue
		}
		joined := strings.ReplaceAll(o.pair, " ", "")
		if _, ok := preferred[joined]; ok || termNames()[joined] || termCommonNames[joined] {
			continue
		}
		written := o.b.Text[o.start:o.end]
		want := spellLike(joined, written)
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s (%s as one word: %d %s on this page)", quoted(want), quoted(written), quoted(termClosedKey(joined)), n, pluralWord(n, "time", "times")))
	}
}

// cutHyphen is strings.Cut(s, "-") by a loop over the word's bytes, which
// the compiler inlines, without Cut's general search (asked of every word
// of a page, twice; a word is a few bytes long).
func cutHyphen(s string) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// userHandle reports whether the word at [start, end) of b's text is a
// user name: written after an @, or the whole text of a link to that user's
// page, whose address ends in the word ("[luketillman](https://github.com/
// LukeTillman)").
func userHandle(b *model.Block, start, end int) bool {
	if start > 0 && b.Text[start-1] == '@' {
		return true
	}
	for _, l := range b.Links {
		if l.TextIn.Start != start || l.TextIn.End != end {
			continue
		}
		path := strings.TrimRight(l.Path, "/")
		if k := strings.LastIndexByte(path, '/'); k >= 0 && strings.Contains(path[:k], ".") && strings.EqualFold(path[k+1:], b.Text[start:end]) {
			return true
		}
	}
	return false
}

// handleCells returns the cells of the page's table columns of user names:
// a column whose header ends in "ID", "Handle", "Username" or "Login", or is
// a code host's name ("GitHub ID", "GitLab handle", "GitHub").
func handleCells(f *model.Family) map[*model.Block]bool {
	var out map[*model.Block]bool
	for _, t := range f.Tables {
		if len(t.Rows) < 2 {
			continue
		}
		for c, h := range t.Rows[0] {
			if h == nil {
				continue
			}
			words := headerWords(wordingText(h))
			if len(words) == 0 || len(words) > 3 || !handleHeads[strings.TrimSuffix(words[len(words)-1], "s")] {
				continue
			}
			for _, row := range t.Rows[1:] {
				if c < len(row) && row[c] != nil {
					if out == nil {
						out = map[*model.Block]bool{}
					}
					out[row[c]] = true
				}
			}
		}
	}
	return out
}

// handleHeads end the header of a table column of user names.
var handleHeads = map[string]bool{"id": true, "handle": true, "username": true, "login": true,
	"github": true, "gitlab": true, "account": true}

// namesPage reports whether a capitalised word that no word list holds
// opens the page's title: the name of the project or body the page is
// about.
func namesPage(f *model.Family, w string) bool {
	lw := strings.ToLower(w)
	if knownWord(englishWords(), lw) || derivedWord(englishWords(), lw) || termNames()[lw] {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(f.Title), " ")
	return first == w
}

// namedBody reports whether a two-word term's first word is a name, so that
// the term names a body with a capital and describes it in lower case
// ("WebdriverIO Project", "the WebdriverIO project"): a word in mixed case,
// or one no dictionary knows. The cautious option's; the page's own name
// (namesPage) is one in any profile.
func namedBody(w string) bool {
	if w == "" || !startsUpper(w) {
		return false
	}
	if strings.ToLower(w[1:]) != w[1:] {
		return true // "WebdriverIO"
	}
	lw := strings.ToLower(w)
	return !knownWord(englishWords(), lw) && !derivedWord(englishWords(), lw) && !termNames()[lw]
}

// parallelOpen reports whether the two words at i, i+1 stand in parallel
// with another open pair of the same last word close by ("at build time
// rather than run time", "front end and back end"): written apart for the
// parallel, not a variant of the word they make closed.
func parallelOpen(text string, tw *textWords, i int) bool {
	head := tw.Lower(i + 1)
	for j := max(0, i-6); j+1 < len(tw.Words) && j <= i+6; j++ {
		if j == i || tw.Lower(j+1) != head || tw.Lower(j) == tw.Lower(i) || !isASCIILetters(tw.Lower(j)) ||
			text[tw.Words[j].End:tw.Words[j+1].Start] != " " {
			continue
		}
		// within one sentence
		lo, hi := min(i, j), max(i, j)
		if !strings.ContainsAny(text[tw.Words[lo+1].End:tw.Words[hi].Start], ".;:!?") {
			return true
		}
	}
	return false
}

// termAdjectiveFirsts are first words that make a two-word term an
// adjective before a noun ("high quality software", "long term
// scalability", "month end close"), where the hyphen is grammar; a noun
// before a noun ("job family page") is an open compound that may stay open.
var termAdjectiveFirsts = map[string]bool{"high": true, "low": true, "long": true, "short": true, "full": true,
	"large": true, "small": true, "world": true, "third": true, "first": true, "open": true, "real": true,
	"deep": true, "best": true, "top": true, "big": true, "fast": true, "half": true, "part": true, "mid": true,
	"month": true, "year": true, "quarter": true, "day": true, "next": true, "last": true, "end": true}

// termAdjectival reports whether a two-word term written with a space reads
// as an adjective before a noun: its first word is one of
// termAdjectiveFirsts, or its second a participle ("customer facing",
// "problem solving", "data driven").
func termAdjectival(text string) bool {
	a, b, ok := strings.Cut(strings.ToLower(text), " ")
	if !ok {
		return false
	}
	return termAdjectiveFirsts[a] || termParticiples[b] || len(b) > 4 && (strings.HasSuffix(b, "ing") || strings.HasSuffix(b, "ed"))
}

// termNumberPlural is a number's apostrophe plural: "1:1's", "1990's".
var termNumberPlural = regexp.MustCompile(`\b(\d+(?::\d+)?)['’]s\b`)

// termNumberPlain is a number's plain plural: "1:1s", "1990s".
var termNumberPlain = regexp.MustCompile(`\b(\d+(?::\d+)?)s\b`)

// digitThenS reports whether text holds a digit followed by "s", as every
// match of termNumberPlain does.
func digitThenS(text string) bool {
	for i := 1; i < len(text); i++ {
		if text[i] == 's' && text[i-1] >= '0' && text[i-1] <= '9' {
			return true
		}
	}
	return false
}

// digitApostropheS reports whether text holds a digit, an apostrophe
// (' or ’) and an "s", as every match of termNumberPlural does: most
// blocks hold none, and the expression is slow.
func digitApostropheS(text string) bool {
	for _, ap := range []string{"'s", "’s"} {
		for t, off := text, 0; ; {
			i := strings.Index(t, ap)
			if i < 0 {
				break
			}
			if at := off + i; at > 0 && text[at-1] >= '0' && text[at-1] <= '9' {
				return true
			}
			t, off = t[i+len(ap):], off+i+len(ap)
		}
	}
	return false
}

// checkTermNumberPlurals reports a number's apostrophe plural ("1:1's")
// on a page that also writes its plain plural ("1:1s"): as with an
// acronym's, the plain plural is the reference.
func checkTermNumberPlurals(p *lint.SetPass, f *model.Family) {
	texts := make([]string, len(f.Blocks))
	var found bool
	for i, b := range f.Blocks {
		texts[i] = wordingText(b)
		found = found || digitApostropheS(texts[i]) && termNumberPlural.MatchString(texts[i])
	}
	if !found {
		return
	}
	// the plain plurals, counted in one pass ("1:1s")
	plain := map[string]int{}
	for _, t := range texts {
		if !digitThenS(t) {
			continue // no match of termNumberPlain, which ends in a digit and "s"
		}
		for _, m := range termNumberPlain.FindAllStringSubmatchIndex(t, -1) {
			if m[0] > 0 && (t[m[0]-1] == ':' || isAlnum(t[m[0]-1])) {
				continue
			}
			plain[t[m[2]:m[3]]]++
		}
	}
	for i, b := range f.Blocks {
		if !digitApostropheS(texts[i]) {
			continue
		}
		for _, m := range termNumberPlural.FindAllStringSubmatchIndex(texts[i], -1) {
			if m[0] > 0 && (texts[i][m[0]-1] == ':' || isAlnum(texts[i][m[0]-1])) {
				continue // inside a longer token
			}
			tok := texts[i][m[2]:m[3]]
			n := plain[tok]
			if n == 0 {
				continue
			}
			want := tok + "s"
			written := b.Text[m[0]:m[1]]
			reportTerm(p, &termOcc{f: f, b: b, start: m[0], end: m[1], text: written}, want,
				fmt.Sprintf("write %s, not %s: a plural takes no apostrophe (%s: %d %s on this page)", quoted(want), quoted(written), quoted(want), n, pluralWord(n, "time", "times")))
		}
	}
}

// nameAlone reports whether the page writes a capitalised word as a name on
// its own, the head of a noun phrase, at least twice outside headings:
// after "the" and before punctuation, the block's end, a stop word or an
// auxiliary verb ("the Council may", "the Council."), not before another
// noun ("the Quality team").
func nameAlone(f *model.Family, w string) bool {
	n := 0
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading || !strings.Contains(b.Text, w) {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i, px := range tw.Words {
			x := wordIn(text, px)
			if x.Text != w || i == 0 || tw.Lower(i-1) != "the" || text[tw.Words[i-1].End:x.Start] != " " {
				continue
			}
			if next := tw.Words[min(i+1, len(tw.Words)-1)].In(text); i+1 == len(tw.Words) || text[x.End:tw.Words[i+1].Start] != " " || prose.IsStopWord(next) || termAuxiliaries[next] {
				if n++; n >= 2 {
					return true
				}
			}
		}
	}
	return false
}

// termOthers is the number of occurrences of the forms other than ref.
func termOthers(count map[string]int, ref string) int {
	n := 0
	for form, c := range count {
		if form != ref {
			n += c
		}
	}
	return n
}

// properPair reports whether a two-word term is a name: two words, each a
// capital then lower-case ASCII letters, one of them no word of the
// dictionary ("Sarbanes-Oxley"; not "Self Service", "Sales Team").
func properPair(written string) bool {
	parts := strings.FieldsFunc(written, func(r rune) bool { return r == ' ' || r == '-' })
	if len(parts) != 2 {
		return false
	}
	d := englishWords()
	unknown := false
	for _, w := range parts {
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				return false
			}
		}
		unknown = unknown || !knownWord(d, strings.ToLower(w))
	}
	return unknown
}
