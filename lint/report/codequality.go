package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// CodeQuality writes a GitLab Code Quality report
// (artifacts:reports:codequality): a JSON array with one entry per finding,
// the subset of the Code Climate issue format that GitLab reads.
type CodeQuality struct {
	Severity map[lint.Severity]string // ours to GitLab's; see CodeQualitySeverities
}

func init() {
	register("codequality", func(o Options) Reporter {
		sev := DefaultCodeQualitySeverity()
		for k, v := range o.CodeQualitySeverity {
			sev[k] = v
		}
		return &CodeQuality{Severity: sev}
	})
}

// CodeQualitySeverities are GitLab's Code Quality severities, lowest first.
var CodeQualitySeverities = []string{"info", "minor", "major", "critical", "blocker"}

// DefaultCodeQualitySeverity maps our severities to GitLab's: error to
// major, warning to minor, info to info.
func DefaultCodeQualitySeverity() map[lint.Severity]string {
	return map[lint.Severity]string{lint.Error: "major", lint.Warning: "minor", lint.Info: "info"}
}

// ParseCodeQualitySeverity reads one mapping, "ours=theirs" (for example
// "error=critical"), as the --codequality-severity flag takes it.
func ParseCodeQualitySeverity(s string) (lint.Severity, string, error) {
	ours, theirs, ok := strings.Cut(s, "=")
	if !ok {
		return 0, "", fmt.Errorf("%q: want SEVERITY=LEVEL, such as error=critical", s)
	}
	sev, err := lint.ParseSeverity(ours)
	if err != nil || sev == 0 {
		return 0, "", fmt.Errorf("%q: %q is not error, warning or info", s, ours)
	}
	theirs = strings.ToLower(strings.TrimSpace(theirs))
	for _, cq := range CodeQualitySeverities {
		if theirs == cq {
			return sev, cq, nil
		}
	}
	return 0, "", fmt.Errorf("%q: %q is not a Code Quality severity (want %s)", s, theirs, strings.Join(CodeQualitySeverities, ", "))
}

type cqIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Categories  []string   `json:"categories"`
	Severity    string     `json:"severity"`
	Fingerprint string     `json:"fingerprint"`
	Location    cqLocation `json:"location"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// Write implements Reporter.
func (c *CodeQuality) Write(w io.Writer, r *Report) error {
	seen := map[string]bool{}
	bw := bufio.NewWriterSize(w, 64<<10)
	// written an issue at a time (jsonArray), as encoding the whole array
	// with SetIndent("", "  ") would
	err := jsonArray(bw, 0, len(r.Findings), func(i int) any {
		f := r.Findings[i]
		sev := c.Severity[f.Severity]
		if sev == "" {
			sev = "info"
		}
		issue := cqIssue{
			Type:        "issue",
			CheckName:   f.Rule,
			Description: f.Message,
			Categories:  []string{"Style"},
			Severity:    sev,
			Fingerprint: uniqueFingerprint(f.Fingerprint, seen),
		}
		first, last := Lines(f)
		issue.Location = cqLocation{Path: f.Path, Lines: cqLines{Begin: first}}
		if last > first {
			issue.Location.Lines.End = last
		}
		return &issue
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// Lines returns the first and last line a finding covers, from 1. A span
// that ends at the start of a line (after a line break) does not cover
// that line.
func Lines(f lint.Finding) (first, last int) {
	first = max(f.Line, 1)
	last = f.EndLine
	if last > first && f.EndColumn <= 1 {
		last--
	}
	return first, max(last, first)
}

// uniqueFingerprint returns fp, or, when fp is empty or was already given
// out in this report, one derived from it: GitLab shows only the first of
// several issues with one fingerprint. The engine's fingerprints are
// unique; a report put together from several runs may repeat one.
func uniqueFingerprint(fp string, seen map[string]bool) string {
	out := fp
	for n := 1; out == "" || seen[out]; n++ {
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", fp, n)))
		out = hex.EncodeToString(h[:16])
	}
	seen[out] = true
	return out
}
