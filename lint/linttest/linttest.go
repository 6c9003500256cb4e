// Package linttest runs rules on markdown fixtures that carry their
// expectations inline, in the manner of go/analysis's analysistest:
//
//	The Staff Engineer is a [grade 7](...). <!-- want "grade 7 .* not higher" -->
//
// A want comment expects, on its own line, one finding per quoted regular
// expression (matched against "rule-id: message"). want@L names line L
// instead, and want@L:C also checks the column. In front matter, a YAML
// comment "# want "..."" does the same. Every finding must be wanted and
// every want must be found, or the test fails.
//
// A fixture folder is one run: cross-file rules see all its files. A
// .ladderlint.yml in the folder configures the run.
package linttest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Expectation is one wanted finding.
type Expectation struct {
	Path   string
	Line   int
	Column int // 0: any
	RE     *regexp.Regexp
	Raw    string
	met    bool
}

var (
	wantRE  = regexp.MustCompile(`(?:<!--|#)\s*want(?:@(\d+)(?::(\d+))?)?((?:\s+"(?:[^"\\]|\\.)*")+)\s*(?:-->)?`)
	quoteRE = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
)

// Expectations reads the want comments of one file.
func Expectations(path string, data []byte) ([]*Expectation, error) {
	var out []*Expectation
	for i, line := range strings.Split(string(data), "\n") {
		for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
			ln, col := i+1, 0
			if m[1] != "" {
				ln, _ = strconv.Atoi(m[1])
			}
			if m[2] != "" {
				col, _ = strconv.Atoi(m[2])
			}
			for _, q := range quoteRE.FindAllStringSubmatch(m[3], -1) {
				pat, err := strconv.Unquote(`"` + q[1] + `"`)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad want string: %v", path, i+1, err)
				}
				re, err := regexp.Compile(pat)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad want regexp: %v", path, i+1, err)
				}
				out = append(out, &Expectation{Path: path, Line: ln, Column: col, RE: re, Raw: pat})
			}
		}
	}
	return out, nil
}

// Run lints the fixture folder dir with only the given rules enabled and
// checks the findings against the want comments. It returns the result for
// further checks.
func Run(t testing.TB, dir string, rules ...string) *lint.Result {
	t.Helper()
	cfg := lint.DefaultConfig()
	if p := filepath.Join(dir, lint.ConfigFileName); fileExists(p) {
		c, err := lint.LoadConfig(p)
		if err != nil {
			t.Fatalf("fixture config: %v", err)
		}
		cfg = c
	}
	return RunConfig(t, cfg, dir, rules...)
}

// RunConfig is Run with a given config.
func RunConfig(t testing.TB, cfg *lint.Config, dir string, rules ...string) *lint.Result {
	t.Helper()
	only(t, cfg, rules)
	var inputs []lint.Input
	var wants []*Expectation
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		inputs = append(inputs, lint.Input{Path: p, Data: data})
		ws, err := Expectations(lint.DisplayPath(p), data)
		if err != nil {
			return err
		}
		wants = append(wants, ws...)
		return nil
	})
	if err != nil {
		t.Fatalf("reading fixtures: %v", err)
	}
	if len(inputs) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	lint.SortInputs(inputs)
	res := RunInputs(t, cfg, inputs)
	Check(t, res.Findings, wants)
	return res
}

// Lint runs the given rules on in-memory files and returns the findings,
// without checking expectations.
func Lint(t testing.TB, cfg *lint.Config, files map[string]string, rules ...string) *lint.Result {
	t.Helper()
	return lintFiles(t, cfg, files, rules, false)
}

// lintFiles runs the rules on in-memory files, keeping the models or not.
func lintFiles(t testing.TB, cfg *lint.Config, files map[string]string, rules []string, keep bool) *lint.Result {
	t.Helper()
	if cfg == nil {
		cfg = lint.DefaultConfig()
	}
	only(t, cfg, rules)
	var inputs []lint.Input
	for p, s := range files {
		inputs = append(inputs, lint.Input{Path: p, Data: []byte(s)})
	}
	lint.SortInputs(inputs)
	return runInputs(t, cfg, inputs, keep)
}

func only(t testing.TB, cfg *lint.Config, rules []string) {
	t.Helper()
	keep := map[string]bool{}
	for _, r := range rules {
		if lint.Lookup(r) == nil {
			t.Fatalf("unknown rule %q", r)
		}
		keep[r] = true
	}
	for _, r := range lint.Rules() {
		if !keep[r.ID] {
			if err := cfg.Disable(r.ID); err != nil {
				t.Fatal(err)
			}
		} else if cfg.Severity(r) == 0 {
			if err := cfg.Enable(r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// RunInputs lints inputs with cfg through the engine, as lint does, and
// fails the test on an engine error or an internal error of a rule.
func RunInputs(t testing.TB, cfg *lint.Config, inputs []lint.Input) *lint.Result {
	t.Helper()
	return runInputs(t, cfg, inputs, false)
}

// LintKeepModels is Lint for a test that reads the pages' models after the
// run (lint.Engine.KeepModels): a run that does not keep them slims each
// page once its per-file rules have run.
func LintKeepModels(t testing.TB, cfg *lint.Config, files map[string]string, rules ...string) *lint.Result {
	t.Helper()
	return lintFiles(t, cfg, files, rules, true)
}

func runInputs(t testing.TB, cfg *lint.Config, inputs []lint.Input, keep bool) *lint.Result {
	t.Helper()
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	eng.KeepModels = keep
	res, err := eng.Run(context.Background(), inputs)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, e := range res.Internal {
		t.Errorf("%v", e)
	}
	return res
}

// Check matches findings against expectations: every finding must match a
// want on its line (and column, when given), every want must be met.
func Check(t testing.TB, findings []lint.Finding, wants []*Expectation) {
	t.Helper()
	var unexpected []string
	for _, f := range findings {
		text := f.Rule + ": " + f.Message
		matched := false
		for _, w := range wants {
			if w.met || w.Path != f.Path || w.Line != f.Line || (w.Column != 0 && w.Column != f.Column) {
				continue
			}
			if w.RE.MatchString(text) {
				w.met, matched = true, true
				break
			}
		}
		if !matched {
			unexpected = append(unexpected, fmt.Sprintf("%s:%d:%d: unexpected finding %s", f.Path, f.Line, f.Column, text))
		}
	}
	sort.Strings(unexpected)
	for _, u := range unexpected {
		t.Error(u)
	}
	for _, w := range wants {
		if !w.met {
			col := ""
			if w.Column != 0 {
				col = fmt.Sprintf(":%d", w.Column)
			}
			t.Errorf("%s:%d%s: no finding matching %q", w.Path, w.Line, col, w.Raw)
		}
	}
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
