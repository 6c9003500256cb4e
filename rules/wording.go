package rules

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/golangci/misspell"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// Helpers shared by the wording rules (role-name-mismatch, bullet-drift,
// term-consistency, misspelling, repeated-word, ...).

// wordingText returns a block's text with what the wording rules must not
// judge blanked out, offsets unchanged: template placeholders ("{add ...}",
// "{:toc}"), ERB tags, and URLs, e-mail addresses, host names and paths
// written as plain text. Code, link targets, HTML and front matter are not
// part of a block's text to begin with.
func wordingText(b *model.Block) string {
	m := prose.Memo(b)
	t, ok := m.WordingText(b)
	if !ok {
		t = notWords(prose.BlankRanges(b.Text, prose.Placeholders(b.Text)))
		m.SetWordingText(b, t)
	}
	return t
}

// What the wording rules derive from a block (its wording text, its words
// with hyphens and without) lives in lint/prose's per-block memo
// (prose.BlockMemo), beside the block's own words, in one allocation.

// textWords are the words of a block's wording text and their lower-case
// forms (strings.ToLower of each word as written).
type textWords = prose.TextWords

// wordingWords returns prose.Words(wordingText(b), hyphens) with the words in
// lower case, computed once per block for all the wording rules. The words
// are the block's own (prose.BlockWords) when nothing was blanked, and the
// words without hyphens are those with hyphens split at them. Read only.
func wordingWords(b *model.Block, hyphens bool) *textWords {
	m := prose.Memo(b)
	if !hyphens {
		if m.Nohy() == nil {
			m.SetNohy(splitHyphens(wordingText(b), wordingWords(b, true)))
		}
		return m.Nohy()
	}
	if m.Hy() == nil {
		m.SetHy(hyphenWords(b))
	}
	return m.Hy()
}

// hyphenWords computes wordingWords(b, true): the block's own words (no new
// allocation) when its wording text is its text and has no curly apostrophe.
func hyphenWords(b *model.Block) *textWords {
	text := wordingText(b)
	if text == b.Text {
		// the own words' lower case, with curly apostrophes as written
		return prose.OwnWords(b).Unstraightened(text)
	}
	return prose.NewTextWords(text, prose.Words(text, true))
}

// word is a prose.Word with its text (prose.Word keeps only its offsets),
// for the rules that read a word's text several times: made on the stack
// where a rule reads it, never kept per block.
type word struct {
	Text       string
	Start, End int
}

// wordIn returns w with its text, from text (the text w was split from, or
// the block's Text: the wording text has the same bytes at every word).
func wordIn(text string, w prose.Word) word {
	return word{Text: text[w.Start:w.End], Start: int(w.Start), End: int(w.End)}
}

// wordsIn is prose.Words(text, hyphens) with each word's text, for a text
// split once and read (not a block's memoized words).
func wordsIn(text string, hyphens bool) []word {
	out := make([]word, 0, strings.Count(text, " ")+1)
	for i := 0; ; {
		start, end := prose.NextWord(text, i, hyphens)
		if start < 0 {
			return out
		}
		out = append(out, word{Text: text[start:end], Start: start, End: end})
		i = end
	}
}

// offsets returns w as a prose.Word.
func (w word) offsets() prose.Word { return prose.Word{Start: int32(w.Start), End: int32(w.End)} }

// splitHyphens returns the words of tw, words of text, split at their
// hyphens: every hyphen inside a word with hyphens joins two words without.
func splitHyphens(text string, tw *textWords) *textWords {
	n := 0
	for _, pw := range tw.Words {
		n++
		if w := pw.In(text); hasHyphen(w) {
			n += strings.Count(w, "-") + strings.Count(w, "‑")
		}
	}
	if n == len(tw.Words) {
		return tw
	}
	words := make([]prose.Word, 0, n)
	for _, pw := range tw.Words {
		w := wordIn(text, pw)
		if !hasHyphen(w.Text) {
			words = append(words, pw)
			continue
		}
		from := 0
		for j := 0; j <= len(w.Text); {
			size := 0
			switch {
			case j == len(w.Text):
			case w.Text[j] == '-':
				size = 1
			case strings.HasPrefix(w.Text[j:], "‑"):
				size = len("‑")
			default:
				j++
				continue
			}
			words = append(words, prose.Word{Start: int32(w.Start + from), End: int32(w.Start + j)})
			if size == 0 {
				break
			}
			j += size
			from = j
		}
	}
	// the pieces' lower case is the words' (an ASCII piece's is at its
	// offsets; another is lowered on its own where it differs)
	return tw.Pieces(text, words)
}

