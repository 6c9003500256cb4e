// Package report writes a run's findings in the formats CI systems and
// people read: text, JSON, JUnit XML, GitLab Code Quality and SARIF. Each
// format is one Reporter in a file of its own, writing to an injected
// io.Writer; output is sorted and deterministic.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Report is what a reporter prints: the run's files, findings and the rules
// that ran.
type Report struct {
	Tool     string
	Version  string
	Files    []*lint.FileResult
	Findings []lint.Finding
	Rules    []*lint.Rule // the rules that ran, for catalogs and passing test cases
	Notes    []lint.Note  // what the run did not check, and why
}

// Options tune reporters.
type Options struct {
	Color bool // ANSI colour in text output
	// CodeQualitySeverity maps our severities to GitLab Code Quality ones
	// (info, minor, major, critical, blocker).
	CodeQualitySeverity map[lint.Severity]string
}

// Reporter writes a report in one format.
type Reporter interface {
	Write(w io.Writer, r *Report) error
}

var formats = map[string]func(Options) Reporter{}

// register adds a format; each format's file calls it from init.
func register(name string, mk func(Options) Reporter) { formats[name] = mk }

// New returns the reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	mk, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	return mk(opts), nil
}

// Formats lists the format names, sorted.
func Formats() []string {
	var out []string
	for k := range formats {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// New builds a report from a run.
func FromResult(res *lint.Result, findings []lint.Finding, rules []*lint.Rule) *Report {
	return &Report{Tool: "ladderlint", Version: lint.Version, Files: res.Files, Findings: findings, Rules: rules, Notes: res.Notes}
}
