package main

import (
	"math"
	"os"
	"runtime/debug"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// A lint run sets the Go runtime's soft memory limit (debug.SetMemoryLimit)
// to memLimitBase and memLimitPerByte times the size of the pages it
// lints, unless a limit is set already (GOMEMLIMIT). The collector then
// lets the heap grow to twice what is live (GOGC=100) only while that
// stays under the limit: a run over a handbook is not slowed (its heap
// peaks at about 9 bytes for each byte of its pages, under the limit), and
// a single page that holds far more than its size (a generated page of
// 20,000 graded levels: 1.3 MB, about 80 MB live at its peak) is collected
// more often instead of doubling that. A limit is soft: a run never fails
// for it, the collector only works harder (at most half the CPU, then the
// heap grows past it). bench/RESULTS.md has the measurements.
const (
	memLimitBase    = 64 << 20
	memLimitPerByte = 10
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

// setRunMemoryLimit sets the limit for a run over inputs and returns what
// puts back the one before.
func setRunMemoryLimit(inputs []lint.Input) (restore func()) {
	current := debug.SetMemoryLimit(-1)
	limit, ok := runMemoryLimit(inputs, current)
	if !ok {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(current) }
}
