package mutate

import (
	"fmt"
	"math/rand"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gitlab.com/ladderlint/ladderlint/internal/accuracy"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/rules"
)

// Options say what to inject.
type Options struct {
	Seed  int64
	Typos int // typos a page at most (sampled word occurrences)
	// Others is how many mutations of each class but typos a page gets at
	// most of each class, sampled from the places found (0: every one).
	Others int
	// Classes to inject; nil: all.
	Classes []string
	// Page, when set, keeps the pages it accepts (the tuning half for
	// bench/mutate; every page for a fixture).
	Page func(path string) bool
	// Make, when set, gives a page's mutations instead of the mutators
	// (tests inject defects of their own).
	Make func(f *model.Family) []Mutation
}

// Outcome is one mutation and what the lint of the mutated page said.
type Outcome struct {
	Mutation
	Detected bool
	// Collateral are the findings of other rules than the class's that
	// the mutation added to the page.
	Collateral []lint.Finding
	// Elsewhere is set on a miss that another rule reports at the
	// mutation's line (a section heading made deeper than the one before
	// it is heading-increment's skipped level): the defect is not silent.
	Elsewhere bool
}

// Dict is misspelling's dictionary, as the typos use it.
var Dict = Dictionary{Known: rules.SpellKnown, Listed: rules.SpellListed}

// Mutations returns the mutations of a page's model, in a fixed order for
// a seed.
func Mutations(f *model.Family, opts Options) []Mutation {
	// one generator a page and class: a class's sample is the same
	// whether or not the other classes run (-list CLASS)
	rngOf := func(class string) *rand.Rand {
		return rand.New(rand.NewSource(opts.Seed ^ int64(hash(f.Path+"|"+class))))
	}
	want := func(c string) bool {
		if opts.Classes == nil {
			return true
		}
		for _, x := range opts.Classes {
			if x == c {
				return true
			}
		}
		return false
	}
	sample := func(rng *rand.Rand, ms []Mutation) []Mutation {
		if opts.Others <= 0 || len(ms) <= opts.Others {
			return ms
		}
		var out []Mutation
		for _, i := range rng.Perm(len(ms))[:opts.Others] {
			out = append(out, ms[i])
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		return out
	}
	var out []Mutation
	if want(Typo) {
		out = append(out, Typos(f, Dict, rngOf(Typo), opts.Typos)...)
	}
	if want(Term) {
		rng := rngOf(Term)
		out = append(out, sample(rng, TermVariants(f, rng))...)
	}
	if want(Section) {
		rng := rngOf(Section)
		out = append(out, sample(rng, SectionVariants(f, rng))...)
	}
	if want(Title) {
		out = append(out, sample(rngOf(Title), TitleSwaps(f))...)
	}
	if want(MovedItem) {
		rng := rngOf(MovedItem)
		out = append(out, sample(rng, MovedItems(f, rng))...)
	}
	if want(DroppedMarker) {
		rng := rngOf(DroppedMarker)
		out = append(out, sample(rng, DroppedMarkers(f, rng))...)
	}
	if want(CopiedLevel) {
		out = append(out, sample(rngOf(CopiedLevel), CopiedLevels(f))...)
	}
	if want(DuplicatedItem) {
		rng := rngOf(DuplicatedItem)
		out = append(out, sample(rng, DuplicatedItems(f, rng))...)
	}
	return out
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// key of a finding on a page, line included: a mutation keeps the lines,
// or says where they went (keyAt)
func key(f lint.Finding) string { return keyAt(f, f.Line) }

// keyAt is the key of a finding of a mutated page, at line n of the page
// unmutated; the lines its message names ("the item above (line 197)")
// are left out, as a mutation that adds a line shifts them
func keyAt(f lint.Finding, n int) string {
	return fmt.Sprintf("%s|%d|%s", f.Rule, n, lineRefs.ReplaceAllString(f.Message, "line #"))
}

var lineRefs = regexp.MustCompile(`\blines? \d+(?:(?:, | and | to |-)\d+)*`)

// Lint lints the inputs with cfg's engine, then, for each page opts.Page
// keeps, each of its mutations one at a time: the page replaced by its
// mutated copy among the others (the cross-file rules see them all, as a
// run of the whole folder does), and compares the page's findings with
// its findings unmutated. Nothing is written.
func Lint(cfg *lint.Config, in []lint.Input, opts Options) ([]Outcome, error) {
	// bullet-drift is off by default (the report measures it apart): a
	// user would not see it, and it is a quarter of each run's time
	if err := cfg.Disable("bullet-drift"); err != nil {
		return nil, err
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		return nil, err
	}
	eng.KeepModels = true // prepared pages are finished again with others
	prepared := make([]*lint.Prepared, len(in))
	errs := make([]error, len(in))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				prepared[i], errs[i] = eng.Prepare(in[i])
			}
		}()
	}
	for i := range in {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	// the other pages take part through their models only
	bare := make([]*lint.Prepared, len(in))
	for i, p := range prepared {
		bare[i] = &lint.Prepared{File: p.File}
	}
	finish := func(i int, p *lint.Prepared) ([]lint.Finding, error) {
		keep := append([]*lint.Prepared(nil), bare...)
		keep[i] = p
		// the cross-file rules report on this page only (misspelling skips
		// the others' look-ups); its per-file rules ran in Prepare
		eng.Reported = func(path string) bool { return path == p.File.Path }
		defer func() { eng.Reported = nil }()
		res := eng.Finish(keep)
		if len(res.Internal) > 0 {
			return nil, res.Internal[0]
		}
		var out []lint.Finding
		for _, f := range res.Findings {
			if f.Path == p.File.Path {
				out = append(out, f)
			}
		}
		return out, nil
	}
	var outs []Outcome
	for i, p := range prepared {
		fam := p.File.Family
		if fam == nil || fam.Skipped || (opts.Page != nil && !opts.Page(p.File.Path)) {
			continue
		}
		var muts []Mutation
		if opts.Make != nil {
			muts = opts.Make(fam)
		} else {
			muts = Mutations(fam, opts)
		}
		if len(muts) == 0 {
			continue
		}
		base, err := finish(i, p)
		if err != nil {
			return nil, err
		}
		before := map[string]int{}
		for _, f := range base {
			before[key(f)]++
		}
		src := fam.Source.Text
		for _, m := range muts {
			mp, err := eng.Prepare(lint.Input{Path: in[i].Path, Data: m.Apply(src)})
			if err != nil {
				return nil, err
			}
			after, err := finish(i, mp)
			if err != nil {
				return nil, err
			}
			outs = append(outs, judge(m, before, after))
		}
	}
	return outs, nil
}

