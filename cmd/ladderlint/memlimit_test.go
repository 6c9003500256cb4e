package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// seenLimit is the soft memory limit test-memlimit saw while it ran.
var seenLimit atomic.Int64

func init() {
	lint.Register(&lint.Rule{
		ID: "test-memlimit", Title: "test rule: records the memory limit", Category: lint.Structure, Severity: lint.Info, Optional: true,
		Doc:   lint.Doc{Description: "Reports nothing; records the runtime's soft memory limit while it runs.", Bad: "x\n", Good: "y\n", Excerpt: true},
		Check: func(*lint.Pass) { seenLimit.Store(debug.SetMemoryLimit(-1)) },
	})
}

func TestRunMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.md")
	if err := os.WriteFile(page, []byte(strings.Repeat("x", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	in := []lint.Input{{Path: page}, {Path: "held.md", Data: make([]byte, 500)}, {Path: filepath.Join(dir, "gone.md")}}
	limit, ok := runMemoryLimit(in, math.MaxInt64)
	if want := int64(memLimitBase + memLimitPerByte*1500); !ok || limit != want {
		t.Errorf("limit %d (%v), want %d: the base and the pages' 1,500 bytes", limit, ok, want)
	}
	// near miss: a limit already set (GOMEMLIMIT) is left alone
	if _, ok := runMemoryLimit(in, 1<<30); ok {
		t.Error("a limit was set over one already set")
	}
}

// TestLintSetsMemoryLimit: a lint run holds the limit while its rules run
// and puts back the one before; one set before the run (GOMEMLIMIT) stays.
func TestLintSetsMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.md")
	text := "---\ntitle: Engineer\n---\n\n## Engineer\n\nThe Engineer is a grade 6.\n"
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	debug.SetMemoryLimit(math.MaxInt64)
	seenLimit.Store(0)
	if code, _, errOut := run(t, nil, "lint", "--enable", "test-memlimit", "--fail-on", "never", page); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// (it may have risen, if this test process held near the limit at a
	// collection during the run: raisedLimit)
	if got, want := seenLimit.Load(), int64(memLimitBase+memLimitPerByte*len(text)); got < want || got > 4*want {
		t.Errorf("limit during the run %d, want %d", got, want)
	}
	if after := debug.SetMemoryLimit(-1); after != math.MaxInt64 {
		t.Errorf("limit after the run %d, want none (as before it)", after)
	}
	debug.SetMemoryLimit(1 << 30)
	run(t, nil, "lint", "--enable", "test-memlimit", "--fail-on", "never", page)
	if got := seenLimit.Load(); got != 1<<30 {
		t.Errorf("a limit set before the run became %d during it", got)
	}
}

// TestRaisedLimit: the limit rises only when it holds the heap goal under
// memLimitRoom times what is live, and then by what that takes.
func TestRaisedLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct{ limit, live, goal, want int64 }{
		{100 * mb, 30 * mb, 60 * mb, 100 * mb},                                 // room enough: GOGC's doubling
		{50 * mb, 40 * mb, 42 * mb, 50 * mb},                                   // the limit holds the heap near what is live, not under it
		{50 * mb, 60 * mb, 40 * mb, 50*mb + int64(memLimitRoom*60*mb) - 40*mb}, // more live than the limit holds
		{50 * mb, 40 * mb, 40 * mb, 50*mb + int64(memLimitRoom*40*mb) - 40*mb}, // no room at all
	} {
		if got := raisedLimit(c.limit, c.live, c.goal); got != c.want {
			t.Errorf("raisedLimit(%d MB, live %d MB, goal %d MB) = %d, want %d", c.limit/mb, c.live/mb, c.goal/mb, got, c.want)
		}
	}
}

// TestAfterEachGC: the hook runs after each collection until it says stop.
func TestAfterEachGC(t *testing.T) {
	calls := make(chan int, 16)
	n := 0
	afterEachGC(func() bool {
		n++
		calls <- n
		return n < 3
	})
	got := 0
	for i := 0; i < 50 && got < 3; i++ {
		runtime.GC()
		select {
		case got = <-calls:
		case <-time.After(100 * time.Millisecond):
		}
	}
	if got != 3 {
		t.Fatalf("the hook ran %d times over 50 collections, want 3", got)
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	select {
	case k := <-calls:
		t.Errorf("the hook ran a %dth time after it said stop", k)
	case <-time.After(100 * time.Millisecond):
	}
}
