package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

// The ladder-shape rules: checks that serve any career ladder, on in the
// generic profile and off (optional) in the gitlab one. They read the
// ladders lint/shape finds by shape, not GitLab's sections.

func shapeOptions(env *lint.Env, cfg *lint.Config) shape.Options {
	return shape.Options{Ladder: gradeLadder(env, cfg), Sections: cfg.Sections}
}

// allLadders returns every file's ladders, then the folders' page ladders.
func allLadders(p *lint.SetPass) []*shape.Ladder {
	o := shapeOptions(p.Env, p.Config)
	var out []*shape.Ladder
	own := map[*model.Family]bool{}
	for _, f := range p.Files {
		if f.Skipped {
			continue
		}
		ls := shape.Find(f, o)
		for _, l := range ls {
			if l.From == "headings" {
				own[f] = true
			}
		}
		out = append(out, ls...)
	}
	out = append(out, shape.PageLadders(p.Files, o, func(f *model.Family) bool { return own[f] })...)
	return out
}

var levelSequenceRule = &lint.Rule{
	ID:       "level-sequence",
	Title:    "a ladder's levels go up one rank at a time, in one code format",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "Levels are found by shape: sibling headings (or table rows or columns, or the pages of a folder) " +
			"whose titles carry a level code (IC 3, L4, D2, Level 2, P3, M1, Engineer II, 3a) or a seniority word of the " +
			"configured tracks. Codes of one format are read as ranks: each level must be above the one before it " +
			"(lowest first), no rank may be skipped or repeated (letter suffixes such as 3a and 3b are parallel tracks " +
			"of one rank), and the ladder writes its codes one way. Without codes, seniority words order the levels. " +
			"On in the generic profile.",
		Bad:  "# Engineering ladder\n\n## L1 Engineer\n\nShips small changes.\n\n## L3 Senior Engineer\n\nLeads projects.\n",
		Good: "# Engineering ladder\n\n## L1 Engineer\n\nShips small changes.\n\n## L2 Senior Engineer\n\nLeads projects.\n",
	},
	CheckAll: checkLevelSequence,
}

func levelLabel(l *shape.Level) string { return strings.TrimSpace(l.Title) }

func levelSpan(l *shape.Level) model.Span {
	if l.Code != nil && l.CodeSpan.End > l.CodeSpan.Start {
		return l.CodeSpan
	}
	return l.TitleSpan
}

func checkLevelSequence(p *lint.SetPass) {
	lads := allLadders(p)
	headed := map[*model.Family]bool{}
	for _, l := range lads {
		if l.From == "headings" {
			headed[l.Levels[0].File] = true
		}
	}
	for _, lad := range lads {
		if lad.From == "table" && headed[lad.Levels[0].File] {
			continue // a summary of the headings: summary-table compares them
		}
		sequence(p, lad)
	}
}

