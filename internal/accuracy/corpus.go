// Package accuracy is the accuracy yardstick: it lints the checking half of
// the real job-family pages in the shared corpus, matches the findings
// against hand-written labels (recall) and blind verdicts (precision), and
// samples unjudged findings for the next judges. bench/accuracy prints its
// report; a test holds the figures to the floor recorded in
// bench/accuracy-floor.json. testdata/accuracy/README.md describes the
// method.
package accuracy

import (
	"context"
	"fmt"
	"gitlab.com/ladderlint/ladderlint/internal/split"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gitlab.com/ladderlint/ladderlint/lint"
	_ "gitlab.com/ladderlint/ladderlint/rules" // registers every rule
)

// Corpus is one tree of the shared corpus and how a user lints it.
type Corpus struct {
	Name string
	// Families is the job-family folder, relative to the corpus root; it is
	// linted as a whole, as a user would lint it.
	Families string
	// Config is the .ladderlint.yml text the run uses ("": the defaults).
	Config string
}

// Corpora are the two trees: the Hugo handbook (default layout, content
// root gitlab-handbook/content found above the pages) and the 2022
// Middleman site (its preset, which serves the whole site for links).
var Corpora = []Corpus{
	{Name: "gitlab-handbook", Families: "gitlab-handbook/content/job-families"},
	{Name: "www-gitlab-com-2022", Families: "www-gitlab-com-2022/sites/uncategorized/source/job-families",
		Config: "site:\n  layout: middleman\n"},
}

// Checking reports whether a page is in the checking half: the lowest bit
// of the first byte of the SHA-256 of its path relative to the corpus root
// (with '/') is 1. The other pages are the tuning half.
// Tuning, when set, makes the report measure the tuning half instead:
// the rule authors' own yardstick while they tune (its labels and
// verdicts are kept apart, in labels-tuning.jsonl and
// verdicts-tuning.jsonl). The checking half's figures are never computed
// then.
var Tuning bool

// Measured reports whether a page is in the half being measured.
func Measured(rel string) bool { return Checking(rel) != Tuning }

func Checking(rel string) bool { return split.Checking(rel) }

// Page is one job-family page of the corpus.
type Page struct {
	Path   string // relative to the corpus root, with '/'
	Size   int64
	Check  bool // in the checking half
	Corpus string
}

// FamilyKey names a job-family page by its place under job-families/,
// the same in both corpora: "finance/billing" for the Hugo page
// job-families/finance/billing.md and for the 2022 page
// job-families/finance/billing/index.html.md (or _index.md, .md.erb),
// underscores read as hyphens. A page outside job-families/ keys as its
// whole path.
func FamilyKey(rel string) string {
	if _, after, ok := strings.Cut(rel, "/job-families/"); ok {
		rel = after
	}
	for _, suf := range []string{"/index.html.md.erb", "/index.html.md", "/_index.md", ".md.erb", ".md"} {
		if t, ok := strings.CutSuffix(rel, suf); ok {
			rel = t
			break
		}
	}
	return strings.ReplaceAll(rel, "_", "-")
}

// Twins marks the pages whose family (FamilyKey) has a page in the other
// half: the same job family kept in both corpora, its 2022 version in one
// half and its later version in the other. Tuning on one shows the rule
// author much of the other's text, so the report measures the half
// without them too. A family renamed or moved between the corpora is not
// found: the count is a lower bound.
func Twins(pages []Page) map[string]bool {
	halves := map[string][2]bool{}
	for _, p := range pages {
		h := halves[FamilyKey(p.Path)]
		if p.Check {
			h[0] = true
		} else {
			h[1] = true
		}
		halves[FamilyKey(p.Path)] = h
	}
	out := map[string]bool{}
	for _, p := range pages {
		if h := halves[FamilyKey(p.Path)]; h[0] && h[1] {
			out[p.Path] = true
		}
	}
	return out
}

// SplitText renders pages as /work/labels/split.txt does: one line
// "check|tune SIZE PATH" per page, sorted by path.
func SplitText(pages []Page) string {
	ps := append([]Page(nil), pages...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Path < ps[j].Path })
	var b strings.Builder
	for _, p := range ps {
		half := "tune"
		if p.Check {
			half = "check"
		}
		fmt.Fprintf(&b, "%s %d %s\n", half, p.Size, p.Path)
	}
	return b.String()
}

// cwdMu serializes the runs that change the working folder.
var cwdMu sync.Mutex

// inCorpus runs fn with the working folder at the corpus root, so that
// paths (and so fingerprints) are relative to it whatever folder the
// command or test runs from: a finding's fingerprint is the one a user
// linting from the corpus root gets. It changes the process's working
// folder for the duration: nothing else may depend on it meanwhile.
func inCorpus(root string, fn func() error) error {
	cwdMu.Lock()
	defer cwdMu.Unlock()
	abs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return fmt.Errorf("corpus folder %s not found (-corpus names it)", root)
	}
	if err := os.Chdir(abs); err != nil {
		return err
	}
	defer os.Chdir(wd)
	return fn()
}

