package rules

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// BenchmarkRuleCost runs the engine on the job-family pages of both
// corpora (read once, before the timer) with no rule, then with each rule
// the profile of issue 14's workload put at the top, alone, on one worker:
// a rule's cost is its run minus the run with no rule (the read-in pages'
// models). bench/RESULTS.md has figures.
//
//	go test ./rules -run XXX -bench BenchmarkRuleCost -benchtime 3x
func BenchmarkRuleCost(b *testing.B) {
	var inputs []lint.Input
	for _, d := range []string{"gitlab-handbook/content/job-families", "www-gitlab-com-2022/sites/uncategorized/source/job-families"} {
		_ = filepath.WalkDir(filepath.Join("../../shared/corpus", d), func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".md.erb")) {
				data, _ := os.ReadFile(p)
				inputs = append(inputs, lint.Input{Path: p, Data: data})
			}
			return nil
		})
	}
	if len(inputs) == 0 {
		b.Skip("corpus not found at ../../shared/corpus: skipping")
	}
	for _, id := range []string{"", "term-consistency", "level-copy", "required-bullet", "misspelling", "location-requirement", "years-of-experience", "required-sections", "link-fragment"} {
		name := id
		if name == "" {
			name = "none"
		}
		b.Run(name, func(b *testing.B) {
			cfg := *lint.DefaultConfig()
			cfg.Rules = map[string]*lint.RuleConfig{}
			for _, r := range lint.Rules() {
				_ = cfg.Disable(r.ID)
			}
			if id != "" {
				if err := cfg.Enable(id); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				eng, err := lint.NewEngine(&cfg)
				if err != nil {
					b.Fatal(err)
				}
				eng.Workers = 1
				if _, err := eng.Run(context.Background(), inputs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
