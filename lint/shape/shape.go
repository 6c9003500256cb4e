package shape

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Ladder is a run of levels found on a page (or across a folder's pages).
type Ladder struct {
	From   string // "headings", "table", "tabs", "bullets", "paragraphs", "chain" or "pages"
	Levels []*Level
	Table  *model.Table // for a table ladder
	HTML   bool         // the table is an HTML <table>
}

// Level is one level of a ladder.
type Level struct {
	Title     string
	File      *model.Family
	Heading   *model.Heading // nil for a table level
	TitleSpan model.Span     // the heading text, or the table cell
	Body      model.Span     // the level's content after its title; empty for a table level
	Code      *Code
	CodeSpan  model.Span
	Place     ladder.Place
	Placed    bool // Place holds a track step named by a keyword (or the bare role name)
	Dims      []*Dimension
	// SameAs holds the levels a "Same as L1, L2, but also" or "Middle
	// responsibilities plus:" sentence names (its first prose under the level):
	// the level inherits their dimensions.
	SameAs []string
	// Listed: a rung a list of the ladder's tiers names, with no section
	// of its own (the page describes it in prose elsewhere): its item is
	// all it has, and that says nothing of an empty level
	Listed bool
}

// Dimension is a named part of a level: a sub-heading, a bold label, or a
// table cell under its column or row header.
type Dimension struct {
	Name  string
	Key   string // normalized name
	Kind  string // requirements, responsibilities, nice-to-haves, anti-patterns, or ""
	Span  model.Span
	Body  model.Span
	Text  string // the body's plain text, normalized spaces
	Block *model.Block
	// for a table cell: its column, and the first cell of its row
	Col int
	Row *model.Block
}

// Options are the words a profile gives the finder.
type Options struct {
	Ladder   *ladder.Ladder
	Sections map[string][]string // kind -> names
}

var sameAsSep = regexp.MustCompile(`\s*(?:,|\band\b|&)\s*`)

var sameAsRE = regexp.MustCompile(`(?i)^\s*(?:same as|everything (?:in|from)|all of)\s+(.+?)(?:,?\s*(?:but|plus|and)\s+also\b|,?\s*plus\b|:|$)`)

// plusRE is the other way to say it: "Middle responsibilities plus:",
// "Senior requirements, and also": the level named, then what it passes on.
var plusRE = regexp.MustCompile(`(?i)^\s*(.+?)(?:'s)?\s+(?:responsibilities|requirements|expectations|skills)\s*,?\s*(?:plus|(?:but|and) also)\b\s*:?\s*$`)

// Find returns the ladders of a page: levels written as sibling headings,
// and tables of levels by dimensions.
func Find(f *model.Family, o Options) []*Ladder {
	var out []*Ladder
	tables := tableLadders(f, o)
	if l := tabLadder(f, o); l != nil {
		tables = append(tables, l)
	}
	if l := headingLadder(f, o, len(tables) == 0, false); l != nil {
		l.Levels = append(l.Levels, labelledBeyond(f, o, l.Levels)...)
		if t := listedTiers(f, o, true); t != nil && holdsAll(t.Levels, l.Levels) {
			l = t // a summary list naming the headed rungs and more
		}
		out = append(out, l)
	} else if len(tables) == 0 {
		if l := bulletLadder(f, o); l != nil {
			out = append(out, l)
		} else if l := listedTiers(f, o, false); l != nil {
			out = append(out, l)
		} else if l := transitionLadder(f, o); l != nil {
			out = append(out, l)
		} else if l := paragraphLadder(f, o); l != nil {
			out = append(out, l)
		} else if l := chainLadder(f, o); l != nil {
			out = append(out, l)
		} else if l := steppedRungs(f, o); l != nil {
			out = append(out, l)
		} else if l := headingLadder(f, o, true, true); l != nil {
			// the page's only ladder is a roster: it names the rungs
			out = append(out, l)
		} else if l := valueLadder(f); l != nil {
			// the levels are only the values of a table's column
			out = append(out, l)
		}
	}
	return append(out, tables...)
}

// holdsAll reports whether the tiers a list names hold every level of a
// heading ladder (by its heading's text) and more: the list names rungs
// whose headings the tracks do not place ("# Project Leads") or that have
// none ("- *Collaborators*: ..."), in the page's order.
func holdsAll(tiers, heads []*Level) bool {
	if len(tiers) <= len(heads) {
		return false
	}
	at := map[int]bool{}
	for _, t := range tiers {
		at[t.TitleSpan.Start] = true
	}
	for _, h := range heads {
		if h.Heading == nil || !at[h.TitleSpan.Start] {
			return false
		}
	}
	return true
}

// labelledBeyond finds the rungs that a page's list of roles, written as
// bold-label paragraphs before the ladder's headings, names beyond the
// headings' last rung: Kairos's "**Contributors**:", "**Approver**:",
// "**Maintainer**:", "**Admin**:" under "### Project Roles", then "####
// Contributors", "#### Approvers", "#### Maintainers" and no section for
// Admin. The labels name the headings' rungs, in their order (in either
// case and number), then one rung or more, each on the ladder's track and
// beyond the one before it in the ladder's direction; those are levels,
// Listed, each with its paragraph.
func labelledBeyond(f *model.Family, o Options, lv []*Level) []*Level {
	if len(lv) < 2 || lv[0].Heading == nil {
		return nil
	}
	dir, ok := oneTrackDirection(lv)
	if !ok {
		return nil
	}
	p := paragraphLadder(f, o)
	if p == nil || len(p.Levels) <= len(lv) {
		return nil
	}
	labels := p.Levels
	if labels[len(labels)-1].Body.End > lv[0].Heading.Span.Start {
		return nil // the labels come before the headings
	}
	for i, l := range lv {
		if roleKey(labels[i].Title) != roleKey(l.Title) {
			return nil
		}
	}
	extra := labels[len(lv):]
	edge := lv[len(lv)-1]
	for _, l := range extra {
		if !l.Placed || l.Code != nil || l.Place.Track != edge.Place.Track {
			return nil
		}
		if d := l.Place.Compare(edge.Place); d == 0 || (d > 0) != (dir > 0) {
			return nil
		}
		l.Listed = true
		edge = l
	}
	return extra
}

// steppedRungs finds a ladder of two rungs written one step down, top
// first: a heading that names a rung, then, as the first sub-heading of the
// sibling right after it, the rung below (Atlantis's "## Project Steering
// Committee", then "## Repository Governance" over "### Maintainer"). The
// sibling in between names no rung, both rungs are on one track, uncoded,
// the second strictly below the first, and no other heading of the page
// names a rung on that track but as a sub-heading of one of the two. Only a
// page whose headings, tables, lists and paragraphs hold no ladder is read
// for one.
func steppedRungs(f *model.Family, o Options) *Ladder {
	hs := f.Headings
	var found []*Level
	for i := range hs {
		a := headingLevel(f, o, hs, i)
		if a == nil || !a.Placed || a.Code != nil {
			continue
		}
		// the next sibling: the next heading at a's depth or above
		j := i + 1
		for j < len(hs) && hs[j].Level > hs[i].Level {
			j++
		}
		if j >= len(hs) || hs[j].Level != hs[i].Level || j+1 >= len(hs) || hs[j+1].Level <= hs[j].Level {
			continue
		}
		if headingLevel(f, o, hs, j) != nil {
			continue
		}
		b := headingLevel(f, o, hs, j+1)
		if b == nil || !b.Placed || b.Code != nil || b.Place.Track != a.Place.Track || b.Place.Compare(a.Place) >= 0 {
			continue
		}
		if found != nil {
			return nil // two such pairs: no one ladder
		}
		found = []*Level{a, b}
	}
	if found == nil {
		return nil
	}
	for i := range hs {
		if hs[i] == found[0].Heading || hs[i] == found[1].Heading || within(hs[i], found[0]) || within(hs[i], found[1]) {
			continue
		}
		if l := headingLevel(f, o, hs, i); l != nil && l.Placed && l.Code == nil && l.Place.Track == found[0].Place.Track {
			return nil
		}
	}
	for _, l := range found {
		l.Dims = dimensions(f, o, l)
	}
	return &Ladder{From: "headings", Levels: found}
}

// rosters reports whether every level of a group is a roster (see roster).
// An empty group is none.
func rosters(f *model.Family, lv []*Level) bool {
	if len(lv) == 0 {
		return false
	}
	for _, l := range lv {
		if !roster(f, l) {
			return false
		}
	}
	return true
}

// roster reports whether a level is a list of the people who hold the
// rung, not the rung described (iLogtail's "### PMC", "### Committer",
// "### Contributor" under "### iLogtail Development Team", after the rungs
// were described). Its body holds blocks that each name a person: a link
// and besides it a few words at most ("- Kejia Xu ([@messixukejia](...))",
// "Jerome Lin <jerome.lin@example.com>", or a link alone to the list of
// contributors), or a name written plainly, a few words with no sentence's
// stop and no placeholder ("- Yu Sun"). An empty level is none.
func roster(f *model.Family, l *Level) bool {
	n := 0
	for _, b := range BlocksIn(f, l.Body) {
		if b.Kind == model.BlockHeading {
			continue
		}
		if !namesOnly(b) {
			return false
		}
		n++
	}
	return n > 0
}

// namesOnly reports whether a block names a person and says nothing more.
func namesOnly(b *model.Block) bool {
	if len(b.Links) > 0 {
		return wordsBesideLinks(b) <= 4
	}
	t := strings.TrimSpace(b.Text)
	if t == "" || strings.ContainsAny(t[len(t)-1:], ".:;!?") || placeholderRE.MatchString(t) {
		return false
	}
	n := len(strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	return n > 0 && n <= 4
}

// placeholderRE is a level's text that stands for content to come, not a
// name.
var placeholderRE = regexp.MustCompile(`(?i)^\W*(?:tbd|tba|todo|n/?a|none|coming soon|to be (?:defined|decided|determined|written|added)|-+)\W*$`)

// describedRuns drops from a group of levels that names the same rungs
// twice (smart-doc's roster "### PMC", "### Committer", "### Contributor",
// then, after a thematic break, "### Maintainer", "### Committer", "###
// Contributor" described) the run that is a roster: the group is cut into
// runs, each on one track and each level a step beyond the one before in
// one direction; a run most of whose levels are rosters is dropped when a
// run that names one of its rungs again holds no roster. A group without a
// repeated rung, or whose runs are alike, is left as it is.
func describedRuns(f *model.Family, lv []*Level) []*Level {
	type rung struct{ track, step, sub int }
	seen, again := map[rung]bool{}, false
	for _, l := range lv {
		if l.Placed && l.Code == nil {
			k := rung{l.Place.Track, l.Place.Step, l.Place.Sub}
			again = again || seen[k]
			seen[k] = true
		}
	}
	if !again {
		return lv
	}
	var runs [][]*Level
	dir := 0
	for i, l := range lv {
		if i > 0 {
			a := lv[i-1]
			d := 0
			if a.Placed && l.Placed && a.Code == nil && l.Code == nil && a.Place.Track == l.Place.Track {
				d = l.Place.Compare(a.Place)
			}
			if d != 0 && (dir == 0 || (d > 0) == (dir > 0)) {
				runs[len(runs)-1] = append(runs[len(runs)-1], l)
				dir = d
				continue
			}
		}
		runs = append(runs, []*Level{l})
		dir = 0
	}
	if len(runs) < 2 {
		return lv
	}
	// the rungs that runs without a roster name: linear work however many
	// runs a page writes
	counts := make([]int, len(runs))
	described := map[rung]bool{}
	for i, r := range runs {
		for _, l := range r {
			if roster(f, l) {
				counts[i]++
			}
		}
		if counts[i] > 0 {
			continue
		}
		for _, l := range r {
			if l.Placed && l.Code == nil {
				described[rung{l.Place.Track, l.Place.Step, l.Place.Sub}] = true
			}
		}
	}
	drop := map[int]bool{}
	for i, r := range runs {
		if 2*counts[i] <= len(r) {
			continue
		}
		for _, l := range r {
			if l.Placed && l.Code == nil && described[rung{l.Place.Track, l.Place.Step, l.Place.Sub}] {
				drop[i] = true
				break
			}
		}
	}
	if len(drop) == 0 {
		return lv
	}
	var out []*Level
	for i, r := range runs {
		if !drop[i] {
			out = append(out, r...)
		}
	}
	return out
}

// wordsBesideLinks counts the words of a block's text outside its links'
// text.
func wordsBesideLinks(b *model.Block) int {
	text, at, n := b.Text, 0, 0
	for _, k := range b.Links {
		s := k.TextIn
		if s.Start < at || s.End > len(text) || s.Start > s.End {
			continue
		}
		n += len(strings.FieldsFunc(text[at:s.Start], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		at = s.End
	}
	return n + len(strings.FieldsFunc(text[at:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// within reports whether heading h lies in level l's body.
func within(h *model.Heading, l *Level) bool {
	return h.Span.Start >= l.Body.Start && h.Span.Start < l.Body.End
}

// headingLadder finds the largest group of sibling headings that name
// levels. With few, only a group of parallel levels counts (see parallel),
// and only on a page whose tables hold no ladder: there, the table names
// the levels and the headings are a few of them described at length. A
// group of rosters is passed over unless rostersToo: it names the rungs
// in their order, and is a page's ladder when the page has no other.
func headingLadder(f *model.Family, o Options, few, rostersToo bool) *Ladder {
	hs := f.Headings
	if len(hs) < 2 {
		return nil
	}
	parent := make([]int, len(hs))
	var stack []int
	for i, h := range hs {
		for len(stack) > 0 && hs[stack[len(stack)-1]].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		parent[i] = -1
		if len(stack) > 0 {
			parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	type key struct{ parent, level int }
	groups := map[key][]int{}
	var order []key
	for i, h := range hs {
		k := key{parent[i], h.Level}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	var best []*Level
	var bestG []int
	var listed map[string]bool // the tables' first columns, when asked
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		var lv []*Level
		for _, i := range g {
			if l := headingLevel(f, o, hs, i); l != nil {
				lv = append(lv, l)
			}
		}
		lv = namedScopeRungs(f, o, hs, g, lv)
		lv = topicRungs(f, o, hs, g, lv)
		lv = bareRoleNames(f, o, hs, g, lv)
		lv = collectiveRungs(f, o, hs, g, lv)
		lv = listRungs(f, o, hs, g, lv)
		lv = transposedRungs(f, o, hs, g, lv)
		lv = toppedRungs(f, o, hs, g, lv)
		lv = transitionRungs(f, o, hs, g, lv)
		lv = holderRungs(f, o, hs, g, lv)
		lv = becomingRungs(f, o, hs, g, lv)
		lv = rangedTiers(f, hs, g, lv)
		lv = scaleTiers(f, hs, g, lv)
		lv = builtOnRungs(f, o, hs, g, lv)
		lv = codedOnly(lv)
		lv = describedRuns(f, lv)
		if outline(lv) || rosters(f, lv) != rostersToo {
			continue
		}
		if (len(lv) < 2 || 2*len(lv) < len(g) && !(few && (parallel(f, lv) || opening(hs, g, lv))) && !run(hs, g, lv)) && !tableListed(f, lv, &listed) {
			continue
		}
		if r, rb := distinctRungs(lv), distinctRungs(best); r > rb || r == rb && len(lv) > len(best) {
			best, bestG = lv, g
		}
	}
	if best == nil {
		return nil
	}
	best = parallelBetween(f, o, hs, bestG, best)
	best = splitLevels(f, o, hs, parent, best)
	best, sub := childRungs(f, o, hs, parent, best)
	if sub == nil {
		best, sub = nestedUp(f, o, hs, parent, best)
	}
	n := len(best)
	if best = parentSiblings(f, o, hs, parent, best); len(best) == n {
		best = roleSiblings(f, o, hs, parent, best)
	}
	best = definedRungs(f, o, hs, parent, best)
	best = ranksWithin(f, o, hs, parent, best)
	best = definedItemRanks(f, o, hs, parent, best)
	best = leadInRung(f, o, hs, parent, best)
	for _, l := range best {
		l.Dims = dimensions(f, o, l)
		if c := sub[l]; c != nil {
			l.Dims = slices.DeleteFunc(l.Dims, func(d *Dimension) bool { return d.Span.Start >= c.Span.Start && d.Span.Start < c.Span.End })
		}
		l.SameAs = sameAs(f, l)
	}
	return &Ladder{From: "headings", Levels: best}
}

// parallelBetween adds to a ladder a sibling heading between two of its
// levels that names no level by its words ("Triage" between "Active
// Contributor" and "Maintainer") when it carries their content: its
// dimensions hold three or more of each neighbour's, and two thirds of them.
func parallelBetween(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	at := map[*model.Heading]*Level{}
	for _, l := range lv {
		at[l.Heading] = l
	}
	keys := func(l *Level) map[string]bool {
		m := map[string]bool{}
		for _, d := range dimensions(f, o, l) {
			m[d.Key] = true
		}
		return m
	}
	shares := func(c, n map[string]bool) bool {
		k := 0
		for key := range n {
			if c[key] {
				k++
			}
		}
		return k >= 3 && 3*k >= 2*len(n)
	}
	var out []*Level
	for n, i := range g {
		if l := at[hs[i]]; l != nil {
			out = append(out, l)
			continue
		}
		if n == 0 || n+1 == len(g) || namesSection(hs[i].Text) {
			continue
		}
		a, b := at[hs[g[n-1]]], at[hs[g[n+1]]]
		if a == nil || b == nil {
			continue
		}
		c := &Level{Title: hs[i].Text, File: f, Heading: hs[i], TitleSpan: hs[i].TextSpan, Body: bodyOf(f, hs, i)}
		if namesBothRungs(f, c, a, b) || definedBetween(f, c, a, b) || unqualifiedBetween(c, a, b) {
			out = append(out, c)
			continue
		}
		ck := keys(c)
		if shares(ck, keys(a)) && shares(ck, keys(b)) {
			out = append(out, c)
		}
	}
	return out
}

// unqualifiedBetween reports whether c, a sibling between rungs a and b
// that names no level, is the rung its neighbour's role word names without
// the neighbour's scope word: PyAMG's "#### Regular Developers:" between
// "#### Core Developers:" and "#### Contributors:", top first. The core
// of a role is above the rest of its holders, so a sibling titled by the
// role word alone, or after a plain word ("Regular", "Ordinary"), between
// the scoped rung and a rung below it on the same track, with a step between
// them to hold it, is the rung between. A role word after another word
// ("New Developers", a group of people; "Developer Guide"), or a neighbour
// that is no rung below the scoped one, makes none.
func unqualifiedBetween(c, a, b *Level) bool {
	words := func(t string) []string {
		return strings.Fields(strings.ToLower(strings.TrimSuffix(strings.TrimSpace(t), ":")))
	}
	cw := words(c.Title)
	if len(cw) == 2 && ladder.PlainWord(cw[0]) {
		cw = cw[1:]
	}
	if len(cw) != 1 || !hasLetters(cw[0]) {
		return false
	}
	role := model.Singular(cw[0])
	for _, q := range [][2]*Level{{a, b}, {b, a}} {
		scoped, below := q[0], q[1]
		if !scoped.Placed || !below.Placed || scoped.Code != nil || below.Code != nil ||
			scoped.Place.Track != below.Place.Track || scoped.Place.Step-below.Place.Step < 2 {
			continue
		}
		sw := words(scoped.Title)
		if len(sw) == 2 && ladder.ScopeWord(sw[0]) && model.Singular(sw[1]) == role {
			return true
		}
	}
	return false
}

// namesBothRungs reports whether c, a sibling between rungs a and b that
// names no level, is a rung of its own between them by its first
// paragraph: titled by one word, a name the tracks do not know (Feast's
// "## CODEOWNERS", after a GitHub file), it opens by naming both
// neighbours' roles ("On top of maintainers ..., other contributors can
// also be added"). A section between two rungs titled in words ("Code of
// Conduct") or saying nothing of the rungs around it is no rung.
func namesBothRungs(f *model.Family, c, a, b *Level) bool {
	if len(strings.Fields(c.Title)) != 1 || !hasLetters(c.Title) || !a.Placed || !b.Placed ||
		a.Code != nil || b.Code != nil || a.Place.Track != b.Place.Track {
		return false
	}
	ra, rb := rungWord(a), rungWord(b)
	for _, bl := range BlocksIn(f, c.Body) {
		if bl.Kind == model.BlockHeading {
			continue
		}
		return MentionsRole(bl.Text, ra) && MentionsRole(bl.Text, rb)
	}
	return false
}

// definedBetween reports whether c, a sibling between rungs a and b of one
// track that names no level, opens by defining its holders as members of
// the lower rung's kind with more ("Subject Matter Experts are members of
// the Bevy Organization that have proven themselves", between "Maintainer"
// and "Bevy Org Member"): a rung between them. Its title must not be a
// section's ("Responsibilities").
func definedBetween(f *model.Family, c, a, b *Level) bool {
	if !a.Placed || !b.Placed || a.Code != nil || b.Code != nil || a.Place.Track != b.Place.Track || a.Place.Step == b.Place.Step {
		return false
	}
	low := a
	if b.Place.Step < a.Place.Step {
		low = b
	}
	title := strings.TrimSpace(parenRE.ReplaceAllString(c.Title, ""))
	for _, bl := range BlocksIn(f, c.Body) {
		if bl.Kind == model.BlockHeading {
			continue
		}
		return definesMemberOf(bl.Text, title, rungWord(low))
	}
	return false
}

// parenRE is a parenthesised note in a title.
var parenRE = regexp.MustCompile(`\s*\([^()]*\)`)

// definesMemberOf reports whether text opens "<title> are <rung>s of the
// <name> that|who ...", the title in either number.
func definesMemberOf(text, title, rung string) bool {
	if strings.TrimSpace(title) == "" || strings.TrimSpace(rung) == "" {
		return false
	}
	ws := strings.Fields(strings.ToLower(title))
	for i := range ws {
		ws[i] = regexp.QuoteMeta(strings.TrimSuffix(ws[i], "s"))
	}
	re, err := regexp.Compile(`^(?:the\s+)?` + strings.Join(ws, `s?\s+`) + `s?\s+are\s+` + regexp.QuoteMeta(strings.TrimSuffix(strings.ToLower(rung), "s")) +
		`s\s+of\s+(?:the\s+)?(?:[^\s.]+\s+){1,4}?(?:that|who|whose)\b`)
	if err != nil {
		return false
	}
	return re.MatchString(strings.ToLower(strings.TrimSpace(text)))
}

// rungWord is the role word that places a level ("Maintainers" for
// "Maintainers (project + area)").
func rungWord(l *Level) string {
	return strings.TrimPrefix(l.Place.Keyword, "^")
}

// splitLevels adds to a ladder the levels that a heading written at the
// wrong depth split from it: its parent when the parent names another rung
// of the same track (gRPC's "## Organization Member" holds "### Core
// Contributor" and "### Maintainer"), and a lone level just before it under
// another parent when the shallower heading between them is a part of that
// level ("## Contributor", then "# Process for becoming a contributor", then
// "## Committer").
func splitLevels(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	first := best[0]
	i0 := -1
	for i, h := range hs {
		if h == first.Heading {
			i0 = i
			break
		}
	}
	if i0 < 0 || !first.Placed || first.Code != nil {
		return best
	}
	below := func(l *Level) bool {
		return l != nil && l.Placed && l.Code == nil && l.Place.Track == first.Place.Track && l.Place.Compare(first.Place) < 0
	}
	// the parent, titled by the role alone ("Contributor Ladder" names the
	// ladder) and not the page's title: a heading of its own depth
	// elsewhere, or one above it
	if pi := parent[i0]; pi >= 0 && (parent[pi] >= 0 || sameDepthElsewhere(hs, pi)) {
		if l := headingLevel(f, o, hs, pi); l != nil && l.Placed && l.Code == nil && l.Place.Stem == "" && l.Place.Track == first.Place.Track && l.Place.Compare(first.Place) != 0 {
			l.Body.End = first.Heading.Span.Start
			return append([]*Level{l}, best...)
		}
	}
	// the heading at the ladder's depth before it, across one shallower
	// heading that names the level it follows
	var between *model.Heading
	for j := i0 - 1; j >= 0; j-- {
		h := hs[j]
		switch {
		case h.Level > first.Heading.Level:
			continue
		case h.Level < first.Heading.Level:
			if between != nil {
				return best
			}
			between = h
			continue
		}
		if between == nil {
			return best
		}
		l := headingLevel(f, o, hs, j)
		if !below(l) || !MentionsRole(between.Text, l.Place.Label) {
			return best
		}
		if pj := parent[j]; pj >= 0 && headingLevel(f, o, hs, pj) != nil {
			return best
		}
		l.Body.End = between.Span.Start
		return append([]*Level{l}, best...)
	}
	return best
}

// childRungs adds to a ladder written top first the rung written as a
// sub-heading of the rung above it (Rook's "### Reviewer Role" under "##
// Maintainer Role", beside "### Becoming a maintainer"): a child heading
// titled by a role word alone (or with "Role"), on the parent's track,
// below it and above the ladder's next level. sub maps a parent to the
// child heading, which is no dimension of the parent.
func childRungs(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) ([]*Level, map[*Level]*model.Heading) {
	if len(best) < 2 {
		return best, nil
	}
	if dir, ok := oneTrackDirection(best); !ok || dir > 0 {
		return best, nil // not all of one track, top first
	}
	idx := map[*model.Heading]int{}
	for i, h := range hs {
		idx[h] = i
	}
	var sub map[*Level]*model.Heading
	var out []*Level
	for n, l := range best {
		out = append(out, l)
		pi, ok := idx[l.Heading]
		if !ok {
			continue
		}
		for ci := pi + 1; ci < len(hs) && hs[ci].Span.Start < l.Body.End; ci++ {
			if parent[ci] != pi {
				continue
			}
			c := headingLevel(f, o, hs, ci)
			if c == nil || !c.Placed || c.Code != nil || c.Place.Track != l.Place.Track || c.Place.Compare(l.Place) >= 0 ||
				(c.Place.Stem != "" && c.Place.Stem != "role") {
				continue
			}
			if n+1 < len(best) && c.Place.Compare(best[n+1].Place) <= 0 {
				continue
			}
			if sub == nil {
				sub = map[*Level]*model.Heading{}
			}
			sub[l] = hs[ci]
			out = append(out, c)
			break
		}
	}
	return out, sub
}

// nestedUp adds to a ladder written bottom first the rungs written as a
// sub-heading of the rung below them (Data 8's "## Tutor" holding "###
// Returning Tutors (8 hours)", "### New Tutors (8 hours)", then "### uGSIs
// (Undergraduate Student Instructors)"): the first child heading of the
// ladder's last level that names a rung of its track above it, by a role
// alone or by an acronym spelled out in parentheses. Then, in turn, the
// first child of that rung titled as its lead or head, "Lead" or "Head"
// and the rung's own name ("#### Lead uGSI (20)" beside "#### uGSI,
// returning (8)"), is the rung above it. sub maps a parent to the child
// heading, which is no dimension of the parent. The ladder is of one track,
// uncoded, going up, two levels at least.
func nestedUp(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) ([]*Level, map[*Level]*model.Heading) {
	if len(best) < 2 || o.Ladder == nil {
		return best, nil
	}
	if dir, ok := oneTrackDirection(best); !ok || dir < 0 {
		return best, nil // not all of one track, bottom first
	}
	idx := map[*model.Heading]int{}
	for i, h := range hs {
		idx[h] = i
	}
	last := best[len(best)-1]
	pi, ok := idx[last.Heading]
	if !ok {
		return best, nil
	}
	var up *Level
	for ci := pi + 1; ci < len(hs) && hs[ci].Span.Start < last.Body.End; ci++ {
		if parent[ci] != pi {
			continue
		}
		c := headingLevel(f, o, hs, ci)
		if c == nil || !c.Placed || c.Code != nil || c.Place.Track != last.Place.Track || c.Place.Compare(last.Place) <= 0 {
			continue
		}
		if c.Place.Stem != "" && !spelledOut(o, c) {
			continue
		}
		up = c
		break
	}
	if up == nil {
		return best, nil
	}
	sub := map[*Level]*model.Heading{last: up.Heading}
	out := append(best[:len(best):len(best)], up)
	ui := idx[up.Heading]
	name := roleKey(strings.TrimSpace(parenRE.ReplaceAllString(up.Title, "")))
	for ci := ui + 1; ci < len(hs) && hs[ci].Span.Start < up.Body.End; ci++ {
		if parent[ci] != ui {
			continue
		}
		c := headingLevel(f, o, hs, ci)
		if c == nil || !c.Placed || c.Code != nil || roleKey(c.Place.Stem) != name {
			continue
		}
		if w := strings.ToLower(c.Place.Label); w != "lead" && w != "head" {
			continue
		}
		sub[up] = c.Heading
		out = append(out, c)
		break
	}
	return out, sub
}

// spelledOut reports whether a level's title is an acronym, one word, with
// the role it stands for in parentheses after it, placed with no stem of
// its own ("uGSIs (Undergraduate Student Instructors)").
func spelledOut(o Options, l *Level) bool {
	m := parenRE.FindStringSubmatchIndex(l.Title)
	if m == nil {
		return false
	}
	main := strings.TrimSpace(l.Title[:m[0]])
	if len(strings.Fields(main)) != 1 || strings.TrimSpace(l.Title[m[1]:]) != "" {
		return false
	}
	if _, ok := o.Ladder.Classify(main); ok {
		return false // the word outside names a role itself
	}
	inner := strings.Trim(l.Title[m[0]:m[1]], " ()")
	p, ok := o.Ladder.Classify(inner)
	return ok && !p.Implied && p.Stem == "" && p.Same(l.Place)
}

// parentSiblings adds to a ladder the rungs written one level up, beside
// the heading that holds it, that go on with its order: Kuma's "##
// Maintainership" holds "### Maintainers" and "### Reviewers" (top first),
// between "## Steering committee" (above the maintainers) and "##
// Organization members" (below the reviewers). The ladder is of one track,
// uncoded, in one direction; a sibling joins only next to the holding
// heading or to a sibling that joined, on the ladder's track, beyond its
// first level (before the holder) or its last (after it). A rung of the
// track beside the holder that breaks the order leaves the ladder as it was.
func parentSiblings(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	dir, pi, ok := heldLadder(hs, parent, best)
	if !ok || headingLevel(f, o, hs, pi) != nil {
		return best // held by the page's title, or by a rung (splitLevels)
	}
	var sibs []int
	for j := range hs {
		if parent[j] == parent[pi] && hs[j].Level == hs[pi].Level {
			sibs = append(sibs, j)
		}
	}
	at := slices.Index(sibs, pi)
	// fits reports whether l goes on from edge away from the ladder:
	// above it when sign is the ladder's direction reversed
	fits := func(l, edge *Level, sign int) (rung, ok bool) {
		if l == nil || !l.Placed || l.Code != nil || l.Place.Track != edge.Place.Track {
			return false, true
		}
		d := l.Place.Compare(edge.Place)
		return true, d != 0 && (d > 0) == (sign > 0)
	}
	var before []*Level
	edge := best[0]
	for k := at - 1; k >= 0; k-- {
		l := headingLevel(f, o, hs, sibs[k])
		rung, ok := fits(l, edge, -dir)
		if !ok {
			return best
		}
		if !rung {
			break
		}
		before = append([]*Level{l}, before...)
		edge = l
	}
	var after []*Level
	edge = best[len(best)-1]
	for k := at + 1; k < len(sibs); k++ {
		l := headingLevel(f, o, hs, sibs[k])
		rung, ok := fits(l, edge, dir)
		if !ok {
			return best
		}
		if !rung {
			break
		}
		after = append(after, l)
		edge = l
	}
	if len(before) == 0 && len(after) == 0 {
		return best
	}
	return append(append(before, best...), after...)
}

// roleSiblings adds to a ladder held by a heading that names roles (MDN's
// "## Roles" over "### Contributor", "### Organization member", "###
// Owner") the siblings right after the holder that name roles too, up to
// the first that does not ("## Maintainer", "## Invited expert", "##
// Community Manager", then "## Processes"): each a rung of the ladder's
// track not below its last (in the ladder's direction), or a role on no
// track; one of them at least on the track. The ladder is of one track,
// uncoded, in one direction, all its levels under the holder.
func roleSiblings(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	if o.Ladder == nil {
		return best
	}
	dir, pi, ok := heldLadder(hs, parent, best)
	if !ok || !namesLadder(hs[pi].Text) || namesSection(hs[pi].Text) || headingLevel(f, o, hs, pi) != nil {
		return best
	}
	edge := best[len(best)-1]
	var after []*Level
	onTrack := false
	for j := pi + 1; j < len(hs); j++ {
		if hs[j].Level > hs[pi].Level {
			continue
		}
		if hs[j].Level < hs[pi].Level || namesSection(hs[j].Text) {
			break
		}
		if l := headingLevel(f, o, hs, j); l != nil {
			if !l.Placed || l.Code != nil || l.Place.Track != edge.Place.Track {
				break
			}
			if d := l.Place.Compare(edge.Place); d != 0 && (d > 0) != (dir > 0) {
				break
			}
			after = append(after, l)
			onTrack = true
			continue
		}
		p, ok := o.Ladder.Classify(hs[j].Text)
		if !ok || !p.Implied || p.Stem == "" || retired(p.Stem) {
			break
		}
		after = append(after, &Level{Title: hs[j].Text, File: f, Heading: hs[j], TitleSpan: hs[j].TextSpan, Body: bodyOf(f, hs, j)})
	}
	if !onTrack {
		return best
	}
	return append(best, after...)
}

// definedRungs adds to a ladder written bottom first the siblings right
// after its last level that the page defines as that rung with more:
// LakeSoul's "## Technical Manager: ", after "## User: " and "##
// Contributors: ", opens "The technical manager is the contributor with
// authority to merge the code." A sibling titled by a role the tracks do
// not rank, whose first sentence says it is the rung below it ("is the
// contributor with", "are maintainers who"), is the next rung up; each
// such sibling may define the next. "The community manager is the person
// who helps ..." names no rung: a role beside the ladder. The ladder is of
// one track, uncoded, going up, its levels siblings.
func definedRungs(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	if o.Ladder == nil {
		return best
	}
	if dir, ok := oneTrackDirection(best); !ok || dir <= 0 {
		return best
	}
	i := slices.Index(hs, best[len(best)-1].Heading)
	if i < 0 {
		return best
	}
	for _, l := range best {
		if j := slices.Index(hs, l.Heading); j < 0 || parent[j] != parent[i] {
			return best
		}
	}
	rung := best[len(best)-1].Place.Label
	for {
		j := i + 1
		for j < len(hs) && hs[j].Level > hs[i].Level {
			j++
		}
		if j >= len(hs) || hs[j].Level != hs[i].Level || namesSection(hs[j].Text) || headingLevel(f, o, hs, j) != nil {
			break
		}
		title := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(hs[j].Text), ":"))
		p, ok := o.Ladder.Classify(title)
		if !ok || !p.Implied || p.Stem == "" || retired(p.Stem) {
			break
		}
		body := bodyOf(f, hs, j)
		if !definedAs(f, body, title, rung) {
			break
		}
		best = append(best, &Level{Title: hs[j].Text, File: f, Heading: hs[j], TitleSpan: hs[j].TextSpan, Body: body})
		i, rung = j, title
	}
	return best
}

// ranksWithin replaces a level of a ladder by the ranks its sub-headings
// name, when every sub-heading of one depth names a level (two or more),
// uncoded, and none is on the level's own track: TEAMMATES's "## Core team
// member", after "## Contributor" and "## Committer", holds "### Snr
// Developer", "### Area Lead", "### Project Lead" and "### Project Mentor",
// the ranks a core team member goes through. The umbrella is no rung apart
// from its ranks: its first rank is where it starts. A sub-heading that
// names no level ("### Duties") or a rung of the umbrella's own track (a
// sub-rung, see childRungs) leaves the level as it is.
func ranksWithin(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	return expandLevels(best, func(l *Level) []*Level { return ranksOf(f, o, hs, parent, l) })
}

// expandLevels replaces each level of best by what expand returns for it
// (the level alone, or the ranks it holds); a ladder of fewer than two
// levels is left as it is.
func expandLevels(best []*Level, expand func(*Level) []*Level) []*Level {
	if len(best) < 2 {
		return best
	}
	var out []*Level
	for _, l := range best {
		out = append(out, expand(l)...)
	}
	return out
}

// ranksOf returns the ranks that level l's sub-headings name (see
// ranksWithin), or l alone.
func ranksOf(f *model.Family, o Options, hs []*model.Heading, parent []int, l *Level) []*Level {
	pi := slices.Index(hs, l.Heading)
	if pi < 0 || !l.Placed || l.Code != nil {
		return []*Level{l}
	}
	var g []int
	for ci := pi + 1; ci < len(hs) && hs[ci].Span.Start < l.Body.End; ci++ {
		if parent[ci] == pi {
			if len(g) > 0 && hs[ci].Level != hs[g[0]].Level {
				return []*Level{l}
			}
			g = append(g, ci)
		}
	}
	if len(g) < 2 {
		return []*Level{l}
	}
	var lv []*Level
	for _, i := range g {
		if c := headingLevel(f, o, hs, i); c != nil {
			lv = append(lv, c)
		}
	}
	lv = bareRoleNames(f, o, hs, g, lv)
	if len(lv) < 2 || 2*len(lv) < len(g) {
		return []*Level{l}
	}
	first := map[string]bool{} // the first words of the placed ranks' stems
	for _, c := range lv {
		if !c.Placed || c.Code != nil || c.Place.Track == l.Place.Track {
			return []*Level{l}
		}
		if w := strings.Fields(c.Place.Stem); len(w) > 0 {
			first[w[0]] = true
		}
	}
	if len(lv) == len(g) {
		return lv
	}
	// a child the tracks do not name ("Project Mentor") is a rank when its
	// title opens with a placed rank's first word ("Project Lead") and is
	// of two or three words, no section's name
	out, ok := interleave(hs, g, lv, func(i int) (*Level, bool) {
		w := strings.Fields(strings.ToLower(hs[i].Text))
		if namesSection(hs[i].Text) || len(w) < 2 || len(w) > 3 || !first[w[0]] {
			return nil, false
		}
		return &Level{Title: hs[i].Text, File: f, Heading: hs[i], TitleSpan: hs[i].TextSpan, Body: bodyOf(f, hs, i)}, true
	})
	if !ok {
		return []*Level{l}
	}
	return out
}

// interleave returns the levels lv, found among the headings g (indexes
// into hs, in order), with what other makes of each heading of g that is
// not one of them, in the headings' order: a level, or nil to leave the
// heading out; other's false stops it (and interleave returns false).
func interleave(hs []*model.Heading, g []int, lv []*Level, other func(i int) (*Level, bool)) ([]*Level, bool) {
	var out []*Level
	j := 0
	for _, i := range g {
		if j < len(lv) && lv[j].Heading == hs[i] {
			out = append(out, lv[j])
			j++
			continue
		}
		c, ok := other(i)
		if !ok {
			return nil, false
		}
		if c != nil {
			out = append(out, c)
		}
	}
	return out, true
}

// definedAs reports whether the first paragraph of a level's body opens by
// saying that the role titled is the rung named, with more: "The technical
// manager is the contributor with authority to merge", "Core developers
// are maintainers who". The role and the rung in either case and number;
// one word may qualify the rung ("the active contributor who").
func definedAs(f *model.Family, body model.Span, title, rung string) bool {
	for _, b := range BlocksIn(f, body) {
		if b.Kind == model.BlockHeading {
			continue
		}
		return definesAs(b.Text, title, rung)
	}
	return false
}

// definesAs reports whether text opens by saying that the role titled is
// the rung named, with more (see definedAs).
func definesAs(text, title, rung string) bool {
	words := func(s string) string {
		ws := strings.Fields(strings.ToLower(s))
		for i, w := range ws {
			if i == len(ws)-1 {
				w = strings.TrimSuffix(w, "s")
			}
			ws[i] = regexp.QuoteMeta(w)
		}
		return strings.Join(ws, `\s+`) + `s?`
	}
	if strings.TrimSpace(title) == "" || strings.TrimSpace(rung) == "" {
		return false
	}
	re, err := regexp.Compile(`^(?:(?:the|a|an)\s+)?` + words(title) + `\s+(?:is|are)\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?` + words(rung) + `\s+(?:with|who|that|whose)\b`)
	if err != nil {
		return false
	}
	return re.MatchString(strings.ToLower(strings.TrimSpace(text)))
}

// sameDepthElsewhere reports whether another heading has heading i's depth.
func sameDepthElsewhere(hs []*model.Heading, i int) bool {
	for j, h := range hs {
		if j != i && h.Level == hs[i].Level {
			return true
		}
	}
	return false
}

// mentionsRole reports whether a title names a role word, in the singular
// or the plural.
func MentionsRole(title, role string) bool {
	role = strings.TrimSuffix(strings.ToLower(role), "s")
	if role == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.TrimSuffix(w, "s") == role {
			return true
		}
	}
	return false
}

// codedOnly drops, from levels most of which carry a code of one format
// ("Rung 0" to "Rung 5"), a sibling after them with no code that a role
// word placed ("Maintainer / verifier split", a section about the rungs);
// a ladder that codes its levels codes them all.
func codedOnly(lv []*Level) []*Level {
	formats := map[string]int{}
	last := -1
	for i, l := range lv {
		if l.Code != nil {
			formats[l.Code.Format]++
			last = i
		}
	}
	best := 0
	for _, n := range formats {
		best = max(best, n)
	}
	if best < 3 || 2*best <= len(lv) {
		return lv
	}
	out := lv[:0:0]
	for i, l := range lv {
		if l.Code == nil && i > last {
			continue
		}
		out = append(out, l)
	}
	return out
}

// outline reports levels that only a leading number codes, fewer than half
// of them named by their words ("## 1. Project Member Roles.", "## 2.
// Decisions."; "## I. Purpose", "## II. Members", "## III. Voting"): a
// document's numbered sections, one of which may name a role, not a
// ladder. Numbered rungs most of which name themselves ("I. Core
// Contributors", "II. Stewards") are one.
func outline(lv []*Level) bool {
	placed := 0
	for _, l := range lv {
		if l.Placed {
			placed++
			continue
		}
		if l.Code == nil || l.Code.Format != "n" {
			return false
		}
	}
	return 2*placed < len(lv)
}

// run reports whether three levels or more follow one another among their
// siblings, with no other sibling between them: a ladder whose page goes on
// with sections about it ("Inactivity", "Stepping down", "Contact"), and may
// name one more rung after them (Porter's "Admin", after its sections on
// inactivity and stepping down).
func run(hs []*model.Heading, g []int, lv []*Level) bool {
	if len(lv) < 3 {
		return false
	}
	isLevel := map[*model.Heading]bool{}
	for _, l := range lv {
		isLevel[l.Heading] = true
	}
	n := 0
	for _, i := range g {
		if !isLevel[hs[i]] {
			n = 0
			continue
		}
		if n++; n >= 3 {
			return true
		}
	}
	return false
}

// opening reports whether two rungs open their group, one after the
// other, on one track and at two steps: a page that names its rungs first
// and goes on with sections about them ("## Collaborators", "## TC
// Membership", then "## TC Meetings", "## Consensus Seeking Process"). Two
// rungs apart, or after other sections, are no ladder by this.
func opening(hs []*model.Heading, g []int, lv []*Level) bool {
	if len(lv) < 2 || len(g) < 3 || hs[g[0]] != lv[0].Heading || hs[g[1]] != lv[1].Heading {
		return false
	}
	a, b := lv[0], lv[1]
	if !(a.Placed && b.Placed && a.Code == nil && b.Code == nil && a.Place.Track == b.Place.Track && a.Place.Compare(b.Place) != 0) {
		return false
	}
	for _, c := range lv[2:] {
		if !c.Placed || c.Code != nil || c.Place.Track != a.Place.Track {
			return false
		}
	}
	return true
}

// parallel reports whether levels carry parallel content: each has the same
// sub-headings, and at least two ("Requirements", "Responsibilities and
// privileges"). Levels that are only a few of their siblings (a page of
// community roles, two of them rungs) are a ladder when they are parallel.
func parallel(f *model.Family, lv []*Level) bool {
	var want string
	for i, l := range lv {
		var names []string
		sub := 0
		for _, h := range HeadingsIn(f, l.Body) {
			if sub == 0 {
				sub = h.Level
			}
			if h.Level == sub {
				names = append(names, strings.ToLower(strings.Join(strings.Fields(h.Text), " ")))
			}
		}
		if len(names) < 2 {
			return false
		}
		got := strings.Join(names, "\n")
		if i == 0 {
			want = got
		} else if got != want {
			return false
		}
	}
	return true
}

// tableListed reports whether a table of the page lists exactly these
// levels down its first column, and nothing else: the summary table of a
// page whose sections describe its rungs at length. A rung a summary table
// lists is a level however few its siblings ("approver", the one row of a
// table, above the sections "New contributors", "Established community
// members" and "Approvers"): the table and the heading name it both, in
// either case and number. listed holds the tables' first columns as keys
// (see listedKey), made once a page.
func tableListed(f *model.Family, lv []*Level, listed *map[string]bool) bool {
	if len(lv) == 0 {
		return false
	}
	if *listed == nil {
		*listed = map[string]bool{}
		for _, t := range f.Tables {
			if len(t.Rows) < 2 || len(t.Rows[0]) < 2 {
				continue
			}
			var names []string
			for _, row := range t.Rows[1:] {
				if len(row) > 0 {
					names = append(names, row[0].Text)
				}
			}
			(*listed)[listedKey(names)] = true
		}
	}
	names := make([]string, len(lv))
	for i, l := range lv {
		names[i] = l.Title
	}
	return (*listed)[listedKey(names)]
}

// listedKey is a set of role names as one string: each by roleKey, once,
// sorted.
func listedKey(names []string) string {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		keys = append(keys, roleKey(n))
	}
	sort.Strings(keys)
	return strings.Join(slices.Compact(keys), "\n")
}

// roleKey is a role's name in lower case with single spaces, without a
// plural's "s": "Approvers" and "approver" are one role.
func roleKey(s string) string {
	return strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(s), " ")), "s")
}

// headingLevel reads heading i as a level, or nil when its title names none.
func headingLevel(f *model.Family, o Options, hs []*model.Heading, i int) *Level {
	h := hs[i]
	if namesSection(h.Text) {
		return nil // "Senior Requirements": a level's section, not a level
	}
	if asks(h.Text) {
		return nil // "What is the difference between a Junior and a Senior role?": a question about levels
	}
	l := &Level{Title: h.Text, File: f, Heading: h, TitleSpan: h.TextSpan, Body: bodyOf(f, hs, i)}
	l.Code = ParseCode(h.Text)
	if l.Code != nil && l.Code.Format == "n" && !hasLetters(h.Text[l.Code.At+l.Code.N:]) {
		l.Code = nil // a bare number is not a level's title
	}
	l.place(o, h.Text)
	if l.Code != nil {
		l.CodeSpan = titleSpan(f, h, l.Code.At, l.Code.At+l.Code.N)
	}
	if l.Code == nil && !l.Placed {
		l.placeNamed(f, o, h.Text)
	}
	if l.Code == nil && !l.Placed {
		return nil
	}
	if l.Code == nil && retired(l.Place.Stem) {
		return nil // "Emeritus Approver": a status after a rung, not a rung
	}
	return l
}

// topicPrefixRE and topicSuffixRE read a heading that names a rung inside
// a topic about it: "Expectations from The Steering Committee",
// "Responsibilities of Maintainers", "Maintainer expectations". The topic
// words are what a rung is asked and does; a process ("Becoming a
// Maintainer", "Changes in Steering Committee") is no such topic.
var (
	topicPrefixRE = regexp.MustCompile(`(?i)^(expectations|responsibilities|duties)\s+(from|of|for)\s+(?:(?:the|a|an)\s+)?(\S.*?)\s*$`)
	topicSuffixRE = regexp.MustCompile(`(?i)^(\S.*?)(?:'s|’s)?\s+(expectations|responsibilities|duties)\s*$`)
)

// topicRungs adds to a group's levels its siblings that name a rung inside
// a topic about it (see topicPrefixRE), when two siblings or more share the
// topic's shape ("Expectations from The Steering Committee", "Expectations
// from Maintainers", then "Committer"): written alike, they are the rungs
// of one ladder, however the page heads its last. One such heading alone is
// a section about a rung, not a rung. The level is titled by the rung's
// words, placed on the tracks, uncoded and not retired.
func topicRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil {
		return lv
	}
	isLevel := map[*model.Heading]bool{}
	named := map[string]bool{} // the rungs the group's headings name alone
	for _, l := range lv {
		isLevel[l.Heading] = true
		named[roleKey(l.Title)] = true
	}
	byShape := map[string][]*Level{}
	var shapes []string
	for _, i := range g {
		h := hs[i]
		if isLevel[h] {
			continue
		}
		text := h.Text
		var shape string
		var at, end int
		if m := topicPrefixRE.FindStringSubmatchIndex(text); m != nil {
			shape = strings.ToLower(text[m[2]:m[3]] + " " + text[m[4]:m[5]] + " _")
			at, end = m[6], m[7]
		} else if m := topicSuffixRE.FindStringSubmatchIndex(text); m != nil {
			shape = strings.ToLower("_ " + text[m[4]:m[5]])
			at, end = m[2], m[3]
		} else {
			continue
		}
		role := text[at:end]
		if ParseCode(role) != nil || named[roleKey(role)] {
			continue // a topic about a rung the group heads on its own ("## Maintainer", "## Maintainer duties")
		}
		p, ok := o.Ladder.Classify(role)
		if !ok || p.Implied || retired(p.Stem) {
			continue
		}
		l := &Level{Title: role, File: f, Heading: h, TitleSpan: titleSpan(f, h, at, end), Body: bodyOf(f, hs, i), Place: p, Placed: true}
		if byShape[shape] == nil {
			shapes = append(shapes, shape)
		}
		byShape[shape] = append(byShape[shape], l)
	}
	added := false
	for _, sh := range shapes {
		if len(byShape[sh]) >= 2 {
			lv = append(lv, byShape[sh]...)
			added = true
		}
	}
	if added {
		sort.SliceStable(lv, func(a, b int) bool { return lv[a].Heading.Span.Start < lv[b].Heading.Span.Start })
	}
	return lv
}

// toppedRungs adds to a group's levels the siblings next to their run, at
// either end, titled by a role the tracks do not rank, that are written
// as the level beside them: each holds a sub-heading of its own role's
// responsibilities, expectations or duties, as that level does of its own
// (PowerShell's "## Area Experts" with "### Area Expert Responsibilities",
// after "## Repository Maintainers" with "### Repository Maintainer
// Responsibilities"). Each sibling added may take the next. The levels are
// one track's uncoded steps in one direction, and follow one another among
// their siblings; a sibling that names a section, or a role without such a
// sub-heading, ends the run.
func toppedRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(lv) < 2 {
		return lv
	}
	if _, ok := oneTrackDirection(lv); !ok {
		return lv
	}
	first, last, ok := levelsRun(hs, g, lv)
	if !ok {
		return lv
	}
	// role reads sibling n as a role the tracks do not rank, with its
	// topic sub-heading; the topic word, or "" for none
	role := func(n int) (*Level, string) {
		i := g[n]
		h := hs[i]
		if namesSection(h.Text) {
			return nil, ""
		}
		p, ok := o.Ladder.Classify(h.Text)
		if !ok || !p.Implied || p.Stem == "" || retired(p.Stem) || ParseCode(h.Text) != nil {
			return nil, ""
		}
		l := &Level{Title: h.Text, File: f, Heading: h, TitleSpan: h.TextSpan, Body: bodyOf(f, hs, i)}
		return l, ownTopic(f, hs, i)
	}
	out := lv
	up := ownTopic(f, hs, g[last])
	for n := last + 1; up != "" && n < len(g); n++ {
		l, t := role(n)
		if l == nil || t != up {
			break
		}
		out = append(out, l)
	}
	down := ownTopic(f, hs, g[first])
	var before []*Level
	for n := first - 1; down != "" && n >= 0; n-- {
		l, t := role(n)
		if l == nil || t != down {
			break
		}
		before = append([]*Level{l}, before...)
	}
	return append(before, out...)
}

// ownTopic returns the topic word ("responsibilities", "expectations",
// "duties") of a child heading of heading i that names heading i's own
// role inside that topic ("Area Expert Responsibilities" under "Area
// Experts", in either number), or "".
func ownTopic(f *model.Family, hs []*model.Heading, i int) string {
	own := roleKey(hs[i].Text)
	depth := 0
	for j := i + 1; j < len(hs) && hs[j].Level > hs[i].Level; j++ {
		if depth == 0 {
			depth = hs[j].Level
		}
		if hs[j].Level != depth {
			continue
		}
		t := strings.TrimSpace(hs[j].Text)
		if m := topicSuffixRE.FindStringSubmatch(t); m != nil && roleKey(m[1]) == own {
			return strings.ToLower(m[2])
		}
		if m := topicPrefixRE.FindStringSubmatch(t); m != nil && roleKey(m[3]) == own {
			return strings.ToLower(m[1])
		}
	}
	return ""
}

// listOfRE reads a roster's heading that names its rung: "List of
// Contributors", "The list of committers:".
var listOfRE = regexp.MustCompile(`(?i)^(?:the\s+)?list\s+of\s+(?:(?:the|all|our)\s+)?(\S.*?)\s*:?\s*$`)

// listRungs adds to a group's levels its siblings headed "List of X" where
// X names a rung (TVM's "## Committers", "## Reviewers", "## List of
// Contributors"): the rung whose roster it is, when the group's levels and
// it are one track's steps in one direction. Among siblings that are no
// rungs, or where the rung is out of the order, "List of X" is a list.
func listRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(lv) < 2 {
		return lv
	}
	return inOrder(lv, hs, g, false, func(i int) *Level {
		h := hs[i]
		m := listOfRE.FindStringSubmatchIndex(h.Text)
		if m == nil {
			return nil
		}
		role := h.Text[m[2]:m[3]]
		if ParseCode(role) != nil {
			return nil
		}
		p, ok := o.Ladder.Classify(role)
		if !ok || p.Implied || retired(p.Stem) {
			return nil
		}
		return &Level{Title: role, File: f, Heading: h, TitleSpan: titleSpan(f, h, m[2], m[3]), Body: bodyOf(f, hs, i), Place: p, Placed: true}
	})
}

