package rules

import (
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/yuin/goldmark/text"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

var linkCost = flag.Bool("linkcost", false, "run TestLinkCost, which measures the link rules on the corpus")

// TestLinkCost logs what the link rules cost on each corpus next to what
// goldmark alone needs to parse the same job-family files (run with -v):
// the index build (walking the roots), the alias load (reading every
// page's front matter, on the first miss), the anchors computed, and the
// whole run of the three link rules minus a run with no rules. It asserts
// nothing about time (the machine is shared).
func TestLinkCost(t *testing.T) {
	if !*linkCost {
		t.Skip("measures the link rules' cost on the corpus: run with -linkcost -v")
	}
	for _, c := range linkCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			var inputs []lint.Input
			_ = filepath.WalkDir(c.families, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
					b, _ := os.ReadFile(p)
					inputs = append(inputs, lint.Input{Path: p, Data: b})
				}
				return nil
			})
			cfg := lint.DefaultConfig()
			if c.config != "" {
				cfg, _ = lint.ParseConfig(filepath.Join(t.TempDir(), "x.yml"), []byte(c.config))
			}
			// best of seven, in CPU time of the process (user and system), one
			// engine worker: wall time means little on a shared machine
			best := func(f func()) time.Duration {
				var min time.Duration
				for i := 0; i < 7; i++ {
					runtime.GC()
					start := linkCPUTime()
					f()
					if d := linkCPUTime() - start; i == 0 || d < min {
						min = d
					}
				}
				return min
			}
			gm := best(func() {
				for _, in := range inputs {
					model.Markdown.Parser().Parse(text.NewReader(in.Data))
				}
			})
			run := func(rules ...string) *lint.Engine {
				cfg := *cfg
				cfg.Rules = map[string]*lint.RuleConfig{}
				for _, r := range lint.Rules() {
					_ = cfg.Disable(r.ID)
				}
				for _, r := range rules {
					_ = cfg.Enable(r)
				}
				eng, err := lint.NewEngine(&cfg)
				if err != nil {
					t.Fatal(err)
				}
				eng.Workers = 1
				if _, err := eng.Run(context.Background(), inputs); err != nil {
					t.Fatal(err)
				}
				return eng
			}
			var eng *lint.Engine
			bare := best(func() { run() })
			links := best(func() { eng = run("link-target", "link-fragment", "link-style") })
			env := eng.Env.Shared("links/site", func() any { return nil }).(*linkEnv)
			idx, _ := env.sites.For(inputs[0].Path)
			s := idx.Stats()
			t.Logf("%d files, CPU time: goldmark %v; run without rules %v, with the link rules %v (+%v, %.1fx goldmark)",
				len(inputs), gm, bare, links, links-bare, float64(links-bare)/float64(gm))
			t.Logf("index: %d roots, %d folders listed (whole site: %v) with %d files, %d pages, in %v; %d alias URLs read in %v; anchors of %d pages in %v (summed over workers)",
				s.Roots, s.Folders, s.Walked, s.Files, s.Pages, s.Listing, s.Aliases, s.AliasLoad, s.AnchorPages, s.AnchorTime)
			if _, ok := idx.Lookup("/"); !ok {
				t.Error("no home page")
			}
			_ = site.GitHub
		})
	}
}

// linkCPUTime is the CPU time the process has used so far.
func linkCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
