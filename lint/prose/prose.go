// Package prose splits the prose of model blocks into words and phrases for
// the wording and policy rules, keeping every match tied to its source span.
// Block text already leaves out code, link targets, HTML and front matter.
package prose

import (
	"iter"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Word is a word of a block's text: [Start, End) are byte offsets in the
// block's Text (or the text it was split from: Word.In gives the word). No
// copy of the word's string is kept: on a page of 40,000 short blocks that
// was 16 of 32 bytes a word, 3.5 MB.
//
// The offsets are int32, 8 bytes a word where two int took 16 (1.7 MB of a
// page of 20,000 graded headings' words): Words splits no text past
// math.MaxInt32 bytes, far over any page the size limit lets in.
type Word struct {
	Start, End int32
}

// In returns the word in text, the text it was split from (or one with
// the same bytes at the word's offsets, such as a block's Text for the words
// of its wording text).
func (w Word) In(text string) string { return text[w.Start:w.End] }

// Words splits text into words: runs of letters and digits, with an
// apostrophe (' or ’) between letters kept inside the word ("we're", "OKR's").
// With hyphens, a hyphen between letters or digits is kept too ("e-mail").
func Words(text string, hyphens bool) []Word {
	// prose has about a word per space: most texts need no regrowth
	out := make([]Word, 0, strings.Count(text, " ")+1)
	for i := 0; ; {
		start, end := nextWord(text, i, hyphens)
		if start < 0 {
			break
		}
		if end > math.MaxInt32 {
			break
		}
		out = append(out, Word{Start: int32(start), End: int32(end)})
		i = end
	}
	return out
}

// NextWord returns the bounds of the first word of text at or after i, as
// Words splits it, or -1, -1: for a caller that makes its own list.
func NextWord(text string, i int, hyphens bool) (start, end int) { return nextWord(text, i, hyphens) }

// nextWord returns the bounds of the first word of text at or after i, or
// -1, -1.
func nextWord(text string, i int, hyphens bool) (start, end int) {
	for i < len(text) { // to the first word rune
		c := byteClass[text[i]]
		if c == classWord {
			break
		}
		if c != classNonASCII {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return -1, -1
	}
	start = i
	for i < len(text) {
		var r rune
		n := 1
		switch byteClass[text[i]] {
		case classWord:
			i++
			continue
		case classOther:
			return start, i
		case classJoiner:
			r = rune(text[i])
		case classNonASCII:
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
		}
		// an apostrophe, or a hyphen, between a word rune and a letter or
		// digit joins them
		if (r == '\'' || r == '’' || (hyphens && (r == '-' || r == '‑'))) && i+n < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[i+n:]); isLetterOrDigit(next) {
				i += n
				continue
			}
		}
		return start, i
	}
	return start, len(text)
}

// Byte classes for nextWord: an ASCII word rune (letter or digit), an ASCII
// apostrophe or hyphen, another ASCII character, a byte of a non-ASCII rune.
const (
	classOther = iota
	classWord
	classJoiner
	classNonASCII
)

var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classNonASCII
		case isWordRune(rune(c)):
			t[c] = classWord
		case c == '\'' || c == '-':
			t[c] = classJoiner
		}
	}
	return t
}()

// isWordRune reports whether r is part of a word: a letter, a digit or a
// nonspacing mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Phrase is a sequence of lower-case words to look for.
type Phrase []string

// ParsePhrase splits a phrase as written in a word list ("we're hiring").
// A '*' right after a word is kept on it, so that "lead*" is a stem.
func ParsePhrase(s string) Phrase {
	var p Phrase
	low := strings.ToLower(normalizeQuotes(s))
	for _, w := range Words(low, true) {
		t := w.In(low)
		if strings.HasPrefix(low[w.End:], "*") {
			t += "*"
		}
		p = append(p, t)
	}
	return p
}

// Match is a phrase found in a block.
type Match struct {
	Block      *model.Block
	Start, End int // offsets in Block.Text
	Phrase     int // index of the matched phrase in the list given to FindPhrases
}

// Span returns the match's source span.
func (m Match) Span() model.Span { return m.Block.SourceSpan(m.Start, m.End) }

