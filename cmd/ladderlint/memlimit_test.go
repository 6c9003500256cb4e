package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"

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
	if got, want := seenLimit.Load(), int64(memLimitBase+memLimitPerByte*len(text)); got != want {
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
