package mutate

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// The list classes: defects of a page's lists, each one a rule is meant
// to report.
const (
	MovedItem      = "moved-item"      // misplaced-item: an item moved to the other list of its level
	DroppedMarker  = "dropped-marker"  // lost-list-marker: an item's marker removed
	CopiedLevel    = "copied-level"    // level-copy: a level's list replaced by a lower level's
	DuplicatedItem = "duplicated-item" // duplicate-bullet: an item written again in its list
)

// LineMap says where the lines of a mutated page stood in the page: a
// mutation that moves, adds or removes lines shifts the lines after it,
// and a finding there is the page's own finding, not a new one.
type LineMap struct {
	From int // the first mutated line that Orig maps
	// mutated line From+i was line Orig[i] (0: a line the mutation
	// wrote); a line copied from another stands for that one
	Orig []int
	// Delta is how many lines the mutation added (negative: removed):
	// mutated lines after the mapped ones were line n-Delta.
	Delta int
}

// Orig returns the line of the unmutated page that line n of the mutated
// page was (0: a line the mutation wrote).
func (m Mutation) Orig(n int) int {
	if m.Map == nil || n < m.Map.From {
		return n
	}
	if i := n - m.Map.From; i < len(m.Map.Orig) {
		return m.Map.Orig[i]
	}
	return n - m.Map.Delta
}

// item is a one-line list item: where its line starts, its text starts
// (after the marker and its spaces) and its line ends (the newline).
type item struct {
	b                        *model.Bullet
	lineStart, text, lineEnd int
	line                     int
	top                      bool // a top-level item of its list
	parent                   bool // a nested list follows it
}

// listItem reads a bullet's line: indentation, marker, spaces, text on one
// line. ok is false for an item whose own text runs over several lines or
// whose line holds anything before the marker but indentation.
func listItem(f *model.Family, b *model.Bullet) (item, bool) {
	src := string(f.Source.Text)
	if b.Span.Start < 0 || b.Span.End > len(src) || b.Span.End <= b.Span.Start {
		return item{}, false
	}
	ls := strings.LastIndexByte(src[:b.Span.Start], '\n') + 1
	if strings.Trim(src[ls:b.Span.Start], " ") != "" {
		return item{}, false // a quote's marker, a tab: not a plain item line
	}
	le := strings.IndexByte(src[b.Span.Start:], '\n')
	if le < 0 {
		le = len(src)
	} else {
		le += b.Span.Start
	}
	if b.Span.End > le {
		return item{}, false // the item's text wraps
	}
	p := b.Span.Start
	for p < le && src[p] >= '0' && src[p] <= '9' {
		p++
	}
	if p == b.Span.Start {
		if c := src[p]; c != '-' && c != '*' && c != '+' {
			return item{}, false
		}
		p++
	} else if p < le && (src[p] == '.' || src[p] == ')') {
		p++
	} else {
		return item{}, false
	}
	q := p
	for q < le && src[q] == ' ' {
		q++
	}
	if q == p || q == le || strings.TrimSpace(src[q:le]) == "" {
		return item{}, false
	}
	return item{b: b, lineStart: ls, text: q, lineEnd: le, line: f.Source.Position(ls).Line}, true
}

// topItems returns the top-level items of a list (its items at the least
// depth), each with whether a nested list follows it; ok is false when one
// of them is no plain one-line item.
func topItems(f *model.Family, bs []*model.Bullet) ([]item, bool) {
	if len(bs) == 0 {
		return nil, false
	}
	depth := bs[0].Depth
	for _, b := range bs {
		depth = min(depth, b.Depth)
	}
	var out []item
	for i, b := range bs {
		if b.Depth != depth {
			continue
		}
		it, ok := listItem(f, b)
		if !ok {
			return nil, false
		}
		it.top = true
		it.parent = i+1 < len(bs) && bs[i+1].Depth > depth
		out = append(out, it)
	}
	return out, true
}

// lineOf is the 1-based line of offset off in text.
func lineOf(text string, off int) int { return strings.Count(text[:off], "\n") + 1 }

