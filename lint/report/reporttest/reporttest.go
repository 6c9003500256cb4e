// Package reporttest checks reports the way the programs that read them do:
// the JSON report against schema/report.schema.json, SARIF against the
// official SARIF 2.1.0 schema, and JUnit and Code Quality against what
// GitLab requires of them. Reporter tests and CLI tests share these checks.
//
// sarif-2.1.0-rtm.5.json is the SARIF 2.1.0 JSON Schema that OASIS
// publishes (version rtm.5; its id names the schemastore.org copy), kept
// here unchanged so that the tests need no network.
package reporttest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/report"
	"gitlab.com/ladderlint/ladderlint/schema"
)

//go:embed sarif-2.1.0-rtm.5.json
var sarifSchemaText []byte

var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.LoadURL = func(u string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("reporttest: no network: %s", u)
	}
	const name = "file:///sarif-2.1.0-rtm.5.json"
	if err := c.AddResource(name, bytes.NewReader(sarifSchemaText)); err != nil {
		return nil, err
	}
	return c.Compile(name)
})

// Check runs the checks of a format on a report written from rep. Text has
// none here: golden files and the CLI tests cover it.
func Check(t testing.TB, format string, data []byte, rep *report.Report) {
	t.Helper()
	switch format {
	case "json":
		CheckJSON(t, data, rep)
	case "junit":
		CheckJUnit(t, data, rep)
	case "codequality":
		CheckCodeQuality(t, data, rep)
	case "sarif":
		CheckSARIF(t, data, rep)
	case "text":
	default:
		t.Fatalf("reporttest: no checks for the %s format", format)
	}
}

// decode reads JSON as the schema validator wants it.
func decode(t testing.TB, format string, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s report is not JSON: %v", format, err)
	}
	return v
}

// CheckJSON validates a JSON report against schema/report.schema.json and
// checks that it holds rep's findings.
func CheckJSON(t testing.TB, data []byte, rep *report.Report) {
	t.Helper()
	if err := schema.Report().Validate(decode(t, "JSON", data)); err != nil {
		t.Fatalf("JSON report does not validate against %s: %v", schema.ReportFile, err)
	}
	fs, err := report.ReadJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != len(rep.Findings) {
		t.Errorf("JSON report: %d findings, want %d", len(fs), len(rep.Findings))
	}
	if !bytes.Contains(data, []byte(`"findings": [`)) {
		t.Errorf("JSON report: findings is not an array")
	}
}

