package rules

import "strings"

// SpellKnown reports whether misspelling would take a word as spelt right
// by its dictionary alone: the word list and the package's own additions,
// a contraction or possessive of one, or one of them with a known ending
// or prefix ("financials", "untrusting"). It knows nothing of a site's
// vocabulary or a config's allow list. bench/mutate uses it to pick the
// words it puts typos into and to refuse a typo that is another word.
func SpellKnown(w string) bool {
	d := englishWords()
	w = strings.ToLower(w)
	return knownWord(d, w) || derivedWord(d, w)
}

// SpellListed reports whether a lower-case word is itself in misspelling's
// dictionary (not derived from one): a word bench/mutate may put a typo in.
func SpellListed(w string) bool { return knownWord(englishWords(), strings.ToLower(w)) }
