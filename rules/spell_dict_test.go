package rules

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// TestWordDictAsMap: the dictionary answers as a map built from the same
// list would (a "~" word rare, a later line for a spelling deciding, the
// tech words and names common), for every word of the list and for
// strings that are not words: a word's prefix, a word with a letter more,
// a word with its "~", the empty string.
func TestWordDictAsMap(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(englishGz))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, w := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(w, "~") {
			want[w[1:]] = false
		} else if w != "" {
			want[w] = true
		}
	}
	for _, w := range append(append(append([]string(nil), techWords...), techNames...), eeNouns...) {
		want[w] = true
	}
	d := englishWords()
	if d.n != len(want) {
		t.Errorf("dictionary holds %d words, the map %d", d.n, len(want))
	}
	rare := 0
	for w, common := range want {
		if !d.has(w) || d.common(w) != common {
			t.Fatalf("%q: has %v, common %v; want in, common %v", w, d.has(w), d.common(w), common)
		}
		if !common {
			rare++
		}
		for _, not := range []string{w[:len(w)-1], w + "q", "~" + w, w + "\n"} {
			if _, in := want[not]; !in && d.has(not) {
				t.Fatalf("%q is not a word, but the dictionary has it", not)
			}
		}
	}
	if rare == 0 || rare == len(want) {
		t.Errorf("%d rare words of %d: the list's two parts were not told apart", rare, len(want))
	}
	if d.has("") || d.has("xqzvw") {
		t.Error("the empty string or a non-word is in the dictionary")
	}
}
