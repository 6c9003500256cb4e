package rules

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// wordingWords shares and derives word lists; it must give what splitting
// the wording text itself gives.
func checkWordingWords(t *testing.T, f *model.Family) {
	t.Helper()
	for _, b := range f.Blocks {
		for _, hyphens := range []bool{true, false} {
			tw := wordingWords(b, hyphens)
			words := prose.Words(wordingText(b), hyphens)
			lower := make([]string, len(words))
			for i, w := range words {
				lower[i] = strings.ToLower(w.Text)
			}
			if len(words) == 0 && len(tw.words) == 0 {
				continue
			}
			if !reflect.DeepEqual(tw.words, words) || !reflect.DeepEqual(tw.lower, lower) {
				t.Fatalf("%s: wordingWords(%q, %v) = %v %q, want %v %q", f.Path, b.Text, hyphens, tw.words, tw.lower, words, lower)
			}
		}
	}
}

func TestWordingWordsShared(t *testing.T) {
	page := "# E-mail and re‑sign\n\nWe’re a co-op: OKR’s, e-mail x-1 a--b a-'b ‑a- {add-name} https://gitlab.com/a-b see `code`-x.\n\n" +
		"- The Head-Of-Sales' team’s on-call-rotation, İstanbul-based, ÉCOLE-Été\n"
	checkWordingWords(t, model.Parse("x.md", []byte(page)))
	for _, in := range corpusInputs(t, "gitlab-handbook/content/job-families") {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		checkWordingWords(t, model.Parse(in.Path, data))
	}
}
