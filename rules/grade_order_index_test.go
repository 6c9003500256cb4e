package rules

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/ladder"
)

// TestLadderIndexMatchesPairs checks the index grade-order uses against
// comparing every pair of levels, on random pages.
func TestLadderIndexMatchesPairs(t *testing.T) {
	words := []string{"accounting", "payable", "data", "engineer", "engineering", "x", "x"}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 3000; n++ {
		roles := make([]gradedRole, rng.IntN(12))
		for i := range roles {
			var stem []string
			for k := rng.IntN(4); k > 0; k-- {
				stem = append(stem, words[rng.IntN(len(words))])
			}
			lo := float64(5 + rng.IntN(5))
			roles[i] = gradedRole{
				placed: rng.IntN(8) > 0,
				place:  ladder.Place{Track: rng.IntN(2), Step: rng.IntN(5), Sub: rng.IntN(2), Stem: strings.Join(stem, " ")},
				lo:     lo, hi: lo + float64(rng.IntN(2)),
			}
		}
		idx := newLadderIndex(roles)
		for j := range roles {
			if !roles[j].placed {
				continue
			}
			b := &roles[j]
			worst, first := -1, -1
			for i := range roles {
				a := &roles[i]
				if i == j || !a.placed || !ladder.Comparable(a.place, b.place) {
					continue
				}
				if c := a.place.Compare(b.place); c < 0 && (worst < 0 || a.lo > roles[worst].lo || a.lo == roles[worst].lo && a.place.Compare(roles[worst].place) > 0) {
					worst = i
				} else if c > 0 && first < 0 {
					first = i
				}
			}
			if got := idx.lessSenior(j); got != worst {
				t.Fatalf("page %d, level %d: less senior %d, want %d\n%+v", n, j, got, worst, roles)
			}
			if got := idx.firstMoreSenior(j); got != first {
				t.Fatalf("page %d, level %d: first more senior %d, want %d\n%+v", n, j, got, first, roles)
			}
		}
	}
}

// TestLadderIndexMemory checks that grade-order's index of a page of
// 20,000 levels, each its own stem (bench/hostile.sh's graded-headings),
// stays small beside the page's model: a struct, three slices and two map
// entries a group took 8.4 MB (issue 14).
func TestLadderIndexMemory(t *testing.T) {
	roles := make([]gradedRole, 20000)
	for i := range roles {
		roles[i] = gradedRole{placed: true, place: ladder.Place{Step: 3, Stem: "engineer " + strconv.Itoa(i)}, lo: float64(5 + i%6)}
		roles[i].hi = roles[i].lo
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	idx := newLadderIndex(roles)
	runtime.GC()
	runtime.ReadMemStats(&after)
	live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(idx)
	if live > 3<<20 {
		t.Errorf("index of 20,000 levels holds %d bytes, want under 3 MiB", live)
	}
	if got := idx.lessSenior(5); got != -1 {
		t.Errorf("lessSenior(5) = %d, want -1 (no level shares its stem)", got)
	}
}