// Text returns the matched text as written.
func (m Match) Text() string { return m.Block.Text[m.Start:m.End] }

// FindPhrases returns every occurrence of the phrases in b, matching whole
// words, case-insensitively, with straight and curly apostrophes alike. A
// phrase word ending in '*' matches any word it starts ("lead*" finds
// "leader"). Words separated by a code span or link target never match as
// one phrase.
func FindPhrases(b *model.Block, phrases []Phrase) []Match {
	return NewPhraseSet(phrases).Find(b)
}

// PhraseSet is a phrase list indexed by first word, for looking for the same
// phrases in many blocks: build it once, call Find per block.
type PhraseSet struct {
	phrases []Phrase
	idx     *phraseIdx
}

// NewPhraseSet indexes phrases.
func NewPhraseSet(phrases []Phrase) *PhraseSet {
	return &PhraseSet{phrases: phrases, idx: phraseIndex(phrases)}
}

// Phrases returns the set's phrases, in the order given.
func (s *PhraseSet) Phrases() []Phrase { return s.phrases }

// Find returns every occurrence of the set's phrases in b, as FindPhrases.
func (s *PhraseSet) Find(b *model.Block) []Match {
	phrases, idx := s.phrases, s.idx
	bw := blockWords(b)
	words := bw.Words
	if len(words) == 0 || len(phrases) == 0 {
		return nil
	}
	var out []Match
	try := func(i, pi int) {
		p := phrases[pi]
		if i+len(p) > len(words) {
			return
		}
		for j, pw := range p {
			if !wordMatch(pw, bw.Lower(i+j)) {
				return
			}
			if j > 0 && strings.ContainsRune(b.Text[words[i+j-1].End:words[i+j].Start], model.CodeMark) {
				return
			}
		}
		out = append(out, Match{Block: b, Start: int(words[i].Start), End: int(words[i+len(p)-1].End), Phrase: pi})
	}
	for i := range words {
		// the word's lower case read once (it was read four times, through
		// a method value the compiler could not inline)
		l := bw.Lower(i)
		var cands []int
		if idx.mayStart(l) {
			cands = idx.exact[l]
		}
		if len(idx.stems) == 0 || !idx.mayStem(l) {
			for _, pi := range cands {
				try(i, pi)
			}
			continue
		}
		// keep the phrases' order, as callers expect
		merged := mergeSorted(cands, idx.stemsFor(l))
		for _, pi := range merged {
			try(i, pi)
		}
	}
	return out
}

// BlockWords returns the words of a block's text (hyphens kept inside
// words), computed once per block.
func BlockWords(b *model.Block) []Word { return blockWords(b).Words }

// BlockLowerWords returns BlockWords(b) as phrases are matched against
// them: in lower case, curly apostrophes straightened. It makes a slice of
// them at each call: OwnWords(b).Lower(i) reads one without.
func BlockLowerWords(b *model.Block) []string { return blockWords(b).LowerAll() }

// TextWords are the words of a text and their lower-case forms, Lower(i)
// the lower case of Words[i] (a slice of the text where the word has no
// capital). Read only once built.
//
// The lower case is one string for the text, the text itself when no word
// changes, else a copy with each word lowered in place, and a word whose
// lower case is not as long as it (a curly apostrophe straightened, a few
// letters that are not ASCII) in a map of its own: no string header a
// word (16 bytes; 3.5 MB on a page of 40,000 short blocks, held while the
// wording rules run).
type TextWords struct {
	Words []Word
	low   string         // lower-case text at the words' offsets
	odd   map[int]string // Lower(i) of the words not at their offsets in low
}

// Lower returns the lower case of word i.
func (tw *TextWords) Lower(i int) string {
	if tw.odd != nil {
		if s, ok := tw.odd[i]; ok {
			return s
		}
	}
	w := tw.Words[i]
	return tw.low[w.Start:w.End]
}

// Lowers yields each word's index and lower case, in order.
func (tw *TextWords) Lowers() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range tw.Words {
			if !yield(i, tw.Lower(i)) {
				return
			}
		}
	}
}

