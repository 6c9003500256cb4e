package rules

import (
	"fmt"
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
	searched := 0
	fams := seedFamilies(t)
	for n, f := range fams {
		if len(f.Blocks) > 16 && blocksInOrder(f.Blocks) {
			searched++
		}
		var offs []int
		for _, b := range f.Blocks {
			offs = append(offs, b.Span.Start-1, b.Span.Start, b.Span.End-1, b.Span.End)
		}
		for off := -1; off <= len(f.Source.Text)+1; off += 7 {
			offs = append(offs, off)
		}
		for _, off := range offs {
			if got, want := blockAt(f, off), blockAtLinear(f, off); got != want {
				t.Fatalf("page %d, offset %d: blockAt gives %p, the definition %p", n, off, got, want)
			}
		}
	}
	if searched < len(fams)/4 {
		t.Errorf("only %d of %d pages take the search by halves", searched, len(fams))
	}
}

// A page of graded levels takes the search: its blocks follow one another.
func TestBlockAtGradedPageInOrder(t *testing.T) {
	graded := hostile.GradedPage(200)
	f := model.Parse("content/job-families/x/engineer.md", []byte(graded))
	if len(f.Blocks) < 400 || !blocksInOrder(f.Blocks) {
		t.Fatalf("%d blocks, in order: %v", len(f.Blocks), blocksInOrder(f.Blocks))
	}
}

// seedFamilies models the seed pages (hostile.SeedPages: fixtures, a sample
// of both corpora, the hostile shapes and odd inputs) as job-family pages,
// for the tests that hold a fast path to its plain definition.
func seedFamilies(t *testing.T) []*model.Family {
	t.Helper()
	pages := hostile.SeedPages("..")
	if len(pages) < 50 {
		t.Fatalf("%d seed pages", len(pages))
	}
	fs := make([]*model.Family, len(pages))
	for n, page := range pages {
		fs[n] = model.Parse(fmt.Sprintf("content/job-families/x/page%d.md", n), page)
	}
	return fs
}
