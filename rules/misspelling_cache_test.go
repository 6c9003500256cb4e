package rules

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// TestSpellPageCodec: a page's word counts read back from their encoding
// are the same words and counts, numbered in the new run's table; a page
// with words to report is not encoded; damaged bytes are an error.
func TestSpellPageCodec(t *testing.T) {
	src := "---\ntitle: T\n---\n\n## Responsibilities\n\n- Plan the plan and the release\n- Review the release\n"
	f := model.Parse("a.md", []byte(src))
	opts := misspellingRule.Options().(*misspellingOptions)
	sp := collectSpelling(lint.NewEnv(lint.DefaultConfig()), f, opts, false)
	b, ok := encodeSpellPage(sp)
	if !ok || sp.nUses == 0 {
		t.Fatalf("page of known words not encoded (%d words)", sp.nUses)
	}
	env := lint.NewEnv(lint.DefaultConfig())
	spellWordsOf(env).numberInto([]string{"unrelated"}, make([]wordCount, 1)) // numbers differ from the first run
	v, err := decodeSpellPage(env, b)
	if err != nil {
		t.Fatal(err)
	}
	got := v.(*spellPage)
	count := func(p *spellPage) map[string]uint32 {
		m := map[string]uint32{}
		words := p.words.all()
		p.eachUse(func(id, n uint32) { m[words[id]] = n })
		return m
	}
	want, have := count(sp), count(got)
	if len(want) != len(have) || want["plan"] != 2 || have["plan"] != 2 || have["release"] != 2 {
		t.Errorf("decoded counts %v, want %v", have, want)
	}
	for w, n := range want {
		if have[w] != n {
			t.Errorf("%q: %d, want %d", w, have[w], n)
		}
	}
	typo := model.Parse("b.md", []byte("## Responsibilities\n\n- Plan the releaes\n"))
	if _, ok := encodeSpellPage(collectSpelling(env, typo, opts, true)); ok {
		t.Error("a page with an unknown word was encoded")
	}
	for _, bad := range [][]byte{nil, b[:len(b)-1], append(append([]byte(nil), b...), 0), {0xff}} {
		if _, err := decodeSpellPage(env, bad); err == nil {
			t.Errorf("damaged summary %q decoded", bad)
		}
	}
}

// TestSpellPagePacked: a page's word counts are kept packed for the rest
// of the run (every page's are held until the cross-file stage): the
// counting slice is gone, each word is read back once with its count, and
// the page's 3,000 words take at most 3 bytes each rather than a
// wordCount's 8.
func TestSpellPagePacked(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: T\n---\n\n## Responsibilities\n\n")
	want := map[string]uint32{}
	for i := 0; i < 3000; i++ {
		w := "w" + strings.Repeat(string(rune('a'+i%26)), 1+i/26%5) + string(rune('a'+i/130%26)) + string(rune('a'+i/3380%26))
		n := uint32(1 + i%3)
		for k := uint32(0); k < n; k++ {
			fmt.Fprintf(&b, "- plan %s\n", w)
		}
		want[w] += n
	}
	f := model.Parse("a.md", []byte(b.String()))
	opts := misspellingRule.Options().(*misspellingOptions)
	sp := collectSpelling(lint.NewEnv(lint.DefaultConfig()), f, opts, false)
	if sp.uses != nil {
		t.Fatalf("the counting slice is kept (%d words)", len(sp.uses))
	}
	words := sp.words.all()
	got := map[string]uint32{}
	sp.eachUse(func(id, n uint32) {
		if _, dup := got[words[id]]; dup {
			t.Errorf("%q read back twice", words[id])
		}
		got[words[id]] = n
	})
	lines := uint32(0)
	for w, n := range want {
		if w != "plan" {
			lines += n
			if got[w] != n {
				t.Errorf("%q: %d uses read back, want %d", w, got[w], n)
			}
		}
	}
	if got["plan"] != lines {
		t.Errorf("plan: %d uses read back, want %d", got["plan"], lines)
	}
	if len(got) != sp.nUses || len(got) < 3000 {
		t.Errorf("%d words read back, %d packed; want over 3,000", len(got), sp.nUses)
	}
	if len(sp.packed) > 3*sp.nUses {
		t.Errorf("%d bytes for %d words: more than 3 a word", len(sp.packed), sp.nUses)
	}
}

// TestSpellPageNumbersNotCounted: the numbers of a page of numbered levels
// ("Senior Engineer 1" to "Senior Engineer 500") are not numbered in the
// run's word table nor kept in the page's counts (no check reads a
// number's count); a word of letters and digits ("v2") still is.
func TestSpellPageNumbersNotCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: T\n---\n\n## Responsibilities\n\n- Ship v2 of the product\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "- Senior Engineer %d\n", i)
	}
	f := model.Parse("a.md", []byte(b.String()))
	opts := misspellingRule.Options().(*misspellingOptions)
	sp := collectSpelling(lint.NewEnv(lint.DefaultConfig()), f, opts, true)
	words := sp.words.all()
	got := map[string]uint32{}
	sp.eachUse(func(id, n uint32) { got[words[id]] = n })
	for _, w := range words {
		if digitsOnly(w) {
			t.Errorf("number %q numbered in the run's table", w)
			break
		}
	}
	if got["senior"] != 500 || got["v2"] != 1 {
		t.Errorf("senior counted %d times, v2 %d: want 500 and 1", got["senior"], got["v2"])
	}
	if sp.nUses > 20 {
		t.Errorf("%d words counted on a page of 8 words and 500 numbers", sp.nUses)
	}
}

// A cached page whose words the run has numbered already decodes without
// a string a word: its allocations do not grow with its words.
func TestSpellPageDecodeAllocs(t *testing.T) {
	opts := misspellingRule.Options().(*misspellingOptions)
	page := func(words int) []byte {
		var sb strings.Builder
		sb.WriteString("---\ntitle: T\n---\n\n## Responsibilities\n\n")
		for i := 0; i < words; i++ {
			fmt.Fprintf(&sb, "- Plan the word%c%c release\n", 'a'+i%26, 'a'+i/26)
		}
		f := model.Parse("a.md", []byte(sb.String()))
		sp := collectSpelling(lint.NewEnv(lint.DefaultConfig()), f, opts, false)
		b, ok := encodeSpellPage(sp)
		if !ok {
			t.Fatalf("page of %d words not encoded", words)
		}
		return b
	}
	small, large := page(10), page(200)
	env := lint.NewEnv(lint.DefaultConfig())
	for _, b := range [][]byte{small, large} {
		if _, err := decodeSpellPage(env, b); err != nil { // numbers the words
			t.Fatal(err)
		}
	}
	a := testing.AllocsPerRun(20, func() { decodeSpellPage(env, small) })
	b := testing.AllocsPerRun(20, func() { decodeSpellPage(env, large) })
	if b > a+4 {
		t.Errorf("decoding a page of known words: %.0f allocations for 10 words, %.0f for 200", a, b)
	}
}