// JoinLower returns strings.Join of Lower(i) for i in [from, to), with sep.
func (tw *TextWords) JoinLower(from, to int, sep string) string {
	switch {
	case from >= to:
		return ""
	case from+1 == to:
		return tw.Lower(from)
	}
	n := len(sep) * (to - from - 1)
	for i := from; i < to; i++ {
		n += len(tw.Lower(i))
	}
	var b strings.Builder
	b.Grow(n)
	for i := from; i < to; i++ {
		if i > from {
			b.WriteString(sep)
		}
		b.WriteString(tw.Lower(i))
	}
	return b.String()
}

// LowerAll returns Lower(i) of every word, in a new slice.
func (tw *TextWords) LowerAll() []string {
	out := make([]string, len(tw.Words))
	for i := range out {
		out[i] = tw.Lower(i)
	}
	return out
}

// NewTextWords returns the words of text, split by Words, with their lower
// case (strings.ToLower of each word).
func NewTextWords(text string, words []Word) *TextWords {
	tw := &TextWords{Words: words}
	tw.low, tw.odd = lowerText(text, words, false)
	return tw
}

// Pieces returns words of text, each inside one of tw's words (a word
// split at its hyphens), with their lower case: tw's lower-case text, and
// strings.ToLower of a piece that is not ASCII where that text does not
// hold it at the piece's offsets. Suits tw whose lower case is each word's
// strings.ToLower (curly apostrophes as written).
func (tw *TextWords) Pieces(text string, words []Word) *TextWords {
	out := &TextWords{Words: words, low: tw.low}
	for k, w := range words {
		p := text[w.Start:w.End]
		ascii := true
		for i := 0; i < len(p) && ascii; i++ {
			ascii = p[i] < utf8.RuneSelf
		}
		if ascii {
			continue
		}
		if l := strings.ToLower(p); l != tw.low[w.Start:w.End] {
			if out.odd == nil {
				out.odd = map[int]string{}
			}
			out.odd[k] = l
		}
	}
	return out
}

// Unstraightened returns tw (words of text, as BlockWords) with the lower
// case of the words with a curly apostrophe as written (strings.ToLower
// of the word): tw itself when no word has one.
func (tw *TextWords) Unstraightened(text string) *TextWords {
	if !strings.Contains(text, "’") {
		return tw
	}
	out := &TextWords{Words: tw.Words}
	out.low, out.odd = lowerText(text, tw.Words, false)
	return out
}

// BlockMemo is what is derived from a block's words, in one allocation and
// one memo entry of the block (on a page of 40,000 short blocks, a memo
// value for lint/prose and another for the wording rules, each with its
// entry, were about 192 bytes a block): the block's own words, and the
// fields the wording rules (rules/wording.go) fill on first need. Not safe
// for concurrent use, as Block.Memo.
type BlockMemo struct {
	own TextWords // words of Block.Text, lower case with curly apostrophes straightened; Words nil until made

	// for the wording rules (WordingText, Hy, Nohy and their setters): the
	// block's text with what they must not judge blanked, its words with
	// hyphens and without. Most blocks' are their own text and words (set
	// says which were made); only another text or other words take the
	// pointer's 24 bytes, which keeps the memo at 64 bytes, not 80 (0.6 MB
	// on a page of 40,000 blocks)
	other *wordingMemo
	set   uint8 // wordingTextSet, hySet, nohySet
	// Foreign is the wording rules' answer to whether the block is in
	// another language than English: 0 not asked yet, 1 no, 2 yes (in the
	// struct's padding: the memo stays at 80 bytes)
	Foreign int8
}

type blockMemoKey struct{}

// wordingMemo is what the wording rules made of a block that is not the
// block's own: nil fields are the block's text, its own words, the words
// with hyphens.
type wordingMemo struct {
	text     *string
	hy, nohy *TextWords
}

const (
	wordingTextSet uint8 = 1 << iota
	hySet
	nohySet
)

func (m *BlockMemo) wording() *wordingMemo {
	if m.other == nil {
		m.other = &wordingMemo{}
	}
	return m.other
}

// WordingText returns the wording text set for block b, and whether it
// was set.
func (m *BlockMemo) WordingText(b *model.Block) (string, bool) {
	if m.set&wordingTextSet == 0 {
		return "", false
	}
	if m.other != nil && m.other.text != nil {
		return *m.other.text, true
	}
	return b.Text, true
}

