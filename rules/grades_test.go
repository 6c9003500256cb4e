package rules

import (
	"os"
	"path/filepath"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestGradeFormat(t *testing.T) { linttest.Run(t, "testdata/grade-format", "grade-format") }

func TestGradeFormatOptions(t *testing.T) {
	linttest.Run(t, "testdata/grade-format-options", "grade-format")
}

func TestGradeOrder(t *testing.T) { linttest.Run(t, "testdata/grade-order", "grade-order") }

func TestGradeOrderOptions(t *testing.T) {
	linttest.Run(t, "testdata/grade-order-options", "grade-order")
}

// infoWhen checks that exactly the findings whose message holds marker
// are at info severity.
func infoWhen(t *testing.T, res *lint.Result, marker string) {
	t.Helper()
	for _, f := range res.Findings {
		if want := strings.Contains(f.Message, marker); want != (f.Severity == lint.Info) {
			t.Errorf("%s:%d: severity %s for %q", f.Path, f.Line, f.Severity, f.Message)
		}
	}
}

func TestGradeTitleMismatch(t *testing.T) {
	infoWhen(t, linttest.Run(t, "testdata/grade-title-mismatch", "grade-title-mismatch"), "without the qualifier")
}

func TestGradeTitleMismatchOptions(t *testing.T) {
	res := linttest.Run(t, "testdata/grade-title-mismatch-options", "grade-title-mismatch")
	for _, f := range res.Findings {
		if f.Severity != lint.Warning {
			t.Errorf("%s:%d: severity %s, want warning from the qualifier option", f.Path, f.Line, f.Severity)
		}
	}
	cfg := lint.DefaultConfig()
	cfg.Rules["grade-title-mismatch"] = &lint.RuleConfig{}
	if err := cfg.Rules["grade-title-mismatch"].Options.Encode(map[string]string{"qualifier": "loud"}); err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.RuleOptions(lint.Lookup("grade-title-mismatch")); err == nil {
		t.Error("qualifier: loud accepted")
	}
}

func TestGradeMissing(t *testing.T) { linttest.Run(t, "testdata/grade-missing", "grade-missing") }

// TestGradeMissingTableGrade: an ungraded executive page is told the grade
// the site's grade table gives its title.
func TestGradeMissingTableGrade(t *testing.T) {
	linttest.Run(t, "testdata/grade-missing-site", "grade-missing")
}

func TestRolePlacement(t *testing.T) { linttest.Run(t, "testdata/role-placement", "role-placement") }

// grade-consistency is info by default (its blind precision is under 0.9,
// docs/rules.md): a same-title clash and a distribution outlier alike.
func TestGradeConsistency(t *testing.T) {
	res := linttest.Run(t, "testdata/grade-consistency", "grade-consistency")
	for _, f := range res.Findings {
		if f.Severity != lint.Info {
			t.Errorf("%s:%d: severity %s for %q, want info", f.Path, f.Line, f.Severity, f.Message)
		}
	}
}

// TestGradeFingerprints checks that the grade rules' fingerprints survive
// edits elsewhere in a file: the same pages with a paragraph added at the
// top give the same fingerprints on other lines.
func TestGradeFingerprints(t *testing.T) {
	for _, dir := range []string{"grade-format", "grade-order", "grade-title-mismatch", "grade-consistency", "grade-missing", "role-placement"} {
		files := map[string]string{}
		shifted := map[string]string{}
		frontLines := map[string]int{} // a finding on the front matter (a page's title) stays put
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			b, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			files[e.Name()] = s
			// after the front matter's closing line
			i := strings.Index(s[3:], "\n---\n") + 3 + len("\n---\n")
			shifted[e.Name()] = s[:i] + "\nAn added paragraph.\n\nAnd another.\n" + s[i:]
			frontLines[e.Name()] = strings.Count(s[:i], "\n")
		}
		before := linttest.Lint(t, nil, files, dir)
		after := linttest.Lint(t, nil, shifted, dir)
		if len(before.Findings) == 0 || len(before.Findings) != len(after.Findings) {
			t.Fatalf("%s: %d findings before the edit, %d after", dir, len(before.Findings), len(after.Findings))
		}
		for i, f := range before.Findings {
			g := after.Findings[i]
			want := f.Line + 4
			if f.Line <= frontLines[filepath.Base(f.Path)] {
				want = f.Line
			}
			if g.Line != want {
				t.Errorf("%s: %s:%d moved to line %d, want %d", dir, f.Path, f.Line, g.Line, want)
			}
			if g.Fingerprint != f.Fingerprint {
				t.Errorf("%s: %s:%d: fingerprint changed with the line: %s", dir, f.Path, f.Line, f.Message)
			}
		}
	}
}

