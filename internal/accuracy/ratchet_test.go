package accuracy

import (
	"strings"
	"sync"
	"testing"
)

// The files of the yardstick, from this package's folder.
const (
	labelsFile   = "../../testdata/accuracy/labels.jsonl"
	verdictsFile = "../../testdata/accuracy/verdicts.jsonl"
	reviewsFile  = "../../testdata/accuracy/label-reviews.jsonl"
	floorFile    = "../../bench/accuracy-floor.json"
)

var (
	corpusOnce sync.Once
	corpusRun  *Run
	corpusErr  error
)

// lintCorpus lints the corpus once for the tests of this file.
func lintCorpus(t *testing.T) *Run {
	t.Helper()
	needCorpus(t)
	corpusOnce.Do(func() { corpusRun, corpusErr = Lint(corpusRoot) })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusRun
}

// TestLintCorpus: the run covers both corpora with the default rules and
// keeps only checking-half findings, with paths relative to the corpus
// root and fingerprints that tell findings apart.
func TestLintCorpus(t *testing.T) {
	run := lintCorpus(t)
	pages := map[string]Page{}
	corpora := map[string]int{}
	for _, p := range run.Pages {
		pages[p.Path] = p
		corpora[p.Corpus]++
	}
	for _, c := range Corpora {
		if corpora[c.Name] < 50 {
			t.Errorf("%s: only %d pages", c.Name, corpora[c.Name])
		}
	}
	if len(run.Rules) < 10 {
		t.Errorf("only %d rules ran: %v", len(run.Rules), run.Rules)
	}
	fps := map[string]bool{}
	for _, f := range run.Findings {
		p, ok := pages[f.Path]
		if !ok || !p.Check {
			t.Errorf("finding on %s, not a checking-half page", f.Path)
		}
		if f.Fingerprint == "" || fps[f.Fingerprint] {
			t.Errorf("%s:%d: empty or repeated fingerprint %q", f.Path, f.Line, f.Fingerprint)
		}
		fps[f.Fingerprint] = true
	}
	if len(run.Findings) == 0 {
		t.Error("no findings on the checking half")
	}
	// role labels match through the role headings: most findings in a
	// role find that role's heading on their page
	inRole, headed := 0, 0
	for _, f := range run.Findings {
		if f.Role == "" {
			continue
		}
		inRole++
		for _, title := range run.roles[f.Path] {
			if title == f.Role {
				headed++
				break
			}
		}
	}
	t.Logf("%d of %d findings in a role find its heading", headed, inRole)
	if inRole == 0 || headed*2 < inRole {
		t.Errorf("%d of %d findings in a role find its heading", headed, inRole)
	}
}

// TestAccuracyFloor is the ratchet: overall recall and each rule's
// precision on the checking half must not drop below the figures recorded
// in bench/accuracy-floor.json (go run ./bench/accuracy -write-floor).
func TestAccuracyFloor(t *testing.T) {
	needCorpus(t)
	labels, err := ReadLabels(labelsFile)
	if err != nil {
		t.Fatal(err)
	}
	verdicts, err := ReadVerdicts(verdictsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) == 0 && len(verdicts) == 0 {
		t.Skipf("%s and %s are empty: nothing to hold accuracy to yet", labelsFile, verdictsFile)
	}
	floor, ok, err := ReadFloor(floorFile)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Fatalf("no %s: record the figures with go run ./bench/accuracy -write-floor", floorFile)
	}
	reviews, err := ReadReviews(reviewsFile)
	if err != nil {
		t.Fatal(err)
	}
	rep := MeasureReviewed(lintCorpus(t), labels, verdicts, reviews)
	for _, f := range floor.Check(rep) {
		t.Error(f)
	}
	// figures measured but not recorded would let them drop unnoticed
	var unrecorded []string
	if _, ok := rep.Total.Recall(); ok && floor.Recall == nil {
		unrecorded = append(unrecorded, "overall recall")
	}
	if _, ok := rep.Total.RecallUpheld(); ok && rep.Total.Reviewed > 0 && floor.RecallUpheld == nil {
		unrecorded = append(unrecorded, "recall of the upheld labels")
	}
	for _, row := range rep.Rows {
		if _, ok := row.Precision(); ok {
			if _, rec := floor.Precision[row.Rule]; !rec {
				unrecorded = append(unrecorded, row.Rule+" precision")
			}
		}
	}
	if len(unrecorded) > 0 {
		t.Errorf("measured but not in %s: %s; record them with go run ./bench/accuracy -write-floor (and update bench/ACCURACY.md)",
			floorFile, strings.Join(unrecorded, ", "))
	}
}
