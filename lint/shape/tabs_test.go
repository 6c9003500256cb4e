package shape_test

import (
	"fmt"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

// tabsOf writes the same content tabs under each heading.
func tabsOf(heads []string, titles []string) string {
	src := "# Skills\n\n"
	for _, h := range heads {
		src += "### " + h + "\n\n"
		for _, t := range titles {
			src += "=== \"" + t + "\"\n\n    - " + h + " at " + t + "\n\n"
		}
	}
	return src
}

// TestFindTabs reads content tabs whose titles name levels, written again
// under each competency heading, as a ladder of the levels by the
// headings; the near misses are tabs that name no levels, and one set of
// level tabs written once.
func TestFindTabs(t *testing.T) {
	src := tabsOf([]string{"Costing", "Documentation", "Review"}, []string{":material-battery-10: Entry Level", ":material-battery-50: Mid Level", ":material-battery-90: Senior Level"})
	f := model.Parse("s.md", []byte(src))
	ls := shape.Find(f, options(t))
	if len(ls) != 1 || ls[0].From != "tabs" {
		t.Fatalf("ladders: %d, want one of tabs", len(ls))
	}
	if got := titles(ls[0]); got != "Entry Level|Mid Level|Senior Level" {
		t.Errorf("levels %q", got)
	}
	mid := ls[0].Levels[1]
	if p := f.Source.Position(mid.TitleSpan.Start); p.Line != 9 || p.Column != 28 || string(f.Source.Text[mid.TitleSpan.Start:mid.TitleSpan.End]) != "Mid Level" {
		t.Errorf("Mid Level's title at %d:%d %q, want 9:28", p.Line, p.Column, f.Source.Text[mid.TitleSpan.Start:mid.TitleSpan.End])
	}
	var dims []string
	for _, d := range mid.Dims {
		p := f.Source.Position(d.Span.Start)
		dims = append(dims, fmt.Sprintf("%s %d:%d %q", d.Name, p.Line, p.Column, d.Text))
	}
	want := []string{`Costing 9:6 "Costing at :material-battery-50: Mid Level"`,
		`Documentation 23:6 "Documentation at :material-battery-50: Mid Level"`,
		`Review 37:6 "Review at :material-battery-50: Mid Level"`}
	if fmt.Sprint(dims) != fmt.Sprint(want) {
		t.Errorf("Mid Level's dimensions\n%q\nwant\n%q", dims, want)
	}
	for _, miss := range []string{
		tabsOf([]string{"Install", "Configure"}, []string{"Python", "Go", "Java"}),
		tabsOf([]string{"Costing"}, []string{"Entry Level", "Mid Level", "Senior Level"}),
	} {
		if ls := shape.Find(model.Parse("s.md", []byte(miss)), options(t)); len(ls) != 0 {
			t.Errorf("%d ladders (%s) in\n%s", len(ls), ls[0].From, miss)
		}
	}
}
