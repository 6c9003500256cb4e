package rules

import (
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
	if !ok || len(sp.uses) == 0 {
		t.Fatalf("page of known words not encoded (%d words)", len(sp.uses))
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
		for _, wc := range p.uses {
			m[words[wc.id]] = wc.n
		}
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
