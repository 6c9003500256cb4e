package shape_test

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
	_ "gitlab.com/ladderlint/ladderlint/rules" // the profile names their rules
)

func options(t testing.TB) shape.Options {
	cfg, err := lint.ProfileConfig("generic")
	if err != nil {
		t.Fatal(err)
	}
	return shape.Options{Ladder: ladder.New(cfg.Grades.Tracks), Sections: cfg.Sections}
}

func titles(l *shape.Ladder) string {
	var out []string
	for _, v := range l.Levels {
		out = append(out, v.Title)
	}
	return strings.Join(out, "|")
}

func TestFindHeadings(t *testing.T) {
	src := "# Ladder\n\n## Overview\n\nWhy.\n\n## Associate Engineer\n\n**Scope:** tasks.\n\n" +
		"## Engineer\n\n**Scope:** features.\n\n- **Impact**: the team\n\n## Senior Engineer\n\nSame as Engineer, but also:\n\n### Red flags\n\n- Works alone.\n\n## FAQ\n\nNone.\n"
	f := model.Parse("l.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "headings" {
		t.Fatalf("ladders: %d", len(ls))
	}
	if got := titles(ls[0]); got != "Associate Engineer|Engineer|Senior Engineer" {
		t.Fatalf("levels %q", got)
	}
	eng := ls[0].Levels[1]
	if len(eng.Dims) != 2 || eng.Dims[0].Name != "Scope" || eng.Dims[1].Name != "Impact" || eng.Dims[1].Text != "the team" {
		t.Errorf("Engineer dims: %+v", eng.Dims)
	}
	if got := string(f.Source.Text[eng.Dims[0].Span.Start:eng.Dims[0].Span.End]); got != "Scope" {
		t.Errorf("dim span holds %q", got)
	}
	sen := ls[0].Levels[2]
	if len(sen.SameAs) != 1 || sen.SameAs[0] != "Engineer" {
		t.Errorf("same as %q", sen.SameAs)
	}
	if len(sen.Dims) != 1 || sen.Dims[0].Kind != "anti-patterns" {
		t.Errorf("Senior dims %+v", sen.Dims)
	}
}

func TestFindTables(t *testing.T) {
	rows := "| Level | Scope |\n|---|---|\n| L1 | task |\n| L2 | feature |\n"
	cols := "| Skill | IC1 | IC2 | IC3 |\n|---|---|---|---|\n| Code | a | b | c |\n| Review | d | e | |\n"
	none := "| Name | Team |\n|---|---|\n| Ada | Core |\n"
	for _, c := range []struct {
		src, want string
		dims      int
	}{{rows, "L1|L2", 1}, {cols, "IC1|IC2|IC3", 2}, {none, "", 0}} {
		ls := shape.Find(model.Parse("t.md", []byte(c.src)), options(t))
		got := ""
		if len(ls) > 0 {
			got = titles(ls[0])
			if n := len(ls[0].Levels[0].Dims); n != c.dims {
				t.Errorf("%q: %d dims, want %d", c.want, n, c.dims)
			}
		}
		if got != c.want {
			t.Errorf("table levels %q, want %q", got, c.want)
		}
	}
}

func TestPageLadders(t *testing.T) {
	o := options(t)
	var files []*model.Family
	for i, name := range []string{"junior", "senior", "staff"} {
		files = append(files, model.Parse(fmt.Sprintf("levels/0%d-%s.md", i+1, name), []byte("# "+strings.ToUpper(name[:1])+name[1:]+" Developer\n\n## Craft\n\nx\n")))
	}
	files = append(files, model.Parse("levels/README.md", []byte("# About these levels\n")))
	files = append(files, model.Parse("other/senior-designer.md", []byte("# Senior Designer\n")))
	ls := shape.PageLadders(files, o, func(*model.Family) bool { return false })
	if len(ls) != 1 || titles(ls[0]) != "Junior Developer|Senior Developer|Staff Developer" || !ls[0].Numbered() {
		t.Fatalf("page ladders: %d %v", len(ls), ls)
	}
	if d := ls[0].Levels[0].Dims; len(d) != 1 || d[0].Name != "Craft" {
		t.Errorf("page dims %+v", d)
	}
	// the file name's code ("01") is not cut out of the title: Junior is placed by its word
	if l := ls[0].Levels[0]; !l.Placed || l.Place.Label != "Junior" {
		t.Errorf("%q placed %v as %q", l.Title, l.Placed, l.Place.Label)
	}
}

// TestFindBounded: a page of many levels and dimensions is read in linear
// work (allocations counted, not time): five times the levels, at most
// eight times the allocations.
func TestFindBounded(t *testing.T) {
	page := func(levels int) *model.Family {
		var b strings.Builder
		b.WriteString("# Ladder\n\n")
		for i := 1; i <= levels; i++ {
			fmt.Fprintf(&b, "## L%d Engineer\n\n**Scope:** x\n\n**Impact:** y\n\n### Notes\n\nz\n\n", i%90+1)
		}
		return model.Parse("big.md", []byte(b.String()))
	}
	find := func(f *model.Family, levels int) uint64 {
		var ls []*shape.Ladder
		n := linttest.Mallocs(func() { ls = shape.Find(f, options(t)) })
		if len(ls) != 1 || len(ls[0].Levels) != levels {
			t.Fatalf("%d levels: ladders %d", levels, len(ls))
		}
		return n
	}
	small, large := find(page(1000), 1000), find(page(5000), 5000)
	if large > 8*small+1000 {
		t.Errorf("%d allocations for 1000 levels, %d for 5000: not linear", small, large)
	}
}

func TestFindHTMLTable(t *testing.T) {
	src := "# Ladder\n\n<table>\n  <tr><th>Skill</th><th>Level 1</th><th>Level 2</th></tr>\n" +
		"  <tr><td>Code</td><td>writes <b>tested</b> code</td><td></td></tr>\n</table>\n\n" +
		"```html\n<table><tr><td>L1</td></tr><tr><td>L2</td></tr></table>\n```\n"
	f := model.Parse("h.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || !ls[0].HTML || titles(ls[0]) != "Level 1|Level 2" {
		t.Fatalf("html ladders: %d", len(ls))
	}
	d := ls[0].Levels[0].Dims[0]
	if d.Name != "Code" || d.Text != "writes tested code" {
		t.Errorf("cell %q %q", d.Name, d.Text)
	}
	if got := src[d.Span.Start:d.Span.End]; got != "writes <b>tested</b> code" {
		t.Errorf("cell span holds %q", got)
	}
	if c := ls[0].Levels[1].CodeSpan; src[c.Start:c.End] != "Level 2" {
		t.Errorf("code span holds %q", src[c.Start:c.End])
	}
}

// TestFindHTMLRowspan: a level cell spanning rows makes one level of them;
// a colspan cell fills the columns it spans.
func TestFindHTMLRowspan(t *testing.T) {
	src := "<table>\n<tr><th>Level</th><th>Craft</th><th>Team</th></tr>\n" +
		"<tr><th rowspan=\"2\">IC1</th><td colspan=\"2\">Entry level</td></tr>\n" +
		"<tr><td>writes code</td><td>asks</td></tr>\n" +
		"<tr><th rowspan=\"2\">IC2</th><td colspan=\"2\">Developing</td></tr>\n" +
		"<tr><td>designs</td><td>helps</td></tr>\n</table>\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "IC1|IC2" {
		t.Fatalf("levels: %d", len(ls))
	}
	var got []string
	for _, d := range ls[0].Levels[1].Dims {
		got = append(got, d.Name+"="+d.Text)
	}
	if strings.Join(got, ";") != "Craft=Developing;Team=Developing;Craft=designs;Team=helps" {
		t.Errorf("IC2 dims %q", got)
	}
}

// "Head of Engineering" (inDrive) and "Engineering Head" (ChainSafe) rank
// between Senior Manager and Director on the generic manager track.
func TestFindManagerHead(t *testing.T) {
	src := "# Manager track\n\n## Engineering Manager\n\nTeams.\n\n## Senior Engineering Manager\n\nGroups.\n\n" +
		"## Head of Engineering\n\nA cluster.\n\n## Director of Engineering\n\nThe division.\n"
	ls := shape.Find(model.Parse("m.md", []byte(src)), options(t))
	if len(ls) != 1 {
		t.Fatalf("ladders: %d", len(ls))
	}
	if got := titles(ls[0]); got != "Engineering Manager|Senior Engineering Manager|Head of Engineering|Director of Engineering" {
		t.Fatalf("levels %q", got)
	}
	lv := ls[0].Levels
	for i := 1; i < len(lv); i++ {
		if lv[i].Place.Track != lv[0].Place.Track || lv[i].Place.Compare(lv[i-1].Place) <= 0 {
			t.Errorf("%q (%+v) does not rank above %q (%+v)", lv[i].Title, lv[i].Place, lv[i-1].Title, lv[i-1].Place)
		}
	}
	// near miss: "Head" makes no level of a title that is not a role's
	src = "# Notes\n\n## Headcount\n\nTen.\n\n## Heading styles\n\nSentence case.\n"
	if ls := shape.Find(model.Parse("n.md", []byte(src)), options(t)); len(ls) != 0 {
		t.Errorf("near miss: %d ladders, first %q", len(ls), titles(ls[0]))
	}
}

// An open-source project's contributor ladder (Dapr's, Kubernetes'): roles
// that open with the role word, on their own track.
func TestFindContributorLadder(t *testing.T) {
	src := "# Community membership\n\n## New contributors\n\nWelcome.\n\n## Established community members\n\nExpected.\n\n" +
		"## Member\n\n### Requirements\n\n- Two sponsors.\n\n## Approver\n\n### Requirements\n\n- Five PRs.\n\n" +
		"## Maintainer\n\n### Requirements\n\n- Three months.\n\n## Administrator\n\n### Requirements\n\n- A maintainer.\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" {
		t.Fatalf("ladders: %d", len(ls))
	}
	if got := titles(ls[0]); got != "Member|Approver|Maintainer|Administrator" {
		t.Fatalf("levels %q", got)
	}
	lv := ls[0].Levels
	for i, l := range lv {
		if l.Place.Name != "contributor" {
			t.Errorf("%q on track %q", l.Title, l.Place.Name)
		}
		if i > 0 && l.Place.Compare(lv[i-1].Place) <= 0 {
			t.Errorf("%q does not rank above %q", l.Title, lv[i-1].Title)
		}
	}
	if len(lv[0].Dims) != 1 || lv[0].Dims[0].Name != "Requirements" {
		t.Errorf("Member dims %+v", lv[0].Dims)
	}
	// near miss: a contributing guide's sections are no ladder
	src = "# Contributing\n\n## Contributing code\n\nFork.\n\n## Reviewing pull requests\n\nKindly.\n\n## Maintainers\n\nSee OWNERS.\n"
	if ls := shape.Find(model.Parse("g.md", []byte(src)), options(t)); len(ls) != 0 {
		t.Errorf("near miss: %d ladders, first %q", len(ls), titles(ls[0]))
	}
	// a job title that ends in "Contributor" stays an individual contributor's
	o := options(t)
	for _, title := range []string{"Senior Open Source Contributor", "Staff Open Source Contributor"} {
		p, ok := o.Ladder.Classify(title)
		if !ok || p.Name != "individual contributor" {
			t.Errorf("%q placed on %q (ok %v)", title, p.Name, ok)
		}
	}
}

// A number after a role's title ("Engineer 1", "Senior Engineer 2", as
// Artsy writes its levels) is a level code that numbers the steps within
// the title; after words that name no role ("Phase 1") it is none.
func TestFindTitleNumbers(t *testing.T) {
	src := "# Tracks\n\n| Individual Contributor | Scope |\n|---|---|\n| Intern | self |\n| Engineer 1 | self |\n" +
		"| Engineer 2 | team |\n| Senior Engineer 1 | team |\n| Staff Engineer | teams |\n\n" +
		"## Engineer 1\n\nShips.\n\n## Engineer 2\n\nShips more.\n"
	f := model.Parse("n.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 2 || ls[0].From != "headings" || ls[1].From != "table" {
		t.Fatalf("ladders: %d", len(ls))
	}
	if got := titles(ls[1]); got != "Intern|Engineer 1|Engineer 2|Senior Engineer 1|Staff Engineer" {
		t.Fatalf("table levels %q", got)
	}
	e2 := ls[0].Levels[1]
	if e2.Code == nil || e2.Code.Format != shape.TitleNumber || e2.Code.Rank != 2 || e2.Family() != "engineer" {
		t.Fatalf("Engineer 2's code: %+v", e2.Code)
	}
	if s := e2.CodeSpan; src[s.Start:s.End] != "2" || s.Start != strings.Index(src, "## Engineer 2")+12 {
		t.Errorf("code span %v holds %q", s, src[s.Start:s.End])
	}
	s1 := ls[1].Levels[3]
	if s1.Code == nil || s1.Code.Rank != 1 || !s1.Placed || s1.Place.Label != "Senior" || s1.Family() != "senior engineer" {
		t.Errorf("Senior Engineer 1: %+v placed %v %+v", s1.Code, s1.Placed, s1.Place)
	}
	// near misses: numbered phases and steps name no role
	for _, src := range []string{
		"# Plan\n\n## Phase 1\n\nDesign.\n\n## Phase 2\n\nBuild.\n\n## Step 3\n\nShip.\n",
		"# Plan\n\n| Milestone | Owner |\n|---|---|\n| Phase 1 | Ada |\n| Phase 2 | Grace |\n",
	} {
		if ls := shape.Find(model.Parse("p.md", []byte(src)), options(t)); len(ls) != 0 {
			t.Errorf("near miss: %d ladders, first %q", len(ls), titles(ls[0]))
		}
	}
}

