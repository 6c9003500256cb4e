package prose

import (
	"reflect"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		text string
		want [][2]int
	}{
		{"The {add role name} is a grade 6.", [][2]int{{4, 19}}},
		{"TOC {:toc}", [][2]int{{4, 10}}},
		{"a {b {c} d} e", [][2]int{{2, 11}}},
		{"<%= job_families('x') %> after", [][2]int{{0, 24}}},
		{"unclosed { brace and <% tag", nil},
		{"no placeholders", nil},
	}
	for _, tt := range tests {
		if got := Placeholders(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Placeholders(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBlankRanges(t *testing.T) {
	if got := BlankRanges("ab{cd}ef", [][2]int{{2, 6}}); got != "ab    ef" {
		t.Errorf("BlankRanges = %q", got)
	}
	if got := BlankRanges("abc", nil); got != "abc" {
		t.Errorf("BlankRanges without ranges = %q", got)
	}
}
