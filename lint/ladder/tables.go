package ladder

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Grade tables: the handbook's own statement of which titles each grade
// holds. They are data: read from the page the grade sentences link to, or
// given in the config; nothing here knows a table's name.

// ReadGradeTables reads the grade tables of a page below the heading whose
// ID is fragment (every table up to the next heading of that level or
// above; the whole page when fragment is "" or names no heading). id makes
// a heading's ID from its text, as the site does. A table counts when its
// header has a grade column and at least one column of titles; each table
// is named by the nearest heading above it. Cells split at <br> into
// titles.
func ReadGradeTables(f *model.Family, fragment string, id func(string) string) []lint.GradeTable {
	start, end, level := 0, len(f.Source.Text), 0
	if fragment != "" {
		for i, h := range f.Headings {
			if h.ID != fragment && id(h.Text) != fragment {
				continue
			}
			start, level = h.Span.Start, h.Level
			for _, n := range f.Headings[i+1:] {
				if n.Level <= level {
					end = n.Span.Start
					break
				}
			}
			break
		}
	}
	var out []lint.GradeTable
	var below []string // families the table above sends to the table below
	prev := start
	for _, t := range f.Tables {
		if t.Span.Start < start || t.Span.Start >= end || len(t.Rows) < 2 {
			continue
		}
		gt, ok := readGradeTable(f, t)
		if !ok {
			continue
		}
		// the note above the table: the families it does not grade, and
		// whether the table below grades them
		excl, toBelow := tableNote(string(f.Source.Text[prev:t.Span.Start]))
		prev = t.Span.End
		gt.Excludes = excl
		gt.Families, below = below, nil
		if toBelow {
			below = excl
		}
		gt.Name, gt.Anchor = tableName(f, t.Span.Start, id)
		gt.Source = f.Path
		gt.Line = f.Source.Position(t.Span.Start).Line
		out = append(out, gt)
	}
	return out
}

var (
	// "This table excludes Enterprise Sales, Commercial Sales, Channel
	// Sales, and Sales Development."
	tableExcludesRE = regexp.MustCompile(`(?i)\btable\s+(?:excludes|does\s+not\s+(?:include|cover))\s+([^.\n]+)`)
	// "Grading can be seen in the table below."
	tableBelowRE = regexp.MustCompile(`(?i)\btables?\s+below\b`)
	listSplitRE  = regexp.MustCompile(`\s*(?:,|;|\band\b|\bor\b)\s*`)
)

// tableNote reads a grade table's note: the families it says the table
// does not grade ("This table excludes Enterprise Sales, Commercial Sales,
// Channel Sales, and Sales Development"), and whether it sends them to the
// table below ("Grading can be seen in the table below").
func tableNote(text string) (excludes []string, below bool) {
	text = strings.NewReplacer("*", " ", "_", " ", "`", " ").Replace(text)
	m := tableExcludesRE.FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	for _, p := range listSplitRE.Split(m[1], -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			excludes = append(excludes, p)
		}
	}
	return excludes, len(excludes) > 0 && tableBelowRE.MatchString(text[strings.Index(text, m[0]):])
}

// tableName is the text of the last heading before offset, without a
// trailing colon, and that heading's ID (its {#id}, else as id makes it):
// a link to it names the table.
func tableName(f *model.Family, off int, id func(string) string) (name, anchor string) {
	var last *model.Heading
	for _, h := range f.Headings {
		if h.Span.Start >= off {
			break
		}
		last = h
	}
	if last == nil {
		return "", ""
	}
	anchor = last.ID
	if anchor == "" && id != nil {
		anchor = id(last.Text)
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(last.Text), ":")), anchor
}

// column roles in a grade table's header
const (
	colNone = iota
	colGrade
	colManagement
	colIndividual
)

func headerColumn(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.Contains(s, "grade") || s == "level":
		return colGrade
	case strings.Contains(s, "manag") || strings.Contains(s, "leader"):
		return colManagement
	case strings.Contains(s, "individual") || s == "ic" || strings.Contains(s, "contributor"):
		return colIndividual
	}
	return colNone
}