// Two tracks on one page, one table each (Sourcegraph's engineering
// framework: IC1-IC6, then M3-M6; Artsy: IC levels, then a table of
// manager levels): two ladders of distinct levels, each on its own codes.
// A table of people beside a ladder table is no second ladder.
func TestFindTwoTrackTables(t *testing.T) {
	ic := "<table>\n<tr><th>Level</th><th>Craft</th></tr>\n<tr><th>IC1</th><td>learns</td></tr>\n" +
		"<tr><th>IC2</th><td>ships</td></tr>\n<tr><th>IC3</th><td>leads</td></tr>\n</table>\n\n"
	mgr := "## Management\n\n<table>\n<tr><td>Level</td><td>Title</td><td>People</td></tr>\n" +
		"<tr><td>M3</td><td>Engineering Manager</td><td>a team</td></tr>\n" +
		"<tr><td>M4</td><td>Senior Engineering Manager</td><td>teams</td></tr>\n</table>\n"
	ls := shape.Find(model.Parse("two.md", []byte("# Framework\n\n"+ic+mgr)), options(t))
	if len(ls) != 2 || titles(ls[0]) != "IC1|IC2|IC3" || titles(ls[1]) != "M3|M4" {
		t.Fatalf("ladders: %d", len(ls))
	}
	if ls[0].Levels[0].Code.Format != "ICn" || ls[1].Levels[0].Code.Format != "Mn" {
		t.Errorf("formats %q %q", ls[0].Levels[0].Code.Format, ls[1].Levels[0].Code.Format)
	}
	if d := ls[1].Levels[1].Dims; len(d) != 2 || d[0].Name != "Title" || d[0].Text != "Senior Engineering Manager" {
		t.Errorf("M4 dims %+v", d)
	}
	// near miss: the second table lists people, not levels
	people := "<table>\n<tr><td>Name</td><td>Team</td></tr>\n<tr><td>Ada</td><td>Core</td></tr>\n" +
		"<tr><td>Grace</td><td>Tools</td></tr>\n</table>\n"
	ls = shape.Find(model.Parse("one.md", []byte("# Framework\n\n"+ic+people)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "IC1|IC2|IC3" {
		t.Errorf("near miss: %d ladders", len(ls))
	}
}

// A code read from the file name is not cut out of a shorter title: no
// panic, and the title's word still places the level.
func TestPageLevelCodeInFileName(t *testing.T) {
	f := model.Parse("levels/senior-software-engineer-ic3.md", []byte("# Senior\n\nx\n"))
	l := shape.PageLevel(f, options(t))
	if l == nil || l.Code == nil || l.Code.Raw != "ic3" || !l.Placed || l.Place.Label != "Senior" {
		t.Fatalf("level %+v", l)
	}
	if l.CodeSpan != (model.Span{}) {
		t.Errorf("a file name's code has no span in the text: %v", l.CodeSpan)
	}
}

// A level titled by words takes the code of the cell beside it when the
// header names codes ("| Engineer 1 | IC2 |" under "| Title | IC Level |");
// a code under another header, or a cell that holds more than a code, is
// no level's code.
func TestFindCodeBesideTitle(t *testing.T) {
	src := "| Individual Contributor | IC Level | Manager |\n|---|---|---|\n| Intern | Intern | |\n" +
		"| Engineer 1 | IC2 | |\n| Senior Engineer | IC3 | Engineering Manager |\n"
	ls := shape.Find(model.Parse("b.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Intern|Engineer 1|Senior Engineer" {
		t.Fatalf("ladders: %d", len(ls))
	}
	lv := ls[0].Levels
	if lv[0].Code != nil {
		t.Errorf("Intern's code %q", lv[0].Code.Raw)
	}
	for i, want := range []string{"", "IC2", "IC3"} {
		if want == "" {
			continue
		}
		c := lv[i].Code
		if c == nil || c.Raw != want || c.Format != "ICn" {
			t.Errorf("%q: code %+v, want %s", lv[i].Title, c, want)
			continue
		}
		if s := lv[i].CodeSpan; src[s.Start:s.End] != want {
			t.Errorf("%q: code span holds %q", lv[i].Title, src[s.Start:s.End])
		}
	}
	if !lv[2].Placed || lv[2].Place.Label != "Senior" {
		t.Errorf("Senior Engineer keeps its place: %+v", lv[2].Place)
	}
	// near misses: the header names no codes; the cell says more than a code
	for _, src := range []string{
		"| Title | Notes |\n|---|---|\n| Engineer 1 | L2 |\n| Senior Engineer | L3 |\n",
		"| Title | Level |\n|---|---|\n| Engineer 1 | L2 and up |\n| Senior Engineer | L3 or L4 |\n",
	} {
		ls := shape.Find(model.Parse("m.md", []byte(src)), options(t))
		if len(ls) != 1 {
			t.Fatalf("near miss: %d ladders", len(ls))
		}
		if c := ls[0].Levels[1].Code; c != nil {
			t.Errorf("near miss %q: code %q", src, c.Raw)
		}
	}
}

// A row of one cell spanning an HTML table is a caption: the header is the
// row after it. A caption followed by the same header again opens a second
// table (a second track in one <table>); a caption followed by content rows
// heads a group of dimensions within the table (a near miss: no new ladder,
// no caption read as a level).
func TestFindCaptionRows(t *testing.T) {
	src := "<table>\n" +
		"<tr><td colspan=\"3\"><strong>SDR Career Levels</strong></td></tr>\n" +
		"<tr><td>Job Level</td><td>SDR (P1)</td><td>Senior SDR (P2)</td></tr>\n" +
		"<tr><td>Pipeline</td><td>books meetings</td><td>books a territory</td></tr>\n" +
		"<tr><td colspan=\"3\"><strong>Programs Career Levels</strong></td></tr>\n" +
		"<tr><td>Job Level</td><td>Program Lead (P1)</td><td>Senior Program Lead (P2)</td></tr>\n" +
		"<tr><td>Events</td><td>runs events</td><td>designs the programme</td></tr>\n" +
		"</table>\n"
	ls := shape.Find(model.Parse("sdr.md", []byte("# Sales\n\n"+src)), options(t))
	if len(ls) != 2 || titles(ls[0]) != "SDR (P1)|Senior SDR (P2)" || titles(ls[1]) != "Program Lead (P1)|Senior Program Lead (P2)" {
		t.Fatalf("ladders: %d", len(ls))
	}
	groups := "<table>\n" +
		"<tr><td>Competency</td><td>IC3</td><td>IC4</td></tr>\n" +
		"<tr><td colspan=\"3\"><strong>Launches</strong></td></tr>\n" +
		"<tr><td>Planning</td><td>Manages L2 launches</td><td>Manages L1 launches</td></tr>\n" +
		"<tr><td colspan=\"3\"><strong>Writing</strong></td></tr>\n" +
		"<tr><td>Messaging</td><td>drafts</td><td>owns</td></tr>\n" +
		"</table>\n"
	ls = shape.Find(model.Parse("pmm.md", []byte("# Marketing\n\n"+groups)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "IC3|IC4" {
		t.Fatalf("near miss: %d ladders", len(ls))
	}
	if d := ls[0].Levels[1].Dims; len(d) != 2 || d[0].Name != "Planning" || d[1].Name != "Messaging" {
		t.Errorf("IC4 dims %+v", d)
	}
}

// Two rungs among many sibling roles are a ladder when they carry parallel
// content (the same sub-headings) and no table names the levels; an
// unparallel pair is not.
func TestFindParallelFewLevels(t *testing.T) {
	roles := "## Everyone\n\nAnyone.\n\n## New contributors\n\nWelcome.\n\n## Established community members\n\nExpected.\n\n" +
		"## Member\n\n### Requirements\n\n- Two sponsors.\n\n### Privileges\n\n- Triage.\n\n" +
		"## Approver\n\n### Requirements\n\n- Five PRs.\n\n### Privileges\n\n- Approve.\n\n" +
		"## Project Sponsor\n\nGranted.\n\n## Benevolent Dictator\n\nHimself.\n\n## Attribution\n\nAdapted.\n"
	ls := shape.Find(model.Parse("c.md", []byte("# Community membership\n\n"+roles)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Member|Approver" {
		t.Fatalf("parallel pair: %d ladders", len(ls))
	}
	// near miss: the same pair, one with other sub-headings
	odd := strings.Replace(roles, "### Privileges\n\n- Approve.", "### Process\n\n- Vote.", 1)
	if ls := shape.Find(model.Parse("c.md", []byte("# Community membership\n\n"+odd)), options(t)); len(ls) != 0 {
		t.Errorf("unparallel pair: %d ladders, first %q", len(ls), titles(ls[0]))
	}
}

// On the contributor track a role word may follow one qualifier in a
// two-word title ("Core Contributor", "Designated Reviewer"), or two words
// that both name a scope ("Project Area Maintainer"); a plural names a group
// of people, and longer titles stay job titles.
func TestClassifyQualifiedRole(t *testing.T) {
	o := options(t)
	for title, want := range map[string]string{"Core Contributor": "Contributor", "Designated Reviewer": "Reviewer", "Platform Maintainer": "Maintainer", "Project Area Maintainer": "Maintainer"} {
		p, ok := o.Ladder.Classify(title)
		if !ok || p.Name != "contributor" || p.Label != want {
			t.Errorf("%q: %+v (ok %v), want contributor %s", title, p, ok, want)
		}
	}
	for _, title := range []string{"New contributors", "Established community members", "Senior Open Source Contributor", "Product Manager", "Community Area Maintainer", "Project Documentation Maintainer"} {
		if p, ok := o.Ladder.Classify(title); ok && p.Name == "contributor" {
			t.Errorf("%q placed on the contributor track (%s)", title, p.Label)
		}
	}
}

// "Rung N" is a level code as "Level N" is; a sibling after coded levels
// with no code of its own ("Maintainer / verifier split") is a section
// about the ladder, not a level, even when a role word opens it.
func TestFindRungCodes(t *testing.T) {
	src := "# Contributor ladder\n\n## Ground rules at every rung\n\nBe kind.\n\n" +
		"## Rung 0 — documentation fixes\n\n**Skills:** reading.\n\n## Rung 1 — metadata fixes\n\n**Skills:** care.\n\n" +
		"## Rung 2 — query examples\n\n**Skills:** SQL.\n\n## Maintainer / verifier split\n\nWho merges what.\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), options(t))
	if len(ls) != 1 {
		t.Fatalf("ladders: %d", len(ls))
	}
	lv := ls[0].Levels
	if got := titles(ls[0]); got != "Rung 0 — documentation fixes|Rung 1 — metadata fixes|Rung 2 — query examples" {
		t.Fatalf("levels %q", got)
	}
	for i, l := range lv {
		if l.Code == nil || l.Code.Rank != float64(i) {
			t.Errorf("%q: code %+v, want rank %d", l.Title, l.Code, i)
		}
	}
}

// A plural role word follows a qualifier that names the role's scope ("Org
// Maintainers", "Project Reviewers", "Community Moderators": a role held
// over a community); after other words ("New
// contributors", "Emeritus Maintainers") it names a group of people.
func TestClassifyScopedPluralRole(t *testing.T) {
	o := options(t)
	for title, want := range map[string]string{"Org Maintainers": "Maintainer", "Project Reviewers": "Reviewer", "Admin": "Administrator",
		"Users": "Participant", "Technical Steering Committee (TSC)": "Technical Steering Committee", "Community Moderators": "Reviewer"} {
		p, ok := o.Ladder.Classify(title)
		if !ok || p.Name != "contributor" || o.Ladder.StepLabel(p.Track, p.Step) != want {
			t.Errorf("%q: %+v (ok %v), want contributor %s", title, p, ok, want)
		}
	}
	for _, title := range []string{"Emeritus Maintainers", "New contributors", "Active members", "TSC Meetings"} {
		if p, ok := o.Ladder.Classify(title); ok && p.Name == "contributor" {
			t.Errorf("%q placed on the contributor track (%s)", title, p.Label)
		}
	}
	p, _ := o.Ladder.Classify("Technical Steering Committee")
	q, _ := o.Ladder.Classify("Maintainers")
	u, _ := o.Ladder.Classify("Users")
	c, _ := o.Ladder.Classify("Contributors")
	if p.Compare(q) <= 0 || u.Compare(c) >= 0 {
		t.Errorf("want Users < Contributors < Maintainers < Technical Steering Committee: %+v %+v %+v %+v", u, c, q, p)
	}
}

// Three rungs in a row make a ladder among sections about it, and a rung
// named after those sections ("Admin" after "Inactivity") is one of it; a
// role heading alone among such sections is not.
func TestFindRungAfterSections(t *testing.T) {
	src := "# Contribution ladder\n\n## Roles\n\nBelow.\n\n## Community Member\n\nAnyone.\n\n## Contributor\n\nPRs.\n\n## Maintainer\n\nMerges.\n\n" +
		"## Inactivity\n\nSix months.\n\n## Stepping Down\n\nAsk.\n\n## Admin\n\nMaintainers with extra duties.\n"
	ls := shape.Find(model.Parse("p.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Community Member|Contributor|Maintainer|Admin" {
		t.Fatalf("ladders: %d %v", len(ls), ls)
	}
	// near miss: no three rungs in a row
	src = "# Project\n\n## Contributor\n\nPRs.\n\n## Inactivity\n\nSix months.\n\n## Maintainer\n\nMerges.\n\n## Stepping Down\n\nAsk.\n\n## Admin\n\nExtra duties.\n\n## Contact\n\nMail.\n\n## FAQ\n\nNone.\n"
	if ls := shape.Find(model.Parse("q.md", []byte(src)), options(t)); len(ls) != 0 {
		t.Errorf("near miss: %q", titles(ls[0]))
	}
}

// A level group split by a heading at the wrong depth is one ladder: a
// lone rung before an H1 that is a part of it ("# Process for becoming a
// contributor"), and a parent heading that names a rung and holds the
// others one level down.
func TestFindSplitLevels(t *testing.T) {
	src := "# Project roles\n\n## Contributor\n\nAnyone.\n\n# Process for becoming a contributor\n\nSign the CLA.\n\n" +
		"## Committer\n\nMerges.\n\n### Process for becoming a committer\n\nVote.\n\n## Lead\n\nElected.\n\n# Release Process\n\nTags.\n"
	ls := shape.Find(model.Parse("f.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Contributor|Committer|Lead" {
		t.Fatalf("split by an H1: %d %v", len(ls), ls)
	}
	c := ls[0].Levels[0]
	if got := string(c.File.Source.Text[c.Body.Start:c.Body.End]); strings.Contains(got, "Process") {
		t.Errorf("Contributor's body runs into the H1: %q", got)
	}
	// near miss: the H1 between names no level of its own
	src = strings.Replace(src, "# Process for becoming a contributor", "# Governance", 1)
	if ls := shape.Find(model.Parse("g.md", []byte(src)), options(t)); len(ls) != 1 || titles(ls[0]) != "Committer|Lead" {
		t.Errorf("near miss: %v", ls)
	}
	src = "# Contributor Ladder\n\n## Organization Member\n\nTwo sponsors.\n\n### Core Contributor\n\nReviews.\n\n#### Rights\n\nMerge.\n\n### Maintainer\n\nReleases.\n\n## Inactivity\n\nA year.\n"
	ls = shape.Find(model.Parse("o.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Organization Member|Core Contributor|Maintainer" {
		t.Fatalf("parent rung: %d %v", len(ls), ls)
	}
	// near miss: the page's title names the ladder, not a rung
	src = "# Contributor Ladder\n\nHow to grow.\n\n## Reviewer\n\nReviews.\n\n## Maintainer\n\nReleases.\n"
	if ls := shape.Find(model.Parse("t.md", []byte(src)), options(t)); len(ls) != 1 || titles(ls[0]) != "Reviewer|Maintainer" {
		t.Errorf("title near miss: %v", ls)
	}
}

// A rung that the page's summary table lists is a level however few its
// siblings: one role described at length beside sections about the
// community, and a one-row table that names it in lower case.
func TestFindRungListedInTable(t *testing.T) {
	src := "# Community Membership\n\nOne role for now.\n\n| Role | Responsibilities | Requirements |\n| --- | --- | --- |\n| approver | review | two sponsors |\n\n" +
		"## New contributors\n\nWelcome.\n\n## Established community members\n\nExpected to know the rules.\n\n## Approvers\n\nReview and approve.\n\n### Requirements\n\n- Three PRs\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Approvers" {
		t.Fatalf("listed rung: %d %v", len(ls), ls)
	}
	// near miss: the table lists another role than the heading's
	near := strings.Replace(src, "| approver |", "| maintainer |", 1)
	if ls := shape.Find(model.Parse("d.md", []byte(near)), options(t)); len(ls) != 0 {
		t.Errorf("another role in the table: %q", titles(ls[0]))
	}
	// near miss: the table lists more rows than the headings' rungs
	near = strings.Replace(src, "| approver | review | two sponsors |", "| approver | review | two sponsors |\n| weekly sync | notes | none |", 1)
	if ls := shape.Find(model.Parse("e.md", []byte(near)), options(t)); len(ls) != 0 {
		t.Errorf("a table of other things: %q", titles(ls[0]))
	}
}

// Rungs headed in the plural, each saying what its members have
// ("Triagers have:", "Collaborators have:"), are a ladder; a section about
// a rung titled by the role and a plural topic ("Collaborator
// nominations") is not one more rung.
func TestFindCollaboratorRungs(t *testing.T) {
	src := "# Project Governance\n\n## Triagers\n\nTriagers have:\n\n* ability to label issues\n\n## Collaborators\n\nCollaborators have:\n\n* commit access\n\n" +
		"## Technical Steering Committee\n\nA subset of the Collaborators.\n\n## Collaborator nominations\n\nOpen an issue.\n\n## Consensus seeking process\n\nTalk.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Triagers|Collaborators|Technical Steering Committee" {
		t.Fatalf("rungs: %d %v", len(ls), ls)
	}
	o := options(t)
	tr, _ := o.Ladder.Classify("Triagers")
	co, _ := o.Ladder.Classify("Collaborators")
	ts, _ := o.Ladder.Classify("Technical Steering Committee")
	if !(tr.Compare(co) < 0 && co.Compare(ts) < 0) {
		t.Errorf("want Triagers < Collaborators < TSC: %+v %+v %+v", tr, co, ts)
	}
	// near misses: a singular role and a plural topic is a section about
	// the role; a plural role word after it is still a role
	for _, title := range []string{"Collaborator nominations", "Committer Activities", "Maintainer duties"} {
		if p, ok := o.Ladder.Classify(title); ok && p.Name == "contributor" {
			t.Errorf("%q placed on the contributor track (%s)", title, p.Label)
		}
	}
	for _, title := range []string{"Collaborator", "Core Collaborators", "Committer"} {
		if p, ok := o.Ladder.Classify(title); !ok || p.Name != "contributor" {
			t.Errorf("%q not a contributor rung: %+v", title, p)
		}
	}
}

// Two rungs that open their group, one after the other, are a ladder among
// the sections about them that follow: a collaborator and the membership
// of the technical committee ("TC Membership"), in prose. Two rungs apart,
// or after other sections, are not.
func TestFindOpeningRungs(t *testing.T) {
	src := "# Governance\n\n## Collaborators\n\nCommit access.\n\n## TC Membership\n\nBy consensus.\n\n" +
		"## TC Meetings\n\nWeekly.\n\n## Consensus Seeking Process\n\nTalk.\n\n## Certificate of Origin\n\nSigned.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Collaborators|TC Membership" {
		t.Fatalf("opening rungs: %d %v", len(ls), ls)
	}
	o := options(t)
	c, _ := o.Ladder.Classify("Collaborators")
	tc, _ := o.Ladder.Classify("TC Membership")
	if c.Compare(tc) >= 0 {
		t.Errorf("want Collaborators < TC Membership: %+v %+v", c, tc)
	}
	// near misses: the rungs apart, and the rungs after another section
	for _, near := range []string{
		"# Governance\n\n## Collaborators\n\nCommit access.\n\n## TC Meetings\n\nWeekly.\n\n## TC Membership\n\nBy consensus.\n\n## Consensus Seeking Process\n\nTalk.\n\n## Certificate of Origin\n\nSigned.\n",
		"# Governance\n\n## Overview\n\nHow we work.\n\n## Collaborators\n\nCommit access.\n\n## TC Membership\n\nBy consensus.\n\n## TC Meetings\n\nWeekly.\n\n## Consensus Seeking Process\n\nTalk.\n",
	} {
		if ls := shape.Find(model.Parse("h.md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss: %q", titles(ls[0]))
		}
	}
}

// Rungs that open their group go on among the sections that follow when
// the group's other rungs are of their track too: a community's staff
// roles, top first, among its teams ("Domain Leads", "DevOps"); Helpers
// and Moderators are a volunteer community's first rungs of staff, below
// its Admins. A rung of another track among them, or the rungs not
// opening the group, make no ladder.
func TestFindOpeningRungsGoOn(t *testing.T) {
	body := func(titles ...string) string {
		src := "# Staff Roles\n\n"
		for _, t := range titles {
			src += "### " + t + "\n\nWhat they do.\n\n"
		}
		return src
	}
	src := body("Owners", "Admins", "Domain Leads", "Project Leads", "Moderators", "Events Team", "DevOps", "Project Teams", "Helpers")
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Owners|Admins|Moderators|Helpers" {
		t.Fatalf("opening rungs going on: %d %v", len(ls), func() string {
			if len(ls) > 0 {
				return titles(ls[0])
			}
			return ""
		}())
	}
	o := options(t)
	h, _ := o.Ladder.Classify("Helpers")
	m, _ := o.Ladder.Classify("Moderators")
	a, _ := o.Ladder.Classify("Admins")
	if h.Compare(m) >= 0 || m.Compare(a) >= 0 {
		t.Errorf("want Helpers < Moderators < Admins: %+v %+v %+v", h, m, a)
	}
	for _, near := range []string{
		body("Owners", "Admins", "Domain Leads", "Project Leads", "Senior Engineers", "Events Team", "DevOps", "Project Teams", "Helpers"),
		body("Announcements", "Owners", "Admins", "Domain Leads", "Project Leads", "Moderators", "DevOps", "Project Teams", "Helpers"),
	} {
		if ls := shape.Find(model.Parse("h.md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss: %q", titles(ls[0]))
		}
	}
}

// A list under a heading that names roles, whose items open with a bold
// sentence moving the holders of one rung to the next, each from the rung
// the one before moved to, is a ladder of those rungs in the moves' order;
// a list whose moves do not follow one another, or under a heading that
// names no roles, is none.
func TestFindTransitionList(t *testing.T) {
	list := func(title, heading, second string) string {
		return "# " + title + "\n\nHow people move on.\n\n## " + heading + "\n\n" +
			"- **Regular contributors should be added as collaborators in the repository.**\n" +
			"  Once they have five pull requests merged.\n\n" +
			"- **" + second + "**\n  Once they have merged ten pull requests.\n\n" +
			"- **Organization members who stay active should become organization owners.**\n" +
			"  After six months.\n\n" +
			"- **These roles are temporary, and that is fine.**\n  People come and go.\n\n## Who can change roles\n\nThe owners.\n"
	}
	src := list("Community roles", "When to change roles", "Repository collaborators who review often should be added as organization members.")
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Regular contributors|collaborators|organization members|organization owners" {
		t.Fatalf("transition list: %d %v", len(ls), ls)
	}
	if !ls[0].Levels[0].Listed || ls[0].Levels[1].Listed {
		t.Errorf("want the first rung listed (no section of its own), the others with their items")
	}
	for _, near := range []string{
		list("Community roles", "When to change roles", "Reviewers who review often should be added as organization members."),
		list("Community", "When to act", "Repository collaborators who review often should be added as organization members."),
	} {
		if ls := shape.Find(model.Parse("h.md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss: %q", titles(ls[0]))
		}
	}
}

// A committee is a rung headed with an article ("The Technical
// Committee"), and "Other Contributors" are the rung of everyone else; a
// page's sponsorship tiers and payout tiers are not rungs, nor are emeritus
// contributors or the committee's meetings.
func TestFindCommitteeRungsTopFirst(t *testing.T) {
	src := "# Project Governance\n\nHow the project is run.\n\n### The Technical Committee\n\n- [A](a)\n- Decides by vote.\n\n" +
		"### Project Committers\n\nMay merge.\n\n### Other Contributors\n\nAnyone else.\n\n" +
		"### Sponsorship\n\n- **Development Partners**: the highest tier.\n- **Strategic Partners**: named.\n- **Backers**: thanked.\n\n" +
		"### Compensation Scheme\n\n- XS: \\$25\n- XL: \\$500\n\n### Emeritus Contributors\n\n- B\n- C\n"
	ls := shape.Find(model.Parse("a.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "The Technical Committee|Project Committers|Other Contributors" {
		t.Fatalf("rungs: %d %v", len(ls), ls)
	}
	o := options(t)
	for title, want := range map[string]string{"The Technical Committee": "Technical Steering Committee", "Technical Committee": "Technical Steering Committee",
		"TC Membership": "Technical Steering Committee", "Technical Steering Committee Membership": "Technical Steering Committee",
		"Other Contributors": "Contributor", "The Maintainers": "Maintainer"} {
		p, ok := o.Ladder.Classify(title)
		if !ok || p.Name != "contributor" || o.Ladder.StepLabel(p.Track, p.Step) != want {
			t.Errorf("%q: %+v (ok %v), want contributor %s", title, p, ok, want)
		}
	}
	// near misses: the tiers as headings of their own are no ladder, and
	// none of these titles is a rung
	tiers := "# Sponsors\n\n### Development Partners\n\nTop.\n\n### Strategic Partners\n\nNamed.\n\n### Gold, Silver, and Bronze Sponsors\n\nLogos.\n\n### Backers\n\nThanks.\n"
	if ls := shape.Find(model.Parse("s.md", []byte(tiers)), options(t)); len(ls) != 0 {
		t.Errorf("sponsorship tiers: %q", titles(ls[0]))
	}
	for _, title := range []string{"Emeritus Contributors", "TC Meetings", "The Technical Committee Meetings", "TC Membership process", "Membership", "Development Partners", "Backers", "The Project"} {
		if p, ok := o.Ladder.Classify(title); ok && p.Name == "contributor" {
			t.Errorf("%q placed on the contributor track (%s)", title, p.Label)
		}
	}
}

// A rung written as a sub-heading of the rung above it, titled by its role
// word alone or with "Role", is one of a ladder written top first; a
// sub-heading about the parent rung ("Becoming a maintainer") is not, nor a
// child of a ladder written bottom first.
func TestFindChildRung(t *testing.T) {
	src := "# Governance\n\n## Steering Committee\n\nSets direction.\n\n### Becoming a Steering Committee Member\n\nElected.\n\n" +
		"## Maintainer Role\n\nMerges.\n\n### Reviewer Role\n\nReviews.\n\n### Becoming a maintainer\n\nNominated.\n\n## Conflict resolution\n\nVote.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Steering Committee|Maintainer Role|Reviewer Role" {
		t.Fatalf("child rung: %d %v", len(ls), ls)
	}
	for _, d := range ls[0].Levels[1].Dims {
		if d.Name == "Reviewer Role" {
			t.Errorf("the child rung is a dimension of its parent")
		}
	}
	// near miss: the child names more than the role
	near := strings.Replace(src, "### Reviewer Role", "### Reviewer guidelines", 1)
	if ls := shape.Find(model.Parse("h.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Steering Committee|Maintainer Role" {
		t.Errorf("near miss, not a role alone: %v", ls)
	}
	// near miss: a ladder written bottom first
	near = "# Governance\n\n## Reviewer\n\nReviews.\n\n## Maintainer\n\nMerges.\n\n### Reviewer\n\nWho may review.\n\n## Voting\n\nVote.\n"
	if ls := shape.Find(model.Parse("i.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Reviewer|Maintainer" {
		t.Errorf("near miss, bottom first: %v", ls)
	}
}

// A role word after "Emeritus" names a retired status, not a rung above the
// role ("Emeritus Approver" after "Approver").
func TestFindEmeritusNoRung(t *testing.T) {
	src := "# Tiers\n\n## Community Member\n\nJoins.\n\n## Reviewer\n\nReviews.\n\n## Approver\n\nApproves.\n\n## Emeritus Approver\n\nRetired.\n\n## Demotion\n\nRare.\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Community Member|Reviewer|Approver" {
		t.Fatalf("emeritus: %d %v", len(ls), ls)
	}
	// near miss: a rung with another qualifier stays
	near := strings.Replace(src, "Emeritus Approver", "Core Approver", 1)
	if ls := shape.Find(model.Parse("d.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Community Member|Reviewer|Approver|Core Approver" {
		t.Errorf("near miss: %v", ls)
	}
}

// A list is a ladder when every top-level item opens with a title that
// names a level, on one track and in rank order, under a heading that names
// roles, tiers, levels or a ladder; a level's body is the rest of its item
// and its nested bullets.
func TestFindBulletLadder(t *testing.T) {
	src := "# Governance\n\n## Roles\n\nA two-tiered system:\n\n* Senior Maintainers\n  * Lead the project\n  * Two votes\n* Standard Maintainers\n  * One vote\n\n## Becoming a maintainer\n\n* Ability to write good solid code\n* Reviewer first\n"
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "Senior Maintainers|Standard Maintainers" {
		t.Fatalf("bullet ladder: %d %v", len(ls), ls)
	}
	l := ls[0].Levels[0]
	if got := string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]); got != "Senior Maintainers" {
		t.Errorf("title span: %q", got)
	}
	if body := string(f.Source.Text[l.Body.Start:l.Body.End]); !strings.Contains(body, "Two votes") || strings.Contains(body, "Standard") {
		t.Errorf("body: %q", body)
	}
	src = "# Contributor Ladder\n\n- Contributor: first PR merged\n- Reviewer: regular reviews\n- Maintainer: release rights\n"
	if ls := shape.Find(model.Parse("b.md", []byte(src)), options(t)); len(ls) != 1 || titles(ls[0]) != "Contributor|Reviewer|Maintainer" {
		t.Errorf("role: text bullets: %v", ls)
	}
	// near misses: out of rank order; an item that names no rung; a
	// heading that names no roles; a page whose headings hold the ladder
	for name, near := range map[string]string{
		"order":   "# Contributor Ladder\n\n- Maintainer: release rights\n- Contributor: first PR merged\n- Reviewer: regular reviews\n",
		"item":    "# Contributor Ladder\n\n- Contributor: first PR merged\n- Reviewer: regular reviews\n- Code of conduct applies to all\n",
		"heading": "# Thanks\n\n- Contributor: first PR merged\n- Reviewer: regular reviews\n",
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss %s: %v", name, titles(ls[0]))
		}
	}
	near := "# Contributor Ladder\n\n- Contributor\n- Reviewer\n\n## Contributor\n\nFirst PR.\n\n## Reviewer\n\nReviews.\n\n## Maintainer\n\nReleases.\n"
	if ls := shape.Find(model.Parse("h.md", []byte(near)), options(t)); len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Contributor|Reviewer|Maintainer" {
		t.Errorf("headings first: %v", ls)
	}
}

// The heading that names the levels may enclose the list's own: a page of
// manager levels with a section per company size, the same coded levels
// listed in each; the longest list is the ladder. Near miss: no heading
// over the lists names levels.
func TestFindBulletLadderEnclosingHeading(t *testing.T) {
	src := "# Company Size & Manager Levels\n\n## Startup\n\n- M3 (Engineering Manager): a lead\n- M4 (Senior Engineering Manager): the head\n\n" +
		"## Small Company\n\n- M3 (Engineering Manager): a team\n- M4 (Senior Engineering Manager): teams\n- M5 (Director): the function\n"
	ls := shape.Find(model.Parse("w.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "M3|M4|M5" {
		t.Fatalf("enclosing heading: %d %v", len(ls), ls)
	}
	near := strings.Replace(src, "# Company Size & Manager Levels", "# Company Size", 1)
	if ls := shape.Find(model.Parse("x.md", []byte(near)), options(t)); len(ls) != 0 {
		t.Errorf("near miss: %v", titles(ls[0]))
	}
}

// A sibling between two levels that names no level by its words is one
// when it carries their content: the same bold-labelled dimensions ("Triage"
// between "Active Contributor" and "Maintainer"). Near miss: a section
// between them with other content.
func TestFindParallelBetween(t *testing.T) {
	level := func(name string) string {
		return "### " + name + "\n\n**What you do:** things.\n\n**Requirements:** some.\n\n**Permissions:** few.\n\n**Recognition:** thanks.\n\n"
	}
	src := "# Ladder\n\n## Levels\n\n" + level("Contributor") + level("Active Contributor") + level("Triage") + level("Maintainer") + "## Stepping down\n\nAsk.\n"
	ls := shape.Find(model.Parse("s.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Contributor|Active Contributor|Triage|Maintainer" {
		t.Fatalf("parallel between: %d %v", len(ls), ls)
	}
	near := strings.Replace(src, level("Triage"), "### Voting\n\n**Quorum:** half.\n\n**Requirements:** a vote.\n\n", 1)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Contributor|Active Contributor|Maintainer" {
		t.Errorf("near miss: %v", ls)
	}
}

// A page of a folder whose heading names no level is the level its file
// name names, when the name is that level's name alone ("mid.md" under "##
// Developer OR Web Operations"); a name with other words
// ("contributor-ladder.md") names no level of a page.
func TestPageLevelFromFileName(t *testing.T) {
	o := options(t)
	files := []*model.Family{
		model.Parse("path/junior.md", []byte("# Junior\n\nLearns.\n")),
		model.Parse("path/mid.md", []byte("## Developer OR Web Operations\n\nMid level means you should be:\n\n### Skills\n\nx\n")),
		model.Parse("path/senior.md", []byte("## Senior\n\nLeads.\n")),
		model.Parse("path/contributor-ladder.md", []byte("# Overview\n\nHow to grow.\n")),
	}
	ls := shape.PageLadders(files, o, func(*model.Family) bool { return false })
	if len(ls) != 1 || titles(ls[0]) != "Junior|mid|Senior" {
		t.Fatalf("page ladders: %d %v", len(ls), ls)
	}
	if l := ls[0].Levels[1]; l.Heading != nil || !l.Placed || l.Place.Label != "Mid" {
		t.Errorf("mid: heading %v, placed %v as %q", l.Heading, l.Placed, l.Place.Label)
	}
}

func TestFindNumberedSectionsNoLadder(t *testing.T) {
	// a policy's numbered sections are no ladder: no title names a level
	src := "# Governance Policy\n\n## 1. Project Member Roles.\n\nRoles.\n\n## 2. Decisions.\n\nVotes.\n\n## 3. How We Work.\n\nOpenly.\n"
	if ls := shape.Find(model.Parse("g.md", []byte(src)), options(t)); len(ls) != 0 {
		t.Errorf("numbered sections read as a ladder: %q", titles(ls[0]))
	}
	// near miss: numbered levels that name their rungs stay a ladder
	src = "# Ladder\n\n## 1. Contributor\n\nText.\n\n## 2. Reviewer\n\nText.\n\n## 3. Maintainer\n\nText.\n"
	ls := shape.Find(model.Parse("l.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "1. Contributor|2. Reviewer|3. Maintainer" {
		t.Errorf("numbered rungs: %v", ls)
	}
}

func TestFindParagraphLadder(t *testing.T) {
	// roles as bold-numbered paragraphs under a heading naming roles; a
	// temporary position names no rung; the same shape under "Decisions"
	// is no ladder
	src := "# Governance Policy\n\n## 1. Project Member Roles.\n\nThese roles.\n\n" +
		"**1.1 Maintainer**. Maintainers review.\n\n**1.2 Release Manager**. A maintainer for one release.\n\n" +
		"**1.3 Contributors**. Contributors send changes.\n\nMore on contributors.\n\n" +
		"## 2. Decisions.\n\n**2.1. Consensus**. We agree.\n\n**2.2 Voting**. We vote.\n"
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "paragraphs" || titles(ls[0]) != "Maintainer|Contributors" {
		t.Fatalf("ladders %v", ls)
	}
	c := ls[0].Levels[1]
	if got := string(f.Source.Text[c.TitleSpan.Start:c.TitleSpan.End]); got != "Contributors" {
		t.Errorf("title span holds %q", got)
	}
	if got := strings.TrimSpace(string(f.Source.Text[c.Body.Start:c.Body.End])); got != ". Contributors send changes.\n\nMore on contributors." {
		t.Errorf("body %q", got)
	}
	if got := strings.TrimSpace(string(f.Source.Text[ls[0].Levels[0].Body.Start:ls[0].Levels[0].Body.End])); got != ". Maintainers review." {
		t.Errorf("Maintainer's body %q", got)
	}
	// near misses: the labels under a heading that names no roles, and
	// roles that are fewer than half of the labels
	for _, src := range []string{
		"# Policy\n\n## Roles\n\n** Maintainer**. Reviews.\n\n** Contributors**. Send changes.\n", // no bold: a space after the marks
		"# Policy\n\n## Process\n\n**Maintainer**. Reviews.\n\n**Contributors**. Send changes.\n",
		"# Policy\n\n## Roles\n\n**Maintainer**. Reviews.\n\n**Contributors**. Send.\n\n**Voting**. Votes.\n\n**Quorum**. Half.\n\n**Appeals**. In writing.\n",
	} {
		if ls := shape.Find(model.Parse("p.md", []byte(src)), options(t)); len(ls) != 0 {
			t.Errorf("%q: ladder %q", src, titles(ls[0]))
		}
	}
}

func TestFindArticleParagraphLadder(t *testing.T) {
	// rungs as paragraphs that define a role in bold after an indefinite
	// article, under a heading that names roles
	src := "# Governance\n\nHow we steward the project.\n\n## Roles\n\n" +
		"A **Maintainer** is a trusted leader with write access.\nThey review.\n\n" +
		"A **Project Lead** is a maintainer with additional administrative scope.\n\n" +
		"## Becoming a Maintainer\n\nWe invite contributors.\n"
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "paragraphs" || titles(ls[0]) != "Maintainer|Project Lead" {
		t.Fatalf("ladders %v", ls)
	}
	l := ls[0].Levels[1]
	if got := string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]); got != "Project Lead" {
		t.Errorf("title span holds %q", got)
	}
	if got := strings.TrimSpace(string(f.Source.Text[ls[0].Levels[0].Body.Start:ls[0].Levels[0].Body.End])); got != "is a trusted leader with write access.\nThey review." {
		t.Errorf("Maintainer's body %q", got)
	}
	// near misses: bold words that name no role ("A **note** is ..."), so
	// one rung among the labels; bold in prose that defines nothing; and
	// the same rungs under a heading that names no roles
	for _, src := range []string{
		"# G\n\n## Roles\n\nA **Maintainer** is a leader.\n\nA **note** is a comment.\n\nAn **issue** is a report.\n",
		"# G\n\n## Roles\n\nA **Maintainer** reviews.\n\nA **Project Lead** may decide.\n",
		"# G\n\n## Thanks\n\nA **Maintainer** is a leader.\n\nA **Project Lead** is a maintainer.\n",
	} {
		if ls := shape.Find(model.Parse("p.md", []byte(src)), options(t)); len(ls) != 0 {
			t.Errorf("%q: ladder %q", src, titles(ls[0]))
		}
	}
}

func TestFindParentSiblingRungs(t *testing.T) {
	// top first at mixed depths: the rung above the group that holds the
	// ladder, and the one below it, are written one level up
	src := "# Governance\n\n## Voting\n\nVotes.\n\n## Steering committee\n\nOwns the vision.\n\n## Maintainership\n\nRepos.\n\n" +
		"### Maintainers\n\nWrite access.\n\n### Reviewers\n\nReview.\n\n### Changes in Maintainership\n\nNominations.\n\n" +
		"## Organization members\n\nTriage access.\n\n## Other Changes\n\nVotes.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Steering committee|Maintainers|Reviewers|Organization members" {
		t.Fatalf("ladders %v", ls)
	}
	// near misses: a rung beside the holder that breaks the ladder's order
	// (Organization members above the maintainers on a page written top
	// first), and a rung apart from the holder (a section between them)
	for _, src := range []string{
		"# G\n\n## Organization members\n\nTriage.\n\n## Maintainership\n\nRepos.\n\n### Maintainers\n\nWrite.\n\n### Reviewers\n\nReview.\n\n### Changes\n\nNominations.\n",
		"# G\n\n## Steering committee\n\nVision.\n\n## Voting\n\nVotes.\n\n## Maintainership\n\nRepos.\n\n### Maintainers\n\nWrite.\n\n### Reviewers\n\nReview.\n\n### Changes\n\nNominations.\n",
	} {
		ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
		if len(ls) != 1 || titles(ls[0]) != "Maintainers|Reviewers" {
			t.Errorf("%q: ladders %v", src, ls)
		}
	}
}

func TestFindCouncilAndCoreDevelopers(t *testing.T) {
	// NumFOCUS's governance template: the rungs as H2 under an H1 that
	// names roles, among H1 process sections
	src := "# Abstract\n\nWhy.\n\n# Roles And Responsibilities\n\n## The Community\nAnyone using the project.\n\n" +
		"## Contributors\n\nPeople who send changes.\n\n## Core developers\n\nThey merge.\n\n## Steering Council\n\nThey decide.\n\n" +
		"# Decision Making Process\n\nBy consensus.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "The Community|Contributors|Core developers|Steering Council" {
		t.Fatalf("ladders %v", ls)
	}
	// near misses: "Community" without its article is a topic, and a
	// council's decisions are a section about it
	o := options(t)
	for _, title := range []string{"Community", "Community meetings", "The Community meetings", "Steering Council decisions"} {
		if p, ok := o.Ladder.Classify(title); ok && !p.Implied {
			t.Errorf("%q placed as %+v", title, p)
		}
	}
}

func TestFindListedTiers(t *testing.T) {
	// the tiers listed once, then a section per tier (but the first): the
	// items are the rungs, whether or not the tracks know their words
	body := "* Contributors\n* Recurring Contributors\n* Core Contributors\n* BDFL\n\nMore.\n\n" +
		"## Recurring Contributors\n\nOften.\n\n## Core Contributors\n\nVote.\n\n## BDFL\n\nDecides.\n\n## Sponsors\n\nPay.\n"
	src := "# Governance\n\n## Architecture\n\nThe tiers are listed below sorted by increasing responsibility:\n\n" + body
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || titles(ls[0]) != "Contributors|Recurring Contributors|Core Contributors|BDFL" {
		t.Fatalf("ladders %v", ls)
	}
	lv := ls[0].Levels
	if !lv[0].Listed || lv[1].Listed {
		t.Errorf("listed: %v %v", lv[0].Listed, lv[1].Listed)
	}
	if got := string(f.Source.Text[lv[3].TitleSpan.Start:lv[3].TitleSpan.End]); got != "BDFL" || lv[3].TitleSpan.Start < strings.Index(src, "## BDFL") {
		t.Errorf("BDFL's title at %d: %q", lv[3].TitleSpan.Start, got)
	}
	if got := strings.TrimSpace(string(f.Source.Text[lv[3].Body.Start:lv[3].Body.End])); got != "Decides." {
		t.Errorf("BDFL's body %q", got)
	}
	// near misses: a list no sentence introduces as tiers, and tiers of
	// which fewer than half have a section
	for _, src := range []string{
		"# Governance\n\n## Architecture\n\nWe use these tools:\n\n" + body,
		"# Governance\n\n## Architecture\n\nThe tiers are:\n\n* Contributors\n* Recurring Contributors\n* Core Contributors\n* BDFL\n* Council\n\n## BDFL\n\nDecides.\n\n## Sponsors\n\nPay.\n",
	} {
		if ls := shape.Find(model.Parse("g.md", []byte(src)), options(t)); len(ls) != 0 {
			t.Errorf("%q: ladder %q", src, titles(ls[0]))
		}
	}
}

// A list of rungs written bottom first may end with rungs above those the
// tracks know, named by the project alone ("TAP Editor", "Consensus
// Builder"): they are levels when every item is written "Title:
// description" and three rungs or more, the most of the list, go up before
// them. Near misses: an item without a colon; an unknown item between known
// rungs; two known rungs only; known rungs going down.
func TestFindBulletLadderTopUnnamed(t *testing.T) {
	src := "# Governance\n\n## Contributor Ladder\n\n* Participant: anyone who takes\n  part.\n* Contributor: sends changes.\n* Subproject Maintainer: merges.\n* Spec Editor: edits the specification.\n* Consensus Builder: breaks ties.\n\nInactive contributors move down.\n"
	f := model.Parse("l.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "Participant|Contributor|Subproject Maintainer|Spec Editor|Consensus Builder" {
		t.Fatalf("top unnamed rungs: %d %v", len(ls), ls)
	}
	l := ls[0].Levels[3]
	if got := string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]); got != "Spec Editor" || l.Placed {
		t.Errorf("title span: %q placed %v", got, l.Placed)
	}
	if body := string(f.Source.Text[l.Body.Start:l.Body.End]); !strings.Contains(body, "edits the specification") || strings.Contains(body, "Consensus") {
		t.Errorf("body: %q", body)
	}
	for name, near := range map[string]string{
		"colon":  strings.Replace(src, "Consensus Builder: breaks", "Consensus Builder - breaks", 1),
		"two":    strings.Replace(src, "* Participant: anyone who takes\n  part.\n", "", 1),
		"down":   "## Contributor Ladder\n\n* Subproject Maintainer: merges.\n* Contributor: sends changes.\n* Participant: takes part.\n* Spec Editor: edits.\n",
		"inside": "## Contributor Ladder\n\n* Participant: takes part.\n* Spec Editor: edits.\n* Contributor: sends changes.\n* Subproject Maintainer: merges.\n* Consensus Builder: breaks ties.\n",
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss %s: %v", name, titles(ls[0]))
		}
	}
}

// Two rungs may be written one step down, top first: a heading names the
// upper rung, the next sibling section holds the lower one as its first
// sub-heading. Near misses: the lower rung not first under the sibling; the
// sibling itself a rung; the lower rung above the first; another rung of
// the track elsewhere on the page.
func TestFindSteppedRungs(t *testing.T) {
	src := "# Governance\n\nTwo tiers.\n\n## Steering Committee\n\nFive members.\n\n## Repository Governance\n\nEach repository.\n\n### Maintainer\n\nMerges.\n\n#### Removing a maintainer\n\nBy vote.\n\n## Voting\n\nMajority.\n"
	f := model.Parse("s.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Steering Committee|Maintainer" {
		t.Fatalf("stepped rungs: %d %v", len(ls), ls)
	}
	l := ls[0].Levels[1]
	if body := string(f.Source.Text[l.Body.Start:l.Body.End]); !strings.Contains(body, "Merges") || strings.Contains(body, "Majority") {
		t.Errorf("body: %q", body)
	}
	// each near miss, and the ladder it must not find
	for name, near := range map[string][2]string{
		"notfirst": {strings.Replace(src, "### Maintainer", "### Layout\n\nFolders.\n\n### Maintainer", 1), "Steering Committee|Maintainer"},
		"sibling":  {strings.Replace(src, "## Repository Governance", "## Reviewers", 1), "Steering Committee|Maintainer"},
		"above":    {strings.Replace(strings.Replace(src, "## Steering Committee", "## Contributors", 1), "### Maintainer", "### Steering Committee", 1), "Contributors|Steering Committee"},
		"another":  {src + "\n## Community\n\nAll of us.\n\n### Contributor\n\nAnyone.\n", "Steering Committee|Maintainer"},
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(near[0])), options(t)) {
			if titles(l) == near[1] {
				t.Errorf("near miss %s: %v", name, titles(l))
			}
		}
	}
}

// A page's roles list, bold-label paragraphs before the rungs' headings,
// may name one rung more beyond the headings' last: it is a level, Listed.
// Near misses: the extra label below the headings' first rung (not beyond
// the last); labels that do not name the headings' rungs in their order;
// labels after the headings.
func TestFindLabelledBeyond(t *testing.T) {
	heads := "#### Contributors\n\nSends changes.\n\n#### Approvers\n\nApproves.\n\n#### Maintainers\n\nLeads.\n"
	labels := "### Project Roles\n\n**Contributors**:\n\nAnyone.\n\n**Approver**:\n\nReviews.\n\n**Maintainer**:\n\nDirects.\n\n**Admin**:\n\nFull access.\n\n"
	ls := shape.Find(model.Parse("k.md", []byte("## Governance\n\n"+labels+heads)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Contributors|Approvers|Maintainers|Admin" {
		t.Fatalf("labelled beyond: %d %v", len(ls), ls)
	}
	if l := ls[0].Levels[3]; !l.Listed || l.Heading != nil {
		t.Errorf("Admin: listed %v heading %v", l.Listed, l.Heading)
	}
	for name, near := range map[string]string{
		"below": "## Governance\n\n" + strings.Replace(labels, "**Admin**:\n\nFull access.\n\n", "**Participant**:\n\nTakes part.\n\n", 1) + heads,
		"order": "## Governance\n\n" + strings.Replace(labels, "**Approver**:\n\nReviews.\n\n", "**Reviewer**:\n\nReviews.\n\n", 1) + heads,
		"after": "## Governance\n\n" + heads + "\n" + labels,
	} {
		ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t))
		if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Contributors|Approvers|Maintainers" {
			t.Errorf("near miss %s: %d %v", name, len(ls), ls)
		}
	}
}

// A rung may be written as a paragraph inside another rung's item: its bold
// label, indented after a blank line, like the items' own. Near misses: the
// items' titles not bold; no blank line before the label (a line of the
// item's paragraph); the label below its item's rung; the label beyond the
// next item's rung.
func TestFindBulletRungInsideItem(t *testing.T) {
	src := "## Contributor Roles\n\n- **Contributor**: files issues.  \n  *Requirements:* one change.\n  \n   **Area Maintainer**: owns an area.  \n  *Requirements:* ten changes.\n\n- **Core Maintainer**: owns the project.\n"
	f := model.Parse("c.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "Contributor|Area Maintainer|Core Maintainer" {
		t.Fatalf("rung inside an item: %d %v", len(ls), ls)
	}
	for i, want := range []string{"one change", "ten changes"} {
		l := ls[0].Levels[i]
		if body := string(f.Source.Text[l.Body.Start:l.Body.End]); !strings.Contains(body, want) || strings.Contains(body, "owns the project") || i == 0 && strings.Contains(body, "Area") {
			t.Errorf("body %d: %q", i, body)
		}
	}
	if l := ls[0].Levels[1]; string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]) != "Area Maintainer" {
		t.Errorf("title span: %v", l.TitleSpan)
	}
	for name, near := range map[string]string{
		"plain":   strings.NewReplacer("- **Contributor**:", "- Contributor:", "- **Core Maintainer**:", "- Core Maintainer:").Replace(src),
		"noblank": strings.Replace(src, "  \n   **Area", "   **Area", 1),
		"below":   strings.Replace(src, "**Area Maintainer**", "**Participant**", 1),
		"beyond":  strings.Replace(src, "**Area Maintainer**", "**Steering Committee**", 1),
	} {
		ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t))
		if len(ls) != 1 || len(ls[0].Levels) != 2 {
			t.Errorf("near miss %s: %d %v", name, len(ls), ls)
		}
	}
}

// Rungs may go on after the heading that holds them, as its siblings: a
// rung of the track at the last one's step or beyond, and roles on no
// track, up to the first sibling that names no role. Near misses: a holder
// that names no roles; siblings that are roles on no track only; a sibling
// rung below the ladder's last.
func TestFindRoleSiblings(t *testing.T) {
	src := "# Contributor roles\n\n## Roles\n\n### Contributor\n\n#### Requirements\n\nA change.\n\n### Owner\n\n#### Requirements\n\nStaff.\n\n## Maintainer\n\nLeads.\n\n## Invited expert\n\nReviews an area.\n\n## Processes\n\nNominations.\n"
	ls := shape.Find(model.Parse("m.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Contributor|Owner|Maintainer|Invited expert" {
		t.Fatalf("role siblings: %d %v", len(ls), ls)
	}
	for name, near := range map[string]string{
		"holder":   strings.Replace(src, "## Roles", "## People", 1),
		"offtrack": strings.Replace(src, "## Maintainer", "## Release captain", 1),
		"below":    strings.Replace(src, "## Maintainer", "## Participant", 1),
	} {
		ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t))
		if len(ls) != 1 || titles(ls[0]) != "Contributor|Owner" {
			t.Errorf("near miss %s: %d %v", name, len(ls), ls)
		}
	}
}

// Rungs named inside a topic about them, when two siblings or more share
// the topic's shape: "Expectations from The Steering Committee",
// "Expectations from Maintainers", then the bare "Committer" (CubeFS's
// governance), or "Contributor expectations", "Reviewer expectations".
// The level is titled, and placed, by the rung's words.
func TestFindTopicRungs(t *testing.T) {
	src := "# Project Governance\n\n## Principles\n\nOpen.\n\n## Expectations from The Steering Committee\n\nSets the roadmap.\n\n" +
		"## Expectations from Maintainers\n\nReview pull requests.\n\n## Committer\n\nContributes code.\n\n## Becoming a Committer\n\nAsk.\n\n" +
		"## Becoming a Maintainer\n\nBe nominated.\n\n## Changes in Steering Committee\n\nVote.\n\n## Code of Conduct\n\nBe kind.\n"
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Steering Committee|Maintainers|Committer" {
		t.Fatalf("topic rungs: %d %v", len(ls), ls)
	}
	if sp := ls[0].Levels[0].TitleSpan; string(f.Source.Text[sp.Start:sp.End]) != "Steering Committee" {
		t.Errorf("title span %v: %q", sp, f.Source.Text[sp.Start:sp.End])
	}
	suffix := "# Contributor Ladder\n\n## Contributor expectations\n\nOpens issues.\n\n## Reviewer expectations\n\nReviews.\n\n" +
		"## Maintainer expectations\n\nMerges.\n\n## Inactivity\n\nA year.\n"
	if ls := shape.Find(model.Parse("s.md", []byte(suffix)), options(t)); len(ls) != 1 || titles(ls[0]) != "Contributor|Reviewer|Maintainer" {
		t.Errorf("topic rungs, rung first: %d %v", len(ls), ls)
	}
	// a topic about a rung the siblings also head alone is no second rung
	both := "# Contributor Ladder\n\n## Reviewer\n\nReviews.\n\n## Reviewer duties\n\nTriage.\n\n## Maintainer\n\nMerges.\n\n" +
		"## Maintainer duties\n\nReleases.\n\n## Committer\n\nCommits.\n"
	if ls := shape.Find(model.Parse("b.md", []byte(both)), options(t)); len(ls) != 1 || titles(ls[0]) != "Reviewer|Maintainer|Committer" {
		t.Errorf("topics beside their rungs: %d %v", len(ls), ls)
	}
	// near misses: one topic heading of its shape is a section about a
	// rung; topics of two shapes share none; a process shared by two
	// siblings ("Becoming a ...") is no topic of what a rung does
	for name, near := range map[string]string{
		"alone":  strings.Replace(src, "## Expectations from Maintainers", "## Maintainer elections", 1),
		"shapes": strings.Replace(src, "## Expectations from Maintainers", "## Responsibilities of Maintainers", 1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(near)), options(t)) {
			if strings.Contains(titles(l), "Steering Committee") {
				t.Errorf("near miss %s: %s", name, titles(l))
			}
		}
	}
}

// Rungs numbered as sections in Roman numerals ("### I. Core
// Contributors", "### II. Stewards" under "## Member Roles", Yarn's
// governance): the numbers are the sections' order, as "1." is, and a
// rung the tracks do not know ("Stewards") is a level beside one they do.
// The roster after them, the same names in another order, is no ladder.
func TestFindRomanNumberedRungs(t *testing.T) {
	src := "# Governance\n\n## Code of Conduct\n\nBe kind.\n\n## Member Roles\n\n### I. Core Contributors\n\nPush access.\n\n#### Induction\n\nNominated.\n\n" +
		"### II. Stewards\n\nSet the vision.\n\n#### Induction\n\nA unanimous vote.\n\n## Current Members\n\n### Stewards\n\n- A. Person\n\n" +
		"### Core Contributors\n\n- B. Person\n\n## Voting\n\nMajority.\n"
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "I. Core Contributors|II. Stewards" {
		t.Fatalf("Roman-numbered rungs: %d %v", len(ls), ls)
	}
	if c := ls[0].Levels[1].Code; c == nil || c.Rank != 2 || c.Format != "n" {
		t.Errorf("II. Stewards: code %+v", c)
	}
	// near miss: a policy numbered in Roman numerals, one section of which
	// names a role, is no ladder (nor is it in Arabic numbers)
	for name, near := range map[string]string{
		"roman":  "# Charter\n\n## I. Purpose\n\nWhy.\n\n## II. Members\n\nWho.\n\n## III. Voting\n\nHow.\n\n## IV. Amendments\n\nChanges.\n",
		"arabic": "# Charter\n\n## 1. Purpose\n\nWhy.\n\n## 2. Members\n\nWho.\n\n## 3. Voting\n\nHow.\n\n## 4. Amendments\n\nChanges.\n",
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss %s: %s", name, titles(ls[0]))
		}
	}
}

// A board that governs the project is its top rung, as a steering
// committee or council is (Pixie's "## Governance Board", the NumFOCUS
// template's council renamed), here written first, then the rungs bottom
// up.
func TestFindGovernanceBoardRung(t *testing.T) {
	src := "# The Project\n\n## Principles\n\nOpen.\n\n## Governance Board\n\nSix seats.\n\n### Board Membership\n\nTwelve months.\n\n### Voting\n\nLazy consensus.\n\n" +
		"## Contributors\n\nAnyone.\n\n## Maintainers\n\nReview.\n\n### Expectations from Maintainers\n\nRespond.\n\n### Becoming a Maintainer\n\nNominated.\n\n" +
		"## Code of Conduct\n\nBe kind.\n\n## Credits\n\nVolcano.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Governance Board|Contributors|Maintainers" {
		t.Fatalf("governance board: %d %v", len(ls), ls)
	}
	if ls := shape.Find(model.Parse("g.md", []byte(strings.Replace(src, "## Governance Board", "## Governing Board", 1))), options(t)); len(ls) != 1 || len(ls[0].Levels) != 3 {
		t.Errorf("governing board: %d %v", len(ls), ls)
	}
	// near misses: the board's meetings are a topic about the body, and a
	// "Board" alone names none; two rungs left in the middle of the
	// page's sections are no ladder
	for name, near := range map[string]string{
		"meetings": strings.Replace(src, "## Governance Board", "## Governance Board meetings", 1),
		"board":    strings.Replace(src, "## Governance Board", "## Board", 1),
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss %s: %s", name, titles(ls[0]))
		}
	}
}

