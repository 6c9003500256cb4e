package rules

import (
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// checkTermRoleCase reports a role's name written with its last word in
// lower case ("Vulnerability Research engineers are ...", "a Staff
// Vulnerability Research engineer") on a page whose role headings end in
// the name ("Staff Vulnerability Research Engineer") and whose prose writes
// it capitalised more often than not: the page names one role two ways.
//
// The name is three words or more, the last a role heading's last word
// (singular or plural), the two before it capitalised as in the heading:
// a shorter one ("Backend engineers" beside "Backend Engineer") is as
// often the work as the role. In a title with a comma only the words
// before it name the role ("Manager, Security Incident Response Team":
// "Incident Response teams" are teams). Headings and link texts are not
// read.
func checkTermRoleCase(p *lint.SetPass, f *model.Family) {
	// the role headings' last three words, in lower case, the last one
	// singular: "vulnerability research engineer"
	tails := map[string]bool{}
	for _, r := range f.Roles {
		if r.Heading == nil || r.Heading.Role != r {
			continue
		}
		// "Manager, Security Incident Response Team": the words after
		// the comma name the specialty or team, not the role
		title, _, _ := strings.Cut(cleanRoleTitle(r.Heading.Text), ",")
		ws := strings.Fields(title)
		if n := len(ws); n >= 3 && titleCaseWord(ws[n-3]) && titleCaseWord(ws[n-2]) && titleCaseWord(ws[n-1]) {
			tails[roleCaseKey(ws[n-3], ws[n-2], ws[n-1])] = true
		}
	}
	if len(tails) == 0 {
		return
	}
	type occ struct {
		b          *model.Block
		start, end int // the capitalised words and the last one
		last       int // the last word's start
	}
	capital := map[string]int{}
	lower := map[string][]occ{}
	var order []string
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		joined := func(i int) bool { // word i-1 and word i one space apart
			return text[tw.words[i-1].End:tw.words[i].Start] == " "
		}
		for i := 2; i < len(tw.words); i++ {
			w := tw.words[i].Text
			a, c := tw.words[i-2].Text, tw.words[i-1].Text
			if !titleCaseWord(a) || !titleCaseWord(c) || !joined(i-1) || !joined(i) || !isASCIILetters(w) {
				continue
			}
			key := roleCaseKey(a, c, w)
			if !tails[key] || inLinkText(b, tw.words[i-2].Start) || inLinkText(b, tw.words[i].Start) {
				continue
			}
			switch {
			case titleCaseWord(w):
				capital[key]++
			case strings.ToLower(w) == w:
				// a capitalised word after it makes a longer name
				if i+1 < len(tw.words) && text[tw.words[i].End:tw.words[i+1].Start] == " " && startsUpper(tw.words[i+1].Text) {
					continue
				}
				start := i - 2
				for start > 0 && joined(start) && titleCaseWord(tw.words[start-1].Text) && !inLinkText(b, tw.words[start-1].Start) {
					start--
				}
				if lower[key] == nil {
					order = append(order, key)
				}
				lower[key] = append(lower[key], occ{b, tw.words[start].Start, tw.words[i].End, tw.words[i].Start})
			}
		}
	}
	for _, key := range order {
		n := capital[key]
		if n <= len(lower[key]) {
			continue // the page writes the name so as often: a house style
		}
		for _, o := range lower[key] {
			written := o.b.Text[o.start:o.end]
			last := o.b.Text[o.last:o.end]
			want := written[:o.last-o.start] + strings.ToUpper(last[:1]) + last[1:]
			reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
				fmt.Sprintf("write %s, not %s: the role's name, as its heading writes it (capitalised %d %s on this page)",
					quoted(want), quoted(written), n, pluralWord(n, "time", "times")))
		}
	}
}

// roleCaseKey is the lower-case key of a name's last three words, the last
// one singular.
func roleCaseKey(a, b, c string) string {
	return strings.ToLower(a) + " " + strings.ToLower(b) + " " + singularWord(strings.ToLower(c))
}

// titleCaseWord reports whether w is a word of ASCII letters with a capital
// first letter and the rest in lower case ("Research", not "UX" or "GitLab").
func titleCaseWord(w string) bool {
	return len(w) >= 2 && isASCIILetters(w) && w[0] >= 'A' && w[0] <= 'Z' && strings.ToLower(w[1:]) == w[1:]
}
