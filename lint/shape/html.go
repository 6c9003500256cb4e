package shape

import (
	"html"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var (
	htmlTableRE = regexp.MustCompile(`(?is)<table\b[^>]*>(.*?)</table\s*>`)
	htmlRowRE   = regexp.MustCompile(`(?is)<tr\b[^>]*>(.*?)</tr\s*>`)
	htmlCellRE  = regexp.MustCompile(`(?is)<t([hd])\b([^>]*)>(.*?)</t[hd]\s*>`)
	rowspanRE   = regexp.MustCompile(`(?i)\browspan\s*=\s*["']?(\d+)`)
	colspanRE   = regexp.MustCompile(`(?i)\bcolspan\s*=\s*["']?(\d+)`)
	htmlTagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
	// inline tags join the text around them: <abbr>IC</abbr>1 is "IC1"
	inlineTagRE = regexp.MustCompile(`(?is)</?(?:a|abbr|b|i|em|strong|span|code|small|sub|sup|u|mark)\b[^>]*>`)
)

// maxHTMLTables bounds the HTML tables read from one page.
const maxHTMLTables = 200

// htmlTables reads the HTML <table>s of a page outside fenced code into
// tables of cells, each cell a block with the source span of its content.
func htmlTables(f *model.Family) []*model.Table {
	src := f.Source.Text
	if !strings.Contains(strings.ToLower(string(src)), "<table") {
		return nil
	}
	fences := fencedRanges(src)
	var out []*model.Table
	for _, m := range htmlTableRE.FindAllSubmatchIndex(src, maxHTMLTables) {
		if inRanges(fences, m[0]) {
			continue
		}
		t := &model.Table{Span: model.Span{Start: m[0], End: m[1]}}
		body := src[m[2]:m[3]]
		// cells a rowspan carries into the rows below: column -> cell, rows left
		type carry struct {
			cell *model.Block
			left int
		}
		carried := map[int]*carry{}
		for _, r := range htmlRowRE.FindAllSubmatchIndex(body, -1) {
			row := body[r[2]:r[3]]
			var cells []*model.Block
			place := func(b *model.Block) {
				for {
					c := carried[len(cells)]
					if c == nil || c.left == 0 {
						break
					}
					cells = append(cells, c.cell)
					c.left--
				}
				if b != nil {
					cells = append(cells, b)
				}
			}
			for _, c := range htmlCellRE.FindAllSubmatchIndex(row, -1) {
				attrs := row[c[4]:c[5]]
				start := m[2] + r[2] + c[6]
				end := m[2] + r[2] + c[7]
				inner := string(src[start:end])
				text := strings.Join(strings.Fields(html.UnescapeString(htmlTagRE.ReplaceAllString(inlineTagRE.ReplaceAllString(inner, ""), " "))), " ")
				// the span of the text itself, past leading space and tags
				lead := len(inner) - len(strings.TrimLeft(inner, " \t\r\n"))
				trail := len(inner) - len(strings.TrimRight(inner, " \t\r\n"))
				span := model.Span{Start: start + lead, End: end - trail}
				if span.End < span.Start {
					span.End = span.Start
				}
				b := &model.Block{Kind: model.BlockCell, Text: text, Span: span}
				place(nil)
				for k := 0; k < spanAttr(colspanRE, attrs); k++ {
					if k > 0 {
						place(nil)
					}
					if rs := spanAttr(rowspanRE, attrs); rs > 1 {
						carried[len(cells)] = &carry{cell: b, left: rs - 1}
					}
					cells = append(cells, b)
				}
			}
			place(nil)
			if len(cells) > 0 {
				t.Rows = append(t.Rows, cells)
			}
		}
		// a row of one cell spanning the table is a caption ("SDR Career
		// Levels"): the header is the next row; a caption further down
		// opens another table (a second track) with its own header
		// opens another table (a second track) when a header like the
		// first follows it; otherwise it heads a group of rows
		var part [][]*model.Block
		flush := func() {
			if len(part) >= 2 {
				out = append(out, &model.Table{Span: t.Span, Rows: part})
			}
			part = nil
		}
		for i, row := range t.Rows {
			if oneCell(row) {
				if len(part) > 0 && i+1 < len(t.Rows) && t.Rows[i+1][0].Text == part[0][0].Text {
					flush()
				}
				continue
			}
			part = append(part, row)
		}
		flush()
	}
	return out
}

// oneCell reports whether a row is one cell spanning every column.
func oneCell(row []*model.Block) bool {
	for _, c := range row[1:] {
		if c != row[0] {
			return false
		}
	}
	return len(row) > 1
}

// fencedRanges returns the byte ranges of fenced code blocks.
func fencedRanges(src []byte) [][2]int {
	var out [][2]int
	open, marker := -1, ""
	off := 0
	for _, line := range strings.SplitAfter(string(src), "\n") {
		t := strings.TrimLeft(line, " ")
		switch {
		case open < 0 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			open, marker = off, t[:3]
		case open >= 0 && strings.HasPrefix(t, marker):
			out = append(out, [2]int{open, off + len(line)})
			open = -1
		}
		off += len(line)
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(src)})
	}
	return out
}

func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// spanAttr reads a rowspan or colspan attribute: 1 when absent, at most 50.
func spanAttr(re *regexp.Regexp, attrs []byte) int {
	m := re.FindSubmatch(attrs)
	if m == nil {
		return 1
	}
	n := 0
	for _, c := range m[1] {
		n = n*10 + int(c-'0')
		if n > 50 {
			return 50
		}
	}
	return max(n, 1)
}
