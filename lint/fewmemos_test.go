package lint

import (
	"fmt"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

type fewMemosKey struct{}

// TestFewMemosReleasedBefore: a page's memos are released before the
// per-file stages of the cross-file rules that ask few of them, which run
// after those that ask many (crossOrder); not before a stage that does
// not, and not when the engine keeps models.
func TestFewMemosReleasedBefore(t *testing.T) {
	built := 0
	memo := func(f *model.Family) { f.Blocks[0].Memo(fewMemosKey{}, func() any { built++; return built }) }
	// what each stage found: whether the memo the per-file rule made was
	// still there (built stays 1) when it asked
	var seen []bool
	stage := func(few bool) *activeRule {
		return &activeRule{rule: &Rule{ID: "test-stage", FewMemos: few,
			Collect: func(p *Pass) any {
				n := built
				memo(p.File)
				seen = append(seen, built == n)
				return nil
			},
			CheckAll: func(*SetPass) {}}}
	}
	perFile := &activeRule{rule: &Rule{ID: "test-words", Check: func(p *Pass) { memo(p.File) }}}
	cases := []struct {
		name   string
		stages []*activeRule
		keep   bool
		want   []bool // per stage: the memo was still held
	}{
		{"last stages ask few", []*activeRule{stage(false), stage(true), stage(true)}, false, []bool{true, false, true}},
		// (stages run in crossOrder: the one that asks few after the one
		// that asks many, and the memos are released between them)
		{"a later stage asks many", []*activeRule{stage(true), stage(false)}, false, []bool{true, false}},
		{"models kept", []*activeRule{stage(false), stage(true)}, true, []bool{true, true}},
		{"none asks few", []*activeRule{stage(false), stage(false)}, false, []bool{true, true}},
	}
	for _, c := range cases {
		built, seen = 0, nil
		e := &Engine{Config: DefaultConfig(), rules: append([]*activeRule{perFile}, c.stages...), KeepModels: c.keep}
		e.Env = NewEnv(e.Config)
		f := model.Parse("page.md", []byte("## Engineer\n\nThe Engineer is a grade 6.\n"))
		fr := &FileResult{Path: f.Path, Family: f}
		if _, errs := e.check(fr, f, nil); len(errs) > 0 {
			t.Fatal(errs)
		}
		if len(seen) != len(c.want) {
			t.Fatalf("%s: %d stages ran, want %d", c.name, len(seen), len(c.want))
		}
		for i := range seen {
			if seen[i] != c.want[i] {
				t.Errorf("%s: stage %d found the memo held: %v, want %v", c.name, i, seen[i], c.want[i])
			}
		}
	}
}

// TestLocalStagesBeforeSummaries: on a page, the cross-file rules that run
// whole on it (local) run before those that collect a summary held to the
// end, so that a local rule's own index of the page is not made on top of
// the summaries, and those that ask few memos run last, after the memos
// are released; each kind keeps the engine's order.
func TestLocalStagesBeforeSummaries(t *testing.T) {
	var ran []string
	built := 0
	collect := func(id string, few bool) *activeRule {
		return &activeRule{rule: &Rule{ID: id, FewMemos: few,
			Collect: func(p *Pass) any {
				n := built
				p.File.Blocks[0].Memo(fewMemosKey{}, func() any { built++; return built })
				ran = append(ran, id+map[bool]string{true: " (memo held)", false: ""}[built == n])
				return nil
			},
			CheckAll: func(*SetPass) {}}}
	}
	local := func(id string) *activeRule {
		return &activeRule{local: true, rule: &Rule{ID: id, CheckAll: func(*SetPass) { ran = append(ran, id) }}}
	}
	perFile := &activeRule{rule: &Rule{ID: "test-words", Check: func(p *Pass) {
		p.File.Blocks[0].Memo(fewMemosKey{}, func() any { built++; return built })
	}}}
	e := &Engine{Config: DefaultConfig(), rules: []*activeRule{perFile, collect("a-summary", false), local("b-local"), collect("c-few", true), local("d-local")}}
	e.Env = NewEnv(e.Config)
	f := model.Parse("page.md", []byte("## Engineer\n\nThe Engineer is a grade 6.\n"))
	if _, errs := e.check(&FileResult{Path: f.Path, Family: f}, f, nil); len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"b-local", "d-local", "a-summary (memo held)", "c-few"}
	if fmt.Sprint(ran) != fmt.Sprint(want) {
		t.Errorf("stages ran %q, want %q", ran, want)
	}
	// a stage that asks few memos listed before one that asks many runs
	// after it, once the memos are released
	ran, built = nil, 0
	e.rules = []*activeRule{perFile, collect("a-few", true), collect("b-summary", false), collect("c-few", true)}
	f = model.Parse("page.md", []byte("## Engineer\n\nThe Engineer is a grade 6.\n"))
	if _, errs := e.check(&FileResult{Path: f.Path, Family: f}, f, nil); len(errs) > 0 {
		t.Fatal(errs)
	}
	want = []string{"b-summary (memo held)", "a-few", "c-few (memo held)"}
	if fmt.Sprint(ran) != fmt.Sprint(want) {
		t.Errorf("stages ran %q, want %q", ran, want)
	}
}
