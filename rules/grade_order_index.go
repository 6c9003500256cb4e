package rules

import (
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/ladder"
)

// ladderIndex answers grade-order's two questions about a level without
// comparing it with every other level of the page: of the comparable levels
// (ladder.Comparable), the less senior one graded highest, and the first
// one listed that is more senior. A page of thousands of levels (a broken
// or hostile one) then takes near-linear time instead of quadratic.
//
// Levels are grouped by track and stem. A level is comparable with the
// levels of its own group, with every level of its track whose stem is
// empty (related to any stem), and with the levels of the groups whose stem
// is related to its own; those are found through the stems' words, and
// each candidate is confirmed with ladder.Related.
//
// The index is a few flat arrays of int32, not a struct and slices a group:
// a hostile page has a group a level (20,000 levels, each its own stem), and
// the index is built while the page's whole model is live (issue 14).
type ladderIndex struct {
	roles   []gradedRole
	groupOf []int32 // role -> group, -1 when not placed
	// the groups' levels, each group's a run of a flat levelPool: groups
	// are runs of members sorted by track, stem, segment, then place and
	// document order; group g's run is [start[g], start[g+1])
	all   levelPool
	start []int32
	// related[g]: the groups with another, related, non-empty stem,
	// computed on first use (done[g])
	related map[int32][]int32
	done    []bool
	track   map[int]*levelPool // every level of a track
	empty   map[int]*levelPool // the levels of a track with an empty stem

	byWord   postings // word -> groups with that word in their stem
	byRarest postings // word -> groups whose rarest stem word it is
}

// postings maps a word to a sorted list of group ids, as flat arrays.
type postings struct {
	words []string // sorted, distinct
	start []int32  // words[k]'s ids are ids[start[k]:start[k+1]]
	ids   []int32
}

type wordGroup struct {
	w  string
	id int32
}

func newPostings(pairs []wordGroup) postings {
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].w != pairs[j].w {
			return pairs[i].w < pairs[j].w
		}
		return pairs[i].id < pairs[j].id
	})
	var p postings
	p.ids = make([]int32, len(pairs))
	for k, q := range pairs {
		if k == 0 || q.w != pairs[k-1].w {
			p.words = append(p.words, q.w)
			p.start = append(p.start, int32(k))
		}
		p.ids[k] = q.id
	}
	p.start = append(p.start, int32(len(pairs)))
	return p
}

func (p *postings) get(w string) []int32 {
	k := sort.SearchStrings(p.words, w)
	if k == len(p.words) || p.words[k] != w {
		return nil
	}
	return p.ids[p.start[k]:p.start[k+1]]
}

// levelPool holds levels sorted by place, with the best less senior level
// before each position and the first listed level from each position on.
type levelPool struct {
	members  []int32 // role indexes, by place, then document order
	best     []int32 // best[k]: highest graded of members[:k+1] (see higher)
	firstPos []int32 // firstPos[k]: lowest role index of members[k:]
}