// SetWordingText sets block b's wording text.
func (m *BlockMemo) SetWordingText(b *model.Block, t string) {
	m.set |= wordingTextSet
	if t != b.Text {
		m.wording().text = &t
	}
}

// Hy returns the words with hyphens set, or nil.
func (m *BlockMemo) Hy() *TextWords {
	if m.set&hySet == 0 {
		return nil
	}
	if m.other != nil && m.other.hy != nil {
		return m.other.hy
	}
	return &m.own
}

// SetHy sets the words with hyphens.
func (m *BlockMemo) SetHy(tw *TextWords) {
	m.set |= hySet
	if tw != &m.own {
		m.wording().hy = tw
	}
}

// Nohy returns the words without hyphens set, or nil.
func (m *BlockMemo) Nohy() *TextWords {
	if m.set&nohySet == 0 {
		return nil
	}
	if m.other != nil && m.other.nohy != nil {
		return m.other.nohy
	}
	return m.Hy()
}

// SetNohy sets the words without hyphens (after SetHy).
func (m *BlockMemo) SetNohy(tw *TextWords) {
	m.set |= nohySet
	if tw != m.Hy() {
		m.wording().nohy = tw
	}
}

// MemoKey is the key a BlockMemo is memoized under (model.MemoKeyed): a
// block keeps it without a 32-byte entry beside it.
func (m *BlockMemo) MemoKey() any { return blockMemoKey{} }

// Memo returns b's BlockMemo, made on first need; its own words are built
// when first asked for (BlockWords).
func Memo(b *model.Block) *BlockMemo {
	if m, ok := b.MemoAlone().(*BlockMemo); ok {
		return m // kept alone: what b.Memo would find
	}
	return b.Memo(blockMemoKey{}, func() any { return new(BlockMemo) }).(*BlockMemo)
}

// OwnWords returns BlockWords(b) and BlockLowerWords(b) as the block's
// memo holds them. Read only.
func OwnWords(b *model.Block) *TextWords { return blockWords(b) }

func blockWords(b *model.Block) *TextWords {
	m := Memo(b)
	if m.own.Words == nil {
		words := Words(b.Text, true) // never nil
		m.own = TextWords{Words: words}
		m.own.low, m.own.odd = lowerText(b.Text, words, true)
	}
	return &m.own
}

// phrases are indexed by their first word; phrases starting with a stem
// ("lead*") are tried on every word the stem starts.
type phraseIdx struct {
	exact map[string][]int
	stems []stemEntry
	// filters that turn most words away before the map or the stems, for
	// a set of more than a few phrases (one built per run, not per call):
	// the first byte and length (up to 63) of each exact first word, the
	// first byte of each stem
	starts    *[256]uint64
	stemFirst *[256]bool
}

// filterFrom is the size of a phrase list from which it is worth filtering.
const filterFrom = 5

// mayStart reports whether w may be the first word of an exact phrase.
func (x *phraseIdx) mayStart(w string) bool {
	return x.starts == nil || w == "" || x.starts[w[0]]&(1<<min(len(w), 63)) != 0
}

// mayStem reports whether a stem may start w.
func (x *phraseIdx) mayStem(w string) bool {
	return x.stemFirst == nil || w == "" || x.stemFirst[w[0]]
}

type stemEntry struct {
	prefix string
	pi     int
}

func (x *phraseIdx) stemsFor(w string) []int {
	var out []int
	for _, s := range x.stems {
		if strings.HasPrefix(w, s.prefix) {
			out = append(out, s.pi)
		}
	}
	return out
}

