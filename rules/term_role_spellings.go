package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// termRoleSpellings are the ways a role's title is written short: a
// title word abbreviated ("Sr. Manager, Billing" for the heading's "Senior
// Manager, Billing") and "&" for "and" ("Director, Billing & Collections"
// for "Director, Billing and Collections"), each with the heading's form.
var termRoleSpellings = []struct{ long, short string }{
	{"Senior ", "Sr. "},
	{"Junior ", "Jr. "},
	{" and ", " & "},
	{" & ", " and "},
}

// roleSpelling is a role's title written otherwise than its heading, and
// the heading's form.
type roleSpelling struct {
	written, want string
	line          int // the heading's
}

// roleSpellingsOf returns the other spellings of a role's title: each
// combination of termRoleSpellings that applies to it.
func roleSpellingsOf(title string) []string {
	out := []string{title}
	for _, s := range termRoleSpellings {
		n := len(out)
		for _, t := range out[:n] {
			if strings.HasPrefix(s.long, " ") {
				if strings.Contains(t, s.long) {
					out = append(out, strings.ReplaceAll(t, s.long, s.short))
				}
			} else if strings.HasPrefix(t, s.long) {
				out = append(out, s.short+strings.TrimPrefix(t, s.long))
			}
		}
	}
	return out[1:]
}

// checkTermRoleSpellings reports a role of the page named in its prose
// with its title written short, where its heading spells the title out
// ("reports to the Sr. Manager, Billing" where the heading is "Senior
// Manager, Billing"; "Director, Billing & Collections" where it is
// "Director, Billing and Collections"): the page names one role two ways,
// and a reader searching for the heading's name misses the other. Only
// the whole title, case as the heading writes it, counts; a spelling that
// is another role's title, headings (their words make anchors) and link
// texts (checkTermRoleLinks reads those) are left alone.
func checkTermRoleSpellings(p *lint.SetPass, f *model.Family) {
	titles := map[string]bool{}
	var spellings []roleSpelling
	for _, r := range f.Roles {
		if r.Heading == nil || r.Heading.Role != r {
			continue
		}
		title := cleanRoleTitle(r.Heading.Text)
		titles[title] = true
		line := f.Source.Position(r.Heading.Span.Start).Line
		for _, s := range roleSpellingsOf(title) {
			spellings = append(spellings, roleSpelling{written: s, want: title, line: line})
		}
	}
	if len(spellings) == 0 {
		return
	}
	type match struct {
		b          *model.Block
		start, end int
		s          roleSpelling
	}
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		var found []match
		for _, s := range spellings {
			if titles[s.written] {
				continue
			}
			for i := 0; i < len(text); {
				j := strings.Index(text[i:], s.written)
				if j < 0 {
					break
				}
				start, end := i+j, i+j+len(s.written)
				i = start + 1
				before, _ := utf8.DecodeLastRuneInString(text[:start])
				after, _ := utf8.DecodeRuneInString(text[end:])
				if start > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) ||
					end < len(text) && (unicode.IsLetter(after) || unicode.IsDigit(after)) || inLinkText(b, start) {
					continue
				}
				found = append(found, match{b, start, end, s})
			}
		}
		// the longest name at a place, and none inside another
		// ("Director, Billing & Collections" inside "Senior Director,
		// Billing & Collections")
		sort.Slice(found, func(i, j int) bool {
			if found[i].start != found[j].start {
				return found[i].start < found[j].start
			}
			return found[i].end > found[j].end
		})
		last := -1
		for _, m := range found {
			if m.start < last {
				continue
			}
			last = m.end
			reportTerm(p, &termOcc{f: f, b: m.b, start: m.start, end: m.end, text: m.b.Text[m.start:m.end]}, m.s.want,
				fmt.Sprintf("write %s, not %s: the role's heading on this page (line %d) writes its title so", quoted(m.s.want), quoted(m.s.written), m.s.line))
		}
	}
}
