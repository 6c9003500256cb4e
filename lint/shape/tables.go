package shape

import (
	"regexp"
	"sort"
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
	// a staircase of marks makes every column a rung, named by a keyword
	// or not
	if len(lv) < len(head)-1 {
		if slv, scols := staircaseColumns(f, o, t); slv != nil {
			lv, cols = slv, scols
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

// valueLadder returns the first table of a page whose column of levels'
// values defines its ladder (see valueLevels), or nil.
func valueLadder(f *model.Family) *Ladder {
	for _, t := range f.Tables {
		if len(t.Rows) < 2 || len(t.Rows[0]) < 2 {
			continue
		}
		if l := valueLevels(f, t); l != nil {
			return l
		}
	}
	return nil
}

// axisHeaderRE is a header cell that is the levels' axis and nothing more:
// "Grade", "Levels", "Band".
var axisHeaderRE = regexp.MustCompile(`(?i)^\s*(level|grade|band|tier)s?\s*$`)

// noValueRE is a cell that holds no value: dashes, "N/A", nothing.
var noValueRE = regexp.MustCompile(`(?i)^\s*(?:[-–—]+|n/?a)?\s*$`)

// valueLevels reads a table whose rows are items of the levels (skills,
// competencies) tagged with the level each applies to, in a column headed
// by the levels' axis alone ("| Competency | Grade | Description |", the
// grades I to IV down it): the column's values are the ladder's levels,
// lowest rank first. Each value is a code of one format, written alone in
// its cell (read under the axis's word: "Grade I", "Grade 3"); the values
// are two or more and each is repeated, on two rows or more (a column that
// numbers its rows is no axis); the rows without one are at most a third,
// each with no value ("--", "N/A" or empty). A level is titled by the
// axis's word and its value, at the value's first cell, and has no
// dimensions of its own: its rows are items, not parts of the level.
func valueLevels(f *model.Family, t *model.Table) *Ladder {
	head := t.Rows[0]
	body := t.Rows[1:]
	if len(body) < 6 {
		return nil
	}
	col := -1
	for j := 1; j < len(head); j++ {
		if axisHeaderRE.MatchString(head[j].Text) {
			if col >= 0 {
				return nil // two axes
			}
			col = j
		}
	}
	if col < 0 {
		return nil
	}
	axis := strings.ToLower(strings.TrimSpace(head[col].Text))
	axis = strings.ToUpper(axis[:1]) + strings.TrimSuffix(axis[1:], "s")
	type value struct {
		cell  *model.Block
		title string
		code  *Code
		rows  int
	}
	byTitle := map[string]*value{}
	var values []*value
	format := ""
	none := 0
	for _, row := range body {
		if col >= len(row) {
			none++
			continue
		}
		text := strings.TrimSpace(row[col].Text)
		title := axis + " " + text
		c := ParseCode(title)
		if c != nil && (c.At+c.N != len(title) || c.At != 0 && c.At != len(axis)+1 || c.Sub != "") {
			c = nil
		}
		if c == nil {
			if !noValueRE.MatchString(text) {
				return nil
			}
			none++
			continue
		}
		if format == "" {
			format = c.Format
		} else if c.Format != format {
			return nil
		}
		v := byTitle[title]
		if v == nil {
			v = &value{cell: row[col], title: title, code: c}
			byTitle[title] = v
			values = append(values, v)
		}
		v.rows++
	}
	if len(values) < 2 || 3*none > len(body) {
		return nil
	}
	for _, v := range values {
		if v.rows < 2 {
			return nil
		}
	}
	sort.SliceStable(values, func(a, b int) bool { return values[a].code.Rank < values[b].code.Rank })
	var lv []*Level
	for k, v := range values {
		if k > 0 && v.code.Rank == values[k-1].code.Rank {
			return nil // one rank written two ways
		}
		l := &Level{Title: v.title, File: f, TitleSpan: v.cell.Span, Code: v.code}
		l.CodeSpan = rawSpan(f, v.cell.Span, strings.TrimSpace(v.cell.Text))
		lv = append(lv, l)
	}
	return &Ladder{From: "table", Levels: lv, Table: t}
}

// staircaseColumns reads a privileges matrix as a ladder whatever its
// columns' names: three columns or more after the first, every body cell a
// mark ("x", a tick, "yes") or no mark (empty, "-", "no"), and each
// column's marked rows holding the one before's, more in the last than in
// the first ("Triage issues" for every group, "Merge pull requests" for the
// upper two, "Administer repositories" for the top one): the columns are
// rungs, bottom first (or top first when the rows shrink). A matrix whose
// columns are not nested (teams beside each other, each with its own
// rights) is no ladder.
func staircaseColumns(f *model.Family, o Options, t *model.Table) ([]*Level, []int) {
	head := t.Rows[0]
	n := len(head) - 1
	if n < 3 || len(t.Rows) < 3 {
		return nil, nil
	}
	sets := make([][]bool, n)
	for j := range sets {
		sets[j] = make([]bool, len(t.Rows)-1)
	}
	for i, row := range t.Rows[1:] {
		if len(row) != len(head) {
			return nil, nil
		}
		for j := 1; j < len(row); j++ {
			mark, ok := matrixMark(row[j].Text)
			if !ok {
				return nil, nil
			}
			sets[j-1][i] = mark
		}
	}
	count := func(s []bool) int {
		c := 0
		for _, b := range s {
			if b {
				c++
			}
		}
		return c
	}
	within := func(a, b []bool) bool {
		for i := range a {
			if a[i] && !b[i] {
				return false
			}
		}
		return true
	}
	up, down := true, true
	for j := 0; j+1 < n; j++ {
		up = up && within(sets[j], sets[j+1])
		down = down && within(sets[j+1], sets[j])
	}
	for _, s := range sets {
		if count(s) == 0 {
			return nil, nil
		}
	}
	if !up && !down || count(sets[0]) == count(sets[n-1]) {
		return nil, nil
	}
	var lv []*Level
	var cols []int
	for j := 1; j <= n; j++ {
		title := strings.TrimSpace(head[j].Text)
		if title == "" || len(strings.Fields(title)) > 6 {
			return nil, nil
		}
		l := cellLevel(f, o, head[j], "")
		if l == nil {
			l = &Level{Title: title, File: f, TitleSpan: head[j].Span}
		}
		lv = append(lv, l)
		cols = append(cols, j)
	}
	return lv, cols
}

// matrixMark reads a privileges matrix's cell: mark is true for a tick,
// false for none; ok is false for a cell that says more than either.
func matrixMark(text string) (mark, ok bool) {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "x", "\u2713", "\u2714", "\u2714\ufe0f", "\u2705", "yes", "y", "\u2022", "\u25cf", ":white_check_mark:", ":heavy_check_mark:", ":check:":
		return true, true
	case "", "-", "\u2013", "\u2014", "no", "n", "\u2717", "\u2718", "\u274c", ":x:":
		return false, true
	}
	return false, false
}
