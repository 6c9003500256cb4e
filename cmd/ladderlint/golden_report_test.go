package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden-reports.txt from the current reports")

// goldenCorpora are the job-family folders of both corpora, relative to
// this package, as the report golden file names them.
var goldenCorpora = []string{
	"../../../shared/corpus/gitlab-handbook/content/job-families",
	"../../../shared/corpus/www-gitlab-com-2022/sites/uncategorized/source/job-families",
}

const goldenFile = "testdata/golden-reports.txt"

// TestReportsUnchanged lints the job-family pages of both corpora with the
// default rules and compares the JSON reports, byte for byte (by SHA-256),
// with the ones recorded in testdata/golden-reports.txt. Work on the
// engine's speed and memory must leave every report as it was; when a rule
// change is meant to change findings, rerun with -update and say so in the
// commit:
//
//	go test ./cmd/ladderlint -run TestReportsUnchanged -update
//
// The golden file also keeps the count of findings per rule, so that a
// mismatch says which rules changed.
func TestReportsUnchanged(t *testing.T) {
	for _, d := range goldenCorpora {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("corpus not found at %s: skipping", d)
		}
	}
	if testing.Short() {
		t.Skip("lints both corpora: skipped with -short")
	}
	var got strings.Builder
	for _, d := range goldenCorpora {
		code, out, errOut := run(t, nil, "lint", "--format", "json", "--fail-on", "never", d)
		if code != 0 {
			t.Fatalf("lint %s: exit %d; stderr %s", d, code, errOut)
		}
		sum := sha256.Sum256([]byte(out))
		fmt.Fprintf(&got, "corpus %s sha256 %s\n", filepath.ToSlash(d), hex.EncodeToString(sum[:]))
		var rep struct {
			Files    int `json:"files"`
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("lint %s: report is not JSON: %v", d, err)
		}
		counts := map[string]int{}
		for _, f := range rep.Findings {
			counts[f.Rule]++
		}
		rules := make([]string, 0, len(counts))
		for r := range counts {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		fmt.Fprintf(&got, "  files %d findings %d\n", rep.Files, len(rep.Findings))
		for _, r := range rules {
			fmt.Fprintf(&got, "  %s %d\n", r, counts[r])
		}
	}
	if *updateGolden {
		if err := os.WriteFile(goldenFile, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if got.String() != string(want) {
		t.Errorf("reports differ from %s (rerun with -update only when a rule change is meant to change them)\n%s",
			goldenFile, lineDiff(string(want), got.String()))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
