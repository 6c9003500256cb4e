package rules

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// A phrase written in one form in every block (20,000 levels' "The Senior
// Engineer N is a grade") is not grouped by its blocks' text for the
// inner-case check, which needs two forms: no lower-case copy and map
// entry a block (issue 14).
func TestPhraseVariantsOneFormAllocs(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "The Senior Engineer %d is a grade 5.\n\n", i)
	}
	f := model.Parse("a.md", []byte(b.String()))
	var occs []phraseOcc
	for _, bl := range f.Blocks {
		if bl.Kind == model.BlockParagraph {
			occs = append(occs, phraseOcc{b: bl, start: 4, end: 19, form: "Senior Engineer"})
		}
	}
	if len(occs) != 2000 {
		t.Fatalf("%d paragraphs, want 2000", len(occs))
	}
	if n := testing.AllocsPerRun(3, func() { reportPhraseVariants(nil, f, occs, nil) }); n > 100 {
		t.Errorf("%.0f allocations for one form in 2,000 blocks, want at most 100", n)
	}
}