// notWords blanks URLs, paths, e-mail addresses and host names as misspell's
// RemoveNotWords does, running each of its regular expressions only on text
// that can hold what it looks for: they are most of the cost otherwise.
func notWords(t string) string {
	if strings.ContainsRune(t, '\\') {
		return misspell.RemoveNotWords(t)
	}
	if strings.Contains(t, "://") {
		t = misspell.StripURL(t)
	}
	if strings.IndexByte(t, '/') >= 0 {
		t = misspell.RemovePath(t)
	}
	if strings.IndexByte(t, '@') >= 0 {
		t = misspell.RemoveEmail(t)
	}
	if hasDottedWord(t) {
		t = removeHost(t)
	}
	return t
}

// hasDottedWord reports whether a dot sits between two letters or digits,
// as in a host name ("gitlab.com"); a sentence's full stop does not. The
// dots are found by strings.IndexByte, not byte by byte (every block's
// text is asked).
func hasDottedWord(t string) bool {
	for i := strings.IndexByte(t, '.'); i >= 0; {
		if i > 0 && i+1 < len(t) && isAlnum(t[i-1]) && isAlnum(t[i+1]) {
			return true
		}
		j := strings.IndexByte(t[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// removeHost is misspell.RemoveHost(t), its expression
// ([[:alnum:]-]+\.)+[[:alpha:]]{2,63} run from the run of [[:alnum:]-]
// before the text's first dot after one: every match opens with such a run
// and such a dot, and nothing before the run can start one (the expression
// reads nothing before a match). It was tried at every offset of the text.
func removeHost(t string) string {
	cut := -1
	for i := strings.IndexByte(t, '.'); i >= 0; {
		if i > 0 && isHostByte(t[i-1]) {
			cut = i
			break
		}
		j := strings.IndexByte(t[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if cut < 0 {
		return t
	}
	for cut > 0 && isHostByte(t[cut-1]) {
		cut--
	}
	if cut == 0 {
		return misspell.RemoveHost(t)
	}
	return t[:cut] + misspell.RemoveHost(t[cut:])
}

// isHostByte reports whether c is of [[:alnum:]-], a host name's label.
func isHostByte(c byte) bool { return isAlnum(c) || c == '-' }

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// hasHyphen reports whether w holds a hyphen ('-' or U+2011), as
// strings.ContainsAny(w, "-‑") does, faster.
func hasHyphen(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '-' || w[i] == 0xE2 && strings.HasPrefix(w[i:], "‑") {
			return true
		}
	}
	return false
}

// sourceIs reports whether the source at span reads exactly text: a fix may
// then replace it without touching markup.
func sourceIs(f *model.Family, span model.Span, text string) bool {
	src := f.Source.Text
	return span.Start >= 0 && span.End <= len(src) && span.Start <= span.End && string(src[span.Start:span.End]) == text
}

// onlySpace reports whether s is whitespace (and not empty).
func onlySpace(s string) bool {
	return s != "" && strings.TrimSpace(s) == ""
}

// oneLine is strings.Join(strings.Fields(s), " "): s itself when it is
// already so (an ASCII text with single spaces inside, none at the ends).
func oneLine(s string) string {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || c != ' ' && asciiSpace(c):
			return strings.Join(strings.Fields(s), " ")
		case c == ' ':
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// quoted writes a text in double quotes for a message, its whitespace folded.
func quoted(s string) string { return `"` + strings.Join(strings.Fields(s), " ") + `"` }

// byCount returns the keys of counts, most counted first, ties in
// alphabetical order.
func byCount(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// frontMatterProse returns the page's front-matter title (read as a
// heading: title case) and description (a paragraph) as blocks, where
// they are written verbatim on their line: the prose that search results
// and link previews show, checked as the page's text is.
func frontMatterProse(f *model.Family) []*model.Block {
	var out []*model.Block
	if b := f.FrontMatter.TextBlock("title", model.BlockHeading); b != nil {
		out = append(out, b)
	}
	if b := f.FrontMatter.TextBlock("description", model.BlockParagraph); b != nil {
		out = append(out, b)
	}
	return out
}
