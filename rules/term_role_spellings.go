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
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// termRoleSpellings are the ways a role's title is written short (and, in
// roleSpellingsOf, the intermediate level before the role's name): a
// title word abbreviated ("Sr. Manager, Billing" for the heading's "Senior
// Manager, Billing") and "&" for "and" ("Director, Billing & Collections"
// for "Director, Billing and Collections"), each with the heading's form.
var termRoleSpellings = []struct{ long, short string }{
	{"Senior ", "Sr. "},
	{"Junior ", "Jr. "},
	{" and ", " & "},
	{" & ", " and "},
}

// roleSpellingTitle is the title a spelling stands for: a role's heading
// (role set; the heading's line is read when a finding is made) or the
// page's title (role nil).
type roleSpellingTitle struct {
	want string
	role *model.Role
}

// A spelling's value in checkTermRoleSpellings' table: the index of its
// title shifted left once, with the low bit set for a word of the title
// written singular for plural or plural for singular ("Manager, Alliance
// Business Development" for "Manager, Alliances Business Development"),
// which the role's own sentences leave to role-name-mismatch; or
// roleSpellingExact, a title as its heading writes it: a place to skip, not
// a finding. The spelling itself is the table's key (one string and one
// int32 a spelling: on a page of 20,000 graded titles, a struct of the
// spelling, its title, line and role for each was 8 MB at the page's peak).
const roleSpellingExact int32 = -1

// roleSpellingEntry is a spelling of checkTermRoleSpellings' table and its
// value.
type roleSpellingEntry struct {
	text string
	v    int32
}

// roleNumberSpellings returns a role's title with one of its words
// written in the other number: "Manager, Alliance Business Development"
// for "Manager, Alliances Business Development", "Integration Engineer"
// for "Integrations Engineer". The title's head noun is left alone: its
// plural names several holders of the role ("Senior Integrations
// Engineers"); it is the last word before a comma ("Manager" in
// "Manager, Channel Program"), else the word before "of" ("Director" in
// "Director of Product Management": "Directors of Product Management"
// are several directors), else the last word (with a letter: "Engineer"
// in "Engineer 2"). Only words in title
// case whose two forms the dictionary holds are varied, and only by a
// plain "s" ("Programs", not "Analyses").
func roleNumberSpellings(d *wordDict, title string) []string {
	words := strings.Split(title, " ")
	// a number after the name ("Engineer 2") is no word of it
	head := len(words) - 1
	for head > 0 && strings.IndexFunc(words[head], unicode.IsLetter) < 0 {
		head--
	}
	for i, w := range words {
		if strings.HasSuffix(w, ",") {
			head = i
			break
		}
		if w == "of" && i > 0 {
			head = i - 1
			break
		}
	}
	var out []string
	for i, w := range words {
		if i == head || !titleWord(w) || len(w) < 4 {
			continue
		}
		lw := strings.ToLower(w)
		var other string
		if stem, ok := strings.CutSuffix(w, "s"); ok && !strings.HasSuffix(stem, "s") && knownWord(d, strings.ToLower(stem)) {
			other = stem
		} else if !ok && knownWord(d, lw) && knownWord(d, lw+"s") {
			other = w + "s"
		}
		if other == "" {
			continue
		}
		v := slices.Clone(words)
		v[i] = other
		out = append(out, strings.Join(v, " "))
	}
	return out
}

// inOtherRoleSentence reports whether a source span is the subject of the
// opening or reports-to sentence of a role other than r: "The Director, Billing &
// Collections reports to ..." under "Senior Director, Billing and
// Collections" names the wrong role, whatever its spelling, and that is
// role-name-mismatch's defect; a spelling fix there would keep the wrong
// name.
func inOtherRoleSentence(f *model.Family, r *model.Role, s model.Span) bool {
	// the sentence's subject: the name opens it, after an article at most
	in := func(t *model.Sentence) bool {
		if t == nil || !t.Span.Valid() || t.Span.Start > s.Start || s.End > t.Span.End || s.Start > len(f.Source.Text) {
			return false
		}
		switch strings.TrimSpace(string(f.Source.Text[t.Span.Start:s.Start])) {
		case "", "The", "the", "A", "An", "a", "an":
			return true
		}
		return false
	}
	for _, o := range f.Roles {
		if o != r && (in(o.Intro) || in(o.ReportsTo)) {
			return true
		}
	}
	return false
}

