package rules

import (
	"os"
	"reflect"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

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
	for _, in := range corpusInputs(t, "gitlab-handbook/content/job-families") {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		check(model.Parse(in.Path, data))
	}
}
