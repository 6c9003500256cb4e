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
			"\"5+ years\", \"3-5 years\", \"at least two years\", \"fifteen (15) years\", \"2 years or more\" ... " +
			"when the sentence speaks of experience (see `context`) or the text is in a requirements or " +
			"nice-to-haves section. It is a warning, and an error in the text of a role whose grade (from the " +
			"model: its own, the one it shares, or its base role's) is in `strict_grades`; a family-wide " +
			"requirement is an error when any level it applies to has such a grade (all levels for one before the " +
			"roles; the roles under its heading for a group's; the role above for one written at a role's depth).\n\n" +
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
// plus after the number, 4 "or more" before "years", 5 the separator (a
// hyphen makes a compound: "3-year"), 6 the unit, 7 "+", "or more" or
// "plus" after it.
var yoeRE = regexp.MustCompile(`(?i)\b(?:(at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|more\s+than|over|in\s+excess\s+of|no\s+(?:less|fewer)\s+than|upwards\s+of)\s+)?` +
	`(` + yoeNumber + `(?:\s*\(\d+(?:\s*[-–]\s*\d+)?\))?(?:\s*(?:-|–|—|to|or)\s*` + yoeNumber + `(?:\s*\(\d+(?:\s*[-–]\s*\d+)?\))?)?)` +
	`(\s*\+|\s+plus)?(\s+or\s+more)?(\s*[-‑]\s*|\s+)(years?|yrs?)\b(\s*\+|\s+or\s+more|\s+plus)?`)

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
		if !model.ContainsFold(b.Text, "year") && !model.ContainsFold(b.Text, "yr") {
			continue // the regexp is slow; most blocks name no years
		}
		locs := yoeMatches(b.Text)
		if len(locs) == 0 {
			continue
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
		}
	}
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
		if seg := text[start:end]; model.ContainsFold(seg, "year") || model.ContainsFold(seg, "yr") {
			for _, m := range yoeRE.FindAllStringSubmatchIndex(seg, -1) {
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
	for i, w := range prose.Words(text[end:], false) {
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
	for i, w := range prose.Words(text[end:], false) {
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
	ws := prose.Words(text[:i], false)
	if len(ws) == 0 || strings.TrimSpace(text[ws[len(ws)-1].End:i]) != "" {
		return ""
	}
	return ws[len(ws)-1].Text
}

// policyNextWord returns the word that starts right after offset i (skipping
// spaces), or "".
func policyNextWord(text string, i int) string {
	ws := prose.Words(text[i:], false)
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
