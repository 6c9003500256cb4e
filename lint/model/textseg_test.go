package model

import (
	"math"
	"testing"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
)

// A text segment is 12 bytes: a page of 20,000 graded headings holds some
// 40,000 of them from its model's build to the end of its rules (at 24,
// 0.5 MB more at every stage).
func TestTextSegSize(t *testing.T) {
	if n := unsafe.Sizeof(textSeg{}); n > 12 {
		t.Errorf("textSeg is %d bytes, want at most 12", n)
	}
}

// No size limit reads a page whose offsets would not fit a segment: a
// max_file_size over 1 GiB is read as fsutil.MaxLimit, under MaxSource,
// and Parse does not model a source of MaxSource bytes.
func TestSourceBound(t *testing.T) {
	for _, max := range []int64{MaxSource, math.MaxInt32, math.MaxInt64} {
		if l := fsutil.Limit(max); l >= MaxSource {
			t.Errorf("fsutil.Limit(%d) = %d, want under %d", max, l, MaxSource)
		}
	}
	if l := fsutil.Limit(5 << 20); l != 5<<20 {
		t.Errorf("fsutil.Limit(5 MiB) = %d, want it as set", l)
	}
	if 2*MaxSource-1 > math.MaxInt32 {
		t.Errorf("MaxSource %d leaves no room under math.MaxInt32 for text twice the source", MaxSource)
	}
}

// Text offsets still map to the source through 32-bit segments, across a
// block's lines and an inserted code mark.
func TestTextSegOffsets(t *testing.T) {
	src := "# Title\n\nSome `code` text\nand more.\n"
	f := Parse("p.md", []byte(src))
	var b *Block
	for _, x := range f.Blocks {
		if x.Kind == BlockParagraph {
			b = x
		}
	}
	if b == nil {
		t.Fatal("no paragraph")
	}
	for _, w := range []string{"Some", "text", "and", "more"} {
		i := indexOf(b.Text, w)
		if i < 0 {
			t.Fatalf("%q not in %q", w, b.Text)
		}
		sp := b.SourceSpan(i, i+len(w))
		if got := src[sp.Start:sp.End]; got != w {
			t.Errorf("%q maps to %q (%v)", w, got, sp)
		}
	}
}

func indexOf(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i:i+len(w)] == w {
			return i
		}
	}
	return -1
}

// An hnode (one a heading, while the structure pass runs) is at most 176
// bytes: its flags apart between its pointers made it 200, the 208 class.
func TestHnodeSize(t *testing.T) {
	if n := unsafe.Sizeof(hnode{}); n > 176 {
		t.Errorf("hnode is %d bytes, want at most 176", n)
	}
}

// An item (one a block, held to the end of the structure pass) is at most
// 72 bytes: a bold paragraph's text and place inline made it 96.
func TestItemSize(t *testing.T) {
	if n := unsafe.Sizeof(item{}); n > 72 {
		t.Errorf("item is %d bytes, want at most 72", n)
	}
}
