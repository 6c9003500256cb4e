// Package worddiff compares two texts word by word and renders the result
// the way `git diff --word-diff=plain` does: deleted words in [-...-],
// inserted words in {+...+}, everything else as written. The text reporter
// colours the markers on a terminal; JSON carries them as they are.
//
// Texts are split into tokens (words, with apostrophes and hyphens between
// letters kept inside them, and single punctuation characters); whitespace
// is kept with the token that follows it, so that the rendered diff keeps
// the spacing of the texts. The tokens are compared with go-diff, each
// distinct token standing for one rune.
package worddiff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says what happened to a run of tokens.
type Op int8

// Operations of a chunk.
const (
	Equal Op = iota
	Delete
	Insert
)

// Token is a word or a punctuation character, with the whitespace written
// before it.
type Token struct {
	Space string // whitespace before the token
	Text  string
}

// IsWord reports whether the token is a word rather than punctuation.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return isWordRune(r)
}

// Chunk is a run of tokens with one operation. Equal chunks hold the tokens
// of the new text.
type Chunk struct {
	Op     Op
	Tokens []Token
}

// Diff is the word diff of two texts.
type Diff struct {
	Chunks []Chunk
}

// Options change how tokens compare.
type Options struct {
	// FoldCase compares words without regard to case; equal chunks show
	// the new text's spelling.
	FoldCase bool
}

// Compare returns the word diff from old to new.
func Compare(old, new string) *Diff { return CompareWith(old, new, Options{}) }

// CompareWith is Compare with options.
func CompareWith(old, new string, o Options) *Diff {
	a, b := Tokenize(old), Tokenize(new)
	key := func(t Token) string { return t.Text }
	if o.FoldCase {
		key = func(t Token) string { return strings.ToLower(t.Text) }
	}
	ra, rb := encode(a, b, key)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ds := dmp.DiffMainRunes(ra, rb, false)
	d := &Diff{}
	i, j := 0, 0
	for _, c := range ds {
		n := utf8.RuneCountInString(c.Text)
		var ch Chunk
		switch c.Type {
		case diffmatchpatch.DiffEqual:
			ch = Chunk{Op: Equal, Tokens: b[j : j+n]}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			ch = Chunk{Op: Delete, Tokens: a[i : i+n]}
			i += n
		case diffmatchpatch.DiffInsert:
			ch = Chunk{Op: Insert, Tokens: b[j : j+n]}
			j += n
		}
		if n > 0 {
			d.Chunks = append(d.Chunks, ch)
		}
	}
	d.normalize()
	return d
}

// encode maps every distinct token key of a and b to a rune of the private
// use planes, so that go-diff compares tokens rather than characters.
func encode(a, b []Token, key func(Token) string) ([]rune, []rune) {
	ids := map[string]rune{}
	next := 0
	enc := func(ts []Token) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			k := key(t)
			r, ok := ids[k]
			if !ok {
				r = runeFor(next)
				next++
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	return enc(a), enc(b)
}

func runeFor(i int) rune {
	const bmp = 0xF8FF - 0xE000 + 1
	if i < bmp {
		return rune(0xE000 + i)
	}
	return rune(0xF0000 + i - bmp) // supplementary private use area A, then B
}

// normalize makes the chunks read well: punctuation alone between two
// changes joins them ("[-for the Manager-], [-Infrastructure-]" is one
// deletion), and within a run of changes the deletions come first, so that
// a replacement always renders as [-old-]{+new+}.
func (d *Diff) normalize() {
	cs := d.Chunks
	for i := 1; i+1 < len(cs); i++ {
		if cs[i].Op == Equal && cs[i-1].Op != Equal && cs[i+1].Op != Equal && !hasWord(cs[i].Tokens) {
			cs[i].Op = Delete
			cs = append(cs[:i+1], append([]Chunk{{Op: Insert, Tokens: cs[i].Tokens}}, cs[i+1:]...)...)
			i++
		}
	}
	var out []Chunk
	for i := 0; i < len(cs); {
		if cs[i].Op == Equal {
			out = append(out, cs[i])
			i++
			continue
		}
		var del, ins []Token
		for ; i < len(cs) && cs[i].Op != Equal; i++ {
			if cs[i].Op == Delete {
				del = append(del, cs[i].Tokens...)
			} else {
				ins = append(ins, cs[i].Tokens...)
			}
		}
		if len(del) > 0 {
			out = append(out, Chunk{Op: Delete, Tokens: del})
		}
		if len(ins) > 0 {
			out = append(out, Chunk{Op: Insert, Tokens: ins})
		}
	}
	d.Chunks = out
}

func hasWord(toks []Token) bool {
	for _, t := range toks {
		if t.IsWord() {
			return true
		}
	}
	return false
}

// Tokenize splits text into tokens.
func Tokenize(text string) []Token {
	var out []Token
	space := 0
	for i := 0; i < len(text); {
		start, end, _ := nextToken(text, i)
		if start == len(text) {
			break
		}
		out = append(out, Token{Space: text[space:start], Text: text[start:end]})
		space, i = end, end
	}
	return out
}

// AppendWords appends the tokens of text that are words (Tokenize's tokens
// whose IsWord holds) to dst, without making the other tokens.
func AppendWords(dst []string, text string) []string {
	for i := 0; i < len(text); {
		start, end, word := nextToken(text, i)
		if start == len(text) {
			break
		}
		if word {
			dst = append(dst, text[start:end])
		}
		i = end
	}
	return dst
}

// WordCount returns how many of the tokens of text are words, without
// making them.
func WordCount(text string) int {
	n := 0
	for i := 0; i < len(text); {
		start, end, word := nextToken(text, i)
		if start == len(text) {
			break
		}
		if word {
			n++
		}
		i = end
	}
	return n
}

// nextToken returns the token at or after i (whitespace skipped): a run of
// word runes, joined by apostrophes and hyphens between them, or a single
// other rune. start is len(text) when only whitespace is left.
func nextToken(text string, i int) (start, end int, word bool) {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return len(text), len(text), false
	}
	start = i
	r, n := utf8.DecodeRuneInString(text[i:])
	if !isWordRune(r) {
		return start, i + n, false
	}
	i += n
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if isJoiner(r) && i+n < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	return start, i, true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r joins two words into one token: an apostrophe
// ("we're") or a hyphen ("e-mail").
func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‑'
}

