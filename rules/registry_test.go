package rules

import (
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

var update = flag.Bool("update", false, "rewrite generated files (docs/rules.md, golden files)")

var idRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestRegistry checks that every rule is well formed: a kebab-case ID, a
// title, a category, docs with a bad and a good example, and that the bad
// example is reported and the good one is not (for per-file rules whose
// examples are whole pages).
func TestRegistry(t *testing.T) {
	rules := lint.Rules()
	if len(rules) == 0 {
		t.Fatal("no rules registered")
	}
	for _, r := range rules {
		if !idRE.MatchString(r.ID) {
			t.Errorf("%s: ID is not kebab-case", r.ID)
		}
		if r.Title == "" || strings.HasSuffix(r.Title, ".") {
			t.Errorf("%s: title must be set, without a final period", r.ID)
		}
		if r.Category == "" {
			t.Errorf("%s: no category", r.ID)
		}
		if strings.TrimSpace(r.Doc.Description) == "" || strings.TrimSpace(r.Doc.Bad) == "" || strings.TrimSpace(r.Doc.Good) == "" {
			t.Errorf("%s: docs need a description, a bad and a good example", r.ID)
		}
		if r.Options != nil {
			if r.Options() == nil {
				t.Errorf("%s: Options returned nil", r.ID)
			}
		}
		if r.Doc.Excerpt || r.CrossFile() {
			continue
		}
		bad := linttest.Lint(t, nil, map[string]string{"bad.md": r.Doc.Bad}, r.ID)
		if len(bad.Findings) == 0 {
			t.Errorf("%s: the documented bad example is not reported", r.ID)
		}
		good := linttest.Lint(t, nil, map[string]string{"good.md": r.Doc.Good}, r.ID)
		for _, f := range good.Findings {
			t.Errorf("%s: the documented good example is reported: %d:%d %s", r.ID, f.Line, f.Column, f.Message)
		}
	}
}

// TestRulesDoc guards docs/rules.md, generated from the registry: run
// `go test ./rules -run TestRulesDoc -update` after changing a rule.
// measuredAccuracy reads each rule's blind figures from the accuracy floor
// (bench/accuracy-floor.json, written by go run ./bench/accuracy -write-floor).
func measuredAccuracy(t *testing.T) (map[string]Measured, string) {
	t.Helper()
	raw, err := os.ReadFile("../bench/accuracy-floor.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Date       string             `json:"date"`
		Precision  map[string]float64 `json:"precision"`
		Judged     map[string]int     `json:"judged"`
		RuleRecall map[string]float64 `json:"rule_recall"`
		RuleLabels map[string]int     `json:"rule_labels"`
		RuleUpheld map[string]float64 `json:"rule_recall_upheld"`
		LabelsUp   map[string]int     `json:"rule_labels_upheld"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	m := map[string]Measured{}
	for id, p := range f.Precision {
		p := p
		e := m[id]
		e.Precision, e.Judged = &p, f.Judged[id]
		m[id] = e
	}
	for id, r := range f.RuleRecall {
		r := r
		e := m[id]
		e.Recall, e.Labels = &r, f.RuleLabels[id]
		m[id] = e
	}
	for id, r := range f.RuleUpheld {
		r := r
		e := m[id]
		e.RecallUpheld, e.LabelsUpheld = &r, f.LabelsUp[id]
		m[id] = e
	}
	return m, strings.Fields(f.Date + " ")[0]
}

func TestRulesDoc(t *testing.T) {
	const path = "../docs/rules.md"
	want := RulesDoc(measuredAccuracy(t))
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Fatalf("%s is stale: run `go test ./rules -run TestRulesDoc -update`", path)
	}
}