func (c Corpus) config() (*lint.Config, error) {
	cfg := lint.DefaultConfig()
	if c.Config != "" {
		abs, err := filepath.Abs(lint.ConfigFileName)
		if err != nil {
			return nil, err
		}
		if cfg, err = lint.ParseConfig(abs, []byte(c.Config)); err != nil {
			return nil, err
		}
	}
	for _, id := range OffByMeasure {
		if err := cfg.Enable(id); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// OffByMeasure are the rules off by default because their measured
// precision was too low: still measured, so that the reference shows why
// and a better version can earn its place back.
var OffByMeasure = []string{"bullet-drift"}

// inputs lists the corpus's pages the way the command line does for a
// folder argument. It runs inside the corpus root.
func (c Corpus) inputs(cfg *lint.Config) ([]lint.Input, error) {
	if _, err := os.Stat(c.Families); err != nil {
		return nil, fmt.Errorf("corpus %s: %w", c.Name, err)
	}
	in, err := lint.Collect(cfg, []string{c.Families})
	if err != nil {
		return nil, err
	}
	lint.SortInputs(in)
	return in, nil
}

// load is the corpus's config and its pages, as the command line lists them.
func (c Corpus) load() (*lint.Config, []lint.Input, error) {
	cfg, err := c.config()
	if err != nil {
		return nil, nil, err
	}
	in, err := c.inputs(cfg)
	return cfg, in, err
}

// pages appends the corpus's inputs to out as pages, with size and half.
func (c Corpus) pages(in []lint.Input, out []Page) ([]Page, error) {
	for _, i := range in {
		st, err := os.Stat(i.Path)
		if err != nil {
			return out, err
		}
		p := filepath.ToSlash(filepath.Clean(i.Path))
		out = append(out, Page{Path: p, Size: st.Size(), Check: Checking(p), Corpus: c.Name})
	}
	return out, nil
}

// Pages lists the job-family pages of both corpora below root, with their
// half.
func Pages(root string) ([]Page, error) {
	var out []Page
	err := inCorpus(root, func() error {
		for _, c := range Corpora {
			_, in, err := c.load()
			if err != nil {
				return err
			}
			if out, err = c.pages(in, out); err != nil {
				return err
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// Run is the lint of both corpora, reduced to the checking half.
type Run struct {
	Pages    []Page         // every job-family page, both halves
	Rules    []string       // the rules that ran (the defaults), sorted
	Findings []lint.Finding // on checking-half pages only; Path relative to the corpus root
	// roles maps a checking-half page to its role headings: line -> title.
	roles map[string]map[int]string
	// lines is the number of lines of each checking-half page.
	lines map[string]int
}

// CheckingPages returns the number of checking-half pages.
func (r *Run) CheckingPages() int {
	n := 0
	for _, p := range r.Pages {
		if p.Check != Tuning {
			n++
		}
	}
	return n
}

// HalfName names the half measured.
func HalfName() string {
	if Tuning {
		return "tuning half"
	}
	return "checking half"
}

// RoleAt returns the title of the role whose heading is on a line of a
// checking-half page, or "".
func (r *Run) RoleAt(page string, line int) string { return r.roles[page][line] }

// roleLine returns the line of the role heading that is the last at or
// above a line of a page (0 before the first role): the role the line is
// in. Headings of sections below a role are not roles, so a Requirements
// heading's line gives the role above it.
func (r *Run) roleLine(page string, line int) int {
	at := 0
	for l := range r.roles[page] {
		if l <= line && l > at {
			at = l
		}
	}
	return at
}

// Lint lints each corpus below root as a whole, with every default rule,
// the way a user would (cross-file rules see the whole folder), and keeps
// the findings on checking-half pages.
func Lint(root string) (*Run, error) {
	run := &Run{roles: map[string]map[int]string{}, lines: map[string]int{}}
	rules := map[string]bool{}
	err := inCorpus(root, func() error {
		for _, c := range Corpora {
			cfg, in, err := c.load()
			if err != nil {
				return err
			}
			eng, err := lint.NewEngine(cfg)
			if err != nil {
				return err
			}
			for _, id := range eng.Enabled() {
				rules[id] = true
			}
			res, err := eng.Run(context.Background(), in)
			if err != nil {
				return err
			}
			if len(res.Internal) > 0 {
				return fmt.Errorf("corpus %s: %v", c.Name, res.Internal[0])
			}
			if run.Pages, err = c.pages(in, run.Pages); err != nil {
				return err
			}
			for _, fr := range res.Files {
				if fr.Family == nil || !Measured(fr.Path) {
					continue
				}
				m := map[int]string{}
				for _, role := range fr.Family.Roles {
					if role.Heading != nil {
						m[fr.Family.Source.Position(role.Heading.Span.Start).Line] = role.Title
					}
				}
				run.roles[fr.Path] = m
				run.lines[fr.Path] = fr.Family.Source.Lines()
			}
			for _, f := range res.Findings {
				if Measured(f.Path) {
					run.Findings = append(run.Findings, f)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for id := range rules {
		run.Rules = append(run.Rules, id)
	}
	sort.Strings(run.Rules)
	sort.Slice(run.Pages, func(i, j int) bool { return run.Pages[i].Path < run.Pages[j].Path })
	return run, nil
}

// EachCorpus runs fn on each corpus below root with its config and pages,
// as the report lints them (the same presets, the rules off by default
// that the report measures), inside the corpus root so that paths are
// relative to it: for tools that lint the corpus another way (bench/mutate
// lints tuning-half pages with defects put in). Nothing is written there.
func EachCorpus(root string, fn func(c Corpus, cfg *lint.Config, in []lint.Input) error) error {
	return inCorpus(root, func() error {
		for _, c := range Corpora {
			cfg, in, err := c.load()
			if err != nil {
				return err
			}
			if err := fn(c, cfg, in); err != nil {
				return err
			}
		}
		return nil
	})
}
