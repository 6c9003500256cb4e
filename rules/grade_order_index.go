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
type ladderIndex struct {
	roles   []gradedRole
	groupOf []int // role -> group, -1 when not placed
	groups  []*stemGroup
	track   map[int]*levelPool // every level of a track
	empty   map[int]*levelPool // the levels of a track with an empty stem

	byWord   map[string][]int // word -> groups with that word in their stem
	byRarest map[string][]int // word -> groups whose rarest stem word it is
}

type stemGroup struct {
	track   int
	stem    string
	segment string   // the sales segment its titles name: only the same segment is related
	words   []string // the stem's distinct words
	pool    levelPool
	related []*levelPool // groups with another, related, non-empty stem
	done    bool         // related is computed
}

// levelPool holds levels sorted by place, with the best less senior level
// before each position and the first listed level from each position on.
type levelPool struct {
	roles    []gradedRole
	members  []int // role indexes, by place, then document order
	best     []int // best[k]: highest graded of members[:k+1] (see higher)
	firstPos []int // firstPos[k]: lowest role index of members[k:]
}

func newLadderIndex(roles []gradedRole) *ladderIndex {
	x := &ladderIndex{roles: roles, groupOf: make([]int, len(roles)), track: map[int]*levelPool{}, empty: map[int]*levelPool{},
		byWord: map[string][]int{}, byRarest: map[string][]int{}}
	type key struct {
		track         int
		stem, segment string
	}
	ids := map[key]int{}
	pool := func(m map[int]*levelPool, track int) *levelPool {
		if m[track] == nil {
			m[track] = &levelPool{roles: roles}
		}
		return m[track]
	}
	for i, r := range roles {
		x.groupOf[i] = -1
		if !r.placed {
			continue
		}
		k := key{r.place.Track, r.place.Stem, r.segment}
		id, ok := ids[k]
		if !ok {
			id = len(x.groups)
			ids[k] = id
			g := &stemGroup{track: k.track, stem: k.stem, segment: k.segment, pool: levelPool{roles: roles}}
			seen := map[string]bool{}
			for _, w := range strings.Fields(k.stem) {
				if !seen[w] {
					seen[w] = true
					g.words = append(g.words, w)
				}
			}
			x.groups = append(x.groups, g)
		}
		x.groupOf[i] = id
		g := x.groups[id]
		g.pool.members = append(g.pool.members, i)
		pool(x.track, k.track).members = append(pool(x.track, k.track).members, i)
		if len(g.words) == 0 {
			pool(x.empty, k.track).members = append(pool(x.empty, k.track).members, i)
		}
	}
	for id, g := range x.groups {
		g.pool.build()
		for _, w := range g.words {
			x.byWord[w] = append(x.byWord[w], id)
		}
	}
	for id, g := range x.groups {
		if r := x.rarest(g); r != "" {
			x.byRarest[r] = append(x.byRarest[r], id)
		}
	}
	for _, p := range x.track {
		p.build()
	}
	for _, p := range x.empty {
		p.build()
	}
	return x
}

// rarest returns the word of a group's stem that the fewest stems share.
func (x *ladderIndex) rarest(g *stemGroup) string {
	best := ""
	for _, w := range g.words {
		if best == "" || len(x.byWord[w]) < len(x.byWord[best]) || len(x.byWord[w]) == len(x.byWord[best]) && w < best {
			best = w
		}
	}
	return best
}

// pools returns the pools that hold every level comparable with role j.
func (x *ladderIndex) pools(j int) []*levelPool {
	g := x.groups[x.groupOf[j]]
	if len(g.words) == 0 {
		return []*levelPool{x.track[g.track]}
	}
	if !g.done {
		g.done = true
		// a related stem's words are all among g's (its rarest word is one of
		// g's), or g's are all among its own (it has g's rarest word)
		cands := map[int]bool{}
		for _, h := range x.byWord[x.rarest(g)] {
			cands[h] = true
		}
		for _, w := range g.words {
			for _, h := range x.byRarest[w] {
				cands[h] = true
			}
		}
		var ids []int
		for h := range cands {
			ids = append(ids, h)
		}
		sort.Ints(ids)
		for _, h := range ids {
			o := x.groups[h]
			if o != g && o.track == g.track && o.segment == g.segment && ladder.Related(o.stem, g.stem) { // as ladder.Comparable(a, b)
				g.related = append(g.related, &o.pool)
			}
		}
	}
	out := append([]*levelPool{&g.pool}, g.related...)
	if e := x.empty[g.track]; e != nil {
		out = append(out, e)
	}
	return out
}

// higher reports whether level a is graded above level b for grade-order's
// report: a higher low grade, then a more senior place, then listed first.
func higher(roles []gradedRole, a, b int) bool {
	ra, rb := &roles[a], &roles[b]
	if ra.lo != rb.lo {
		return ra.lo > rb.lo
	}
	if c := ra.place.Compare(rb.place); c != 0 {
		return c > 0
	}
	return a < b
}

func (p *levelPool) build() {
	sort.SliceStable(p.members, func(i, j int) bool {
		return p.roles[p.members[i]].place.Compare(p.roles[p.members[j]].place) < 0
	})
	n := len(p.members)
	p.best, p.firstPos = make([]int, n), make([]int, n)
	for k, m := range p.members {
		p.best[k] = m
		if k > 0 && higher(p.roles, p.best[k-1], m) {
			p.best[k] = p.best[k-1]
		}
	}
	for k := n - 1; k >= 0; k-- {
		p.firstPos[k] = p.members[k]
		if k+1 < n && p.firstPos[k+1] < p.firstPos[k] {
			p.firstPos[k] = p.firstPos[k+1]
		}
	}
}

// lessSenior returns the highest graded level of the pool below place q, or -1.
func (p *levelPool) lessSenior(q ladder.Place) int {
	k := sort.Search(len(p.members), func(k int) bool { return p.roles[p.members[k]].place.Compare(q) >= 0 })
	if k == 0 {
		return -1
	}
	return p.best[k-1]
}

// firstMoreSenior returns the first listed level of the pool above place q, or -1.
func (p *levelPool) firstMoreSenior(q ladder.Place) int {
	k := sort.Search(len(p.members), func(k int) bool { return p.roles[p.members[k]].place.Compare(q) > 0 })
	if k == len(p.members) {
		return -1
	}
	return p.firstPos[k]
}

// lessSenior returns the highest graded comparable level less senior than
// role j, or -1.
func (x *ladderIndex) lessSenior(j int) int {
	best := -1
	for _, p := range x.pools(j) {
		if a := p.lessSenior(x.roles[j].place); a >= 0 && (best < 0 || higher(x.roles, a, best)) {
			best = a
		}
	}
	return best
}

// firstMoreSenior returns the first listed comparable level more senior
// than role j, or -1.
func (x *ladderIndex) firstMoreSenior(j int) int {
	first := -1
	for _, p := range x.pools(j) {
		if a := p.firstMoreSenior(x.roles[j].place); a >= 0 && (first < 0 || a < first) {
			first = a
		}
	}
	return first
}
