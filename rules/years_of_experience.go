package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

type yearsOfExperienceOptions struct {
	StrictGrades  []float64 `yaml:"strict_grades"`
	Context       []string  `yaml:"context"`
	Sections      []string  `yaml:"sections"`
	NotExperience []string  `yaml:"not_experience"`
}

var yearsOfExperienceRule = &lint.Rule{
	ID:       "years-of-experience",
	Title:    "a requirement names a number of years of experience",
	Category: lint.Policy,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "The handbook's job-family policy asks for relevant, progressive experience rather than a number of " +
			"years, unless the years are directly relevant to performing the role; for roles graded 4 and 5 it asks " +
			"for no prior-experience requirement at all, so that people with unusual career or educational paths " +
			"see themselves in the role. The rule reports every number of years that reads as a requirement: " +
			"\"5+ years\", \"3-5 years\", \"at least two years\", \"fifteen (15) years\", \"2 years or more\", \"1-3 (or more) years\", \"at least 2-3 of those years\" ... " +
			"when the sentence speaks of experience (see `context`) or the text is in a requirements or " +
			"nice-to-haves section. It is a warning, and an error in the text of a role whose grade (from the " +
			"model: its own, the one it shares, or its base role's) is in `strict_grades`; a family-wide " +
			"requirement is an error when any level it applies to has such a grade (all levels for one before the " +
			"roles; the roles under its heading for a group's; the role above for one written at a role's depth). " +
			"In the requirements of a role whose own grade is in `strict_grades`, a bullet that asks for past work " +
			"without a number of years is reported too, once a bullet: experience as a mass noun (\"Experience with " +
			"Zuora\", \"Relevant communications experience\"), \"experienced in\", proven success or a track record; not " +
			"someone else's experience (\"an excellent candidate experience\"), \"equivalent experience\", experience gained " +
			"or not needed, a preference (\"Experience with Greenhouse preferred\", \"... is a plus\", \"Nice to have: ...\") " +
			"or a family-wide list that other levels share.\n\n" +
			"Not reported: ranges from zero (\"0-2 years\" asks for no prior experience), durations that are not experience (\"a 3 year plan\", \"within 2 years\", \"over the next " +
			"3 years\", \"2 years ago\"), schooling (\"2 years of law school\"), text outside those sections without an " +
			"experience word, code and link targets.",
		Bad: "---\ntitle: Accountant\n---\n\n## Associate Accountant\n\n" +
			"The Associate Accountant is a [grade 5](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Requirements\n\n- 2+ years of accounting experience\n- Ability to use GitLab\n",
		Good: "---\ntitle: Accountant\n---\n\n## Associate Accountant\n\n" +
			"The Associate Accountant is a [grade 5](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Requirements\n\n- Interest in accounting, shown through study, projects or work\n- Ability to use GitLab\n",
		Options: []lint.OptionDoc{
			{Name: "strict_grades", Default: "[4, 5]", Text: "Grades whose roles must not ask for years of experience at all: findings in their text are errors."},
			{Name: "context", Default: "[experienc*, background, track record, tenure]",
				Text: "Words that make a number of years an experience requirement wherever the sentence stands."},
			{Name: "sections", Default: "[requirements, nice-to-haves]",
				Text: "Section kinds in which any number of years (a duration, not a compound like \"3-year plan\") counts as a requirement."},
			{Name: "not_experience", Default: "[school, college, university, studies, study, degree, education, coursework, schooling]",
				Text: "Words that, within the three words after the years, make them schooling rather than experience (\"2 years of law school\")."},
		},
	},
	Options: func() any {
		return &yearsOfExperienceOptions{
			StrictGrades: []float64{4, 5},
			Context:      []string{"experienc*", "background", "track record", "tenure"},
			Sections:     []string{string(model.SecRequirements), string(model.SecNiceToHaves)},
			NotExperience: []string{"school", "college", "university", "studies", "study", "degree", "education",
				"coursework", "schooling"},
		}
	},
	Validate: func(o any) error {
		opts := o.(*yearsOfExperienceOptions)
		if err := policyValidLists(policyList{"context", opts.Context}, policyList{"not_experience", opts.NotExperience}); err != nil {
			return err
		}
		return policyValidSections("sections", opts.Sections)
	},
	Check: checkYearsOfExperience,
}