// roleOwnSentence reports whether a source span lies where role-name-mismatch
// reads a role's names: inside the role's own text, or in any role's
// sentence that extends another's.
func roleOwnSentence(f *model.Family, r *model.Role, s model.Span) bool {
	in := func(t model.Span) bool { return t.Valid() && t.Start <= s.Start && s.End <= t.End }
	if r != nil && in(r.Span) {
		return true
	}
	for _, o := range f.Roles {
		if o.Inheritance != nil && in(o.Inheritance.Span) {
			return true
		}
		for _, e := range o.Extends {
			if e.Sentence != nil && in(e.Sentence.Span) {
				return true
			}
		}
	}
	return false
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
	// the handbook names the intermediate level after the role, in
	// parentheses ("IT Systems Engineer (Intermediate)"), not before it
	n := len(out)
	for _, t := range out[:n] {
		if base, ok := strings.CutSuffix(t, " (Intermediate)"); ok && base != "" {
			out = append(out, "Intermediate "+base)
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
	// the titles first: a spelling that is a title is that title's place
	// (none shorter is read inside it), not a finding; then the spellings
	// in the order of their titles, the first of a text kept
	var titles []roleSpellingTitle
	// the table: each spelling (or title) and its value, in the order
	// made, then sorted by text with the first of a text kept (a sorted
	// slice, 24 bytes an entry: a map of 60,000 spellings on a page of
	// 20,000 graded titles was 2.7 MB at the page's peak)
	table := make([]roleSpellingEntry, 0, 3*len(f.Roles)+4)
	add := func(key string, v int32) { table = append(table, roleSpellingEntry{key, v}) }
	for _, r := range f.Roles {
		if r.Heading == nil || r.Heading.Role != r {
			continue
		}
		title := cleanRoleTitle(r.Heading.Text)
		titles = append(titles, roleSpellingTitle{want: title, role: r})
		add(title, roleSpellingExact)
	}
	roles := len(titles)
	// the family's name, as the page's title writes it: "Integration
	// Engineering job family" on the page titled "Integrations
	// Engineering", "Accounting & External Reporting" on the page titled
	// "Accounting and External Reporting"
	t := strings.TrimSpace(f.Title)
	roleTitle := slices.ContainsFunc(titles, func(rt roleSpellingTitle) bool { return rt.want == t })
	pageTitle := strings.Contains(t, " ") && !roleTitle
	if pageTitle {
		titles = append(titles, roleSpellingTitle{want: t})
		add(t, roleSpellingExact)
	}
	d := englishWords()
	spellings := 0
	for i, rt := range titles {
		v := int32(i) << 1
		if i < roles {
			for _, s := range roleSpellingsOf(rt.want) {
				add(s, v)
				spellings++
			}
		} else {
			for _, s := range roleSpellingsOf(rt.want) {
				// "&" written for the title's "and", not the other way: a
				// title's "&" spelt out in prose is no slip
				if strings.Count(s, "&") > strings.Count(rt.want, "&") {
					add(s, v)
					spellings++
				}
			}
		}
		for _, s := range roleNumberSpellings(d, rt.want) {
			add(s, v|1)
			spellings++
		}
	}
	if spellings == 0 {
		return
	}
	slices.SortStableFunc(table, func(a, b roleSpellingEntry) int { return strings.Compare(a.text, b.text) })
	table = slices.CompactFunc(table, func(a, b roleSpellingEntry) bool { return a.text == b.text })
	var lengths []int
	for _, e := range table {
		if !slices.Contains(lengths, len(e.text)) {
			lengths = append(lengths, len(e.text))
		}
	}
	// the spellings' lengths, longest first: each place of a block where a
	// capital opens a word is looked up once a length, whatever the number
	// of roles
	sort.Sort(sort.Reverse(sort.IntSlice(lengths)))
	var v int32
	scanTitlePlaces(f, lengths, false, func(key string) bool {
		i, ok := slices.BinarySearchFunc(table, key, func(e roleSpellingEntry, key string) int { return strings.Compare(e.text, key) })
		if ok {
			v = table[i].v
		}
		return ok
	}, func(b *model.Block, text string, i, end int) {
		// the longest name at a place, and none inside it
		// ("Director, Billing & Collections" inside "Senior
		// Director, Billing & Collections")
		if v == roleSpellingExact {
			return
		}
		rt, number, written := titles[v>>1], v&1 == 1, text[i:end]
		if sp := b.SourceSpan(i, end); number && roleOwnSentence(f, rt.role, sp) || rt.role != nil && inOtherRoleSentence(f, rt.role, sp) {
			return
		}
		var msg string
		if rt.role == nil {
			msg = fmt.Sprintf("write %s, not %s: the page's title writes the family's name so", quoted(rt.want), quoted(written))
		} else {
			line := f.Source.Position(rt.role.Heading.Span.Start).Line
			msg = fmt.Sprintf("write %s, not %s: the role's heading on this page (line %d) writes its title so", quoted(rt.want), quoted(written), line)
			if strings.HasSuffix(rt.want, " (Intermediate)") && strings.HasPrefix(written, "Intermediate ") {
				msg += ", the level after the name in parentheses as the handbook's template has it"
			}
		}
		reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: written}, rt.want, msg)
	})
}

