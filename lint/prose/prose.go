// Package prose splits the prose of model blocks into words and phrases for
// the wording and policy rules, keeping every match tied to its source span.
// Block text already leaves out code, link targets, HTML and front matter.
package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Word is a word of a block's text: [Start, End) are byte offsets in the
// block's Text.
type Word struct {
	Text       string
	Start, End int
}

// Words splits text into words: runs of letters and digits, with an
// apostrophe (' or ’) between letters kept inside the word ("we're", "OKR's").
// With hyphens, a hyphen between letters or digits is kept too ("e-mail").
func Words(text string, hyphens bool) []Word {
	var out []Word
	start := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '’' || (hyphens && (r == '-' || r == '‑'))) {
			if next, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < len(text) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				inWord = true
			}
		}
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			out = append(out, Word{Text: text[start:i], Start: start, End: i})
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, Word{Text: text[start:], Start: start, End: len(text)})
	}
	return out
}

// Phrase is a sequence of lower-case words to look for.
type Phrase []string

// ParsePhrase splits a phrase as written in a word list ("we're hiring").
// A '*' right after a word is kept on it, so that "lead*" is a stem.
func ParsePhrase(s string) Phrase {
	var p Phrase
	low := strings.ToLower(normalizeQuotes(s))
	for _, w := range Words(low, true) {
		t := w.Text
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
	words := Words(b.Text, true)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(normalizeQuotes(w.Text))
	}
	var out []Match
	for i := range words {
		for pi, p := range phrases {
			if len(p) == 0 || i+len(p) > len(words) {
				continue
			}
			ok := true
			for j, pw := range p {
				if !wordMatch(pw, lower[i+j]) {
					ok = false
					break
				}
				if j > 0 && strings.ContainsRune(b.Text[words[i+j-1].End:words[i+j].Start], model.CodeMark) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, Match{Block: b, Start: words[i].Start, End: words[i+len(p)-1].End, Phrase: pi})
			}
		}
	}
	return out
}

func wordMatch(pattern, word string) bool {
	if strings.HasSuffix(pattern, "*") {
		return strings.HasPrefix(word, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == word
}

func normalizeQuotes(s string) string {
	return strings.ReplaceAll(s, "’", "'")
}