func init() { lint.Register(yearsOfExperienceRule) }

const yoeNumber = `(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)`

// yoeRE finds a number of years with its qualifiers. Groups: 1 the minimum
// before ("at least"), 2 the quantity ("3", "3-5", "fifteen (15)"), 3 a
// plus after the number, 4 "or more" before "years" ("(or more)" too), 5 the
// separator (a hyphen makes a compound: "3-year"; "of those" a part of
// years named before: "at least 2-3 of those years"), 6 the unit, 7 "+", "or more" or
// "plus" after it.
var yoeRE = regexp.MustCompile(yoeExpr)

const yoeExpr = `(?i)\b(?:(at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|more\s+than|over|in\s+excess\s+of|no\s+(?:less|fewer)\s+than|upwards\s+of)\s+)?` +
	`(` + yoeNumber + `(?:\s*\(\d+(?:\s*[-–]\s*\d+)?\))?(?:\s*(?:-|–|—|to|or)\s*` + yoeNumber + `(?:\s*\(\d+(?:\s*[-–]\s*\d+)?\))?)?)` +
	`(\s*\+|\s+plus)?(\s+or\s+more|\s*\(\s*or\s+more\s*\))?(\s*[-‑]\s*|\s+of\s+(?:those|these|which)\s+|\s+)(years?|yrs?)\b(\s*\+|\s+or\s+more|\s+plus)?`

// yoeAt is yoeRE anchored at the start of its text: yoeMatchesAt asks it at
// the places a match may start.
var yoeAt = regexp.MustCompile(`^(?:` + yoeExpr + `)`)

// Words right before a number of years that make it a point or span in
// time rather than experience ("within 2 years", "the next 3 years").
var yoeTemporalBefore = map[string]bool{
	"next": true, "within": true, "every": true, "per": true, "each": true, "first": true, "coming": true,
	"following": true, "upcoming": true, "last": true, "past": true, "previous": true, "recent": true,
}

// Words right after it that do the same ("2 years ago", "5 years old").
var yoeTemporalAfter = map[string]bool{"ago": true, "old": true, "later": true, "from": true, "away": true}

var yoeWordNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}

func checkYearsOfExperience(p *lint.Pass) {
	opts := lint.Options[yearsOfExperienceOptions](p.Options)
	context := sharedPolicySet(p.Env, "years-of-experience/context", opts.Context)
	notExp := map[string]bool{}
	for _, w := range opts.NotExperience {
		notExp[policyWord(w)] = true
	}
	for _, b := range p.File.Blocks {
		if !yoeYears(p, b, opts, context, notExp) {
			yoePriorExperience(p, b, opts.StrictGrades)
		}
	}
}

// yoeYears reports the numbers of years of experience in b; it returns
// whether it reported one.
func yoeYears(p *lint.Pass, b *model.Block, opts *yearsOfExperienceOptions, context *prose.PhraseSet, notExp map[string]bool) bool {
	reported := false
	{
		if !model.ContainsFold(b.Text, "year") && !model.ContainsFold(b.Text, "yr") {
			return false // the regexp is slow; most blocks name no years
		}
		locs := yoeMatches(b.Text)
		if len(locs) == 0 {
			return false
		}
		inSection := policyInSections(policySectionKind(b), opts.Sections)
		ctx := context.Find(b)
		sentences := model.Sentences(b.Text)
		for _, m := range locs {
			start, end := m[0], m[1]
			if !yoeIsRequirement(b.Text, m, inSection, ctx, sentences) || yoeSchooling(b.Text, end, notExp) {
				continue
			}
			text := b.Text[start:end]
			d := lint.Diagnostic{
				Span:    b.SourceSpan(start, end),
				Message: "years of experience " + policyQuote(text) + ": ask for relevant, progressive experience and say what it is",
				Subject: policySubject(text),
			}
			if role, grade, ok := yoeStrictRole(p.File, b, opts.StrictGrades); ok {
				d.Severity = lint.Error
				d.Message = fmt.Sprintf("years of experience %s: roles graded %s ask for no prior experience (%s is a grade %s)",
					policyQuote(text), yoeGradeNames(opts.StrictGrades), role.Title, formatNumber(grade))
			}
			p.Report(d)
			reported = true
		}
	}
	return reported
}

