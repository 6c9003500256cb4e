package rules

import (
	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"runtime/debug"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// required-bullet on a page of 8,000 levels holds little over what the
// model and the engine hold: its summary keeps each role's anchors once and
// only the bullets a role holds (no map per role), and its index of the
// page no copy of the roles' paragraphs (measured with the collector made
// eager, so that the heap follows what is live: 10-11 MB over the model
// and engine, 12-14 MB before).
func TestRequiredBulletManyRolesPeakHeap(t *testing.T) {
	// the bound leaves room for the collector's timing (the same code
	// measures 10 to 14 MB from run to run); it catches a page whose roles
	// each hold a map again, or findings kept unbounded (tens of MB)
	manyLevelsPeakHeap(t, "required-bullet", 20)
}

// manyLevelsPeakHeap lints a page of 8,000 graded levels, none with its
// sections or bullets, with one rule and with none (the collector made
// eager, so that the heap follows what is live), and fails when the rule
// raises the peak heap by more than limitMB.
func manyLevelsPeakHeap(t *testing.T, rule string, limitMB uint64) {
	t.Helper()
	if testing.Short() {
		t.Skip("a 0.5 MB page")
	}
	graded := hostile.GradedPage(8000)
	page := map[string]string{"content/job-families/x/_index.md": graded}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	var res *lint.Result
	base := linttest.PeakHeap(func() { res = linttest.Lint(t, nil, page, "input") })
	all := linttest.PeakHeap(func() { res = linttest.Lint(t, nil, page, rule) })
	if len(res.Findings) == 0 {
		t.Fatalf("%s: no findings: every level lacks what the rule asks", rule)
	}
	t.Logf("peak heap: model and engine %d kB, with %s %d kB", base>>10, rule, all>>10)
	if all > base+limitMB<<20 {
		t.Errorf("%s raised the peak heap from %d MB to %d MB on a page of 8,000 levels", rule, base>>20, all>>20)
	}
}