// A rung the page defines as the one below it with more: after "## User:
// " and "## Contributors: ", "## Technical Manager: " opens "The technical
// manager is the contributor with authority to merge the code." (LakeSoul's
// community roles). A role beside the ladder ("The community manager is
// the person who helps") is no rung.
func TestFindDefinedRung(t *testing.T) {
	src := "# Community Roles\n## User: \nUsers use the product.\n\n## Contributors: \nContributors author PRs.\n\n" +
		"## Technical Manager: \nThe technical manager is the contributor with authority to merge the code. Elected.\n\n" +
		"## Community Manager: \nThe community manager is the person who helps manage day-to-day operations.\n\n" +
		"## Partners: \nCommunity partners are organizations that support us.\n\n## Organizational Structure\nBodies.\n\n## Criteria: \nApache 2.0.\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "User:|Contributors:|Technical Manager:" {
		t.Fatalf("defined rung: %d %v", len(ls), ls)
	}
	// one rung may define the next
	chain := strings.Replace(src, "## Community Manager: \nThe community manager is the person who",
		"## Project Architect: \nA project architect is a senior technical manager who", 1)
	if ls := shape.Find(model.Parse("d.md", []byte(chain)), options(t)); len(ls) != 1 || titles(ls[0]) != "User:|Contributors:|Technical Manager:|Project Architect:" {
		t.Errorf("defined rungs in a chain: %d %v", len(ls), ls)
	}
	// near misses: defined as a person, not the rung below; or not right
	// after the ladder's last rung
	for name, near := range map[string]string{
		"person": strings.Replace(src, "is the contributor with", "is the person with", 1),
		"apart": strings.Replace(src, "## Technical Manager: \nThe technical manager is the contributor with authority to merge the code. Elected.\n\n", "", 1) +
			"## Technical Manager: \nThe technical manager is the contributor with authority to merge the code.\n",
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "User:|Contributors:" {
			t.Errorf("near miss %s: %d %v", name, len(ls), ls)
		}
	}
}

