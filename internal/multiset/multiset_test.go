package multiset

import (
	"slices"
	"testing"
)

func TestMinus(t *testing.T) {
	a := []string{"x", "y", "x", "z"}
	if got := Minus(a, []string{"x", "z", "w"}); !slices.Equal(got, []string{"y", "x"}) {
		t.Errorf("Minus: %v, want [y x]: one x removed, not both", got)
	}
	if got := Minus(a, nil); !slices.Equal(got, a) {
		t.Errorf("Minus of nothing: %v", got)
	}
}