// insertion is a place in a list where a line may go: before a top-level
// item's line, or after the last item's line.
type insertion struct {
	off    int    // where the line is inserted: a line's start
	prefix string // the indentation and marker the inserted line takes
}

// insertionsAfter returns the places of a list after its top-level item i
// (i = -1: after its first item): before each later top-level item, and
// after the last one when no nested list follows it.
func insertionsAfter(src string, items []item, i int) []insertion {
	var out []insertion
	for j := max(i+1, 1); j < len(items); j++ {
		it := items[j]
		out = append(out, insertion{off: it.lineStart, prefix: src[it.lineStart:it.text]})
	}
	if last := items[len(items)-1]; !last.parent && last.lineEnd < len(src) && len(items) > max(i, 0) {
		out = append(out, insertion{off: last.lineEnd + 1, prefix: src[last.lineStart:last.text]})
	}
	return out
}

// move returns the mutation that takes the line of it out of the page and
// inserts line at ins (a line's start elsewhere in the page).
func move(f *model.Family, class string, it item, ins int, line, what string) Mutation {
	src := string(f.Source.Text)
	from, to := it.lineStart, it.lineEnd+1 // the item's line, with its newline
	var m Mutation
	if ins <= from {
		m = Mutation{Class: class, Page: f.Path, Start: ins, End: to, New: line + "\n" + src[ins:from]}
		l := lineOf(src, ins)
		orig := []int{it.line}
		for n := l; n < it.line; n++ {
			orig = append(orig, n)
		}
		m.Line, m.Map = l, &LineMap{From: l, Orig: orig}
	} else {
		m = Mutation{Class: class, Page: f.Path, Start: from, End: ins, New: src[to:ins] + line + "\n"}
		l := lineOf(src, ins) // the line inserted before; it moves up one
		var orig []int
		for n := it.line + 1; n < l; n++ {
			orig = append(orig, n)
		}
		orig = append(orig, it.line)
		m.Line, m.Map = l-1, &LineMap{From: it.line, Orig: orig}
	}
	m.Old, m.What = src[m.Start:m.End], what
	return m
}

// levelList is a level's own section of a kind with a plain list: its
// top-level items.
func levelList(f *model.Family, r *model.Role, kind model.SectionKind) (*model.Section, []item) {
	for _, s := range r.Sections {
		if s.Kind != kind || s.Role != r || len(s.Bullets) == 0 {
			continue
		}
		items, ok := topItems(f, s.Bullets)
		if !ok {
			return nil, nil
		}
		return s, items
	}
	return nil, nil
}

// MovedItems returns, for each level with a Responsibilities and a
// Requirements list of its own, one top-level item of each list moved
// into the other, not as its first item, its text unchanged (the marker
// and indentation become the other list's). The item and the place are
// drawn with rng from every candidate: a one-line item with no nested
// list, not a lead-in (ending in a colon).
func MovedItems(f *model.Family, rng *rand.Rand) []Mutation {
	src := string(f.Source.Text)
	var out []Mutation
	for _, r := range f.Roles {
		if r.Kind != model.KindLevel {
			continue
		}
		_, resp := levelList(f, r, model.SecResponsibilities)
		_, req := levelList(f, r, model.SecRequirements)
		if len(resp) == 0 || len(req) == 0 {
			continue
		}
		for _, dir := range [][2][]item{{req, resp}, {resp, req}} {
			from, to := dir[0], dir[1]
			var cand []item
			for _, it := range from {
				if !it.parent && !strings.HasSuffix(strings.TrimSpace(src[it.text:it.lineEnd]), ":") {
					cand = append(cand, it)
				}
			}
			ins := insertionsAfter(src, to, -1)
			if len(cand) == 0 || len(ins) == 0 || len(from) < 2 {
				continue // an item moved out of a one-item list leaves no list
			}
			it, at := cand[rng.Intn(len(cand))], ins[rng.Intn(len(ins))]
			text := src[it.text:it.lineEnd]
			what := fmt.Sprintf("%s of %q moved to its %s: %q", sectionLabel(from[0].b), r.Title, sectionLabel(to[0].b), text)
			out = append(out, move(f, MovedItem, it, at.off, at.prefix+text, what))
		}
	}
	return out
}