// yoeMatches is yoeRE.FindAllStringSubmatchIndex(text, -1), the expression
// run only on the stretches of text that say "year" or "yr": no match holds
// a character that yoeStop stops at, so the matches of the whole text are
// those of its stretches (and \b reads the same at a stretch's ends, next
// to a character that is no word character). The expression was run on
// whole blocks that name years anywhere, and tried at every position.
func yoeMatches(text string) [][]int {
	var out [][]int
	for start := 0; start < len(text); {
		end := start
		for end < len(text) && !yoeStop(text, end) {
			end++
		}
		if seg := text[start:end]; (model.ContainsFold(seg, "year") || model.ContainsFold(seg, "yr")) && yoeMayCount(seg) {
			var ms [][]int
			if strings.Contains(seg, "ſ") {
				ms = yoeRE.FindAllStringSubmatchIndex(seg, -1)
			} else {
				ms = yoeMatchesAt(seg)
			}
			for _, m := range ms {
				for k := range m {
					if m[k] >= 0 {
						m[k] += start
					}
				}
				out = append(out, m)
			}
		}
		start = end + 1
	}
	return out
}

// yoeMatchesAt is yoeRE.FindAllStringSubmatchIndex(seg, -1) for a text
// without the long s, the expression asked (anchored, yoeAt) only where a
// match may start: after no word character (\b, before the letter or digit
// every alternative opens with) and at a digit, a number's word or a
// qualifier's first word (yoeMayStart). The expression was tried at every
// offset of the stretch, each time through its alternatives. The leftmost
// place where the anchored expression matches is where the expression's
// leftmost match starts, and its match there is the same (leftmost first;
// \b reads the same, the text before being no word character); the next
// match is looked for from the end of one, as FindAll does. Without the
// long s no match opens with a character past ASCII (under (?i) only ſ and
// the Kelvin sign fold onto ASCII letters, and no alternative opens with
// k).
func yoeMatchesAt(seg string) [][]int {
	var out [][]int
	for p := 0; p < len(seg); p++ {
		if p > 0 && reWordByte(seg[p-1]) || !yoeMayStart(seg[p:]) {
			continue
		}
		m := yoeAt.FindStringSubmatchIndex(seg[p:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		out = append(out, m)
		p = m[1] - 1 // (no match is empty)
	}
	return out
}

// reWordByte reports whether c is an ASCII word character (\w, which \b
// reads).
func reWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// yoeStarts are the words a match of yoeRE may open with: a number's word,
// as a prefix (no \b after it: "fiveto ten years"), or a qualifier's first
// word, whole (a space follows it in the expression).
var yoeStarts = []struct {
	word  string
	whole bool
}{
	{"one", false}, {"two", false}, {"three", false}, {"four", false}, {"five", false}, {"six", false}, {"seven", false},
	{"eight", false}, {"nine", false}, {"ten", false}, {"eleven", false}, {"twelve", false}, {"thirteen", false},
	{"fourteen", false}, {"fifteen", false}, {"sixteen", false}, {"seventeen", false}, {"eighteen", false},
	{"nineteen", false}, {"twenty", false}, {"thirty", false},
	{"at", true}, {"a", true}, {"minimum", true}, {"more", true}, {"over", true}, {"in", true}, {"no", true}, {"upwards", true},
}

// yoeMayStart reports whether a match of yoeRE may start at s[0] (s without
// the long s): a digit, a number's word in any ASCII case, or a
// qualifier's first word followed by no ASCII letter.
func yoeMayStart(s string) bool {
	c := s[0]
	if c >= '0' && c <= '9' {
		return true
	}
	if c|0x20 < 'a' || c|0x20 > 'z' {
		return false
	}
	for _, st := range yoeStarts {
		if len(s) < len(st.word) || !asciiEqualFold(s[:len(st.word)], st.word) {
			continue
		}
		if !st.whole || len(s) > len(st.word) && !(s[len(st.word)]|0x20 >= 'a' && s[len(st.word)]|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// asciiEqualFold reports whether a equals b (lower-case ASCII letters) in
// any ASCII case.
func asciiEqualFold(a, b string) bool {
	for i := 0; i < len(b); i++ {
		if a[i]|0x20 != b[i] {
			return false
		}
	}
	return true
}

// yoeNumberParts are pieces of yoeNumber's words, one in each: "thre" in
// "three", "thirt" in "thirteen" and "thirty".
var yoeNumberParts = []string{"one", "two", "thre", "four", "five", "six", "seven", "eigh", "nine", "ten", "elev", "twel", "thirt", "fift", "twent"}

// yoeMayCount reports whether a stretch may hold a match of yoeRE: a
// digit, or a number's word in any case. A stretch that is not ASCII is
// always asked of the expression ((?i) folds the Kelvin sign onto k and
// the long s onto s).
func yoeMayCount(seg string) bool {
	for i := 0; i < len(seg); i++ {
		if c := seg[i]; c >= '0' && c <= '9' || c >= utf8.RuneSelf {
			return true
		}
	}
	for _, p := range yoeNumberParts {
		if model.ContainsFold(seg, p) {
			return true
		}
	}
	return false
}

// yoeStop reports whether text[i] is a character no match of yoeRE holds:
// ASCII, no word character (letter, digit, '_'), no space and none of the
// expression's "().+-", or a '.' that is no decimal point between digits.
func yoeStop(text string, i int) bool {
	c := text[i]
	switch {
	case c >= utf8.RuneSelf, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		return false
	case c == ' ', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r', c == '(', c == ')', c == '+', c == '-':
		return false
	case c == '.':
		return !(i > 0 && i+1 < len(text) && text[i-1] >= '0' && text[i-1] <= '9' && text[i+1] >= '0' && text[i+1] <= '9')
	}
	return true
}

// yoeIsRequirement decides whether a number of years found by yoeRE reads
// as an experience requirement.
func yoeIsRequirement(text string, m []int, inSection bool, ctx []prose.Match, sentences [][2]int) bool {
	start, end := m[0], m[1]
	unit := strings.ToLower(text[m[12]:m[13]])
	compound := strings.ContainsAny(text[m[10]:m[11]], "-‑")
	ranged := strings.ContainsAny(text[m[4]:m[5]], "-–—") || strings.Contains(strings.ToLower(text[m[4]:m[5]]), " to ") ||
		strings.Contains(strings.ToLower(text[m[4]:m[5]]), " or ")
	next := policyNextWord(text, end)
	if yoeValue(text[m[4]:m[5]]) == 0 && ranged {
		return false // "0-2 years": no prior experience asked for
	}
	if yoeTemporalAfter[strings.ToLower(next)] {
		return false
	}
	// "within 2 years", "the previous 3 years", but not "previous 3+
	// years of experience": a minimum, or experience right after
	if yoeTemporalBefore[strings.ToLower(policyPrevWord(text, start))] && !yoeMinimum(text, m) && !yoeExperienceAfter(text, end) {
		return false
	}
	// "a 3 year plan", "a 5-year roadmap": a compound adjective, unless what
	// follows is the experience itself ("5-year experience").
	if compound || (!strings.HasSuffix(unit, "s") && !ranged && yoeValue(text[m[4]:m[5]]) > 1) {
		return strings.HasPrefix(strings.ToLower(next), "experienc")
	}
	// "at least", "minimum", "more than", "+", "or more", "plus": a minimum
	// asked for.
	if inSection || yoeMinimum(text, m) {
		return true
	}
	for _, s := range sentences {
		if start < s[0] || start >= s[1] {
			continue
		}
		for _, c := range ctx {
			if c.Start >= s[0] && c.Start < s[1] {
				return true
			}
		}
	}
	return false
}

// yoeExperienceAfter reports whether an experience word follows within
// three words ("3 years of administrative experience").
func yoeExperienceAfter(text string, end int) bool {
	for i, w := range wordsIn(text[end:], false) {
		if i >= 4 || strings.ContainsAny(text[end:end+w.Start], ".;:!?,") {
			break
		}
		if strings.HasPrefix(strings.ToLower(w.Text), "experienc") {
			return true
		}
	}
	return false
}

// yoeSchooling reports whether one of the words within three words after
// offset end makes the years schooling ("2 years of law school").
func yoeSchooling(text string, end int, words map[string]bool) bool {
	for i, w := range wordsIn(text[end:], false) {
		if i >= 3 || strings.ContainsAny(text[end:end+w.Start], ".;:!?,") {
			break
		}
		if words[policyWord(w.Text)] {
			return true
		}
	}
	return false
}

// yoeMinimum reports whether the match states a minimum: a qualifier
// before it ("at least", not "over", which is also temporal) or a plus or
// "or more" after the number.
func yoeMinimum(text string, m []int) bool {
	if m[2] >= 0 && !strings.EqualFold(text[m[2]:m[3]], "over") {
		return true
	}
	return m[6] >= 0 || m[8] >= 0 || m[14] >= 0
}

// yoeValue reads the first number of a quantity ("3", "three", "3-5").
func yoeValue(q string) float64 {
	q = strings.ToLower(strings.TrimSpace(q))
	end := strings.IndexFunc(q, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r >= 'a' && r <= 'z') })
	if end >= 0 {
		q = q[:end]
	}
	if v, ok := yoeWordNumbers[q]; ok {
		return v
	}
	v, _ := strconv.ParseFloat(q, 64)
	return v
}

// policyPrevWord returns the word that ends right before offset i (skipping
// spaces), or "".
func policyPrevWord(text string, i int) string {
	ws := wordsIn(text[:i], false)
	if len(ws) == 0 || strings.TrimSpace(text[ws[len(ws)-1].End:i]) != "" {
		return ""
	}
	return ws[len(ws)-1].Text
}

// policyNextWord returns the word that starts right after offset i (skipping
// spaces), or "".
func policyNextWord(text string, i int) string {
	ws := wordsIn(text[i:], false)
	if len(ws) == 0 || strings.TrimSpace(text[i:i+ws[0].Start]) != "" {
		return ""
	}
	return ws[0].Text
}

// yoeStrictRole finds a role with a strict grade that the block's text
// applies to: the block's own role, or, for a family-level requirements or
// nice-to-haves section, any role in its scope (policySectionScope).
func yoeStrictRole(f *model.Family, b *model.Block, strict []float64) (*model.Role, float64, bool) {
	if len(strict) == 0 {
		return nil, 0, false
	}
	var roles []*model.Role
	switch {
	case b.Role != nil:
		roles = []*model.Role{b.Role}
	case b.Section != nil && (b.Section.Kind == model.SecRequirements || b.Section.Kind == model.SecNiceToHaves):
		roles, _ = policySectionScope(f, b.Section)
	}
	for _, r := range roles {
		grades, owner := policyRoleGrades(f, r)
		for _, g := range grades {
			for _, s := range strict {
				if g == s {
					return owner, g, true
				}
			}
		}
	}
	return nil, 0, false
}

// policyRoleGrades returns the grades that apply to a role, and the role that
// has them: its own (every whole grade of a range), else those of the role
// it shares a grade with, its enclosing role or its base role.
func policyRoleGrades(f *model.Family, r *model.Role) ([]float64, *model.Role) {
	seen := map[*model.Role]bool{}
	for r != nil && !seen[r] {
		seen[r] = true
		if g := r.Grade; g != nil && g.Number != nil {
			out := []float64{*g.Number}
			if g.Max != nil {
				for v := *g.Number + 1; v <= *g.Max; v++ {
					out = append(out, v)
				}
				if out[len(out)-1] != *g.Max {
					out = append(out, *g.Max)
				}
			}
			return out, r
		}
		switch {
		case r.SharesWith != nil:
			r = r.SharesWith
		case r.Parent != nil:
			r = r.Parent
		case r.Base != "":
			r = policyRoleTitled(f, r.Base)
		default:
			r = nil
		}
	}
	return nil, nil
}

// policyRoleTitled returns the page's role with the given title (ignoring case),
// or nil.
func policyRoleTitled(f *model.Family, title string) *model.Role {
	for _, r := range f.Roles {
		if strings.EqualFold(strings.TrimSpace(r.Title), strings.TrimSpace(title)) {
			return r
		}
	}
	return nil
}

// yoeGradeNames renders grades as "4 or 5", "4, 5 or 6".
func yoeGradeNames(gs []float64) string {
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = formatNumber(g)
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// yoeOptional are words that make a clause of a requirement a preference,
// not a requirement ("Experience with Greenhouse preferred", "... is a
// plus").
var yoeOptional = []string{"preferred", "a plus", "advantage", "bonus", "nice to have", "nice-to-have", "ideally", "helpful", "desirable"}

// yoeTrailingPreference is a sentence's last clause that is only a
// preference, with no subject of its own: "..., strongly preferred".
var yoeTrailingPreference = regexp.MustCompile(`(?i)[,)]\s*(?:(?:strongly|highly|very|is|are)\s+)*(?:preferred|helpful|desirable|desired|a plus)\s*$`)

// yoeOthersExperience are nouns whose experience is someone else's, the
// work's result, not the holder's past: "an excellent candidate experience".
var yoeOthersExperience = map[string]bool{"candidate": true, "customer": true, "user": true, "developer": true,
	"employee": true, "member": true, "learner": true, "client": true, "buyer": true, "partner": true, "onboarding": true,
	"equivalent": true}

// yoePriorExperience reports, in the requirements of a role whose own grade
// is strict (4 or 5: the policy asks such roles for no prior experience of
// any kind), the first clause of a bullet that asks for past work without a
// number of years: experience as a mass noun ("Experience with Ruby",
// "Relevant communications experience", "Significant experience with"),
// "experienced in", or proven success ("Proven success in sourcing", "a
// track record of"). Not reported: someone else's experience, which takes
// an article or names whose it is ("an excellent candidate experience"),
// "equivalent experience" (an alternative to a degree), experience to be
// gained ("gain experience", "no experience"), and a clause that is a
// preference ("Experience with Greenhouse preferred", "is a plus").
// Family-wide requirements, which other levels share, are left to the
// years.
func yoePriorExperience(p *lint.Pass, b *model.Block, strict []float64) {
	if b.Role == nil || b.Kind != model.BlockItem || policySectionKind(b) != model.SecRequirements {
		return
	}
	if !model.ContainsFold(b.Text, "experience") && !model.ContainsFold(b.Text, "proven") &&
		!model.ContainsFold(b.Text, "track record") && !model.ContainsFold(b.Text, "demonstrated") {
		return
	}
	role, grade, ok := yoeStrictRole(p.File, b, strict)
	// (yoeMatches finds what yoeRE finds, asked only of the stretches that
	// may hold a match: TestYoeMatchesAsWholeText)
	if !ok || len(yoeMatches(b.Text)) > 0 {
		return // a bullet that names years is the years' ("0-2 years of work experience")
	}
	if b.Section != nil && b.Span.Start >= bulletOptionalFrom(b.Section) {
		return // after a "Nice-to-haves:" line inside the list: a wish, not a requirement
	}
	words := prose.BlockWords(b)
	lower := prose.BlockLowerWords(b)
	// clauseStart returns the index of the first word of the clause that
	// holds word i: after ",", ";", ":", "." or the block's start
	clauseStart := func(i int) int {
		for k := i; k > 0; k-- {
			if strings.ContainsAny(b.Text[words[k-1].End:words[k].Start], ",;:.!?()"+string(model.CodeMark)) {
				return k
			}
		}
		return 0
	}
	clauseEnd := func(i int) int {
		for k := i + 1; k < len(words); k++ {
			if strings.ContainsAny(b.Text[words[k-1].End:words[k].Start], ",;:.!?()"+string(model.CodeMark)) {
				return k
			}
		}
		return len(words)
	}
	// optional reports whether word i's clause, or a lead-in before a
	// colon ahead of it ("Nice to have: experience with"), is a preference
	optional := func(i int) bool {
		s, e := clauseStart(i), clauseEnd(i)
		texts := []string{strings.Join(lower[s:e], " ")}
		// a sentence that ends in a bare preference, after an aside in
		// commas or parentheses ("Experience with Global Talent (Americas,
		// EMEA) strongly preferred."): the preference is the whole
		// sentence's; one with its own subject ("..., open source
		// experience is a plus") is its clause's only
		to := len(b.Text)
		if k := strings.IndexAny(b.Text[words[i].End:], ".;!?"); k >= 0 {
			to = int(words[i].End) + k
		}
		if yoeTrailingPreference.MatchString(b.Text[words[i].End:to]) {
			return true
		}
		if colon := strings.LastIndexByte(b.Text[:words[i].Start], ':'); colon >= 0 {
			texts = append(texts, strings.ToLower(b.Text[:colon]))
		}
		for _, t := range texts {
			t = " " + strings.Join(strings.Fields(t), " ") + " "
			for _, o := range yoeOptional {
				if strings.Contains(t, " "+o+" ") {
					return true
				}
			}
		}
		return false
	}
	for i, w := range lower {
		start, end := -1, -1
		switch {
		case w == "experience" || w == "experienced" && i+1 < len(lower) && (lower[i+1] == "in" || lower[i+1] == "with"):
			s := clauseStart(i)
			if i > s {
				prev := lower[i-1]
				if yoeOthersExperience[prev] || prev == "to" || prev == "gain" || prev == "gaining" || prev == "no" ||
					prev == "get" || prev == "without" || prev == "any" {
					continue
				}
			}
			// someone else's experience ("an excellent candidate
			// experience"), experience gained ("knowledge gained
			// through ... experience"), or a number of years that
			// decides ("0-2 years of work experience")
			other := false
			for k := s; k < i; k++ {
				switch lower[k] {
				case "a", "an", "the", "our", "their", "its", "his", "her", "this", "that", "gain", "gained", "gaining",
					"no", "without":
					other = true
				}
			}
			if other {
				continue
			}
			// the experience's noun phrase when it opens the clause
			// ("Relevant communications experience"), and the word after
			// that says what of ("Experience with", "Experience sourcing")
			start, end = int(words[i].Start), int(words[i].End)
			switch {
			case i-s <= 3:
				start = int(words[s].Start)
			case !prose.IsStopWord(lower[i-1]):
				start = int(words[i-1].Start) // "planning experience"
			}
			if i+1 < len(words) && i+1 < clauseEnd(i) {
				switch n := lower[i+1]; n {
				case "with", "in", "of", "as", "at", "on":
					end = int(words[i+1].End)
				default:
					if strings.HasSuffix(n, "ing") && len(n) >= 5 {
						end = int(words[i+1].End)
					}
				}
			}
		case (w == "proven" || w == "demonstrated" || w == "demonstrable") && i+1 < len(lower) &&
			(lower[i+1] == "success" || lower[i+1] == "experience" ||
				lower[i+1] == "repeated" && i+2 < len(lower) && lower[i+2] == "success" ||
				lower[i+1] == "track" && i+2 < len(lower) && lower[i+2] == "record"):
			start, end = int(words[i].Start), int(words[min(i+2, len(words)-1)].End)
			if lower[i+1] == "success" || lower[i+1] == "experience" {
				end = int(words[i+1].End)
			}
		case w == "track" && i+1 < len(lower) && lower[i+1] == "record" && (i == 0 || lower[i-1] != "proven" && lower[i-1] != "demonstrated"):
			start, end = int(words[i].Start), int(words[i+1].End)
		default:
			continue
		}
		if optional(i) {
			continue
		}
		text := b.Text[start:end]
		p.Report(lint.Diagnostic{
			Span: b.SourceSpan(start, end),
			Message: fmt.Sprintf("prior experience %s: roles graded %s ask for no prior experience (%s is a grade %s); ask for "+
				"the skill, knowledge or interest instead", policyQuote(text), yoeGradeNames(strict), role.Title, formatNumber(grade)),
			Subject: "prior: " + policySubject(text),
		})
		return
	}
}
