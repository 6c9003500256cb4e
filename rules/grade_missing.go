package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var gradeMissingRule = &lint.Rule{
	ID:       "grade-missing",
	Title:    "every level has a grade",
	Category: lint.Grades,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A level (a role that is not a specialty or segment of another) needs a grade: \"The <role> is a " +
			"[grade N](...)\", in its Job Grade section or its own text. A Job Grade section whose text gives no " +
			"grade counts as missing. A level without any Job Grade section is reported here only: the default " +
			"`required-sections` policy leaves grades to this rule (a policy file can still ask for the section). A page " +
			"that describes one role and grades it nowhere is one finding; for a title the grade table names itself, the fix " +
			"names the table's grade for it. An executive's page (\"Chief ... Officer\", \"Executive Vice President\") of " +
			"one role that grades it nowhere is not reported by default: the handbook leaves every executive page ungraded, " +
			"and blind judges took each such finding as debatable house practice (option `executives: true` reports them, " +
			"the fix naming the table's grade for the title, its EVP/CXO row).\n\n" +
			"Not reported, as real pages show they are not levels missing a grade: a role that says it has no grade " +
			"(\"does not have a grade\"); a heading that only groups graded levels below it; a second heading with the " +
			"title of a graded level on the page (a repeated or mistyped heading); a family-wide Job Grade section that " +
			"grades the levels together (\"grades 6, 7, 8\"); a grade table whose row names the level by its " +
			"seniority (\"| Senior | Grade 7 |\", also when the row runs past a one-cell header); the family's own overview before its Levels section; a heading " +
			"inside a Performance Indicators, Responsibilities, Requirements or Hiring Process section; a heading " +
			"among the specialties of its own section, at their depth (a specialty the parser could not tell from a level; " +
			"the last level of a Levels section is not among those of a Specialties section further down); and headings that " +
			"do not name a role (\"Role\", \"Compensation\"); a deprecated level, a level that holds only placeholders and " +
			"an acting rotation (`required-sections` reports those once).\n\n" +
			"Also reported: a role filed under Specialties whose title carries another seniority than the level it " +
			"refines, for the same function (\"Senior Manager, Support\" among the specialties of \"Manager, Support\"), " +
			"without a grade: it is a level, and a level needs a grade.\n\n" +
			"A page that is itself one role (its Responsibilities and Requirements at the page level, no level heading, " +
			"at most segments or specialties of it) and gives no grade anywhere, nor says it has none, is reported once, " +
			"on its title (\"Area Vice President, Commercial Sales\" with only a segment below). A deprecated or acting " +
			"title, or sections that only hold placeholders, are not.\n\n" +
			"Seats on the board (option `ungraded_titles`: by default a title naming a board member, director or chair " +
			"of the board) are not jobs of the company the grade table grades (its top row is the CEO, who reports to " +
			"the board): such a page or role is not reported.",
		Bad: "---\ntitle: Security Analyst\n---\n\n## Senior Security Analyst\n\n### Responsibilities\n\n- Triage alerts\n",
		Good: "---\ntitle: Security Analyst\n---\n\n## Senior Security Analyst\n\n### Job Grade\n\n" +
			"The Senior Security Analyst is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Responsibilities\n\n- Triage alerts\n",
		Options: []lint.OptionDoc{
			{Name: "executives", Default: "false",
				Text: "Report an executive's page (\"Chief ... Officer\", \"Executive Vice President\") that describes one role and grades it nowhere."},
			{Name: "ungraded_titles", Default: "board member, director or chair; member, director or chair of the board; board of directors",
				Text: "Regular expressions (case-insensitive) of titles that carry no grade: such a page or role is not reported."},
		},
	},
	Options: func() any {
		return &gradeMissingOptions{UngradedTitles: []string{`\bboard\s+(?:member|director|chair)`, `\b(?:member|director|chair(?:man|woman|person)?)\s+of\s+the\s+board\b`, `\bboard\s+of\s+directors\b`}}
	},
	Check: checkGradeMissing,
}

type gradeMissingOptions struct {
	// Executives: report an executive's page of one role that grades it
	// nowhere (by default not: the handbook leaves them ungraded)
	Executives bool `yaml:"executives"`
	// UngradedTitles are regular expressions (case-insensitive) of titles
	// that carry no grade: seats on the board, above the grade table.
	UngradedTitles []string `yaml:"ungraded_titles"`
}

