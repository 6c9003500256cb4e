package model

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
)

// TestYAMLBombsAllocateLittle reads each YAML bomb as a page's front
// matter: it is refused with an issue, and reading the page allocates less
// than 8 MiB (a few MiB for the largest, 40 kB; 2000 list keys once took
// 750 MB and five seconds).
func TestYAMLBombsAllocateLittle(t *testing.T) {
	for name, body := range hostile.YAMLBombs {
		t.Run(name, func(t *testing.T) {
			page := []byte("---\n" + body + "---\n\n## Role\n")
			var f *Family
			n := hostile.Allocated(func() { f = Parse("bomb.md", page) })
			if f.FrontMatter == nil || f.FrontMatter.Err == nil || f.FrontMatter.Node != nil {
				t.Fatalf("the front matter must be refused, got %+v", f.FrontMatter)
			}
			if limit := uint64(8 << 20); n > limit {
				t.Errorf("reading a %d-byte page allocated %d bytes, over %d", len(page), n, limit)
			}
			t.Logf("%d bytes of page, %d bytes allocated: %s", len(page), n, f.FrontMatter.Err.Message)
		})
	}
}