// stemWords returns a stem's distinct words, in order.
func stemWords(stem string) []string {
	var out []string
	for _, w := range strings.Fields(stem) {
		if !slicesContains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func slicesContains(s []string, w string) bool {
	for _, x := range s {
		if x == w {
			return true
		}
	}
	return false
}

func newLadderIndex(roles []gradedRole) *ladderIndex {
	x := &ladderIndex{roles: roles, groupOf: make([]int32, len(roles)), track: map[int]*levelPool{}, empty: map[int]*levelPool{},
		related: map[int32][]int32{}}
	var members []int32
	for i := range roles {
		x.groupOf[i] = -1
		if roles[i].placed {
			members = append(members, int32(i))
		}
	}
	sort.Slice(members, func(a, b int) bool {
		ra, rb := &roles[members[a]], &roles[members[b]]
		if ra.place.Track != rb.place.Track {
			return ra.place.Track < rb.place.Track
		}
		if ra.place.Stem != rb.place.Stem {
			return ra.place.Stem < rb.place.Stem
		}
		if ra.segment != rb.segment {
			return ra.segment < rb.segment
		}
		if c := ra.place.Compare(rb.place); c != 0 {
			return c < 0
		}
		return members[a] < members[b]
	})
	var pairs []wordGroup
	for k, m := range members {
		r := &roles[m]
		if k == 0 || !x.sameGroup(members[k-1], m) {
			x.start = append(x.start, int32(k))
			for _, w := range stemWords(r.place.Stem) {
				pairs = append(pairs, wordGroup{w, int32(len(x.start) - 1)})
			}
		}
		x.groupOf[m] = int32(len(x.start) - 1)
		pool(x.track, r.place.Track).members = append(pool(x.track, r.place.Track).members, m)
		if strings.TrimSpace(r.place.Stem) == "" {
			pool(x.empty, r.place.Track).members = append(pool(x.empty, r.place.Track).members, m)
		}
	}
	x.start = append(x.start, int32(len(members)))
	x.done = make([]bool, len(x.start)-1)
	x.all.members = members
	x.all.bestRuns(roles, x.start)
	x.byWord = newPostings(pairs)
	pairs = pairs[:0]
	for g := range x.done {
		if r := x.rarest(int32(g)); r != "" {
			pairs = append(pairs, wordGroup{r, int32(g)})
		}
	}
	x.byRarest = newPostings(pairs)
	for _, p := range x.track {
		p.build(roles)
	}
	for _, p := range x.empty {
		p.build(roles)
	}
	return x
}

func pool(m map[int]*levelPool, track int) *levelPool {
	if m[track] == nil {
		m[track] = &levelPool{}
	}
	return m[track]
}

// sameGroup reports whether two placed levels are of one group.
func (x *ladderIndex) sameGroup(a, b int32) bool {
	ra, rb := &x.roles[a], &x.roles[b]
	return ra.place.Track == rb.place.Track && ra.place.Stem == rb.place.Stem && ra.segment == rb.segment
}

// group returns group g's levels, its first level and its pool.
func (x *ladderIndex) group(g int32) (*gradedRole, levelPool) {
	s, e := x.start[g], x.start[g+1]
	return &x.roles[x.all.members[s]], levelPool{members: x.all.members[s:e], best: x.all.best[s:e], firstPos: x.all.firstPos[s:e]}
}

// rarest returns the word of a group's stem that the fewest stems share.
func (x *ladderIndex) rarest(g int32) string {
	r, _ := x.group(g)
	best, n := "", 0
	for _, w := range stemWords(r.place.Stem) {
		c := len(x.byWord.get(w))
		if best == "" || c < n || c == n && w < best {
			best, n = w, c
		}
	}
	return best
}

// pools returns the pools that hold every level comparable with role j.
func (x *ladderIndex) pools(j int) []levelPool {
	g := x.groupOf[j]
	r, own := x.group(g)
	if strings.TrimSpace(r.place.Stem) == "" {
		return []levelPool{*x.track[r.place.Track]}
	}
	if !x.done[g] {
		x.done[g] = true
		// a related stem's words are all among g's (its rarest word is one of
		// g's), or g's are all among its own (it has g's rarest word)
		ids := append([]int32(nil), x.byWord.get(x.rarest(g))...)
		for _, w := range stemWords(r.place.Stem) {
			ids = append(ids, x.byRarest.get(w)...)
		}
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		var rel []int32
		for k, h := range ids {
			if h == g || k > 0 && h == ids[k-1] {
				continue
			}
			o, _ := x.group(h)
			if o.place.Track == r.place.Track && o.segment == r.segment && ladder.Related(o.place.Stem, r.place.Stem) { // as ladder.Comparable(a, b)
				rel = append(rel, h)
			}
		}
		if rel != nil {
			x.related[g] = rel
		}
	}
	out := []levelPool{own}
	for _, h := range x.related[g] {
		_, p := x.group(h)
		out = append(out, p)
	}
	if e := x.empty[r.place.Track]; e != nil {
		out = append(out, *e)
	}
	return out
}

// higher reports whether level a is graded above level b for grade-order's
// report: a higher low grade, then a more senior place, then listed first.
func higher(roles []gradedRole, a, b int32) bool {
	ra, rb := &roles[a], &roles[b]
	if ra.lo != rb.lo {
		return ra.lo > rb.lo
	}
	if c := ra.place.Compare(rb.place); c != 0 {
		return c > 0
	}
	return a < b
}

func (p *levelPool) build(roles []gradedRole) {
	sort.Slice(p.members, func(i, j int) bool {
		if c := roles[p.members[i]].place.Compare(roles[p.members[j]].place); c != 0 {
			return c < 0
		}
		return p.members[i] < p.members[j]
	})
	p.bestRuns(roles, []int32{0, int32(len(p.members))})
}

// bestRuns fills best and firstPos for each run [start[g], start[g+1]) of
// members, each sorted by place.
func (p *levelPool) bestRuns(roles []gradedRole, start []int32) {
	n := len(p.members)
	p.best, p.firstPos = make([]int32, n), make([]int32, n)
	for g := 0; g+1 < len(start); g++ {
		s, e := int(start[g]), int(start[g+1])
		for k := s; k < e; k++ {
			m := p.members[k]
			p.best[k] = m
			if k > s && higher(roles, p.best[k-1], m) {
				p.best[k] = p.best[k-1]
			}
		}
		for k := e - 1; k >= s; k-- {
			p.firstPos[k] = p.members[k]
			if k+1 < e && p.firstPos[k+1] < p.firstPos[k] {
				p.firstPos[k] = p.firstPos[k+1]
			}
		}
	}
}

// lessSenior returns the highest graded level of the pool below place q, or -1.
func (p *levelPool) lessSenior(roles []gradedRole, q ladder.Place) int32 {
	k := sort.Search(len(p.members), func(k int) bool { return roles[p.members[k]].place.Compare(q) >= 0 })
	if k == 0 {
		return -1
	}
	return p.best[k-1]
}

// firstMoreSenior returns the first listed level of the pool above place q, or -1.
func (p *levelPool) firstMoreSenior(roles []gradedRole, q ladder.Place) int32 {
	k := sort.Search(len(p.members), func(k int) bool { return roles[p.members[k]].place.Compare(q) > 0 })
	if k == len(p.members) {
		return -1
	}
	return p.firstPos[k]
}

// lessSenior returns the highest graded comparable level less senior than
// role j, or -1.
func (x *ladderIndex) lessSenior(j int) int {
	best := int32(-1)
	for _, p := range x.pools(j) {
		if a := p.lessSenior(x.roles, x.roles[j].place); a >= 0 && (best < 0 || higher(x.roles, a, best)) {
			best = a
		}
	}
	return int(best)
}

// firstMoreSenior returns the first listed comparable level more senior
// than role j, or -1.
func (x *ladderIndex) firstMoreSenior(j int) int {
	first := int32(-1)
	for _, p := range x.pools(j) {
		if a := p.firstMoreSenior(x.roles, x.roles[j].place); a >= 0 && (first < 0 || a < first) {
			first = a
		}
	}
	return int(first)
}
