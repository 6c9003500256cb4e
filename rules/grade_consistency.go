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
			"against the table whose `folders` (or `grades.table_folders`) name its path; else the table the page links to by the heading that names it, on the page the tables are read from " +
			"(\"the specific grades are [here](.../compensation-calculator/#customer-success)\" takes the Customer Success table); " +
			"else the table whose `families` its title, " +
			"its levels' titles or its own folder or file name name as whole words (read from the site, a table's note " +
			"\"This table excludes Enterprise Sales, Commercial Sales, Channel Sales, and Sales Development. Grading can be " +
			"seen in the table below.\" gives the table its `excludes` and the table below those `families`: \"Manager, Channel " +
			"Sales\" takes the Sales table, \"Manager, Sales Systems\" does not); else, among the other tables no folders tie " +
			"down and that do not exclude the family, the table its grades fit " +
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
	FewMemos:   true, // Collect reads titles and grades, no block's words
	// what the other pages' findings need of a page: its graded titles
	Collect: func(p *lint.Pass) any {
		gp := &gradePage{ts: pageGrades(gradeLadder(p.Env, p.Config), p.File), unreported: p.Unreported}
		if gp.ts != nil {
			gp.linked = gradeTablesOf(p.Env, p.Config).linkedTable(p.File)
		}
		return gp
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

// titleGrade is one graded role of the handbook, as the merge stage reads
// it: a page keeps one for each of its graded titles until every page is
// read, so it holds only what the merge stage reads (not a gradedRole,
// whose place carries the keyword and a loose place, nor the segment).
type titleGrade struct {
	file  *model.Family // the merge stage sets it
	role  *model.Role
	key   string // the normalised title
	grade string // the grade as text, "11 to 12" for a range
	title string // the title compared (gradedRole.title)
	// of the place: what the tables and the messages read; the stem is
	// the key's last stemLen bytes (the key ends in it). Laid out so that
	// a titleGrade is 136 bytes, not 152: 20,000 of them on a page of
	// 20,000 graded headings, kept until the merge stage
	label, track       string
	tr, step, sub      int32
	stemLen            int32
	implied, ambiguous bool
	otherStep          bool
	lo, hi             float64
}

// stem is the title's stem, the end of its key.
func (t *titleGrade) stem() string { return t.key[len(t.key)-int(t.stemLen):] }

// newTitleGrade keeps of a placed graded role what the merge stage reads.
func newTitleGrade(f *model.Family, g gradedRole) titleGrade {
	key := titleKey(g.place)
	return titleGrade{file: f, role: g.role, key: key, grade: gradeText(g.role.Grade), title: g.title,
		// the key ends in the stem: its length, not the place's copy
		stemLen: int32(len(g.place.Stem)), label: g.place.Label, track: g.place.Name,
		tr: int32(g.place.Track), step: int32(g.place.Step), sub: int32(g.place.Sub),
		lo: g.lo, hi: g.hi, implied: g.place.Implied, ambiguous: g.place.Ambiguous, otherStep: g.otherStep}
}

// place gives back the title's place on the ladder, without the keyword
// that placed it and its loose place, which the merge stage does not read.
func (t *titleGrade) place() ladder.Place {
	return ladder.Place{Track: int(t.tr), Step: int(t.step), Sub: int(t.sub), Name: t.track, Label: t.label,
		Stem: t.stem(), Implied: t.implied, Ambiguous: t.ambiguous}
}

// graded gives back the graded role, as the table checks read it.
func (t *titleGrade) graded() gradedRole {
	return gradedRole{role: t.role, title: t.title, place: t.place(), placed: true, lo: t.lo, hi: t.hi, otherStep: t.otherStep}
}

func checkGradeConsistency(p *lint.SetPass) {
	opts := lint.Options[gradeConsistencyOptions](p.Options)
	l := gradeLadder(p.Env, p.Config)
	// every page's titles, a page's one after another (the page's own
	// slice when only one page has any: no copy of 20,000 titles at 144
	// bytes each, nor a second one by page)
	pages := make([][]titleGrade, len(p.Files))
	n, with := 0, 0
	for i, f := range p.Files {
		gp, ok := p.Summary(f).(*gradePage)
		if !ok {
			gp = &gradePage{ts: pageGrades(l, f)}
		}
		for k := range gp.ts {
			gp.ts[k].file = f
		}
		pages[i] = gp.ts
		if n += len(gp.ts); len(gp.ts) > 0 {
			with++
		}
	}
	var all []titleGrade
	if with == 1 {
		for _, ts := range pages {
			if len(ts) > 0 {
				all = ts
			}
		}
	} else if n > 0 {
		all = make([]titleGrade, 0, n)
		for _, ts := range pages {
			all = append(all, ts...)
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
	restAll := true // rest is all so far: no copy made
	at := 0
	for i, f := range p.Files {
		ts := all[at : at+len(pages[i]) : at+len(pages[i])]
		at += len(pages[i])
		if len(ts) == 0 {
			continue
		}
		roles := make([]gradedRole, len(ts))
		for i := range ts {
			roles[i] = ts[i].graded()
		}
		linked := ""
		if gp, ok := p.Summary(f).(*gradePage); ok {
			linked = gp.linked
		}
		if table := tables.familyTableLinked(f, roles, linked); table != nil {
			tableOffset(p, l, table, tables.forFile(f), ts)
			if restAll {
				rest, restAll = append([]titleGrade(nil), all[:at-len(ts)]...), false
			}
			continue
		}
		if !restAll {
			rest = append(rest, ts...)
		}
	}
	if restAll {
		rest = all
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
	// linked is the anchor of the grade table the page's links name (the
	// merge stage reads slim pages, without links)
	linked string
}

// pageGrades returns a page's graded titles, as the merge stage compares
// them.
func pageGrades(l *ladder.Ladder, f *model.Family) []titleGrade {
	gs := gradedRoles(l, f)
	out := make([]titleGrade, 0, len(gs))
	for _, g := range gs {
		if !g.placed || !titleLike(l, g.title) {
			continue
		}
		out = append(out, newTitleGrade(f, g))
	}
	if len(out) == 0 {
		return nil
	}
	if cap(out) > len(out)+len(out)/4 {
		out = append([]titleGrade(nil), out...) // kept until every page is read: no spare room
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
		w.str(t.title)
		w.str(t.role.Title)
		w.str(t.stem())
		w.str(t.label)
		w.str(t.track)
		w.int(int(t.tr))
		w.int(int(t.step))
		w.int(int(t.sub))
		w.float(t.lo)
		w.float(t.hi)
		w.bool(t.implied)
		w.bool(t.ambiguous)
		w.bool(t.otherStep)
	}
	w.str(gp.linked)
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
		t.key, t.grade, t.title = r.str(), r.str(), r.str()
		t.role = &model.Role{Title: r.str()}
		stem := r.str()
		if !strings.HasSuffix(t.key, stem) {
			return nil, fmt.Errorf("grade-consistency: the stem %q is not the end of the key %q", stem, t.key)
		}
		t.stemLen = int32(len(stem))
		t.label, t.track = r.str(), r.str()
		t.tr, t.step, t.sub = int32(r.int()), int32(r.int()), int32(r.int())
		t.lo, t.hi = r.float(), r.float()
		t.implied, t.ambiguous, t.otherStep = r.bool(), r.bool(), r.bool()
		lo, hi := t.lo, t.hi
		t.role.Grade = &model.Grade{Raw: t.grade, Number: &lo, Max: &hi}
	}
	gp.linked = r.str()
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("grade-consistency: %w", err)
	}
	return gp, nil
}

// tableOffset reports, once per family (info), the levels its grade table
// grades otherwise, naming the table.
func tableOffset(p *lint.SetPass, l *ladder.Ladder, table *ladder.Table, all []*ladder.Table, ts []titleGrade) {
	var parts []string
	var first *titleGrade
	offsets := map[float64]bool{}
	for i := range ts {
		t := &ts[i]
		g := t.graded()
		if !tableChecks(table, g) || table.Holds(g.place, t.lo) || namesSegment(all, t.role.Title) {
			continue
		}
		gs := table.Grades(g.place)
		if first == nil {
			first = t
		}
		want := make([]string, len(gs))
		for k, g := range gs {
			want[k] = formatNumber(g)
			offsets[t.lo-g] = true
		}
		if len(gs) > 1 {
			offsets[0.5] = true // no single offset
		}
		parts = append(parts, fmt.Sprintf("%s is a grade %s where the table has %s at %s",
			t.role.Title, t.grade, stepName(l, g.place), strings.Join(want, " or ")))
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
		Span:     first.role.Grade.Span,
		Role:     first.role,
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
	byKey := map[string][]int32{} // indexes in all: no copy of each title
	for i := range all {
		if all[i].stemLen == 0 {
			continue // a bare "Senior": no title to compare
		}
		byKey[all[i].key] = append(byKey[all[i].key], int32(i))
	}
	for _, is := range byKey {
		if len(is) < 2 {
			continue // a title graded once: nothing to compare
		}
		for _, ti := range is {
			t := &all[ti]
			var others []string
			seen := map[string]bool{}
			for _, oi := range is {
				o := &all[oi]
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
				Span:    t.role.Grade.Span,
				Role:    t.role,
				Message: fmt.Sprintf("%s is a grade %s here but %s", t.role.Title, t.grade, joinAnd(others)),
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
		pl := t.place()
		if pl.Implied || pl.Ambiguous || t.hi != t.lo || pl.Stem == "" {
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
		pl := t.place()
		k := stepKey{pl.Track, pl.Step, pl.Sub}
		u, ok := usual[k]
		if !ok || pl.Implied || pl.Ambiguous || t.hi != t.lo || pl.Stem == "" || t.grade == u || reported[t.file] {
			continue
		}
		reported[t.file] = true
		p.Report(lint.Diagnostic{
			File: t.file,
			Span: t.role.Grade.Span,
			Role: t.role,
			Message: fmt.Sprintf("%s is a grade %s, where %s titles (%s track) are usually a grade %s: %s",
				t.role.Title, t.grade, stepName(l, pl), pl.Name, u, summary[k]),
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
