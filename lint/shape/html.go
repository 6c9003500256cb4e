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
	htmlCellRE  = regexp.MustCompile(`(?is)<t([hd])\b[^>]*>(.*?)</t[hd]\s*>`)
	htmlTagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
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
		for _, r := range htmlRowRE.FindAllSubmatchIndex(body, -1) {
			row := body[r[2]:r[3]]
			var cells []*model.Block
			for _, c := range htmlCellRE.FindAllSubmatchIndex(row, -1) {
				start := m[2] + r[2] + c[4]
				end := m[2] + r[2] + c[5]
				inner := string(src[start:end])
				text := strings.Join(strings.Fields(html.UnescapeString(htmlTagRE.ReplaceAllString(inner, " "))), " ")
				// the span of the text itself, past leading space and tags
				lead := len(inner) - len(strings.TrimLeft(inner, " \t\r\n"))
				trail := len(inner) - len(strings.TrimRight(inner, " \t\r\n"))
				span := model.Span{Start: start + lead, End: end - trail}
				if span.End < span.Start {
					span.End = span.Start
				}
				cells = append(cells, &model.Block{Kind: model.BlockCell, Text: text, Span: span})
			}
			if len(cells) > 0 {
				t.Rows = append(t.Rows, cells)
			}
		}
		if len(t.Rows) >= 2 {
			out = append(out, t)
		}
	}
	return out
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
