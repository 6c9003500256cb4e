package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var duplicateBulletRule = &lint.Rule{
	ID:       "duplicate-bullet",
	Title:    "an item written twice in one list",
	Category: lint.Wording,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "The same item twice in one list of a role or of the family (Responsibilities, Requirements, " +
			"Nice-to-haves, Performance Indicators, a role's own list) is a slip of copy and " +
			"paste: \"Ability to use GitLab\" written twice in one requirements list, a performance indicator pasted " +
			"twice. Items are the same when their text is, case, punctuation, spacing, link targets and the articles " +
			"\"a\", \"an\" and \"the\" aside (\"Experience in a Sales Operations role.\" and \"Experience in Sales " +
			"Operations role\"); any other word that differs makes them two items, but for one slip: a long item " +
			"written again with the words of one place changed, at most three, and twelve words or more the same " +
			"around them (four fifths of the item), says one thing twice or contradicts itself (\"Experience " +
			"sourcing at junior and intermediate levels, preferably in a global capacity ...\" after \"Experience " +
			"sourcing at all levels, preferably in a global capacity ...\"); the message names the words changed " +
			"(parallel items that differ by names or numbers, \"in the AMER region\" and \"in the EMEA region\", " +
			"are not reported; words of code and bare links do not count). The Hiring Process steps are " +
			"not compared: a process may hold one step twice on purpose (a first and a last interview with the " +
			"CEO), and steps that differ only by the interviewer are parallel. " +
			"The later copy is reported, once per repeat, with the line of the first.\n\n" +
			"One list is what its reader sees as one: bulleted lists that follow each other with only blank lines " +
			"between them count as one (a list whose marker changes from `*` to `-` is two to markdown), and items " +
			"of nested lists count with the others, except two nested items under different parents (\"Field " +
			"Marketing: - Events\", \"Growth Marketing: - Events\") and a nested item named after its parent, which " +
			"are parallel. A list after a paragraph (\"Managers have these performance indicators:\"), a bulleted " +
			"list under another numbered item, and the lists of other sections are other lists: an item of the " +
			"Responsibilities written again in the Requirements, or a family-wide requirement written again in a " +
			"level's list, is not reported (a level that repeats a list it extends is `level-copy`'s). Lists of " +
			"other sections (a how-to's steps, where \"Click Save\" comes twice) and items of fewer than two words " +
			"are not compared.",
		Bad: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Requirements\n\n" +
			"- Ability to use GitLab.\n- Experience with Ruby on Rails\n- Ability to use GitLab\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Requirements\n\n" +
			"- Ability to use GitLab\n- Experience with Ruby on Rails\n\n## Hiring Process\n\n" +
			"- Interview with the Hiring Manager\n- Interview with the CTO\n- Interview with the CEO\n",
	},
	Check: checkDuplicateBullet,
}

func init() { lint.Register(duplicateBulletRule) }

func checkDuplicateBullet(p *lint.Pass) {
	f := p.File
	for _, items := range listRuns(f) {
		if len(items) < 2 || !itemSection(items[0]) || items[0].Block.Section.Kind == model.SecHiringProcess {
			continue // a hiring process may hold one step twice on purpose (a first and a last interview with the CEO)
		}
		first := map[string]*model.Bullet{}
		parents := map[*model.Bullet]*model.Bullet{}
		var stack []*model.Bullet // the last bullet at each depth
		for _, b := range items {
			if b.Depth < len(stack) {
				stack = stack[:b.Depth]
			}
			for len(stack) < b.Depth {
				stack = append(stack, nil)
			}
			if b.Depth > 0 {
				parents[b] = stack[b.Depth-1]
			}
			stack = append(stack, b)
			key, words := bulletKey(itemText(f, b))
			if words < 2 {
				continue
			}
			prev, ok := first[key]
			if !ok {
				first[key] = b
				continue
			}
			if b.Depth > 0 && prev.Depth > 0 && parents[prev] != parents[b] {
				continue // parallel items of two sub-lists
			}
			if ancestor(parents, prev, b) {
				continue // a sub-item named after its parent ("Product Marketing: - Product Marketing")
			}
			line := f.Source.Position(prev.Span.Start).Line
			p.Report(lint.Diagnostic{
				Span:    b.Span,
				Message: fmt.Sprintf("%q is already in this list (line %d)", clipText(strings.TrimSpace(b.Text), 80), line),
				Subject: key,
			})
		}
		nearDuplicates(p, items, first, parents)
	}
}

