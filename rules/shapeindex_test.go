package rules

import (
	"sort"
	"strings"
	"testing"
)

// The shape index holds every word of letters a-z of the dictionary once,
// under its own shape, and nothing else: what a map from shape to words
// held.
func TestShapeIndexWords(t *testing.T) {
	d := englishWords()
	x := newShapeIndex(d)
	want := map[string]bool{}
	d.eachAt(func(off, n int) {
		w := d.text[off : off+n]
		if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			want[w] = true
		}
	})
	got := map[string]int{}
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			for n := 0; n <= x.maxN+1; n++ {
				x.each(a, b, n, func(w string) {
					if len(w) != n || w[0] != a || w[len(w)-1] != b {
						t.Fatalf("%q under the shape %c...%c of %d letters", w, a, b, n)
					}
					got[w]++
				})
			}
		}
	}
	for w, n := range got {
		if n != 1 || !want[w] {
			t.Errorf("%q found %d times; in the dictionary: %v", w, n, want[w])
		}
	}
	if len(got) != len(want) || len(want) < 100000 {
		t.Errorf("%d words by shape, %d in the dictionary", len(got), len(want))
	}
	var slips []string
	x.each('q', 'e', 12, func(w string) {
		if twoSlips("quantititative", w) || twoSlips("quantitative", w) {
			slips = append(slips, w)
		}
	})
	if sort.Strings(slips); strings.Join(slips, " ") != "quantitative" {
		t.Errorf("shape q...e of 12: two slips from quantititative: %q", slips)
	}
	x.each('A', 'e', 12, func(w string) { t.Errorf("%q under a shape outside a-z", w) })
	x.each('q', 'e', x.maxN+1, func(w string) { t.Errorf("%q longer than the longest word", w) })
	x.each('q', 'e', -1, func(w string) { t.Errorf("%q under a negative length", w) })
}

// Building the shape index takes a handful of allocations, not one or
// more a shape and its slice's growth (a map of string slices: about
// 8,000 allocations and 40 ms of a pre-commit run's 0.33 s).
func TestShapeIndexAllocs(t *testing.T) {
	d := englishWords()
	if n := testing.AllocsPerRun(2, func() { newShapeIndex(d) }); n > 50 {
		t.Errorf("newShapeIndex: %.0f allocations, want at most 50", n)
	}
}

func BenchmarkShapeIndex(b *testing.B) {
	d := englishWords()
	b.ReportAllocs()
	for range b.N {
		newShapeIndex(d)
	}
}
