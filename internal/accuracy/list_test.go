package accuracy

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// pageIn returns a made-up page path in the half asked for.
func pageIn(t *testing.T, checking bool) string {
	for i := 0; i < 100; i++ {
		p := fmt.Sprintf("x/p%d.md", i)
		if Checking(p) == checking {
			return p
		}
	}
	t.Fatal("no path in the half")
	return ""
}

// -list is the tuner's view: it prints the tuning half's labels and
// findings, each with its state, and never a checking-half finding.
func TestListTuningOnly(t *testing.T) {
	tune, check := pageIn(t, false), pageIn(t, true)
	two := 2
	run := &Run{Pages: []Page{{Path: tune, Check: false}, {Path: check, Check: true}}, Findings: []lint.Finding{
		finding(tune, "grade-order", 5, ""),
		finding(tune, "grade-order", 30, ""),
		finding(check, "grade-order", 5, ""),
	}}
	labels := []Label{
		{Page: tune, Line: 5, Rule: "grade-order", Note: "found one", Labeller: "L"},
		{Page: tune, Line: 50, Rule: "grade-order", Note: "missed one", Labeller: "L"},
		{Page: tune, Done: true, Labeller: "L", Defects: &two},
	}
	verdicts := []Verdict{{Fingerprint: run.Findings[0].Fingerprint, Rule: "grade-order", Verdict: True}}
	reviews := []Review{{ID: LabelID(labels[1]), Verdict: Debatable, Why: "taste"}, {ID: LabelID(labels[0]), Verdict: True, Why: "typo"}}

	var b strings.Builder
	if err := List(&b, run, labels, verdicts, reviews, "grade-order"); err == nil {
		t.Fatal("List ran on the checking half")
	}
	defer func(v bool) { Tuning = v }(Tuning)
	Tuning = true
	b.Reset()
	if err := List(&b, run, labels, verdicts, reviews, "grade-order"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"found  " + tune + ":5 [] found one",
		"MISSED " + tune + ":50 [] missed one (rejected on review, DEBATABLE: taste)",
		"TRUE      label           " + tune + ":5:1",
		"unjudged  no label        " + tune + ":30:1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "typo") {
		t.Errorf("an upheld label's review is printed:\n%s", out)
	}
	if strings.Contains(out, check) {
		t.Errorf("output names a checking-half page:\n%s", out)
	}
}
