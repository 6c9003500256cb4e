package accuracy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

func manyFindings(rule string, n int) []lint.Finding {
	var out []lint.Finding
	for i := 0; i < n; i++ {
		out = append(out, lint.Finding{Path: "e", Rule: rule, Line: i + 1, Column: 2, Message: "msg", Role: "R",
			Fingerprint: fmt.Sprintf("%s-%03d", rule, i)})
	}
	return out
}

func TestSample(t *testing.T) {
	fs := append(manyFindings("misspelling", 50), manyFindings("repeated-word", 3)...)
	verdicts := []Verdict{{Fingerprint: "misspelling-007", Verdict: True}, {Fingerprint: "repeated-word-001", Verdict: False}}
	got := Sample(fs, verdicts, 10, 1, false)
	count := map[string]int{}
	seen := map[string]bool{}
	for _, td := range got {
		count[td.Rule]++
		if seen[td.Fingerprint] {
			t.Errorf("%s sampled twice", td.Fingerprint)
		}
		seen[td.Fingerprint] = true
	}
	if count["misspelling"] != 10 || count["repeated-word"] != 2 {
		t.Errorf("sampled per rule %v, want 10 misspelling and the 2 unjudged repeated-word", count)
	}
	if seen["misspelling-007"] || seen["repeated-word-001"] {
		t.Error("a judged finding was sampled")
	}
	// random, not the first ten
	first := 0
	for _, td := range got {
		if td.Rule == "misspelling" && td.Line <= 10 {
			first++
		}
	}
	if first == 10 {
		t.Error("the sample is the first ten findings")
	}
	// reproducible, and the same under another order of findings
	rev := append([]lint.Finding(nil), fs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	again := Sample(rev, verdicts, 10, 1, false)
	if fmt.Sprint(again) != fmt.Sprint(got) {
		t.Error("the sample depends on the order of findings")
	}
	if other := Sample(fs, verdicts, 10, 2, false); fmt.Sprint(other) == fmt.Sprint(got) {
		t.Error("the seed does not change the sample")
	}
	// stable: judging the sample, the next sample takes the next ones
	var more []Verdict
	for _, td := range got {
		more = append(more, Verdict{Fingerprint: td.Fingerprint, Verdict: True})
	}
	next := Sample(fs, append(more, verdicts...), 10, 1, false)
	for _, td := range next {
		if seen[td.Fingerprint] {
			t.Errorf("%s sampled again after its verdict", td.Fingerprint)
		}
	}
	// top-up: misspelling has 1 verdict, so 9 more reach 10
	top := Sample(fs, verdicts, 10, 1, true)
	count = map[string]int{}
	for _, td := range top {
		count[td.Rule]++
	}
	if count["misspelling"] != 9 || count["repeated-word"] != 2 {
		t.Errorf("top-up per rule %v", count)
	}

	var buf bytes.Buffer
	if err := WriteTodos(&buf, got[:1]); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"fingerprint", "rule", "page", "line", "column", "message", "role"} {
		if _, ok := m[k]; !ok {
			t.Errorf("todo line lacks %q: %s", k, strings.TrimSpace(buf.String()))
		}
	}
}

func TestFloorCheck(t *testing.T) {
	run := testRun(t)
	n := 1
	labels := []Label{
		{Page: "e", Line: 5, Rule: "misspelling", Scope: ScopeLine, Labeller: "L"},
		{Page: "e", Done: true, Labeller: "L", Defects: &n},
	}
	verdicts := []Verdict{{Fingerprint: run.Findings[0].Fingerprint, Rule: "misspelling", Verdict: True},
		{Fingerprint: run.Findings[1].Fingerprint, Rule: "misspelling", Verdict: True}}
	rep := Measure(run, labels, verdicts)
	floor := rep.Floor("d", "c")
	if fails := floor.Check(rep); len(fails) != 0 {
		t.Fatalf("a report fails its own floor: %v", fails)
	}
	path := t.TempDir() + "/floor.json"
	if err := WriteFloor(path, floor); err != nil {
		t.Fatal(err)
	}
	back, ok, err := ReadFloor(path)
	if err != nil || !ok || !reflect.DeepEqual(back, floor) {
		t.Fatalf("floor read back %+v %v %v, wrote %+v", back, ok, err, floor)
	}

	// the rule now misses its label and one finding turned false
	worse := testRun(t)
	worse.Findings[0].Line = 8
	rep = Measure(worse, labels, []Verdict{verdicts[0], {Fingerprint: verdicts[1].Fingerprint, Rule: "misspelling", Verdict: Debatable}})
	fails := strings.Join(floor.Check(rep), "\n")
	for _, want := range []string{"overall recall 0.000 (0 of 1 labels) is below the floor 1.000", "misspelling: precision 0.500 (1 TRUE of 2 judged) is below the floor 1.000"} {
		if !strings.Contains(fails, want) {
			t.Errorf("no failure %q in:\n%s", want, fails)
		}
	}
	// all its verdicts stale
	gone := testRun(t)
	for i := range gone.Findings {
		gone.Findings[i].Fingerprint += "x"
	}
	if fails := strings.Join(floor.Check(Measure(gone, labels, verdicts)), "\n"); !strings.Contains(fails, "misspelling: no judged finding left") {
		t.Errorf("stale verdicts pass the floor:\n%s", fails)
	}
	if _, ok, err := ReadFloor(t.TempDir() + "/none.json"); ok || err != nil {
		t.Errorf("missing floor: %v %v", ok, err)
	}
}
