package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// A lint run sets the Go runtime's soft memory limit (debug.SetMemoryLimit)
// to memLimitBase and memLimitPerByte times the size of the pages it
// lints, unless a limit is set already (GOMEMLIMIT). The collector then
// lets the heap grow to twice what is live (GOGC=100) only while that
// stays under the limit: a run over a handbook holds about 4 bytes live
// for each byte of its pages at its peak (the pages' text, kept for the
// cross-file findings' positions, their summaries and findings), so the
// limit leaves it room to nearly double that, while the runtime returns
// what it frees rather than keeping it mapped (7 bytes a byte: the
// 10-copy workload peaked at 201-210 MB at 10, 165 MB at 7), and
// a single page that holds far more than its size (a generated page of
// 20,000 headings: 0.9 MB, about 37 MB live at its peak) is collected
// more often instead of doubling that.
//
// A limit under what is live would only make the collector run without a
// break (up to half the CPU) for nothing: after each collection, when the
// limit holds the next heap goal under memLimitRoom times what is live,
// it rises by what that takes (raisedLimit). A page that holds more than
// the limit (20,000 graded levels: 1.3 MB, about 60 MB live) is then
// collected each time its heap grows by a twentieth. A limit is soft: a
// run never fails for it. bench/RESULTS.md has the measurements.
const (
	memLimitBase    = 36 << 20
	memLimitPerByte = 7
	memLimitRoom    = 1.05
)

// runMemoryLimit returns the limit for a run over inputs, and false when
// the runtime has one already.
func runMemoryLimit(inputs []lint.Input, current int64) (int64, bool) {
	if current != math.MaxInt64 {
		return 0, false
	}
	var size int64
	for _, in := range inputs {
		if in.Data != nil {
			size += int64(len(in.Data))
		} else if st, err := os.Stat(in.Path); err == nil && st.Mode().IsRegular() {
			size += st.Size()
		}
	}
	if size > (math.MaxInt64-memLimitBase)/memLimitPerByte {
		return 0, false
	}
	return memLimitBase + memLimitPerByte*size, true
}

// raisedLimit returns the limit after a collection that found live bytes
// live and set the next one's heap goal to goal: when the limit holds the
// goal under memLimitRoom times what is live, it rises by what that
// takes; else it stays.
func raisedLimit(limit, live, goal int64) int64 {
	want := int64(memLimitRoom * float64(live))
	if goal >= want {
		return limit
	}
	return limit + want - goal
}

// setRunMemoryLimit sets the limit for a run over inputs, raises it after
// collections that find it nearly full, and returns what puts back the one
// before.
func setRunMemoryLimit(inputs []lint.Input) (restore func()) {
	current := debug.SetMemoryLimit(-1)
	limit, ok := runMemoryLimit(inputs, current)
	if !ok {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	var mu sync.Mutex
	done := false
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	afterEachGC(func() bool {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return false
		}
		metrics.Read(sample)
		if live, goal := sample[0].Value.Uint64(), sample[1].Value.Uint64(); live < math.MaxInt64 && goal < math.MaxInt64 {
			if l := raisedLimit(limit, int64(live), int64(goal)); l != limit {
				limit = l
				debug.SetMemoryLimit(limit)
			}
		}
		return true
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetMemoryLimit(current)
	}
}

// gcSentinel is garbage made to learn when a collection ends: its
// finalizer runs after the collection that finds it unreachable. (Large
// enough and with a pointer, so that it is not a tiny allocation, whose
// finalizer may never run.)
type gcSentinel struct {
	p *int
	_ [2]int64
}

// afterEachGC runs fn, on the finalizer goroutine, after each collection
// until fn returns false.
func afterEachGC(fn func() bool) {
	var again func(*gcSentinel)
	again = func(s *gcSentinel) {
		if fn() {
			runtime.SetFinalizer(s, again)
		}
	}
	runtime.SetFinalizer(&gcSentinel{}, again)
}
