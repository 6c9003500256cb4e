package rules

import (
	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"runtime"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// TestWordingMemoPerBlock: what the wording rules and lint/prose memoize
// on a block, over its words and their lower case, stays small on a page
// of many short blocks (8,000 levels: 16,000 blocks of 3 to 8 words). The
// wording rules' text and word lists and lint/prose's own words share one
// value and one memo entry (prose.BlockMemo; the wording view points at the
// block's own words when its text is the block's own), and a block's memo
// has room for that one entry: 244 bytes a block two rounds ago, 196 with
// two entries (lint/prose's and the wording rules'), 130 now (measured so). The words themselves (prose.Word, 32
// bytes, and a lower-case string, 16) and the lowered copy of a text with
// capitals are counted apart.
func TestWordingMemoPerBlock(t *testing.T) {
	graded := hostile.GradedPage(8000)
	f := model.Parse("x/_index.md", []byte(graded))
	live := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := live()
	words := 0
	var lowered uint64
	for _, blk := range f.Blocks {
		tw := wordingWords(blk, false)
		wordingWords(blk, true)
		wordingText(blk)
		words += cap(tw.Words)
		if strings.ToLower(blk.Text) != blk.Text {
			lowered += uint64(len(blk.Text)) // the text with its capitals lowered, once, for the lower-case words
		}
	}
	after := live()
	runtime.KeepAlive(f)
	wordBytes := uint64(words)*(32+16) + lowered
	perBlock := (after - before - min(after-before, wordBytes)) / uint64(len(f.Blocks))
	t.Logf("%d blocks, %d words: %d kB memoized, %d kB of them words; %d bytes a block besides", len(f.Blocks), words, (after-before)>>10, wordBytes>>10, perBlock)
	if perBlock > 150 {
		t.Errorf("the memos hold %d bytes a block besides the words, want at most 150", perBlock)
	}
}

// TestWordingWordsShareTheBlocks: the wording rules' words with hyphens are
// the block's own (prose.OwnWords, the same value in the block's one memo)
// when the wording text is the block's text and has no curly apostrophe;
// a blanked URL or a curly apostrophe gives them their own list, and the
// lists stay what splitting the wording text gives (checkWordingWords).
func TestWordingWordsShareTheBlocks(t *testing.T) {
	f := model.Parse("x/_index.md", []byte("# Engineer\n\nThe Senior Engineer leads.\n\nFill in {add a team name} here.\n\nThe team’s work.\n"))
	shared := map[string]bool{}
	for _, b := range f.Blocks {
		tw := wordingWords(b, true)
		shared[b.Text] = tw == prose.OwnWords(b)
		if prose.Memo(b).Hy() != tw {
			t.Errorf("%q: the wording words are not the block memo's", b.Text)
		}
	}
	for text, want := range map[string]bool{"The Senior Engineer leads.": true, "Fill in {add a team name} here.": false, "The team’s work.": false} {
		got, ok := shared[text]
		if !ok {
			t.Fatalf("no block %q in %v", text, shared)
		}
		if got != want {
			t.Errorf("%q: wording words shared with the block's own = %v, want %v", text, got, want)
		}
	}
	checkWordingWords(t, f)
}
