package rules

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
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
	var b strings.Builder
	b.WriteString("---\ntitle: Engineer\n---\n\n")
	for i := 0; i < 8000; i++ {
		fmt.Fprintf(&b, "## Senior Engineer %d\n\nThe Senior Engineer %d is a grade %d.\n\n", i, i, 5+i%6)
	}
	page := map[string]string{"content/job-families/x/_index.md": b.String()}
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

// TestBulletInheritAtBlockReusesWords: required-bullet reads a block's
// inheritance keyword ("Extends ...", "In addition to ...") with the words
// memoized on the block: asked again (it asks for every role, every
// bullet of the options and every level above), it allocates nothing,
// where reading the text alone splits it into words each time. On a page
// of 20,000 levels that was most of the rule's allocation.
func TestBulletInheritAtBlockReusesWords(t *testing.T) {
	for _, c := range []struct {
		text string
		at   int
	}{
		{"The Senior Engineer 1 is a grade 7.", -1},
		{"The Senior Engineer extends the Engineer role.", len("The Senior Engineer extends")},
	} {
		b := &model.Block{Text: c.text}
		if got := bulletInheritAtBlock(b); got != c.at || bulletInheritAt(c.text) != c.at {
			t.Fatalf("%q: keyword ends at %d (text alone: %d), want %d", c.text, got, bulletInheritAt(c.text), c.at)
		}
		if n := testing.AllocsPerRun(20, func() { bulletInheritAtBlock(b) }); n != 0 && c.at < 0 {
			t.Errorf("%q: %v allocations a call with the block's words memoized, want none", c.text, n)
		}
		// near miss: the text alone is split again on every call
		if n := testing.AllocsPerRun(20, func() { bulletInheritAt(c.text) }); n == 0 {
			t.Errorf("%q: reading the text alone allocated nothing: the test no longer tells the two apart", c.text)
		}
	}
}
