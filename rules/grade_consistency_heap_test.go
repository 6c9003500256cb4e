package rules

import (
	"fmt"
	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"runtime"
	"testing"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// retained returns the heap that what build returns holds, after a
// collection, per item.
func retained[T any](items int, build func() []T) (perItem uint64, kept []T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept = build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	if len(kept) != items {
		panic(fmt.Sprintf("built %d items, want %d", len(kept), items))
	}
	if after.HeapAlloc < before.HeapAlloc {
		return 0, kept
	}
	return (after.HeapAlloc - before.HeapAlloc) / uint64(items), kept
}

// TestGradePageSizePerRole: grade-consistency keeps each page's summary
// until every page is read (the merge stage compares the handbook's
// titles), so on a page of 20,000 graded levels (bench/hostile.sh pages'
// graded-headings) the summary was a large part of the peak: a titleGrade
// held a whole gradedRole, its ladder place with the keyword that placed
// it and a loose place, about 270 bytes a role. The summary now holds only
// what the merge stage reads. Heap retained, not time, is measured, and
// compared with what the placed roles themselves (gradedRole) hold.
func TestGradePageSizePerRole(t *testing.T) {
	const levels = 5000
	graded := hostile.GradedPage(levels)
	cfg := lint.DefaultConfig()
	l := gradeLadder(lint.NewEnv(cfg), cfg)
	f := model.Parse("content/job-families/x/engineer.md", []byte(graded))
	roles, keptRoles := retained(levels, func() []gradedRole { return gradedRoles(l, f) })
	summary, keptSummary := retained(levels, func() []titleGrade { return pageGrades(l, f) })
	runtime.KeepAlive(keptRoles)
	runtime.KeepAlive(keptSummary)
	t.Logf("per role: the summary %d bytes (a titleGrade %d), a gradedRole %d (%d)",
		summary, unsafe.Sizeof(titleGrade{}), roles, unsafe.Sizeof(gradedRole{}))
	if n := unsafe.Sizeof(titleGrade{}); n > 136 {
		t.Errorf("a titleGrade is %d bytes, want at most 136 (its stem a length in its key, its fields without padding)", n)
	}
	if summary > 200 {
		t.Errorf("grade-consistency's summary keeps %d bytes a role, want at most 200", summary)
	}
	if summary >= roles {
		t.Errorf("the summary keeps %d bytes a role, no less than the graded roles it is made of (%d)", summary, roles)
	}
}

// grade-consistency's merge stage reads the pages' summaries in place: on
// a page of 8,000 levels it made a copy of every title (144 bytes each) for
// the handbook's list, another by page, another for the pages without a
// grade table and a fourth by title: about 15 MB allocated over what the
// rule's per-file stage and the engine allocate, 3.7 MB without (the rest
// is the distribution's and the tables' work). A second page,
// the same titles graded alike, is no finding.
func TestGradeConsistencyMergeAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("a 0.5 MB page")
	}
	graded := hostile.GradedPage(8000)
	page := map[string]string{"content/job-families/x/_index.md": graded}
	allocated := func(rule string) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		linttest.Lint(t, nil, page, rule)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	cfg := lint.DefaultConfig()
	l := gradeLadder(lint.NewEnv(cfg), cfg)
	f := model.Parse("content/job-families/x/_index.md", []byte(graded))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pageGrades(l, f)
	runtime.ReadMemStats(&after)
	collect := after.TotalAlloc - before.TotalAlloc
	allocated("grade-consistency") // the ladder and tables, made once a process
	base, rule := allocated("input"), allocated("grade-consistency")
	merge := int64(rule) - int64(base) - int64(collect)
	t.Logf("allocated: engine and model %d kB, with grade-consistency %d kB, its per-file stage %d kB: merge stage about %d kB", base>>10, rule>>10, collect>>10, merge>>10)
	if merge > 8<<20 {
		t.Errorf("grade-consistency's merge stage allocated about %d MB on a page of 8,000 levels, want under 8", merge>>20)
	}
	two := map[string]string{"content/job-families/x/_index.md": graded, "content/job-families/y/_index.md": graded}
	for _, f := range linttest.Lint(t, nil, two, "grade-consistency").Findings {
		t.Errorf("two pages grading the same titles alike: %s", f.Message)
	}
}

// gradedRoles makes its slice at the page's roles from the first graded
// one: grown by appends, a page of 20,000 graded levels held it twice (184
// bytes a role) while it was copied, at the grade rules' peak.
func TestGradedRolesOneSlice(t *testing.T) {
	const levels = 3000
	cfg := lint.DefaultConfig()
	l := gradeLadder(lint.NewEnv(cfg), cfg)
	f := model.Parse("content/job-families/x/engineer.md", []byte(hostile.GradedPage(levels)))
	gs := gradedRoles(l, f)
	if len(gs) != levels || cap(gs) != len(gs) {
		t.Errorf("%d graded roles in a slice of %d, want %d in one of as many", len(gs), cap(gs), levels)
	}
	if gs := gradedRoles(l, model.Parse("content/job-families/x/plain.md", []byte("# Engineer\n\n## Senior Engineer\n\nNo grade.\n"))); gs != nil {
		t.Errorf("a page without grades: %v, want none", gs)
	}
}
