package rules

import (
	"fmt"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var gradeConsistencyRule = &lint.Rule{
	ID:       "grade-consistency",
	Title:    "the same title, or the same seniority in a track, has the same grade across the handbook",
	Category: lint.Grades,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "Runs over all linted pages at once. Two checks:\n\n" +
			"- **Same title, different grade.** A title graded differently on two pages (\"Senior Backend Engineer\" a " +
			"grade 7 on one, 8 on another) is reported on each page, naming the other pages and their grades. Titles " +
			"are compared normalised: case, punctuation, \"Sr.\" and \"Vice President\" spellings, word order of the " +
			"seniority keyword (\"Backend Engineer (Intermediate)\" is \"Intermediate Backend Engineer\" is \"Backend " +
			"Engineer\"), and parenthesised specialty qualifiers are dropped. A bare level heading (\"### Senior\") is compared by the " +
			"title its grade sentence gives.\n" +
			"- **Grades off the family's grade table** (info, at most once per family). The handbook's grade tables are " +
			"data: by default they are read from the page the family's grade link names (resolved through the link " +
			"index; `grades.table`), every table below the heading its fragment names, each named by the heading above " +
			"it, its rows a grade and the management and individual-contributor titles it holds (cells split at `<br>`). " +
			"`grades.tables` (or a YAML file, `grades.tables_file`) gives them in the config instead. A family is checked " +
			"against the table whose `folders` (or `grades.table_folders`) name its path, else, among the tables no folders tie down, the table its grades fit " +
			"best, the first one on a tie. A title the table names itself (\"Senior Product Manager\") takes that row, " +
			"other titles their seniority's row; levels graded otherwise are listed in one finding that names the table, " +
			"and says so when they are all offset by the same amount. Unless the table names the title itself, officer titles " +
			"that would take an individual-contributor row (\"Principal Accounting Officer\": an appointment, not the " +
			"Principal step) and levels whose grade sentence names another seniority than their heading (that is " +
			"`grade-title-mismatch`'s finding) are not compared with the table, nor are levels whose title names a segment " +
			"of a table that grades individual contributors by segment (\"Senior Account Executive, SMB\").\n" +
			"- **Unusual grade for a seniority** (info, at most once per family), for families no grade table is found " +
			"for. Per track step (see `grade-order`), the grades of all titles " +
			"that carry the step's keyword are counted, each title once. When at least `min_titles` titles hold the " +
			"step and one grade holds at least `min_share` of them, a title graded otherwise is reported with the " +
			"handbook's distribution: a Director at grade 9 where nearly all Directors are 10. Titles without a " +
			"keyword (implied Intermediate), and titles that could sit on two tracks (\"Senior Brand Manager\": a senior " +
			"individual contributor or a senior people manager), are left out.\n\n" +
			"Lint the whole handbook for these checks to mean anything: on a few files there is little to compare.",
		Bad: "<!-- content/job-families/engineering/backend.md -->\n## Senior Backend Engineer\n\n### Job Grade\n\n" +
			"The Senior Backend Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"<!-- content/job-families/engineering/backend/senior.md -->\n## Senior Backend Engineer\n\n### Job Grade\n\n" +
			"The Senior Backend Engineer is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Good: "<!-- content/job-families/engineering/backend.md -->\n## Senior Backend Engineer\n\n### Job Grade\n\n" +
			"The Senior Backend Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"<!-- content/job-families/engineering/backend/senior.md -->\n## Senior Backend Engineer\n\n### Job Grade\n\n" +
			"The Senior Backend Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Excerpt: true,
		Options: []lint.OptionDoc{
			{Name: "min_titles", Default: "8", Text: "Fewest distinct titles at a step for its distribution to count."},
			{Name: "min_share", Default: "0.75", Text: "Share of those titles the usual grade must hold."},
			{Name: "distribution", Default: "true", Text: "Report grades off the family's grade table, or unusual for their seniority (info)."},
		},
	},
	Options: func() any { return &gradeConsistencyOptions{MinTitles: 8, MinShare: 0.75, Distribution: true} },
	Validate: func(o any) error {
		opts := o.(*gradeConsistencyOptions)
		if opts.MinShare <= 0 || opts.MinShare > 1 {
			return fmt.Errorf("min_share must be above 0 and at most 1")
		}
		if opts.MinTitles < 1 {
			return fmt.Errorf("min_titles must be at least 1")
		}
		return nil
	},
	CheckAll:   checkGradeConsistency,
	SlimModels: true, // reads roles and grades
	// what the other pages' findings need of a page: its graded titles
	Collect: func(p *lint.Pass) any {
		return &gradePage{ts: pageGrades(gradeLadder(p.Env, p.Config), p.File), unreported: p.Unreported}
	},
	EncodeSummary: encodeGradePage,
	DecodeSummary: decodeGradePage,
}