// An umbrella rung whose sub-headings are all ranks ("## Core team member"
// holding "### Snr Developer", "### Area Lead", "### Project Lead",
// "### Project Mentor"): the ranks are the levels, in their order, and the
// umbrella is no level apart from them. A rank the tracks do not name
// ("Project Mentor") counts when it opens with a named rank's first word.
func TestFindRanksWithinUmbrella(t *testing.T) {
	src := "# Community\n\n## Contributor\n\nSends patches.\n\n## Committer\n\nMerges.\n\n## Core team member\n\nCore team members progress through ranks.\n\n" +
		"### Snr Developer\n\nThe most junior core members.\n\n### Area Lead\n\nLeads an area.\n\n### Project Lead\n\nLeads the project.\n\n### Project Mentor\n\nAdvises.\n\n## Code of Conduct\n\nBe kind.\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	want := "Contributor|Committer|Snr Developer|Area Lead|Project Lead|Project Mentor"
	if len(ls) != 1 || titles(ls[0]) != want {
		t.Fatalf("ranks within an umbrella: %d %v", len(ls), ls)
	}
	// near misses: sub-headings that are the rung's sections, and a
	// sub-heading beside the ranks that names nothing of theirs
	for name, near := range map[string]string{
		"sections": strings.NewReplacer("### Snr Developer", "### Responsibilities", "### Area Lead", "### Requirements",
			"### Project Lead", "### Privileges", "### Project Mentor", "### Nomination").Replace(src),
		"stranger": strings.Replace(src, "### Project Mentor", "### Meeting Notes Archive", 1),
	} {
		ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t))
		if len(ls) != 1 || titles(ls[0]) != "Contributor|Committer|Core team member" {
			t.Errorf("near miss %s: %d %v", name, len(ls), ls)
		}
	}
}

