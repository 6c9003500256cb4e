package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// TestCacheCorpusSameFindings lints the Hugo corpus's job families as a
// pre-commit run would (every tenth page reported, the others giving the
// cross-file rules their summaries) three ways: without a cache, with an
// empty one, and with the one the run before wrote. (Full runs:
// cmd/ladderlint's TestCacheNeverStale.) The findings must be the same,
// and the third run must take summaries from the cache and model only the
// reported pages: it parses (model.ParseCount) at least one page fewer
// than the uncached run for each unreported page.
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
		var parsed []int64
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
			before := model.ParseCount()
			res, err := eng.Run(context.Background(), inputs)
			if err != nil {
				t.Fatal(err)
			}
			parsed = append(parsed, model.ParseCount()-before)
			if i == 2 {
				for _, fr := range res.Files {
					if fr.Summarized == reported[fr.Path] || fr.Summarized && len(fr.Family.Source.Text) > 0 {
						t.Errorf("%s (reported: %v): from the cache alone: %v, with a text of %d bytes", fr.Path, reported[fr.Path], fr.Summarized, len(fr.Family.Source.Text))
					}
				}
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
		// beyond the linted pages, a run parses the pages that hold grade
		// tables (fewer when the unreported pages' grade links are not
		// followed)
		if precommit && parsed[2]-int64(len(reported)) > parsed[0]-int64(len(inputs)) {
			t.Errorf("pre-commit run with a filled cache: %d pages modelled, %d without the cache: want at most %d (the %d reported pages and the grade tables' pages)",
				parsed[2], parsed[0], parsed[0]-int64(len(inputs)-len(reported)), len(reported))
		}
	}
}
