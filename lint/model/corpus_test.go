package model

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/schema"
)

// corpusRoot is the shared corpus of real job-family pages, next to the
// repository; tests that need it skip when it is absent.
const corpusRoot = "../../../shared/corpus"

var corpusFamilies = []string{
	"gitlab-handbook/content/job-families",
	"www-gitlab-com-2022/sites/uncategorized/source/job-families",
}

func corpusPages(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skipf("corpus not found at %s: skipping the real-data test", corpusRoot)
	}
	var pages []string
	for _, dir := range corpusFamilies {
		err := filepath.Walk(filepath.Join(corpusRoot, dir), func(p string, info os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			if !info.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".md.erb")) {
				pages = append(pages, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(pages) < 200 {
		t.Fatalf("only %d corpus pages found", len(pages))
	}
	return pages
}

// gradeLineRE finds grade sentences in raw text, independently of the
// model: "is a [grade 8]", "is a grade [8]", "is a job grade [level 7]",
// "is a [Grade #9]".
var gradeLineRE = regexp.MustCompile(`(?i)\bis an? \[?(?:job )?\[?(?:grade|level)\s*#?\s*\[?(?:level\s*)?(\d+(?:\.\d+)?)`)

func rawGrades(data []byte) map[float64]bool {
	out := map[float64]bool{}
	inFence := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		for _, m := range gradeLineRE.FindAllStringSubmatch(line, -1) {
			v, _ := strconv.ParseFloat(m[1], 64)
			out[v] = true
		}
	}
	return out
}

// TestCorpus models every job-family page of both corpora: the model
// validates against schema/family.schema.json, front matter reads, and every
// grade a page's sentences give is carried by a role.
func TestCorpus(t *testing.T) {
	pages := corpusPages(t)
	withGrades := 0
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := Parse(p, data)
		for _, is := range f.Issues {
			t.Errorf("%s: issue %s: %s", p, is.Kind, is.Message)
		}
		inst, err := schema.ToJSONValue(f.JSON())
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if err := schema.Family().Validate(inst); err != nil {
			ptr, msg := schema.FirstError(err)
			t.Errorf("%s: model does not validate: %s: %s", p, ptr, msg)
		}
		want := rawGrades(data)
		if len(want) == 0 {
			continue
		}
		withGrades++
		have := map[float64]bool{}
		for _, r := range f.Roles {
			if r.Grade != nil && r.Grade.Number != nil {
				have[*r.Grade.Number] = true
			}
			if r.Kind != KindLevel && r.Grade != nil {
				t.Errorf("%s: %s has a grade but is a %s", p, r.Title, r.Kind)
			}
		}
		for g := range want {
			if !have[g] {
				t.Errorf("%s: the page gives grade %v but no role carries it", p, g)
			}
		}
	}
	if withGrades < 200 {
		t.Errorf("only %d pages with grade sentences: the corpus or the test is off", withGrades)
	}
	t.Logf("%d pages, %d with grade sentences", len(pages), withGrades)
}

// TestInfrastructureEngineeringManagement checks the page the foundation
// issue names: 11 roles in order, 5 levels graded 8 to 12 and 6 specialties
// of "Manager, Infrastructure"; its "### Nice-to-haves" headings belong to
// the Director and Senior Director roles they follow.
func TestInfrastructureEngineeringManagement(t *testing.T) {
	p := filepath.Join(corpusRoot, "www-gitlab-com-2022/sites/uncategorized/source/job-families/engineering/infrastructure/engineering-management/index.html.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("corpus page not found (%v): skipping", err)
	}
	f := Parse(p, data)
	type want struct {
		kind  RoleKind
		grade float64
		base  string
	}
	wants := []want{
		{KindLevel, 8, ""},
		{KindSpecialty, 0, "Manager, Infrastructure"},
		{KindSpecialty, 0, "Manager, Infrastructure"},
		{KindSpecialty, 0, "Manager, Infrastructure"},
		{KindSpecialty, 0, "Manager, Infrastructure"},
		{KindSpecialty, 0, "Manager, Infrastructure"},
		{KindSpecialty, 0, "Manager, Infrastructure"},
		{KindLevel, 9, ""},
		{KindLevel, 10, ""},
		{KindLevel, 11, ""},
		{KindLevel, 12, ""},
	}
	if len(f.Roles) != len(wants) {
		for _, r := range f.Roles {
			t.Logf("%s %s", r.Kind, r.Title)
		}
		t.Fatalf("%d roles, want %d", len(f.Roles), len(wants))
	}
	for i, w := range wants {
		r := f.Roles[i]
		if r.Kind != w.kind || r.Base != w.base {
			t.Errorf("role %d %q: %s base %q, want %s base %q", i, r.Title, r.Kind, r.Base, w.kind, w.base)
		}
		if w.kind == KindLevel && (r.Grade == nil || r.Grade.Number == nil || *r.Grade.Number != w.grade) {
			t.Errorf("role %d %q: grade %+v, want %v", i, r.Title, r.Grade, w.grade)
		}
	}
	if f.Roles[0].Title != "Manager, Infrastructure" || f.Roles[10].Title != "VP of Infrastructure" {
		t.Errorf("titles: first %q last %q", f.Roles[0].Title, f.Roles[10].Title)
	}
	for _, r := range f.Roles {
		if strings.Contains(strings.ToLower(r.Title), "nice") {
			t.Errorf("a Nice-to-haves heading became a role: %q", r.Title)
		}
	}
	for _, i := range []int{8, 9} { // Director, Senior Director
		found := false
		for _, s := range f.Roles[i].Sections {
			if s.Kind == SecNiceToHaves && s.Style == StyleHeading && s.Heading.Level == 3 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: its ### Nice-to-haves heading is not its section", f.Roles[i].Title)
		}
	}
}