// TestGradeTables: the grade tables read from the page the grade links
// name (a Hugo content tree), a family checked against the table it fits.
func TestGradeTables(t *testing.T) {
	linttest.Run(t, "testdata/grade-tables", "grade-order", "grade-consistency")
}

// TestGradeTablesConfig: grade tables from a YAML file named in the
// config, and a table chosen by the family's folder.
func TestGradeTablesConfig(t *testing.T) {
	linttest.Run(t, "testdata/grade-tables-config", "grade-order", "grade-consistency")
}

// TestOneDefectOneFinding: a title that disagrees between a level's heading,
// its text and its grade sentence is one finding, from one rule.
func TestOneDefectOneFinding(t *testing.T) {
	res := linttest.Run(t, "testdata/one-defect", "role-name-mismatch", "grade-title-mismatch")
	// the one finding stands for the other rule's defect too when it is
	// about the grade sentence: not when the heading is the one to change
	n := 0
	for _, f := range res.Findings {
		want := "role-name-mismatch"
		onGrade := true
		if f.Rule == "role-name-mismatch" {
			want = "grade-title-mismatch"
			places, _, _ := strings.Cut(f.Message, " but ")
			onGrade = strings.Contains(places, "grade sentence") && !strings.HasPrefix(f.Message, "heading names")
		}
		covers := len(f.Covers) == 1 && f.Covers[0] == want
		if covers != onGrade {
			t.Errorf("%s:%d: %s: covers %v", f.Path, f.Line, f.Message, f.Covers)
		}
		if covers {
			n++
		}
	}
	if n < 2 {
		t.Errorf("%d findings cover the other rule, want a grade-title-mismatch and a role-name-mismatch one", n)
	}
}

// TestGradeFormatFix: --fix writes every off-template grade as the
// template, "[grade N](table)".
func TestGradeFormatFix(t *testing.T) {
	gradeFormatFixed(t, "forms.md",
		"The Associate Form Analyst is a [grade 5]"+gradeTableLink+".",
		"The Form Analyst is a [grade 6]"+gradeTableLink+".",
		"The Senior Form Analyst is a [grade 7]"+gradeTableLink+".",
		"The Staff Form Analyst is a [grade 8]"+gradeTableLink+".",
		"The Principal Form Analyst is a [grade 9]"+gradeTableLink+".",
		"The Manager, Form Review is a [grade 8]"+gradeTableLink+".",
		"The Senior Manager, Form Analysis is a [Grade 9]"+gradeTableLink+".", // near miss: untouched
	)
}

// TestGradeFormatPeriodFix: --fix ends an unstopped grade sentence with a
// full stop after its link (and emphasis), and the page is then clean.
func TestGradeFormatPeriodFix(t *testing.T) {
	gradeFormatFixed(t, "period.md",
		"The Associate Period Analyst is a [grade 5]"+gradeTableLink+". <!--",
		"The Period Analyst is a **[grade 6]"+gradeTableLink+"**. <!--",
		"The Lead Period Analyst is a [grade 8]"+gradeTableLink+". <!--",
	)
}

const gradeTableLink = "(/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)"

// gradeFormatFixed applies grade-format's fixes to a fixture of
// testdata/grade-format: the fixed page holds each of wants and has
// nothing more to report.
func gradeFormatFixed(t *testing.T, name string, wants ...string) {
	t.Helper()
	src, err := os.ReadFile("testdata/grade-format/" + name)
	if err != nil {
		t.Fatal(err)
	}
	res := linttest.Lint(t, nil, map[string]string{name: string(src)}, "grade-format")
	out, _ := lint.ApplyFixes(src, res.Findings)
	for _, want := range wants {
		if !strings.Contains(string(out), want) {
			t.Errorf("fixed page lacks %q", want)
		}
	}
	again := linttest.Lint(t, nil, map[string]string{name: string(out)}, "grade-format")
	for _, f := range again.Findings {
		t.Errorf("after --fix: %d:%d %s", f.Line, f.Column, f.Message)
	}
}

func TestCareerLadder(t *testing.T) { linttest.Run(t, "testdata/career-ladder", "career-ladder") }

func TestCareerLadderOtherFamilies(t *testing.T) {
	linttest.Run(t, "testdata/career-ladder-options", "career-ladder")
}
