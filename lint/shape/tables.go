package shape

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// tableLadders reads tables of levels by dimensions: levels down the first
// column (dimensions across the header), or levels across the header
// (dimensions down the first column).
func tableLadders(f *model.Family, o Options) []*Ladder {
	var out []*Ladder
	htmlT := htmlTables(f)
	tables := append(append([]*model.Table(nil), f.Tables...), htmlT...)
	isHTML := map[*model.Table]bool{}
	for _, t := range htmlT {
		isHTML[t] = true
	}
	for _, t := range tables {
		if len(t.Rows) < 2 || len(t.Rows[0]) < 2 {
			continue
		}
		l := rowLevels(f, o, t)
		if l == nil {
			l = columnLevels(f, o, t)
		}
		if l == nil {
			continue
		}
		if isHTML[t] {
			l.HTML = true
			for _, v := range l.Levels {
				for _, d := range v.Dims {
					d.Row = nil // no pipes to find an empty cell by
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// levelAxisRE is a header cell that names the levels' axis: "Level",
// "Level/Skill", "Grade", "Band".
var levelAxisRE = regexp.MustCompile(`(?i)^\s*(level|grade|band|tier)s?\b`)

// cellLevel reads a cell as a level, or nil. axis is the header's word for
// levels ("Level") when the header names the axis: a bare number under it
// is a level code.
func cellLevel(f *model.Family, o Options, c *model.Block, axis string) *Level {
	if c == nil {
		return nil
	}
	title := strings.TrimSpace(c.Text)
	if title == "" {
		return nil
	}
	l := &Level{Title: title, File: f, TitleSpan: c.Span}
	l.Code = ParseCode(title)
	if l.Code != nil && l.Code.Format == "n" {
		if axis != "" && l.Code.N == len(title) {
			word := strings.ToUpper(axis[:1]) + strings.ToLower(axis[1:])
			l.Code.Format = word + " n"
			l.Title = word + " " + title
		} else {
			l.Code = nil
		}
	}
	l.place(o, title)
	if l.Code != nil {
		l.CodeSpan = rawSpan(f, c.Span, l.Code.Raw)
	}
	if l.Code == nil && !l.Placed {
		return nil
	}
	return l
}

func rowLevels(f *model.Family, o Options, t *model.Table) *Ladder {
	axis := ""
	if m := levelAxisRE.FindStringSubmatch(t.Rows[0][0].Text); m != nil {
		axis = m[1]
	}
	var lv []*Level
	var prev *model.Block
	var prevLevel *Level
	for _, row := range t.Rows[1:] {
		if len(row) == 0 {
			continue
		}
		if row[0] == prev {
			// a level cell that spans rows: the rows are one level's
			l := prevLevel
			if l == nil {
				continue
			}
			for j := 1; j < len(row) && j < len(t.Rows[0]); j++ {
				d := cellDim(t.Rows[0][j], row[j])
				d.Col, d.Row = j, row[0]
				l.Dims = append(l.Dims, d)
			}
			continue
		}
		prev = row[0]
		l := cellLevel(f, o, row[0], axis)
		prevLevel = l
		if l == nil {
			continue
		}
		if len(row) > 1 {
			besideCode(f, l, t.Rows[0][1], row[1])
		}
		for j := 1; j < len(row) && j < len(t.Rows[0]); j++ {
			d := cellDim(t.Rows[0][j], row[j])
			d.Col, d.Row = j, row[0]
			l.Dims = append(l.Dims, d)
		}
		lv = append(lv, l)
	}
	covered := 0
	for _, row := range t.Rows[1:] {
		for _, l := range lv {
			if len(row) > 0 && row[0].Span == l.TitleSpan {
				covered++
				break
			}
		}
	}
	// two levels make a ladder; one does when the header names the axis
	if len(lv) == 0 || len(lv) < 2 && axis == "" || 2*covered < len(t.Rows)-1 {
		return nil
	}
	return &Ladder{From: "table", Levels: lv, Table: t}
}

// codeHeaderRE is a header over levels' codes: "Level", "Artsy IC Level",
// "Grade", "Code".
var codeHeaderRE = regexp.MustCompile(`(?i)\b(?:level|grade|band|tier|code)s?\b`)

// besideCode gives a level titled by words ("Engineer 1", "Senior
// Engineer") the code written in the cell beside it, under a header that
// names codes ("| Engineer 1 | IC2 |" under "| Title | IC Level |"): a
// cell that holds a prefixed code and nothing else.
func besideCode(f *model.Family, l *Level, header, cell *model.Block) {
	if l.Code != nil && !l.Code.NumbersTitle() || !codeHeaderRE.MatchString(header.Text) {
		return
	}
	text := strings.TrimSpace(cell.Text)
	c := ParseCode(text)
	if c == nil || c.Raw != text || c.Format == "n" || c.NumbersTitle() {
		return
	}
	l.Code = c
	l.CodeSpan = rawSpan(f, cell.Span, c.Raw)
}

func columnLevels(f *model.Family, o Options, t *model.Table) *Ladder {
	head := t.Rows[0]
	var lv []*Level
	var cols []int
	for j := 1; j < len(head); j++ {
		if l := cellLevel(f, o, head[j], ""); l != nil {
			lv = append(lv, l)
			cols = append(cols, j)
		}
	}
	if len(lv) < 2 || 2*len(lv) < len(head)-1 {
		return nil
	}
	for _, row := range t.Rows[1:] {
		if len(row) == 0 {
			continue
		}
		for k, j := range cols {
			if j < len(row) {
				d := cellDim(row[0], row[j])
				d.Col, d.Row = j, row[0]
				lv[k].Dims = append(lv[k].Dims, d)
			}
		}
	}
	return &Ladder{From: "table", Levels: lv, Table: t}
}

func cellDim(header, cell *model.Block) *Dimension {
	name := strings.TrimSpace(header.Text)
	return &Dimension{Name: name, Key: normKey(name), Span: cell.Span, Body: cell.Span, Text: strings.Join(strings.Fields(cell.Text), " "), Block: cell}
}

// rawSpan finds text written as is within a span of the source, or
// returns the span.
func rawSpan(f *model.Family, s model.Span, text string) model.Span {
	if s.End > len(f.Source.Text) || s.Start > s.End {
		return s
	}
	if k := strings.Index(string(f.Source.Text[s.Start:s.End]), text); k >= 0 {
		return model.Span{Start: s.Start + k, End: s.Start + k + len(text)}
	}
	return s
}
