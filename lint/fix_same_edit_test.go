package lint

import (
	"reflect"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Two rules may propose the same fix for one word (misspelling and a house
// rule both turning "teh" into "the"): it is made once and both findings
// count as fixed; a different edit of the same text still waits.
func TestApplyFixesSameEdit(t *testing.T) {
	src := []byte("teh end")
	sp := model.Span{Start: 0, End: 3}
	fs := []Finding{
		{Fingerprint: "a", Fixes: []Edit{{Span: sp, New: "the"}}},
		{Fingerprint: "b", Fixes: []Edit{{Span: sp, New: "the"}}},
		{Fingerprint: "c", Fixes: []Edit{{Span: sp, New: "tea"}}},
	}
	out, applied := ApplyFixes(src, fs)
	if string(out) != "the end" {
		t.Errorf("fixed text %q", out)
	}
	if want := []string{"a", "b"}; !reflect.DeepEqual(applied, want) {
		t.Errorf("applied %v, want %v", applied, want)
	}
}
