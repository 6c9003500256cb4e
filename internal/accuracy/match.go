package accuracy

import (
	"sort"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// MatchLabels finds each label's finding: a finding of the label's rule on
// the label's page that
//
//  1. is on the label's line, or else
//  2. is within one line of it, or else
//  3. for a role-scope label, names the role whose heading is within one
//     line of the label (role may be nil: then this step is skipped), or
//     else
//  4. for a family-scope label, is anywhere on the page (a family-wide
//     defect has no line of its own; labels put it on the title line), or
//     else
//  5. stands for a run of lines that holds the label's line (a rule that
//     reports a run once, at its first line, and names the run's lines in
//     its message: Finding.Through), or reports, besides its own line,
//     places within one line of the label's (a name written wrong in
//     several places of a role, one finding naming their lines:
//     Finding.Places; the lines between the places are not its).
//
// A finding accounts for one label at most in steps 1 to 4, and for every
// label of its run in step 5; each step runs over all labels before the
// next, so that a finding on a label's own line goes to that label. It returns, per label, the index of its finding, or -1 (always -1
// for done lines and labels of rule "none").
func MatchLabels(labels []Label, findings []lint.Finding, roleAt func(page string, line int) string) []int {
	out := make([]int, len(labels))
	for i := range out {
		out[i] = -1
	}
	type key struct{ page, rule string }
	byKey := map[key][]int{}
	for i, f := range findings {
		// a finding that folds in another rule's defect (one link, one
		// finding) answers labels of that rule too
		for _, r := range append([]string{f.Rule}, f.Covers...) {
			k := key{f.Path, r}
			byKey[k] = append(byKey[k], i)
		}
	}
	order := make([]int, 0, len(labels))
	for i, l := range labels {
		if !l.Done && l.Rule != NoRule {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		la, lb := labels[order[a]], labels[order[b]]
		if la.Page != lb.Page {
			return la.Page < lb.Page
		}
		return la.Line < lb.Line
	})
	type use struct {
		finding int
		rule    string
	}
	used := map[use]bool{}
	abs := func(n int) int {
		if n < 0 {
			return -n
		}
		return n
	}
	steps := []func(l Label, f lint.Finding) bool{
		func(l Label, f lint.Finding) bool { return f.Line == l.Line },
		func(l Label, f lint.Finding) bool { return abs(f.Line-l.Line) <= 1 },
		func(l Label, f lint.Finding) bool {
			if l.Scope != ScopeRole || roleAt == nil || f.Role == "" {
				return false
			}
			for d := -1; d <= 1; d++ {
				if roleAt(l.Page, l.Line+d) == f.Role {
					return true
				}
			}
			return false
		},
		func(l Label, f lint.Finding) bool { return l.Scope == ScopeFamily },
	}
	for _, ok := range steps {
		for _, li := range order {
			if out[li] >= 0 {
				continue
			}
			l := labels[li]
			best := -1
			for _, fi := range byKey[key{l.Page, l.Rule}] {
				if used[use{fi, l.Rule}] || !ok(l, findings[fi]) {
					continue
				}
				if best < 0 || abs(findings[fi].Line-l.Line) < abs(findings[best].Line-l.Line) {
					best = fi
				}
			}
			if best >= 0 {
				out[li], used[use{best, l.Rule}] = best, true
			}
		}
	}
	for _, li := range order {
		if out[li] >= 0 {
			continue
		}
		l := labels[li]
		for _, fi := range byKey[key{l.Page, l.Rule}] {
			if f := findings[fi]; f.Through > 0 && f.Line <= l.Line && l.Line <= f.Through || nearPlace(f.Places, l.Line) {
				out[li] = fi
				break
			}
		}
	}
	return out
}

// nearPlace reports whether line is within one line of one of places.
func nearPlace(places []int, line int) bool {
	for _, p := range places {
		if p-1 <= line && line <= p+1 {
			return true
		}
	}
	return false
}
