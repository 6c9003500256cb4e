package overview_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/overview"
	_ "gitlab.com/ladderlint/ladderlint/rules"
	"gitlab.com/ladderlint/ladderlint/schema"
)

const gradeLink = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades"

func grade(role, n string) string {
	return "The " + role + " is a [grade " + n + "](" + gradeLink + ").\n"
}

// page writes a family page of levels: title -> grade ("" for none).
func page(title string, levels [][2]string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: \"" + title + "\"\n---\n\n## Levels\n")
	for _, lv := range levels {
		b.WriteString("\n### " + lv[0] + "\n\n")
		if lv[1] != "" {
			b.WriteString("#### " + lv[0] + " Job Grade\n\n" + grade(lv[0], lv[1]) + "\n")
		}
		b.WriteString("#### " + lv[0] + " Responsibilities\n\n- Own the work of the team\n\n")
		b.WriteString("#### " + lv[0] + " Requirements\n\n- Ability to use GitLab\n")
	}
	return b.String()
}

func run(t *testing.T, pages map[string]string) (*lint.Result, *lint.Config) {
	t.Helper()
	cfg := lint.DefaultConfig()
	var in []lint.Input
	for p, text := range pages {
		in = append(in, lint.Input{Path: p, Data: []byte(text)})
	}
	return linttest.RunInputs(t, cfg, in), cfg
}

func find(ov *overview.Overview, title string) *overview.Family {
	for _, f := range ov.Families {
		if f.Title == title {
			return f
		}
	}
	return nil
}

func level(f *overview.Family, title string) *overview.Level {
	for _, lv := range f.Levels {
		if lv.Title == title {
			return lv
		}
	}
	return nil
}

func kinds(lv *overview.Level) string {
	var k []string
	for _, m := range lv.Marks {
		k = append(k, m.Kind)
	}
	return strings.Join(k, ",")
}

func TestBuild(t *testing.T) {
	res, cfg := run(t, map[string]string{
		"a/analyst.md": page("Analyst", [][2]string{
			{"Analyst", "6"}, {"Senior Analyst", "8"}, {"Staff Analyst", "8"}, {"Principal Analyst", ""},
			{"Manager, Analytics", "8"}, {"Senior Manager, Analytics", "9"},
		}),
		"b/writer.md": page("Writer", [][2]string{{"Writer", "6"}, {"Senior Writer", "7"}, {"Senior Analyst", "7"}}),
	})
	ov := overview.Build(res, cfg, overview.Options{SourceURL: "https://example.com/blob/main/{path}#L{line}"})
	if len(ov.Families) != 2 || ov.Families[0].Title != "Analyst" || ov.Families[1].Title != "Writer" {
		t.Fatalf("families: %+v", ov.Families)
	}
	a := find(ov, "Analyst")
	if len(a.Tracks) != 2 || a.Tracks[0].Name != "individual contributor" || a.Tracks[1].Name != "manager" {
		t.Fatalf("tracks of Analyst: %+v", a.Tracks)
	}
	if n := len(a.Tracks[0].Levels); n != 4 {
		t.Errorf("individual contributor levels: %d, want 4", n)
	}
	// Senior (8) skips grade 7 after Analyst (6); Staff repeats 8.
	if k := kinds(level(a, "Senior Analyst")); !strings.Contains(k, "grade-skipped") {
		t.Errorf("Senior Analyst marks %q, want grade-skipped", k)
	}
	if k := kinds(level(a, "Staff Analyst")); !strings.Contains(k, "grade-repeated") || !strings.Contains(k, "grade-order") {
		t.Errorf("Staff Analyst marks %q, want grade-repeated and the grade-order finding", k)
	}
	if k := kinds(level(a, "Principal Analyst")); !strings.Contains(k, "no-grade") || !strings.Contains(k, "grade-missing") {
		t.Errorf("Principal Analyst marks %q, want no-grade and grade-missing", k)
	}
	// Near misses: consecutive grades on a track are not marked; the
	// manager track starts over at 8.
	for _, title := range []string{"Analyst", "Manager, Analytics", "Senior Manager, Analytics"} {
		for _, m := range level(a, title).Marks {
			if m.Kind == "grade-skipped" || m.Kind == "grade-repeated" {
				t.Errorf("%s marked %s: %s", title, m.Kind, m.Message)
			}
		}
	}
	if lv := level(a, "Senior Analyst"); lv.Line != 21 || lv.Source != "https://example.com/blob/main/a/analyst.md#L21" {
		t.Errorf("Senior Analyst at line %d, source %q", lv.Line, lv.Source)
	}
	// Senior Analyst is 8 in one family and 7 in the other.
	if len(ov.Titles) != 1 || ov.Titles[0].Title != "Senior Analyst" || len(ov.Titles[0].Grades) != 2 {
		t.Errorf("titles with several grades: %+v", ov.Titles)
	}
	if k := kinds(level(find(ov, "Writer"), "Senior Analyst")); !strings.Contains(k, "grade-consistency") {
		t.Errorf("Writer's Senior Analyst marks %q, want the grade-consistency finding", k)
	}
	// every finding of a file is listed under its family, counted by severity
	for _, f := range ov.Families {
		n := 0
		for _, fd := range res.Findings {
			if fd.Path == f.Path {
				n++
			}
		}
		if len(f.Findings) != n || f.Counts.Total() != n {
			t.Errorf("%s: %d findings listed, %d counted, want %d", f.Path, len(f.Findings), f.Counts.Total(), n)
		}
	}
	if got := ov.Grades; len(got) != 4 || got[0] != 9 || got[3] != 6 {
		t.Errorf("grade rows %v, want 9 8 7 6", got)
	}
	var buf bytes.Buffer
	if err := ov.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if err := schema.Ladder().Validate(doc); err != nil {
		t.Errorf("JSON against schema/ladder.schema.json: %v", err)
	}
}