func sequence(p *lint.SetPass, lad *shape.Ladder) {
	lv := lad.Levels
	ordered := lad.From != "pages" || lad.Numbered()
	// one code format
	formats := map[string][]*shape.Level{}
	var fmtOrder []string
	for _, l := range lv {
		if l.Code == nil || l.Code.Format == "n" && lad.From != "pages" {
			continue
		}
		if _, ok := formats[l.Code.Format]; !ok {
			fmtOrder = append(fmtOrder, l.Code.Format)
		}
		formats[l.Code.Format] = append(formats[l.Code.Format], l)
	}
	if len(fmtOrder) > 1 {
		main := fmtOrder[0]
		for _, f := range fmtOrder {
			if len(formats[f]) > len(formats[main]) {
				main = f
			}
		}
		// a Roman numeral beside prefixed codes is usually a title's own
		// ("Engineer II (IC 3)"): only mixed prefixes count
		for _, f := range fmtOrder {
			if f == main || f == "Roman" || main == "Roman" {
				continue
			}
			for _, l := range formats[f] {
				p.Report(lint.Diagnostic{File: l.File, Span: levelSpan(l), Subject: l.Code.Raw,
					Message: fmt.Sprintf("level code %q is written differently from the ladder's other codes (%q): write every code one way", l.Code.Raw, formats[main][0].Code.Raw)})
			}
		}
	}
	// ranks, per format
	for _, f := range fmtOrder {
		ls := formats[f]
		if len(ls) < 2 {
			continue
		}
		if !ordered {
			sorted := append([]*shape.Level(nil), ls...)
			sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code.Rank < sorted[j].Code.Rank })
			ls = sorted
		}
		descending := true
		for i := 1; i < len(ls); i++ {
			if ls[i].Code.Rank >= ls[i-1].Code.Rank {
				descending = false
			}
		}
		if descending {
			// highest first is a way of writing a ladder: check gaps only, reversed
			rev := make([]*shape.Level, len(ls))
			for i, l := range ls {
				rev[len(ls)-1-i] = l
			}
			ls = rev
		}
		for i := 1; i < len(ls); i++ {
			if a, b := ls[i-1], ls[i]; b.Code.Rank < a.Code.Rank {
				p.Report(lint.Diagnostic{File: b.File, Span: levelSpan(b), Subject: b.Code.Raw,
					Message: fmt.Sprintf("level %q comes after %q but ranks lower: list levels lowest first", levelLabel(b), levelLabel(a))})
			}
		}
		// gaps and repeats, in rank order
		sorted := append([]*shape.Level(nil), ls...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code.Rank < sorted[j].Code.Rank })
		for i := 1; i < len(sorted); i++ {
			a, b := sorted[i-1], sorted[i]
			ra, rb := a.Code.Rank, b.Code.Rank
			switch {
			case rb == ra && b.Code.Sub == a.Code.Sub:
				p.Report(lint.Diagnostic{File: b.File, Span: levelSpan(b), Subject: b.Code.Raw,
					Message: fmt.Sprintf("level %q repeats the rank of %q", levelLabel(b), levelLabel(a))})
			case rb > ra+1:
				p.Report(lint.Diagnostic{File: b.File, Span: levelSpan(b), Subject: b.Code.Raw,
					Message: fmt.Sprintf("level %q follows %q: rank %g is skipped", levelLabel(b), levelLabel(a), ra+1)})
			}
		}
	}
	// seniority words, for levels without codes on one track
	if !ordered {
		return
	}
	var prev *shape.Level
	for _, l := range lv {
		if l.Code != nil || !l.Placed {
			continue
		}
		if prev != nil && prev.Place.Track == l.Place.Track && l.Place.Compare(prev.Place) < 0 && l.Place.Stem == prev.Place.Stem {
			p.Report(lint.Diagnostic{File: l.File, Span: l.TitleSpan, Subject: l.Title,
				Message: fmt.Sprintf("level %q comes after the more senior %q: list levels lowest first", levelLabel(l), levelLabel(prev))})
		}
		prev = l
	}
}

var levelDimensionsRule = &lint.Rule{
	ID:       "level-dimensions",
	Title:    "every level of a ladder has the same dimensions, in the same order",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "A level's dimensions are its sub-headings and the bold labels that open its paragraphs or bullets " +
			"(`**Impact:** ...`), or its cells in a table ladder. A dimension that most levels of the ladder have and one " +
			"level lacks is reported on that level, and so is a level that gives the shared dimensions in another order. " +
			"A level that opens with \"Same as L1, L2, but also\" inherits and is not checked for missing ones. Pages of " +
			"a one-page-per-level folder are checked as one ladder. On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n**Impact:** the team.\n\n## L2 Engineer\n\n**Scope:** a feature.\n\n## L3 Engineer\n\n**Scope:** a project.\n\n**Impact:** the org.\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n**Impact:** the team.\n\n## L2 Engineer\n\n**Scope:** a feature.\n\n**Impact:** the group.\n\n## L3 Engineer\n\n**Scope:** a project.\n\n**Impact:** the org.\n",
	},
	CheckAll: checkLevelDimensions,
}

func checkLevelDimensions(p *lint.SetPass) {
	for _, lad := range allLadders(p) {
		if lad.From == "table" {
			continue // a table gives every level the same columns
		}
		dimensionsAgree(p, lad)
	}
}

