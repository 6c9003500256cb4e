package rules

import (
	"fmt"
	"regexp"
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
			"and also gives each level a heading must name the same levels in both: a level in the table with no heading, " +
			"a heading missing from the table, or a code whose title differs between the two is reported; a level beyond a " +
			"table's first or last row that another table of the page lists is not missing (tables by topic that start at " +
			"Contributor, beside a table of every level, cover a stretch of the ladder). A table that " +
			"names none of the headings' levels is another track (managers after IC headings), not a summary. On in the " +
			"generic profile.",
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
	// a level that several tables of the page leave out is reported once
	missing := map[*shape.Level]bool{}
	// the levels each summary table lists, and those any of them lists
	var tables []map[*shape.Level]bool
	listed := map[*shape.Level]bool{}
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
		// a table none of whose levels is a heading's is another track
		// (managers M3 to M6 after IC1 to IC5 headings), not a summary
		overlap := false
		for _, row := range t.Levels {
			overlap = overlap || matchLevel(row, heads.Levels) != nil
		}
		if !overlap {
			continue
		}
		matched := map[*shape.Level]bool{}
		for _, row := range t.Levels {
			h := matchLevel(row, heads.Levels)
			if h == nil {
				if anyHeadingNames(f, row.Title) {
					continue // "New contributors" gives the "Contributor" row its section, though not a level's shape
				}
				p.Report(lint.Diagnostic{Span: row.TitleSpan, Subject: row.Title,
					Message: fmt.Sprintf("the summary table lists level %q, which no heading of the page gives", levelLabel(row))})
				continue
			}
			matched[h] = true
			if row.Code != nil && h.Code != nil && !titlesAgree(row, h) {
				p.Report(lint.Diagnostic{Span: row.TitleSpan, Subject: row.Title,
					Message: fmt.Sprintf("the summary table names %s %q but its heading is %q", row.Code.Raw, rowTitle(row), levelLabel(h))})
			}
		}
		if len(matched) != 0 {
			tables = append(tables, matched)
			for h := range matched {
				listed[h] = true
			}
		}
	}
	for _, matched := range tables {
		// a level that a table skips between two it lists is missing from
		// it; one beyond the table's first or last listed level is
		// missing only when no other table of the page lists it: beside a
		// table of every level, tables by topic that start at Contributor
		// (a User has nothing to commit to) cover a stretch of the ladder
		lo, hi := len(heads.Levels), -1
		for i, h := range heads.Levels {
			if matched[h] {
				lo, hi = min(lo, i), max(hi, i)
			}
		}
		for i, h := range heads.Levels {
			if matched[h] || missing[h] || (i < lo || i > hi) && listed[h] {
				continue
			}
			missing[h] = true
			p.Report(lint.Diagnostic{Span: h.TitleSpan, Subject: h.Title,
				Message: fmt.Sprintf("level %q is missing from the summary table", levelLabel(h))})
		}
	}
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
