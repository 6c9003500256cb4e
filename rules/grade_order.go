package rules

import (
	"fmt"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var gradeOrderRule = &lint.Rule{
	ID:       "grade-order",
	Title:    "within a family and track, a more senior level has a higher grade and is listed later",
	Category: lint.Grades,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "Seniority comes from the title's keywords, per track, from `grades.tracks` in the config: by default " +
			"individual contributors Intern/Apprentice < Associate/Junior < Intermediate < Senior < Staff < Principal < " +
			"Distinguished < Fellow, and managers Associate Manager < Manager < Senior Manager < Director < Senior " +
			"Director < VP < Senior VP < Executive VP/Chief. The most specific keyword wins (\"Senior Director\" over " +
			"\"Director\"); a keyword written `^Manager` counts only at the start of a title, so \"Manager, Data\" and " +
			"\"Backend Engineering Manager\" are managers but \"Product Manager\" is a function title on the individual " +
			"track. A title without a keyword (\"Backend Engineer\") is Intermediate; \"Senior Principal\" sits above " +
			"Principal and below Distinguished.\n\n" +
			"Within one page, two levels are compared when they are on the same track and their titles name the same " +
			"function: the words left after the keywords are the same, or one's are all among the other's " +
			"(\"Manager, Accounting\" and \"Director, Accounting and External Reporting\"). So two ladders on one page, " +
			"or a Staff engineer and a Manager both at grade 8, are never compared; nor are levels of different sales " +
			"segments (\"Senior Account Executive, SMB\" and \"Enterprise Account Executive\"), the segments being the " +
			"individual-contributor titles of a grade table that grades them by segment (the Sales table's Enterprise, " +
			"Mid Market, SMB). Specialties share their level's " +
			"grade and are not compared.\n\n" +
			"A more senior level must have a strictly higher grade (option `allow_equal`), unless the family's grade table " +
			"puts both at that grade (see `grade-consistency` for how the tables are read and chosen: the Sales table " +
			"grades a Manager and a Senior Manager alike), one of the tables names the levels' function at that grade whatever " +
			"their seniority (\"Alliance Business Development Manager\" at 8, singular or plural), both name one segment of a " +
			"table that grades individual contributors by segment and the table's row for it is that grade (the Sales " +
			"table's Enterprise at 8: an Enterprise Account Executive and a Senior one may both be 8), or the table that fits " +
			"their own ladder grades their track by segment rather than seniority (the Sales table's individual " +
			"contributors: Enterprise, Mid Market) and names neither. A clash with a more senior level listed above " +
			"(the family's base role described first) is reported on the level listed second. The policy lists levels " +
			"in ascending order: a level listed after a more senior one of its ladder is reported (option `order`), except " +
			"after the family's base role described first, when the levels follow under a heading of their own (\"## " +
			"Community Advocate\", then \"## Levels\" with \"### Junior Community Advocate\"). " +
			"Messages name both roles and their grades.",
		Bad: "---\ntitle: Accounting\n---\n\n## Manager, Accounting\n\n### Job Grade\n\n" +
			"The Manager, Accounting is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"## Senior Manager, Accounting\n\n### Job Grade\n\n" +
			"The Senior Manager, Accounting is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Good: "---\ntitle: Accounting\n---\n\n## Manager, Accounting\n\n### Job Grade\n\n" +
			"The Manager, Accounting is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"## Senior Manager, Accounting\n\n### Job Grade\n\n" +
			"The Senior Manager, Accounting is a [grade 9](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Options: []lint.OptionDoc{
			{Name: "allow_equal", Default: "false", Text: "Allow a more senior level the same grade as a less senior one (some sales ladders do this on purpose)."},
			{Name: "order", Default: "true", Text: "Report levels listed out of ascending order."},
		},
	},
	Options: func() any { return &gradeOrderOptions{Order: true} },
	Check:   checkGradeOrder,
}

