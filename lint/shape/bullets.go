package shape

import (
	"bytes"
	"regexp"
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
		if lv := listLevels(f, o, list); len(lv) > len(best) {
			best = lv
		}
	}
	if best == nil {
		return nil
	}
	for _, l := range best {
		l.Dims = dimensions(f, o, l)
	}
	return &Ladder{From: "bullets", Levels: best}
}

// listLevels reads one list as a ladder, or nil.
func listLevels(f *model.Family, o Options, list []*model.Bullet) []*Level {
	var top []int
	for i, b := range list {
		if b.Depth == 0 {
			top = append(top, i)
		}
	}
	if len(top) < 2 || !underLadderHeading(f, list[0].Span.Start) {
		return nil
	}
	var lv []*Level
	for n, i := range top {
		b := list[i]
		title := b.Text
		if m := itemTitleEnd.FindStringIndex(title); m != nil {
			title = title[:m[0]]
		}
		title = strings.TrimSpace(strings.Trim(strings.TrimSpace(title), "*_`"))
		if title == "" || len(strings.Fields(title)) > maxItemTitleWords {
			return nil
		}
		l := &Level{Title: title, File: f}
		l.Code = ParseCode(title)
		if l.Code != nil && l.Code.Format == "n" {
			l.Code = nil
		}
		l.place(o, title)
		if l.Code == nil && (!l.Placed || retired(l.Place.Stem)) {
			return nil // every item names a rung, or the list is no ladder
		}
		l.TitleSpan = itemSpan(f, b, title)
		end := b.Span.End
		next := len(list)
		if n+1 < len(top) {
			next = top[n+1]
		}
		for _, nb := range list[i+1 : next] {
			end = max(end, nb.Span.End)
		}
		l.Body = model.Span{Start: l.TitleSpan.End, End: end}
		if l.Code != nil {
			l.CodeSpan = model.Span{Start: l.TitleSpan.Start + l.Code.At, End: l.TitleSpan.Start + l.Code.At + l.Code.N}
			if l.TitleSpan.End-l.TitleSpan.Start != len(title) {
				l.CodeSpan = l.TitleSpan
			}
		}
		lv = append(lv, l)
	}
	if !inRankOrder(lv) {
		return nil
	}
	return lv
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
