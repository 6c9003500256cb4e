package model

import (
	"strings"
	"testing"
)

func TestPositionsCountCharacters(t *testing.T) {
	src := NewSource([]byte("ab\n“é” x\n"))
	off := strings.Index(string(src.Text), "x")
	if p := src.Position(off); p != (Position{Line: 2, Column: 5}) {
		t.Fatalf("position of x = %+v, want 2:5", p)
	}
	if got := src.Offset(Position{Line: 2, Column: 5}); got != off {
		t.Fatalf("offset of 2:5 = %d, want %d", got, off)
	}
}

func TestCRLFAndBOMGiveSamePositions(t *testing.T) {
	lf := "---\ntitle: T\n---\n\n## Manager, X\n\n### Job Grade\n\nThe Manager, X is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n"
	crlf := "\ufeff" + strings.ReplaceAll(lf, "\n", "\r\n")
	a, b := Parse("a.md", []byte(lf)), Parse("b.md", []byte(crlf))
	if len(a.Roles) != 1 || len(b.Roles) != 1 {
		t.Fatalf("roles: %d and %d, want 1 each", len(a.Roles), len(b.Roles))
	}
	pa := a.Source.Position(a.Roles[0].Grade.Span.Start)
	pb := b.Source.Position(b.Roles[0].Grade.Span.Start)
	if pa != pb || pa.Line != 9 {
		t.Fatalf("grade positions differ or wrong: LF %+v, CRLF+BOM %+v", pa, pb)
	}
	if !b.Source.CRLF || !b.Source.BOM || !b.Source.Reversible {
		t.Fatalf("CRLF/BOM flags not recorded: %+v", b.Source)
	}
	if got := string(b.Source.Denormalize(b.Source.Text)); got != crlf {
		t.Fatalf("denormalize does not give the file back")
	}
}

func TestFrontMatterErrorLine(t *testing.T) {
	f := Parse("x.md", []byte("---\ntitle: ok\nbad: [unclosed\n---\n\ntext\n"))
	if f.FrontMatter == nil || f.FrontMatter.Err == nil {
		t.Fatal("no front matter error")
	}
	if p := f.Source.Position(f.FrontMatter.Err.Span.Start); p.Line < 3 || p.Line > 4 {
		t.Fatalf("error at line %d, want the file line of the bad YAML (3 or 4)", p.Line)
	}
	if f.Source.Position(f.Blocks[0].Span.Start).Line != 6 {
		t.Fatal("body positions must stay file positions")
	}
}

func TestUnclosedFrontMatter(t *testing.T) {
	f := Parse("x.md", []byte("---\ntitle: x\n\n## Heading\n"))
	if f.FrontMatter == nil || f.FrontMatter.Err == nil || !strings.Contains(f.FrontMatter.Err.Message, "not closed") {
		t.Fatalf("want a 'not closed' issue, got %+v", f.FrontMatter)
	}
}

