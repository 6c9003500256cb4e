package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

var levelDimensionsRule = &lint.Rule{
	ID:       "level-dimensions",
	Title:    "every level of a ladder has the same dimensions, in the same order",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "A level's dimensions are its sub-headings and the bold labels that open its paragraphs or bullets " +
			"(`**Impact:** ...`), or its cells in a table ladder. A dimension that a clear majority of the ladder's levels " +
			"have (three or more, and two thirds of those with dimensions) and one level lacks is reported on that level, and " +
			"so is a level that gives two shared dimensions in the other order than every other level that has both (two or more). Not reported: a level with as many dimensions of " +
			"its own, which no other level has, as it lacks (each may be the missing part under another name: \"Required " +
			"before merge\" for \"Acceptance test\"), a level that says anywhere that it inherits (\"Same as L1, L2, but " +
			"also\", \"in addition to the responsibilities of a Committer\", \"all of the duties of Committers\", \"the " +
			"previous level's skills\"), nor the " +
			"open first step of a track of project roles (anyone taking part), even written as two levels (\"Code Contributor\", " +
			"\"Active Contributor\"). Pages of " +
			"a one-page-per-level folder are checked as one ladder. On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n**Impact:** the team.\n\n## L2 Engineer\n\n**Scope:** a feature.\n\n## L3 Engineer\n\n**Scope:** a project.\n\n**Impact:** the group.\n\n## L4 Engineer\n\n**Scope:** a program.\n\n**Impact:** the org.\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n**Impact:** the team.\n\n## L2 Engineer\n\n**Scope:** a feature.\n\n**Impact:** the team's area.\n\n## L3 Engineer\n\n**Scope:** a project.\n\n**Impact:** the group.\n\n## L4 Engineer\n\n**Scope:** a program.\n\n**Impact:** the org.\n",
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
	o := shapeOptions(p.Env, p.Config)
	lv := lad.Levels
	count := map[string]int{}
	firstAt := map[string]int{}  // typical position
	names := map[string]string{} // the form most levels write (the first of a tie)
	written := map[string]map[string]int{}
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
			if written[d.Key] == nil {
				written[d.Key] = map[string]int{}
			}
			written[d.Key][d.Name]++
			if n := written[d.Key][d.Name]; names[d.Key] == "" || n > written[d.Key][names[d.Key]] {
				names[d.Key] = d.Name
			}
		}
	}
	if with < 2 || 2*with < len(lv) {
		return
	}
	// a dimension is the ladder's when a clear majority of its levels share
	// it: three levels or more, and two thirds of those with dimensions.
	// Two levels of three agreeing is as likely the third's own way of
	// writing (a rung defined in the summary table, not in its section).
	// (a level that names it another way, or that need not have it, as it
	// inherits or is the open entry, and lacks it, counts neither way)
	exempt := map[*shape.Level]bool{}
	for _, l := range lv {
		exempt[l] = len(l.SameAs) > 0 || inherits(l) || openEntry(p.Config, l, l == lv[0] || sameStepAsOpenFirst(p.Config, lv, l))
	}
	var common []string
	for k := range count {
		n, of := 0, 0
		for _, l := range lv {
			if len(l.Dims) == 0 {
				continue
			}
			has := slices.ContainsFunc(l.Dims, func(d *shape.Dimension) bool { return d.Key == k })
			if !has && hasShorterForm(l, names[k]) {
				continue // it has the dimension, named another way
			}
			if has {
				n++
			}
			if has || !exempt[l] {
				of++
			}
		}
		if n >= minSharedDimension && 3*n >= 2*of {
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
		if l.Listed {
			continue // a rung a list names, with no section: no parts to miss
		}
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
			if !has[k] && !hasShorterForm(l, names[k]) {
				missing = append(missing, names[k])
			}
		}
		// a dimension's heading written at the level's own depth right after
		// it ("### Skills needed" under "### Associate"): the heading closes
		// the level instead of belonging to it, which is the slip to name
		if h := headingAfter(l); h != nil && len(missing) > 0 {
			k := o.DimKey(h.Text)
			for i, m := range missing {
				if o.DimKey(m) == k {
					p.Report(lint.Diagnostic{File: l.File, Span: h.TextSpan, Subject: "depth " + k,
						Message: fmt.Sprintf("level %q: heading %q is a level-%d heading, as deep as the level's own, so it closes the level; the other levels have it as their sub-heading", levelLabel(l), h.Text, h.Level)})
					missing = append(missing[:i:i], missing[i+1:]...)
					break
				}
			}
		}
		// as many dimensions of the level's own, which no other level has,
		// as it lacks: each may be a missing part under another name
		// ("Required before merge" where the others write "Acceptance
		// test"), not a gap
		if len(missing) > 0 && len(ownOnly(l, lv, count, names, common)) >= len(missing) {
			missing = nil
		}
		if len(missing) > 0 && !exempt[l] {
			// say "the other levels" only when every other level has them
			least := len(lv)
			for _, m := range missing {
				least = min(least, count[o.DimKey(m)])
			}
			who := "the ladder's other levels have"
			if least < len(lv)-1 {
				who = fmt.Sprintf("%d of the ladder's %d other levels have", least, len(lv)-1)
			}
			p.Report(lint.Diagnostic{File: l.File, Span: l.TitleSpan, Subject: "missing " + strings.Join(missing, ", "),
				Message: fmt.Sprintf("level %q has no %s, which %s", levelLabel(l), quoteList(missing), who)})
		}
		for i := 1; i < len(seq); i++ {
			if rank[seq[i].Key] < rank[seq[i-1].Key] && othersOrder(lv, l, seq[i].Key, seq[i-1].Key) {
				p.Report(lint.Diagnostic{File: l.File, Span: seq[i].Span, Subject: "order " + seq[i].Key,
					Message: fmt.Sprintf("in level %q, %q comes after %q; the ladder's other levels give it before", levelLabel(l), seq[i].Name, seq[i-1].Name)})
				break
			}
		}
	}
}