// transposedRungs adds to a group's levels a sibling between two of them
// titled by a rung's keyword with two adjacent letters swapped (Zarm's
// "## Maintanier:" between "## PMC:" and "## Committer:"; see
// ladder.Transposed) when the rung lies strictly between its neighbours on
// their track. At the group's edge, or out of the order, it is left out.
func transposedRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(lv) < 2 {
		return lv
	}
	return inOrder(lv, hs, g, true, func(i int) *Level {
		h := hs[i]
		if namesSection(h.Text) {
			return nil
		}
		p, ok := o.Ladder.Transposed(h.Text)
		if !ok || p.Implied {
			return nil
		}
		return &Level{Title: h.Text, File: f, Heading: h, TitleSpan: h.TextSpan, Body: bodyOf(f, hs, i), Place: p, Placed: true}
	})
}

// definedItemRE reads a list item that defines a role after a spaced
// dash: "Core contributors - are those who ...".
var definedItemRE = regexp.MustCompile(`^\s*[*_]*([^*_\n:()]+?)[*_]*\s+[-–—]\s+(?:are|is)\s+\S`)

// definedItemRanks replaces a rung of a heading ladder whose section, with
// no sub-heading, holds a list of two items or more that each define a
// role after a spaced dash, all of one role word with a qualifier before
// it, one at least placed on another track than the rung's (hapi.js's "###
// Lead maintainers" holding "- Core contributors - are those who ..." and
// "- Community contributors - are all the lead maintainers ..."): the items
// are the ranks the rung holds, as sub-headings naming ranks off its track
// are (ranksWithin). A list whose items are no definitions ("- Core - the
// hapi module"), or name roles of different words, leaves the rung as it is.
func definedItemRanks(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	if o.Ladder == nil {
		return best
	}
	return expandLevels(best, func(l *Level) []*Level { return definedItemsOf(f, o, hs, parent, l) })
}

