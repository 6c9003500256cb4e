package shape

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// maxItemTitleWords bounds the words of a bullet's title: a rung is named
// in a few words ("Senior Maintainers", "Contributor"), a duty in a
// sentence.
const maxItemTitleWords = 4

// itemTitleEnd ends a bullet's title: a colon, a dash between spaces, an
// opening parenthesis.
var itemTitleEnd = regexp.MustCompile(`:|\s[-–—]\s|\(`)

// ladderWords name what a heading over a list of rungs is about.
var ladderWords = map[string]bool{"role": true, "roles": true, "tier": true, "tiers": true, "level": true, "levels": true,
	"ladder": true, "rung": true, "rungs": true, "grade": true, "grades": true}

// bulletLadder finds a ladder written as a list, one top-level item per
// rung ("- Contributor: first PR merged", "* Senior Maintainers" over nested
// bullets): every top-level item of the list opens with a title that names
// a level, on one track and in rank order (either way), and the heading the
// list comes under names roles, tiers, levels or a ladder. Only a page
// whose headings and tables hold no ladder is read for one: there, a list
// of the rungs summarises them.
func bulletLadder(f *model.Family, o Options) *Ladder {
	var best []*Level
	for _, list := range f.Lists {
		lv := listLevels(f, o, list)
		if lv == nil {
			lv = articleRungs(f, o, list)
		}
		if len(lv) > len(best) {
			best = lv
		}
	}
	return ladderOf(f, o, "bullets", best)
}

// orderedMarker is an ordered list's marker: "1." or "1)".
var orderedMarker = regexp.MustCompile(`^[0-9]+[.)]$`)

// articleTitleRE reads an item that opens with a role named with an
// indefinite article, alone on its line: "1. A Developer", "5. An
// Administrator".
var articleTitleRE = regexp.MustCompile(`^\s*[0-9]+[.)][ \t]+(?:[*_]{1,2})?(?:A|An)[ \t]+([^\n]*?)(?:[*_]{1,2})?[ \t]*(?:\r?\n|$)`)

// articleRungs finds a ladder written as an ordered list of roles, each
// item opening with a role named with an indefinite article on a line of
// its own, its description after it (Samsung's inner-source governance:
// "1. A Developer", "2. A Committer", "3. A Maintainer", "4. A
// Benevolent-Leader", "5. An Administrator", then "6. Selection of
// Committers and Maintainers", "7. Revocation ..."), under a heading that
// names roles. The rungs are the leading items that name rungs on one
// track in rank order, either way; the first item that names none, or goes
// against the order, ends the ladder: the roles after it are beside it
// (a benevolent leader, who settles disputes) and the items without an
// article are processes about the rungs. A first item the tracks do not
// know is the bottom rung when the next item defines its role as it ("A
// Committer is a Developer who ..."). Two rungs the tracks name, at least.
func articleRungs(f *model.Family, o Options, list []*model.Bullet) []*Level {
	top := topItems(list)
	if len(top) < 2 || !orderedMarker.MatchString(list[0].Marker) || !underLadderHeading(f, list[0].Span.Start) {
		return nil
	}
	src := f.Source.Text
	var items []*Level
	for n, i := range top {
		b := list[i]
		if b.Span.Start < 0 || b.Span.End > len(src) || b.Span.Start > b.Span.End {
			break
		}
		m := articleTitleRE.FindSubmatchIndex(src[b.Span.Start:b.Span.End])
		if m == nil {
			break
		}
		title := strings.TrimSpace(string(src[b.Span.Start+m[2] : b.Span.Start+m[3]]))
		if title == "" || len(strings.Fields(title)) > maxItemTitleWords || strings.ContainsAny(title, ".:;,") || ParseCode(title) != nil {
			break
		}
		l := &Level{Title: title, File: f}
		l.place(o, title)
		if l.Code != nil {
			break
		}
		l.TitleSpan = model.Span{Start: b.Span.Start + m[2], End: b.Span.Start + m[3]}
		l.Body = model.Span{Start: l.TitleSpan.End, End: itemEnd(list, top, n)}
		items = append(items, l)
	}
	var lv, named []*Level
	for n, l := range items {
		if !l.Placed || retired(l.Place.Stem) {
			if n == 0 && len(items) > 1 && items[1].Placed && definesAs(string(src[items[1].TitleSpan.End:items[1].Body.End]), items[1].Title, l.Title) {
				lv = append(lv, l)
				continue
			}
			break
		}
		if !inRankOrder(append(named[:len(named):len(named)], l)) {
			break
		}
		named = append(named, l)
		lv = append(lv, l)
	}
	if len(named) < 2 {
		return nil
	}
	return lv
}

