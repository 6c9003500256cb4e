package rules

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// The places of a role that give one other name are one finding, on the
// first of them, that stands for them all: its Places are the other
// places' lines (the accuracy report matches labels on any of them) and
// its message names their lines. A name given in one place stands for that
// place only.
func TestRoleNameMismatchPlaces(t *testing.T) {
	grade := "[grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)"
	page := "---\ntitle: Billing Operations\n---\n\n## Levels\n\n" +
		"### Manager, Billing Operations\n\n" + // line 7
		"The Manager, Billing reports to the Director, Billing.\n\n" + // line 9
		"#### Manager, Billing Operations Job Grade\n\n" +
		"The Manager, Billing is a " + grade + ".\n\n" + // line 13
		"#### Manager, Billing Operations Responsibilities\n\n- Run billing\n\n" +
		"### Senior Manager, Billing Operations\n\n" + // line 19
		"The Senior Manager, Billing Operations reports to the Director, Billing.\n\n" +
		"#### Senior Manager, Billing Operations Job Grade\n\n" +
		"The Senior Manager, Billing Operations is a " + grade + ".\n\n" +
		"#### Senior Manager, Billing Responsibilities\n\n- Run billing\n" // line 27
	res := linttest.Lint(t, nil, map[string]string{"x.md": page}, "role-name-mismatch")
	if len(res.Findings) != 2 {
		t.Fatalf("want 2 findings, got %d: %+v", len(res.Findings), res.Findings)
	}
	two, one := res.Findings[0], res.Findings[1]
	if two.Line != 9 || !slices.Equal(two.Places, []int{13}) || two.Through != 0 || !strings.HasSuffix(two.Message, "(lines 9 and 13)") {
		t.Errorf("two places: line %d places %v through %d, want 9, [13], 0 (%s)", two.Line, two.Places, two.Through, two.Message)
	}
	if one.Line != 27 || one.Places != nil || strings.Contains(one.Message, "(lines") {
		t.Errorf("one place: line %d places %v, want 27 and none (%s)", one.Line, one.Places, one.Message)
	}
}

// A level copied from another, its opening sentence, grade sentence and a
// section heading naming the level copied: one finding, grade-title-
// mismatch's, on the first place and standing for the others (the name in
// the other places is that one defect, not role-name-mismatch's too). The
// next level, whose grade sentence alone names another, has its finding
// there.
func TestGradeTitleMismatchCopiedPlaces(t *testing.T) {
	src, err := os.ReadFile("testdata/grade-title-mismatch/copied-places.md")
	if err != nil {
		t.Fatal(err)
	}
	res := linttest.Lint(t, nil, map[string]string{"x.md": string(src)}, "grade-title-mismatch", "role-name-mismatch")
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %d %v", f.Rule, f.Line, f.Places))
	}
	want := []string{"grade-title-mismatch 21 [25 31]", "grade-title-mismatch 41 []"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