// definedItemsOf returns the ranks level l's list defines (see
// definedItemRanks), or l alone.
func definedItemsOf(f *model.Family, o Options, hs []*model.Heading, parent []int, l *Level) []*Level {
	pi := slices.Index(hs, l.Heading)
	if pi < 0 || !l.Placed || l.Code != nil || pi+1 < len(hs) && parent[pi+1] == pi {
		return []*Level{l}
	}
	for _, list := range f.Lists {
		if len(list) == 0 || list[0].Span.Start < l.Body.Start || list[0].Span.Start >= l.Body.End {
			continue
		}
		top := topItems(list)
		if len(top) < 2 {
			continue
		}
		var lv []*Level
		role, other := "", false
		for n, i := range top {
			b := list[i]
			m := definedItemRE.FindStringSubmatch(b.Text)
			if m == nil {
				lv = nil
				break
			}
			title := strings.TrimSpace(m[1])
			w := strings.Fields(title)
			if len(w) < 2 || len(w) > maxItemTitleWords || role != "" && roleKey(w[len(w)-1]) != role {
				lv = nil
				break
			}
			role = roleKey(w[len(w)-1])
			c := &Level{Title: title, File: f, TitleSpan: itemSpan(f, b, title)}
			c.place(o, title)
			c.Code = nil
			if c.Placed && retired(c.Place.Stem) {
				lv = nil
				break
			}
			other = other || c.Placed && c.Place.Track != l.Place.Track
			c.Body = model.Span{Start: c.TitleSpan.End, End: itemEnd(list, top, n)}
			lv = append(lv, c)
		}
		if lv != nil && other {
			return lv
		}
	}
	return []*Level{l}
}

