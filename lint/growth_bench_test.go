//go:build unix

package lint_test

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint"
)

// cpuTime is the CPU time (user and system) the process has used so far:
// unlike wall-clock time, it does not grow when other processes on a
// shared machine take the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkShapeGrowth lints each hostile shape through the engine with
// every default rule, at n and at 4n, on one worker. It reports the CPU time
// of one lint at each size and their ratio, "growth": about 4 for linear
// time, 16 for quadratic (a factor of 4, not 2, keeps the two apart on a
// noisy shared machine). Run it with -benchtime 1x -count 3;
// bench/RESULTS.md records the numbers.
func BenchmarkShapeGrowth(b *testing.B) {
	const n = 5000
	eng, err := lint.NewEngine(lint.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	eng.Workers = 1
	var names []string
	for name := range hostile.Shapes {
		names = append(names, name)
	}
	sort.Strings(names)
	lintCPU := func(b *testing.B, src []byte) time.Duration {
		runtime.GC() // the garbage of the last lint is not this one's
		start := cpuTime()
		res, err := eng.Run(context.Background(), []lint.Input{{Path: "x.md", Data: src}})
		if err != nil || len(res.Internal) > 0 {
			b.Fatalf("err %v, internal %v", err, res.Internal)
		}
		return cpuTime() - start
	}
	for _, name := range names {
		small, large := []byte(hostile.Shapes[name](n)), []byte(hostile.Shapes[name](4*n))
		b.Run(name, func(b *testing.B) {
			var cs, cl time.Duration
			for i := 0; i < b.N; i++ {
				cs += lintCPU(b, small)
				cl += lintCPU(b, large)
			}
			b.ReportMetric(float64(cs)/1e6/float64(b.N), fmt.Sprintf("cpu-ms/n=%d", n))
			b.ReportMetric(float64(cl)/1e6/float64(b.N), fmt.Sprintf("cpu-ms/n=%d", 4*n))
			b.ReportMetric(float64(cl)/float64(max(cs, 1)), "growth")
		})
	}
}