// "Outside Contributors" beside "Contributors" and "Maintainers" (Jest's
// governance): a qualifier before a plural rung names a rung of its own.
func TestFindOutsideContributors(t *testing.T) {
	src := "# Governance\n\n## Maintainers\n\nMerge and release.\n\n## Contributors\n\nTriage and commit.\n\n## Outside Contributors\n\nAnyone who contributes.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || len(ls[0].Levels) != 3 {
		t.Fatalf("outside contributors: %d %v", len(ls), ls)
	}
}

// A body that governs the project is also headed by its acronym alone: an
// Apache project's "## PMC" (Project Management Committee) after "##
// Contributor" and "## Committer" (HoraeDB's roles) is the top rung, as a
// "## TSC" would be. Only the acronym alone, with an article or as the
// body's membership: "PMC meetings" is a topic of the body.
func TestFindAcronymBodyRung(t *testing.T) {
	o := options(t)
	src := "# Community roles\n\n## Summary\n\nThree roles.\n\n## Contributor\n\n**Requirements**\n\nA merged PR.\n\n" +
		"## Committer\n\n**Requirements**\n\nTen PRs.\n\n## PMC\n\n**Requirements**\n\nVoted in by the PMC.\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), o)
	if len(ls) != 1 || titles(ls[0]) != "Contributor|Committer|PMC" {
		t.Fatalf("PMC rung: %d %v", len(ls), ls)
	}
	top, _ := o.Ladder.Classify("Technical Steering Committee")
	for _, title := range []string{"PMC", "The PMC", "PMC Members", "TSC", "Project Management Committee (PMC)"} {
		if p, ok := o.Ladder.Classify(title); !ok || p.Name != "contributor" || !p.Same(top) {
			t.Errorf("%q: %+v (ok %v), want the steering committee's step", title, p, ok)
		}
	}
	// near misses: a topic of the body, and a word that only starts as
	// an acronym does, name no rung
	for _, title := range []string{"PMC meetings", "TSC Meetings", "Pmcs", "Governance"} {
		if p, ok := o.Ladder.Classify(title); ok && p.Name == "contributor" {
			t.Errorf("%q placed on the contributor track (%s)", title, p.Label)
		}
	}
	near := strings.Replace(src, "## PMC\n", "## PMC meetings\n", 1)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), o); len(ls) != 1 || titles(ls[0]) != "Contributor|Committer" {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
}

// A governing body's chair, elected from its members, heads it: gem5's
// "## Project management committee" then "## PMC Chair", after Users,
// Contributors and Committers, is a ladder of five. The chair is a step
// above the body; a process about the chair ("Electing the PMC Chair") or
// a topic of it ("PMC Chair Duties") names no rung.
func TestFindBodyChairRung(t *testing.T) {
	o := options(t)
	src := "# Roles And Responsibilities\n\n## Users\n\nThey use it.\n\n## Contributors\n\nThey send patches.\n\n" +
		"## Committers\n\nThey merge.\n\n## Project management committee\n\nThey govern.\n\n## PMC Chair\n\nElected by the PMC.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), o)
	if len(ls) != 1 || titles(ls[0]) != "Users|Contributors|Committers|Project management committee|PMC Chair" {
		t.Fatalf("chair rung: %d %v", len(ls), ls)
	}
	body, _ := o.Ladder.Classify("PMC")
	for _, title := range []string{"PMC Chair", "TSC Chair", "Chair", "Steering Committee Chair"} {
		if p, ok := o.Ladder.Classify(title); !ok || p.Name != "contributor" || body.Compare(p) >= 0 {
			t.Errorf("%q: %+v (ok %v), want a step above the PMC", title, p, ok)
		}
	}
	for _, title := range []string{"Electing the PMC Chair", "PMC Chair Duties"} {
		near := strings.Replace(src, "## PMC Chair\n", "## "+title+"\n", 1)
		if ls := shape.Find(model.Parse("n.md", []byte(near)), o); len(ls) != 1 || titles(ls[0]) != "Users|Contributors|Committers|Project management committee" {
			t.Errorf("near miss %q: %d %v", title, len(ls), ls)
		}
	}
}

// Headings that list who holds each rung are a roster, not a ladder: after
// the rungs written as bold-label paragraphs (iLogtail's "**Maintainer**:",
// ...), "### PMC", "### Committer", "### Contributor" hold names with
// links, or one link to the contributors. The paragraphs stay the ladder.
func TestFindRosterNoLadder(t *testing.T) {
	src := "# Developers\n\n## Community Roles\n\nFour roles.\n\n**Maintainer**:\n\n- Designs modules.\n\n**Committer**:\n\n- Owns an area.\n\n" +
		"**Contributor**:\n\n- Merged a PR.\n\n**User**:\n\n- Uses it.\n\n### How to Become a Committer?\n\nContribute.\n\n### Team\n\nThanks.\n\n" +
		"### PMC (Project Management Committee)\n\n- Ann Lee ([@ann](https://github.com/ann))\n- Bo Xu ([@bo](https://github.com/bo))\n\n" +
		"### Committer\n\n- Cy Wu ([@cy](https://github.com/cy))\n\n### Contributor\n\n[View the list of contributors on GitHub](https://github.com/o/r/graphs/contributors)\n"
	ls := shape.Find(model.Parse("d.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "paragraphs" || titles(ls[0]) != "Maintainer|Committer|Contributor|User" {
		t.Fatalf("roster: %d %v", len(ls), ls)
	}
	// near miss: the same headings describing their rungs are the ladder
	near := strings.NewReplacer("- Ann Lee ([@ann](https://github.com/ann))\n- Bo Xu ([@bo](https://github.com/bo))", "Members of the PMC vote on releases and [new committers](https://example.com/c).",
		"- Cy Wu ([@cy](https://github.com/cy))", "Committers review and merge the pull requests of others.").Replace(src)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || ls[0].From != "headings" || len(ls[0].Levels) != 3 {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
}

// Rungs written as the items of an ordered list, each a role named with an
// indefinite article on a line of its own ("1. A Developer", "2. A
// Committer", ... under "## 2. Roles and Responsibilities", Samsung's
// inner-source governance): the leading items that name rungs in rank
// order are the ladder; a role the tracks do not know ends it (a
// Benevolent-Leader, then an Administrator beside the ladder), and the
// items about the rungs ("6. Selection of Committers and Maintainers") are
// no rungs. The first role, unknown to the tracks, is the bottom rung as
// the next one is defined as it ("A Committer is a Developer who").
func TestFindArticleListRungs(t *testing.T) {
	src := "# Governance\n\n## 1. Guideline\n\nOpen.\n\n## 2. Roles and Responsibilities\n\nThree formal roles.\n  \n" +
		"1. A Developer\n  \n   A Developer is anyone who wishes to contribute. Developers may:\n   - Contribute code.\n\n" +
		"2. A Committer\n\n   A Committer is a Developer who also maintains an area. Committers may:\n   - Set goals.\n\n" +
		"3. A Maintainer\n\n   A Maintainer is a Developer who also leads a repository.\n   - Lead discussions.\n\n" +
		"4. A Benevolent-Leader\n\n   Has the final say.\n\n5. An Administrator\n\n   Operates the portal.\n\n" +
		"6. Selection of Committers and Maintainers\n\n   Ten patches.\n\n7. Revocation of Committers/Maintainers status\n\n   By consensus.\n\n" +
		"## 3. Rules of Community\n\n1. Open collaboration.\n"
	f := model.Parse("g.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "Developer|Committer|Maintainer" {
		t.Fatalf("article rungs: %d %v", len(ls), ls)
	}
	for _, l := range ls[0].Levels {
		if got := string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]); got != l.Title {
			t.Errorf("%q: title span %q", l.Title, got)
		}
	}
	if dev := ls[0].Levels[0]; !strings.Contains(string(f.Source.Text[dev.Body.Start:dev.Body.End]), "Contribute code.") {
		t.Errorf("Developer's body: %q", f.Source.Text[dev.Body.Start:dev.Body.End])
	}
	// near misses: steps of a process written with articles, a first role
	// the next does not define as it, and the same roles under a heading
	// that names no roles
	for name, near := range map[string]string{
		"process":   "# Process\n\n## Roles\n\n1. A Proposal\n\n   Written.\n\n2. A Review\n\n   Read.\n\n3. A Vote\n\n   Cast.\n",
		"undefined": strings.Replace(src, "A Committer is a Developer who", "A Committer is someone who", 1),
		"heading":   strings.Replace(src, "## 2. Roles and Responsibilities", "## 2. Operation", 1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(near)), options(t)) {
			if strings.Contains(titles(l), "Developer") || strings.Contains(titles(l), "Proposal") || name == "heading" {
				t.Errorf("near miss %s: %s", name, titles(l))
			}
		}
	}
}