// ungradedTitles compiles the option's patterns (a bad one is skipped),
// once a run for each list of patterns: they were compiled again for
// every page (19 million instructions of the 1-copy workload's 146 pages).
func (o *gradeMissingOptions) ungradedTitles() []*regexp.Regexp {
	var b strings.Builder
	for _, pat := range o.UngradedTitles {
		b.WriteString(strconv.Itoa(len(pat)))
		b.WriteByte(':')
		b.WriteString(pat)
	}
	key := b.String()
	if out, ok := ungradedTitlesCompiled.Load(key); ok {
		return out.([]*regexp.Regexp)
	}
	var out []*regexp.Regexp
	for _, pat := range o.UngradedTitles {
		if re, err := regexp.Compile("(?i)" + pat); err == nil {
			out = append(out, re)
		}
	}
	ungradedTitlesCompiled.Store(key, out)
	return out
}

// ungradedTitlesCompiled holds ungradedTitles' expressions by their
// patterns, each written after its length (one key a list).
var ungradedTitlesCompiled sync.Map

func init() { lint.Register(gradeMissingRule) }

func checkGradeMissing(p *lint.Pass) {
	f := p.File
	l := gradeLadder(p.Env, p.Config)
	opts := lint.Options[gradeMissingOptions](p.Options)
	ungraded := opts.ungradedTitles()
	if familyGraded(f) {
		return
	}
	if sp, ok := ungradedPageRole(l, f, p.Config); ok {
		if matchesAny(ungraded, f.Title) || !opts.Executives && gradeExecutiveRE.MatchString(f.Title) {
			return
		}
		grade, row := pageRoleTableGrade(p, l, f.Title)
		msg := fmt.Sprintf("%s has no grade: the page describes one role and grades it nowhere: add a Job Grade section with \"The %s is a [grade %s](%s).\"%s",
			f.Title, f.Title, grade, p.Config.Grades.Table, row)
		// the page's role has no heading, so no Role in the model: the
		// finding names it by the page's title
		page := &model.Role{Title: f.Title, TitleSpan: sp, Kind: model.KindLevel, Span: model.Span{Start: 0, End: len(f.Source.Text)}}
		p.Report(lint.Diagnostic{Span: sp, Role: page, Message: msg, Subject: "no grade"})
		return
	}
	graded := map[string]bool{}
	for _, r := range f.Roles {
		if r.Grade != nil {
			graded[model.NormalizeTitle(r.Title)] = true
		}
	}
	levels := f.Section(model.SecLevels)
	for _, r := range f.Roles {
		if base, ok := levelAsSpecialty(l, f, r); ok {
			p.Report(lint.Diagnostic{Span: roleTitleSpan(r), Role: r, Subject: "no grade",
				Message: fmt.Sprintf("%s is filed under Specialties but is another level than %s (%s): as a level it needs a grade: add \"The %s is a [grade N](%s).\"",
					r.Title, base.Title, seniorityPair(l, r.Title, base.Title), r.Title, p.Config.Grades.Table)})
		}
	}
	for _, r := range f.Roles {
		if r.Kind != model.KindLevel || r.Grade != nil || r.NoGrade != nil || r.SharesWith != nil || r.Status != "" || matchesAny(ungraded, r.Title) {
			continue
		}
		switch {
		case !titleLike(l, r.Title):
		case graded[model.NormalizeTitle(r.Title)]:
		case groupsGraded(f, r):
		case levels != nil && r.Placement == "" && r.Span.Start < levels.Span.Start && hasGradedIn(f, string(model.SecLevels)):
			// the family's overview before its Levels
		case underRoleSection(f, r):
		case besideSpecialty(f, r):
		case gradedInTable(l, f, r):
		default:
			msg := fmt.Sprintf("%s has no grade: add \"The %s is a [grade N](%s).\"", r.Title, r.Title, p.Config.Grades.Table)
			if sec := r.Section(model.SecJobGrade); sec != nil {
				msg = fmt.Sprintf("%s has a Job Grade section without a grade: write \"The %s is a [grade N](%s).\"", r.Title, r.Title, p.Config.Grades.Table)
			}
			p.Report(lint.Diagnostic{Span: roleTitleSpan(r), Role: r, Message: msg, Subject: "no grade"})
		}
	}
}

// gradeListRE finds a list of grades: "grades: [6, 7, 8]", "grades 9 and 10".
var gradeListRE = regexp.MustCompile(`(?i)\bgrades?\b[^.]*?\d+\]?\s*(?:,|\band\b|\bor\b|-|–|\bto\b)\s*\[?\d+`)

// familyGraded reports whether the family grades its levels together in a
// family-level Job Grade section ("The roles described below are grades 6,
// 7, 8").
// gradeExecutiveRE matches an executive's title ("Chief People Officer",
// "Executive VP of Engineering"), which the grade table ranks in a row of
// its own (EVP/CXO).
var gradeExecutiveRE = regexp.MustCompile(`(?i)^\s*(?:chief\b.*\bofficer\b|executive\s+vice\s+president\b|evp\b)`)