// holderHeadingRE reads a heading written "Role: holders": a label of one
// to three words, a colon, then who holds it ("Maintainer: Ann, Bo",
// "Read: Everyone").
var holderHeadingRE = regexp.MustCompile(`^\s*([^:()]+?)(?:\s*\([^()]*\))?\s*:\s*\S`)

// holderRungs reads a group of siblings every one of which is headed
// "Role: holders" (DigitalCarbonFramework's "### Maintainer: ...", "###
// Contributor: ...", "### Triage: ...", "### Read: Everyone"), two of them
// at least rungs the tracks place: the others are rungs too, named by
// their labels, though no track knows the words (GitHub's permissions
// "Triage" and "Read"). A group with one sibling in another form, or a
// label of more than three words or naming a section, is left as it is.
func holderRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if len(lv) < 2 || len(lv) == len(g) {
		return lv
	}
	labels := map[int]string{}
	for _, i := range g {
		m := holderHeadingRE.FindStringSubmatch(hs[i].Text)
		if m == nil {
			return lv
		}
		label := strings.TrimSpace(m[1])
		if n := len(strings.Fields(label)); n == 0 || n > 3 || namesSection(label) {
			return lv
		}
		labels[i] = label
	}
	placed := 0
	for _, l := range lv {
		if l.Placed && l.Code == nil {
			placed++
		}
	}
	if placed < 2 {
		return lv
	}
	out, ok := interleave(hs, g, lv, func(i int) (*Level, bool) {
		h := hs[i]
		return &Level{Title: labels[i], File: f, Heading: h, TitleSpan: titleSpan(f, h, 0, len(labels[i])), Body: bodyOf(f, hs, i)}, true
	})
	if !ok {
		return lv
	}
	return out
}

