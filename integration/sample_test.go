// Package integration holds the integration suite (run.sh, which .ci/run
// calls after the Go tests) and the Go tests that keep the sample handbook,
// the README's list of what it plants, and docs/ci.md true.
package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/multiset"
	"gitlab.com/ladderlint/ladderlint/lint"
	_ "gitlab.com/ladderlint/ladderlint/rules" // registers every rule
)

const (
	root         = ".."
	sampleFamily = "testdata/handbook/content/job-families"
	sampleTree   = "testdata/handbook/content"
	plantedPage  = "people-group/example-coordinator.md"
	readmeCmd    = "go run ./cmd/ladderlint lint " + sampleFamily
)

var ladderlintBin string

// TestMain builds ladderlint once from this checkout, as the README's
// `go run` does.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ladderlint-integration-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ladderlintBin = filepath.Join(dir, "ladderlint")
	build := exec.Command("go", "build", "-o", ladderlintBin, "./cmd/ladderlint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type finding struct {
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// lintJSON runs ladderlint from the repository root on paths and returns
// its findings.
func lintJSON(t *testing.T, paths ...string) []finding {
	t.Helper()
	cmd := exec.Command(ladderlintBin, append([]string{"lint", "--format", "json", "--fail-on", "never"}, paths...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ladderlint lint %v: %v", paths, err)
	}
	var rep struct{ Findings []finding }
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

// listed is one finding as the README lists it: page under
// content/job-families/, rule, line.
type listed struct {
	Page, Rule string
	Line       int
}

func (l listed) String() string { return fmt.Sprintf("%s:%d %s", l.Page, l.Line, l.Rule) }

var tableRow = regexp.MustCompile("^\\| `([^`]+)` \\| `([a-z-]+)` \\| ([0-9, ]+) \\|")

// readmeList reads the rows of the tables between the sample-findings
// markers of README.md.
func readmeList(t *testing.T) []listed {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "<!-- sample-findings")
	end := strings.Index(text, "<!-- /sample-findings -->")
	if start < 0 || end < start {
		t.Fatal("README.md has no <!-- sample-findings --> ... <!-- /sample-findings --> list")
	}
	var out []listed
	for _, line := range strings.Split(text[start:end], "\n") {
		m := tableRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, n := range strings.Split(m[3], ",") {
			num, err := strconv.Atoi(strings.TrimSpace(n))
			if err != nil {
				t.Fatalf("README.md: %q: line %q is not a number", line, n)
			}
			out = append(out, listed{m[1], m[2], num})
		}
	}
	if len(out) == 0 {
		t.Fatal("README.md: the sample-findings list has no rows")
	}
	return out
}

// TestSampleFindingsListed runs the README's main command and compares
// what it prints with the README's list of what the sample plants, in
// both directions.
func TestSampleFindingsListed(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), readmeCmd) {
		t.Fatalf("README.md no longer gives the main command %q", readmeCmd)
	}
	var got []listed
	for _, f := range lintJSON(t, sampleFamily) {
		got = append(got, listed{strings.TrimPrefix(f.Path, sampleFamily+"/"), f.Rule, f.Line})
	}
	want := readmeList(t)
	unlisted, absent := multiset.Minus(got, want), multiset.Minus(want, got)
	if len(unlisted) > 0 || len(absent) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "the sample's findings differ from README.md's list (%d printed, %d listed)", len(got), len(want))
		for _, l := range unlisted {
			fmt.Fprintf(&b, "\n  printed, not listed: %s", l)
		}
		for _, l := range absent {
			fmt.Fprintf(&b, "\n  listed, not printed: %s", l)
		}
		b.WriteString("\n(after a rule change, update the list in README.md from `" + readmeCmd + "`)")
		t.Error(b.String())
	}
}

// TestSamplePlantsEachFamilyOnce: the written page shows every rule family,
// and no defect is printed twice (one rule, one place, one message).
func TestSamplePlantsEachFamilyOnce(t *testing.T) {
	findings := lintJSON(t, sampleFamily)
	seen := map[string]bool{}
	families := map[lint.Category]bool{}
	for _, f := range findings {
		at := fmt.Sprintf("%s:%d:%d %s: %s", f.Path, f.Line, f.Column, f.Rule, f.Message)
		if seen[at] {
			t.Errorf("printed twice: %s", at)
		}
		seen[at] = true
		if strings.HasSuffix(f.Path, "/"+plantedPage) {
			r := lint.Lookup(f.Rule)
			if r == nil {
				t.Fatalf("unknown rule %s", f.Rule)
			}
			families[r.Category] = true
		}
	}
	for _, c := range lint.Categories {
		if !families[c] {
			t.Errorf("%s plants nothing of the %s rules", plantedPage, c)
		}
	}
}

// TestSampleLinksResolve: every page of the sample, job family or not,
// links only to pages and headings the sample holds; the link findings
// left are the README's (planted, or real ones of real pages).
func TestSampleLinksResolve(t *testing.T) {
	want := readmeList(t)
	for _, f := range lintJSON(t, sampleTree) {
		if f.Rule != "link-target" && f.Rule != "link-fragment" {
			continue
		}
		l := listed{strings.TrimPrefix(f.Path, sampleFamily+"/"), f.Rule, f.Line}
		if !strings.HasPrefix(f.Path, sampleFamily+"/") || !slices.Contains(want, l) {
			t.Errorf("%s:%d:%d: %s: %s: add the page (or a stub that says so) to the sample, or list the finding in README.md", f.Path, f.Line, f.Column, f.Rule, f.Message)
		}
	}
}
