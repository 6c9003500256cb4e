package rules

// Rules share and derive work (words, word counts, JSON values) instead of
// redoing it; these tests check each shortcut against the long way, on hard
// cases and on the corpus.

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// wordingWords shares and derives word lists; it must give what splitting
// the wording text itself gives.
func checkWordingWords(t *testing.T, f *model.Family) {
	t.Helper()
	for _, b := range f.Blocks {
		if got, want := oneLine(wordingText(b)), strings.Join(strings.Fields(wordingText(b)), " "); got != want {
			t.Fatalf("oneLine(%q) = %q, want %q", wordingText(b), got, want)
		}
		for _, hyphens := range []bool{true, false} {
			tw := wordingWords(b, hyphens)
			words := prose.Words(wordingText(b), hyphens)
			lower := make([]string, len(words))
			for i, w := range words {
				lower[i] = strings.ToLower(w.In(wordingText(b)))
			}
			if len(words) == 0 && len(tw.Words) == 0 {
				continue
			}
			if !reflect.DeepEqual(tw.Words, words) || !reflect.DeepEqual(tw.LowerAll(), lower) {
				t.Fatalf("%s: wordingWords(%q, %v) = %v %q, want %v %q", f.Path, b.Text, hyphens, tw.Words, tw.LowerAll(), words, lower)
			}
		}
	}
}

// eachCorpusFamily calls fn with the model of every handbook corpus page,
// or skips the test when the corpus is absent.
func eachCorpusFamily(t *testing.T, fn func(*model.Family)) {
	t.Helper()
	for _, in := range corpusInputs(t, "gitlab-handbook/content/job-families") {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		fn(model.Parse(in.Path, data))
	}
}

func TestWordingWordsShared(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\nb", "é b", "a b c"} {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
	page := "# E-mail and re‑sign\n\nWe’re a co-op: OKR’s, e-mail x-1 a--b a-'b ‑a- {add-name} https://gitlab.com/a-b see `code`-x.\n\n" +
		"- The Head-Of-Sales' team’s on-call-rotation, İstanbul-based, ÉCOLE-Été\n"
	checkWordingWords(t, model.Parse("x.md", []byte(page)))
	eachCorpusFamily(t, func(f *model.Family) { checkWordingWords(t, f) })
}

// level-copy bounds its diffs with word counts and bags read from the
// shared block words; they must be worddiff's.
func TestLevelSectionWordsAreWorddiffs(t *testing.T) {
	check := func(f *model.Family) {
		t.Helper()
		ls := &levelSections{minWords: 0, m: map[levelSectionKey]*levelSection{}}
		for _, r := range f.Roles {
			for _, kind := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
				sec := ls.get(r, kind)
				if !sec.ok {
					continue
				}
				if want := worddiff.WordCount(sec.text); sec.words != want {
					t.Errorf("%s %s %s: %d words, worddiff counts %d", f.Path, r.Title, kind, sec.words, want)
				}
				if got, want := sec.wordBag(), wordBag(sec.text); !(len(got) == 0 && len(want) == 0) && !reflect.DeepEqual(got, want) {
					t.Errorf("%s %s %s: bag %q, worddiff's %q", f.Path, r.Title, kind, got, want)
				}
			}
		}
	}
	check(model.Parse("x.md", []byte("## Senior Engineer\n\n### Responsibilities\n\n- Own the e-mail re‑sign flow, don’t wait\n- Caf\u00e9-\u0301x and {add x} https://a.b/c d\n\nA paragraph of OKR's.\n")))
	eachCorpusFamily(t, check)
}

// summary builds the JSON value the schema validates directly; it must be
// what a JSON round trip of it gives.
func TestSummaryIsAJSONValue(t *testing.T) {
	check := func(f *model.Family) {
		t.Helper()
		s := summary(f)
		rt, err := schema.ToJSONValue(s)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(any(s), rt) {
			t.Errorf("%s: summary %v, after a JSON round trip %v", f.Path, s, rt)
		}
	}
	check(model.Parse("bad\xffname.md", []byte("---\ntitle: \"Eng\xe9\xffineer\"\n---\n\n## Senior Eng\xff\n\n### Responsibilities\n\n- Code\n\n### Requirements\n\n- Skill\n")))
	eachCorpusFamily(t, check)
}
