package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// termPairNumber is a number pair joined by a colon or a hyphen: "1:1",
// "1-1".
var termPairNumber = regexp.MustCompile(`\b(\d+)([:-])(\d+)`)

// termFormNumber is a form's name, digits and a capital letter with or
// without a hyphen between: "10-Q", "10Q".
var termFormNumber = regexp.MustCompile(`\b(\d+)(-?)([A-Z])\b`)

// checkTermNumberForms reports two ways of writing a number-like name on
// one page:
//
//   - a pair of equal numbers joined by a hyphen ("1-1s") where the page
//     writes the pair with a colon ("1:1s") as often or more: a range from
//     a number to itself means nothing, so the hyphen stands for the
//     colon of a one-on-one;
//   - a form's name without its hyphen ("10Q") where the page writes it
//     with the hyphen ("10-Q") at least once: the hyphen is the name's, as
//     the form is filed, whatever the counts. A letter of magnitude ("10K",
//     "5M", "2B") makes a number, and is left alone.
//
// A token inside a longer one ("v1-1", "10-Q2", "1:1:1") is not read.
func checkTermNumberForms(p *lint.SetPass, f *model.Family) {
	type occ struct {
		b          *model.Block
		start, end int
		key        string // the digits, or the digits and the letter
		hyphen     bool
	}
	var pairs, forms []occ
	colon := map[string]int{}      // "1:1" by its digits
	hyphenPair := map[string]int{} // "1-1"
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
		pair, form := numberFormCandidates(t)
		var pm, fm [][]int
		if pair {
			pm = termPairNumber.FindAllStringSubmatchIndex(t, -1)
		}
		if form {
			fm = termFormNumber.FindAllStringSubmatchIndex(t, -1)
		}
		for _, m := range pm {
			a, c := t[m[2]:m[3]], t[m[6]:m[7]]
			if a != c || inside(t, m[0], m[1]) || m[1] < len(t) && t[m[1]] == 's' && m[1]+1 < len(t) && isAlnum(t[m[1]+1]) {
				continue
			}
			if t[m[4]] == ':' {
				colon[a]++
				continue
			}
			hyphenPair[a]++
			pairs = append(pairs, occ{b, m[0], m[1], a, true})
		}
		for _, m := range fm {
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
	for _, o := range pairs {
		n := colon[o.key]
		if n == 0 || n < hyphenPair[o.key] {
			continue
		}
		want := o.key + ":" + o.key
		written := o.b.Text[o.start:o.end]
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
			fmt.Sprintf("write %s, not %s (%s: %d %s on this page)", quoted(want), quoted(written), quoted(want), n, pluralWord(n, "time", "times")))
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

// numberFormCandidates reports, in one pass over the bytes, whether text
// may hold a match of termPairNumber (a digit, ':' or '-', a digit) and of
// termFormNumber (a digit, maybe '-', a capital A-Z): every match holds
// those bytes in a row (\d and [A-Z] are ASCII), so text without them is
// not given to the expressions. Most blocks have neither.
func numberFormCandidates(t string) (pair, form bool) {
	for i := 0; i+1 < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			continue
		}
		c := t[i+1]
		if c >= 'A' && c <= 'Z' {
			form = true
		} else if (c == ':' || c == '-') && i+2 < len(t) {
			d := t[i+2]
			if d >= '0' && d <= '9' {
				pair = true
			} else if c == '-' && d >= 'A' && d <= 'Z' {
				form = true
			}
		}
		if pair && form {
			return
		}
	}
	return
}
