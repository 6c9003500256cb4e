package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// misspellingFixGolden lists every word misspelling's --fix changes on both
// corpora, "page:line: old -> new". A reviewer checks each line: a word
// --fix would write wrong is a bug (issue 19, item 1).
const misspellingFixGolden = "testdata/misspelling/fixes.golden"

var fixDiffRE = regexp.MustCompile(`^\[-(.*)-\]\{\+(.*)\+\}$`)

// TestMisspellingFixGolden runs misspelling over both corpora and compares
// the words its fixes change with the reviewed golden list. Run with
// -update to rewrite the list, then review the diff line by line.
func TestMisspellingFixGolden(t *testing.T) {
	var lines []string
	for _, dir := range []string{"gitlab-handbook/content/job-families", "www-gitlab-com-2022/sites/uncategorized/source/job-families"} {
		inputs := corpusInputs(t, dir)
		cfg := lint.DefaultConfig()
		enableOnly(t, cfg, []string{"misspelling"})
		res := linttest.RunInputs(t, cfg, inputs)
		root := filepath.Join("..", "..", "shared", "corpus")
		for _, f := range res.Findings {
			if len(f.Fixes) == 0 {
				continue
			}
			m := fixDiffRE.FindStringSubmatch(f.Diff)
			if m == nil || len(f.Fixes) != 1 || f.Fixes[0].New != m[2] {
				t.Errorf("%s:%d: a fix without its word diff: %q %+v", f.Path, f.Line, f.Diff, f.Fixes)
				continue
			}
			rel, err := filepath.Rel(root, f.Path)
			if err != nil {
				rel = f.Path
			}
			lines = append(lines, fmt.Sprintf("%s:%d: %s -> %s", filepath.ToSlash(rel), f.Line, m[1], m[2]))
		}
	}
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.WriteFile(misspellingFixGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(misspellingFixGolden)
	if err != nil {
		t.Fatalf("%v (run with -update, then review the list)", err)
	}
	if got != string(want) {
		t.Errorf("misspelling's fixes on the corpora changed: run `go test ./rules -run TestMisspellingFixGolden -update` and review the diff of %s\n%s",
			misspellingFixGolden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in a ("-") and only in b ("+").
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !inb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ina[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