type gradeConsistencyOptions struct {
	MinTitles    int     `yaml:"min_titles"`
	MinShare     float64 `yaml:"min_share"`
	Distribution bool    `yaml:"distribution"`
}

func init() { lint.Register(gradeConsistencyRule) }

// titleGrade is one graded role of the handbook.
type titleGrade struct {
	file  *model.Family
	g     gradedRole
	key   string // the normalised title
	grade string // the grade as text, "11 to 12" for a range
}

func checkGradeConsistency(p *lint.SetPass) {
	opts := lint.Options[gradeConsistencyOptions](p.Options)
	l := gradeLadder(p.Env, p.Config)
	var all []titleGrade
	for _, f := range p.Files {
		gp, ok := p.Summary(f).(*gradePage)
		if !ok {
			gp = &gradePage{ts: pageGrades(l, f)}
		}
		for _, t := range gp.ts {
			t.file = f
			all = append(all, t)
		}
	}
	sameTitle(p, all)
	if !opts.Distribution {
		return
	}
	// Each family against its grade table; the handbook's own distribution
	// for the families no table is found for.
	tables := gradeTablesOf(p.Env, p.Config)
	var rest []titleGrade
	byFile := map[*model.Family][]titleGrade{}
	for _, t := range all {
		byFile[t.file] = append(byFile[t.file], t)
	}
	for _, f := range p.Files {
		ts := byFile[f]
		if len(ts) == 0 {
			continue
		}
		roles := make([]gradedRole, len(ts))
		for i, t := range ts {
			roles[i] = t.g
		}
		if table := tables.familyTable(f, roles); table != nil {
			tableOffset(p, l, table, tables.forFile(f), ts)
			continue
		}
		rest = append(rest, ts...)
	}
	distribution(p, l, opts, rest, all)
}

// gradePage is grade-consistency's per-file stage: the page's graded
// titles.
type gradePage struct {
	ts []titleGrade // file: the merge stage sets it
	// unreported: collected for a page whose findings are not reported,
	// the only summary the cache keeps (a decoded one has no spans)
	unreported bool
}

// pageGrades returns a page's graded titles, as the merge stage compares
// them.
func pageGrades(l *ladder.Ladder, f *model.Family) []titleGrade {
	var out []titleGrade
	for _, g := range gradedRoles(l, f) {
		if !g.placed || !titleLike(l, g.title) {
			continue
		}
		out = append(out, titleGrade{file: f, g: g, key: titleKey(g.place), grade: gradeText(g.role.Grade)})
	}
	return out
}

// encodeGradePage keeps the summary of an unreported page: of each graded
// title, what the merge stage reads.
func encodeGradePage(v any) ([]byte, bool) {
	gp, ok := v.(*gradePage)
	if !ok || !gp.unreported {
		return nil, false
	}
	var w summaryWriter
	w.uint(uint64(len(gp.ts)))
	for _, t := range gp.ts {
		w.str(t.key)
		w.str(t.grade)
		w.str(t.g.title)
		w.str(t.g.role.Title)
		writePlace(&w, t.g.place)
		w.bool(t.g.placed)
		w.bool(t.g.otherStep)
		w.float(t.g.lo)
		w.float(t.g.hi)
		w.str(t.g.segment)
	}
	return w.b, true
}