func dimensionsAgree(p *lint.SetPass, lad *shape.Ladder) {
	lv := lad.Levels
	count := map[string]int{}
	firstAt := map[string]int{} // typical position
	names := map[string]string{}
	with := 0
	for _, l := range lv {
		if len(l.Dims) == 0 {
			continue
		}
		with++
		seen := map[string]bool{}
		for i, d := range l.Dims {
			if seen[d.Key] {
				continue
			}
			seen[d.Key] = true
			count[d.Key]++
			firstAt[d.Key] += i
			if names[d.Key] == "" {
				names[d.Key] = d.Name
			}
		}
	}
	if with < 2 || 2*with < len(lv) {
		return
	}
	var common []string
	for k, n := range count {
		if 2*n > with && n >= 2 {
			common = append(common, k)
		}
	}
	sort.Slice(common, func(i, j int) bool {
		ai, aj := float64(firstAt[common[i]])/float64(count[common[i]]), float64(firstAt[common[j]])/float64(count[common[j]])
		if ai != aj {
			return ai < aj
		}
		return common[i] < common[j]
	})
	if len(common) == 0 {
		return
	}
	// dimensions that are each level's own sentences ("I am a technical
	// mentor") make no shared structure to check
	total := 0
	for _, n := range count {
		total += n
	}
	if avg := float64(total) / float64(with); float64(2*len(common)) < avg {
		return
	}
	// the order of the first level that has them all is the ladder's
	isCommon := map[string]bool{}
	for _, k := range common {
		isCommon[k] = true
	}
	for _, l := range lv {
		var ks []string
		seen := map[string]bool{}
		for _, d := range l.Dims {
			if isCommon[d.Key] && !seen[d.Key] {
				seen[d.Key] = true
				ks = append(ks, d.Key)
			}
		}
		if len(ks) == len(common) {
			common = ks
			break
		}
	}
	rank := map[string]int{}
	for i, k := range common {
		rank[k] = i
	}
	for _, l := range lv {
		has := map[string]bool{}
		var seq []*shape.Dimension
		for _, d := range l.Dims {
			if _, ok := rank[d.Key]; ok && !has[d.Key] {
				seq = append(seq, d)
			}
			has[d.Key] = true
		}
		var missing []string
		for _, k := range common {
			if !has[k] {
				missing = append(missing, names[k])
			}
		}
		if len(missing) > 0 && len(l.SameAs) == 0 {
			p.Report(lint.Diagnostic{File: l.File, Span: l.TitleSpan, Subject: "missing " + strings.Join(missing, ", "),
				Message: fmt.Sprintf("level %q has no %s, which the ladder's other levels have", levelLabel(l), quoteList(missing))})
		}
		for i := 1; i < len(seq); i++ {
			if rank[seq[i].Key] < rank[seq[i-1].Key] {
				p.Report(lint.Diagnostic{File: l.File, Span: seq[i].Span, Subject: "order " + seq[i].Key,
					Message: fmt.Sprintf("in level %q, %q comes after %q; the ladder's other levels give it before", levelLabel(l), seq[i].Name, seq[i-1].Name)})
				break
			}
		}
	}
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

var ladderPlaceholderRule = &lint.Rule{
	ID:       "ladder-placeholder",
	Title:    "no level or dimension left as TBD, TODO, coming soon, a lone dash or N/A",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "Within a ladder, a level, a dimension, a bullet or a table cell whose whole text is a placeholder " +
			"(\"TBD\", \"TODO\", \"coming soon\", \"to be defined\", \"WIP\", a lone \"-\" or \"N/A\") or is empty, or that opens by saying it is not written yet (\"We haven't yet finalized the description of this level\"), was " +
			"never written. The {braces} of GitLab's templates are template-placeholder's. On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n## L2 Engineer\n\n**Scope:** TBD\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n## L2 Engineer\n\n**Scope:** a feature.\n",
	},
	Check: checkLadderPlaceholder,
}

var ladderPlaceholderRE = regexp.MustCompile(`(?i)^\s*(?:\(?\s*(?:tbd|tba|todo|tbc|wip|n/?a|none yet|coming soon|to be (?:defined|determined|written|added|confirmed)|work in progress|-+|–|—|\?+|\.\.\.|…)\s*\)?)\s*[.!]?\s*$`)

