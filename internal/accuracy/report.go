package accuracy

import (
	"fmt"
	"sort"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Row is the measure of one rule (or of all rules, or of the labels no
// rule covers).
type Row struct {
	Rule string
	// Labels counts the labels of the rule on labelled pages; Found, those
	// a finding matches (MatchLabels).
	Labels, Found int
	// FindingsLabelled counts the rule's findings on labelled pages;
	// Findings, on the whole checking half.
	FindingsLabelled, Findings int
	// Judged counts the findings (on the checking half) with a verdict;
	// True, Debatable and False split them. DEBATABLE counts as false.
	Judged, True, Debatable, False int
	// Artefacts are findings judged corpus artefacts (see Artefact): not
	// in Judged.
	Artefacts int
	// Reviewed counts the labels a second reviewer read (Review); Rejected,
	// those the review did not uphold, and RejectedFound, those of them a
	// finding matches.
	Reviewed, Rejected, RejectedFound int
}

// Recall is Found / Labels; ok is false without labels.
func (r Row) Recall() (v float64, ok bool) {
	if r.Labels == 0 {
		return 0, false
	}
	return float64(r.Found) / float64(r.Labels), true
}

// RecallUpheld is the recall over the labels no review rejected (labels
// not reviewed count as given); ok is false without such labels.
func (r Row) RecallUpheld() (v float64, ok bool) {
	n := r.Labels - r.Rejected
	if n == 0 {
		return 0, false
	}
	return float64(r.Found-r.RejectedFound) / float64(n), true
}

// Precision is True / Judged; ok is false without verdicts.
func (r Row) Precision() (v float64, ok bool) {
	if r.Judged == 0 {
		return 0, false
	}
	return float64(r.True) / float64(r.Judged), true
}

// Unjudged counts the rule's findings on the checking half without a
// verdict.
func (r Row) Unjudged() int { return r.Findings - r.Judged - r.Artefacts }

// Report is the accuracy of one run against the labels and verdicts.
type Report struct {
	Rows []Row // one per rule that ran, then per labelled rule that did not run
	// Uncovered holds the labels no rule covers: rule "none", or an id no
	// rule has (a warning names those). They count against overall recall.
	Uncovered Row
	Total     Row // every rule and Uncovered
	// Corpora is the overall row of each corpus (Rule is the corpus name).
	Corpora []Row
	// Untwinned is the overall row of the measured half's pages whose
	// family has no version in the other half (Twins); Twinned counts
	// the measured half's pages that have one.
	Untwinned Row
	Twinned   int

	Pages, CheckingPages, LabelledPages int
	Stale                               []Verdict // verdicts whose finding no longer occurs
	Warnings                            []string
}

// RecallCoveredUpheld is RecallCovered over the labels no review rejected.
func (r *Report) RecallCoveredUpheld() (float64, bool) {
	row := r.Total
	row.Labels -= r.Uncovered.Labels
	row.Found -= r.Uncovered.Found
	row.Rejected -= r.Uncovered.Rejected
	row.RejectedFound -= r.Uncovered.RejectedFound
	return row.RecallUpheld()
}

// RecallCovered is the overall recall without the labels no rule covers.
func (r *Report) RecallCovered() (float64, bool) {
	row := r.Total
	row.Labels -= r.Uncovered.Labels
	return row.Recall()
}

// Measure matches a run's findings against the labels and verdicts.
func Measure(run *Run, labels []Label, verdicts []Verdict) *Report {
	return MeasureReviewed(run, labels, verdicts, nil)
}

// MeasureReviewed is Measure with the labels' reviews: each row also counts
// the labels a review rejected, for the recall of the upheld ones.
func MeasureReviewed(run *Run, labels []Label, verdicts []Verdict, reviews []Review) *Report {
	rep := &Report{Pages: len(run.Pages), CheckingPages: run.CheckingPages()}
	rep.Uncovered.Rule = NoRule
	checking := map[string]bool{}
	known := map[string]bool{}
	corpus := map[string]*Row{}
	for _, c := range Corpora {
		rep.Corpora = append(rep.Corpora, Row{Rule: c.Name})
	}
	twin := Twins(run.Pages)
	apart := map[string]*Row{}
	for _, p := range run.Pages {
		known[p.Path] = true
		checking[p.Path] = p.Check != Tuning
		if p.Check != Tuning {
			if twin[p.Path] {
				rep.Twinned++
			} else {
				apart[p.Path] = &rep.Untwinned
			}
		}
		for i := range rep.Corpora {
			if rep.Corpora[i].Rule == p.Corpus {
				corpus[p.Path] = &rep.Corpora[i]
			}
		}
	}
	warn := func(format string, a ...any) { rep.Warnings = append(rep.Warnings, fmt.Sprintf(format, a...)) }

	owner, counted := labelledSet(run, labels, known, checking, warn)
	rep.LabelledPages = len(owner)

	rows := map[string]*Row{}
	ran := map[string]bool{}
	for _, id := range run.Rules {
		rows[id] = &Row{Rule: id}
		ran[id] = true
	}
	row := func(id string) *Row {
		if id == NoRule {
			return &rep.Uncovered
		}
		if r := rows[id]; r != nil {
			return r
		}
		if lint.Lookup(id) == nil {
			return &rep.Uncovered
		}
		rows[id] = &Row{Rule: id}
		return rows[id]
	}
	for _, l := range counted {
		if l.Rule != NoRule && lint.Lookup(l.Rule) == nil {
			warn("%s: no rule %q: counted as a defect no rule covers", l.Src, l.Rule)
		}
	}
	review := map[string]*Review{}
	for i := range reviews {
		review[reviews[i].ID] = &reviews[i]
	}
	reviewed := map[string]bool{}
	found := MatchLabels(counted, run.Findings, run.RoleAt)
	for i, l := range counted {
		hit := found[i] >= 0
		v := review[LabelID(l)]
		if v != nil {
			reviewed[v.ID] = true
		}
		for _, r := range []*Row{row(l.Rule), corpus[l.Page], apart[l.Page]} {
			if r == nil {
				continue
			}
			r.Labels++
			if hit {
				r.Found++
			}
			if v == nil {
				continue
			}
			r.Reviewed++
			if v.Verdict != True {
				r.Rejected++
				if hit {
					r.RejectedFound++
				}
			}
		}
	}
	for _, v := range reviews {
		if !reviewed[v.ID] {
			warn("%s: review of label %s (%s line %d, %s): no such label counted", v.Src, v.ID, v.Page, v.Line, v.Rule)
		}
	}

	byFP := map[string]*Verdict{}
	for i := range verdicts {
		byFP[verdicts[i].Fingerprint] = &verdicts[i]
	}
	seen := map[string]bool{}
	for _, f := range run.Findings {
		v := byFP[f.Fingerprint]
		if v != nil {
			seen[f.Fingerprint] = true
			if v.Rule != f.Rule {
				warn("%s: verdict of rule %s on a finding of rule %s", v.Src, v.Rule, f.Rule)
			}
		}
		for _, r := range []*Row{row(f.Rule), corpus[f.Path], apart[f.Path]} {
			if r == nil {
				continue
			}
			r.Findings++
			if owner[f.Path] != "" {
				r.FindingsLabelled++
			}
			if v == nil {
				continue
			}
			if v.Verdict == Artefact {
				r.Artefacts++
				continue
			}
			r.Judged++
			switch v.Verdict {
			case True:
				r.True++
			case Debatable:
				r.Debatable++
			default:
				r.False++
			}
		}
	}
	for _, v := range verdicts {
		if !seen[v.Fingerprint] {
			rep.Stale = append(rep.Stale, v)
		}
	}

	ids := make([]string, 0, len(rows))
	for id := range rows {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if ran[ids[i]] != ran[ids[j]] {
			return ran[ids[i]]
		}
		return ids[i] < ids[j]
	})
	rep.Total.Rule = "overall"
	for _, id := range ids {
		r := *rows[id]
		rep.Rows = append(rep.Rows, r)
		rep.Total.add(r)
	}
	rep.Total.add(rep.Uncovered)
	return rep
}

func (r *Row) add(o Row) {
	r.Labels += o.Labels
	r.Found += o.Found
	r.FindingsLabelled += o.FindingsLabelled
	r.Findings += o.Findings
	r.Judged += o.Judged
	r.True += o.True
	r.Debatable += o.Debatable
	r.False += o.False
	r.Artefacts += o.Artefacts
	r.Reviewed += o.Reviewed
	r.Rejected += o.Rejected
	r.RejectedFound += o.RejectedFound
}

func otherHalf() string {
	if Tuning {
		return "checking half"
	}
	return "tuning half"
}

// sameDefect tells whether a focused pass's label l marks a defect one of
// the labels already counted marks: the same rule on the same page, and the
// same line (two items on adjacent lines are two defects), or, for a label
// of a role or of the family, the
// same role (the one whose heading is the last at or above each label's
// line) or the family: a missing bullet one labeller put on the role's
// heading and another on its Requirements heading is one defect.
func sameDefect(run *Run, l Label, counted []Label) bool {
	for _, c := range counted {
		if c.Page != l.Page || c.Rule != l.Rule {
			continue
		}
		switch {
		case c.Line == l.Line:
			return true
		case l.Scope == ScopeFamily && c.Scope == ScopeFamily:
			return true
		case l.Scope == ScopeRole && c.Scope != ScopeFamily:
			if r := run.roleLine(l.Page, l.Line); r > 0 && r == run.roleLine(c.Page, c.Line) {
				return true
			}
		}
	}
	return false
}

// labelledSet picks the labels that count: those of labelled pages of the
// half measured (a page is labelled by the labeller of its first done line;
// another labeller's labels of the same page are left out), and those of a
// focused pass over a labelled page (a done line with "rules": the
// labeller read the page for those rules only), which add to the owner's
// labels of those rules, a place both labelled counting once. owner maps
// each labelled page to its labeller.
func labelledSet(run *Run, labels []Label, known, checking map[string]bool, warn func(string, ...any)) (owner map[string]string, counted []Label) {
	owner = map[string]string{}
	type pass struct{ page, labeller string }
	focused := map[pass]map[string]bool{}
	for _, l := range labels {
		if !l.Done {
			continue
		}
		switch {
		case !known[l.Page]:
			warn("%s: page %s is not a job-family page of the corpus: not counted", l.Src, l.Page)
		case !checking[l.Page]:
			warn("%s: page %s is in the %s, not the one measured: not counted", l.Src, l.Page, otherHalf())
		case len(l.Rules) > 0:
			rules := map[string]bool{}
			for _, r := range l.Rules {
				rules[r] = true
			}
			focused[pass{l.Page, l.Labeller}] = rules
		case owner[l.Page] == "":
			owner[l.Page] = l.Labeller
		case owner[l.Page] != l.Labeller:
			warn("%s: page %s was labelled by %s already: %s's labels of it are not counted", l.Src, l.Page, owner[l.Page], l.Labeller)
		}
	}
	for p := range focused {
		if owner[p.page] == "" {
			warn("page %s: %s's focused pass is of a page nobody labelled in full: not counted", p.page, p.labeller)
		} else if owner[p.page] == p.labeller {
			warn("page %s: %s's focused pass is of a page it labelled in full: not counted", p.page, p.labeller)
		}
	}
	perPass := map[pass]int{}
	var extra []Label
	for _, l := range labels {
		if l.Done {
			continue
		}
		o := owner[l.Page]
		if o == "" {
			if known[l.Page] && checking[l.Page] {
				warn("%s: page %s has no done line: its labels are not counted", l.Src, l.Page)
			}
			continue
		}
		k := pass{l.Page, l.Labeller}
		rules, isFocus := focused[k]
		if o != l.Labeller && !isFocus {
			continue
		}
		perPass[k]++
		if n := run.lines[l.Page]; n > 0 && l.Line > n {
			warn("%s: line %d is past the end of %s (%d lines)", l.Src, l.Line, l.Page, n)
		}
		if o != l.Labeller {
			if !rules[l.Rule] {
				warn("%s: a %s label in %s's focused pass of %s, which is not of that rule: not counted", l.Src, l.Rule, l.Labeller, l.Page)
			} else {
				extra = append(extra, l)
			}
			continue
		}
		counted = append(counted, l)
	}
	for _, l := range extra {
		if !sameDefect(run, l, counted) {
			counted = append(counted, l)
		}
	}
	for _, l := range labels {
		k := pass{l.Page, l.Labeller}
		if l.Done && (owner[l.Page] == l.Labeller || focused[k] != nil && owner[l.Page] != "") && *l.Defects != perPass[k] {
			warn("%s: page %s: done line says %d defects, %d labels found", l.Src, l.Page, *l.Defects, perPass[k])
			perPass[k] = *l.Defects // warn once
		}
	}
	return owner, counted
}