// listedTiers finds a ladder whose rungs a list names once and the page
// then describes in a section each: PyMC's "The tiers relevant to the
// project governance are listed below sorted by increasing
// responsibility:" over "* Contributors", "* Recurring Contributors", ...
// "* BDFL", then "## Recurring Contributors", "## Core Contributors", ...
// The sentence just before the list names tiers, levels, roles, rungs or
// grades, every top-level item is a title of a few words, and two items or
// more, half of them at least, head a section of their own after the list
// (in either case and number): then the items are the rungs, in the list's
// order, whether or not the tracks know their words. A rung's title and
// body are its section's; one without a section ("Contributors", described
// in the page's prose) is Listed, with nothing but its item.
//
// With summary, the list must also say what each tier is, as a summary of the
// page's roles does (see describedItems): it is read on a page whose headings
// hold a ladder, to find the rungs they leave out.
func listedTiers(f *model.Family, o Options, summary bool) *Ladder {
	var best []*Level
	var sections map[string]int // heading i by its title's roleKey, made once a page
	for _, list := range f.Lists {
		if len(list) == 0 {
			continue
		}
		intro, byHeading := introNamesTiers(f, list[0].Span.Start)
		if !intro || (byHeading || summary) && !describedItems(f, o, list) {
			continue
		}
		if sections == nil {
			sections = map[string]int{}
			for i := len(f.Headings) - 1; i >= 0; i-- {
				sections[roleKey(f.Headings[i].Text)] = i // the first of a name wins
			}
		}
		if lv := tierList(f, o, list, sections); len(lv) > len(best) {
			best = lv
		}
	}
	return ladderOf(f, o, "bullets", best)
}

// tierList reads one list, introduced as tiers, as tiers described in
// sections, or nil.
func tierList(f *model.Family, o Options, list []*model.Bullet, sections map[string]int) []*Level {
	var lv []*Level
	sectioned := 0
	named := map[string]bool{} // the items' own titles: no other item's section
	for _, b := range list {
		if l, _ := itemLevel(f, o, b); b.Depth == 0 && l != nil {
			named[roleKey(l.Title)] = true
		}
	}
	for _, b := range list {
		if b.Depth != 0 {
			continue
		}
		l, _ := itemLevel(f, o, b)
		if l == nil {
			return nil
		}
		i, ok := sections[roleKey(l.Title)]
		if !ok || f.Headings[i].Span.Start <= b.Span.End {
			i, ok = scopedSection(f, o, l, b.Span.End, named)
			if ok {
				l.Title = f.Headings[i].Text // "Maintainers", headed "Repository Maintainers"
			}
		}
		if ok && f.Headings[i].Span.Start > b.Span.End {
			// its title where its text is: the section's heading
			l.TitleSpan, l.CodeSpan = f.Headings[i].TextSpan, model.Span{}
			l.Body = bodyOf(f, f.Headings, i)
			sectioned++
		} else {
			l.Body = model.Span{Start: l.TitleSpan.End, End: b.Span.End}
			l.Listed = true
		}
		lv = append(lv, l)
	}
	if len(lv) < 2 || sectioned < 2 || 2*sectioned < len(lv) {
		return nil
	}
	return lv
}

// itemLevel reads a top-level list item's title as a level: the text
// before its first colon, spaced dash or parenthesis (colon: it was a colon, "Title:
// description"), without emphasis marks, placed on the tracks or coded, with
// its spans. nil when the item is no title (empty, too long) or names a
// retired status ("Emeritus").
func itemLevel(f *model.Family, o Options, b *model.Bullet) (l *Level, colon bool) {
	title := b.Text
	if m := itemTitleEnd.FindStringIndex(title); m != nil {
		colon = title[m[0]] == ':'
		title = title[:m[0]]
	}
	title = strings.TrimSpace(strings.Trim(strings.TrimSpace(title), "*_`"))
	if title == "" || len(strings.Fields(title)) > maxItemTitleWords {
		return nil, false
	}
	l = &Level{Title: title, File: f}
	l.Code = ParseCode(title)
	if l.Code != nil && l.Code.Format == "n" {
		l.Code = nil
	}
	l.place(o, title)
	if l.Code == nil && l.Placed && retired(l.Place.Stem) {
		return nil, false
	}
	l.TitleSpan = itemSpan(f, b, title)
	if l.Code != nil {
		l.CodeSpan = model.Span{Start: l.TitleSpan.Start + l.Code.At, End: l.TitleSpan.Start + l.Code.At + l.Code.N}
		if l.TitleSpan.End-l.TitleSpan.Start != len(title) {
			l.CodeSpan = l.TitleSpan // the title written otherwise than read: the whole title
		}
	}
	return l, colon
}