func checkLadderPlaceholder(p *lint.Pass) {
	f := p.File
	o := shapeOptions(p.Env, p.Config)
	reported := map[int]bool{}
	report := func(s model.Span, msg, subj string) {
		if reported[s.Start] {
			return
		}
		reported[s.Start] = true
		p.Report(lint.Diagnostic{Span: s, Message: msg, Subject: subj})
	}
	for _, lad := range shape.Find(f, o) {
		for _, l := range lad.Levels {
			if lad.From == "table" {
				for _, d := range l.Dims {
					if d.Block == nil {
						continue
					}
					if strings.TrimSpace(d.Block.Text) == "" {
						report(emptyCellSpan(f, d), fmt.Sprintf("level %q: %q is an empty cell", levelLabel(l), d.Name), "empty "+d.Key)
					} else if ladderPlaceholderRE.MatchString(d.Block.Text) {
						report(d.Block.Span, fmt.Sprintf("level %q: %q is only a placeholder (%q)", levelLabel(l), d.Name, strings.TrimSpace(d.Block.Text)), "placeholder "+d.Key)
					} else if m := notYetRE.FindString(d.Block.Text); m != "" {
						report(d.Block.Span, fmt.Sprintf("level %q is not written yet: %q", levelLabel(l), strings.TrimSpace(m)), "not yet "+d.Key)
					}
				}
				continue
			}
			body := strings.TrimSpace(commentsRE.ReplaceAllString(string(f.Source.Text[l.Body.Start:l.Body.End]), ""))
			if body == "" {
				report(l.TitleSpan, fmt.Sprintf("level %q has no content", levelLabel(l)), "empty level")
				continue
			}
			for _, d := range l.Dims {
				if d.Block != nil && strings.TrimSpace(d.Text) != "" && ladderPlaceholderRE.MatchString(d.Text) {
					report(d.Span, fmt.Sprintf("level %q: %q is only a placeholder (%q)", levelLabel(l), d.Name, strings.TrimSpace(d.Text)), "placeholder "+d.Key)
				}
			}
			for _, b := range shape.BlocksIn(f, l.Body) {
				if b.Kind == model.BlockHeading || b.Kind == model.BlockCell {
					continue
				}
				if ladderPlaceholderRE.MatchString(b.Text) && strings.TrimSpace(b.Text) != "" {
					report(b.Span, fmt.Sprintf("level %q holds only a placeholder (%q)", levelLabel(l), strings.TrimSpace(b.Text)), "placeholder "+strings.TrimSpace(b.Text))
				} else if m := notYetRE.FindString(b.Text); m != "" {
					report(b.Span, fmt.Sprintf("level %q is not written yet: %q", levelLabel(l), strings.TrimSpace(m)), "not yet")
				}
			}
		}
	}
}

// notYetRE is a text that opens by saying it is not written yet: "We
// haven't yet finalized the description of this level", "This level is
// still to be defined".
var notYetRE = regexp.MustCompile(`(?i)^\s*(?:(?:we|i|they)\s+)?(?:have(?:n['’]t| not)|has(?:n['’]t| not))\s+(?:yet\s+)?(?:been\s+)?(?:finali[sz]ed|defined|written|decided|described|documented)\b[^.!?]*[.!?]?|^\s*(?:the\s+)?(?:description\s+of\s+)?this\s+(?:level|role|section)(?:'s\s+description)?\s+is\s+(?:still\s+|not\s+yet\s+)?(?:to\s+be|being)\s+(?:defined|written|finali[sz]ed|decided)\b[^.!?]*[.!?]?`)

// emptyCellSpan points at an empty cell: the space between its pipes on
// its row's line.
func emptyCellSpan(f *model.Family, d *shape.Dimension) model.Span {
	src := f.Source.Text
	if d.Row == nil {
		return d.Block.Span
	}
	ls := d.Row.Span.Start
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	le := ls
	for le < len(src) && src[le] != '\n' {
		le++
	}
	line := src[ls:le]
	var pipes []int
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			pipes = append(pipes, i)
		}
	}
	// a leading pipe opens cell 0
	k := d.Col
	if len(pipes) > 0 && strings.TrimSpace(string(line[:pipes[0]])) != "" {
		k-- // no leading pipe: cell 0 ends at the first pipe
	}
	if k < 0 || k+1 >= len(pipes) {
		return d.Block.Span
	}
	return model.Span{Start: ls + pipes[k] + 1, End: ls + pipes[k+1]}
}

