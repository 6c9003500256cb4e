package model

import (
	"regexp"
	"strings"
)

// Fast paths for the model's word-list patterns. A pattern of the form
// (?i)\b(?:alternative|...)\b, where each alternative is words of ASCII
// letters separated by single spaces, matches ASCII text exactly when a run
// of word characters ([0-9A-Za-z_], as \b sees them) or a run of runs
// separated by single spaces equals an alternative, case folded. Text that
// is not ASCII goes to the regular expression: (?i) folds some non-ASCII
// letters onto ASCII ones (the Kelvin sign onto k).

// wordRun is a run of ASCII word characters: [start, end) in the text.
type wordRun struct{ start, end int }

// isREWordByte reports whether c is a word character as regexp's \b sees it: [0-9A-Za-z_].
func isREWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// asciiWordRuns returns the word runs of t and t in lower case, or ok false
// when t is not ASCII.
func asciiWordRuns(t string, runs []wordRun) (_ []wordRun, lower string, ok bool) {
	if !isASCII(t) {
		return nil, "", false
	}
	lower = strings.ToLower(t)
	start := -1
	for i := 0; i < len(t); i++ {
		if isREWordByte(t[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			runs = append(runs, wordRun{start, i})
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, wordRun{start, len(t)})
	}
	return runs, lower, true
}

// phraseAt reports whether the runs from k on spell the words, one space
// between runs.
func phraseAt(t, lower string, runs []wordRun, k int, words []string) bool {
	if k+len(words) > len(runs) {
		return false
	}
	for j, w := range words {
		r := runs[k+j]
		if lower[r.start:r.end] != w {
			return false
		}
		if j > 0 && (r.start != runs[k+j-1].end+1 || t[r.start-1] != ' ') {
			return false
		}
	}
	return true
}

// wordList is a list of word alternatives matched as
// (?i)\b(?:alternative|...)\b. An alternative's last word may end in "s?".
type wordList struct {
	re    *regexp.Regexp
	first map[string][][]string // an alternative's first word -> its words, each spelling
}

func newWordList(alts ...string) *wordList {
	l := &wordList{re: regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`), first: map[string][][]string{}}
	for _, a := range alts {
		words := strings.Split(a, " ")
		spellings := [][]string{words}
		if last := words[len(words)-1]; strings.HasSuffix(last, "s?") {
			stem := strings.TrimSuffix(last, "s?")
			one := append(append([]string(nil), words[:len(words)-1]...), stem)
			many := append(append([]string(nil), words[:len(words)-1]...), stem+"s")
			spellings = [][]string{one, many}
		}
		for _, s := range spellings {
			l.first[s[0]] = append(l.first[s[0]], s)
		}
	}
	return l
}

// MatchString reports whether t holds one of the alternatives.
func (l *wordList) MatchString(t string) bool {
	var buf [16]wordRun
	runs, lower, ok := asciiWordRuns(t, buf[:0])
	if !ok {
		return l.re.MatchString(t)
	}
	for k, r := range runs {
		for _, words := range l.first[lower[r.start:r.end]] {
			if phraseAt(t, lower, runs, k, words) {
				return true
			}
		}
	}
	return false
}
