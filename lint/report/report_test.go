package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/report"
	"gitlab.com/ladderlint/ladderlint/lint/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenName is the golden file of each format.
var goldenName = map[string]string{
	"text":        "golden.txt",
	"json":        "golden.json",
	"junit":       "golden.junit.xml",
	"codequality": "golden.codequality.json",
	"sarif":       "golden.sarif.json",
}

func testRule(id string, sev lint.Severity, cat lint.Category, title, desc string) *lint.Rule {
	return &lint.Rule{
		ID: id, Title: title, Category: cat, Severity: sev,
		Doc:   lint.Doc{Description: desc, Bad: "## Bad\n", Good: "## Good\n"},
		Check: func(*lint.Pass) {},
	}
}

// sample is a report with what reporters must get right: several files,
// a file without findings, two findings of one rule in one file, a diff,
// characters XML and JSON escape, a path with a space (escaped in URIs), a
// finding of a rule outside the catalog.
func sample() *report.Report {
	rules := []*lint.Rule{
		testRule("grade-order", lint.Error, lint.Grades, "a more senior role never has a lower or equal grade",
			"Within a family and track, a more senior title never has a lower or equal grade."),
		testRule("term-consistency", lint.Info, lint.Wording, "one term written one way", "A term is written the same way across a family."),
		testRule("vacancy-wording", lint.Warning, lint.Policy, "no vacancy wording", "Job families describe roles, not vacancies: no \"you will\"."),
	}
	all := []string{"grade-order", "term-consistency", "vacancy-wording"}
	be := "content/job-families/engineering/backend engineer.md"
	ae := "content/job-families/sales/account-executive.md"
	sre := "content/job-families/infrastructure/sre.md"
	return &report.Report{
		Tool: "ladderlint", Version: "0.1.0",
		Files: []*lint.FileResult{
			{Path: be, Checked: all},
			{Path: ae, Checked: all},
			{Path: sre, Checked: []string{"grade-order"}},
		},
		Rules: rules,
		Findings: []lint.Finding{
			{Rule: "grade-order", Severity: lint.Error, Path: be, Line: 12, Column: 5, EndLine: 12, EndColumn: 72,
				Message:     `grade 6 of "Senior Backend Engineer" is not higher than grade 6 of "Backend Engineer"`,
				Fingerprint: "3f1c0b9a8e7d6c5b4a39281706f5e4d3", Role: "Senior Backend Engineer"},
			{Rule: "vacancy-wording", Severity: lint.Warning, Path: be, Line: 20, Column: 1, EndLine: 20, EndColumn: 9,
				Message: `"you will" addresses a candidate; describe the role instead`, Fingerprint: "9a8b7c6d5e4f30211203948576a5b4c3", Role: "Senior Backend Engineer"},
			{Rule: "term-consistency", Severity: lint.Info, Path: be, Line: 31, Column: 3, EndLine: 32, EndColumn: 1,
				Message: `"Go lang" is written "Go" elsewhere in the family (naïve <b> & "quotes")`, Fingerprint: "00112233445566778899aabbccddeeff",
				Role: "Staff Backend Engineer", Diff: "Write services in [-Go lang-]{+Go+}."},
			{Rule: "vacancy-wording", Severity: lint.Warning, Path: be, Line: 44, Column: 17, EndLine: 44, EndColumn: 39,
				Message: `"exciting opportunity" is vacancy wording`, Fingerprint: "ffeeddccbbaa99887766554433221100", Role: "Staff Backend Engineer"},
			{Rule: "link-legacy", Severity: lint.Warning, Path: sre, Line: 3, Column: 1, EndLine: 3, EndColumn: 1,
				Message: "a rule outside the catalog; CDATA ends with ]]>", Fingerprint: "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"},
		},
	}
}

func TestGolden(t *testing.T) {
	if got := report.Formats(); !reflect.DeepEqual(got, []string{"codequality", "json", "junit", "sarif", "text"}) {
		t.Fatalf("formats %v", got)
	}
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			rep := sample()
			r, err := report.New(format, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.Write(&buf, rep); err != nil {
				t.Fatal(err)
			}
			reporttest.Check(t, format, buf.Bytes(), rep)
			golden(t, filepath.Join("testdata", goldenName[format]), buf.Bytes())

			// output is deterministic
			var again bytes.Buffer
			if err := r.Write(&again, sample()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Errorf("two writes of one report differ")
			}
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./lint/report -update and review the diff):\n%s", path, got)
	}
}

// TestEmpty checks every format on a run without findings: still valid,
// arrays never null, and JUnit passing cases for what was checked.
func TestEmpty(t *testing.T) {
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			rep := sample()
			rep.Findings = nil
			r, _ := report.New(format, report.Options{})
			var buf bytes.Buffer
			if err := r.Write(&buf, rep); err != nil {
				t.Fatal(err)
			}
			reporttest.Check(t, format, buf.Bytes(), rep)
			if bytes.Contains(buf.Bytes(), []byte("null")) {
				t.Errorf("null in an empty report:\n%s", buf.Bytes())
			}
		})
	}
}

