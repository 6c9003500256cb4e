package accuracy

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// testRun is a made-up run: page "e" is in the checking half, "a" in the
// tuning half (see TestChecking).
func testRun(t *testing.T) *Run {
	t.Helper()
	for p, want := range map[string]bool{"e": true, "a": false} {
		if Checking(p) != want {
			t.Fatalf("Checking(%q) != %v", p, want)
		}
	}
	return &Run{
		Pages: []Page{{Path: "a", Check: false}, {Path: "e", Check: true, Corpus: "gitlab-handbook"}, {Path: "h", Check: Checking("h")}},
		Rules: []string{"misspelling", "repeated-word"},
		Findings: []lint.Finding{
			finding("e", "misspelling", 5, ""),
			finding("e", "misspelling", 9, ""),
			finding("e", "repeated-word", 20, ""),
		},
		roles: map[string]map[int]string{},
		lines: map[string]int{"e": 50},
	}
}

func writeJSONL(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pageELabels: L1's labels of page "e" of testRun, which finds the
// misspellings at line 5 and the repeat at 20 (line 21's label is within
// one line) but not the one at line 30, and no rule covers line 40's.
var pageELabels = []string{
	`{"page":"e","line":5,"rule":"misspelling","note":"teh","scope":"line","labeller":"L1"}`,
	`{"page":"e","line":30,"rule":"misspelling","note":"recieve","scope":"line","labeller":"L1"}`,
	`{"page":"e","line":21,"rule":"repeated-word","note":"the the","scope":"line","labeller":"L1"}`,
	`{"page":"e","line":40,"rule":"none","note":"odd wording","scope":"line","labeller":"L1"}`,
	`{"page":"e","done":true,"labeller":"L1","defects":4}`,
}

func TestMeasure(t *testing.T) {
	run := testRun(t)
	labels, err := ReadLabels(writeJSONL(t, append(pageELabels[:len(pageELabels):len(pageELabels)],
		`{"page":"e","line":7,"rule":"misspelling","note":"second opinion","scope":"line","labeller":"L2"}`,
		`{"page":"e","done":true,"labeller":"L2","defects":1}`,
		`{"page":"a","line":3,"rule":"misspelling","note":"tuning page","labeller":"L1"}`,
		`{"page":"a","done":true,"labeller":"L1","defects":1}`,
	)...))
	if err != nil {
		t.Fatal(err)
	}
	verdicts, err := ReadVerdicts(writeJSONL(t,
		`{"fingerprint":"`+run.Findings[0].Fingerprint+`","rule":"misspelling","page":"e","line":5,"message":"m","verdict":"TRUE","why":"w","judge":"J"}`,
		`{"fingerprint":"`+run.Findings[1].Fingerprint+`","rule":"misspelling","page":"e","line":9,"message":"m","verdict":"DEBATABLE","why":"w","judge":"J"}`,
		`{"fingerprint":"gone","rule":"misspelling","page":"e","line":9,"message":"m","verdict":"TRUE","why":"w","judge":"J"}`,
		`{"fingerprint":"`+run.Findings[2].Fingerprint+`","rule":"repeated-word","page":"e","line":21,"message":"m","verdict":"ARTEFACT","why":"w","judge":"J"}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	rep := Measure(run, labels, verdicts)
	rows := map[string]Row{}
	for _, r := range rep.Rows {
		rows[r.Rule] = r
	}
	ms, rw := rows["misspelling"], rows["repeated-word"]
	if ms.Labels != 2 || ms.Found != 1 || ms.Findings != 2 || ms.FindingsLabelled != 2 || ms.Judged != 2 || ms.True != 1 || ms.Debatable != 1 {
		t.Errorf("misspelling row %+v", ms)
	}
	if p, _ := ms.Precision(); p != 0.5 {
		t.Errorf("misspelling precision %v, want 0.5 (DEBATABLE counts false)", p)
	}
	// a corpus artefact is neither judged nor left to judge
	if rw.Labels != 1 || rw.Found != 1 || rw.Judged != 0 || rw.Artefacts != 1 || rw.Unjudged() != 0 {
		t.Errorf("repeated-word row %+v", rw)
	}
	if rep.Uncovered.Labels != 1 || rep.Total.Labels != 4 || rep.Total.Found != 2 {
		t.Errorf("uncovered %+v total %+v", rep.Uncovered, rep.Total)
	}
	if r, _ := rep.Total.Recall(); r != 0.5 {
		t.Errorf("overall recall %v, want 0.5", r)
	}
	if r, _ := rep.RecallCovered(); r != 2.0/3 {
		t.Errorf("recall without none %v, want 2/3", r)
	}
	if rep.LabelledPages != 1 || rep.CheckingPages != 1+btoi(Checking("h")) {
		t.Errorf("pages %d labelled of %d", rep.LabelledPages, rep.CheckingPages)
	}
	if c := rep.Corpora[0]; c.Rule != "gitlab-handbook" || c.Labels != 4 || c.Found != 2 || c.Findings != 3 || c.Judged != 2 || c.True != 1 {
		t.Errorf("corpus row %+v", c)
	}
	if c := rep.Corpora[1]; c.Labels != 0 || c.Findings != 0 {
		t.Errorf("the other corpus's row %+v", c)
	}
	if len(rep.Stale) != 1 || rep.Stale[0].Fingerprint != "gone" {
		t.Errorf("stale %+v", rep.Stale)
	}
	warnings := strings.Join(rep.Warnings, "\n")
	for _, w := range []string{"labelled by L1 already", "tuning half"} {
		if !strings.Contains(warnings, w) {
			t.Errorf("no warning %q in:\n%s", w, warnings)
		}
	}
	var text, md bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteMarkdown(&md, "2026-12-06", "abc1234"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"overall recall: 0.50 (2 of 4 labels found, 1 of them labelled \"none\")", "without \"none\" labels: 0.67", "stale verdict"} {
		if !strings.Contains(text.String(), want) || !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q:\n%s\n%s", want, text.String(), md.String())
		}
	}
	if !strings.Contains(md.String(), "abc1234") || !strings.Contains(md.String(), "| misspelling | 2 | 1 | 0.50 | 2 | 2 | 2 | 1 | 1 | 0 | 0.50 | 0 |") {
		t.Errorf("markdown:\n%s", md.String())
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestMeasureIncompletePage: labels of a page without a done line are not
// counted, and the report says so; a done line's count is checked.
func TestMeasureIncompletePage(t *testing.T) {
	run := testRun(t)
	labels := []Label{
		{Page: "e", Line: 5, Rule: "misspelling", Scope: ScopeLine, Labeller: "L1", Src: "l:1"},
	}
	rep := Measure(run, labels, nil)
	if rep.Total.Labels != 0 || rep.LabelledPages != 0 || !strings.Contains(strings.Join(rep.Warnings, "\n"), "no done line") {
		t.Errorf("total %+v, warnings %q", rep.Total, rep.Warnings)
	}
	n := 3
	labels = append(labels, Label{Page: "e", Done: true, Labeller: "L1", Defects: &n, Src: "l:2"},
		Label{Page: "e", Line: 51, Rule: "misspelling", Scope: ScopeLine, Labeller: "L1", Src: "l:3"})
	rep = Measure(run, labels, nil)
	ws := strings.Join(rep.Warnings, "\n")
	if rep.Total.Labels != 2 || !strings.Contains(ws, "says 3 defects, 2 labels") || !strings.Contains(ws, "l:3: line 51 is past the end of e (50 lines)") {
		t.Errorf("total %+v, warnings %q", rep.Total, rep.Warnings)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct{ line, want string }{
		{`{"page":"e","line":0,"rule":"misspelling","labeller":"L"}`, `x.jsonl:2: "line" must be 1 or more`},
		{`{"page":"e","line":3,"labeller":"L"}`, `x.jsonl:2: no "rule"`},
		{`{"page":"e","line":3,"rule":"none","scope":"page","labeller":"L"}`, `x.jsonl:2: scope "page"`},
		{`{"page":"/work/shared/corpus/e","line":3,"rule":"none","labeller":"L"}`, `relative to the corpus folder`},
		{`{"page":"e","done":true,"labeller":"L"}`, `a done line needs "defects"`},
		{`{"page":"e",`, `x.jsonl:2: unexpected EOF`},
		{`{"page":"e","line":3,"rule":"none","labeller":"L"} {}`, `x.jsonl:2: more than one JSON value`},
	}
	for _, c := range cases {
		_, err := ReadLabels(writeJSONL(t, `{"page":"e","done":true,"labeller":"L","defects":0}`, c.line))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.line, err, c.want)
		}
	}
	v := `{"fingerprint":"f1","rule":"r","page":"p","line":1,"message":"m","verdict":"TRUE","why":"w","judge":"J"}`
	if _, err := ReadVerdicts(writeJSONL(t, v, v)); err == nil || !strings.Contains(err.Error(), "x.jsonl:2: fingerprint f1 already judged at") {
		t.Errorf("duplicate verdict: %v", err)
	}
	if _, err := ReadVerdicts(writeJSONL(t, strings.Replace(v, "TRUE", "true", 1))); err == nil || !strings.Contains(err.Error(), `verdict "true"`) {
		t.Errorf("bad verdict value: %v", err)
	}
	if ls, err := ReadLabels(filepath.Join(t.TempDir(), "missing.jsonl")); err != nil || len(ls) != 0 {
		t.Errorf("missing file: %v %v", ls, err)
	}
}

func TestMeasureReviewed(t *testing.T) {
	run := testRun(t)
	labels, err := ReadLabels(writeJSONL(t, pageELabels...))
	if err != nil {
		t.Fatal(err)
	}
	review := func(l Label, verdict string) string {
		return `{"id":"` + LabelID(l) + `","page":"e","line":1,"rule":"` + l.Rule + `","verdict":"` + verdict + `","why":"w","judge":"R"}`
	}
	reviews, err := ReadReviews(writeJSONL(t,
		review(labels[0], "TRUE"),      // found, upheld
		review(labels[1], "DEBATABLE"), // missed, rejected
		review(labels[2], "FALSE"),     // found, rejected
		review(labels[3], "FALSE"),     // none, rejected
		`{"id":"000000000000","page":"e","line":3,"rule":"misspelling","verdict":"FALSE","why":"w","judge":"R"}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	rep := MeasureReviewed(run, labels, nil, reviews)
	rows := map[string]Row{}
	for _, r := range rep.Rows {
		rows[r.Rule] = r
	}
	ms, rw := rows["misspelling"], rows["repeated-word"]
	// the labels as given are measured as without reviews
	if ms.Labels != 2 || ms.Found != 1 || rw.Labels != 1 || rw.Found != 1 {
		t.Errorf("rows %+v %+v", ms, rw)
	}
	if ms.Reviewed != 2 || ms.Rejected != 1 || ms.RejectedFound != 0 {
		t.Errorf("misspelling reviews %+v", ms)
	}
	if r, ok := ms.RecallUpheld(); !ok || r != 1 {
		t.Errorf("misspelling recall of upheld labels %v %v, want 1 (the missed label was rejected)", r, ok)
	}
	if _, ok := rw.RecallUpheld(); ok || rw.RejectedFound != 1 {
		t.Errorf("repeated-word %+v: its only label was rejected, so no recall of upheld labels", rw)
	}
	// overall: 4 labels, 3 rejected (one of them found), 2 found
	if r, _ := rep.Total.RecallUpheld(); r != 1 {
		t.Errorf("overall recall of upheld labels %v, want 1 of 1", r)
	}
	if _, ok := rep.RecallCoveredUpheld(); !ok {
		t.Error("recall without none over upheld labels not measured")
	}
	if w := strings.Join(rep.Warnings, "\n"); !strings.Contains(w, "review of label 000000000000") {
		t.Errorf("no warning for a review of no label:\n%s", w)
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "labels reviewed blind by a second reviewer: 4, of which 3 rejected") {
		t.Errorf("report:\n%s", text.String())
	}
	// without reviews the report says nothing of them
	text.Reset()
	if err := Measure(run, labels, nil).WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "second reviewer") {
		t.Errorf("report without reviews mentions them:\n%s", text.String())
	}
	// the floor holds the recall of the upheld labels: losing the finding
	// of the one upheld label fails it, as losing a rejected label's does not
	floor := rep.Floor("2026-12-07", "abc")
	if floor.RecallUpheld == nil || *floor.RecallUpheld != 1 || floor.RuleRecallUpheld["misspelling"] != 1 {
		t.Fatalf("floor %+v", floor)
	}
	if fails := floor.Check(rep); len(fails) > 0 {
		t.Errorf("the report fails its own floor: %v", fails)
	}
	lost := testRun(t)
	lost.Findings = lost.Findings[1:]
	if fails := strings.Join(floor.Check(MeasureReviewed(lost, labels, nil, reviews)), "\n"); !strings.Contains(fails, "recall of the upheld labels 0.000") {
		t.Errorf("floor check after losing the upheld label's finding: %q", fails)
	}
	lostRejected := testRun(t)
	lostRejected.Findings = lostRejected.Findings[:2]
	for _, f := range floor.Check(MeasureReviewed(lostRejected, labels, nil, reviews)) {
		if strings.Contains(f, "upheld") {
			t.Errorf("losing a rejected label's finding fails the upheld floor: %s", f)
		}
	}
	if LabelID(labels[0]) == LabelID(labels[1]) || len(LabelID(labels[0])) != 12 {
		t.Errorf("label ids %q %q", LabelID(labels[0]), LabelID(labels[1]))
	}
}

func TestReadReviewsErrors(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{`{"id":"a","verdict":"ARTEFACT"}`, "want TRUE, FALSE or DEBATABLE"},
		{`{"verdict":"TRUE"}`, `no "id"`},
	} {
		if _, err := ReadReviews(writeJSONL(t, c.line)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.line, err, c.want)
		}
	}
	if _, err := ReadReviews(writeJSONL(t, `{"id":"a","verdict":"TRUE"}`, `{"id":"a","verdict":"FALSE"}`)); err == nil || !strings.Contains(err.Error(), "already reviewed") {
		t.Errorf("a label reviewed twice: %v", err)
	}
}

// TestMeasureFocusedPass: a done line with "rules" is a focused pass over a
// page another labeller labelled in full: its labels of those rules add to
// the owner's (a place both labelled counts once), a label of another rule
// is not counted, and a focused pass alone does not make a page labelled.
func TestMeasureFocusedPass(t *testing.T) {
	run := testRun(t)
	labels, err := ReadLabels(writeJSONL(t, append(pageELabels[:len(pageELabels):len(pageELabels)],
		`{"page":"e","line":9,"rule":"misspelling","note":"found by the focused pass","labeller":"F1"}`,
		`{"page":"e","line":30,"rule":"misspelling","note":"the owner's too","labeller":"F1"}`,
		`{"page":"e","line":44,"rule":"repeated-word","note":"not a rule of the pass","labeller":"F1"}`,
		`{"page":"e","done":true,"labeller":"F1","defects":3,"rules":["misspelling"]}`,
	)...))
	if err != nil {
		t.Fatal(err)
	}
	rep := Measure(run, labels, nil)
	rows := map[string]Row{}
	for _, r := range rep.Rows {
		rows[r.Rule] = r
	}
	if ms := rows["misspelling"]; ms.Labels != 3 || ms.Found != 2 {
		t.Errorf("misspelling row %+v, want 3 labels (2 of L1, 1 more of F1), 2 found", ms)
	}
	if rw := rows["repeated-word"]; rw.Labels != 1 {
		t.Errorf("repeated-word row %+v: the focused pass's label of another rule counted", rw)
	}
	if rep.LabelledPages != 1 {
		t.Errorf("%d pages labelled, want 1", rep.LabelledPages)
	}
	ws := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(ws, "not of that rule") || strings.Contains(ws, "says 3 defects") {
		t.Errorf("warnings:\n%s", ws)
	}

	// a focused pass alone labels no page
	alone, err := ReadLabels(writeJSONL(t,
		`{"page":"e","line":9,"rule":"misspelling","note":"x","labeller":"F1"}`,
		`{"page":"e","done":true,"labeller":"F1","defects":1,"rules":["misspelling"]}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	rep = Measure(run, alone, nil)
	if rep.LabelledPages != 0 || rep.Total.Labels != 0 || !strings.Contains(strings.Join(rep.Warnings, "\n"), "nobody labelled in full") {
		t.Errorf("focused pass alone: %d pages, %d labels, warnings %q", rep.LabelledPages, rep.Total.Labels, rep.Warnings)
	}
	if _, err := ReadLabels(writeJSONL(t, `{"page":"e","line":3,"rule":"none","labeller":"L","rules":["none"]}`)); err == nil || !strings.Contains(err.Error(), "belongs on a done line") {
		t.Errorf("rules on a label: %v", err)
	}
}