// distinctRungs counts the rungs a group's levels name: a coded level is
// its own; placed uncoded levels on one step of one track are one rung
// however their words differ. Of two groups, the one that names more rungs
// is the ladder: Homebrew's "### The Lead Maintainer", "### The Project
// Leadership Committee", "### Regular Maintainers" (three rungs) under
// "## Structure", not the four sections about two of them under "##
// Accountability" ("Maintainer Conduct", "Overriding The Lead
// Maintainer", ...); between groups naming as many, the longer.
func distinctRungs(lv []*Level) int {
	type rung struct{ track, step, sub int }
	seen := map[rung]bool{}
	n := 0
	for _, l := range lv {
		if l.Code != nil || !l.Placed {
			n++
			continue
		}
		k := rung{l.Place.Track, l.Place.Step, l.Place.Sub}
		if !seen[k] {
			seen[k] = true
			n++
		}
	}
	return n
}

// transitionRE reads a heading that names a step from one rung to the
// next: "Apprentice to Journeyman (1 year)", the time it takes in
// parentheses after it.
var transitionRE = regexp.MustCompile(`(?i)^\s*(\S.*?)\s+(?:to|->|→)\s+(\S.*?)\s*(?:\([^()]*\))?\s*$`)

// transitionRungs reads a group whose siblings name transitions between
// rungs, bottom first, each from the rung the one before leads to
// (Pillar's guild personas: "Apprentice to Journeyman (1 year)",
// "Journeyman to Craftsman (5+ years)", "Craftsman to Master Craftsman",
// then "Master Craftsman"): each transition's section describes the rung it
// leads from, and a sibling right after the chain titled with the last
// rung alone is the top rung. Two transitions or more in a row, chained,
// of which one rung at least the tracks place (the others may be words no
// track knows: "Journeyman", "Craftsman"); the chain replaces the group's
// levels when it names more of them. A heading about getting the first
// rung ("Prerequisites for Apprentice") is no rung; transitions that do
// not chain ("Apprentice to Journeyman", "Senior to Staff") are no ladder,
// nor a chain of no known rung ("Python 2 to Python 3", "Python 3 to
// Python 4").
func transitionRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(g) < 2 {
		return lv
	}
	type step struct {
		k        int // index in g
		from, to string
	}
	var best, cur []step
	for k, i := range g {
		m := transitionRE.FindStringSubmatch(hs[i].Text)
		if m == nil || namesSection(m[1]) || namesSection(m[2]) || roleKey(m[1]) == roleKey(m[2]) {
			cur = nil
			continue
		}
		s := step{k, m[1], m[2]}
		if len(cur) > 0 && roleKey(cur[len(cur)-1].to) != roleKey(s.from) {
			cur = nil
		}
		cur = append(cur, s)
		if len(cur) > len(best) {
			best = slices.Clone(cur)
		}
	}
	if len(best) < 2 {
		return lv
	}
	var out []*Level
	known := false
	for _, s := range best {
		i := g[s.k]
		h := hs[i]
		at := strings.Index(h.Text, s.from)
		l := &Level{Title: s.from, File: f, Heading: h, TitleSpan: titleSpan(f, h, at, at+len(s.from)), Body: bodyOf(f, hs, i)}
		l.place(o, s.from)
		l.Code = nil // the rung's words are its title: "Level 1 to Level 2" is read by its codes elsewhere
		known = known || l.Placed
		out = append(out, l)
	}
	last := best[len(best)-1]
	if k := last.k + 1; k < len(g) {
		h := hs[g[k]]
		title := strings.TrimSpace(parenRE.ReplaceAllString(h.Text, ""))
		if roleKey(title) == roleKey(last.to) {
			l := &Level{Title: title, File: f, Heading: h, TitleSpan: titleSpan(f, h, 0, len(title)), Body: bodyOf(f, hs, g[k])}
			l.place(o, title)
			l.Code = nil
			known = known || l.Placed
			out = append(out, l)
		}
	}
	if !known || len(out) <= len(lv) {
		return lv
	}
	return out
}