type gradeOrderOptions struct {
	AllowEqual bool `yaml:"allow_equal"`
	Order      bool `yaml:"order"`
}

func init() { lint.Register(gradeOrderRule) }

func checkGradeOrder(p *lint.Pass) {
	opts := lint.Options[gradeOrderOptions](p.Options)
	l := gradeLadder(p.Env, p.Config)
	roles := gradedRoles(l, p.File)
	var table *ladder.Table
	var tables []*ladder.Table
	gt := gradeTablesOf(p.Env, p.Config)
	if len(roles) > 1 {
		table, tables = gt.familyTable(p.File, roles), gt.forFile(p.File)
	}
	// segments of one seniority (SMB, Mid Market, Enterprise, as a table
	// that grades individual contributors by segment names them) are not
	// steps of a ladder: only levels of the same segment are compared
	for i := range roles {
		for _, t := range tables {
			if seg := t.Segment(roles[i].role.Title); seg != "" {
				roles[i].segment = seg
				break
			}
		}
	}
	idx := newLadderIndex(roles)
	// the table that fits one ladder of the page: its levels alone, those
	// whose function's words are among the others' ("Manager, Channel Sales"
	// and "Senior Channel Sales Manager")
	byStem := map[string]*ladder.Table{}
	ladderTable := func(r gradedRole) *ladder.Table {
		if t, ok := byStem[r.place.Stem]; ok {
			return t
		} else if len(roles) > maxLadderFit {
			return table // no page has that many levels: no second pass over them per ladder
		}
		var own []gradedRole
		for _, o := range roles {
			if o.placed && wordsWithin(o.place.Stem, r.place.Stem) {
				own = append(own, o)
			}
		}
		t := gt.familyTable(p.File, own)
		byStem[r.place.Stem] = t
		return t
	}
	for j := range roles {
		b := &roles[j]
		if !b.placed {
			continue
		}
		// the grade: of the less senior levels of its ladder graded as high or
		// higher, report the highest graded; among equals, the nearest step
		// below, then the first listed
		if i := idx.lessSenior(j); i >= 0 && (roles[i].lo > b.hi || roles[i].lo == b.hi && !opts.AllowEqual && !tableEqual(table, tables, ladderTable, roles[i], *b)) {
			worst := &roles[i]
			var msg string
			at := b.role
			same := b.hi == worst.lo
			if i < j {
				rel := "lower than"
				if same {
					rel = "the same as"
				}
				msg = fmt.Sprintf("%s is a grade %s, %s %s (grade %s), a less senior level (%s < %s)",
					b.role.Title, gradeText(b.role.Grade), rel, worst.role.Title, gradeText(worst.role.Grade),
					worst.place.Label, b.place.Label)
			} else {
				// the less senior level is listed after: the conflict shows
				// there, where the reader meets the second of the two grades
				at = worst.role
				rel := "higher than"
				if same {
					rel = "the same as"
				}
				msg = fmt.Sprintf("%s is a grade %s, %s %s (grade %s) listed above, a more senior level (%s < %s)",
					worst.role.Title, gradeText(worst.role.Grade), rel, b.role.Title, gradeText(b.role.Grade),
					worst.place.Label, b.place.Label)
			}
			p.Report(lint.Diagnostic{
				Span:    at.Grade.Span,
				Role:    at,
				Message: msg,
				Subject: "grade " + b.title + " | " + worst.title,
			})
		}
		if !opts.Order {
			continue
		}
		// the order: the first more senior level of its ladder listed before it
		if i := idx.firstMoreSenior(j); i >= 0 && i < j && !baseBeforeLevels(p.File, roles[i].role, b.role) {
			a := &roles[i]
			p.Report(lint.Diagnostic{
				Span: roleTitleSpan(b.role),
				Role: b.role,
				Message: fmt.Sprintf("%s (grade %s) is listed after the more senior %s (grade %s): list levels in ascending order",
					b.role.Title, gradeText(b.role.Grade), a.role.Title, gradeText(a.role.Grade)),
				Subject: "order " + b.title + " | " + a.title,
			})
		}
	}
}

