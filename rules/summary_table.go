package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

var summaryTableRule = &lint.Rule{
	ID:       "summary-table",
	Title:    "a summary table of levels agrees with the levels' headings",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "A page that lists its levels in a table (level codes or titles down a column or across the header) " +
			"and also gives each level a heading must name the same levels in both. A table is the headings' summary only when " +
			"its rows clearly name the headings' levels (two or more, and two thirds of its rows): a table that names none or " +
			"few of them is another track (managers after IC headings) or a ladder of its own. Reported: a level the table " +
			"lists between two levels the headings give, with no heading of its own; a heading the table skips between two " +
			"levels it lists (or whose code ranks between the table's); a code whose title differs between the two by its " +
			"seniority words (\"Senior\" in the table, \"Staff\" in the heading). A level beyond the other's first or last is " +
			"not reported: an entry rung described in prose (\"New contributors\"), a table by topic that starts at " +
			"Contributor. On in the generic profile.",
		Bad:  "# Ladder\n\n| Level | Title |\n|---|---|\n| L1 | Engineer |\n| L2 | Senior Engineer |\n\n## L1 Engineer\n\nShips.\n\n## L2 Staff Engineer\n\nLeads.\n",
		Good: "# Ladder\n\n| Level | Title |\n|---|---|\n| L1 | Engineer |\n| L2 | Senior Engineer |\n\n## L1 Engineer\n\nShips.\n\n## L2 Senior Engineer\n\nLeads.\n",
	},
	Check: checkSummaryTable,
}

func checkSummaryTable(p *lint.Pass) {
	f := p.File
	lads := pageLadders(p.Env, p.Config, f)
	var heads *shape.Ladder
	for _, l := range lads {
		if l.From == "headings" {
			heads = l
		}
	}
	if heads == nil {
		return
	}
	o := shapeOptions(p.Env, p.Config)
	// a level that several tables of the page leave out is reported once
	missing := map[*shape.Level]bool{}
	for _, t := range lads {
		if t.From != "table" {
			continue
		}
		// a table inside a level is that level's, not a summary
		inside := false
		for _, l := range heads.Levels {
			if t.Table.Span.Start >= l.Body.Start && t.Table.Span.Start < l.Body.End {
				inside = true
			}
		}
		if inside {
			continue
		}
		// the table is the headings' summary only when its rows clearly
		// name the headings' levels: two or more, and two thirds of its
		// rows. A table naming none of them is another track (managers M3
		// to M6 after IC1 to IC5 headings); one naming a few, a ladder of
		// its own beside the headings that describe some of its levels
		// (a row a heading names otherwise, "New contributors" for
		// "Contributor", counts as named)
		matchedRow := make([]*shape.Level, len(t.Levels))
		n, named := 0, 0
		for i, row := range t.Levels {
			if h := matchLevel(row, heads.Levels); h != nil {
				matchedRow[i] = h
				n++
			} else if anyHeadingNames(f, row.Title) {
				named++
			}
		}
		if n < 2 || 3*(n+named) < 2*len(t.Levels) {
			continue
		}
		matched := map[*shape.Level]bool{}
		for i, row := range t.Levels {
			h := matchedRow[i]
			if h == nil {
				// a row beyond the headings (an entry or a top rung the
				// page describes in prose, or under another name: "New
				// contributors" for "Contributor") is no gap; one between
				// two rows the headings give is a level left without its
				// heading
				if !between(i, matchedRow, func(h *shape.Level) bool { return h != nil }) && !codeWithin(row, heads.Levels) || anyHeadingNames(f, row.Title) {
					continue
				}
				p.Report(lint.Diagnostic{Span: row.TitleSpan, Subject: row.Title,
					Message: fmt.Sprintf("the summary table lists level %q, which no heading of the page gives", levelLabel(row))})
				continue
			}
			matched[h] = true
			if row.Code != nil && h.Code != nil && titlesDiffer(o, row, h) {
				p.Report(lint.Diagnostic{Span: row.TitleSpan, Subject: row.Title,
					Message: fmt.Sprintf("the summary table names %s %q but its heading is %q", row.Code.Raw, rowTitle(row), levelLabel(h))})
			}
		}
		// a heading the table skips between two levels it lists is missing
		// from it; one beyond the table's first or last row is not (tables
		// by topic that start at Contributor cover a stretch of the ladder,
		// a User having nothing to commit to)
		for i, h := range heads.Levels {
			if matched[h] || missing[h] || rowNamed(t.Table, h.Title) {
				continue
			}
			if !between(i, heads.Levels, func(h *shape.Level) bool { return matched[h] }) && !codeWithin(h, t.Levels) {
				continue
			}
			missing[h] = true
			p.Report(lint.Diagnostic{Span: h.TitleSpan, Subject: h.Title,
				Message: fmt.Sprintf("level %q is missing from the summary table", levelLabel(h))})
		}
	}
}

// between reports whether the i-th of xs has one that is in before it and
// one after it.
func between[T any](i int, xs []T, in func(T) bool) bool {
	return slices.ContainsFunc(xs[:i], in) && slices.ContainsFunc(xs[i+1:], in)
}