// inOrder adds to lv what read makes of the other headings of g, when the
// whole is one track's uncoded steps in one direction (see
// oneTrackDirection), and with inner, no added level first or last;
// otherwise lv is returned as it is.
func inOrder(lv []*Level, hs []*model.Heading, g []int, inner bool, read func(i int) *Level) []*Level {
	added := map[*Level]bool{}
	out, _ := interleave(hs, g, lv, func(i int) (*Level, bool) {
		l := read(i)
		if l != nil {
			added[l] = true
		}
		return l, true
	})
	if len(added) == 0 {
		return lv
	}
	if _, ok := oneTrackDirection(out); !ok {
		return lv
	}
	if inner && (added[out[0]] || added[out[len(out)-1]]) {
		return lv
	}
	return out
}

// retiredWords name the status of one who has left a rung.
var retiredWords = map[string]bool{"emeritus": true, "emeriti": true, "retired": true, "former": true, "alumni": true, "alumnus": true}

// retired reports whether a role's stem names a retired status.
func retired(stem string) bool {
	for _, w := range strings.Fields(stem) {
		if retiredWords[w] {
			return true
		}
	}
	return false
}

// place gives a level its place on the tracks from its title without its
// code. A title without a code may end in a number that numbers the steps
// of a role ("Engineer 1", "Engineering Manager 2"): it is the level's code
// when the words before it name a role the tracks place, if only as the
// bare role name ("Phase 1" names none).
func (l *Level) place(o Options, title string) {
	if o.Ladder == nil {
		return
	}
	if l.Code == nil {
		if c := trailingCode(title); c != nil {
			if _, ok := o.Ladder.Classify(stripCode(title, c)); ok {
				l.Code = c
			}
		}
	}
	if p, ok := o.Ladder.Classify(stripCode(title, l.Code)); ok && !p.Implied {
		l.Place, l.Placed = p, true
	}
}