// Same reports whether the texts have the same tokens.
func (d *Diff) Same() bool {
	for _, c := range d.Chunks {
		if c.Op != Equal {
			return false
		}
	}
	return true
}

// Counts returns the number of words that are kept, deleted and inserted
// (punctuation is not counted).
func (d *Diff) Counts() (kept, deleted, inserted int) {
	for _, c := range d.Chunks {
		n := 0
		for _, t := range c.Tokens {
			if t.IsWord() {
				n++
			}
		}
		switch c.Op {
		case Equal:
			kept += n
		case Delete:
			deleted += n
		case Insert:
			inserted += n
		}
	}
	return
}

// Similarity is the share of words the texts have in common, in order:
// 2*kept / (words of old + words of new). Two empty texts are the same (1).
func (d *Diff) Similarity() float64 {
	kept, del, ins := d.Counts()
	total := 2*kept + del + ins
	if total == 0 {
		return 1
	}
	return float64(2*kept) / float64(total)
}

// Changed returns the deleted and the inserted words.
func (d *Diff) Changed() (deleted, inserted []string) {
	for _, c := range d.Chunks {
		for _, t := range c.Tokens {
			if !t.IsWord() {
				continue
			}
			switch c.Op {
			case Delete:
				deleted = append(deleted, t.Text)
			case Insert:
				inserted = append(inserted, t.Text)
			}
		}
	}
	return
}

// String renders the whole diff as [-old-]{+new+} text.
func (d *Diff) String() string { return d.render(-1) }

// Context renders the diff keeping at most n tokens of unchanged text on
// each side of a change; longer unchanged runs are cut with "…". n < 0
// keeps everything.
func (d *Diff) Context(n int) string { return d.render(n) }

func (d *Diff) render(ctx int) string {
	var b strings.Builder
	for i, c := range d.Chunks {
		switch c.Op {
		case Equal:
			toks := c.Tokens
			first, last := i == 0, i == len(d.Chunks)-1
			if ctx >= 0 && !(first && last) {
				head, tail := headWords(toks, ctx), tailWords(toks, ctx)
				switch {
				case first && tail > 0:
					b.WriteString("…")
					writeTokens(&b, toks[tail:], true)
					continue
				case last && head < len(toks):
					writeTokens(&b, toks[:head], true)
					b.WriteString(" …")
					continue
				case !first && !last && head < tail:
					writeTokens(&b, toks[:head], true)
					b.WriteString(" …")
					writeTokens(&b, toks[tail:], true)
					continue
				}
			}
			writeTokens(&b, toks, !first)
		case Delete, Insert:
			open, close := "[-", "-]"
			if c.Op == Insert {
				open, close = "{+", "+}"
			}
			// a replacement shows the space once, before [-
			if i > 0 && !(c.Op == Insert && d.Chunks[i-1].Op == Delete) {
				b.WriteString(spaceOf(c.Tokens[0].Space))
			}
			b.WriteString(open)
			writeTokens(&b, c.Tokens, false)
			b.WriteString(close)
		}
	}
	return b.String()
}

// headWords returns how many tokens hold the first n words, with the
// punctuation written right after the last of them.
func headWords(toks []Token, n int) int {
	words := 0
	for k, t := range toks {
		if t.IsWord() {
			if words == n {
				return k
			}
			words++
		} else if words == n && t.Space != "" {
			return k
		}
	}
	return len(toks)
}

// tailWords returns where the last n words start (with punctuation written
// right before the first of them).
func tailWords(toks []Token, n int) int {
	words := 0
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].IsWord() {
			if words == n {
				cut := k + 1
				for cut < len(toks) && !toks[cut].IsWord() && toks[cut].Space == "" {
					cut++ // punctuation that ends the word before the cut
				}
				return cut
			}
			words++
		}
	}
	return 0
}

// writeTokens writes tokens with their spacing; the first token's leading
// space only when lead is set.
func writeTokens(b *strings.Builder, toks []Token, lead bool) {
	for k, t := range toks {
		if k > 0 || lead {
			b.WriteString(spaceOf(t.Space))
		}
		b.WriteString(t.Text)
	}
}

// spaceOf folds whitespace to what a one-line rendering shows: a single
// space for any run that holds a line break or more than one blank.
func spaceOf(s string) string {
	if s == "" {
		return ""
	}
	return " "
}
