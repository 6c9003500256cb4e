package prose

import "strings"

// Stem folds common English endings of a lower-case word so that forms of
// one word compare equal: "attracting" and "attract", "policies" and
// "policy", "managers" and "manager" (all to "manag"). It is deliberately
// crude: it never looks words up, and leaves at least three letters.
func Stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	}
	for _, suf := range []string{"ments", "ment", "ings", "ing", "ers", "er", "edly", "ed", "ly", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if strings.HasSuffix(w, "e") && len(w) > 3 {
		w = w[:len(w)-1]
	}
	return w
}

// StopWords are function words that carry no content of their own: word
// comparisons that look for a change in meaning leave them out.
var StopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "by": true, "for": true, "with": true, "from": true, "as": true, "into": true, "onto": true,
	"is": true, "are": true, "be": true, "been": true, "being": true, "was": true, "were": true, "it": true,
	"its": true, "this": true, "that": true, "these": true, "those": true, "their": true, "them": true,
	"they": true, "our": true, "we": true, "you": true, "your": true, "who": true, "which": true,
	"will": true, "can": true, "such": true, "other": true, "also": true, "well": true,
	"both": true, "either": true, "etc": true, "e": true, "g": true, "i": true, "ie": true, "eg": true,
}

// stopWordMax is the length of the longest stop word.
var stopWordMax = func() int {
	n := 0
	for w := range StopWords {
		n = max(n, len(w))
	}
	return n
}()

// IsStopWord is StopWords[w], without a lookup for a word longer than any.
func IsStopWord(w string) bool { return len(w) <= stopWordMax && StopWords[w] }