// ownOnly returns the names of a level's dimensions that no other level of
// the ladder has, and that are no part of a dimension the others have
// ("Software development", a sub-heading of the others' "Skills needed for
// this level", where the level lacks that heading).
func ownOnly(l *shape.Level, lv []*shape.Level, count map[string]int, names map[string]string, common []string) []string {
	var out []string
	for _, d := range l.Dims {
		if count[d.Key] != 1 || slices.Contains(out, d.Name) || partOfOthers(d, l, lv) {
			continue
		}
		// a shorter or longer form of a dimension the others have is that
		// dimension ("Responsibilities" for "Responsibilities and
		// privileges"), not one of the level's own
		if !slices.ContainsFunc(common, func(k string) bool { return sameDimension(d.Name, names[k]) }) {
			out = append(out, d.Name)
		}
	}
	return out
}

// partOfOthers reports whether a level's dimension is a heading inside a
// dimension of another level of the ladder: a part of it, not its name.
func partOfOthers(d *shape.Dimension, l *shape.Level, lv []*shape.Level) bool {
	want := normTitle(d.Name)
	for _, o := range lv {
		if o == l {
			continue
		}
		for _, od := range o.Dims {
			for _, h := range shape.HeadingsIn(o.File, od.Body) {
				if normTitle(h.Text) == want {
					return true
				}
			}
		}
	}
	return false
}

// othersOrder reports whether the ladder's other levels agree that
// dimension first comes before second: two or more of them give both, and
// every one that does gives them in that order. Where levels differ among
// themselves, no order is the ladder's.
func othersOrder(lv []*shape.Level, l *shape.Level, first, second string) bool {
	n := 0
	for _, o := range lv {
		if o == l {
			continue
		}
		i := slices.IndexFunc(o.Dims, func(d *shape.Dimension) bool { return d.Key == first })
		j := slices.IndexFunc(o.Dims, func(d *shape.Dimension) bool { return d.Key == second })
		if i < 0 || j < 0 {
			continue
		}
		if i > j {
			return false
		}
		n++
	}
	return n >= 2
}