func TestLinksOfEveryKind(t *testing.T) {
	src := "---\ntitle: T\n---\n\n" +
		"See [values](/handbook/values/#results), [ref]({{< ref \"compensation-calculator#gitlab-job-grades\" >}}),\n" +
		"[rel]({{< relref \"other\" >}}), [pct]({{% ref \"x.md\" %}}), <https://about.gitlab.com/handbook/>,\n" +
		"https://handbook.gitlab.com/y, [r][def], ![img](/i.png) and {{< ref \"bare\" >}}.\n\n" +
		"<a href=\"/html/\">h</a>\n\n[def]: /defined/#frag\n"
	f := Parse("x.md", []byte(src))
	want := []struct {
		kind   LinkKind
		target string
		frag   string
	}{
		{LinkInline, "/handbook/values/#results", "results"},
		{LinkRef, "compensation-calculator#gitlab-job-grades", "gitlab-job-grades"},
		{LinkRelref, "other", ""},
		{LinkRef, "x.md", ""},
		{LinkAuto, "https://about.gitlab.com/handbook/", ""},
		{LinkAuto, "https://handbook.gitlab.com/y", ""},
		{LinkReference, "/defined/#frag", "frag"},
		{LinkImage, "/i.png", ""},
		{LinkRef, "bare", ""},
		{LinkHTML, "/html/", ""},
	}
	if len(f.Links) != len(want) {
		for _, l := range f.Links {
			t.Logf("%s %q", l.Kind, l.Target)
		}
		t.Fatalf("%d links, want %d", len(f.Links), len(want))
	}
	for i, w := range want {
		l := f.Links[i]
		if l.Kind != w.kind || l.Target != w.target || l.Fragment != w.frag {
			t.Errorf("link %d: %s %q #%q, want %s %q #%q", i, l.Kind, l.Target, l.Fragment, w.kind, w.target, w.frag)
		}
		// the span starts where the link is written
		text := string(f.Source.Text[l.Span.Start:l.Span.End])
		if w.kind == LinkInline && text != "[values](/handbook/values/#results)" {
			t.Errorf("inline link span covers %q", text)
		}
		if w.kind == LinkRef && i == 1 && !strings.HasPrefix(text, "[ref]({{< ref") {
			t.Errorf("ref link span covers %q", text)
		}
	}
	// shortcodes and link targets are not prose
	for _, b := range f.Blocks {
		if strings.Contains(b.Text, "ref \"") || strings.Contains(b.Text, "/handbook/") {
			t.Errorf("prose holds a link target or shortcode: %q", b.Text)
		}
	}
}

func TestHeadingIDAndText(t *testing.T) {
	f := Parse("x.md", []byte("## Résultats `code` {#results}\n\n### *Emphasis* and [link](/x)\n"))
	if len(f.Headings) != 2 {
		t.Fatalf("%d headings", len(f.Headings))
	}
	if h := f.Headings[0]; h.ID != "results" || !strings.HasPrefix(h.Text, "Résultats") {
		t.Errorf("heading 1: id %q text %q", h.ID, h.Text)
	}
	if h := f.Headings[1]; h.Text != "Emphasis and link" {
		t.Errorf("heading 2 text %q", h.Text)
	}
}

func TestMatchSection(t *testing.T) {
	cases := []struct {
		text   string
		kind   SectionKind
		prefix string
	}{
		{"Job Grade", SecJobGrade, ""},
		{"Director, Infrastructure (Reliability) Responsibilities", SecResponsibilities, "Director, Infrastructure (Reliability)"},
		{"Senior Manager Job Grade", SecJobGrade, "Senior Manager"},
		{"Nice-to-have Requirements", SecNiceToHaves, ""},
		{"Nice to haves", SecNiceToHaves, ""},
		{"Responsibilites", SecResponsibilities, ""},
		{"Partner Integration Engineer Responsbilities", SecResponsibilities, "Partner Integration Engineer"},
		{"Resposibilities", SecResponsibilities, ""},
		{"Performance Indicators (PI)", SecPerformance, ""},
		{"Job Grades", SecLevels, ""},
		{"Specialities", SecSpecialties, ""},
		{"Requirements:", SecRequirements, ""},
		{"Performance Indicators", SecPerformance, ""},
		{"Senior Analyst Performance Indicator", SecPerformance, "Senior Analyst"},
		{"Primary Performance Indicator for the Role", SecPerformance, ""},
		{"Hiring Process", SecHiringProcess, ""},
		{"Career Ladder", SecCareerLadder, ""},
		{"Moving to and moving from", SecCareerLadder, ""},
		{"Preferred Qualifications", SecNiceToHaves, ""},
		{"Segments", SecSegment, ""},
		{"Expertise", SecExpertise, ""},
		{"Specializations", SecSpecialties, ""},
		{"Levels", SecLevels, ""},
		{"Grade Level", SecJobGrade, ""},
		{"Other Helpful Experience", SecNiceToHaves, ""},
		{"Helpful skills", SecNiceToHaves, ""},
	}
	for _, c := range cases {
		k, _, p, ok := MatchSection(c.text)
		if !ok || k != c.kind || p != c.prefix {
			t.Errorf("MatchSection(%q) = %s %q %v, want %s %q", c.text, k, p, ok, c.kind, c.prefix)
		}
	}
	for _, notSection := range []string{"Manager, Infrastructure", "Backend Engineer", "Gradebook Analyst", "Upgrade Manager", "Respect", "Resilience Engineer", "Customer Experience", "Experience"} {
		if k, _, _, ok := MatchSection(notSection); ok {
			t.Errorf("MatchSection(%q) = %s, want no section", notSection, k)
		}
	}
}

