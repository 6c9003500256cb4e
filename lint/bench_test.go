package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// benchFiles returns the job-family pages of both corpora, or skips.
func benchFiles(b *testing.B) []string {
	b.Helper()
	root := "../../shared/corpus"
	dirs := []string{
		"gitlab-handbook/content/job-families",
		"www-gitlab-com-2022/sites/uncategorized/source/job-families",
	}
	var files []string
	for _, d := range dirs {
		_ = filepath.Walk(filepath.Join(root, d), func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".md.erb")) {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) == 0 {
		b.Skip("corpus not found at ../../shared/corpus: skipping")
	}
	return files
}

func totalSize(files []string) int64 {
	var n int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			n += st.Size()
		}
	}
	return n
}

// benchRead reads every corpus page per iteration and hands it to parse.
func benchRead(b *testing.B, parse func(path string, data []byte)) {
	files := benchFiles(b)
	b.SetBytes(totalSize(files))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			parse(f, data)
		}
	}
}

// BenchmarkGoldmark is the baseline: read every page and parse it with
// goldmark, configured as the model configures it.
func BenchmarkGoldmark(b *testing.B) {
	benchRead(b, func(_ string, data []byte) { model.Markdown.Parser().Parse(text.NewReader(data)) })
}

// BenchmarkModel reads every page and builds its model.
func BenchmarkModel(b *testing.B) {
	benchRead(b, func(path string, data []byte) { model.Parse(path, data) })
}

// BenchmarkLint is a whole run with the default rules, on one worker (to
// compare with the single-threaded baseline) and on GOMAXPROCS workers.
func BenchmarkLint(b *testing.B) {
	files := benchFiles(b)
	var inputs []lint.Input
	for _, f := range files {
		inputs = append(inputs, lint.Input{Path: f})
	}
	for _, w := range []int{1, 0} {
		name := "workers=1"
		if w == 0 {
			name = "workers=max"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(totalSize(files))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				eng, err := lint.NewEngine(lint.DefaultConfig())
				if err != nil {
					b.Fatal(err)
				}
				eng.Workers = w
				if _, err := eng.Run(context.Background(), inputs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