// placeNamed places an uncoded level whose title names its rung twice,
// joined by a slash ("Bevy Org Member / Triage Team"), or after the
// project's name: each part in turn, and each without a first word that
// the page's first heading holds ("Bevy" of "## The Bevy Organization"),
// the first part placed, not implied, is the rung. A title that names no
// rung either way stays unplaced.
func (l *Level) placeNamed(f *model.Family, o Options, title string) {
	if o.Ladder == nil || len(f.Headings) == 0 {
		return
	}
	first := strings.Fields(strings.ToLower(f.Headings[0].Text))
	parts := strings.Split(title, " / ")
	for _, part := range parts {
		ws := strings.Fields(part)
		cands := []string{}
		if len(parts) > 1 {
			cands = append(cands, part)
		}
		if len(ws) > 2 && f.Headings[0] != l.Heading && slices.Contains(first, strings.ToLower(ws[0])) {
			cands = append(cands, strings.Join(ws[1:], " "))
		}
		for _, c := range cands {
			if p, ok := o.Ladder.Classify(c); ok && !p.Implied && !p.Ambiguous {
				l.Place, l.Placed = p, true
				return
			}
		}
	}
}

// bareRoleNames adds the siblings titled with the role name alone ("Engineer"
// between "Associate Engineer" and "Senior Engineer"): the implied step.
// A role name after a word that takes in every holder ("All Partners",
// "Every Engineer", "Each Maintainer") is what applies to all the rungs of
// that name, no step of its own (Countable's "### All Partners" after
// "### Jr Partner" and "### Sr Partner").
func bareRoleNames(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(lv) < 2 {
		return lv
	}
	// the words of the placed siblings' stems: a bare title must share one
	words := map[string]int{}
	for _, l := range lv {
		if l.Placed {
			for _, w := range strings.Fields(l.Place.Stem) {
				if len(w) > 1 {
					words[w]++
				}
			}
		}
	}
	shares := func(stem string) bool {
		for _, w := range strings.Fields(stem) {
			if words[w] >= 1 {
				return true
			}
		}
		return false
	}
	out, _ := interleave(hs, g, lv, func(i int) (*Level, bool) {
		if namesSection(hs[i].Text) || quantified(hs[i].Text) || asks(hs[i].Text) {
			return nil, true
		}
		if p, ok := o.Ladder.Classify(hs[i].Text); ok && p.Implied && p.Stem != "" && shares(p.Stem) {
			return &Level{Title: hs[i].Text, File: f, Heading: hs[i], TitleSpan: hs[i].TextSpan, Body: bodyOf(f, hs, i), Place: p, Placed: true}, true
		}
		return nil, true
	})
	return out
}