func sectionLabel(b *model.Bullet) string {
	if b.Block != nil && b.Block.Section != nil {
		return string(b.Block.Section.Kind)
	}
	return "list"
}

// itemLists are the page's lists that the list rules read: lists of a
// role's or the family's sections of the given kinds.
func itemLists(f *model.Family, kinds ...model.SectionKind) [][]*model.Bullet {
	var out [][]*model.Bullet
	for _, l := range f.Lists {
		if len(l) == 0 || l[0].Block == nil || l[0].Block.Section == nil {
			continue
		}
		k := l[0].Block.Section.Kind
		for _, want := range kinds {
			if k == want {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// DroppedMarkers returns, for each list of a role's or the family's
// Responsibilities, Requirements, Nice-to-haves, Performance Indicators,
// Hiring Process or own bullets with three top-level items or more, one
// of its items (not the first), drawn with rng, without its marker, as a
// slip leaves it, in two forms: "continuation", the marker and the spaces
// after it removed, the line kept with its indentation (in a tight list
// it runs into the item above); "paragraph", also a blank line before it
// (a new paragraph; the form a loose list gets from the first).
func DroppedMarkers(f *model.Family, rng *rand.Rand) []Mutation {
	src := string(f.Source.Text)
	var out []Mutation
	for _, l := range itemLists(f, model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves,
		model.SecPerformance, model.SecHiringProcess, model.SecBody) {
		items, ok := topItems(f, l)
		if !ok || len(items) < 3 {
			continue
		}
		it := items[1+rng.Intn(len(items)-1)]
		markerAt := it.b.Span.Start
		text := src[it.text:it.lineEnd]
		m := newMutation(f, DroppedMarker, model.Span{Start: markerAt, End: it.text}, "",
			fmt.Sprintf("marker dropped (continuation): %q", text))
		out = append(out, m)
		if prev := strings.LastIndexByte(src[:it.lineStart-1], '\n') + 1; strings.TrimSpace(src[prev:it.lineStart]) == "" {
			continue // a blank line before it already: the first form is a paragraph
		}
		p := Mutation{Class: DroppedMarker, Page: f.Path, Start: it.lineStart, End: it.text, New: "\n",
			Line: it.line + 1, Map: &LineMap{From: it.line, Orig: []int{0, it.line}, Delta: 1},
			What: fmt.Sprintf("marker dropped (paragraph): %q", text)}
		p.Old = src[p.Start:p.End]
		out = append(out, p)
	}
	return out
}

// DuplicatedItems returns, for each list of a role's or the family's
// Responsibilities, Requirements, Nice-to-haves, Performance Indicators or
// own bullets with two top-level items or more, one of its top-level items
// of two words or more written again, verbatim, later in the list (before
// a later top-level item or after the last one); item and place drawn with
// rng. The Hiring Process is left out: duplicate-bullet does not compare
// its steps, on purpose.
func DuplicatedItems(f *model.Family, rng *rand.Rand) []Mutation {
	src := string(f.Source.Text)
	var out []Mutation
	for _, l := range itemLists(f, model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves,
		model.SecPerformance, model.SecBody) {
		items, ok := topItems(f, l)
		if !ok || len(items) < 2 {
			continue
		}
		type cand struct {
			it  item
			ins insertion
		}
		var cands []cand
		for i, it := range items {
			if it.parent || len(strings.Fields(it.b.Text)) < 2 {
				continue
			}
			for _, ins := range insertionsAfter(src, items, i) {
				cands = append(cands, cand{it, ins})
			}
		}
		if len(cands) == 0 {
			continue
		}
		c := cands[rng.Intn(len(cands))]
		line := src[c.it.lineStart:c.it.lineEnd]
		l := lineOf(src, c.ins.off)
		m := Mutation{Class: DuplicatedItem, Page: f.Path, Start: c.ins.off, End: c.ins.off, New: line + "\n", Line: l,
			Map: &LineMap{From: l, Orig: []int{c.it.line}, Delta: 1}, What: fmt.Sprintf("item of line %d written again: %q", c.it.line, line)}
		out = append(out, m)
	}
	return out
}

// levelLadder is the default config's tracks, which place a level
var levelLadder = ladder.New(lint.DefaultConfig().Grades.Tracks)

// CopiedLevels returns, for each level of the page with a Responsibilities
// or Requirements list, that list replaced by a verbatim copy of the same
// section's list of the level right below it on its track (the default
// tracks place the levels), and of the one two below: the list's lines,
// from its first item to its last. A copy that is the list already, a
// level the tracks do not place, and a lower level graded as high as the
// higher one (a family overview named like a level; "Absence Management
// Manager", placed below a Senior Partner by its words, is graded above)
// give none.
func CopiedLevels(f *model.Family) []Mutation {
	src := string(f.Source.Text)
	type placed struct {
		r     *model.Role
		place ladder.Place
	}
	tracks := map[int][]placed{}
	for _, r := range f.Roles {
		if r.Kind != model.KindLevel || r.Heading == nil {
			continue
		}
		if pl, ok := levelLadder.Classify(r.Title); ok {
			tracks[pl.Track] = append(tracks[pl.Track], placed{r, pl})
		}
	}
	var ids []int
	for t := range tracks {
		ids = append(ids, t)
	}
	sort.Ints(ids)
	var out []Mutation
	for _, t := range ids {
		ls := tracks[t]
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].place.Compare(ls[j].place) < 0 })
		for i, hi := range ls {
			for _, kind := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
				hs := ownList(hi.r, kind)
				if hs == nil {
					continue
				}
				// the distinct places below it, nearest first: the level right below and the one two below
				below := 0
				for j := i - 1; j >= 0 && below < 2; j-- {
					lo := ls[j]
					if lo.place.Compare(hi.place) >= 0 || j+1 < i && lo.place.Same(ls[j+1].place) {
						continue
					}
					below++
					if g, h := lo.r.Grade, hi.r.Grade; g != nil && h != nil && g.Number != nil && h.Number != nil && *g.Number >= *h.Number {
						continue // graded as high: the tracks' words aside, not a level below
					}
					los := ownList(lo.r, kind)
					if los == nil {
						continue
					}
					a, b := listLines(src, hs)
					c, d := listLines(src, los)
					if src[a:b] == src[c:d] {
						continue
					}
					first := lineOf(src, a)
					n := strings.Count(src[c:d], "\n") + 1
					m := Mutation{Class: CopiedLevel, Page: f.Path, Start: a, End: b, Old: src[a:b], New: src[c:d],
						Line: f.Source.Position(hs.Span.Start).Line, What: fmt.Sprintf("%s of %q replaced by those of %q (%d below)", kind, hi.r.Title, lo.r.Title, below)}
					m.LineTo = first + n - 1
					m.AltLines = []int{f.Source.Position(hi.r.Span.Start).Line}
					// the copy's lines stand for the lower list's: a finding of
					// its text there before is no new one
					orig := make([]int, n)
					for k := range orig {
						orig[k] = lineOf(src, c) + k
					}
					m.Map = &LineMap{From: first, Orig: orig, Delta: n - (strings.Count(src[a:b], "\n") + 1)}
					out = append(out, m)
				}
			}
		}
	}
	return out
}

// ownList is a role's own section of a kind whose marker is a heading or
// bold line and that holds a list of two top-level items or more.
func ownList(r *model.Role, kind model.SectionKind) *model.Section {
	for _, s := range r.Sections {
		if s.Kind != kind || s.Role != r || s.Style == model.StyleNone || len(s.Bullets) < 2 {
			continue
		}
		return s
	}
	return nil
}

// listLines is the range of a section's list lines: from its first item's
// line start to the end of its last item's text (nested items too).
func listLines(src string, s *model.Section) (int, int) {
	a := strings.LastIndexByte(src[:s.Bullets[0].Span.Start], '\n') + 1
	b := s.Bullets[len(s.Bullets)-1].Span.End
	for b < len(src) && src[b] != '\n' {
		b++
	}
	return a, b
}
