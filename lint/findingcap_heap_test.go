package lint_test

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// flood reports, on a page titled "Flood N", N findings of one defect,
// each with its own message of about 1 kB, last in the page first: a rule
// that repeats one finding for every level of a generated page.
var flood = &lint.Rule{
	ID: "test-flood", Title: "reports N findings on a page titled Flood N", Category: lint.Structure, Severity: lint.Warning, Optional: true,
	Doc: lint.Doc{Description: "test only", Bad: "x", Good: "y", Excerpt: true},
	Check: func(p *lint.Pass) {
		n, err := strconv.Atoi(strings.TrimPrefix(p.File.Title, "Flood "))
		if err != nil {
			return
		}
		pad := strings.Repeat("x", 1000)
		last := len(p.File.Source.Text)
		for i := 0; i < n; i++ {
			at := last - 1 - i%last
			p.Reportf(model.Span{Start: at, End: at + 1}, "defect %d %s", i, pad)
		}
	},
}

func init() { lint.Register(flood) }

// TestManyFindingsPeakHeap: a rule that reports 40,000 findings on a page
// raises the run's peak heap by about what the capped findings take, not
// by all of them (40 MB of messages alone), and the page gets the cap and
// one finding that counts the rest.
func TestManyFindingsPeakHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("40,000 findings")
	}
	page := func(n int) []lint.Input {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Flood %d\n---\n\n", n)
		for i := 0; i < 2000; i++ {
			fmt.Fprintf(&b, "Line %d of the page.\n\n", i)
		}
		return []lint.Input{{Path: "flood.md", Data: []byte(b.String())}}
	}
	cfg := lint.DefaultConfig()
	for _, r := range lint.Rules() {
		if r.ID != "test-flood" && cfg.Severity(r) != 0 {
			if err := cfg.Disable(r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := cfg.Enable("test-flood"); err != nil {
		t.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	var res *lint.Result
	base := linttest.PeakHeap(func() { res = linttest.RunInputs(t, cfg, page(0)) })
	all := linttest.PeakHeap(func() { res = linttest.RunInputs(t, cfg, page(40000)) })
	t.Logf("peak heap: %d MB without findings, %d MB with 40,000 reported", base>>20, all>>20)
	if len(res.Findings) != lint.MaxPerRule+1 || !strings.HasPrefix(res.Findings[lint.MaxPerRule].Message, fmt.Sprintf("%d more findings of test-flood", 40000-lint.MaxPerRule)) {
		t.Fatalf("%d findings, want %d and one that counts the rest", len(res.Findings), lint.MaxPerRule+1)
	}
	if all > base+8<<20 {
		t.Errorf("40,000 findings on a page raised the peak heap from %d MB to %d MB", base>>20, all>>20)
	}
}