// Titles are text, whatever they hold: the page has its one script and
// no element or attribute the input wrote.
func TestHTMLEscapes(t *testing.T) {
	evil := `Senior <script>alert(1)</script> "Q" {{.CSP}} <img src=x onerror=alert(2)>`
	res, cfg := run(t, map[string]string{
		"x/evil.md": page(`Evil </title><script>alert(3)</script>`, [][2]string{{evil, "7"}}),
	})
	ov := overview.Build(res, cfg, overview.Options{})
	var buf bytes.Buffer
	if err := ov.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	if n := strings.Count(html, "<script"); n != 1 {
		t.Errorf("%d <script> elements, want the page's own one", n)
	}
	for _, bad := range []string{"<img", "alert(1)</script>", "alert(3)</script>", "onerror=alert", "</title><script>"} {
		if strings.Contains(html, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if !strings.Contains(html, "<h3>Evil &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</h3>") {
		t.Error("the family's title is not shown as escaped text")
	}
	if !strings.Contains(html, "&#34;Q&#34;") {
		t.Error("quotes in a level title are not escaped")
	}
	if !strings.Contains(html, "{{.CSP}}") {
		t.Error("template braces in a title were not kept as text")
	}
}

// The page names nothing outside itself: its policy allows only its own
// inline style and script, by hash.
func TestSelfContained(t *testing.T) {
	res, cfg := run(t, map[string]string{"a/x.md": page("X", [][2]string{{"Senior X", "7"}})})
	var buf bytes.Buffer
	if err := overview.Build(res, cfg, overview.Options{}).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, ext := range []string{"src=", "<link", "@import", "url(", "http://", "https://"} {
		if strings.Contains(html, ext) {
			t.Errorf("page refers outside itself: %q", ext)
		}
	}
	csp := overview.CSP()
	if !strings.Contains(html, strings.ReplaceAll(csp, "'", "&#39;")) || !strings.HasPrefix(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
		t.Errorf("content security policy %q", csp)
	}
}
