package accuracy

import (
	"fmt"
	"io"
	"sort"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// List writes, for one rule, each label of the tuning half with whether a
// finding matches it, then each finding of the rule with its verdict
// ("unjudged" without one) and, on a labelled page, whether it matches a
// label ("no label": on a labelled page, a likely false alarm, since the
// labellers marked every defect). It is the rule author's view while
// tuning; it refuses to run on the checking half, whose findings nobody
// tuning a rule may read. A label a blind review rejected says so, with the
// reviewer's reason.
func List(w io.Writer, run *Run, labels []Label, verdicts []Verdict, reviews []Review, rule string) error {
	if !Tuning {
		return fmt.Errorf("-list prints findings: only with -tuning (the checking half is measured blind)")
	}
	owner, counted := quietLabelledSet(run, labels)
	var findings []lint.Finding
	for _, f := range run.Findings {
		if Measured(f.Path) {
			findings = append(findings, f)
		}
	}
	found := MatchLabels(counted, findings, run.RoleAt)
	matched := map[int]bool{}
	review := map[string]Review{}
	for _, v := range reviews {
		review[v.ID] = v
	}
	fmt.Fprintf(w, "labels of %s (%s):\n", rule, HalfName())
	for i, l := range counted {
		if l.Rule != rule {
			continue
		}
		state := "MISSED"
		if found[i] >= 0 {
			state = "found"
			matched[found[i]] = true
		}
		note := l.Note
		if v, ok := review[LabelID(l)]; ok && v.Verdict != True {
			note += fmt.Sprintf(" (rejected on review, %s: %s)", v.Verdict, v.Why)
		}
		fmt.Fprintf(w, "  %-6s %s:%d [%s] %s\n", state, l.Page, l.Line, l.Scope, note)
	}
	for i := range counted {
		if found[i] >= 0 {
			matched[found[i]] = true
		}
	}
	byFP := map[string]Verdict{}
	for _, v := range verdicts {
		byFP[v.Fingerprint] = v
	}
	var idx []int
	for i, f := range findings {
		if f.Rule == rule {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		fa, fb := findings[idx[a]], findings[idx[b]]
		if fa.Path != fb.Path {
			return fa.Path < fb.Path
		}
		return fa.Line < fb.Line
	})
	fmt.Fprintf(w, "findings of %s (%s):\n", rule, HalfName())
	for _, i := range idx {
		f := findings[i]
		verdict := "unjudged"
		if v, ok := byFP[f.Fingerprint]; ok {
			verdict = v.Verdict
		}
		label := "unlabelled page"
		if owner[f.Path] != "" {
			label = "no label"
			if matched[i] {
				label = "label"
			}
		}
		fmt.Fprintf(w, "  %-9s %-15s %s:%d:%d %s\n", verdict, label, f.Path, f.Line, f.Column, f.Message)
	}
	return nil
}
