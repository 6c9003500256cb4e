package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// BenchmarkCorpusTimesTen lints ten copies of the corpus (symbolic links
// in a temporary folder, pages named *.md) with the default rules, as
// `ladderlint lint FOLDER` would, and reports the peak of live heap memory
// during the run (sampled every millisecond), the peak of memory obtained
// from the system, and the heap still live after the run while its result
// is kept (the models: cross-file rules need them all). Skipped without
// ../shared/corpus. bench/RESULTS.md records the numbers.
func BenchmarkCorpusTimesTen(b *testing.B) {
	files := benchFiles(b)
	dir := b.TempDir()
	var size int64
	for copy := 0; copy < 10; copy++ {
		for _, f := range files {
			abs, err := filepath.Abs(f)
			if err != nil {
				b.Fatal(err)
			}
			rel := strings.TrimSuffix(strings.TrimPrefix(f, "../../shared/corpus/"), ".erb")
			link := filepath.Join(dir, "copy-"+string(rune('0'+copy)), rel)
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.Symlink(abs, link); err != nil {
				b.Skipf("cannot make symbolic links: %v", err)
			}
		}
	}
	size = 10 * totalSize(files)
	cfg := lint.DefaultConfig()
	b.SetBytes(size)
	b.ResetTimer()
	var peakHeap, peakSys uint64
	var retained uint64
	for i := 0; i < b.N; i++ {
		runtime.GC()
		stop := sampleMemory(&peakHeap, &peakSys)
		inputs, err := lint.Collect(cfg, []string{dir})
		if err != nil {
			b.Fatal(err)
		}
		eng, err := lint.NewEngine(cfg)
		if err != nil {
			b.Fatal(err)
		}
		res, err := eng.Run(context.Background(), inputs)
		stop()
		if err != nil || len(res.Internal) > 0 {
			b.Fatalf("err %v, internal %v", err, res.Internal)
		}
		if len(res.Files) != 10*len(files) {
			b.Fatalf("linted %d files, want %d", len(res.Files), 10*len(files))
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		retained = max(retained, ms.HeapAlloc)
		runtime.KeepAlive(res)
	}
	b.ReportMetric(float64(size)/(1<<20), "corpus-MB")
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakSys)/(1<<20), "peak-sys-MB")
	b.ReportMetric(float64(retained)/(1<<20), "retained-heap-MB")
}

// sampleMemory records the peaks of live heap objects and of memory mapped
// from the system until the returned function is called.
func sampleMemory(peakHeap, peakSys *uint64) (stop func()) {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			*peakHeap = max(*peakHeap, samples[0].Value.Uint64())
			*peakSys = max(*peakSys, samples[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
