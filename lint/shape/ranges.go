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

// sameUnit reports whether two units are one in either number and case
// ("contribution", "Contributions").
func sameUnit(a, b string) bool {
	k := func(s string) string {
		return strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(s), " ")), "s")
	}
	return k(a) == k(b)
}
