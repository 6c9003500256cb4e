package model

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in a page's normalized source.
type Span struct {
	Start int
	End   int
}

// Valid reports whether the span points into a source.
func (s Span) Valid() bool { return s.Start >= 0 && s.End >= s.Start }

// Contains reports whether offset off lies within the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Within reports whether s lies inside o (o itself included).
func (s Span) Within(o Span) bool { return s.Start >= o.Start && s.End <= o.End }

// Position is a 1-based line and a 1-based column counted in characters
// (Unicode code points), as editors show them.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Source is the text of one page after normalization: a leading byte-order
// mark is dropped and every line ending (CRLF, lone CR) becomes LF, so that a
// page gives the same positions whatever its line endings. The flags record
// what was normalized so that a fix can write the page back in its own form.
type Source struct {
	Text []byte // normalized text
	BOM  bool   // the file started with a UTF-8 byte-order mark
	CRLF bool   // the file used CRLF line endings
	// Reversible reports whether Denormalize(Text) gives back the file byte
	// for byte (false for mixed line endings): only then may a fix write it.
	Reversible bool
	lines      []int // byte offset of the start of each line
	// marks count the characters before points every runeMarkGap bytes or
	// so, so that Position takes constant time however long the line (one
	// line of many findings): the characters before a point are those
	// before the last mark and those from it, at most runeMarkGap bytes
	// and a character.
	marks []runeMark
}

// runeMark is a character boundary: its byte offset and the characters
// before it.
type runeMark struct{ off, runes int }

const runeMarkGap = 1024

// NewSource normalizes raw file content.
func NewSource(raw []byte) *Source {
	s := &Source{Reversible: true}
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		s.BOM = true
		raw = raw[3:]
	}
	if bytes.IndexByte(raw, '\r') >= 0 {
		s.CRLF = bytes.Contains(raw, []byte("\r\n"))
		crlf := bytes.Count(raw, []byte("\r\n"))
		s.Reversible = crlf == bytes.Count(raw, []byte("\n")) && crlf == bytes.Count(raw, []byte("\r"))
		out := make([]byte, 0, len(raw))
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if c == '\r' {
				if i+1 < len(raw) && raw[i+1] == '\n' {
					continue
				}
				c = '\n'
			}
			out = append(out, c)
		}
		raw = out
	}
	s.Text = raw
	s.lines = make([]int, 1, bytes.Count(raw, []byte{'\n'})+1) // a table of its size: sources are kept all run
	runes, next := 0, runeMarkGap
	for i := 0; i < len(raw); runes++ {
		if i >= next {
			s.marks = append(s.marks, runeMark{i, runes})
			next = i + runeMarkGap
		}
		c, n := raw[i], 1
		if c >= utf8.RuneSelf {
			_, n = utf8.DecodeRune(raw[i:])
		}
		i += n
		if c == '\n' {
			s.lines = append(s.lines, i)
		}
	}
	return s
}

// Denormalize turns normalized text back into the file's own form (BOM and
// line endings), for writing a fixed file.
func (s *Source) Denormalize(text []byte) []byte {
	if s.CRLF {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	}
	if s.BOM {
		text = append([]byte("\xef\xbb\xbf"), text...)
	}
	return text
}

// Lines returns the number of lines.
func (s *Source) Lines() int { return len(s.lines) }

// LineStart returns the byte offset where 1-based line n starts.
func (s *Source) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(s.lines) {
		return len(s.Text)
	}
	return s.lines[n-1]
}

// LineText returns the text of 1-based line n without its line ending.
func (s *Source) LineText(n int) string {
	if n < 1 || n > len(s.lines) {
		return ""
	}
	start := s.lines[n-1]
	end := len(s.Text)
	if n < len(s.lines) {
		end = s.lines[n] - 1
	}
	return string(s.Text[start:end])
}

// Position converts a byte offset to a line and a character column. Offsets
// outside the text are clamped; an offset inside a multi-byte character
// counts as that character.
func (s *Source) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(s.Text) {
		off = len(s.Text)
	}
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	start := s.lines[i]
	seg := s.Text[start:off]
	var col int
	// the characters from the line's start to the last mark before off,
	// then from the mark
	k := sort.Search(len(s.marks), func(k int) bool { return s.marks[k].off > off }) - 1
	if len(seg) > runeMarkGap && k >= 0 && s.marks[k].off >= start {
		col = s.marks[k].runes - s.runesBefore(start) + utf8.RuneCount(s.Text[s.marks[k].off:off])
	} else {
		col = utf8.RuneCount(seg)
	}
	// A partial trailing character still counts as that character.
	if len(seg) > 0 && !utf8.FullRune(seg[lastRuneStart(seg):]) {
		col--
	}
	return Position{Line: i + 1, Column: col + 1}
}

// runesBefore counts the characters before byte offset off, a character
// boundary: from the last mark at or before it (at most runeMarkGap bytes
// and a character away), or from the start.
func (s *Source) runesBefore(off int) int {
	k := sort.Search(len(s.marks), func(k int) bool { return s.marks[k].off > off }) - 1
	if k < 0 {
		return utf8.RuneCount(s.Text[:off])
	}
	return s.marks[k].runes + utf8.RuneCount(s.Text[s.marks[k].off:off])
}

// Offset converts a line and character column back to a byte offset.
func (s *Source) Offset(p Position) int {
	start := s.LineStart(p.Line)
	off := start
	for c := 1; c < p.Column && off < len(s.Text) && s.Text[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(s.Text[off:])
		off += n
	}
	return off
}

// lastRuneStart returns where the last character of b starts, looking back
// no further than one character can reach.
func lastRuneStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && i > len(b)-utf8.UTFMax && !utf8.RuneStart(b[i]) {
		i--
	}
	return i
}
