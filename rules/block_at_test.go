package rules

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// blockAtLinear is blockAt's definition: the first block in order whose
// span holds off.
func blockAtLinear(f *model.Family, off int) *model.Block {
	for _, b := range f.Blocks {
		if b.Span.Contains(off) {
			return b
		}
	}
	return nil
}

// blockAt's search by halves gives the block its definition gives, at
// every block's edges and every few bytes of the seed pages (fixtures, a
// sample of both corpora, the hostile shapes and odd inputs).
func TestBlockAtAsDefined(t *testing.T) {
	pages := hostile.SeedPages("..")
	if len(pages) < 50 {
		t.Fatalf("%d seed pages", len(pages))
	}
	searched := 0
	for n, page := range pages {
		f := model.Parse(fmt.Sprintf("content/job-families/x/page%d.md", n), page)
		if len(f.Blocks) > 16 && blocksInOrder(f.Blocks) {
			searched++
		}
		var offs []int
		for _, b := range f.Blocks {
			offs = append(offs, b.Span.Start-1, b.Span.Start, b.Span.End-1, b.Span.End)
		}
		for off := -1; off <= len(page)+1; off += 7 {
			offs = append(offs, off)
		}
		for _, off := range offs {
			if got, want := blockAt(f, off), blockAtLinear(f, off); got != want {
				t.Fatalf("page %d, offset %d: blockAt gives %p, the definition %p", n, off, got, want)
			}
		}
	}
	if searched < len(pages)/4 {
		t.Errorf("only %d of %d pages take the search by halves", searched, len(pages))
	}
}

// A page of graded levels takes the search: its blocks follow one another.
func TestBlockAtGradedPageInOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: Engineer\n---\n\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "## Senior Engineer %d\n\nThe Senior Engineer %d is a grade %d.\n\n", i, i, 5+i%6)
	}
	f := model.Parse("content/job-families/x/engineer.md", []byte(b.String()))
	if len(f.Blocks) < 400 || !blocksInOrder(f.Blocks) {
		t.Fatalf("%d blocks, in order: %v", len(f.Blocks), blocksInOrder(f.Blocks))
	}
}
