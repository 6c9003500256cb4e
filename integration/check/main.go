// Command check reads the reports a CI job left (ladderlint.json,
// ladderlint-junit.xml, gl-code-quality-report.json) and compares them
// with JSON reports of ladderlint run directly, for integration/run.sh.
//
//	check -dir ARTIFACTS -findings WANT.json [-codequality FULL.json] [-only PATH]
//	      [-base BASE-CODEQUALITY.json -resolved N]
//
// The JSON and JUnit reports must hold the findings of -findings, and the
// Code Quality report those of -codequality (default: -findings), each
// finding once. With -only, every finding of -findings is in that file and
// there is at least one. With -base, the report is compared with a base
// pipeline's Code Quality report as GitLab's widget does, by fingerprint:
// what is new must be the findings of -findings, and N findings resolved.
// It prints one line per check and exits 1 when one fails.
package main

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/internal/multiset"
)

type finding struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Fingerprint string `json:"fingerprint"`
}

func (f finding) key() string { return fmt.Sprintf("%s:%d %s", f.Path, f.Line, f.Rule) }

type cqIssue struct {
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func (c cqIssue) key() string {
	return fmt.Sprintf("%s:%d %s", c.Location.Path, c.Location.Lines.Begin, c.CheckName)
}

var failed bool

func report(ok bool, format string, args ...any) {
	status := "ok  "
	if !ok {
		status, failed = "FAIL", true
	}
	fmt.Printf("  %s %s\n", status, fmt.Sprintf(format, args...))
}

func main() {
	dir := flag.String("dir", "", "folder holding the job's artifacts")
	want := flag.String("findings", "", "JSON report of the findings the log, JSON and JUnit reports must hold")
	wantCQ := flag.String("codequality", "", "JSON report of the findings the Code Quality report must hold (default: -findings)")
	only := flag.String("only", "", "the one file every finding of -findings must be in")
	base := flag.String("base", "", "the base pipeline's Code Quality report, to compare with as GitLab's widget does")
	resolved := flag.Int("resolved", 0, "with -base: how many findings the widget must list as resolved")
	flag.Parse()
	if *dir == "" || *want == "" {
		fmt.Fprintln(os.Stderr, "usage: check -dir ARTIFACTS -findings WANT.json [-codequality FULL.json] [-only PATH] [-base CQ.json -resolved N]")
		os.Exit(2)
	}
	if *wantCQ == "" {
		*wantCQ = *want
	}
	findings := readReport(*want)
	full := readReport(*wantCQ)

	if *only != "" {
		var elsewhere []string
		for _, f := range findings {
			if f.Path != *only {
				elsewhere = append(elsewhere, f.key())
			}
		}
		report(len(findings) > 0 && len(elsewhere) == 0, "%d finding(s), all in %s (elsewhere: %s)", len(findings), *only, some(elsewhere))
	}

	// ladderlint.json
	got := readReport(filepath.Join(*dir, "ladderlint.json"))
	compare("ladderlint.json", fingerprints(got), fingerprints(findings))

	// JUnit: every finding is a line of its test case's failure
	compare("ladderlint-junit.xml", junitFindings(filepath.Join(*dir, "ladderlint-junit.xml")), keys(findings))

	// Code Quality
	var cq []cqIssue
	readJSON(filepath.Join(*dir, "gl-code-quality-report.json"), &cq)
	var cqKeys, cqFPs []string
	for _, c := range cq {
		cqKeys = append(cqKeys, c.key())
		cqFPs = append(cqFPs, c.Fingerprint)
	}
	compare("gl-code-quality-report.json", cqFPs, fingerprints(full))
	compare("gl-code-quality-report.json (path, line, rule)", cqKeys, keys(full))

	if *base != "" {
		var baseCQ []cqIssue
		readJSON(*base, &baseCQ)
		var baseFPs []string
		for _, c := range baseCQ {
			baseFPs = append(baseFPs, c.Fingerprint)
		}
		compare("Code Quality widget: new findings", minus(cqFPs, baseFPs), fingerprints(findings))
		gone := minus(baseFPs, cqFPs)
		report(len(gone) == *resolved, "Code Quality widget: %d resolved, want %d", len(gone), *resolved)
	}
	if failed {
		os.Exit(1)
	}
}

func readJSON(path string, v any) {
	data, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		report(false, "%s: %v", path, err)
		os.Exit(1)
	}
}

func readReport(path string) []finding {
	var r struct {
		Findings *[]finding `json:"findings"`
	}
	readJSON(path, &r)
	if r.Findings == nil {
		report(false, "%s: not a ladderlint JSON report", path)
		os.Exit(1)
	}
	return *r.Findings
}

var findingLine = regexp.MustCompile(`^(\S+):(\d+):\d+: (?:error|warning|info) (\S+): `)

// junitFindings returns "path:line rule" for every finding line of every
// failure, and checks that each lies in its own test case.
func junitFindings(path string) []string {
	var doc struct {
		Suites []struct {
			Cases []struct {
				File     string `xml:"file,attr"`
				Name     string `xml:"name,attr"`
				Failures []struct {
					Body string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	data, err := os.ReadFile(path)
	if err == nil {
		err = xml.Unmarshal(data, &doc)
	}
	if err != nil {
		report(false, "%s: %v", path, err)
		os.Exit(1)
	}
	var out []string
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			for _, f := range c.Failures {
				for _, line := range strings.Split(f.Body, "\n") {
					m := findingLine.FindStringSubmatch(line)
					if m == nil {
						continue
					}
					if m[1] != c.File || m[3] != c.Name {
						report(false, "%s: finding %q in the test case of %s, %s", path, line, c.File, c.Name)
					}
					out = append(out, m[1]+":"+m[2]+" "+m[3])
				}
			}
		}
	}
	return out
}

func fingerprints(fs []finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Fingerprint)
	}
	return out
}

func keys(fs []finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.key())
	}
	return out
}

// minus returns the items of a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// compare checks that got and want hold the same items, as many times
// each, and says which differ.
func compare(what string, got, want []string) {
	extra, missing := multiset.Minus(got, want), multiset.Minus(want, got)
	if len(extra) == 0 && len(missing) == 0 {
		report(true, "%s: %d finding(s), as expected", what, len(got))
		return
	}
	report(false, "%s: %d findings, want %d; unexpected %s; missing %s", what, len(got), len(want), some(extra), some(missing))
}

// some lists up to 10 items, and how many more there are.
func some(items []string) string {
	if len(items) <= 10 {
		return fmt.Sprint(items)
	}
	return fmt.Sprintf("%v and %d more", items[:10], len(items)-10)
}