// A roster of plain names comes first and names the rungs again: smart-doc's
// "### PMC", "### Committer", "### Contributor", each a list of people (or a
// note), then, after a thematic break, "### Maintainer", "### Committer",
// "### Contributor" described. The group of six holds two runs naming the
// same rungs; the one that is mostly rosters is dropped.
func TestFindPlainRosterBeforeRungs(t *testing.T) {
	src := "# community role\n\nRoles such as Maintainer, Committer, and Contributor.\n\n" +
		"### PMC (Project Management Committee)\n- Yu Sun\n\n### Committer\n- Ann Lee\n- Bo Xu\n\n### Contributor\nThe list is being moved and will be back soon.\n\n---\n\n" +
		"### Maintainer\nLeads the project.\n\nCriteria for becoming a Maintainer:\n- Designed core modules.\n\n" +
		"### Committer\nOwns an area.\n\nCriteria for becoming a Committer:\n- Ten merged PRs.\n\n" +
		"### Contributor\nHas contributed.\n\nCriteria for becoming a Contributor:\n- One merged PR.\n\n" +
		"### How to become a Contributor and Committer\n\nContribute.\n"
	ls := shape.Find(model.Parse("d.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Maintainer|Committer|Contributor" {
		t.Fatalf("roster first: %d %v", len(ls), ls)
	}
	// near miss: names written as sentences are no roster; both runs stay
	near := strings.NewReplacer("- Yu Sun\n", "Yu Sun chairs the committee.\n", "- Ann Lee\n- Bo Xu\n", "Ann Lee and Bo Xu review the designs.\n").Replace(src)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || len(ls[0].Levels) != 6 {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
	// near miss: a placeholder is no name
	tbd := strings.NewReplacer("- Yu Sun\n", "TBD\n", "- Ann Lee\n- Bo Xu\n", "- N/A\n").Replace(src)
	if ls := shape.Find(model.Parse("t.md", []byte(tbd)), options(t)); len(ls) != 1 || len(ls[0].Levels) != 6 {
		t.Errorf("placeholders: %d %v", len(ls), ls)
	}
}

// A page whose only ladder is a roster (Zarm's "## PMC:", "## Maintanier:",
// "## Committer:", "## Reviewer:", "## Contributors:", each holding names)
// still names its rungs in rank order: they are the ladder. The misspelt
// rung, two adjacent letters swapped between two rungs it lies between, is
// placed.
func TestFindRosterOnlyLadder(t *testing.T) {
	src := "# COMMUNITY\n\n## PMC:\nJerome Lin <jerome.lin@example.com>\n\n## Maintanier:\nJerome Lin <jerome.lin@example.com>\n\n" +
		"## Committer:\nedison-hm <edison@example.com>\n\n## Reviewer:\nJerome Lin <jerome.lin@example.com>\n\n\n" +
		"## Contributors:\n- Jerome Lin <jerome.lin@example.com>\n- Cheng007 <c@example.com>\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "PMC:|Maintanier:|Committer:|Reviewer:|Contributors:" {
		t.Fatalf("roster only: %d %v", len(ls), ls)
	}
	if l := ls[0].Levels[1]; !l.Placed || l.Place.Label != "Maintainer" {
		t.Errorf("%q placed %v as %q", l.Title, l.Placed, l.Place.Label)
	}
	// near miss: one letter changed is another word ("Committee"), not a rung
	near := strings.Replace(src, "## Maintanier:", "## Committee:", 1)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "PMC:|Committer:|Reviewer:|Contributors:" {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
	// near miss: a misspelt rung out of the order (below Committer) is left out
	order := strings.Replace(src, "## Reviewer:", "## Maintanier:", 1)
	order = strings.Replace(order, "## Maintanier:\nJerome", "## Reviewer:\nJerome", 1)
	if ls := shape.Find(model.Parse("o.md", []byte(order)), options(t)); len(ls) == 1 && strings.Contains(titles(ls[0]), "Maintanier") {
		t.Errorf("out of order: %d %v", len(ls), ls)
	}
}

// "List of X" heads the roster of rung X among siblings that are rungs
// (TVM's "## Committers", "## Reviewers", "## List of Contributors").
func TestFindListOfRung(t *testing.T) {
	src := "TVM Contributors\n================\nGoverned by merit.\n\n## Mentors\n\n- Ann Lee\n\n## Committers\n\nWe tag areas.\n\n- [Bo Xu](https://github.com/bo) - relay\n\n" +
		"## Reviewers\n\n- [Cy Wu](https://github.com/cy)\n\n## List of Contributors\n\n- [Full list](https://github.com/o/r/graphs/contributors)\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Committers|Reviewers|Contributors" {
		t.Fatalf("list of: %d %v", len(ls), ls)
	}
	// near misses: a list of no rung, and a rung's list out of the order
	for _, repl := range []string{"## List of Resources", "## List of Maintainers"} {
		near := strings.Replace(src, "## List of Contributors", repl, 1)
		if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Committers|Reviewers" {
			t.Errorf("%s: %d %v", repl, len(ls), ls)
		}
	}
}

// A project's committee headed by the project's name, then rungs written
// alike: each holds a sub-heading of its own role's responsibilities, the
// last a role the tracks do not rank (PowerShell's governance).
func TestFindNamedCommitteeAndToppedRung(t *testing.T) {
	page := func(expertSub string) string {
		return "# Widget Governance\n\n## Terms\n\n* **Widget Committee**: owners.\n\n" +
			"## Widget Committee\n\nThe committee decides.\n\n### Current Committee Members\n\n- Ann\n\n### Committee Member Responsibilities\n\n1. **DO** vote.\n\n" +
			"## Repository Maintainers\n\nThey merge.\n\n### Repository Maintainer Responsibilities\n\n1. **DO** merge.\n\n" +
			"## Area Experts\n\nThey review.\n\n### " + expertSub + "\n\n1. **DO** review.\n\n" +
			"## Issue Management Process\n\nTriage.\n\n## Pull Request Process\n\nReview.\n"
	}
	ls := shape.Find(model.Parse("g.md", []byte(page("Area Expert Responsibilities"))), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Widget Committee|Repository Maintainers|Area Experts" {
		var got []string
		for _, l := range ls {
			got = append(got, titles(l))
		}
		t.Fatalf("ladders %q", got)
	}
	// near miss: the unranked role holds no section of its own role's
	// responsibilities: it is no rung, and two rungs among six sections
	// are no ladder
	for _, l := range shape.Find(model.Parse("g.md", []byte(page("Meetings"))), options(t)) {
		if strings.Contains(titles(l), "Area Experts") {
			t.Errorf("levels %q", titles(l))
		}
	}
	o := options(t)
	top, ok := o.Ladder.Classify("Technical Steering Committee")
	if !ok {
		t.Fatal("TSC not placed")
	}
	if p, ok := o.Ladder.Classify("Widget Committee"); !ok || !p.Same(top) {
		t.Errorf("Widget Committee: %+v, want the steering committee's rung", p)
	}
	// near misses: a committee named by no word, a topic of the committee,
	// or a committee in three words that names no governing body
	for _, title := range []string{"Committee", "Committee Members", "Committee Member Responsibilities", "Committee Meeting Notes", "Code of Conduct Committee"} {
		if p, ok := o.Ladder.Classify(title); ok && p.Same(top) {
			t.Errorf("%q placed on the committee's rung", title)
		}
	}
}

// A table of competencies whose "Grade" column tags each row with the
// grade it applies to, I to IV, each on several rows: the grades are the
// ladder's levels, lowest first (Rolling Glory's career grades).
func TestFindValueColumnLevels(t *testing.T) {
	table := func(grades ...string) string {
		var b strings.Builder
		b.WriteString("# Career Grades\n\n| No | Category | Grade | Competency |\n| -- | -- | -- | -- |\n")
		for i, g := range grades {
			fmt.Fprintf(&b, "| %d | IC | %s | Skill %d |\n", i+1, g, i+1)
		}
		return b.String()
	}
	ls := shape.Find(model.Parse("g.md", []byte(table("I", "I", "II", "II", "III", "IV", "III", "IV", "--"))), options(t))
	if len(ls) != 1 || ls[0].From != "table" || titles(ls[0]) != "Grade I|Grade II|Grade III|Grade IV" {
		var got []string
		for _, l := range ls {
			got = append(got, l.From+": "+titles(l))
		}
		t.Fatalf("ladders %q", got)
	}
	if c := ls[0].Levels[3].Code; c == nil || c.Rank != 4 {
		t.Errorf("Grade IV code %+v", c)
	}
	// near misses: a value on one row only (the column numbers its rows),
	// a column of words, and too many rows without a grade
	for _, src := range []string{
		table("I", "II", "III", "IV", "V", "VI"),
		table("High", "High", "Low", "Low", "High", "Low"),
		table("I", "I", "II", "II", "--", "--", "--", "--"),
	} {
		for _, l := range shape.Find(model.Parse("g.md", []byte(src)), options(t)) {
			t.Errorf("%s ladder %q in\n%s", l.From, titles(l), src)
		}
	}
}

// Setext sections that name transitions between rungs, bottom first, each
// from the rung the one before leads to, then the top rung alone (Pillar's
// guild personas): the rungs are the transitions' first rungs and the top;
// "Journeyman" and "Craftsman" are words no track knows.
func TestFindTransitionRungs(t *testing.T) {
	src := "Prerequisites for Apprentice\n---\nAs a **prospective Apprentice**\n\n- Enthusiasm\n\n" +
		"Apprentice to Journeyman (1 year)\n---\nAs an **Apprentice**\n\n- One technology\n\n" +
		"Journeyman to Craftsman (5+ years)\n---\nAs a **Journeyman**\n\n- Three technologies\n\n" +
		"Craftsman to Master Craftsman (7+ years)\n---\nAs a **Craftsman**\n\n- Six technologies\n\n" +
		"Master Craftsman\n---\nAs a **Master Craftsman**\n\n- Breaks the rules\n"
	f := model.Parse("p.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || titles(ls[0]) != "Apprentice|Journeyman|Craftsman|Master Craftsman" {
		t.Fatalf("transitions: %d %v", len(ls), ls)
	}
	if l := ls[0].Levels[1]; string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]) != "Journeyman" {
		t.Errorf("title span %v", l.TitleSpan)
	}
	// near misses: transitions that do not chain, and a chain of no rung
	// the tracks know
	for _, near := range []string{
		strings.Replace(src, "Journeyman to Craftsman", "Senior to Staff", 1),
		"## Python 2 to Python 3\n\nPort.\n\n## Python 3 to Python 4\n\nPort again.\n\n## Python 4\n\nDone.\n",
	} {
		for _, l := range shape.Find(model.Parse("n.md", []byte(near)), options(t)) {
			for _, v := range l.Levels {
				if v.Title == "Apprentice" || v.Title == "Journeyman" || strings.HasPrefix(v.Title, "Python") {
					t.Errorf("near miss read as transitions: %q", titles(l))
				}
			}
		}
	}
}