// asks reports whether a heading is a question ("What is a data
// engineer?", "What is the difference between a Junior and a Senior
// role?"): a page of questions and answers (a recruitment FAQ) heads each
// answer by what it asks, and a question that names a role or a level is
// about it, no rung of a ladder. A rung is headed by its name, with a
// colon or a code perhaps, never by a question mark.
func asks(title string) bool {
	t := strings.TrimSpace(title)
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？")
}

// quantified reports whether a title opens with a word that takes in every
// holder of what follows: "All Partners", "Every Engineer", "Each Maintainer".
func quantified(title string) bool {
	ws := strings.Fields(title)
	if len(ws) < 2 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "all", "every", "each":
		return true
	}
	return false
}

func hasLetters(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// Family is the level's title without its code, in lower case with single
// spaces: "middle engineer" for "Middle II Engineer". Levels that share a
// code format but not a family ("Middle I", "Senior I") number the steps
// within each family.
func (l *Level) Family() string {
	return strings.ToLower(strings.Join(strings.Fields(stripCode(l.Title, l.Code)), " "))
}

func stripCode(title string, c *Code) string {
	if c == nil || c.At+c.N > len(title) || title[c.At:c.At+c.N] != c.Raw {
		return title // a code read from elsewhere (a file name)
	}
	return strings.TrimSpace(title[:c.At] + " " + title[c.At+c.N:])
}

// titleSpan maps a byte range of a heading's plain text to the source; the
// text is taken to be written as is when the lengths agree.
func titleSpan(f *model.Family, h *model.Heading, i, j int) model.Span {
	src := f.Source.Text[h.TextSpan.Start:h.TextSpan.End]
	if k := bytes.Index(src, []byte(h.Text[i:j])); k >= 0 {
		return model.Span{Start: h.TextSpan.Start + k, End: h.TextSpan.Start + k + (j - i)}
	}
	return h.TextSpan
}

// bodyOf is the text after heading i up to the next heading of its level or
// above.
func bodyOf(f *model.Family, hs []*model.Heading, i int) model.Span {
	end := len(f.Source.Text)
	for k := i + 1; k < len(hs); k++ {
		if hs[k].Level <= hs[i].Level {
			end = hs[k].Span.Start
			break
		}
	}
	return model.Span{Start: hs[i].Span.End, End: end}
}

// sameAs reads a "Same as L1, L2, but also" opening of a level.
func sameAs(f *model.Family, l *Level) []string {
	for _, b := range BlocksIn(f, l.Body) {
		if b.Kind == model.BlockHeading {
			continue
		}
		m := sameAsRE.FindStringSubmatch(b.Text)
		if m == nil {
			m = plusRE.FindStringSubmatch(b.Text)
		}
		if m == nil {
			return nil
		}
		var out []string
		for _, s := range sameAsSep.Split(m[1], -1) {
			if s = strings.Trim(strings.TrimSpace(s), ".*_"); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// BlocksIn returns the prose blocks that start within s, in order (the
// model keeps them sorted).
func BlocksIn(f *model.Family, s model.Span) []*model.Block {
	bs := f.Blocks
	i := sort.Search(len(bs), func(i int) bool { return bs[i].Span.Start >= s.Start })
	j := sort.Search(len(bs), func(j int) bool { return bs[j].Span.Start >= s.End })
	if j < i {
		return nil
	}
	return bs[i:j]
}

// HeadingsIn returns the headings that start within s, in order.
func HeadingsIn(f *model.Family, s model.Span) []*model.Heading {
	hs := f.Headings
	i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= s.Start })
	j := sort.Search(len(hs), func(j int) bool { return hs[j].Span.Start >= s.End })
	if j < i {
		return nil
	}
	return hs[i:j]
}

// namesSection reports a title that ends in a section name (Job Grade,
// Responsibilities, Requirements, ...): a role's section, even when a
// seniority word opens it.
func namesSection(title string) bool {
	_, _, _, ok := model.MatchSection(title)
	return ok
}

// heldLadder reports, for a ladder of two levels or more in one direction
// on one track (oneTrackDirection) whose levels are all headings under one
// heading, that heading's index in hs (pi), itself under another (not the
// page's title alone), and the ladder's direction.
func heldLadder(hs []*model.Heading, parent []int, best []*Level) (dir, pi int, ok bool) {
	if len(best) < 2 {
		return 0, 0, false
	}
	if dir, ok = oneTrackDirection(best); !ok {
		return 0, 0, false
	}
	i0 := slices.Index(hs, best[0].Heading)
	if i0 < 0 {
		return 0, 0, false
	}
	pi = parent[i0]
	if pi < 0 || parent[pi] < 0 {
		return 0, 0, false
	}
	for _, l := range best {
		if j := slices.Index(hs, l.Heading); j < 0 || parent[j] != pi {
			return 0, 0, false
		}
	}
	return dir, pi, true
}

// oneTrackDirection reports the direction of a ladder whose levels are all
// placed on one track, uncoded, each a step beyond the one before in the
// same direction (> 0 up, < 0 down); ok is false for any other ladder.
func oneTrackDirection(levels []*Level) (dir int, ok bool) {
	for i := 1; i < len(levels); i++ {
		a, b := levels[i-1], levels[i]
		if !a.Placed || !b.Placed || a.Code != nil || b.Code != nil || a.Place.Track != b.Place.Track {
			return 0, false
		}
		d := b.Place.Compare(a.Place)
		if d == 0 || dir != 0 && (d > 0) != (dir > 0) {
			return 0, false
		}
		dir = d
	}
	return dir, true
}

// levelsRun returns the places, among the sibling headings g (indexes into
// hs), of the first and last of the levels lv, and whether the levels are
// one run of siblings with no other heading between them.
func levelsRun(hs []*model.Heading, g []int, lv []*Level) (first, last int, ok bool) {
	pos := make(map[*model.Heading]int, len(g))
	for n, i := range g {
		pos[hs[i]] = n
	}
	first, last = pos[lv[0].Heading], pos[lv[len(lv)-1].Heading]
	return first, last, last-first+1 == len(lv)
}