// decodeGradePage reads what encodeGradePage wrote. A role there has its
// title and a grade without a position: the findings on the page, which
// would need them, are not reported.
func decodeGradePage(_ *lint.Env, b []byte) (any, error) {
	r := summaryReader{b: b}
	gp := &gradePage{ts: make([]titleGrade, r.count(8)), unreported: true}
	for i := range gp.ts {
		t := &gp.ts[i]
		t.key, t.grade, t.g.title = r.str(), r.str(), r.str()
		t.g.role = &model.Role{Title: r.str()}
		t.g.place = readPlace(&r, 0)
		t.g.placed, t.g.otherStep = r.bool(), r.bool()
		t.g.lo, t.g.hi = r.float(), r.float()
		t.g.segment = r.str()
		lo, hi := t.g.lo, t.g.hi
		t.g.role.Grade = &model.Grade{Raw: t.grade, Number: &lo, Max: &hi}
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("grade-consistency: %w", err)
	}
	return gp, nil
}

// writePlace writes a place on the ladder, and where it would loosely sit.
func writePlace(w *summaryWriter, p ladder.Place) {
	w.int(p.Track)
	w.int(p.Step)
	w.str(p.Name)
	w.str(p.Keyword)
	w.bool(p.Implied)
	w.int(p.Sub)
	w.str(p.Label)
	w.str(p.Stem)
	w.bool(p.Ambiguous)
	w.bool(p.Loose != nil)
	if p.Loose != nil {
		writePlace(w, *p.Loose)
	}
}

// readPlace reads what writePlace wrote.
func readPlace(r *summaryReader, depth int) ladder.Place {
	var p ladder.Place
	p.Track, p.Step, p.Name, p.Keyword, p.Implied = r.int(), r.int(), r.str(), r.str(), r.bool()
	p.Sub, p.Label, p.Stem, p.Ambiguous = r.int(), r.str(), r.str(), r.bool()
	if r.bool() {
		if depth > 2 {
			r.fail()
			return p
		}
		loose := readPlace(r, depth+1)
		p.Loose = &loose
	}
	return p
}

// tableOffset reports, once per family (info), the levels its grade table
// grades otherwise, naming the table.
func tableOffset(p *lint.SetPass, l *ladder.Ladder, table *ladder.Table, all []*ladder.Table, ts []titleGrade) {
	var parts []string
	var first *titleGrade
	offsets := map[float64]bool{}
	for i := range ts {
		t := &ts[i]
		if !tableChecks(table, t.g) || table.Holds(t.g.place, t.g.lo) || namesSegment(all, t.g.role.Title) {
			continue
		}
		gs := table.Grades(t.g.place)
		if first == nil {
			first = t
		}
		want := make([]string, len(gs))
		for k, g := range gs {
			want[k] = formatNumber(g)
			offsets[t.g.lo-g] = true
		}
		if len(gs) > 1 {
			offsets[0.5] = true // no single offset
		}
		parts = append(parts, fmt.Sprintf("%s is a grade %s where the table has %s at %s",
			t.g.role.Title, t.grade, stepName(l, t.g.place), strings.Join(want, " or ")))
	}
	if first == nil {
		return
	}
	where := table.Source
	if table.Line > 0 {
		where = fmt.Sprintf("%s, line %d", where, table.Line)
	}
	msg := fmt.Sprintf("grades differ from the %q grade table (%s): %s", table.Name, where, joinAnd(limitList(parts, 3)))
	if len(offsets) == 1 && len(parts) > 1 {
		for o := range offsets {
			msg = fmt.Sprintf("grades are offset by %+g from the %q grade table (%s): %s", o, table.Name, where, joinAnd(limitList(parts, 3)))
		}
	}
	p.Report(lint.Diagnostic{
		File:     first.file,
		Span:     first.g.role.Grade.Span,
		Role:     first.g.role,
		Message:  msg,
		Subject:  "table " + table.Name,
		Severity: lint.Info,
	})
}

// limitList keeps the first n items and counts the rest.
func limitList(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(append([]string(nil), items[:n]...), fmt.Sprintf("%d more", len(items)-n))
}

// titleKey normalises a placed title: its keyword and its stem, so that
// "Backend Engineer", "Intermediate Backend Engineer" and "Backend Engineer
// (Intermediate)" are one title.
func titleKey(pl ladder.Place) string {
	return strings.ToLower(pl.Label) + " | " + pl.Stem
}

