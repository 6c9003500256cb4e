package rules

import (
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/misspell"
)

// misspellList writes pairs (misspelling, correction, ...) as the embedded
// lists hold them.
func misspellList(pairs []string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		b.WriteString(pairs[i] + "\t" + pairs[i+1] + "\n")
	}
	return b.String()
}

// misspellMapList writes pairs as the embedded lists hold them: the map
// misspell fills from them, sorted by misspelling.
func misspellMapList(pairs []string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	var flat []string
	for _, w := range slices.Sorted(maps.Keys(m)) {
		flat = append(flat, w, m[w])
	}
	return misspellList(flat)
}

// The embedded lists are misspell's maps, sorted (a newer library's lists
// fail here until written again with -update).
func TestMisspellListsAsLibrary(t *testing.T) {
	for _, l := range []struct {
		file, got string
		pairs     []string
	}{
		{"wordlists/misspell-main.txt", misspellListMain, misspell.DictMain},
		{"wordlists/misspell-us.txt", misspellListUS, misspell.DictAmerican},
		{"wordlists/misspell-uk.txt", misspellListUK, misspell.DictBritish},
	} {
		for _, w := range l.pairs {
			if w == "" || strings.ContainsAny(w, "\t\n") {
				t.Fatalf("%s: misspell's entry %q cannot be written as a line", l.file, w)
			}
		}
		want := misspellMapList(l.pairs)
		if *update {
			if err := os.WriteFile(l.file, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if l.got != want {
			t.Errorf("%s differs from misspell's list (%d bytes, want %d): go test ./rules -run TestMisspellListsAsLibrary -update", l.file, len(l.got), len(want))
		}
	}
}

// The misspelling tables answer as a map filled in the lists' order would:
// each misspelling its correction (the later pair of one listed twice),
// and no other word.
func TestMisspellTableAsMap(t *testing.T) {
	main, _ := misspellings("")
	_, us := misspellings("US")
	_, uk := misspellings("UK")
	for _, l := range []struct {
		name  string
		pairs []string
		tb    *misspellTable
	}{
		{"main", misspell.DictMain, main},
		{"US", misspell.DictAmerican, us},
		{"UK", misspell.DictBritish, uk},
		// in the library's order: sorted by newMisspellTable
		{"main, unsorted", misspell.DictMain, newMisspellTable(misspellList(misspell.DictMain))},
		{"US, unsorted", misspell.DictAmerican, newMisspellTable(misspellList(misspell.DictAmerican))},
		{"UK, unsorted", misspell.DictBritish, newMisspellTable(misspellList(misspell.DictBritish))},
	} {
		name, pairs, tb := l.name, l.pairs, l.tb
		want := map[string]string{}
		for i := 0; i+1 < len(pairs); i += 2 {
			want[pairs[i]] = pairs[i+1]
		}
		if len(tb.sorted) != len(want) {
			t.Errorf("%s: %d misspellings, want %d", name, len(tb.sorted), len(want))
		}
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
	tb := newMisspellTable(misspellList([]string{"teh", "tea", "recieve", "receive", "teh", "the"}))
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
	tb := newMisspellTable(misspellListMain)
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(tb)
	if n := after.TotalAlloc - before.TotalAlloc; n > 512<<10 {
		t.Errorf("the main misspelling table allocated %d bytes, want under 512 KiB", n)
	}
}