// scanTitlePlaces walks the page's prose (headings left out) for the places
// where a name of one of lengths bytes (longest first) starts with an ASCII
// capital at a word's start and ends at a word's end, outside a link's
// text, and whose text (in lower case when lower is set) found accepts:
// visit is called for each, and the scan goes on after it, so that no
// shorter name inside it is read.
func scanTitlePlaces(f *model.Family, lengths []int, lower bool, found func(key string) bool, visit func(b *model.Block, text string, i, end int)) {
	var low []byte
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		if lower {
			low = append(low[:0], text...)
			for i, c := range low {
				if 'A' <= c && c <= 'Z' {
					low[i] = c + 'a' - 'A'
				}
			}
		}
		for i := 0; i < len(text); i++ {
			if !('A' <= text[i] && text[i] <= 'Z') || i > 0 && isRoleWordByte(text[i-1]) {
				continue
			}
			for _, n := range lengths {
				end := i + n
				if end > len(text) || end < len(text) && isAlnum(text[end]) {
					continue // past the text, or inside a word (the test after found, on its ASCII bytes)
				}
				key := text[i:end]
				if lower {
					key = string(low[i:end])
				}
				if !found(key) {
					continue
				}
				after, _ := utf8.DecodeRuneInString(text[end:])
				if end < len(text) && (unicode.IsLetter(after) || unicode.IsDigit(after)) || inLinkText(b, i) {
					continue
				}
				visit(b, text, i, end)
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

// roleCaseTitle is a role's title of three words or more, for
// checkTermRoleCase.
type roleCaseTitle struct {
	title string
	where string // "its heading (line N)" or "the page's title"
}

// checkTermRoleCase reports a role of the page named in its prose with
// some of its title's capitals and not others: "Vulnerability Research
// engineers" or "Staff Vulnerability Research engineer" where the titles
// are "Vulnerability Research Engineer" and "Staff Vulnerability Research
// Engineer". Written all in lower case ("vulnerability research
// engineers") the words describe the job; with two of the title's
// capitals or more they name the role, and a word the title capitalises
// is then the name's own spelling. Titles of three words or more only (a
// department's name before a common noun, "Product managers", is no
// role's name), in ASCII; a plural ("Vulnerability Research engineers")
// is a group the text describes, not the role's name, and headings and
// link texts are left alone.
func checkTermRoleCase(p *lint.SetPass, f *model.Family) {
	byLower := map[string]roleCaseTitle{}
	var lengths []int
	for _, r := range f.Roles {
		title, where := "", ""
		switch {
		case r.Heading != nil && r.Heading.Role == r:
			title = cleanRoleTitle(r.Heading.Text)
			where = fmt.Sprintf("its heading (line %d)", f.Source.Position(r.Heading.Span.Start).Line)
		case r.Heading == nil && r.Title != "" && r.Title == strings.TrimSpace(f.Title):
			title, where = r.Title, "the page's title"
		default:
			continue
		}
		if strings.Count(title, " ") < 2 || !isASCII(title) || !('A' <= title[0] && title[0] <= 'Z') {
			continue
		}
		lt := strings.ToLower(title)
		if _, ok := byLower[lt]; ok {
			continue
		}
		byLower[lt] = roleCaseTitle{title: title, where: where}
		if !slices.Contains(lengths, len(lt)) {
			lengths = append(lengths, len(lt))
		}
	}
	// job titles of other families that the page names in its prose,
	// always in title case, twice or more ("reports to the Chief People
	// Officer"): written once with a later word in lower case ("the Chief
	// People officer"), that is the slip, as for the page's own titles
	for title, n := range proseTitles(f) {
		lt := strings.ToLower(title)
		if _, ok := byLower[lt]; ok || n < 2 {
			continue
		}
		byLower[lt] = roleCaseTitle{title: title, where: fmt.Sprintf("the %d other places the page names it", n)}
		if !slices.Contains(lengths, len(lt)) {
			lengths = append(lengths, len(lt))
		}
	}
	if len(byLower) == 0 {
		return
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lengths)))
	var t roleCaseTitle
	scanTitlePlaces(f, lengths, true, func(key string) bool {
		var ok bool
		t, ok = byLower[key]
		return ok
	}, func(b *model.Block, text string, i, end int) {
		written := text[i:end]
		if mixedTitleCase(t.title, written) {
			reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: written}, t.title,
				fmt.Sprintf("write %s, not %s: the role's title is capitalised so in %s", quoted(t.title), quoted(written), t.where))
		}
	})
}

