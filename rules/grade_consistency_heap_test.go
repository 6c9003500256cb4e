package rules

import (
	"fmt"
	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"runtime"
	"testing"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/lint"
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
	if summary > 200 {
		t.Errorf("grade-consistency's summary keeps %d bytes a role, want at most 200", summary)
	}
	if summary >= roles {
		t.Errorf("the summary keeps %d bytes a role, no less than the graded roles it is made of (%d)", summary, roles)
	}
}