// CheckSARIF validates a SARIF log against the official schema and checks
// what code-scanning readers rely on: one result per finding, each naming a
// rule of the catalog (by ID and index) with a level, a message, a
// location with a relative URI (for a relative path) and line and column
// from 1, and a partial fingerprint; every rule that ran is in the catalog.
func CheckSARIF(t testing.TB, data []byte, rep *report.Report) {
	t.Helper()
	s, err := sarifSchema()
	if err != nil {
		t.Fatalf("SARIF schema: %v", err)
	}
	if err := s.Validate(decode(t, "SARIF", data)); err != nil {
		t.Fatalf("SARIF log does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription *struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string                `json:"ruleId"`
				RuleIndex *int                  `json:"ruleIndex"`
				Level     string                `json:"level"`
				Message   struct{ Text string } `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("SARIF: version %q with %d runs, want 2.1.0 with one run", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" {
		t.Errorf("SARIF: no tool.driver.name")
	}
	catalog := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		catalog[r.ID] = true
	}
	for _, r := range rep.Rules {
		if !catalog[r.ID] {
			t.Errorf("SARIF: rule %s ran but is not in tool.driver.rules", r.ID)
		}
	}
	for _, r := range run.Tool.Driver.Rules {
		if rule := findRule(rep, r.ID); rule != nil && (r.ShortDescription == nil || r.ShortDescription.Text != rule.Title) {
			t.Errorf("SARIF: rule %s: shortDescription is not its title", r.ID)
		}
	}
	if len(run.Results) != len(rep.Findings) {
		t.Errorf("SARIF: %d results, want %d", len(run.Results), len(rep.Findings))
	}
	for i, res := range run.Results {
		where := fmt.Sprintf("SARIF result %d (%s)", i, res.RuleID)
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex does not point at its rule in the catalog", where)
		}
		switch res.Level {
		case "error", "warning", "note":
		default:
			t.Errorf("%s: level %q", where, res.Level)
		}
		if res.Message.Text == "" {
			t.Errorf("%s: no message.text", where)
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("%s: no partialFingerprints", where)
		}
		if len(res.Locations) != 1 {
			t.Errorf("%s: %d locations, want 1", where, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("%s: region starts at %d:%d; SARIF counts from 1", where, loc.Region.StartLine, loc.Region.StartColumn)
		}
		u, err := url.Parse(loc.ArtifactLocation.URI)
		if err != nil || loc.ArtifactLocation.URI == "" {
			t.Errorf("%s: artifact URI %q: %v", where, loc.ArtifactLocation.URI, err)
			continue
		}
		if u.Scheme == "" && (u.IsAbs() || strings.HasPrefix(u.Path, "/") || loc.ArtifactLocation.URIBaseID == "") {
			t.Errorf("%s: artifact URI %q is neither relative to a base nor absolute", where, loc.ArtifactLocation.URI)
		}
		if i < len(rep.Findings) {
			f := rep.Findings[i]
			if u.Scheme == "" && u.Path != f.Path {
				t.Errorf("%s: artifact URI %q names %q, want %q", where, loc.ArtifactLocation.URI, u.Path, f.Path)
			}
		}
	}
}

func findRule(rep *report.Report, id string) *lint.Rule {
	for _, r := range rep.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// CheckCodeQuality checks a GitLab Code Quality report: a JSON array with
// one issue per finding, each with a description, a check_name, a
// fingerprint unique in the report, a severity GitLab knows and a location
// with a path and a first line.
func CheckCodeQuality(t testing.TB, data []byte, rep *report.Report) {
	t.Helper()
	var issues []map[string]any
	if err := json.Unmarshal(data, &issues); err != nil {
		t.Fatalf("Code Quality report is not a JSON array of objects: %v", err)
	}
	if issues == nil {
		t.Fatalf("Code Quality report is null, want an array")
	}
	if len(issues) != len(rep.Findings) {
		t.Errorf("Code Quality: %d issues, want %d", len(issues), len(rep.Findings))
	}
	seen := map[string]bool{}
	for i, is := range issues {
		where := fmt.Sprintf("Code Quality issue %d", i)
		for _, k := range []string{"description", "check_name", "fingerprint"} {
			if s, _ := is[k].(string); s == "" {
				t.Errorf("%s: no %s", where, k)
			}
		}
		fp, _ := is["fingerprint"].(string)
		if seen[fp] {
			t.Errorf("%s: fingerprint %s is not unique", where, fp)
		}
		seen[fp] = true
		switch is["severity"] {
		case "info", "minor", "major", "critical", "blocker":
		default:
			t.Errorf("%s: severity %v is not one of info, minor, major, critical, blocker", where, is["severity"])
		}
		loc, _ := is["location"].(map[string]any)
		path, _ := loc["path"].(string)
		lines, _ := loc["lines"].(map[string]any)
		begin, _ := lines["begin"].(float64)
		if path == "" || begin < 1 || begin != float64(int(begin)) {
			t.Errorf("%s: location %v needs a path and lines.begin >= 1", where, is["location"])
		}
		if i < len(rep.Findings) && (path != rep.Findings[i].Path || int(begin) != rep.Findings[i].Line) {
			t.Errorf("%s: location %s:%v, want %s:%d", where, path, begin, rep.Findings[i].Path, rep.Findings[i].Line)
		}
	}
}

// CheckJUnit checks a JUnit report as GitLab reads it: one <testsuite> per
// file; in it a <testcase> with classname, name and file for every rule
// checked on the file (rep.Files[].Checked) or reported in it, and no two
// with the same classname and name; a <failure> on exactly the cases with
// findings, naming every finding of that rule in that file; totals that add
// up.
func CheckJUnit(t testing.TB, data []byte, rep *report.Report) {
	t.Helper()
	type tcase struct {
		Classname *string `xml:"classname,attr"`
		Name      *string `xml:"name,attr"`
		File      *string `xml:"file,attr"`
		Failure   *struct {
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"failure"`
	}
	var doc struct {
		XMLName  xml.Name
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name     string  `xml:"name,attr"`
			Tests    int     `xml:"tests,attr"`
			Failures int     `xml:"failures,attr"`
			Cases    []tcase `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("JUnit report is not XML: %v", err)
	}
	if doc.XMLName.Local != "testsuites" {
		t.Fatalf("JUnit report: root element <%s>, want <testsuites>", doc.XMLName.Local)
	}
	type key struct{ path, rule string }
	cases := map[key]*tcase{}
	suites := map[string]bool{}
	tests, failures := 0, 0
	for _, s := range doc.Suites {
		if suites[s.Name] {
			t.Errorf("JUnit: two <testsuite> for %s", s.Name)
		}
		suites[s.Name] = true
		fails := 0
		for i := range s.Cases {
			c := &s.Cases[i]
			if c.Classname == nil || c.Name == nil || c.File == nil || *c.Classname == "" || *c.Name == "" || *c.File == "" {
				t.Errorf("JUnit: a test case in %s lacks classname, name or file", s.Name)
				continue
			}
			if *c.Classname != s.Name || *c.File != s.Name {
				t.Errorf("JUnit: test case %s/%s (file %s) sits in the suite of %s", *c.Classname, *c.Name, *c.File, s.Name)
			}
			k := key{*c.Classname, *c.Name}
			if cases[k] != nil {
				t.Errorf("JUnit: duplicate test case classname=%s name=%s", k.path, k.rule)
			}
			cases[k] = c
			if c.Failure != nil {
				fails++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != fails {
			t.Errorf("JUnit: suite %s says tests=%d failures=%d, has %d and %d", s.Name, s.Tests, s.Failures, len(s.Cases), fails)
		}
		tests += len(s.Cases)
		failures += fails
	}
	if doc.Tests != tests || doc.Failures != failures {
		t.Errorf("JUnit: <testsuites> says tests=%d failures=%d, has %d and %d", doc.Tests, doc.Failures, tests, failures)
	}
	want := map[key][]string{}
	for _, fr := range rep.Files {
		for _, id := range fr.Checked {
			if _, ok := want[key{fr.Path, id}]; !ok {
				want[key{fr.Path, id}] = nil // checked: a test case even without findings
			}
		}
	}
	for _, f := range rep.Findings {
		k := key{f.Path, f.Rule}
		want[k] = append(want[k], fmt.Sprintf("%s:%d:%d: %s %s: %s", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message))
	}
	for k, lines := range want {
		c := cases[k]
		switch {
		case c == nil:
			t.Errorf("JUnit: no test case for rule %s on %s", k.rule, k.path)
		case len(lines) == 0 && c.Failure != nil:
			t.Errorf("JUnit: %s/%s fails without a finding", k.path, k.rule)
		case len(lines) > 0 && c.Failure == nil:
			t.Errorf("JUnit: %s/%s passes with %d findings", k.path, k.rule, len(lines))
		case len(lines) > 0:
			for _, l := range lines {
				if !strings.Contains(c.Failure.Text, l) {
					t.Errorf("JUnit: the failure of %s/%s does not list %q", k.path, k.rule, l)
				}
			}
			if c.Failure.Message == "" {
				t.Errorf("JUnit: the failure of %s/%s has no message", k.path, k.rule)
			}
		}
	}
	for k := range cases {
		if _, ok := want[k]; !ok {
			t.Errorf("JUnit: unexpected test case %s/%s", k.path, k.rule)
		}
	}
}
