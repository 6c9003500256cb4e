package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// TestCacheCorpusSameFindings lints the Hugo corpus's job families as a
// pre-commit run would (every tenth page reported, the others giving the
// cross-file rules their summaries) three ways: without a cache, with an
// empty one, and with the one the run before wrote. (Full runs:
// cmd/ladderlint's TestCacheNeverStale.) The findings must be the same, and the third run must take
// summaries from the cache.
func TestCacheCorpusSameFindings(t *testing.T) {
	root := "../../shared/corpus/gitlab-handbook/content/job-families"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s: skipping", root)
	}
	if testing.Short() {
		t.Skip("lints the corpus three times: skipped with -short")
	}
	var inputs []lint.Input
	_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
			inputs = append(inputs, lint.Input{Path: p})
		}
		return nil
	})
	reported := map[string]bool{}
	for i, in := range inputs {
		if i%10 == 0 {
			reported[lint.DisplayPath(in.Path)] = true
		}
	}
	dir := t.TempDir()
	for _, precommit := range []bool{true} {
		var runs []string
		var hits int
		for i, cached := range []bool{false, true, true} {
			eng, err := lint.NewEngine(lint.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			if precommit {
				eng.Reported = func(p string) bool { return reported[p] }
			}
			if cached {
				eng.Cache = eng.OpenCache(dir)
			}
			res, err := eng.Run(context.Background(), inputs)
			if err != nil {
				t.Fatal(err)
			}
			if cached {
				if err := eng.Cache.Save(); err != nil {
					t.Fatal(err)
				}
				if i == 2 {
					hits, _ = eng.Cache.Stats()
				}
			}
			var b strings.Builder
			for _, f := range res.Findings {
				fmt.Fprintf(&b, "%s:%d:%d-%d:%d %s %s %s %s %s\n", f.Path, f.Line, f.Column, f.EndLine, f.EndColumn, f.Rule, f.Severity, f.Fingerprint, f.Role, f.Message)
			}
			runs = append(runs, b.String())
		}
		if runs[0] == "" {
			t.Fatalf("precommit %v: no findings", precommit)
		}
		for i := 1; i < 3; i++ {
			if runs[i] != runs[0] {
				t.Errorf("precommit %v, cached run %d: findings differ from a run without the cache", precommit, i)
			}
		}
		if precommit && hits < len(inputs)/2 {
			t.Errorf("pre-commit run with a filled cache: %d of %d pages from the cache", hits, len(inputs))
		}
	}
}
