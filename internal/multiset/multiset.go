// Package multiset compares lists whose items may repeat, as the
// integration checks compare findings: the same finding twice is two.
package multiset

import "slices"

// Minus returns the items of a left after removing one occurrence of each
// item of b, in a's order.
func Minus[T comparable](a, b []T) []T {
	rest := slices.Clone(b)
	var out []T
	for _, x := range a {
		if i := slices.Index(rest, x); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
		} else {
			out = append(out, x)
		}
	}
	return out
}
