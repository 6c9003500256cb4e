package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// TestJSONStreamedAsWhole: the JSON, Code Quality and SARIF reports, written a
// finding at a time, are byte for byte what encoding the whole document at
// once gives (read back and encoded whole), with a version, notes and
// messages that hold the array's key and characters HTML escaping would
// change, and with no findings.
func TestJSONStreamedAsWhole(t *testing.T) {
	whole := func(v any) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	tricky := "\n  \"findings\": [] <&> \u2028 naïve"
	var fs []lint.Finding
	for i := 0; i < 3; i++ {
		fs = append(fs, lint.Finding{Rule: "r", Severity: lint.Warning, Message: tricky, Path: "a.md", Line: i + 1, Column: 1,
			EndLine: i + 2, EndColumn: 1, Fingerprint: "f", Role: "Engineer", Diff: "[-a-]{+b+}"})
	}
	reports := map[string]*Report{
		"findings": {Tool: "ladderlint", Version: tricky, Findings: fs, Notes: []lint.Note{{Rule: "x", Message: tricky}}},
		"one":      {Tool: "ladderlint", Version: "1", Findings: fs[:1]},
		"none":     {Tool: "ladderlint", Version: "1"},
	}
	for name, r := range reports {
		var got bytes.Buffer
		if err := (JSON{}).Write(&got, r); err != nil {
			t.Fatal(err)
		}
		var back jsonReport
		if err := json.Unmarshal(got.Bytes(), &back); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, got.String())
		}
		if len(back.Findings) != len(r.Findings) || back.Tool.Version != r.Version {
			t.Fatalf("%s: read back %d findings, version %q", name, len(back.Findings), back.Tool.Version)
		}
		if want := whole(back); got.String() != want {
			t.Errorf("%s: JSON report\n%s\nwant\n%s", name, got.String(), want)
		}
		got.Reset()
		if err := (&CodeQuality{Severity: DefaultCodeQualitySeverity()}).Write(&got, r); err != nil {
			t.Fatal(err)
		}
		var issues []cqIssue
		if err := json.Unmarshal(got.Bytes(), &issues); err != nil || len(issues) != len(r.Findings) {
			t.Fatalf("%s: %d issues read back (%v)\n%s", name, len(issues), err, got.String())
		}
		if issues == nil {
			issues = []cqIssue{}
		}
		if want := whole(issues); got.String() != want {
			t.Errorf("%s: Code Quality report\n%s\nwant\n%s", name, got.String(), want)
		}
		got.Reset()
		if err := (SARIF{}).Write(&got, r); err != nil {
			t.Fatal(err)
		}
		var log sarifLog
		if err := json.Unmarshal(got.Bytes(), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != len(r.Findings) {
			t.Fatalf("%s: SARIF read back: %v\n%s", name, err, got.String())
		}
		if log.Runs[0].Results == nil {
			log.Runs[0].Results = []sarifResult{}
		}
		if want := whole(log); got.String() != want {
			t.Errorf("%s: SARIF report\n%s\nwant\n%s", name, got.String(), want)
		}
	}
}
