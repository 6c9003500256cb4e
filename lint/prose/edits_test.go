package prose

import "testing"

func TestWithinEdits(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want bool
	}{
		{"strong", "srong", 1, true},
		{"abliity", "ability", 2, true},
		{"abliity", "ability", 1, false},
		{"recieve", "receive", 2, true},
		{"benefits", "compensation", 2, false},
		{"", "ab", 2, true},
		{"", "abc", 2, false},
		{"same", "same", 0, true},
	}
	for _, tt := range tests {
		if got := WithinEdits(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("WithinEdits(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}
