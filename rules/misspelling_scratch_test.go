package rules

import (
	"testing"
	"unsafe"
)

// The words a misspelling scratch remembers from page to page: their
// numbers are the run's, the dictionary's answers are knownWord's, the
// keys are the run's copies (a page's text is not kept by them, even after
// the answer is stored), and a scratch used by another run numbers anew.
func TestSpellScratchRemembersRunCopies(t *testing.T) {
	d := englishWords()
	sw := &spellWords{ids: map[string]uint32{}}
	sc := spellScratchPool.New().(*spellScratch)
	page := func(s string) string { return string([]byte(s)) } // a page's own bytes
	words := []string{"teams", "qwzxv", "team's", "teh", "teams"}
	for _, w := range words {
		w = page(w)
		id := sc.number(sw, w)
		if sw.words[id] != w {
			t.Fatalf("number(%q) = %d, which the run numbers %q", w, id, sw.words[id])
		}
		if got, want := sc.knownWord(d, w), knownWord(d, w); got != want {
			t.Errorf("knownWord(%q) = %v from the scratch, %v from the dictionary", w, got, want)
		}
		if got, want := sc.knownWord(d, page(w)), knownWord(d, w); got != want { // asked again: remembered
			t.Errorf("knownWord(%q) the second time = %v, want %v", w, got, want)
		}
	}
	if len(sw.words) != 4 {
		t.Errorf("the run numbered %q, want each word once", sw.words)
	}
	for k, info := range sc.words {
		if unsafe.StringData(k) != unsafe.StringData(sw.words[info.id]) {
			t.Errorf("the scratch's key %q is not the run's copy", k)
		}
		if info.dict == 0 {
			t.Errorf("%q: the dictionary's answer not remembered", k)
		}
	}
	other := &spellWords{ids: map[string]uint32{}}
	if id := sc.number(other, page("qwzxv")); id != 0 || len(other.words) != 1 {
		t.Errorf("another run: number = %d, words %q; want 0 and the word", id, other.words)
	}
}