// judge compares the mutated page's findings with the page's own: a new
// finding of the class's rule on the mutation's line detects it (for a
// typo, one that suggests the word typed wrong); other new findings of
// other rules are collateral.
func judge(m Mutation, before map[string]int, after []lint.Finding) Outcome {
	o := Outcome{Mutation: m}
	seen := map[string]int{}
	expected := map[string]bool{}
	for _, r := range Rules[m.Class] {
		expected[r] = true
	}
	for _, f := range after {
		k := keyAt(f, m.Orig(f.Line))
		seen[k]++
		if seen[k] <= before[k] {
			continue // there before the mutation
		}
		if !expected[f.Rule] {
			o.Collateral = append(o.Collateral, f)
			if m.Lines(f.Line) {
				o.Elsewhere = true
			}
			continue
		}
		if !m.Lines(f.Line) {
			continue
		}
		if m.Class == Typo && !strings.Contains(strings.ToLower(f.Message), "\""+m.Want+"\"") {
			continue
		}
		o.Detected = true
	}
	if o.Detected {
		o.Elsewhere = false
	}
	return o
}

// Result is a whole run: the outcomes, in page order.
type Result struct {
	Outcomes []Outcome
	Pages    int // pages mutated
}

// Run injects the mutations into the pages of both corpora below root
// that opts.Page keeps (bench/mutate: the tuning half), lints each as the
// accuracy report lints its corpus, and returns the outcomes.
func Run(root string, opts Options) (*Result, error) {
	res := &Result{}
	err := accuracy.EachCorpus(root, func(c accuracy.Corpus, cfg *lint.Config, in []lint.Input) error {
		outs, err := Lint(cfg, in, opts)
		if err != nil {
			return fmt.Errorf("corpus %s: %w", c.Name, err)
		}
		pages := map[string]bool{}
		for _, o := range outs {
			pages[o.Page] = true
		}
		res.Pages += len(pages)
		res.Outcomes = append(res.Outcomes, outs...)
		return nil
	})
	return res, err
}

// Figures are one class's counts.
type Figures struct {
	Class      string
	Injected   int
	Detected   int
	Collateral int // other rules' new findings, summed over the mutations
	Touched    int // mutations with at least one such finding
	Elsewhere  int // misses another rule reports at the mutation's line
}

// Recall is detected / injected.
func (f Figures) Recall() float64 {
	if f.Injected == 0 {
		return 0
	}
	return float64(f.Detected) / float64(f.Injected)
}

// Tally counts the outcomes per class, in Classes order.
func Tally(outs []Outcome) []Figures {
	by := map[string]*Figures{}
	for _, c := range Classes {
		by[c] = &Figures{Class: c}
	}
	for _, o := range outs {
		f := by[o.Class]
		f.Injected++
		if o.Detected {
			f.Detected++
		}
		f.Collateral += len(o.Collateral)
		if len(o.Collateral) > 0 {
			f.Touched++
		}
		if o.Elsewhere {
			f.Elsewhere++
		}
	}
	var out []Figures
	for _, c := range Classes {
		out = append(out, *by[c])
	}
	return out
}

// CollateralRules counts the collateral findings of a class by rule, most
// first.
func CollateralRules(outs []Outcome, class string) []string {
	n := map[string]int{}
	for _, o := range outs {
		if o.Class != class {
			continue
		}
		for _, f := range o.Collateral {
			n[f.Rule]++
		}
	}
	var ids []string
	for id := range n {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return n[ids[i]] > n[ids[j]] || n[ids[i]] == n[ids[j]] && ids[i] < ids[j] })
	var out []string
	for _, id := range ids {
		out = append(out, fmt.Sprintf("%s %d", id, n[id]))
	}
	return out
}