// Two groups of sibling headings that name rungs: the one that names more
// distinct rungs is the ladder (Homebrew's three tiers under "##
// Structure"), not a longer group of sections about two of them under "##
// Accountability"; the generic profile knows a (project) leadership
// committee as the governing body and "Regular Maintainers" as the rung.
func TestFindDistinctRungsGroup(t *testing.T) {
	src := "# Governance\n\n## Structure\n\nThree tiers.\n\n### The Lead Maintainer\n\nLeads.\n\n" +
		"### The Project Leadership Committee\n\nVotes.\n\n### Regular Maintainers\n\nMerge.\n\n" +
		"## Accountability\n\n### The Lead Maintainer Position\n\nOne person.\n\n### Maintainer Pull Requests and Issues\n\nReviewed.\n\n" +
		"### Maintainer Conduct\n\nKind.\n\n### Overriding The Lead Maintainer\n\nBy vote.\n"
	ls := shape.Find(model.Parse("g.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "The Lead Maintainer|The Project Leadership Committee|Regular Maintainers" {
		t.Fatalf("groups: %d %v", len(ls), ls)
	}
	// near miss: a group that names as many rungs as the other and more
	// levels is still taken for its length
	near := strings.Replace(src, "### Maintainer Conduct", "### Contributor Conduct", 1)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || !strings.HasPrefix(titles(ls[0]), "The Lead Maintainer Position") {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
}

// A rung's section holding a list that defines two ranks of one role word
// after a spaced dash (hapi.js's "### Lead maintainers"): the ranks replace
// the rung; a list of groups that defines no role ("- Core - the hapi
// module") leaves it.
func TestFindDefinedItemRanks(t *testing.T) {
	src := "# Governance\n\n## Structure\n\n### Lead maintainers\n\nEach repository has one. The organisation is managed in two groups:\n" +
		"- Core contributors - are those who maintain the core. They decide releases.\n" +
		"- Community contributors - are all the lead maintainers of other repositories.\n\n" +
		"### hapi Lead maintainer\n\nHolds the core module.\n"
	ls := shape.Find(model.Parse("h.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Core contributors|Community contributors|hapi Lead maintainer" {
		t.Fatalf("defined items: %d %v", len(ls), ls)
	}
	near := strings.NewReplacer("Core contributors - are those who", "Core - the module and those who", "Community contributors - are all", "Community - any module and all").Replace(src)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Lead maintainers|hapi Lead maintainer" {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
}

// Siblings each headed "Role: holders", two of them rungs the tracks
// place: the others are rungs named by their labels (DigitalCarbonFramework's
// GitHub permissions "Triage" and "Read"); with one sibling in another
// form, only the placed ones.
func TestFindHolderRungs(t *testing.T) {
	src := "# Governance\n\n## Roles\n\n### Maintainer: Ann Lee, Bo Xu\n\n- **Merge**: pull requests\n\n" +
		"### Contributor: Cy Wu\n\n- **Open**: pull requests\n\n### Triage: Di Ho, Ed Ma\n\n- **Label**: issues\n\n" +
		"### Read: Everyone\n\n- **Read**: the code\n"
	ls := shape.Find(model.Parse("d.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Maintainer: Ann Lee, Bo Xu|Contributor: Cy Wu|Triage|Read" {
		t.Fatalf("holders: %d %v", len(ls), ls)
	}
	near := strings.Replace(src, "### Read: Everyone", "### Reading the code", 1)
	if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Maintainer: Ann Lee, Bo Xu|Contributor: Cy Wu" {
		t.Errorf("near miss: %d %v", len(ls), ls)
	}
}

// A one-word sibling between two rungs that the tracks do not know, whose
// first paragraph names both neighbours' roles, is a rung between them
// (Feast's "## CODEOWNERS", after a GitHub file); one whose paragraph names
// neither, or titled in more words, is a section.
func TestFindRungBetweenByItsRoles(t *testing.T) {
	src := "# Roles\n\n## Users\n\nUsers use it.\n\n## Contributors\n\nContributors send changes.\n\n" +
		"## CODEOWNERS\n\nOn top of maintainers, other contributors can also be added to review.\n\n" +
		"## Maintainers\n\nMaintainers merge.\n\n## Becoming a Maintainer\n\nAsk.\n"
	ls := shape.Find(model.Parse("f.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Users|Contributors|CODEOWNERS|Maintainers" {
		t.Fatalf("rungs: %d %v", len(ls), ls)
	}
	for _, near := range []string{
		strings.Replace(src, "On top of maintainers, other contributors can also be added to review.", "Review the CODEOWNERS file.", 1),
		strings.Replace(src, "## CODEOWNERS", "## Code owners file", 1),
	} {
		ls := shape.Find(model.Parse("f.md", []byte(near)), options(t))
		if len(ls) != 1 || titles(ls[0]) != "Users|Contributors|Maintainers" {
			t.Errorf("near miss: %d %v", len(ls), ls)
		}
	}
}

// A rung titled after the project's name (a word of the page's first
// heading) or named twice with a slash is placed by the part that names a
// rung ("Bevy Org Member / Triage Team"); a first word the first heading
// lacks, or parts that name no rung, leave the title unplaced.
func TestFindRungAfterProjectName(t *testing.T) {
	src := "## The Bevy Organization\n\nRoles:\n\n### Project Lead\n\nDecides.\n\n### Maintainer\n\nMerges.\n\n" +
		"### Bevy Org Member / Triage Team\n\nLabels issues.\n\n### Role Rotation\n\nRotates.\n"
	ls := shape.Find(model.Parse("b.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Project Lead|Maintainer|Bevy Org Member / Triage Team" {
		t.Fatalf("rungs: %d %v", len(ls), ls)
	}
	for _, near := range []string{
		strings.Replace(src, "Bevy Org Member / Triage Team", "Kubernetes Org Member", 1),
		strings.Replace(src, "Bevy Org Member / Triage Team", "Bevy Triage / Labels Team", 1),
	} {
		if ls := shape.Find(model.Parse("b.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Project Lead|Maintainer" {
			t.Errorf("near miss: %v", ls)
		}
	}
	if ls := shape.Find(model.Parse("b.md", []byte(strings.Replace(src, "Bevy Org Member / Triage Team", "Bevy Org Member", 1))), options(t)); len(ls) != 1 || len(ls[0].Levels) != 3 {
		t.Errorf("project name alone: %v", ls)
	}
}

// A sibling between two rungs that opens by defining its holders as
// members of the lower rung's kind ("Subject Matter Experts are members
// of the Bevy Organization that ...") is a rung between them; one that
// defines them otherwise is a section.
func TestFindRungDefinedAsMembers(t *testing.T) {
	src := "## The Bevy Organization\n\n### Project Lead\n\nDecides.\n\n### Maintainer\n\nMerges.\n\n" +
		"### Subject Matter Expert (SME)\n\nSubject Matter Experts are members of the Bevy Organization that know an area.\n\n" +
		"### Bevy Org Member / Triage Team\n\nLabels issues.\n\n### Role Rotation\n\nRotates.\n"
	ls := shape.Find(model.Parse("b.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Project Lead|Maintainer|Subject Matter Expert (SME)|Bevy Org Member / Triage Team" {
		t.Fatalf("rungs: %d %v", len(ls), ls)
	}
	near := strings.Replace(src, "Subject Matter Experts are members of the Bevy Organization that know an area.", "Subject Matter Experts know an area.", 1)
	if ls := shape.Find(model.Parse("b.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Project Lead|Maintainer|Bevy Org Member / Triage Team" {
		t.Errorf("near miss: %v", ls)
	}
}

// A bare list of level names under a heading that names levels is a
// ladder in the list's order, even where the page ranks two words the
// tracks put on one step (Entry, Junior); its levels are listed, with no
// body to call empty. Near misses: a list of domains under another
// heading, a list of the same words out of order, two titles on one step
// by one word.
func TestFindBareLevelList(t *testing.T) {
	src := "# Skills Matrix\n\n## Competency Domains\n\n- Software Development & Testing\n- Cloud & Infrastructure\n- Service Management\n\n" +
		"## Skill levels\n\n- Entry-level\n- Junior-level\n- Mid-level\n- Senior-level\n"
	ls := shape.Find(model.Parse("o.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "Entry-level|Junior-level|Mid-level|Senior-level" {
		t.Fatalf("bare level list: %v", ls)
	}
	for _, l := range ls[0].Levels {
		if !l.Listed {
			t.Errorf("%s: not listed", l.Title)
		}
	}
	for name, near := range map[string]string{
		"domains":  "# Skills Matrix\n\n## Competency Domains\n\n- Software Development & Testing\n- Cloud & Infrastructure\n- Service Management\n",
		"order":    "# Skills Matrix\n\n## Skill levels\n\n- Senior-level\n- Entry-level\n- Junior-level\n- Mid-level\n",
		"one word": "# Skills Matrix\n\n## Skill levels\n\n- Junior Developer\n- Junior Tester\n- Mid-level\n- Senior-level\n",
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("near miss %s: %v", name, titles(ls[0]))
		}
	}
}

// Tiers ranked by the count of their holders' work, not by their names:
// each title ends with a range of one count, the ranges following one
// another with no gap ("🌱 Seed Contributors (1-2 contributions)" .. "🌍
// Forest Guardians (21+ contributions)"), going up or down.
func TestFindRangedTiers(t *testing.T) {
	tier := func(title, body string) string {
		return "## " + title + "\n\n**How to reach this tier:**\n\n- " + body + "\n\n"
	}
	src := "# Contributor Tiers\n\nRecognition.\n\n" +
		tier("🌱 Seed Contributors (1-2 contributions)", "First pull request.") +
		tier("🌿 Sprout Contributors (3-5 contributions)", "Keep going.") +
		tier("🌳 Tree Contributors (6-10 contributions)", "Review too.") +
		tier("🌍 Forest Guardians (11+ contributions)", "Mentor others.") +
		"## Contribution Types\n\nCode, docs.\n\n## Recognition Process\n\nMonthly.\n\n## Getting Started\n\nRead.\n\n## Questions?\n\nAsk.\n"
	want := "🌱 Seed Contributors (1-2 contributions)|🌿 Sprout Contributors (3-5 contributions)|🌳 Tree Contributors (6-10 contributions)|🌍 Forest Guardians (11+ contributions)"
	ls := shape.Find(model.Parse("t.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != want {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	// top first: the same ranges read from the end
	down := "# Tiers\n\n" + tier("Guardians (21+ commits)", "a") + tier("Oaks (11-20 commits)", "b") + tier("Trees (3-10 commits)", "c") + "## Contact\n\nMail.\n"
	if ls := shape.Find(model.Parse("d.md", []byte(down)), options(t)); len(ls) != 1 || titles(ls[0]) != "Guardians (21+ commits)|Oaks (11-20 commits)|Trees (3-10 commits)" {
		t.Errorf("top first: %d ladders", len(ls))
	}
	for name, miss := range map[string]string{
		// ranges of time: a plan's phases, no tiers
		"weeks": strings.NewReplacer("contributions)", "weeks)").Replace(src),
		// ranges of people: company sizes (Waypoints), no tiers
		"employees": strings.NewReplacer("contributions)", "employees)").Replace(src),
		// a gap between two ranges, and the run left is two
		"gap": strings.Replace(strings.Replace(src, "(3-5 contributions)", "(4-5 contributions)", 1), "(11+ contributions)", "(12+ contributions)", 1),
		// two counts of different work
		"units": strings.Replace(strings.Replace(src, "(3-5 contributions)", "(3-5 reviews)", 1), "(11+ contributions)", "(11+ reviews)", 1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(miss)), options(t)) {
			t.Errorf("%s: ladder %q", name, titles(l))
		}
	}
}

// A role the tracks do not rank, right after the ladder, whose own text
// builds it on a rung of the ladder ("In addition to the responsibilities
// of a maintainer, the community manager has these") is a level.
func TestFindRoleBuiltOnRung(t *testing.T) {
	src := "# Roles\n\n## Contributor\n\n### Contributor responsibilities\n\n- Code.\n\n" +
		"## Maintainer\n\n### Maintainer responsibilities\n\n- Strategy.\n\n" +
		"## Community manager\n\nThe role is distinct in many respects.\n\n" +
		"In addition to the responsibilities of a maintainer, the community manager has these.\n\n- Events.\n\n" +
		"## Inactivity\n\nRemoval.\n\n## Contact\n\nMail.\n"
	if ls := shape.Find(model.Parse("r.md", []byte(src)), options(t)); len(ls) != 1 || titles(ls[0]) != "Contributor|Maintainer|Community manager" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	for name, miss := range map[string]string{
		// a role beside the ladder: its text builds on no rung
		"beside": strings.Replace(src, "In addition to the responsibilities of a maintainer, the community manager has these.",
			"The community manager is the person who helps run events.", 1),
		// built on a role that is no level of the ladder
		"other": strings.Replace(src, "of a maintainer,", "of a sponsor,", 1),
		// the words in a list item, not the role's own paragraph
		"item": strings.Replace(src, "In addition to the responsibilities of a maintainer, the community manager has these.\n\n- Events.",
			"- In addition to the responsibilities of a maintainer, events.", 1),
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(miss)), options(t)); len(ls) != 1 || titles(ls[0]) != "Contributor|Maintainer" {
			t.Errorf("%s: %d ladders: %v", name, len(ls), ls)
		}
	}
}

// The proficiency levels of one competency, headed by a scale's words
// alone (StrongMind's "### Developing" to "### Advanced", of which the
// tracks know "Intermediate" only), are a ladder, bottom first or top
// first; two such headings, words out of the scale's order, or words with
// more after them are none.
func TestFindProficiencyScale(t *testing.T) {
	level := func(title string) string {
		return "### " + title + "\nYou coach.\n* You set goals.\n* You give feedback.\n\n"
	}
	src := "# Category: Organizational Leadership\n## Competency: Performance Coaching\n\nAn ongoing process.\n\n" +
		level("Developing") + level("Intermediate") + level("Proficient") + level("Advanced")
	if ls := shape.Find(model.Parse("c.md", []byte(src)), options(t)); len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Developing|Intermediate|Proficient|Advanced" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	// top first, another scale (the UK government's), among other sections
	down := "# Skill\n\n## Overview\n\nWhat.\n\n## Expert\n\nLeads.\n\n## Practitioner\n\nDoes.\n\n## Working\n\nHelps.\n\n## Awareness\n\nKnows.\n\n## Contact\n\nMail.\n"
	if ls := shape.Find(model.Parse("d.md", []byte(down)), options(t)); len(ls) != 1 || titles(ls[0]) != "Expert|Practitioner|Working|Awareness" {
		t.Errorf("top first: %d ladders: %v", len(ls), ls)
	}
	for name, miss := range map[string]string{
		// a guide's two sections
		"two": "# Guide\n\n## Basic\n\nInstall.\n\n## Advanced\n\nTune.\n\n## FAQ\n\nAsk.\n",
		// out of the scale's order
		"order": strings.NewReplacer("### Proficient", "### Advanced", "### Advanced\n", "### Proficient\n", "### Developing", "### Expert").Replace(src),
		// a word of the scale with more after it: topics, not levels
		"topics": strings.NewReplacer("### Developing", "### Developing locally", "### Proficient", "### Proficient use", "### Advanced", "### Advanced topics").Replace(src),
		// one rank twice: Beginner and Basic are one step
		"repeat": "# Guide\n\n## Beginner\n\nA.\n\n## Basic\n\nB.\n\n## Advanced\n\nC.\n",
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(miss)), options(t)) {
			t.Errorf("%s: ladder %q", name, titles(l))
		}
	}
}

// A list of rungs with no heading that names roles is a ladder when the
// sentence that leads into it does ("In an Apache project, developers
// have three roles:", Apache Doris); a lead-in that names none, a
// sentence before the lead-in that does, a paragraph that does not lead
// into the list, or a heading between, make none.
func TestFindListAfterLeadIn(t *testing.T) {
	list := "1. Contributor: When the code is merged, the developer becomes a Contributor.\n" +
		"2. Committer: Committer has permission to merge into the code base.\n" +
		"3. PMC Member: a member of the project management committee.\n\nDifferent roles have different rights.\n"
	src := "---\n{\n    \"title\": \"How to Become Doris Committer\"\n}\n---\n\n<!-- \nLicensed to the ASF.\n-->\n\n" +
		"# How to Become Doris Committer\n\nIn an Apache project, developers have three roles:\n\n" + list
	if ls := shape.Find(model.Parse("c.md", []byte(src)), options(t)); len(ls) != 1 || ls[0].From != "bullets" || titles(ls[0]) != "Contributor|Committer|PMC Member" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	for name, miss := range map[string]string{
		"no ladder word": strings.Replace(src, "developers have three roles:", "developers work this way:", 1),
		"earlier":        strings.Replace(src, "developers have three roles:", "developers have three roles. They work this way:", 1),
		"no lead-in":     strings.Replace(src, "developers have three roles:", "developers have three roles.", 1),
		"heading":        strings.Replace(src, "developers have three roles:\n\n", "developers have three roles:\n\n## History\n\n", 1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(miss)), options(t)) {
			t.Errorf("%s: ladder %q", name, titles(l))
		}
	}
}

// A summary of the page's roles, a list right under a heading that names
// roles, each item "Title: description", names the rungs of the heading
// ladder and more: a rung whose heading the tracks do not place ("Project
// Leads") and one with no section ("Collaborators"), in the list's order; an
// item names its section by the scope the heading adds ("Maintainers",
// "# Repository Maintainers"). Near misses: a table of contents (items that
// are links), items with no description, and a list under a heading that
// names no roles leave the heading ladder as it is.
func TestFindRolesSummaryList(t *testing.T) {
	page := func(heading, items string) string {
		return "# " + heading + "\n" + items + "\n# Project Leads\n\n### Role\n\n- Determine project wide rules.\n- Decide on subproject inclusion.\n\n" +
			"# Repository Maintainers\n\n### Role\n\n- Lead subprojects of the project.\n- Organize the release process.\n\n" +
			"# Team Members\n\n### Role\n\n- Develop code for the project.\n- Review pull requests.\n"
	}
	summary := "- *Project Leads*: form the steering committee.\n- *Maintainers*: administer repositories\n" +
		"- *Team Members*: Regular contributors\n- *Collaborators*: Irregular contributors\n"
	src := page("Team Roles", summary)
	f := model.Parse("k.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || titles(ls[0]) != "Project Leads|Repository Maintainers|Team Members|Collaborators" {
		t.Fatalf("summary list: %d %v", len(ls), ls)
	}
	lv := ls[0].Levels
	if !lv[3].Listed || lv[1].Listed {
		t.Errorf("listed: %v %v", lv[3].Listed, lv[1].Listed)
	}
	if got := string(f.Source.Text[lv[1].TitleSpan.Start:lv[1].TitleSpan.End]); got != "Repository Maintainers" || lv[1].TitleSpan.Start < strings.Index(src, "# Repository") {
		t.Errorf("maintainers' title %q at %d", got, lv[1].TitleSpan.Start)
	}
	for _, near := range []string{
		page("Team Roles", "- [Project Leads](#project-leads)\n- [Maintainers](#repository-maintainers)\n- [Team Members](#team-members)\n- [Collaborators](#collaborators)\n"),
		page("Team Roles", "- *Project Leads*\n- *Maintainers*\n- *Team Members*\n- *Collaborators*\n"),
		page("Overview", summary),
	} {
		ls := shape.Find(model.Parse("k.md", []byte(near)), options(t))
		if len(ls) != 1 || titles(ls[0]) != "Repository Maintainers|Team Members" {
			t.Errorf("near miss %q: %v", near, ls)
		}
	}
}

// A course's student staff, bottom first, the next rung written as a
// sub-heading of the rung below it (a tutor's section holding the student
// instructors', spelled out after their acronym), and that rung's lead as
// its sub-heading in turn; numbers in parentheses are hours, no codes.
// Near misses: a sub-heading that names the same rung's holders ("New
// Tutors"), an acronym whose words in parentheses name no rung, a lead of
// another role, and a ladder written top first gain nothing.
func TestFindNestedRungsUp(t *testing.T) {
	page := func(up, lead string) string {
		return "# Roles\n\nCourse staff.\n\n## Academic Intern (AIs)\n\n### Lab assisting (2 hrs/week)\n\n- Answer questions.\n\n" +
			"## Tutor\n\n### Returning Tutors (8 hours)\n\n- Grade assignments.\n\n### " + up + "\n\n#### " + lead + "\n\n- Manage the team.\n\n" +
			"#### uGSI, returning (8)\n\n- Hold a lab section.\n\n### uGSI Teams\n\n- Grading.\n"
	}
	src := page("uGSIs (Undergraduate Student Instructors)", "Lead uGSI (20)")
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Academic Intern (AIs)|Tutor|uGSIs (Undergraduate Student Instructors)|Lead uGSI (20)" {
		t.Fatalf("nested rungs: %v", ls)
	}
	for _, d := range ls[0].Levels[1].Dims {
		if strings.Contains(d.Name, "Instructors") {
			t.Errorf("tutor's dimension %q: a rung", d.Name)
		}
	}
	for _, near := range []string{
		page("New Tutors (8 hours)", "Lead uGSI (20)"),
		page("uGSIs (Undergraduate Support Interns)", "Lead uGSI (20)"),
	} {
		if ls := shape.Find(model.Parse("c.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Academic Intern (AIs)|Tutor" {
			t.Errorf("near miss %q: %v", near, ls)
		}
	}
	if ls := shape.Find(model.Parse("c.md", []byte(page("uGSIs (Undergraduate Student Instructors)", "Lead Grader (20)"))), options(t)); len(ls) != 1 || titles(ls[0]) != "Academic Intern (AIs)|Tutor|uGSIs (Undergraduate Student Instructors)" {
		t.Errorf("a lead of another role: %v", ls)
	}
	top := "# Roles\n\n## Tutor\n\n### Teaching Assistant\n\n- Lead a section.\n\n## Academic Intern\n\n- Assist.\n"
	if ls := shape.Find(model.Parse("c.md", []byte(top)), options(t)); len(ls) != 1 || titles(ls[0]) != "Tutor|Academic Intern" {
		t.Errorf("top first: %v", ls)
	}
	// the course staff's words, bottom first; a group of a rung's holders is none
	o := options(t)
	var prev ladder.Place
	for i, title := range []string{"Academic Intern", "Tutor", "Teaching Assistant", "Head TA"} {
		p, ok := o.Ladder.Classify(title)
		if !ok || p.Implied || i > 0 && (p.Track != prev.Track || p.Compare(prev) <= 0) {
			t.Errorf("%q placed %+v after %+v", title, p, prev)
		}
		prev = p
	}
	for _, title := range []string{"Returning Tutors", "New Tutors"} {
		if p, ok := o.Ladder.Classify(title); ok && !p.Implied {
			t.Errorf("%q placed as %+v", title, p)
		}
	}
}

// Sibling headings each holding the way to their own role ("## Contributors"
// over "### Becoming a contributor") are rungs alike: a sibling the tracks
// do not place ("## Ambassadors") is one when its way opens with a rung of
// the group's holders taking it ("Contributors can become ambassadors");
// a role open to anyone, a way that names another role, or a group where
// fewer than two levels tell their way, is none.
func TestFindRungsByTheirWay(t *testing.T) {
	src := "## Contributors\n\nContributing provides you with:\n\n- Networks\n\n### Becoming a contributor\n\nConsider:\n\n- Asking questions\n\n" +
		"## Ambassadors\n\nAmbassadors are core community contributors who receive:\n\n- Write privileges\n\n" +
		"### Becoming an ambassador\n\nContributors can become ambassadors by nominating themselves.\n\n" +
		"### Ambassadors Emeriti\n\nAmbassadors who leave in good standing.\n\n" +
		"## Maintainers\n\nMaintainers establish project vision.\n\n### Becoming a maintainer\n\nAmbassadors can become maintainers through repeat contributions.\n\n" +
		"## Revision History\n\nVersion 1.0\n\n## License\n\nCC BY-SA.\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Contributors|Ambassadors|Maintainers" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	for name, miss := range map[string]string{
		// a side role anyone may take (Porter's release managers)
		"anyone": strings.Replace(src, "Contributors can become ambassadors", "Anyone can become an ambassador", 1),
		// the way to another role than the heading's
		"other": strings.Replace(src, "### Becoming an ambassador", "### Becoming a sponsor", 1),
		// the rungs the tracks place do not tell their way
		"alone": strings.Replace(strings.Replace(src, "### Becoming a contributor", "### Getting started", 1), "### Becoming a maintainer", "### Stepping down", 1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(miss)), options(t)) {
			if strings.Contains(titles(l), "Ambassadors") {
				t.Errorf("%s: ladder %q", name, titles(l))
			}
		}
	}
}

// Rungs headed after a pictograph ("### ✅ Trusted Committer") are read as
// the role alone: Mindset Dojo's three rungs under "## 🧭 Roles in the
// Dojo". Sections headed the same way that name no role ("### ✅ How We
// Review") are none.
func TestFindPictographRungs(t *testing.T) {
	rung := func(title, belt string) string {
		return "### " + title + "\n\n* **Qualification:** ***" + belt + " Belt*** in the program\n* **Curates** the codebase\n\n"
	}
	src := "# Contributing ⛩️🌿\n\nWelcome.\n\n## 💡 Principles of Practice\n\nPrinciples.\n\n### ✅ How We Review\n\n* **Respond** with clarity\n\n" +
		"### 🤝 Joining the Community\n\nReach out.\n\n## 🧭 Roles in the Dojo\n\nRoles are voluntary.\n\n" +
		rung("✅ Trusted Committer", "Purple") + rung("⚡ Project Maintainer", "Black") + rung("🌐 Organizational Owner", "Black") +
		"## 🔄 Pull Request Guidance\n\n1. Fork\n\n### 🔀 Who Merges?\n\n* The initiator\n"
	ls := shape.Find(model.Parse("c.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "✅ Trusted Committer|⚡ Project Maintainer|🌐 Organizational Owner" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	// near miss: the same pictographs before titles that name no role
	miss := strings.NewReplacer("Trusted Committer", "Trusted Practice", "Project Maintainer", "Project Rhythm", "Organizational Owner", "Organizational Tone").Replace(src)
	for _, l := range shape.Find(model.Parse("m.md", []byte(miss)), options(t)) {
		t.Errorf("near miss: ladder %q", titles(l))
	}
}

// A line of names joined by arrows right under a heading ("## Belt System",
// then "White -> Blue -> Yellow -> Green -> Brown -> Black") is a ladder
// when half its names at least, two or more, head a section after it, alone
// or with a word of the heading ("### Black Belts"): each such name's title
// and body are its section's; a name with no section is Listed.
func TestFindArrowChain(t *testing.T) {
	roster := func(belt string) string {
		return "### " + belt + " Belts\n\n| Member | Promotions |\n|---|---|\n| Ann | 2018-12: " + strings.ToLower(belt) + " belt |\n\n"
	}
	src := "# Dojo\n\n> Rules.\n\n## Belt System\n\nWhite -> Blue -> Yellow -> Green -> Brown -> Black\n\n" +
		"You can only be promoted by someone two belts above you.\nOsu!\n\n## Members\n\n" +
		roster("Black") + roster("Yellow") + roster("Blue") + roster("White") + "## All Contributors\n\nThe list.\n"
	f := model.Parse("d.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "chain" || titles(ls[0]) != "White|Blue|Yellow|Green|Brown|Black" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	var listed []string
	for _, l := range ls[0].Levels {
		if l.Listed {
			listed = append(listed, l.Title)
			if got := string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]); got != l.Title {
				t.Errorf("%s: title span %q", l.Title, got)
			}
		} else if got := string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]); got != l.Title+" Belts" {
			t.Errorf("%s: title span %q, want its section's heading", l.Title, got)
		}
	}
	if strings.Join(listed, "|") != "Green|Brown" {
		t.Errorf("listed %v", listed)
	}
	for name, miss := range map[string]string{
		// a process told once: no section names its steps
		"process": strings.NewReplacer("### Black Belts", "### Alumni", "### Yellow Belts", "### Mentors", "### Blue Belts", "### Guests").Replace(src),
		// one name of six with a section
		"few": strings.NewReplacer("### Yellow Belts", "### Mentors", "### Blue Belts", "### Guests", "### White Belts", "### Hosts").Replace(src),
		// two names: no chain
		"two": strings.Replace(src, "White -> Blue -> Yellow -> Green -> Brown -> Black", "White -> Blue", 1),
		// the arrows in a sentence
		"sentence": strings.Replace(src, "White -> Blue -> Yellow -> Green -> Brown -> Black", "Belts go White -> Blue -> Yellow -> Green -> Brown -> Black.", 1),
		// two kinds of arrow
		"arrows": strings.Replace(src, "Green -> Brown", "Green => Brown", 1),
		// after other text under the heading
		"later": strings.Replace(src, "## Belt System\n\n", "## Belt System\n\nOur belts:\n\n", 1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(miss)), options(t)) {
			t.Errorf("%s: ladder %s %q", name, l.From, titles(l))
		}
	}
}

// A sibling headed by one word that names a body of people ("## Community")
// is the member rung of the group's track when its text calls them
// "<word> members" and that rung sits below every placed level of the group
// (The Good Docs Project's "## Community", "## Committers", "## Project
// Steering Committee", beside "## Mentors" and "## Treasurers", duties the
// tracks do not place). A section that never speaks of its members, or a
// group whose placed levels are on no single track, makes none.
func TestFindCollectiveRung(t *testing.T) {
	src := "# Roles\n\nOur roles.\n\n" +
		"## Community\n\nEveryone who uses our work is part of our community. We encourage all community members to take part.\n\n" +
		"**Expectations of community members:**\n\n* Be respectful.\n\n" +
		"## Committers\n\nA committer is a trusted community member with write access.\n\n**Eligibility:**\n\n* Three months of contributions.\n\n" +
		"## Project Steering Committee\n\nThe committee is the managing body.\n\n**Eligibility:**\n\n* Six months as a committer.\n\n" +
		"## Mentors\n\nA mentor guides an initiative.\n\n**Expectations of mentors:**\n\n* Meet monthly.\n\n" +
		"## Treasurers\n\nTreasurers keep the accounts.\n\n**Expectations of treasurers:**\n\n* Report yearly.\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Community|Committers|Project Steering Committee" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	for name, miss := range map[string]string{
		// the section never speaks of its members
		"silent": strings.Replace(strings.Replace(src, "We encourage all community members to take part.", "Join the chat.", 1), "**Expectations of community members:**", "**Links:**", 1),
		// the word is no body of people on the track
		"other": strings.Replace(strings.Replace(src, "## Community", "## Foundation", 1), "community members", "foundation members", -1),
	} {
		for _, l := range shape.Find(model.Parse(name+".md", []byte(miss)), options(t)) {
			if strings.Contains(titles(l), "Community") || strings.Contains(titles(l), "Foundation") {
				t.Errorf("%s: ladder %q", name, titles(l))
			}
		}
	}
}

// A sibling whose role name follows a word that takes in every holder
// ("### All Partners" after "### Jr Partner" and "### Sr Partner") is what
// applies to all those rungs, not a step (Countable's org chart); the bare
// role name alone ("### Partner") is still the implied step.
func TestFindQuantifiedRoleNoRung(t *testing.T) {
	src := "# Org Chart\n\n## Roles\n\n### Associate\n\nAn hourly contractor.\n\n### Jr Partner\n\nOwns clients.\n\n" +
		"### Sr Partner\n\nOwns a share.\n\n### All Partners\n\nEvery partner:\n\n* mentors associates\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Associate|Jr Partner|Sr Partner" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	bare := strings.Replace(src, "### All Partners", "### Partner", 1)
	ls = shape.Find(model.Parse("bare.md", []byte(bare)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Associate|Jr Partner|Sr Partner|Partner" {
		t.Fatalf("bare: ladders %d: %v", len(ls), ls)
	}
}

// Sibling headings that name a rung held over a named part of the project,
// the part's name, a scope word and the role ("### Docs team contributors",
// "### Docs team members"), are that part's rungs when two of them or more
// open with one name: the tracks place "Team Members", not the name before
// it (the Rust compiler team's RFC 2689). One such heading alone, or a name
// that groups people ("New team members"), makes none.
func TestFindNamedTeamRungs(t *testing.T) {
	src := "# Guide\n\n## The path to membership\n\nPeople start by helping out.\n\n" +
		"### Docs team contributors\n\nRegular helpers are promoted.\n\n- They can review.\n\n" +
		"### Docs team members\n\nContributors may be asked to join.\n\n- They decide.\n\n" +
		"### How promotion decisions are made\n\nBy e-mail.\n\n### Not just code\n\nMeetings count.\n"
	ls := shape.Find(model.Parse("r.md", []byte(src)), options(t))
	if len(ls) != 1 || ls[0].From != "headings" || titles(ls[0]) != "Docs team contributors|Docs team members" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	if lv := ls[0].Levels; lv[0].Place.Name != "contributor" || lv[1].Place.Compare(lv[0].Place) <= 0 {
		t.Errorf("places %+v, %+v", lv[0].Place, lv[1].Place)
	}
	for name, miss := range map[string]string{
		// one rung of the part: a section about a team
		"one": strings.Replace(src, "### Docs team contributors", "### Contributing to the docs", 1),
		// two names: no one part
		"two": strings.Replace(src, "### Docs team members", "### Infra team members", 1),
		// a group of holders, not a part of the project
		"group": strings.ReplaceAll(src, "### Docs team", "### New team"),
	} {
		if ls := shape.Find(model.Parse(name+".md", []byte(miss)), options(t)); len(ls) != 0 {
			t.Errorf("%s: ladder %q", name, titles(ls[0]))
		}
	}
}

// A ladder of headings written bottom first may have its entry rung named
// only in bold in the lead-in of the heading that holds it, when the first
// level's first paragraph speaks of that rung's holders ("People start as
// a **working group participant**", then "### Docs team contributors":
// "Once a working group participant has contributed ..."). A bold role the
// first level never speaks of, or one above it, is emphasis.
func TestFindLeadInRung(t *testing.T) {
	src := "# Guide\n\n## The path to membership\n\nPeople will typically start as a **working group participant,** which\nis somebody new.\n\n" +
		"### Docs team contributors\n\nOnce a working group participant has contributed for some time, they are promoted.\n\n- They can review.\n\n" +
		"### Docs team members\n\nContributors may be asked to join.\n\n- They decide.\n\n" +
		"### How promotion decisions are made\n\nBy e-mail.\n"
	f := model.Parse("r.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || titles(ls[0]) != "working group participant|Docs team contributors|Docs team members" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	l := ls[0].Levels[0]
	if !l.Listed || l.Heading != nil || string(f.Source.Text[l.TitleSpan.Start:l.TitleSpan.End]) != "working group participant" {
		t.Errorf("lead-in rung %+v", l)
	}
	for name, miss := range map[string]string{
		// the first level does not speak of it
		"unspoken": strings.Replace(src, "Once a working group participant has contributed", "Once someone has contributed", 1),
		// bold on a rung above the first level
		"above": strings.Replace(strings.Replace(src, "**working group participant,**", "**working group maintainer,**", 1), "Once a working group participant", "Once a working group maintainer", 1),
		// bold that names no rung
		"emphasis": strings.Replace(strings.Replace(src, "**working group participant,**", "**newcomer,**", 1), "Once a working group participant", "Once a newcomer", 1),
	} {
		ls := shape.Find(model.Parse(name+".md", []byte(miss)), options(t))
		if len(ls) != 1 || titles(ls[0]) != "Docs team contributors|Docs team members" {
			t.Errorf("%s: ladders %d: %v", name, len(ls), ls)
		}
	}
}

// A page of questions and answers heads each answer by its question: a
// question that names a role or a level is about it, no rung ("What is the
// difference between a Junior and a Mid role?").
func TestFindQuestionNoRung(t *testing.T) {
	src := "# Hiring questions\n\n## The roles\n\n### What does a data analyst do?\n\nAnalyses data for the teams.\n\n" +
		"### What is the difference between a Junior and a Mid role?\n\nA junior analyst trains for a year.\n\n" +
		"### What is the difference between the Mid and Senior roles?\n\nA senior analyst leads projects.\n\n" +
		"### Given the team's work, where do analysts go next?\n\nTo industry, mostly.\n\n" +
		"### How long do projects last?\n\nMonths.\n"
	if ls := shape.Find(model.Parse("faq.md", []byte(src)), options(t)); len(ls) != 0 {
		t.Errorf("questions: ladders %d: %v", len(ls), titles(ls[0]))
	}
	// the near miss: the same roles headed by their names are a ladder
	near := "# Analyst ladder\n\n## The roles\n\n### Junior Data Analyst\n\nTrains for a year.\n\n" +
		"### Data Analyst\n\nAnalyses data for the teams.\n\n### Senior Data Analyst\n\nLeads projects.\n\n" +
		"### How long do projects last?\n\nMonths.\n"
	ls := shape.Find(model.Parse("ladder.md", []byte(near)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Junior Data Analyst|Data Analyst|Senior Data Analyst" {
		t.Fatalf("names: ladders %d: %v", len(ls), ls)
	}
}

// A sibling titled by a scoped rung's role word alone, or after a plain
// word, between that rung and one below it on its track, is the rung
// between ("Core Developers:", "Ordinary Developers:", "Contributors:").
func TestFindUnqualifiedRungBetween(t *testing.T) {
	src := "# How the library is run\n\n### Core Developers:\n\n- Review and release.\n\n" +
		"### Ordinary Developers:\n\n- Write features.\n\n### Contributors:\n\n- Send patches.\n\n" +
		"### Licence (and credit):\n\n- See the file.\n"
	ls := shape.Find(model.Parse("org.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Core Developers:|Ordinary Developers:|Contributors:" {
		t.Fatalf("ladders %d: %v", len(ls), ls)
	}
	for name, miss := range map[string][2]string{
		// a group of the role's holders, not a rung
		"group": {strings.Replace(src, "Ordinary Developers:", "New Developers:", 1), "Core Developers:|Contributors:"},
		// a topic of the role
		"topic": {strings.Replace(src, "Ordinary Developers:", "Developer Guide:", 1), "Core Developers:|Contributors:"},
		// the rung after it is above the scoped one: no room below
		"above": {strings.Replace(src, "### Contributors:", "### Steering Committee:", 1), "Core Developers:|Steering Committee:"},
	} {
		ls := shape.Find(model.Parse(name+".md", []byte(miss[0])), options(t))
		if len(ls) != 1 || titles(ls[0]) != miss[1] {
			t.Errorf("%s: ladders %d: %v", name, len(ls), ls)
		}
	}
}

// A privileges matrix whose marks form a staircase is a ladder of its
// columns, whatever their names (Silverstripe's maintainer groups); a
// heading about something of a rung's ("Maintainer's Guide") is no rung.
func TestFindStaircaseAndPossessive(t *testing.T) {
	src := "# Maintainers\n\n|Privilege|Refiners|Peer Reviewers|Squad Members|Core Committers|\n|---|---|---|---|---|\n" +
		"|Triage issues|x|x|x|x|\n|Review pull requests| |x|x|x|\n|Merge pull requests| | |x|x|\n|Administer repositories| | | |x|\n"
	ls := shape.Find(model.Parse("m.md", []byte(src)), options(t))
	if len(ls) != 1 || titles(ls[0]) != "Refiners|Peer Reviewers|Squad Members|Core Committers" {
		t.Fatalf("staircase: %d %v", len(ls), ls)
	}
	// top first: the rows shrink
	top := "# Maintainers\n\n|Privilege|Owners|Keepers|Helpers|\n|---|---|---|---|\n|Triage|✓|✓|✓|\n|Merge|✓|✓||\n|Admin|✓|||\n"
	if ls := shape.Find(model.Parse("t.md", []byte(top)), options(t)); len(ls) != 1 || titles(ls[0]) != "Owners|Keepers|Helpers" {
		t.Errorf("top first: %v", ls)
	}
	// near misses: teams side by side, each with its own rights; a cell
	// that says more than a mark; the same rights for every column
	for name, near := range map[string]string{
		"side by side": strings.Replace(src, "|Administer repositories| | | |x|", "|Administer repositories|x| | | |", 1),
		"words":        strings.Replace(src, "|Merge pull requests| | |x|x|", "|Merge pull requests| | |x|on release days|", 1),
		"flat":         "# Teams\n\n|Right|Docs|Infra|Web|\n|---|---|---|---|\n|Triage|x|x|x|\n|Merge|x|x|x|\n",
	} {
		if ls := shape.Find(model.Parse("n.md", []byte(near)), options(t)); len(ls) != 0 {
			t.Errorf("%s: %q", name, titles(ls[0]))
		}
	}
	// a role's possessive names something of the role, not the role
	near := "# Governance\n\n## Contributors\n\nSend patches.\n\n## Committers\n\nMerge.\n\n## Maintainers\n\nRelease.\n\n## Maintainer's Guide\n\nRead it.\n"
	if ls := shape.Find(model.Parse("g.md", []byte(near)), options(t)); len(ls) != 1 || titles(ls[0]) != "Contributors|Committers|Maintainers" {
		t.Errorf("possessive: %v", ls)
	}
}