// scopedSection finds the section after at that heads a listed role with
// the scope it is held over before it: "Repository Maintainers" for the
// item "Maintainers" (Kokkos's summary, top first, then a section per
// role). The heading is no other item's, one word more than the item, its words then the
// item's, and both are placed on the same step of one track, the item with
// no stem of its own. The first such heading after at, or false.
func scopedSection(f *model.Family, o Options, l *Level, at int, named map[string]bool) (int, bool) {
	if !l.Placed || l.Place.Stem != "" || o.Ladder == nil {
		return 0, false
	}
	item := strings.Fields(roleKey(l.Title))
	for i, h := range f.Headings {
		if h.Span.Start <= at {
			continue
		}
		ws := strings.Fields(roleKey(h.Text))
		if named[roleKey(h.Text)] {
			continue // another item's section ("Core Contributors" beside "Contributors")
		}
		if len(ws) != len(item)+1 || strings.Join(ws[1:], " ") != strings.Join(item, " ") {
			continue
		}
		if p, ok := o.Ladder.Classify(h.Text); ok && !p.Implied && p.Same(l.Place) {
			return i, true
		}
	}
	return 0, false
}

// introNamesTiers reports whether the paragraph just before a list (no
// heading between) names tiers, levels, roles, rungs or grades, or, with no
// paragraph between, the heading the list opens does ("# Team Roles" over
// "- *Project Leads*: ...", "- *Maintainers*: ..."): byHeading.
func introNamesTiers(f *model.Family, at int) (ok, byHeading bool) {
	i := sort.Search(len(f.Blocks), func(i int) bool { return f.Blocks[i].Span.Start >= at })
	if i == 0 || !namesLadder(f.Blocks[i-1].Text) {
		return false, false
	}
	switch f.Blocks[i-1].Kind {
	case model.BlockParagraph:
		return true, false
	case model.BlockHeading:
		return true, true
	}
	return false, false
}

// describedItems reports whether every top-level item of a list is written
// "Title: description", its title no link: a summary of roles that says
// what each is ("- *Maintainers*: are administrators of ..."), not a table
// of contents ("- [Contributor](#contributor)") or a bare list of names.
func describedItems(f *model.Family, o Options, list []*model.Bullet) bool {
	for _, b := range list {
		if b.Depth != 0 {
			continue
		}
		l, colon := itemLevel(f, o, b)
		if l == nil || !colon || strings.TrimSpace(b.Text[strings.Index(b.Text, ":")+1:]) == "" {
			return false
		}
		for _, k := range b.Links {
			if k.Span.Start < l.TitleSpan.End {
				return false
			}
		}
	}
	return true
}

// leadInNamesLadder reports whether the list at at is introduced, as a
// heading would head it, by a sentence that names roles, tiers, levels, rungs,
// grades or a ladder: the last sentence of the paragraph just before the list
// (no heading between), ending with a colon ("In an Apache project,
// developers have three roles:"). A sentence earlier in the paragraph, or one
// that does not lead into the list ("Roles are described elsewhere."), is
// none.
func leadInNamesLadder(f *model.Family, at int) bool {
	i := sort.Search(len(f.Blocks), func(i int) bool { return f.Blocks[i].Span.Start >= at })
	if i == 0 || f.Blocks[i-1].Kind != model.BlockParagraph {
		return false
	}
	text := strings.Join(strings.Fields(f.Blocks[i-1].Text), " ")
	if !strings.HasSuffix(text, ":") {
		return false
	}
	last := text
	for _, end := range []string{". ", "! ", "? "} {
		if k := strings.LastIndex(last, end); k >= 0 {
			last = last[k+len(end):]
		}
	}
	return namesLadder(last)
}

// topItems returns the indexes of a list's top-level items.
func topItems(list []*model.Bullet) []int {
	var top []int
	for i, b := range list {
		if b.Depth == 0 {
			top = append(top, i)
		}
	}
	return top
}

// itemEnd is where the n-th top-level item of a list ends (top holds the
// top-level items' indexes): with its nested items, up to the next one.
func itemEnd(list []*model.Bullet, top []int, n int) int {
	i := top[n]
	end := list[i].Span.End
	next := len(list)
	if n+1 < len(top) {
		next = top[n+1]
	}
	for _, nb := range list[i+1 : next] {
		end = max(end, nb.Span.End)
	}
	return end
}