// mixedTitleCase reports whether written is title (the same letters) with
// two of its capitals or more kept and one or more put in lower case.
func mixedTitleCase(title, written string) bool {
	kept, lowered := 0, 0
	for i := 0; i < len(title); i++ {
		if !('A' <= title[i] && title[i] <= 'Z') || i > 0 && isRoleWordByte(title[i-1]) {
			continue // not a word's first capital
		}
		if written[i] == title[i] {
			kept++
		} else {
			lowered++
		}
	}
	return kept >= 2 && lowered > 0
}

// titleNouns are the job nouns a title ends with ("Chief People Officer",
// "Business Development Manager"): a capitalised run of words ending with
// one names a job, where a team's name before a common noun ("Partner
// Programs", "Sales Team") may be written either way.
var titleNouns = map[string]bool{
	"Manager": true, "Officer": true, "Director": true, "Analyst": true, "Engineer": true, "Specialist": true,
	"Administrator": true, "Coordinator": true, "Accountant": true, "Architect": true, "President": true,
	"Consultant": true, "Designer": true, "Recruiter": true, "Representative": true, "Strategist": true,
	"Scientist": true, "Advocate": true, "Controller": true, "Counsel": true,
}

// proseTitles returns the job titles of three or four words, each a
// capital then lower-case ASCII letters, the last a job noun (titleNouns),
// that the page's prose (not its headings, nor link texts) writes, with
// how often the page writes each so; a title that the page also writes
// in another case, a later word in lower case, is counted only as written
// in title case. A run of capitalised words longer than the title ("The
// Chief People Officer") gives its last three and four words that do not
// open with a function word.
func proseTitles(f *model.Family) map[string]int {
	out := map[string]int{}
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		var run []int // word starts of the current run of capitalised words
		word := func(i int) (int, bool) {
			if i >= len(text) || text[i] < 'A' || text[i] > 'Z' || i > 0 && isRoleWordByte(text[i-1]) {
				return i, false
			}
			j := i + 1
			for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
				j++
			}
			if j-i < 2 || j < len(text) && isRoleWordByte(text[j]) {
				return j, false
			}
			return j, true
		}
		for i := 0; i < len(text); {
			j, ok := word(i)
			if !ok {
				run = run[:0]
				i = j + 1
				continue
			}
			run = append(run, i)
			if titleNouns[text[i:j]] && !inLinkText(b, i) {
				for _, k := range []int{3, 4} {
					if len(run) < k {
						continue
					}
					start := run[len(run)-k]
					first := text[start:]
					if sp := strings.IndexByte(first, ' '); sp > 0 && prose.IsStopWord(strings.ToLower(first[:sp])) {
						continue
					}
					out[text[start:j]]++
				}
			}
			if j < len(text) && text[j] == ' ' {
				i = j + 1
				continue
			}
			run = run[:0]
			i = j + 1
		}
	}
	return out
}
