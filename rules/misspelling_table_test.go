package rules

import (
	"runtime"
	"testing"

	"github.com/golangci/misspell"
)

// The misspelling tables answer as a map filled in the lists' order would:
// each misspelling its correction (the later pair of one listed twice),
// and no other word.
func TestMisspellTableAsMap(t *testing.T) {
	for name, pairs := range map[string][]string{"main": misspell.DictMain, "US": misspell.DictAmerican, "UK": misspell.DictBritish} {
		want := map[string]string{}
		for i := 0; i+1 < len(pairs); i += 2 {
			want[pairs[i]] = pairs[i+1]
		}
		tb := newMisspellTable(pairs)
		for w, fix := range want {
			if got, ok := tb.fix(w); !ok || got != fix {
				t.Errorf("%s: fix(%q) = %q, %v; want %q", name, w, got, ok, fix)
			}
			for _, other := range []string{w + "q", "q" + w, w[:len(w)-1]} {
				if _, listed := want[other]; listed {
					continue
				}
				if got, ok := tb.fix(other); ok {
					t.Errorf("%s: fix(%q) = %q, want none", name, other, got)
				}
			}
		}
	}
	// a misspelling listed twice: the later correction
	tb := newMisspellTable([]string{"teh", "tea", "recieve", "receive", "teh", "the"})
	if got, ok := tb.fix("teh"); !ok || got != "the" {
		t.Errorf("fix(teh) = %q, %v; want the later pair's %q", got, ok, "the")
	}
	if got, ok := tb.fix("recieve"); !ok || got != "receive" {
		t.Errorf("fix(recieve) = %q, %v", got, ok)
	}
	if _, ok := tb.fix("receive"); ok {
		t.Error("a correction is no misspelling")
	}
}

// The main table holds an index of the list, not a map of it: building it
// allocates under 0.5 MB (its map was 1.9 MB, held from the first page's
// wording rules to the end of the run).
func TestMisspellTableSmall(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tb := newMisspellTable(misspell.DictMain)
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(tb)
	if n := after.TotalAlloc - before.TotalAlloc; n > 512<<10 {
		t.Errorf("the main misspelling table allocated %d bytes, want under 512 KiB", n)
	}
}
