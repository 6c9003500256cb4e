package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corpus2022 is the 2022 (Middleman) handbook's job families, from the
// repository root's sibling shared/ folder.
const corpus2022 = "../../../shared/corpus/www-gitlab-com-2022/sites/uncategorized/source/job-families"

// BenchmarkEditLatency measures typing latency in the whole 2022 handbook:
// the time from an edit of one page to its diagnostics, less the debounce
// (the target is 100 ms). The page is the include's largest, the
// worst case for the per-file half; the other pages come from the cache the
// first lint filled, and every cross-file rule runs over all of them.
//
//	go test ./lint/lsp -run '^$' -bench EditLatency
func BenchmarkEditLatency(b *testing.B) {
	c, uri, text := openLargest(b)
	// a paragraph at the end of the page, one word changed per edit
	b.ResetTimer()
	var total time.Duration
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		v := i + 2
		edited := text + "\nThe role writes word" + strings.Repeat("s", i%7) + ".\n"
		t0 := time.Now()
		c.change(uri, v, edited)
		c.diagnostics(uri, v)
		total += time.Since(t0) - DefaultDebounce
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-after-debounce/op")
	// CPU time, which a busy machine does not inflate as it does the wait
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkSaveLatency measures a save in the whole 2022 handbook: the
// saved page is read again and the link index is built anew (the page's
// anchors may have changed), then the page is linted.
func BenchmarkSaveLatency(b *testing.B) {
	c, uri, _ := openLargest(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
		c.diagnostics(uri, 1)
	}
}

// openLargest starts a server on the 2022 handbook and opens its largest
// page, waiting for the first diagnostics.
func openLargest(b *testing.B) (*client, string, string) {
	abs, err := filepath.Abs(corpus2022)
	if err != nil {
		b.Fatal(err)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		b.Skipf("corpus not found at %s: the benchmark needs ../shared/corpus", corpus2022)
	}
	root := b.TempDir()
	cfg := "include:\n  - " + filepath.ToSlash(abs) + "/**/*.md\nsite:\n  layout: middleman\n"
	if err := os.WriteFile(filepath.Join(root, ".ladderlint.yml"), []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	page, size := "", int64(0)
	n := 0
	filepath.Walk(abs, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
			n++
			if info.Size() > size {
				page, size = p, info.Size()
			}
		}
		return nil
	})
	text := string(must(os.ReadFile(page)))
	c := startServer(b, Options{Debounce: DefaultDebounce})
	c.initialize(root, nil)
	start := time.Now()
	uri := c.open(page, 1, text)
	c.diagnostics(uri, 1)
	// speed only: the page's findings are not looked at (it may be a page
	// of the checking half)
	b.Logf("%d pages; first lint (reads and models all) %v; the page edited has %d bytes", n, time.Since(start).Round(time.Millisecond), size)
	return c, uri, text
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