// pageRoleTableGrade returns the grade the handbook's grade table gives a
// page's one role, when it gives exactly one ("Chief People Officer": the
// table's EVP/CXO row, grade 14), with a note naming that row; else "N".
func pageRoleTableGrade(p *lint.Pass, l *ladder.Ladder, title string) (string, string) {
	pl, ok := l.Classify(title)
	if !ok {
		return "N", ""
	}
	tables := gradeTablesOf(p.Env, p.Config).forFile(p.File)
	if len(tables) == 0 {
		return "N", ""
	}
	gs := tables[0].Grades(pl)
	if len(gs) != 1 || !tables[0].Names(pl) && !gradeExecutiveRE.MatchString(title) {
		return "N", ""
	}
	g := strconv.FormatFloat(gs[0], 'f', -1, 64)
	return g, fmt.Sprintf(" (grade %s is the grade table's for this title)", g)
}

func familyGraded(f *model.Family) bool {
	for _, s := range f.Sections {
		if s.Kind != model.SecJobGrade {
			continue
		}
		for _, b := range s.Paragraphs {
			if gradeListRE.MatchString(b.Text) {
				return true
			}
		}
	}
	return false
}

// groupsGraded reports whether a graded level sits inside r's span: r is a
// heading over levels, not a level.
func groupsGraded(f *model.Family, r *model.Role) bool {
	for _, o := range f.Roles {
		if o != r && o.Grade != nil && o.Span.Start > r.Span.Start && o.Span.Start < r.Span.End {
			return true
		}
	}
	return false
}

// hasGradedIn reports whether a graded role sits in the given container.
func hasGradedIn(f *model.Family, placement string) bool {
	for _, r := range f.Roles {
		if r.Grade != nil && r.Placement == placement {
			return true
		}
	}
	return false
}

// underRoleSection reports whether r's heading sits inside a section that
// holds no roles (Performance Indicators, Hiring Process, ...): a
// subheading there names the role the text is about, not a level.
func underRoleSection(f *model.Family, r *model.Role) bool {
	if r.Heading == nil {
		return false
	}
	var parent *model.Heading
	for _, h := range f.Headings {
		if h.Span.Start >= r.Heading.Span.Start {
			break
		}
		if h.Level < r.Heading.Level {
			parent = h
		}
	}
	if parent == nil || parent.Section == nil {
		return false
	}
	switch parent.Section.Kind {
	case model.SecPerformance, model.SecHiringProcess, model.SecResponsibilities, model.SecRequirements,
		model.SecNiceToHaves, model.SecCareerLadder:
		return true
	}
	return false
}

// besideSpecialty reports whether the role before or after r, at r's
// heading depth, is a specialty: r is one of a list of specialties.
func besideSpecialty(f *model.Family, r *model.Role) bool {
	if r.Heading == nil {
		return false
	}
	for i, o := range f.Roles {
		if o != r {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(f.Roles) {
				continue
			}
			n := f.Roles[j]
			// among them: in the same container, not the last level of a
			// Levels section beside the first specialty of a Specialties
			// section further down
			if n.Heading != nil && n.Heading.Level == r.Heading.Level && n.Kind == model.KindSpecialty && n.Placement == r.Placement {
				return true
			}
		}
	}
	return false
}

// gradedInTable reports whether a table on the page grades r's seniority:
// a row with a grade ("Grade 7", or a number alone) and a cell that names
// r's place on the ladder ("| Senior | Grade 7 |" for "Senior Technical
// Architect").
func gradedInTable(l *ladder.Ladder, f *model.Family, r *model.Role) bool {
	pr, ok := l.Classify(r.Title)
	if !ok {
		return false
	}
	for _, t := range f.Tables {
		for _, row := range t.Rows {
			graded, named := false, false
			for _, c := range row {
				if tableGradeRE.MatchString(c.Text) {
					graded = true
				} else if pc, ok := l.Classify(c.Text); ok && pc.Same(pr) && ladder.Related(pc.Stem, pr.Stem) {
					named = true
				}
			}
			// a row longer than its header ("| Professional Services
			// Technical Architect |" over "| [Senior](...) | [Grade 7](...) |"):
			// the parser keeps the header's one cell; the grade is on the line
			if named && !graded && len(row) == 1 {
				src := f.Source.Text
				end := row[0].Span.End
				for end < len(src) && src[end] != '\n' {
					end++
				}
				graded = rowGradeRE.Match(src[row[0].Span.End:end])
			}
			if graded && named {
				return true
			}
		}
	}
	return false
}

// rowGradeRE is a further cell of a table row, written after the cells the
// header allows, that gives a grade ("| [Grade 7](...) |").
var rowGradeRE = regexp.MustCompile(`(?i)\|\s*\[?\s*grade\s*#?\d+(?:\.\d+)?\s*\]?(?:\([^)]*\))?\s*\|`)