// baseBeforeLevels reports whether a is the page's base role, described
// first, with the levels listed after it in a section of their own: a
// heading of the base's level that opens no role ("## Levels") stands
// between them, and b's heading is deeper. The levels then refer back to
// the base ("the same responsibilities as the Community Advocate listed
// above"); a Junior listed after it is the layout, not a misordered list.
func baseBeforeLevels(f *model.Family, a, b *model.Role) bool {
	if a.Heading == nil || b.Heading == nil || b.Heading.Level <= a.Heading.Level {
		return false
	}
	first := true
	for _, r := range f.Roles {
		if r.Heading != nil {
			first = r == a
			break
		}
	}
	if !first {
		return false
	}
	for _, h := range f.Headings {
		if h.Span.Start <= a.Heading.Span.Start || h.Span.Start >= b.Heading.Span.Start {
			continue
		}
		if h.Level == a.Heading.Level && (h.Role == nil || h.Role.Heading != h) {
			return true
		}
	}
	return false
}

// roleTitleSpan is where a role is named: its heading text, else its title
// span, else its grade.
func roleTitleSpan(r *model.Role) model.Span {
	switch {
	case r.Heading != nil:
		return r.Heading.TextSpan
	case r.TitleSpan.Valid() && r.TitleSpan.End > r.TitleSpan.Start:
		return r.TitleSpan
	case r.Grade != nil:
		return r.Grade.Span
	}
	return r.Span
}

// tableEqual reports whether the handbook's grade tables put two levels at
// the one grade they share, so that it is no ordering error:
//
//   - the family's table (t) holds both at it: the Sales table grades a
//     Manager and a Senior Manager alike;
//   - one of the page's tables names the levels' function at that grade,
//     whatever their seniority: the Sales table's "Alliance Business
//     Development Manager" at 8 grades its Junior and Senior alike;
//   - both levels name one segment of a table that grades individual
//     contributors by segment, and the table's row for the segment is
//     that grade: the Sales table's Enterprise is grade 8, so an
//     Enterprise Account Executive and a Senior one may both be 8;
//   - the table that fits the levels' own ladder (its levels alone, not the
//     other ladders of the page) does not rank their track by seniority and
//     says nothing of the two: the Sales table grades individual
//     contributors by segment (Enterprise, Mid Market), so an Associate and
//     a Senior Channel Sales Manager may share a grade.
func tableEqual(t *ladder.Table, tables []*ladder.Table, ladderTable func(gradedRole) *ladder.Table, a, b gradedRole) bool {
	if a.lo != a.hi || b.lo != b.hi || a.lo != b.lo {
		return false
	}
	g := a.lo
	if t != nil && t.Holds(a.place, g) && t.Holds(b.place, g) {
		return true
	}
	for _, o := range tables {
		if o.NamesFunction(a.place, g) && o.NamesFunction(b.place, g) {
			return true
		}
		// one segment, graded by segment: the table's row for it is the
		// grade of every seniority in it (Enterprise at 8)
		if a.segment != "" && a.segment == b.segment && o.SegmentHolds(a.segment, g) {
			return true
		}
	}
	if t == nil || a.place.Track != b.place.Track || t.RanksTrack(a.place.Track) && len(tables) < 2 {
		return false
	}
	lt := ladderTable(b)
	return lt != nil && !lt.RanksTrack(a.place.Track) && lt.Grades(a.place) == nil && lt.Grades(b.place) == nil
}

// maxLadderFit bounds the levels of a page for which grade-order fits a
// table to each of its ladders apart.
const maxLadderFit = 400

// wordsWithin reports whether the words of one stem are all among the
// other's, whichever is shorter.
func wordsWithin(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}