func readGradeTable(f *model.Family, t *model.Table) (lint.GradeTable, bool) {
	var gt lint.GradeTable
	cols := make([]int, len(t.Rows[0]))
	grade, titles := -1, false
	for i, c := range t.Rows[0] {
		cols[i] = headerColumn(c.Text)
		switch cols[i] {
		case colGrade:
			if grade < 0 {
				grade = i
			}
		case colManagement, colIndividual:
			titles = true
		}
	}
	if grade < 0 || !titles {
		return gt, false
	}
	for _, row := range t.Rows[1:] {
		if grade >= len(row) {
			continue
		}
		g, err := strconv.ParseFloat(strings.TrimSpace(row[grade].Text), 64)
		if err != nil {
			continue
		}
		r := lint.GradeRow{Grade: g}
		for i, c := range row {
			if i >= len(cols) {
				break
			}
			switch cols[i] {
			case colManagement:
				r.Management = append(r.Management, cellTitles(f, c)...)
			case colIndividual:
				r.Individual = append(r.Individual, cellTitles(f, c)...)
			}
		}
		gt.Rows = append(gt.Rows, r)
	}
	return gt, len(gt.Rows) > 0
}

var (
	brRE       = regexp.MustCompile(`(?i)<br\s*/?>`)
	cellLinkRE = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	cellTagRE  = regexp.MustCompile(`<[^>]*>`)
)

// cellTitles splits a cell at its line breaks (<br> in the source: the
// model's text keeps only a space for them) into titles, markup dropped.
func cellTitles(f *model.Family, c *model.Block) []string {
	src := string(f.Source.Text[c.Span.Start:c.Span.End])
	var out []string
	for _, p := range brRE.Split(src, -1) {
		p = cellLinkRE.ReplaceAllString(p, "$1")
		p = cellTagRE.ReplaceAllString(p, " ")
		p = strings.NewReplacer("**", "", "__", "", "`", "", "\\|", "|").Replace(p)
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Table is a grade table ready for lookups: its titles placed on the
// ladder.
type Table struct {
	*lint.GradeTable
	// segments are the individual-contributor titles the ladder cannot
	// place ("Enterprise", "Mid Market", "SMB"), as normalised words, when
	// the table ranks no individual contributor by a bare seniority step:
	// the Sales table grades its individual contributors by segment
	segments [][]string
	segGrade map[string][]float64 // a segment ("mid market") to its grades
	byTitle  map[string][]float64 // a full title ("senior | product manager") to its grades
	byStep   map[stepKey][]float64
	byStem   map[string][]float64 // a function ("product manager") to the grades of its titles
}

type stepKey struct{ track, step, sub int }

// NewTable places a table's titles on the ladder. A title with a function
// ("Senior Product Manager") grades that title; a bare seniority ("Senior",
// "Manager (Sales)") grades every title of its step. Titles the ladder
// cannot place ("Mid Market") are kept out of lookups.
func (l *Ladder) NewTable(t *lint.GradeTable) *Table {
	tb := &Table{GradeTable: t, byTitle: map[string][]float64{}, byStep: map[stepKey][]float64{}, byStem: map[string][]float64{}}
	var unplaced [][]string
	unplacedGrade := map[string][]float64{}
	icSteps := false
	for _, r := range t.Rows {
		for i, title := range append(append([]string(nil), r.Management...), r.Individual...) {
			individual := i >= len(r.Management)
			for _, alt := range strings.Split(title, "/") {
				alt = strings.TrimSpace(StripQualifiers(alt))
				if alt == "" {
					continue
				}
				p, ok := l.Classify(alt)
				if !ok {
					if ws := Words(alt); individual && len(ws) > 0 {
						unplaced = append(unplaced, ws)
						k := strings.Join(ws, " ")
						unplacedGrade[k] = addGrade(unplacedGrade[k], r.Grade)
					}
					continue
				}
				if individual && p.Stem == "" {
					icSteps = true
				}
				if p.Stem != "" {
					key := tableKey(p)
					tb.byTitle[key] = addGrade(tb.byTitle[key], r.Grade)
					stem := singularStem(p.Stem)
					tb.byStem[stem] = addGrade(tb.byStem[stem], r.Grade)
					continue
				}
				if !p.Ambiguous {
					k := stepKey{p.Track, p.Step, p.Sub}
					tb.byStep[k] = addGrade(tb.byStep[k], r.Grade)
				}
			}
		}
	}
	if !icSteps {
		tb.segments, tb.segGrade = unplaced, unplacedGrade
	}
	return tb
}

// Segment returns the segment a title names, as the table writes it
// ("Mid Market" for "Account Executive, Mid-Market"), or "" when it names
// none or the table grades individual contributors by seniority. Two
// levels of different segments are not steps of one ladder.
func (t *Table) Segment(title string) string {
	ws := Words(title)
	for _, seg := range t.segments {
		for i := 0; i+len(seg) <= len(ws); i++ {
			if slices.Equal(ws[i:i+len(seg)], seg) {
				return strings.Join(seg, " ")
			}
		}
	}
	return ""
}

// SegmentHolds reports whether the table grades a segment (as Segment
// returns it) at g: the Sales table's Mid Market row is grade 7, whatever
// the seniority of the title that names it.
func (t *Table) SegmentHolds(seg string, g float64) bool {
	return slices.Contains(t.segGrade[seg], g)
}

func addGrade(gs []float64, g float64) []float64 {
	for _, x := range gs {
		if x == g {
			return gs
		}
	}
	return append(gs, g)
}

// TitleKey normalises a placed title: its keyword and its stem.
func TitleKey(p Place) string { return strings.ToLower(p.Label) + " | " + p.Stem }

// tableKey is TitleKey with the stem's words singular: a table's
// "Alliance Business Development Manager" names the page's "Alliances
// Business Development Manager".
func tableKey(p Place) string { return strings.ToLower(p.Label) + " | " + singularStem(p.Stem) }

// singularStem drops a plural "s" from each word of a stem ("alliances",
// "operations"; not "business", "sales" is "sale" on both sides), so that
// a table's title and a page's compare whether either writes the plural.
func singularStem(stem string) string {
	ws := strings.Fields(stem)
	for i, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
			ws[i] = w[:len(w)-1]
		}
	}
	return strings.Join(ws, " ")
}