// tableGradeRE is a table cell that gives a grade.
var tableGradeRE = regexp.MustCompile(`(?i)^\s*(?:grade\s*)?#?\d+(?:\.\d+)?\s*$`)

// levelAsSpecialty reports whether an ungraded role filed under
// Specialties is a level of the family: its title carries a seniority
// keyword other than its base level's, for the same function ("Senior
// Manager, Support" under the Specialties of "Manager, Support"). It
// returns the base level.
func levelAsSpecialty(l *ladder.Ladder, f *model.Family, r *model.Role) (*model.Role, bool) {
	if r.Kind != model.KindSpecialty || r.Placement != string(model.SecSpecialties) || r.Grade != nil || r.NoGrade != nil || r.SharesWith != nil || r.Status != "" || r.Base == "" {
		return nil, false
	}
	pr, ok := l.Classify(r.Title)
	if !ok || pr.Implied || pr.Ambiguous {
		return nil, false
	}
	var base *model.Role
	for _, o := range f.Roles {
		if o != r && o.Kind == model.KindLevel && o.Grade != nil && strings.EqualFold(strings.TrimSpace(o.Title), strings.TrimSpace(r.Base)) {
			base = o
			break
		}
	}
	if base == nil {
		return nil, false
	}
	pb, ok := l.Classify(base.Title)
	if !ok || pb.Ambiguous || pr.Same(pb) || pr.Stem == "" || !ladder.Related(pr.Stem, pb.Stem) {
		return nil, false
	}
	return base, true
}

// seniorityPair names two titles' places for a message: "Senior Manager, not Manager".
func seniorityPair(l *ladder.Ladder, a, b string) string {
	pa, _ := l.Classify(a)
	pb, _ := l.Classify(b)
	return pa.Label + ", not " + pb.Label
}

// gradeMentionRE is a grade written anywhere, in whatever form
// ("grade 10", "grade #7", "Job Grade 12"): grade-format's to judge.
var gradeMentionRE = regexp.MustCompile(`(?i)\bgrades?\s*(?:#|:|of|level)?\s*\[?\d`)

// ungradedPageRole reports whether the page is itself one role, without a
// grade anywhere: no level of its own (at most segments or specialties of
// the page's role), the role's Responsibilities and Requirements written
// at the page level, and no grade, Job Grade section or "does not have a
// grade" on the page ("Area Vice President, Commercial Sales" with its
// segment). It returns where to report: the title.
func ungradedPageRole(l *ladder.Ladder, f *model.Family, cfg *lint.Config) (model.Span, bool) {
	if f.Title == "" || !titleLike(l, f.Title) || model.StatusOfTitle(f.Title) != "" {
		return model.Span{}, false
	}
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel || r.Grade != nil || r.NoGrade != nil || r.Status != "" {
			return model.Span{}, false
		}
	}
	resp, req := false, false
	for _, sec := range f.Sections {
		switch sec.Kind {
		case model.SecResponsibilities:
			resp = resp || !placeholderOnly(sec)
		case model.SecRequirements:
			req = req || !placeholderOnly(sec)
		case model.SecJobGrade, model.SecLevels:
			return model.Span{}, false
		}
	}
	if !resp || !req || familyGraded(f) {
		return model.Span{}, false
	}
	for _, b := range f.Blocks {
		// gradeMentionRE's "grade" folds from no letter past ASCII
		if model.ContainsFold(b.Text, "grade") && gradeMentionRE.MatchString(b.Text) || model.SaysNoGrade(b.Text) || model.SaysDeprecated(b.Text) {
			return model.Span{}, false
		}
	}
	// a link to the grade table gives a grade, however it is written
	// ("is a [10](...#gitlab-job-grades)")
	for _, lk := range f.Links {
		if cfg.Grades.Table != "" && gradeTableMatch(cfg, lk) == tableYes {
			return model.Span{}, false
		}
	}
	if f.FrontMatter != nil {
		if sp := f.FrontMatter.NodeSpan(f.FrontMatter.Value("title")); sp.Valid() {
			return sp, true
		}
	}
	for _, h := range f.Headings {
		return h.TextSpan, true
	}
	return model.Span{}, false
}

// placeholderOnly reports whether a section holds nothing but placeholders
// ("To be defined at time of business need"), or nothing at all.
func placeholderOnly(sec *model.Section) bool {
	for _, b := range sec.Bullets {
		if strings.TrimSpace(b.Text) != "" && !model.IsPlaceholder(b.Text) {
			return false
		}
	}
	for _, b := range sec.Paragraphs {
		if strings.TrimSpace(b.Text) != "" && !model.IsPlaceholder(b.Text) {
			return false
		}
	}
	return true
}
