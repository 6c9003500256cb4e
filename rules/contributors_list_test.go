package rules

import (
	"reflect"
	"strings"
	"testing"
)

// The all-contributors blocks are found once a page: a start to the first
// end after it; a start followed by another start before any end marks
// nothing, nor does a start with no end.
func TestContributorsLists(t *testing.T) {
	const s, e = contributorsListStart + " -->", contributorsListEnd + " -->"
	src := "a " + s + " x " + e + " b " + s + " y " + s + " z " + e + " c " + s + " tail"
	got := contributorsLists([]byte(src))
	first, second := strings.Index(src, s), strings.Index(src, " y ")+3
	if len(got) != 2 || got[0][0] != first || got[1][0] != second {
		t.Fatalf("blocks %v, want two, from %d and %d", got, first, second)
	}
	for off, want := range map[int]bool{
		strings.Index(src, " x "): true, strings.Index(src, " b "): false,
		strings.Index(src, " y "): false, strings.Index(src, " z "): true,
		strings.Index(src, " tail"): false,
	} {
		i := 0
		for i < len(got) && got[i][1] <= off {
			i++
		}
		if in := i < len(got) && got[i][0] <= off; in != want {
			t.Errorf("offset %d in a block: %v, want %v", off, in, want)
		}
	}
	if got := contributorsLists([]byte("no markers")); !reflect.DeepEqual(got, [][2]int(nil)) {
		t.Errorf("blocks of a page without markers: %v", got)
	}
}
