package model

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
)

// chunked parses data with a long page's parts forced as small as the
// page allows (a part at every heading chunkEnds accepts).
func chunked(t *testing.T, path string, data []byte) (*Family, int) {
	t.Helper()
	minSize, size := parseChunkMin, parseChunk
	parseChunkMin, parseChunk = -1, 1
	defer func() { parseChunkMin, parseChunk = minSize, size }()
	f := Parse(path, data)
	in, _ := prepare(f.Source.Text, f.FrontMatter)
	return f, len(chunkEnds(in, findShortcodes(f.Source.Text, f.FrontMatter)))
}

// sameParse checks that a page read in parts has the very model of the
// page read whole: every field, text, span and pointer between them.
func sameParse(t *testing.T, name string, data []byte) int {
	t.Helper()
	whole := Parse(name, data)
	parts, n := chunked(t, name, data)
	if !reflect.DeepEqual(whole, parts) {
		t.Errorf("%s: the model read in %d parts differs from the model read whole:\nwhole %v\nparts %v", name, n+1, whole.JSON(), parts.JSON())
	}
	return n
}

// TestChunkedParseSameModel: every construct that could run across a part's
// start either keeps the page whole or reads the same in parts.
func TestChunkedParseSameModel(t *testing.T) {
	cases := map[string]struct {
		page  string
		split bool // whether the page is read in parts at all
	}{
		"headings and lists":      {"# A\n\n- a\n- b\n\n## B\n\ntext\n\n## C\n\n> quote\n\n### D\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## E\n", true},
		"grade sentences":         {"---\ntitle: X\n---\n\n## Senior X\n\nThe Senior X is a grade 7.\n\n## Staff X\n\nThe Staff X is a [grade 8](/a#b).\n", true},
		"lazy paragraph":          {"## A\n\ntext\n## B not after a blank\n\n## C\n", true},
		"not a heading":           {"## A\n\n#hashtag\n\n####### seven\n\n## B\n", true},
		"nested item heading":     {"- item\n\n  # in the item\n\n# out\n", true},
		"fence":                   {"## A\n\n```\ncode\n\n# not a heading\n```\n\n## B\n", false},
		"tilde fence in list":     {"- a\n\n  ~~~\n\n# x\n\n## B\n", false},
		"comment":                 {"## A\n\n<!-- note\n\n# not a heading\n-->\n\n## B\n", false},
		"pre":                     {"## A\n\n<PRE>\n\n# not a heading\n</pre>\n\n## B\n", false},
		"reference defined below": {"## A\n\nsee [x][r]\n\n## B\n\n[r]: /target\n", false},
	}
	for name, c := range cases {
		n := sameParse(t, name, []byte(c.page))
		if (n > 0) != c.split {
			t.Errorf("%s: read in %d parts; want parts: %v", name, n+1, c.split)
		}
	}
	for name, gen := range hostile.Shapes {
		sameParse(t, "shape "+name, []byte(gen(300)))
	}
	for name, src := range hostile.OddInputs {
		sameParse(t, "odd "+name, []byte(src))
	}
}

// TestChunkedParseSameModelCorpus reads every real page in parts as small
// as it allows and compares with the page read whole.
func TestChunkedParseSameModelCorpus(t *testing.T) {
	split := 0
	for _, p := range corpusPages(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if sameParse(t, p, data) > 0 {
			split++
		}
	}
	if split < 50 {
		t.Errorf("only %d corpus pages were read in parts: the comparison says little", split)
	}
}

// TestLongPageReadInParts: the page shapes that made goldmark's tree the
// peak of a run (bench/hostile.sh pages) are read in parts at their size.
func TestLongPageReadInParts(t *testing.T) {
	page := []byte(hostile.Shapes["headings"](20000))
	in, _ := prepare(page, nil)
	ends := chunkEnds(in, nil)
	if want := len(page) / parseChunk / 2; len(ends) < want {
		t.Errorf("a %d-byte page of headings is read in %d parts; want at least %d", len(page), len(ends)+1, want+1)
	}
	if short := []byte(strings.Repeat("## A\n\n", 100)); chunkEnds(short, nil) != nil {
		t.Error("a short page is read in parts")
	}
}

// TestContiguousTextOneSegment: text goldmark splits in several nodes
// ("Role", " 1 Responsibilities") is one segment of a block's map to the
// source, which maps every offset as before; text with markup between
// keeps a segment each side.
func TestContiguousTextOneSegment(t *testing.T) {
	f := Parse("x.md", []byte("## Role 1 Responsibilities\n\nsome *emphasis* here\n"))
	h, p := f.Blocks[0], f.Blocks[1]
	if len(h.segs) != 1 {
		t.Errorf("heading %q: %d segments, want 1: %v", h.Text, len(h.segs), h.segs)
	}
	for i := 0; i < len(h.Text); i++ {
		if got := h.SourceOffset(i); got != 3+i {
			t.Errorf("heading offset %d maps to %d, want %d", i, got, 3+i)
		}
	}
	if len(p.segs) != 3 {
		t.Errorf("paragraph %q: %d segments, want 3 (the emphasis's markers cut it): %v", p.Text, len(p.segs), p.segs)
	}
	if got, want := p.SourceOffset(len("some emphasis")), len("## Role 1 Responsibilities\n\nsome *emphasis*"); got != want {
		t.Errorf("paragraph offset after the emphasis maps to %d, want %d", got, want)
	}
}