// Grades returns the grades the table gives a placed title: its own row
// when the table names the title; else its seniority's row; else, when the
// table names the title's function at one seniority only and has no row
// for the title's seniority, that function's rows (a table that grades
// "Alliance Business Development Manager" grades its Junior and Senior
// alike). Nil when the table says nothing of it.
func (t *Table) Grades(p Place) []float64 {
	if p.Stem != "" {
		if gs := t.byTitle[tableKey(p)]; gs != nil {
			return gs
		}
	}
	if gs := t.byStep[stepKey{p.Track, p.Step, p.Sub}]; gs != nil {
		if p.Ambiguous {
			return nil // the step may be another track's
		}
		return gs
	}
	if p.Stem != "" {
		return t.byStem[singularStem(p.Stem)]
	}
	return nil
}

// Names reports whether the table names the title itself, function and
// seniority ("Senior Product Manager").
func (t *Table) Names(p Place) bool { return p.Stem != "" && t.byTitle[tableKey(p)] != nil }

// NamesFunction reports whether the table names a title's function, at
// whatever seniority, and puts it at grade g ("Alliance Business
// Development Manager" at 8 grades the function, not one step of it).
func (t *Table) NamesFunction(p Place, g float64) bool {
	if p.Stem == "" {
		return false
	}
	for _, x := range t.byStem[singularStem(p.Stem)] {
		if x == g {
			return true
		}
	}
	return false
}

// RanksTrack reports whether the table grades a track by seniority: it has
// a row for a bare step of it ("Senior", "Manager"). The Sales table's
// individual contributors are graded by segment and function ("Mid
// Market", "Enterprise", "Alliance Business Development Manager"): it
// does not rank them, so it sets no order between their seniorities.
func (t *Table) RanksTrack(track int) bool {
	for k := range t.byStep {
		if k.track == track {
			return true
		}
	}
	return false
}

// Holds reports whether the table puts the title at grade g.
func (t *Table) Holds(p Place, g float64) bool {
	for _, x := range t.Grades(p) {
		if x == g {
			return true
		}
	}
	return false
}
