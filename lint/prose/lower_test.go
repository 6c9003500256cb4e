package prose

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// TestLowerWords checks each word's lower case against strings.ToLower
// (curly apostrophes straightened for a block's own words), for words
// already in lower case, ASCII words with capitals and words with other
// runes mixed in one text.
func TestLowerWords(t *testing.T) {
	text := "The Senior Engineer 7 is a grade ÉTÉ, we’re OKR's Über-Lead and x-Ray ok"
	words := Words(text, true)
	for _, straighten := range []bool{false, true} {
		lower := lowerWords(text, words, straighten)
		if len(lower) != len(words) {
			t.Fatalf("%d lower-case words for %d words", len(lower), len(words))
		}
		for i, w := range words {
			want := w.In(text)
			if straighten {
				want = normalizeQuotes(want)
			}
			if want = strings.ToLower(want); lower[i] != want {
				t.Errorf("straighten %v: word %q: lower %q, want %q", straighten, w.In(text), lower[i], want)
			}
		}
	}
}

// TestLowerWordsOneBuffer checks that the ASCII words with capitals are
// lowered into one buffer of their own length, one after another, and a
// word already in lower case is the word itself (no copy).
func TestLowerWordsOneBuffer(t *testing.T) {
	text := "The quick Brown fox JUMPS over the lazy dog"
	words := Words(text, true)
	lower := lowerWords(text, words, true)
	caps := []int{0, 2, 4} // The, Brown, JUMPS
	for k := 1; k < len(caps); k++ {
		prev, cur := lower[caps[k-1]], lower[caps[k]]
		if unsafe.StringData(cur) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(prev)), len(prev))) {
			t.Errorf("%q does not follow %q in one buffer", cur, prev)
		}
	}
	if unsafe.StringData(lower[1]) != unsafe.StringData(words[1].In(text)) {
		t.Errorf("lower-case word %q was copied", words[1].In(text))
	}
}

// A BlockMemo is at most 64 bytes: a page of 40,000 blocks holds one a
// block while its rules run (at 80, the size class above, 0.6 MB more).
func TestBlockMemoSize(t *testing.T) {
	if n := unsafe.Sizeof(BlockMemo{}); n > 64 {
		t.Errorf("BlockMemo is %d bytes, want at most 64", n)
	}
}

// A block whose wording text and words are its own keeps no more than
// its memo: no wording memo of 24 bytes beside it.
func TestWordingMemoOwn(t *testing.T) {
	f := model.Parse("a.md", []byte("# A\n\nSome Text here\n"))
	b := f.Blocks[len(f.Blocks)-1]
	m := Memo(b)
	m.SetWordingText(b, b.Text)
	m.SetHy(OwnWords(b))
	m.SetNohy(m.Hy())
	if m.other != nil {
		t.Errorf("a block's own wording text and words took a wording memo: %+v", *m.other)
	}
	if got, ok := m.WordingText(b); !ok || got != b.Text || m.Hy() != OwnWords(b) || m.Nohy() != OwnWords(b) {
		t.Errorf("wording memo read back %q %v %p %p, want the block's own", got, ok, m.Hy(), m.Nohy())
	}
	other := NewTextWords("x", Words("x", true))
	m.SetNohy(other)
	if m.Nohy() != other || m.Hy() != OwnWords(b) {
		t.Error("words without hyphens set apart not read back")
	}
}

// A block's own words are made once, an empty block's too (its words are
// an empty slice, not nil: nil means not made yet).
func TestOwnWordsOnce(t *testing.T) {
	f := model.Parse("a.md", []byte("# A\n\nSome Text here\n"))
	for _, b := range f.Blocks {
		first := OwnWords(b)
		if first.Words == nil {
			t.Fatalf("block %q: nil words", b.Text)
		}
		if again := OwnWords(b); len(first.Words) > 0 && &again.Words[0] != &first.Words[0] {
			t.Errorf("block %q: words made again", b.Text)
		}
	}
	empty := &model.Block{}
	if w := OwnWords(empty).Words; w == nil || len(w) != 0 {
		t.Errorf("empty block: words %v, want an empty slice", w)
	}
}

// A Word is its two offsets as int32, 8 bytes: no copy of its string (a
// page of 40,000 short blocks holds about 220,000 words while its rules
// run; at 32 bytes a word they were 7 MB, at 16 with int offsets 3.5).
// Word.In gives the word's text.
func TestWordSize(t *testing.T) {
	if n := unsafe.Sizeof(Word{}); n != 8 {
		t.Errorf("Word is %d bytes, want 8", n)
	}
	text := "The Senior-Engineer’s grade"
	var got []string
	for _, w := range Words(text, true) {
		got = append(got, w.In(text))
	}
	if want := []string{"The", "Senior-Engineer’s", "grade"}; !slices.Equal(got, want) {
		t.Errorf("words %q, want %q", got, want)
	}
}

// TextWords.Lower is strings.ToLower of each word (of the word with its
// curly apostrophes straightened for a block's own words), whether the
// word is lowered in place in the lower-case text or, its lower case of
// another length, on its own; Pieces of the words split at hyphens too.
func TestTextWordsLower(t *testing.T) {
	for _, text := range []string{
		"The Senior Engineer 7 is a grade ÉTÉ, we’re OKR's Über-Lead and x-Ray ok",
		"plain words only", "İstanbul Kelvin-K ǅemal ẞtraße we’re-Here", "",
	} {
		words := Words(text, true)
		for _, straighten := range []bool{false, true} {
			tw := &TextWords{Words: words}
			tw.low, tw.odd = lowerText(text, words, straighten)
			if !straighten {
				tw = NewTextWords(text, words)
			}
			for i, w := range words {
				want := w.In(text)
				if straighten {
					want = normalizeQuotes(want)
				}
				if want = strings.ToLower(want); tw.Lower(i) != want {
					t.Errorf("straighten %v: word %q: lower %q, want %q", straighten, w.In(text), tw.Lower(i), want)
				}
			}
			if !straighten {
				var pieces []Word
				for _, w := range words {
					from := w.Start
					for k := w.Start; k <= w.End; k++ {
						if k == w.End || text[k] == '-' {
							pieces = append(pieces, Word{Start: from, End: k})
							from = k + 1
						}
					}
				}
				ps := tw.Pieces(text, pieces)
				for k, p := range pieces {
					if want := strings.ToLower(p.In(text)); ps.Lower(k) != want {
						t.Errorf("piece %q: lower %q, want %q", p.In(text), ps.Lower(k), want)
					}
				}
			}
		}
	}
}

// A text's lower case costs its length at most, not a string a word (16
// bytes each), and a text without capitals costs nothing: its lower case
// is the text itself.
func TestTextWordsLowerBytes(t *testing.T) {
	text := strings.Repeat("The Senior Engineer is a grade. ", 200)
	words := Words(text, true)
	// TotalAlloc counts the whole process's allocations, so another
	// goroutine's (a parallel test's, the runtime's) can land between the
	// two reads: the least of a few tries is this call's own.
	var tw *TextWords
	least := ^uint64(0)
	for try := 0; try < 5; try++ {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		tw = NewTextWords(text, words)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if least > uint64(len(text))+256 {
		t.Errorf("lower case of %d words (%d bytes of text): %d bytes", len(words), len(text), least)
	}
	if tw.Lower(1) != "senior" {
		t.Errorf("word 1 lower %q", tw.Lower(1))
	}
	plain := strings.ToLower(text)
	if low, _ := lowerText(plain, Words(plain, true), true); unsafe.StringData(low) != unsafe.StringData(plain) {
		t.Errorf("a text in lower case was copied")
	}
}