// codeWithin reports whether a level's code ranks strictly between the
// lowest and the highest code of the same format among others: L4 where
// the others run from L1 to L5.
func codeWithin(l *shape.Level, others []*shape.Level) bool {
	if l.Code == nil {
		return false
	}
	lo, hi, n := 0.0, 0.0, 0
	for _, o := range others {
		if o.Code == nil || o.Code.Format != l.Code.Format {
			continue
		}
		if n == 0 || o.Code.Rank < lo {
			lo = o.Code.Rank
		}
		if n == 0 || o.Code.Rank > hi {
			hi = o.Code.Rank
		}
		n++
	}
	return n >= 2 && lo < l.Code.Rank && l.Code.Rank < hi
}

// titlesDiffer reports whether a summary row names its code with another
// title than the code's heading, beyond doubt: both titles carry seniority
// words of the tracks, and at other steps ("Senior Software Engineer" and
// "Staff Engineer"). Titles the tracks cannot place ("SWE II", "Software
// Engineer II") may be one title written two ways.
func titlesDiffer(o shape.Options, row, h *shape.Level) bool {
	if titlesAgree(row, h) || o.Ladder == nil {
		return false
	}
	rp, rok := o.Ladder.Classify(rowTitle(row))
	hp, hok := o.Ladder.Classify(shapeStrip(h))
	if !rok || !hok || rp.Implied || hp.Implied {
		return false
	}
	return rp.Track != hp.Track || rp.Compare(hp) != 0
}

// anyHeadingNames reports whether a heading of the page holds every word of
// a level's title, singular or plural ("New contributors" for
// "Contributor"), an abbreviation standing for the words it abbreviates
// ("TOF Member" for "Technical Oversight Forum Member").
func anyHeadingNames(f *model.Family, title string) bool {
	want := strings.Fields(normTitle(title))
	if len(want) == 0 {
		return false
	}
	for _, h := range f.Headings {
		have := map[string]bool{}
		hw := strings.Fields(normTitle(h.Text))
		for i, w := range hw {
			have[singularWord(w)] = true
			// the initials of two to five words in a row: "TOF Member"
			// for "Technical Oversight Forum Member"
			ini := w[:1]
			for j := i + 1; j < len(hw) && j < i+5; j++ {
				ini += hw[j][:1]
				have[ini] = true
			}
		}
		all := true
		for _, w := range want {
			if !have[singularWord(w)] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func matchLevel(row *shape.Level, hs []*shape.Level) *shape.Level {
	for _, h := range hs {
		if row.Code != nil && h.Code != nil && row.Code.Format == h.Code.Format && row.Code.Rank == h.Code.Rank && row.Code.Sub == h.Code.Sub {
			return h
		}
	}
	n := singular(normTitle(row.Title))
	for _, h := range hs {
		if singular(normTitle(h.Title)) == n {
			return h
		}
	}
	return nil
}

// singular drops a plural "s" from each word of a normalised title: a
// heading "Contributors" and a summary row "Contributor" name one level.
func singular(t string) string {
	ws := strings.Fields(t)
	for i, w := range ws {
		ws[i] = singularWord(w)
	}
	return strings.Join(ws, " ")
}

// singularWord drops a plural "s" ("contributors"), not the end of
// "process" or of a short word ("ops").
func singularWord(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// rowTitle is the title a summary row gives its code: the row's level cell
// and the cells that name a title.
func rowTitle(row *shape.Level) string {
	for _, d := range row.Dims {
		if k := strings.ToLower(d.Name); strings.Contains(k, "title") || strings.Contains(k, "role") || strings.Contains(k, "name") {
			return d.Text
		}
	}
	return row.Title
}

func titlesAgree(row, h *shape.Level) bool {
	t := normTitle(rowTitle(row))
	ht := normTitle(h.Title)
	if t == "" || strings.Contains(ht, t) || strings.Contains(t, ht) {
		return true
	}
	// the row's own cell may carry the title
	own := normTitle(shapeStrip(row))
	return own != "" && strings.Contains(ht, own)
}

func shapeStrip(l *shape.Level) string {
	if l.Code == nil {
		return l.Title
	}
	return l.Title[:l.Code.At] + l.Title[l.Code.At+l.Code.N:]
}

var nonWordRE = regexp.MustCompile(`[^a-z0-9]+`)

func normTitle(s string) string {
	return strings.TrimSpace(nonWordRE.ReplaceAllString(strings.ToLower(s), " "))
}

func init() { lint.Register(summaryTableRule) }

// rowNamed reports whether a row of a table opens with a level's title (in
// any case), though the table's reader took that row for no level: a rung
// named by no word of the tracks ("Triage"), found among the headings by
// its content.
func rowNamed(t *model.Table, title string) bool {
	if t == nil {
		return false
	}
	want := strings.ToLower(strings.Join(strings.Fields(title), " "))
	for _, row := range t.Rows {
		if len(row) > 0 && strings.ToLower(strings.Join(strings.Fields(row[0].Text), " ")) == want {
			return true
		}
	}
	return false
}