func mergeSorted(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// phraseIndex indexes a phrase list by first word: O(phrases) once per
// call instead of O(phrases) per word.
func phraseIndex(phrases []Phrase) *phraseIdx {
	x := &phraseIdx{exact: make(map[string][]int, len(phrases))}
	if len(phrases) >= filterFrom {
		x.starts, x.stemFirst = new([256]uint64), new([256]bool)
	}
	emptyStem := false
	for pi, p := range phrases {
		if len(p) == 0 {
			continue
		}
		if strings.HasSuffix(p[0], "*") {
			prefix := strings.TrimSuffix(p[0], "*")
			x.stems = append(x.stems, stemEntry{prefix, pi})
			if prefix == "" {
				emptyStem = true
			} else if x.stemFirst != nil {
				x.stemFirst[prefix[0]] = true
			}
			continue
		}
		x.exact[p[0]] = append(x.exact[p[0]], pi)
		if w := p[0]; w != "" && x.starts != nil {
			x.starts[w[0]] |= 1 << min(len(w), 63)
		}
	}
	if emptyStem {
		x.stemFirst = nil // a stem starts every word
	}
	return x
}

func wordMatch(pattern, word string) bool {
	if strings.HasSuffix(pattern, "*") {
		return strings.HasPrefix(word, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == word
}

// LowerWords returns the words of text in lower case (strings.ToLower of
// each).
func LowerWords(text string, words []Word) []string { return lowerWords(text, words, false) }

// lowerText returns the lower case of text's words as TextWords holds it:
// text itself when no word has a capital, a rune that is not ASCII or
// (straighten) a curly apostrophe; else a copy of text with each word
// lowered in place (strings.ToLower, of the word with its curly apostrophes
// straightened when straighten), and the words whose lower case is not as
// long as they are in odd, by index.
func lowerText(text string, words []Word, straighten bool) (low string, odd map[int]string) {
	first := -1
	for i, w := range words {
		for k := w.Start; k < w.End; k++ {
			if c := text[k]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
				first = i
				break
			}
		}
		if first >= 0 {
			break
		}
	}
	if first < 0 {
		return text, nil
	}
	buf := []byte(text)
	for i, w := range words[first:] {
		i += first
		ascii := true // every ASCII capital lowered, in an odd word too
		for k := w.Start; k < w.End; k++ {
			if c := buf[k]; c >= utf8.RuneSelf {
				ascii = false
			} else if 'A' <= c && c <= 'Z' {
				buf[k] = c + 'a' - 'A'
			}
		}
		if ascii {
			continue
		}
		wt := text[w.Start:w.End]
		if straighten {
			wt = normalizeQuotes(wt)
		}
		l := strings.ToLower(wt)
		if len(l) == int(w.End-w.Start) {
			copy(buf[w.Start:w.End], l)
			continue
		}
		if odd == nil {
			odd = map[int]string{}
		}
		odd[i] = l
	}
	// buf is not written again: the string is made of it without a second
	// copy, as strings.Builder does
	return unsafe.String(unsafe.SliceData(buf), len(buf)), odd
}

// lowerWords returns strings.ToLower of each word, of the word with its
// curly apostrophes straightened when straighten. An ASCII word is the word
// itself when it has no capital, else a slice of one buffer holding the
// text's capitalised ASCII words lowered, one after another; only a word
// with other runes is lowered on its own.
func lowerWords(text string, words []Word, straighten bool) []string {
	lower := make([]string, len(words))
	n := 0 // bytes of the ASCII words with capitals, left "" (no word is empty) until lowered
	for i, w := range words {
		wt := text[w.Start:w.End]
		ascii, upper := true, false
		for k := 0; k < len(wt); k++ {
			c := wt[k]
			ascii = ascii && c < utf8.RuneSelf
			upper = upper || 'A' <= c && c <= 'Z'
		}
		switch {
		case ascii && !upper:
			lower[i] = wt
		case ascii:
			n += len(wt)
		case straighten:
			lower[i] = strings.ToLower(normalizeQuotes(wt))
		default:
			lower[i] = strings.ToLower(wt)
		}
	}
	if n == 0 {
		return lower
	}
	// the ASCII words with capitals lowered into one buffer of their own
	// length, not a lowered copy of the whole text
	var b strings.Builder
	b.Grow(n)
	for i, w := range words {
		if lower[i] != "" {
			continue
		}
		for k := w.Start; k < w.End; k++ {
			c := text[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
	}
	lt, at := b.String(), 0
	for i, w := range words {
		if lower[i] == "" {
			n := int(w.End - w.Start)
			lower[i], at = lt[at:at+n], at+n
		}
	}
	return lower
}

func normalizeQuotes(s string) string {
	return strings.ReplaceAll(s, "’", "'")
}