// sameTitle reports a title graded differently in different files.
func sameTitle(p *lint.SetPass, all []titleGrade) {
	byKey := map[string][]titleGrade{}
	for _, t := range all {
		if t.g.place.Stem == "" {
			continue // a bare "Senior": no title to compare
		}
		byKey[t.key] = append(byKey[t.key], t)
	}
	for _, ts := range byKey {
		for _, t := range ts {
			var others []string
			seen := map[string]bool{}
			for _, o := range ts {
				if o.file == t.file || o.grade == t.grade {
					continue
				}
				s := fmt.Sprintf("a grade %s in %s", o.grade, o.file.Path)
				if !seen[s] {
					seen[s] = true
					others = append(others, s)
				}
			}
			if len(others) == 0 {
				continue
			}
			sort.Strings(others)
			if len(others) > 3 {
				others = append(others[:3], fmt.Sprintf("%d more", len(others)-3))
			}
			p.Report(lint.Diagnostic{
				File:    t.file,
				Span:    t.g.role.Grade.Span,
				Role:    t.g.role,
				Message: fmt.Sprintf("%s is a grade %s here but %s", t.g.role.Title, t.grade, joinAnd(others)),
				Subject: "title " + t.key + " | " + t.grade,
			})
		}
	}
}

// stepKey names a track step, sub-step included.
type stepKey struct{ track, step, sub int }

// distribution reports a title whose grade differs from what the handbook
// usually gives its seniority.
func distribution(p *lint.SetPass, l *ladder.Ladder, opts *gradeConsistencyOptions, check, all []titleGrade) {
	type count struct {
		grade  string
		titles int
	}
	titles := map[stepKey]map[string]map[string]bool{} // step -> grade -> title keys
	for _, t := range all {
		pl := t.g.place
		if pl.Implied || pl.Ambiguous || t.g.hi != t.g.lo || pl.Stem == "" {
			continue
		}
		k := stepKey{pl.Track, pl.Step, pl.Sub}
		if titles[k] == nil {
			titles[k] = map[string]map[string]bool{}
		}
		if titles[k][t.grade] == nil {
			titles[k][t.grade] = map[string]bool{}
		}
		titles[k][t.grade][t.key] = true
	}
	usual := map[stepKey]string{}
	summary := map[stepKey]string{}
	for k, byGrade := range titles {
		var cs []count
		total := 0
		for g, ts := range byGrade {
			cs = append(cs, count{g, len(ts)})
			total += len(ts)
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].titles != cs[j].titles {
				return cs[i].titles > cs[j].titles
			}
			return cs[i].grade < cs[j].grade
		})
		if total < opts.MinTitles || float64(cs[0].titles) < opts.MinShare*float64(total) {
			continue
		}
		usual[k] = cs[0].grade
		var parts []string
		for _, c := range cs {
			unit := "titles"
			if c.titles == 1 {
				unit = "title"
			}
			parts = append(parts, fmt.Sprintf("grade %s (%d %s)", c.grade, c.titles, unit))
		}
		summary[k] = strings.Join(parts, ", ")
	}
	// one finding a family, on its first unusual grade
	reported := map[*model.Family]bool{}
	for _, t := range check {
		pl := t.g.place
		k := stepKey{pl.Track, pl.Step, pl.Sub}
		u, ok := usual[k]
		if !ok || pl.Implied || pl.Ambiguous || t.g.hi != t.g.lo || pl.Stem == "" || t.grade == u || reported[t.file] {
			continue
		}
		reported[t.file] = true
		p.Report(lint.Diagnostic{
			File: t.file,
			Span: t.g.role.Grade.Span,
			Role: t.g.role,
			Message: fmt.Sprintf("%s is a grade %s, where %s titles (%s track) are usually a grade %s: %s",
				t.g.role.Title, t.grade, stepName(l, pl), pl.Name, u, summary[k]),
			Subject:  "seniority " + t.key + " | " + t.grade,
			Severity: lint.Info,
		})
	}
}

// stepName names a place's step for messages: "Director", "Senior Principal".
func stepName(l *ladder.Ladder, pl ladder.Place) string {
	name := l.StepLabel(pl.Track, pl.Step)
	if pl.Sub > 0 {
		return pl.Label
	}
	return name
}

// namesSegment reports whether a title names a sales segment of one of the
// tables ("Senior Account Executive, SMB"): the segment, not the title's
// seniority, grades it, and the ladder cannot place a segment.
func namesSegment(tables []*ladder.Table, title string) bool {
	for _, t := range tables {
		if t.Segment(title) != "" {
			return true
		}
	}
	return false
}