// listLevels reads one list as a ladder, or nil.
func listLevels(f *model.Family, o Options, list []*model.Bullet) []*Level {
	top := topItems(list)
	if len(top) < 2 || !underLadderHeading(f, list[0].Span.Start) && !leadInNamesLadder(f, list[0].Span.Start) {
		return nil
	}
	var lv []*Level
	colons := 0        // items written "Title: description"
	firstUnnamed := -1 // the first item whose title names no level
	for n, i := range top {
		b := list[i]
		l, colon := itemLevel(f, o, b)
		if l == nil {
			return nil
		}
		if colon {
			colons++
		}
		if l.Code == nil && !l.Placed {
			if firstUnnamed < 0 {
				firstUnnamed = n
			}
		} else if firstUnnamed >= 0 {
			return nil // a rung the tracks name after one they do not: no ladder
		}
		l.Body = model.Span{Start: l.TitleSpan.End, End: itemEnd(list, top, n)}
		lv = append(lv, l)
	}
	if firstUnnamed >= 0 && !topUnnamed(lv, firstUnnamed, colons) {
		return nil // every item names a rung, or the list is no ladder
	}
	named := len(lv)
	if firstUnnamed >= 0 {
		named = firstUnnamed
	}
	if !inRankOrder(lv[:named]) && (firstUnnamed >= 0 || !inListOrder(lv)) {
		return nil
	}
	if firstUnnamed < 0 {
		lv = labelledInside(f, o, list, top, lv)
	}
	bare := true
	for _, l := range lv {
		if l.Body.End > len(f.Source.Text) || len(bytes.TrimSpace(f.Source.Text[l.Body.Start:l.Body.End])) > 0 {
			bare = false
		}
	}
	if bare {
		// a list of the levels' names and nothing else ("## Skill levels":
		// "- Entry-level", "- Junior-level", ...): the page names its
		// levels, and describes them elsewhere or not at all; an item says
		// nothing of an empty level
		for _, l := range lv {
			l.Listed = true
		}
	}
	return lv
}

// inListOrder is the rank order of a list that names its levels by
// seniority words alone, where the page may rank two words that the tracks
// put on one step: "Entry-level", "Junior-level", "Mid-level",
// "Senior-level" (the tracks' Entry and Junior are one step). Every item is
// placed on one track without a code, two neighbours on one step are named
// by two words (not "Senior Engineer", "Senior Designer"), and the other
// neighbours go one way through three steps or more: the list's order is
// the page's, and it goes against the tracks nowhere.
func inListOrder(lv []*Level) bool {
	if len(lv) < 3 {
		return false
	}
	dir, steps := 0, 1
	for i, l := range lv {
		if l.Code != nil || !l.Placed || l.Place.Track != lv[0].Place.Track {
			return false
		}
		if i == 0 {
			continue
		}
		a := lv[i-1]
		d := l.Place.Compare(a.Place)
		if d == 0 {
			if strings.EqualFold(a.Place.Keyword, l.Place.Keyword) {
				return false
			}
			continue
		}
		s := 1
		if d < 0 {
			s = -1
		}
		if dir != 0 && s != dir {
			return false
		}
		dir = s
		steps++
	}
	return steps >= 3
}

