package shape

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// rangeTitleRE reads a title that ends with the range of a count of the
// holder's own work, in parentheses: "Seed Contributors (1-2
// contributions)", "Forest Guardians (21+ contributions)", "Reviewer (5 or
// more merged PRs)". The count is of work done (contributions, commits,
// pull requests, reviews, patches, points), not of time ("Phase 1 (1-2
// weeks)") or of people ("Startup (1-50 employees)").
var rangeTitleRE = regexp.MustCompile(`(?i)\S.*?\s*\(\s*(\d{1,5})\s*(?:([-–—]|to)\s*(\d{1,5})|(\+|or more))?\s+((?:[a-z]+\s+)?(?:contributions?|commits?|prs?|pull[ -]requests?|reviews?|patch(?:es)?|points?))\s*\)\s*$`)

// countRange is a title's range: lo to hi, hi < 0 for an open range ("21+").
type countRange struct {
	lo, hi int
	unit   string
}

func titleRange(title string) (countRange, bool) {
	m := rangeTitleRE.FindStringSubmatch(title)
	if m == nil {
		return countRange{}, false
	}
	lo, _ := strconv.Atoi(m[1])
	r := countRange{lo: lo, hi: lo, unit: m[5]}
	switch {
	case m[3] != "":
		r.hi, _ = strconv.Atoi(m[3])
	case m[4] != "":
		r.hi = -1
	}
	if r.hi >= 0 && r.hi < r.lo {
		return countRange{}, false
	}
	return r, true
}

// rangedTiers adds to a group's levels a run of three siblings or more
// that are tiers by the count of work their holders have done (Excel
// Academy's "🌱 Seed Contributors (1-2 contributions)" to "🌍 Forest
// Guardians (21+ contributions)"): each title ends with a range of one
// kind of count (see rangeTitleRE), and the ranges follow one another with
// no gap and no overlap, going up (each starts one after the last ended,
// an open range only last) or down (the same read from the end). The
// tiers' names need rank nothing: their ranges rank them. A lone range, or
// ranges that leave a gap ("1-2", then "5-10"), overlap or repeat, are no
// tiers by this.
func rangedTiers(f *model.Family, hs []*model.Heading, g []int, lv []*Level) []*Level {
	at := map[*model.Heading]bool{}
	for _, l := range lv {
		at[l.Heading] = true
	}
	var best, cur []int
	var prev countRange
	dir := 0
	flush := func() {
		if len(cur) >= 3 && len(cur) > len(best) {
			best = cur
		}
		cur, dir = nil, 0
	}
	for _, i := range g {
		r, ok := titleRange(hs[i].Text)
		if !ok || namesSection(hs[i].Text) {
			flush()
			continue
		}
		if len(cur) > 0 {
			d := 0
			switch {
			case !sameUnit(prev.unit, r.unit):
			case prev.hi >= 0 && r.lo == prev.hi+1:
				d = 1
			case r.hi >= 0 && prev.lo == r.hi+1:
				d = -1
			}
			if d == 0 || dir != 0 && d != dir {
				flush()
			} else {
				dir = d
				cur = append(cur, i)
				prev = r
				continue
			}
		}
		cur, prev = []int{i}, r
	}
	flush()
	return withRun(f, hs, g, lv, at, best)
}

// sameUnit reports whether two units are one in either number and case
// ("contribution", "Contributions").
// withRun returns a group's levels lv with the headings of a run found in
// the group (best, indices into hs; nil for none) added where lv lacks them
// (at: the headings lv holds), all in the group's order (g).
func withRun(f *model.Family, hs []*model.Heading, g []int, lv []*Level, at map[*model.Heading]bool, best []int) []*Level {
	if best == nil {
		return lv
	}
	out := append([]*Level(nil), lv...)
	for _, i := range best {
		if !at[hs[i]] {
			out = append(out, &Level{Title: hs[i].Text, File: f, Heading: hs[i], TitleSpan: hs[i].TextSpan, Body: bodyOf(f, hs, i)})
		}
	}
	pos := map[*model.Heading]int{}
	for n, i := range g {
		pos[hs[i]] = n
	}
	sort.SliceStable(out, func(a, b int) bool { return pos[out[a].Heading] < pos[out[b].Heading] })
	return out
}

func sameUnit(a, b string) bool {
	k := func(s string) string {
		return strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(s), " ")), "s")
	}
	return k(a) == k(b)
}

// builtOnRungs adds to a group's levels the siblings right after its last
// level titled by a role the tracks do not rank whose own text, before any
// sub-heading, opens a paragraph by building the role on a rung of the
// ladder: "In addition to the responsibilities of a maintainer, the
// community manager has these" (the Mycelium Network's "## Community
// manager" after "## Maintainer" and "## Invited experts"). Such a role
// holds the rung and more: a level of the ladder, wherever the page ranks
// it. Each sibling added may be the rung the next builds on. A role whose
// text names no rung so ("The community manager is the person who helps"),
// or builds on a role that is no level of the ladder, ends the run.
func builtOnRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(lv) < 2 {
		return lv
	}
	_, last, ok := levelsRun(hs, g, lv)
	if !ok {
		return lv
	}
	var rungs []string
	placed := 0
	for _, l := range lv {
		if l.Placed && l.Code == nil {
			rungs = append(rungs, l.Title, l.Place.Label)
			placed++
		}
	}
	if placed < 2 {
		return lv
	}
	out := lv
	for n := last + 1; n < len(g); n++ {
		i := g[n]
		h := hs[i]
		if namesSection(h.Text) || ParseCode(h.Text) != nil {
			break
		}
		p, ok := o.Ladder.Classify(h.Text)
		if !ok || !p.Implied || p.Stem == "" || retired(p.Stem) {
			break
		}
		body := bodyOf(f, hs, i)
		if !buildsOn(f, body, rungs) {
			break
		}
		out = append(out, &Level{Title: h.Text, File: f, Heading: h, TitleSpan: h.TextSpan, Body: body})
		rungs = append(rungs, h.Text)
	}
	return out
}

// buildsOn reports whether a paragraph of a level's own text (before its
// first sub-heading) opens "In addition to the responsibilities of" one of
// the rungs named (in either case and number, after an article).
func buildsOn(f *model.Family, body model.Span, rungs []string) bool {
	for _, b := range BlocksIn(f, body) {
		if b.Kind == model.BlockHeading {
			return false
		}
		if b.Kind != model.BlockParagraph {
			continue
		}
		m := builtOnRE.FindStringSubmatch(strings.ToLower(strings.Join(strings.Fields(b.Text), " ")))
		if m == nil {
			continue
		}
		for _, r := range rungs {
			k := roleKey(r)
			if k != "" && (m[1] == k || strings.HasPrefix(m[1], k+" ") || strings.HasPrefix(m[1], k+"s ") || m[1] == k+"s") {
				return true
			}
		}
	}
	return false
}

// builtOnRE reads what a paragraph builds on: "in addition to the
// (rights and) responsibilities of a maintainer, ..." gives "maintainer".
var builtOnRE = regexp.MustCompile(`^in addition to (?:all )?(?:the )?(?:[a-z]+ and )?(?:rights|responsibilities|duties|privileges|requirements) of (?:(?:the|a|an|all) )?([a-z][a-z -]*?)(?:[,:.;]|$| (?:the|who|as|and|is|are|has|have|will|must|should)\b)`)
