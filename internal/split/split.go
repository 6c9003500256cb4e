// Package split says which half of the accuracy yardstick a corpus page is
// in: the checking half, measured blind, or the tuning half, which rule
// authors may read. Tests that print findings of corpus pages use it to
// withhold those of the checking half.
package split

import (
	"crypto/sha256"
	"path/filepath"
)

// Checking reports whether a page is in the checking half: the lowest bit
// of the first byte of the SHA-256 of its path relative to the corpus root
// (with '/') is 1. The other pages are the tuning half.
func Checking(rel string) bool {
	h := sha256.Sum256([]byte(filepath.ToSlash(rel)))
	return h[0]&1 == 1
}

// Shown is a corpus page's path as a failing test may print it: the
// path for a tuning-half page, a placeholder for a checking-half one (its
// findings are measured blind and must not be read by rule authors).
func Shown(rel string) string {
	if Checking(rel) {
		return "(a checking-half page, withheld)"
	}
	return rel
}

// ShownText is a finding's text as a failing test may print it: withheld
// on a checking-half page.
func ShownText(rel, text string) string {
	if Checking(rel) {
		return "(withheld: a checking-half page)"
	}
	return text
}