// minSharedDimension is how many levels must share a dimension for its
// absence from another to be reported.
const minSharedDimension = 3

// inheritRE is a sentence of a level that says it takes what another level
// has, wherever in the level it stands: "in addition to the
// responsibilities of a Committer", "all of the duties of Committers",
// "everything expected of a Senior", "the previous level's skills",
// "Senior requirements, plus". A level written as what it adds lists only
// that; a dimension it does not repeat is not missing.
var inheritRE = regexp.MustCompile(`(?i)\b(?:in addition to (?:the|all|those|what|being)\b|(?:all|each|any) (?:of )?the (?:duties|responsibilities|requirements|expectations|privileges|skills|rights) (?:of|held by|that)\b|everything (?:in|from|expected of|required of|that)\b|same as\b|(?:previous|prior|preceding|lower) (?:level|levels|role|roles|rung|rungs|step|steps)\b|levels? below\b|(?:responsibilities|requirements|expectations|skills|privileges),? plus\b|builds? (?:up)?on (?:the|those|what)\b|on top of (?:the|those|what)\b)`)

// inherits reports whether a level's text says it inherits another
// level's dimensions (inheritRE), beyond the opening "Same as" that the
// finder reads into SameAs.
func inherits(l *shape.Level) bool {
	src := l.File.Source.Text
	if l.Heading == nil || l.Body.Start < 0 || l.Body.End > len(src) || l.Body.Start >= l.Body.End {
		return false
	}
	return inheritRE.Match(src[l.Body.Start:l.Body.End])
}

// openEntry reports whether a level is the lowest step of a track open to
// anyone ("Community participants" of a contributor ladder), or the first
// rung of a ladder on that track ("Code Contributor", where no participant
// level is written).
func openEntry(cfg *lint.Config, l *shape.Level, first bool) bool {
	ts := cfg.Grades.Tracks
	return l.Placed && (l.Place.Step == 0 || first) && l.Place.Track < len(ts) && ts[l.Place.Track].Open
}

// sameStepAsOpenFirst reports whether a level stands on the track step of
// the ladder's first level when that one is an open entry: the entry rung
// written as two levels ("Code Contributor", then "Active Contributor", a
// status granted for contributions), both of the open step.
func sameStepAsOpenFirst(cfg *lint.Config, lv []*shape.Level, l *shape.Level) bool {
	f := lv[0]
	return l != f && openEntry(cfg, f, true) && l.Placed && l.Place.Track == f.Place.Track && l.Place.Step == f.Place.Step
}

// hasShorterForm reports whether a level names a dimension in another
// form (sameDimension) than the name the other levels give it.
func hasShorterForm(l *shape.Level, name string) bool {
	return slices.ContainsFunc(l.Dims, func(d *shape.Dimension) bool { return sameDimension(d.Name, name) })
}

// sameDimension reports whether two dimension names name one part: the
// first words of the other's ("Responsibilities" where the others write
// "Responsibilities and privileges"), or the other's with a qualifier in
// front or a note after ("Quantitative Requirements (within 12 weeks)" for
// "Requirements").
func sameDimension(a, b string) bool {
	norm := func(s string) string {
		s = strings.TrimRight(s, ":. ")
		if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
			s = s[:i] // "Requirements (within 12 weeks)"
		}
		return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(s, ":. ")), " "))
	}
	h, k := norm(a), norm(b)
	return h == k || strings.HasPrefix(k, h+" ") || strings.HasPrefix(h, k+" ") || strings.HasSuffix(h, " "+k)
}

// headingAfter is the heading that ends a heading level's body when it is
// no deeper than the level's own heading and opens no other level; nil
// otherwise.
func headingAfter(l *shape.Level) *model.Heading {
	if l.Heading == nil {
		return nil
	}
	for _, h := range l.File.Headings {
		if h.Span.Start < l.Body.End {
			continue
		}
		if h.Span.Start > l.Body.End+1 || h.Level > l.Heading.Level {
			return nil
		}
		return h
	}
	return nil
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

func init() { lint.Register(levelDimensionsRule) }