func TestCodeQualitySeverity(t *testing.T) {
	rep := sample()
	write := func(opts report.Options) []string {
		t.Helper()
		r, _ := report.New("codequality", opts)
		var buf bytes.Buffer
		if err := r.Write(&buf, rep); err != nil {
			t.Fatal(err)
		}
		var issues []struct{ Severity string }
		if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, is := range issues {
			out = append(out, is.Severity)
		}
		return out
	}
	// findings: error, warning, info, warning, warning
	if got, want := write(report.Options{}), []string{"major", "minor", "info", "minor", "minor"}; !reflect.DeepEqual(got, want) {
		t.Errorf("default mapping: %v, want %v", got, want)
	}
	opts := report.Options{CodeQualitySeverity: map[lint.Severity]string{lint.Error: "blocker", lint.Info: "minor"}}
	if got, want := write(opts), []string{"blocker", "minor", "minor", "minor", "minor"}; !reflect.DeepEqual(got, want) {
		t.Errorf("configured mapping: %v, want %v", got, want)
	}
}

func TestParseCodeQualitySeverity(t *testing.T) {
	for in, want := range map[string]string{
		"error=critical": "error critical",
		"warning=MAJOR":  "warning major",
		"info=info":      "info info",
		"error":          "want SEVERITY=LEVEL",
		"fatal=major":    "is not error, warning or info",
		"off=major":      "is not error, warning or info",
		"error=severe":   "is not a Code Quality severity",
	} {
		sev, cq, err := report.ParseCodeQualitySeverity(in)
		got := sev.String() + " " + cq
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, want) {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// TestCodeQualityUniqueFingerprints: a report that repeats a fingerprint
// (put together from several runs) still gives GitLab unique ones.
func TestCodeQualityUniqueFingerprints(t *testing.T) {
	rep := sample()
	rep.Findings = append(rep.Findings, rep.Findings...)
	rep.Findings[1].Fingerprint = ""
	r, _ := report.New("codequality", report.Options{})
	var buf bytes.Buffer
	if err := r.Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	reporttest.CheckCodeQuality(t, buf.Bytes(), rep)
	if !bytes.Contains(buf.Bytes(), []byte(rep.Findings[0].Fingerprint)) {
		t.Errorf("the first use of a fingerprint is kept as it is")
	}
}

// TestSARIFEdges: columns and lines below 1 are clamped; an absolute path
// becomes a file URI; a colon in a relative path is escaped.
func TestSARIFEdges(t *testing.T) {
	rep := sample()
	rep.Files = nil
	rep.Findings = []lint.Finding{
		{Rule: "grade-order", Severity: lint.Error, Path: "/abs/job families/x.md", Message: "m", Fingerprint: "aaaaaaaaaaaaaaaa"},
		{Rule: "grade-order", Severity: lint.Error, Path: "a:b.md", Line: 2, Column: 0, Message: "m", Fingerprint: "bbbbbbbbbbbbbbbb"},
	}
	r, _ := report.New("sarif", report.Options{})
	var buf bytes.Buffer
	if err := r.Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	reporttest.CheckSARIF(t, buf.Bytes(), rep)
	for _, want := range []string{`"uri": "file:///abs/job%20families/x.md"`, `"uri": "a%3Ab.md"`, `"startColumn": 1`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("SARIF lacks %s:\n%s", want, buf.String())
		}
	}
}

// TestJUnitControlCharacters: characters XML cannot hold are replaced, so
// that the report still parses.
func TestJUnitControlCharacters(t *testing.T) {
	rep := sample()
	rep.Findings = rep.Findings[:1]
	rep.Findings[0].Message = "bell\x07 and form feed\x0c"
	r, _ := report.New("junit", report.Options{})
	var buf bytes.Buffer
	if err := r.Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var v struct{}
	if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatalf("JUnit report does not parse: %v\n%s", err, buf.Bytes())
	}
}

// TestTextCountsPerRule: with many findings the text report counts them
// per rule (most frequent first) on a line above the summary, which stays
// the last line; with few it does not.
func TestTextCountsPerRule(t *testing.T) {
	rep := &report.Report{Files: []*lint.FileResult{{Path: "a.md"}}}
	for i, id := range []string{"link-style", "misspelling", "link-style", "years-of-experience", "misspelling",
		"link-style", "grade-order", "link-style", "misspelling", "bullet-drift"} {
		rep.Findings = append(rep.Findings, lint.Finding{Rule: id, Severity: lint.Warning, Path: "a.md", Line: i + 1, Column: 1, Message: "m"})
	}
	write := func() []string {
		var b bytes.Buffer
		if err := (&report.Text{}).Write(&b, rep); err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	}
	lines := write()
	n := len(lines)
	if want := "by rule: link-style 4, misspelling 3, bullet-drift 1, grade-order 1, years-of-experience 1"; lines[n-2] != want {
		t.Errorf("line above the summary %q, want %q", lines[n-2], want)
	}
	if !strings.HasPrefix(lines[n-1], "10 findings in 1 file:") {
		t.Errorf("last line %q is not the summary", lines[n-1])
	}
	rep.Findings = rep.Findings[:report.ManyFindings-1]
	for _, l := range write() {
		if strings.HasPrefix(l, "by rule:") {
			t.Errorf("%d findings counted per rule: %q", len(rep.Findings), l)
		}
	}
}