// labelledInside adds to a list's rungs, each item written with a bold
// label ("- **Contributor**: ..."), a rung written as a paragraph inside an
// item, its label written the same way: Cloud Custodian's "**Area
// Maintainer**: ..." indented after a blank line under "- **Contributor**:",
// before "- **Core Maintainer**:". The rung is on the ladder's track,
// beyond its item's in the ladder's direction and not beyond the next
// item's; it takes the rest of the item as its body.
func labelledInside(f *model.Family, o Options, list []*model.Bullet, top []int, lv []*Level) []*Level {
	src := f.Source.Text
	bold := func(l *Level) bool {
		s := l.TitleSpan
		return s.Start >= 2 && s.End+2 <= len(src) && labelRE.Match(src[s.Start-2:]) && string(src[s.End:s.End+2]) == string(src[s.Start-2:s.Start])
	}
	dir := lv[1].Place.Compare(lv[0].Place)
	sign := func(d int) int {
		switch {
		case d > 0:
			return 1
		case d < 0:
			return -1
		}
		return 0
	}
	dir = sign(dir)
	var out []*Level
	for n, l := range lv {
		out = append(out, l)
		if l.Code != nil || !bold(l) {
			continue
		}
		b := list[top[n]]
		if b.Span.End > len(src) || l.TitleSpan.End > b.Span.End {
			continue
		}
		lines := bytes.SplitAfter(src[l.TitleSpan.End:b.Span.End], []byte("\n"))
		at := l.TitleSpan.End
		blank := false
		for k, line := range lines {
			start := at
			at += len(line)
			if k == 0 {
				continue // the rest of the title's line
			}
			if len(bytes.TrimSpace(line)) == 0 {
				blank = true
				continue
			}
			m := labelRE.FindSubmatchIndex(line)
			if !blank || m == nil || line[0] != ' ' && line[0] != '\t' {
				blank = false
				continue
			}
			title := strings.TrimRight(strings.TrimSpace(string(line[m[4]:m[5]])), ".:")
			if title == "" || len(strings.Fields(title)) > maxItemTitleWords {
				break
			}
			c := &Level{Title: title, File: f}
			c.place(o, title)
			if !c.Placed || ParseCode(title) != nil || retired(c.Place.Stem) || c.Place.Track != l.Place.Track ||
				sign(c.Place.Compare(l.Place)) != dir {
				break
			}
			if n+1 < len(lv) && sign(c.Place.Compare(lv[n+1].Place)) == dir {
				break
			}
			ts := start + m[4] + max(bytes.Index(line[m[4]:m[5]], []byte(title)), 0)
			c.TitleSpan = model.Span{Start: ts, End: ts + len(title)}
			c.Body = model.Span{Start: c.TitleSpan.End, End: l.Body.End}
			l.Body.End = start
			out = append(out, c)
			break
		}
	}
	return out
}

// topUnnamed reports whether a list's last items, from item first on, are
// rungs above those the tracks know, written bottom first (TUF's
// "Participant:", "Contributor:", "Subproject member:", "Subproject
// Maintainer:", then "TAP Editor:" and "Consensus Builder:"): every item is
// written "Title: description", the items before them name three rungs or
// more, going up, and are more than half the list.
func topUnnamed(lv []*Level, first, colons int) bool {
	if colons != len(lv) || first < 3 || 2*first <= len(lv) {
		return false
	}
	named := lv[:first]
	for _, l := range named {
		if l.Code != nil {
			return false
		}
	}
	return inRankOrder(named) && named[1].Place.Compare(named[0].Place) > 0
}

// inRankOrder reports whether levels go one way in rank, each step a new
// rank: all coded in one format, or all placed by words on one track.
func inRankOrder(lv []*Level) bool {
	dir := 0
	for i := 1; i < len(lv); i++ {
		a, b := lv[i-1], lv[i]
		var d float64
		switch {
		case a.Code != nil && b.Code != nil && a.Code.Format == b.Code.Format:
			d = b.Code.Rank - a.Code.Rank
		case a.Code == nil && b.Code == nil && a.Place.Track == b.Place.Track:
			d = float64(b.Place.Compare(a.Place))
		default:
			return false
		}
		s := 1
		if d < 0 {
			s = -1
		}
		if d == 0 || dir != 0 && s != dir {
			return false
		}
		dir = s
	}
	return true
}

// underLadderHeading reports whether a heading the list comes under (the
// last one before it, or one that encloses that one: a page titled "Company
// Size & Manager Levels" over a section per company size) names roles,
// tiers, levels or a ladder.
func underLadderHeading(f *model.Family, at int) bool {
	depth := 7
	for i := len(f.Headings) - 1; i >= 0; i-- {
		h := f.Headings[i]
		if h.Span.Start >= at || h.Level >= depth {
			continue
		}
		depth = h.Level
		if namesLadder(h.Text) {
			return true
		}
	}
	return false
}

// namesLadder reports whether a title names roles, tiers, levels or a
// ladder.
func namesLadder(title string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if ladderWords[w] {
			return true
		}
	}
	return false
}

// itemSpan finds a bullet's title in the source, within the bullet.
func itemSpan(f *model.Family, b *model.Bullet, title string) model.Span {
	s := b.Span
	if s.Start < 0 || s.End > len(f.Source.Text) || s.Start > s.End {
		return model.Span{Start: max(s.Start, 0), End: max(s.Start, 0)}
	}
	if k := bytes.Index(f.Source.Text[s.Start:s.End], []byte(title)); k >= 0 {
		return model.Span{Start: s.Start + k, End: s.Start + k + len(title)}
	}
	return s
}

// ladderOf returns a ladder of the levels found (nil for none), each with
// its dimensions read.
func ladderOf(f *model.Family, o Options, from string, levels []*Level) *Ladder {
	if levels == nil {
		return nil
	}
	for _, l := range levels {
		l.Dims = dimensions(f, o, l)
	}
	return &Ladder{From: from, Levels: levels}
}
