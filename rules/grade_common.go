package rules

import (
	"regexp"
	"strconv"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// What the grade rules share: the run's ladder, grade numbers and how a
// role's title is read for comparison.

// gradeLadder returns the run's seniority ladder, built once from the
// config's tracks.
func gradeLadder(env *lint.Env, cfg *lint.Config) *ladder.Ladder {
	return env.Shared("grades.ladder", func() any { return ladder.New(cfg.Grades.Tracks) }).(*ladder.Ladder)
}

// gradeBounds returns a grade's number, or its range's ends; ok is false
// when the sentence gives no number.
func gradeBounds(g *model.Grade) (lo, hi float64, ok bool) {
	if g == nil || g.Number == nil {
		return 0, 0, false
	}
	lo, hi = *g.Number, *g.Number
	if g.Max != nil && *g.Max > lo {
		hi = *g.Max
	}
	return lo, hi, true
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// gradeText writes a grade for messages: "8", "9.5", "11 to 12".
func gradeText(g *model.Grade) string {
	lo, hi, ok := gradeBounds(g)
	if !ok {
		return strings.TrimSpace(g.Raw)
	}
	if hi != lo {
		return formatNumber(lo) + " to " + formatNumber(hi)
	}
	return formatNumber(lo)
}

// gradedRole is a role with a numeric grade and its place on the ladder.
type gradedRole struct {
	role   *model.Role
	title  string // the title compared: the heading, or the grade sentence's fuller name for a bare "Senior"
	place  ladder.Place
	placed bool
	lo, hi float64
	// otherStep: the grade sentence names a title at another seniority
	// than the role's ("### Intern" over "The Junior X is a grade 5")
	otherStep bool
	// segment is the sales segment the title names, as a grade table
	// grades it ("mid market"), or "": levels of different segments are
	// not steps of one ladder (grade-order fills it in)
	segment string
}

// gradedRoles returns the roles of a page that carry a numeric grade, in
// document order, placed on the ladder.
func gradedRoles(l *ladder.Ladder, f *model.Family) []gradedRole {
	// made at the page's roles, most of which have a grade where there
	// are many: grown by appends, a page of 20,000 graded levels held
	// the slice twice (184 bytes a role) while it was copied
	var out []gradedRole
	for i, r := range f.Roles {
		lo, hi, ok := gradeBounds(r.Grade)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]gradedRole, 0, len(f.Roles)-i)
		}
		title := comparedTitle(l, r)
		p, placed := l.Classify(title)
		other := false
		if subj := gradeSubject(r.Grade); placed && subj != "" {
			ps, ok := l.Classify(subj)
			// another step of the track, or no seniority at all where the
			// heading has one ("### Senior Manager, X" over "The X Manager")
			other = ok && !ps.Ambiguous && !p.Ambiguous && !ps.Same(p) && (ps.Track == p.Track || ps.Implied && !p.Implied)
		}
		out = append(out, gradedRole{role: r, title: title, place: p, placed: placed, lo: lo, hi: hi, otherStep: other})
	}
	return out
}

// comparedTitle is the title a role is compared by. A bare level heading
// ("### Senior" under a family's Levels) takes the grade sentence's name
// when that names the same level ("The Senior Software Engineer in Test
// is a grade 7"), so that titles compare across pages.
func comparedTitle(l *ladder.Ladder, r *model.Role) string {
	t := r.Title
	p, ok := l.Classify(t)
	if !ok || p.Stem != "" || r.Grade == nil {
		return t
	}
	subj := gradeSubject(r.Grade)
	if subj == "" {
		return t
	}
	if ps, ok := l.Classify(subj); ok && ps.Compatible(p) && ps.Stem != "" {
		return subj
	}
	return t
}

var (
	subjectSuffixRE = regexp.MustCompile(`(?i)\s+(?:role|position|job)$`)
	subjectLevelRE  = regexp.MustCompile(`(?i)^(.*?)\s+level\b.*$`)
	// "The Engineering Manager in the Engineering Division is a grade 8"
	subjectUnitRE = regexp.MustCompile(`(?i)\s+in\s+the\s+[\w\s&,-]*\b(?:division|department|team|organi[sz]ation|org|group)$`)
)

// subjectUnits are the words a match of subjectUnitRE ends with.
var subjectUnits = []string{"division", "department", "team", "organization", "organisation", "org", "group"}

// mayEndWithFold reports whether s may match an expression that ends, in
// any case, with one of words at the text's end: s ends so, or holds a
// character past ASCII ((?i) folds the Kelvin sign onto k and the long s
// onto s). gradeSubject's expressions, asked only then, were each a scan of
// the subject, for every grade sentence and every rule that reads it.
func mayEndWithFold(s string, words ...string) bool {
	for _, w := range words {
		if len(s) >= len(w) && strings.EqualFold(s[len(s)-len(w):], w) {
			return true
		}
	}
	return !isASCII(s)
}

// cleanSubject takes a trailing "role" or "position" and a division after
// the role off a grade sentence's subject, and a level's words after its
// name, each only when the subject may hold it.
func cleanSubject(s string) string {
	if mayEndWithFold(s, "role", "position", "job") {
		s = subjectSuffixRE.ReplaceAllString(s, "")
	}
	if mayEndWithFold(s, subjectUnits...) {
		s = subjectUnitRE.ReplaceAllString(s, "")
	}
	if model.ContainsFold(s, "level") {
		if m := subjectLevelRE.FindStringSubmatch(s); m != nil {
			s = m[1]
		}
	}
	return s
}

// gradeSubject is the role a grade sentence names, cleaned: template
// braces and a trailing "role" or "position" dropped, "" for a generic
// subject ("The role is a grade 6"). "The Senior level in the Engineering
// Division" gives "Senior".
func gradeSubject(g *model.Grade) string {
	s := strings.TrimSpace(g.Subject)
	s = strings.TrimSpace(strings.Trim(s, "{}"))
	s = cleanSubject(s)
	switch strings.ToLower(s) {
	case "", "role", "position", "job", "this role", "this position", "level", "this level":
		return ""
	}
	return s
}

// titleLike reports whether a role's title names a role at all: a job
// title, or one the ladder places ("Senior"). Headings the model took for
// roles without being one ("Compensation", "Role") are not.
func titleLike(l *ladder.Ladder, t string) bool {
	if strings.EqualFold(strings.TrimSpace(t), "role") || strings.EqualFold(strings.TrimSpace(t), "position") {
		return false
	}
	if model.JobTitleLike(t) {
		return true
	}
	_, ok := l.Classify(t)
	return ok
}

// roleName names a role in messages: its title, or the name its grade
// sentence gives when the title is a heading that names no role (a grade
// sentence under "#### Compensation").
func roleName(l *ladder.Ladder, r *model.Role) string {
	if titleLike(l, r.Title) || r.Grade == nil {
		return r.Title
	}
	if s := gradeSubject(r.Grade); s != "" {
		return s
	}
	return r.Title
}