// parallelNames reports whether the words where two items differ name
// something, each capitalized or holding a digit ("EMEA", "Q3"): the items
// are parallel, one for each thing named.
func parallelNames(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// nearMinWords is how many words two items of a list must share, around
// the few that differ, to be one item written twice.
const nearMinWords = 12

// nearDuplicates reports an item written again in its list with a few
// words changed, all the rest the same: "Experience sourcing and research
// at junior and intermediate levels, preferably in a global capacity ..."
// where an item before has "at all levels, preferably in a global
// capacity ...". The list then says one thing twice, or two things that
// contradict each other.
func nearDuplicates(p *lint.Pass, items []*model.Bullet, first map[string]*model.Bullet, parents map[*model.Bullet]*model.Bullet) {
	f := p.File
	type item struct {
		b     *model.Bullet
		words []string // as written
		lower []string
	}
	var its []item
	for _, b := range items {
		if key, _ := bulletKey(itemText(f, b)); first[key] != b {
			continue // an exact repeat, reported as one
		}
		// words of the plain text: code and bare links ("?widget=8715519")
		// are no words
		ws := strings.FieldsFunc(b.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(ws) < nearMinWords {
			continue
		}
		lw := make([]string, len(ws))
		for i, w := range ws {
			lw[i] = strings.ToLower(w)
		}
		its = append(its, item{b, ws, lw})
	}
	reported := map[*model.Bullet]bool{}
	for j := range its {
		for i := 0; i < j; i++ {
			a, b := its[i], its[j]
			if reported[b.b] || b.b.Depth != a.b.Depth || parents[a.b] != parents[b.b] {
				continue
			}
			n, m := len(a.lower), len(b.lower)
			pre := 0
			for pre < n && pre < m && a.lower[pre] == b.lower[pre] {
				pre++
			}
			suf := 0
			for suf < n-pre && suf < m-pre && a.lower[n-1-suf] == b.lower[m-1-suf] {
				suf++
			}
			da, db := n-pre-suf, m-pre-suf
			if da == 0 && db == 0 || max(da, db) > 3 || pre+suf < nearMinWords || 5*(pre+suf) < 4*max(n, m) {
				continue
			}
			if parallelNames(a.words[pre:pre+da]) && parallelNames(b.words[pre:pre+db]) {
				continue // parallel items: "... with AMER partners ..." and "... with EMEA partners ..."
			}
			reported[b.b] = true
			quote := func(ws []string, d int) string {
				if d == 0 {
					return "nothing"
				}
				return strconv.Quote(strings.Join(ws[pre:pre+d], " "))
			}
			p.Report(lint.Diagnostic{
				Span: b.b.Span,
				Message: fmt.Sprintf("%q is already in this list (line %d) but for %s where it has %s: one item said twice",
					clipText(strings.TrimSpace(b.b.Text), 80), f.Source.Position(a.b.Span.Start).Line, quote(b.words, db), quote(a.words, da)),
				Subject: "near " + strings.Join(b.lower, " "),
			})
		}
	}
}

// itemSection reports whether b is an item of a list of what a role
// does, asks or is measured by, or of the hiring steps: not of a how-to's
// steps ("Click Save", twice) or a list of links or names elsewhere on a
// page.
func itemSection(b *model.Bullet) bool {
	if b.Block == nil || b.Block.Section == nil {
		return false
	}
	switch b.Block.Section.Kind {
	case model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves, model.SecPerformance,
		model.SecHiringProcess, model.SecExpertise, model.SecBody:
		return true
	}
	return false
}

// ancestor reports whether a is b's parent, or its parent's, ...
func ancestor(parents map[*model.Bullet]*model.Bullet, a, b *model.Bullet) bool {
	for q := parents[b]; q != nil; q = parents[q] {
		if q == a {
			return true
		}
	}
	return false
}

// listRuns returns the page's lists, bulleted lists that follow each other
// with nothing but blank lines between them joined: a list whose marker
// changes ("*" then "-") is two lists to markdown and one to its reader. A
// list after a paragraph or a heading is another list, and so is a
// numbered one: "1. Reactive" then "- Incident analysis", "2. Proactive"
// then "- Incident analysis" are two lists under two items.
func listRuns(f *model.Family) [][]*model.Bullet {
	var out [][]*model.Bullet
	var end int
	for _, l := range f.Lists {
		if len(l) == 0 {
			continue
		}
		if n := len(out); n > 0 && unordered(out[n-1][0]) && unordered(l[0]) && end <= l[0].Span.Start && l[0].Span.Start <= len(f.Source.Text) &&
			len(bytes.TrimSpace(f.Source.Text[end:l[0].Span.Start])) == 0 {
			out[n-1] = append(out[n-1], l...)
		} else {
			out = append(out, append([]*model.Bullet(nil), l...))
		}
		end = l[len(l)-1].Span.End
		for _, b := range l {
			end = max(end, b.Span.End)
		}
	}
	return out
}

// unordered reports whether b is an item of a bulleted list.
func unordered(b *model.Bullet) bool {
	return b.Marker == "-" || b.Marker == "*" || b.Marker == "+"
}

// itemText is an item's text to compare: its plain text, or, when it
// holds code (which the plain text leaves out: "Change the `a` to `b`"),
// its source without the marker and link targets.
func itemText(f *model.Family, b *model.Bullet) string {
	if !strings.ContainsRune(b.Text, model.CodeMark) || !b.Span.Valid() || b.Span.End > len(f.Source.Text) {
		return b.Text
	}
	t := string(f.Source.Text[b.Span.Start:b.Span.End])
	t = listMarkerRE.ReplaceAllString(t, "")
	return linkDestRE.ReplaceAllString(t, "]")
}

var (
	listMarkerRE = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])`)
	linkDestRE   = regexp.MustCompile(`\]\([^()]*\)`)
)

// bulletKey is a bullet's text for comparison: lower case, letters and
// digits only, without the articles; and the number of its other words.
func bulletKey(text string) (string, int) {
	// ASCII text in one pass: the letters and digits lowered into the
	// key as they come, an article taken out again at its end (no slice of
	// words, no word lowered apart)
	b := make([]byte, 0, len(text))
	words, start := 0, -1 // start: the word's first byte in b, or -1 between words
	for i := 0; i <= len(text); i++ {
		c := byte(' ')
		if i < len(text) {
			c = text[i]
		}
		switch {
		case c >= utf8.RuneSelf:
			return bulletKeyRunes(text)
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			if start >= 0 {
				if w := string(b[start:]); w == "a" || w == "an" || w == "the" {
					b = b[:start]
				} else {
					words++
				}
				start = -1
			}
			continue
		}
		if start < 0 {
			start = len(b)
		}
		b = append(b, c)
	}
	// the bytes are the key's own, never written again
	return unsafe.String(unsafe.SliceData(b), len(b)), words
}

// bulletKeyRunes is bulletKey for any text: words split at the runes that
// are neither letters nor digits, each lowered.
func bulletKeyRunes(text string) (string, int) {
	var sb strings.Builder
	words := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = strings.ToLower(w)
		if w == "a" || w == "an" || w == "the" {
			continue
		}
		words++
		sb.WriteString(w)
	}
	return sb.String(), words
}

// clipText cuts t to about n bytes at a word boundary, with "..." after.
func clipText(t string, n int) string {
	if len(t) <= n {
		return t
	}
	cut := strings.LastIndexByte(t[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	return strings.TrimRight(t[:cut], " ,;:") + "..."
}
