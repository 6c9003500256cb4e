package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// JUnit writes JUnit XML as GitLab reads it (artifacts:reports:junit): one
// <testsuite> per file and, in it, one <testcase> per rule checked on that
// file, with classname and file set to the path and name to the rule ID. A
// rule with findings in the file fails its test case with every finding in
// the <failure> text; a rule without findings passes, so that the merge
// request widget shows totals.
type JUnit struct{}

func init() { register("junit", func(Options) Reporter { return JUnit{} }) }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr"`
	Failure   *junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// Write implements Reporter.
func (JUnit) Write(w io.Writer, r *Report) error {
	// rule IDs per path: those checked, and those with findings (a finding
	// can come from a rule the file result does not list, such as one read
	// from elsewhere)
	rules := map[string]map[string][]lint.Finding{}
	var paths []string
	addPath := func(p string) map[string][]lint.Finding {
		m, ok := rules[p]
		if !ok {
			m = map[string][]lint.Finding{}
			rules[p] = m
			paths = append(paths, p)
		}
		return m
	}
	for _, fr := range r.Files {
		if fr == nil {
			continue
		}
		m := addPath(fr.Path)
		for _, id := range fr.Checked {
			if _, ok := m[id]; !ok {
				m[id] = nil
			}
		}
	}
	for _, f := range r.Findings {
		m := addPath(f.Path)
		m[f.Rule] = append(m[f.Rule], f)
	}
	sort.Strings(paths)

	out := junitSuites{Name: r.Tool}
	for _, p := range paths {
		suite := junitSuite{Name: p}
		ids := make([]string, 0, len(rules[p]))
		for id := range rules[p] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			tc := junitCase{Classname: p, Name: id, File: p}
			if fs := rules[p][id]; len(fs) > 0 {
				tc.Failure = junitFailureOf(fs)
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitFailureOf lists a rule's findings in one file: the first message
// (and how many more) as the failure message, every finding as the text,
// one line each in the text reporter's form, with its diff below.
func junitFailureOf(fs []lint.Finding) *junitFailure {
	worst := fs[0].Severity
	var b strings.Builder
	for _, f := range fs {
		worst = max(worst, f.Severity)
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message)
		if f.Diff != "" {
			for _, line := range strings.Split(f.Diff, "\n") {
				fmt.Fprintf(&b, "    %s\n", line)
			}
		}
	}
	msg := fs[0].Message
	if len(fs) > 1 {
		msg = fmt.Sprintf("%s (and %d more)", msg, len(fs)-1)
	}
	return &junitFailure{Message: msg, Type: worst.String(), Text: xmlChars(b.String())}
}

// xmlChars replaces the characters XML 1.0 does not allow (most control
// characters) with U+FFFD: attributes are escaped so by encoding/xml, CDATA
// is written as it is.
func xmlChars(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