var summaryTableRule = &lint.Rule{
	ID:       "summary-table",
	Title:    "a summary table of levels agrees with the levels' headings",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "A page that lists its levels in a table (level codes or titles down a column or across the header) " +
			"and also gives each level a heading must name the same levels in both: a level in the table with no heading, " +
			"a heading missing from the table, or a code whose title differs between the two is reported. On in the " +
			"generic profile.",
		Bad:  "# Ladder\n\n| Level | Title |\n|---|---|\n| L1 | Engineer |\n| L2 | Senior Engineer |\n\n## L1 Engineer\n\nShips.\n\n## L2 Staff Engineer\n\nLeads.\n",
		Good: "# Ladder\n\n| Level | Title |\n|---|---|\n| L1 | Engineer |\n| L2 | Senior Engineer |\n\n## L1 Engineer\n\nShips.\n\n## L2 Senior Engineer\n\nLeads.\n",
	},
	Check: checkSummaryTable,
}

func checkSummaryTable(p *lint.Pass) {
	f := p.File
	lads := shape.Find(f, shapeOptions(p.Env, p.Config))
	var heads *shape.Ladder
	for _, l := range lads {
		if l.From == "headings" {
			heads = l
		}
	}
	if heads == nil {
		return
	}
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
		matched := map[*shape.Level]bool{}
		for _, row := range t.Levels {
			h := matchLevel(row, heads.Levels)
			if h == nil {
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
		if len(matched) == 0 {
			continue
		}
		for _, h := range heads.Levels {
			if !matched[h] {
				p.Report(lint.Diagnostic{Span: h.TitleSpan, Subject: h.Title,
					Message: fmt.Sprintf("level %q is missing from the summary table", levelLabel(h))})
			}
		}
	}
}

func matchLevel(row *shape.Level, hs []*shape.Level) *shape.Level {
	for _, h := range hs {
		if row.Code != nil && h.Code != nil && row.Code.Format == h.Code.Format && row.Code.Rank == h.Code.Rank && row.Code.Sub == h.Code.Sub {
			return h
		}
	}
	n := normTitle(row.Title)
	for _, h := range hs {
		if normTitle(h.Title) == n {
			return h
		}
	}
	return nil
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

var dimensionCopyRule = &lint.Rule{
	ID:       "dimension-copy",
	Title:    "a level's dimension is not a copy of the level below",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "When a dimension of a level says word for word what the same dimension of the level before it says " +
			"(ignoring case, spaces and punctuation), the ladder gives no difference between the two levels there: " +
			"usually a copy left unedited. Short texts (under four words) are not compared. On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** tasks within one project.\n\n## L2 Engineer\n\n**Scope:** tasks within one project.\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** tasks within one project.\n\n## L2 Engineer\n\n**Scope:** features across one project.\n",
	},
	Check: checkDimensionCopy,
}

func checkDimensionCopy(p *lint.Pass) {
	for _, lad := range shape.Find(p.File, shapeOptions(p.Env, p.Config)) {
		for i := 1; i < len(lad.Levels); i++ {
			a, b := lad.Levels[i-1], lad.Levels[i]
			for _, db := range b.Dims {
				tb := normTitle(db.Text)
				if len(strings.Fields(tb)) < 4 {
					continue
				}
				for _, da := range a.Dims {
					if da.Key == db.Key && normTitle(da.Text) == tb {
						p.Report(lint.Diagnostic{Span: db.Span, Subject: "copy " + db.Key,
							Message: fmt.Sprintf("level %q: %q is word for word the same as in %q", levelLabel(b), db.Name, levelLabel(a))})
						break
					}
				}
			}
		}
	}
}

func init() {
	lint.Register(levelSequenceRule, levelDimensionsRule, ladderPlaceholderRule, summaryTableRule, dimensionCopyRule)
}
