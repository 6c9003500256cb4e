package site

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Benchmarks over the 2022 tree (2,700 pages in 1,800 folders); they skip
// when the corpus is absent. Run briefly: go test -run X -bench . -benchtime 10x

func corpusLayout(b *testing.B) Layout {
	root := "../../../shared/corpus/www-gitlab-com-2022/sites"
	if _, err := os.Stat(root); err != nil {
		b.Skip("corpus not found: skipping")
	}
	return Layout{Generator: Middleman, Anchors: Kramdown,
		PageFiles: []string{"index.html.md", "index.html.md.erb", "{name}.html.md", "{name}.html.md.erb"},
		Roots:     []Root{{Dir: filepath.Join(root, "handbook/source"), Prefix: "/"}, {Dir: filepath.Join(root, "uncategorized/source"), Prefix: "/"}}}
}

// BenchmarkWalk lists every folder of the tree (what a bare-name ref or
// the first miss of a Hugo site costs).
func BenchmarkWalk(b *testing.B) {
	l := corpusLayout(b)
	for i := 0; i < b.N; i++ {
		x := Build(l)
		x.mu.Lock()
		x.walkAll()
		x.mu.Unlock()
	}
}

// BenchmarkAliases reads every page's front matter, as a Hugo site's
// first miss does.
func BenchmarkAliases(b *testing.B) {
	l := corpusLayout(b)
	l.Generator = Hugo
	x := Build(l)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.aliasOnce = sync.Once{}
		x.loadAliases()
	}
}

// BenchmarkAnchors computes the anchors of every handbook page (scan, and
// parse where the scan gives up), from memory.
func BenchmarkAnchors(b *testing.B) {
	l := corpusLayout(b)
	var srcs [][]byte
	n := 0
	_ = filepath.Walk(l.Roots[0].Dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && filepath.Ext(p) == ".md" {
			s, _ := os.ReadFile(p)
			srcs = append(srcs, s)
			n += len(s)
		}
		return nil
	})
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range srcs {
			ComputeAnchors(s, Kramdown)
		}
	}
}
