package rules

import (
	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"runtime"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// TestRequiredSectionsManyLevelsLinear: what required-sections allocates
// on a page of levels without responsibilities grows with the number of
// levels, not with its square. Each such level asks whether a heading
// nested in its own gives only its name (nameOnlyHeading), which compared
// its title with every role's, each lowered and copied again: on main at
// eb3294b a page of 20,000 graded levels took over three minutes of CPU
// and 400 million short-lived titles. Allocation, not time, is measured.
func TestRequiredSectionsManyLevelsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("pages of thousands of levels")
	}
	alloc := func(levels int, rule string) uint64 {
		graded := hostile.GradedPage(levels)
		page := map[string]string{"content/job-families/x/_index.md": graded}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		res := linttest.Lint(t, nil, page, rule)
		runtime.ReadMemStats(&after)
		if rule != "input" && len(res.Findings) == 0 {
			t.Fatalf("%d levels: no findings: every level lacks its sections", levels)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	own := func(levels int) uint64 {
		base, all := alloc(levels, "input"), alloc(levels, "required-sections")
		if all < base {
			return 0
		}
		return all - base
	}
	small, large := own(1000), own(3000)
	t.Logf("required-sections allocates %d kB on 1,000 levels, %d kB on 3,000", small>>10, large>>10)
	// linear: about 3x; quadratic: about 9x
	if large > 5*small {
		t.Errorf("required-sections allocates %d kB on 3,000 levels, %.1fx what it does on 1,000 (%d kB): it grows faster than the page",
			large>>10, float64(large)/float64(small), small>>10)
	}
}
