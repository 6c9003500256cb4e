package lsp

import (
	"unicode/utf16"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Position encodings (LSP 3.17 positionEncoding). UTF-16 is the default
// every client understands; a client that offers UTF-8 or UTF-32 gets it.
const (
	encUTF16 = "utf-16"
	encUTF8  = "utf-8"
	encUTF32 = "utf-32"
)

// Position is an LSP position: a 0-based line and a column counted in the
// negotiated encoding's units.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is an LSP range.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

func (p Position) before(q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// units counts the encoding's units of a piece of text.
func units(enc string, b []byte) int {
	switch enc {
	case encUTF8:
		return len(b)
	case encUTF32:
		return utf8.RuneCount(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sourcePosition converts a byte offset in a page's normalized text to an
// LSP position in the document the client holds. Normalization only drops
// a byte-order mark and the CR of line endings, so lines agree; a BOM the
// client kept in its text is one character at the start of the first line.
func sourcePosition(src *model.Source, enc string, off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(src.Text) {
		off = len(src.Text)
	}
	// an offset inside a character counts as that character's start
	for off > 0 && off < len(src.Text) && !utf8.RuneStart(src.Text[off]) {
		off--
	}
	line := src.Position(off).Line
	start := src.LineStart(line)
	col := units(enc, src.Text[start:off])
	if src.BOM && line == 1 {
		col += units(enc, []byte("\ufeff"))
	}
	return Position{Line: line - 1, Character: col}
}

// sourceRange converts a byte span of a normalized text.
func sourceRange(src *model.Source, enc string, sp model.Span) Range {
	return Range{Start: sourcePosition(src, enc, sp.Start), End: sourcePosition(src, enc, sp.End)}
}

// lineStarts returns the byte offset of the start of each line of a
// document as the client holds it: LSP ends lines at LF, CRLF and CR.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetOf converts an LSP position to a byte offset in text, clamping a
// position past a line's end to the end of that line and a line past the
// end to the end of the text, as the protocol asks.
func offsetOf(text []byte, starts []int, enc string, p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(starts) {
		return len(text)
	}
	off := starts[p.Line]
	end := len(text)
	if p.Line+1 < len(starts) {
		end = starts[p.Line+1]
	}
	// the line's content ends before its line break
	for end > off && (text[end-1] == '\n' || text[end-1] == '\r') {
		end--
	}
	n := 0
	for off < end && n < p.Character {
		r, size := utf8.DecodeRune(text[off:end])
		var w int
		switch enc {
		case encUTF8:
			w = size
		case encUTF32:
			w = 1
		default:
			w = len(utf16.Encode([]rune{r}))
		}
		if n+w > p.Character {
			break // inside a character: its start
		}
		n += w
		off += size
	}
	return off
}
