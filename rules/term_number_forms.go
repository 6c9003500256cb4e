package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// termFormNumber is a form's name, digits and a capital letter with or
// without a hyphen between: "10-Q", "10Q".
var termFormNumber = regexp.MustCompile(`\b(\d+)(-?)([A-Z])\b`)

// checkTermNumberForms reports a form's name without its hyphen ("10Q")
// where the page writes it with the hyphen ("10-Q") at least once: the
// hyphen is the name's, as the form is filed, whatever the counts. A letter
// of magnitude ("10K", "5M", "2B") makes a number, and is left alone. A
// one-on-one written "1-1" beside "1:1" is not reported: both are in use
// (the handbook's own page on them is at /handbook/leadership/1-1/).
//
// A token inside a longer one ("10-Q2", "3.10Q") is not read.
func checkTermNumberForms(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int
		key        string // the digits, or the digits and the letter
		hyphen     bool
	}
	var forms []occ
	hyphenForm := map[string]int{} // "10-Q"
	inside := func(t string, start, end int) bool {
		return start > 0 && (isAlnum(t[start-1]) || strings.ContainsRune(":-.", rune(t[start-1]))) ||
			end < len(t) && (isAlnum(t[end]) && t[end] != 's' || strings.ContainsRune(":-", rune(t[end])) ||
				t[end] == '.' && end+1 < len(t) && isAlnum(t[end+1]))
	}
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		t := wordingText(b)
		if !numberFormCandidate(t) {
			continue
		}
		for _, m := range termFormNumber.FindAllStringSubmatchIndex(t, -1) {
			letter := t[m[6]:m[7]]
			if strings.Contains("KMBTGX", letter) || inside(t, m[0], m[1]) {
				continue
			}
			key := t[m[2]:m[3]] + letter
			if m[5] > m[4] {
				hyphenForm[key]++
				continue
			}
			forms = append(forms, occ{b, m[0], m[1], key, false})
		}
	}
	for _, o := range forms {
		n := hyphenForm[o.key]
		if n == 0 {
			continue
		}
		written := o.b.Text[o.start:o.end]
		want := o.key[:len(o.key)-1] + "-" + o.key[len(o.key)-1:]
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s: the form's name takes its hyphen (%s: %d %s on this page)", quoted(want), quoted(written), quoted(want), n, pluralWord(n, "time", "times")))
	}
}

// numberFormCandidate reports, in one pass over the bytes, whether text
// may hold a match of termFormNumber (a digit, maybe '-', a capital A-Z):
// every match holds those bytes in a row (\d and [A-Z] are ASCII), so text
// without them is not given to the expression. Most blocks have none.
func numberFormCandidate(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			continue
		}
		if c := t[i+1]; c >= 'A' && c <= 'Z' || c == '-' && i+2 < len(t) && t[i+2] >= 'A' && t[i+2] <= 'Z' {
			return true
		}
	}
	return false
}

// termUnitCompound is a number and a singular unit of time, hyphenated or
// not, and the word after it: "30 minute interview", "30-minute call".
var termUnitCompound = regexp.MustCompile(`\b(\d+)([ -])(second|minute|hour|day|week|month|quarter|year)\b( ([a-z]+))?`)

// termUnits are termUnitCompound's units of time.
var termUnits = []string{"second", "minute", "hour", "day", "week", "month", "quarter", "year"}

// unitAfterDigit reports whether t holds what every match of
// termUnitCompound holds: a digit, a space or a hyphen, a unit of time
// ("3 day", "30-minute"); a text that says "today" or "Monday" and no
// such thing is not asked of the expression.
func unitAfterDigit(t string) bool { return unitAfterDigitAt(t) >= 0 }

// unitAfterDigitAt is the index of the first digit that unitAfterDigit
// finds followed by a space or a hyphen and a unit of time, or -1.
func unitAfterDigitAt(t string) int {
	for i := 0; i+2 < len(t); i++ {
		if t[i] < '0' || t[i] > '9' || t[i+1] != ' ' && t[i+1] != '-' {
			continue
		}
		for _, u := range termUnits {
			if strings.HasPrefix(t[i+2:], u) {
				return i
			}
		}
	}
	return -1
}

// termUnitCompounds is termUnitCompound.FindAllStringSubmatchIndex(t, -1),
// the expression run from the first digit followed by a space or a hyphen
// and a unit (unitAfterDigitAt): every match holds one, at the end of its
// number, so none starts before the run of word characters (digits, then
// any: \b) that ends there, where the text is cut (after no word
// character, where \b reads the same). The expression was tried at every
// offset of each block with a unit's word and such a digit.
func termUnitCompounds(t string) [][]int {
	i := unitAfterDigitAt(t)
	if i < 0 {
		return nil
	}
	for i > 0 && reWordByte(t[i-1]) {
		i--
	}
	ms := termUnitCompound.FindAllStringSubmatchIndex(t[i:], -1)
	for _, m := range ms {
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
	}
	return ms
}

// checkTermUnitCompounds reports a number and a singular unit of time
// written open before a noun ("two 30 minute interviews") on a page that
// hyphenates such a compound ("a 30-minute call") at least half as often
// as it leaves one open. Before a noun the pair is one adjective, and the
// unit is singular for that reason (a noun would be plural: "30 minutes"),
// so the hyphen is grammar; the page's own hyphens show it is the page's
// style too. One ("1 year of experience") may be a noun phrase, and a
// number inside a longer one ("2.5 hour", "2-3 year") or a word after it
// that is a function word ("3 day of", "the 30 minute and") is left alone.
func checkTermUnitCompounds(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int
	}
	var open []occ
	hyphenated, example := 0, "" // the page's hyphenated compounds, the first of them
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		// (a digit, a space or a hyphen and a unit, which every match
		// holds, was asked after eight searches for the units' words, which
		// it implies: 104,823 searches of every block)
		t := wordingText(b)
		for _, m := range termUnitCompounds(t) {
			if m[0] > 0 && strings.ContainsRune(".,:-/–", rune(t[m[0]-1])) {
				continue // a part of a longer number: "2.5 hour", "2-3 year"
			}
			if t[m[4]] == '-' {
				if m[7] == len(t) || t[m[7]] != '-' { // "30-minute", not "30-day-old"
					if hyphenated++; example == "" {
						example = t[m[0]:m[7]]
					}
				}
				continue
			}
			if m[10] < 0 || t[m[2]:m[3]] == "1" || prose.IsStopWord(t[m[10]:m[11]]) {
				continue
			}
			if end := m[11]; end < len(t) && (t[end] == '-' || t[end] == '\'') {
				continue // "30 minute-long", a word that goes on
			}
			open = append(open, occ{b, m[0], m[7]})
		}
	}
	if len(open) == 0 || 2*hyphenated < len(open) {
		return
	}
	for _, o := range open {
		written := o.b.Text[o.start:o.end]
		want := strings.Replace(written, " ", "-", 1)
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s: a number and a unit before a noun are one adjective, hyphenated (the page hyphenates %d such %s, as %s)",
				quoted(want), quoted(written), hyphenated, pluralWord(hyphenated, "compound", "compounds"), quoted(example)))
	}
}