func TestGradeSentenceVariants(t *testing.T) {
	cases := []struct {
		sentence string
		number   float64
		subject  string
		linked   bool
	}{
		{"The Manager, X is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).", 8, "Manager, X", true},
		{"The Analyst is a [Grade #7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).", 7, "Analyst", true},
		{"The Director is a [10](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).", 10, "Director", true},
		{"The role is a grade 6.", 6, "role", false},
		{"The Lead is a [grade 9.5](https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades) role.", 9.5, "Lead", true},
		{"Manager, Accounting is a grade [8].", 8, "Manager, Accounting", false},
		{"The Engineer is a job grade [level 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).", 7, "Engineer", true},
		{`The Manager is a [grade 8]({{< ref "compensation-calculator#gitlab-job-grades" >}}).`, 8, "Manager", true},
	}
	for _, c := range cases {
		src := "## Role Title\n\n### Job Grade\n\n" + c.sentence + "\n"
		f := Parse("x.md", []byte(src))
		if len(f.Roles) != 1 || f.Roles[0].Grade == nil || f.Roles[0].Grade.Number == nil {
			t.Errorf("%q: no grade read", c.sentence)
			continue
		}
		g := f.Roles[0].Grade
		if *g.Number != c.number || g.Subject != c.subject || (g.Target != "") != c.linked {
			t.Errorf("%q: grade %v subject %q target %q", c.sentence, *g.Number, g.Subject, g.Target)
		}
	}
	f := Parse("x.md", []byte("## Chief of Staff\n\n### Job Grade\n\nThe Chief of Staff can be a [grade 11 or a grade 12](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n"))
	if g := f.Roles[0].Grade; g == nil || *g.Number != 11 || g.Max == nil || *g.Max != 12 {
		t.Errorf("range not read: %+v", g)
	}
}

func TestProseMentionOfGradeIsNotAGrade(t *testing.T) {
	f := Parse("x.md", []byte("## Senior Analyst\n\nWhile there is limited survey data for a grade 9, this role exists.\n\n### Responsibilities\n\n- Analyse\n"))
	if len(f.Roles) != 1 {
		t.Fatalf("%d roles", len(f.Roles))
	}
	if f.Roles[0].Grade != nil {
		t.Fatalf("a prose mention of a grade was read as the role's grade")
	}
}

// A front-matter value written verbatim on its line reads as a block whose
// offsets map to the source; a folded or escaped one does not.
func TestFrontMatterTextBlock(t *testing.T) {
	src := "---\ntitle: \"Progam Manager\"\ndescription: Leads initaitives at Gitlab\nfolded: >\n  two\n  lines\nescaped: \"a \\\"b\\\"\"\nyes: true\n---\n\n# X\n"
	f := Parse("x.md", []byte(src))
	b := f.FrontMatter.TextBlock("title", BlockHeading)
	if b == nil || b.Text != "Progam Manager" || b.Kind != BlockHeading {
		t.Fatalf("title block = %+v", b)
	}
	if s := b.SourceSpan(0, 6); src[s.Start:s.End] != "Progam" {
		t.Errorf("title word maps to %q", src[s.Start:s.End])
	}
	d := f.FrontMatter.TextBlock("description", BlockParagraph)
	if d == nil {
		t.Fatal("no description block")
	}
	if s := d.SourceSpan(6, 17); src[s.Start:s.End] != "initaitives" {
		t.Errorf("description word maps to %q", src[s.Start:s.End])
	}
	for _, k := range []string{"folded", "escaped", "yes", "missing"} {
		if b := f.FrontMatter.TextBlock(k, BlockParagraph); b != nil {
			t.Errorf("%s: got a block %q, want none", k, b.Text)
		}
	}
	var none *FrontMatter
	if none.TextBlock("title", BlockHeading) != nil {
		t.Error("nil front matter gave a block")
	}
}
