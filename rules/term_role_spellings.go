package rules

import (
	"fmt"
	"slices"
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
	// the short spellings by their text, and their lengths, longest first:
	// each place of a block where a capital opens a word is looked up once
	// a length, whatever the number of roles
	byText := map[string]roleSpelling{}
	var lengths []int
	for _, s := range spellings {
		if titles[s.written] {
			continue
		}
		if _, ok := byText[s.written]; !ok {
			byText[s.written] = s
			if !slices.Contains(lengths, len(s.written)) {
				lengths = append(lengths, len(s.written))
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lengths)))
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		for i := 0; i < len(text); i++ {
			if !('A' <= text[i] && text[i] <= 'Z') || i > 0 && isRoleWordByte(text[i-1]) {
				continue
			}
			for _, n := range lengths {
				end := i + n
				if end > len(text) {
					continue
				}
				s, ok := byText[text[i:end]]
				if !ok {
					continue
				}
				after, _ := utf8.DecodeRuneInString(text[end:])
				if end < len(text) && (unicode.IsLetter(after) || unicode.IsDigit(after)) || inLinkText(b, i) {
					continue
				}
				// the longest name at a place, and none inside it
				// ("Director, Billing & Collections" inside "Senior
				// Director, Billing & Collections")
				reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: text[i:end]}, s.want,
					fmt.Sprintf("write %s, not %s: the role's heading on this page (line %d) writes its title so", quoted(s.want), quoted(s.written), s.line))
				i = end - 1
				break
			}
		}
	}
}

// isRoleWordByte reports whether a byte may end a word a role's title
// cannot start inside: a letter or digit (a byte of a longer UTF-8 letter
// counts as one).
func isRoleWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}
