// Package rules holds ladderlint's rules, one file per rule (or per family
// of closely related rules), each registered with lint.Register from init.
// Importing the package (for its side effect) makes every rule available.
//
// Rule tests are markdown fixtures under testdata/<rule-id>/ with inline
// expectations (see lint/linttest).
package rules

import (
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Measured is a rule's blind accuracy on the checking half of the real
// pages (bench/ACCURACY.md): precision over Judged findings, recall over
// Labels. A nil figure was not measured.
type Measured struct {
	Precision *float64
	Judged    int
	Recall    *float64
	Labels    int
	// RecallUpheld and LabelsUpheld: recall over the labels a blind second
	// review upheld (testdata/accuracy/README.md, "Label reviews").
	RecallUpheld *float64
	LabelsUpheld int
}

func (m Measured) cell(v *float64, n int, of string) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f (%d %s)", *v, n, of)
}

// RulesDoc renders the rule reference, docs/rules.md, from the registry,
// with each rule's measured accuracy (as of the date given).
func RulesDoc(measured map[string]Measured, asOf string) string {
	var b strings.Builder
	b.WriteString("# Rule reference\n\n")
	b.WriteString("<!-- Generated from the rule registry by `go test ./rules -run TestRulesDoc -update`; do not edit. -->\n\n")
	b.WriteString("Every rule has a stable ID, a default severity and options set under `rules:` in `.ladderlint.yml`\n")
	b.WriteString("(`off` turns a rule off). `ladderlint explain RULE` prints the same text.\n\n")
	b.WriteString("The precision and recall columns are each rule's blind figures on the checking half of the real\n")
	b.WriteString("pages (" + asOf + "; how they are measured: `bench/ACCURACY.md`). A rule whose precision stays\n")
	b.WriteString("under 0.9 is `info` or off by default. Recall is given on the labels as the labellers gave them, and on\n")
	b.WriteString("those a blind second review upheld (the labels it found noise or taste left out; stricter than the judges, so an upper bound).\n\n")
	b.WriteString("| Rule | Category | Default | Title | Precision | Recall | Recall (upheld labels) |\n|---|---|---|---|---|---|---|\n")
	for _, r := range lint.Rules() {
		sev := r.Severity.String()
		if r.Optional {
			sev = "off (" + sev + " when on)"
		}
		m := measured[r.ID]
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s | %s | %s |\n", r.ID, r.ID, r.Category, sev, r.Title,
			m.cell(m.Precision, m.Judged, "judged"), m.cell(m.Recall, m.Labels, "labels"), m.cell(m.RecallUpheld, m.LabelsUpheld, "labels"))
	}
	b.WriteString("\n")
	for _, c := range lint.Categories {
		first := true
		for _, r := range lint.Rules() {
			if r.Category != c {
				continue
			}
			if first {
				fmt.Fprintf(&b, "# %s%s\n\n", strings.ToUpper(string(c[:1])), c[1:])
				first = false
			}
			b.WriteString(lint.Explain(r))
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
