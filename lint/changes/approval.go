package changes

import (
	"sort"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Approval is the approval flow a change follows: the policy's flow for
// the highest grade it touches.
type Approval struct {
	Flow string `json:"flow"` // the flow's name, e.g. "grades 10 and above"
	// Highest is the highest grade touched and the role that has it; nil
	// when no touched role has a grade, and the upper flow is shown.
	Highest   *GradeAt        `json:"highest_grade"`
	Boundary  float64         `json:"grade_boundary"`
	Approvers []lint.Approver `json:"approvers"`
}

// NewReport gathers the pages' changes (empty ones dropped), sorted by
// path, and the approval flow from the highest grade they touch.
func NewReport(from, commit string, fams []*FamilyChange, cfg lint.ChangesConfig) *Report {
	r := &Report{From: from, Commit: commit, Families: []*FamilyChange{}}
	for _, fc := range fams {
		if fc != nil && !fc.Empty() {
			r.Families = append(r.Families, fc)
		}
	}
	sort.SliceStable(r.Families, func(i, j int) bool { return r.Families[i].Path < r.Families[j].Path })
	touched := false
	var highest *GradeAt
	r.ProseOnly = len(r.Families) > 0
	for _, fc := range r.Families {
		touched = touched || fc.touched
		if fc.Highest != nil && (highest == nil || fc.Highest.Grade > highest.Grade) {
			highest = fc.Highest
		}
		if fc.Status != Modified || fc.touched || fc.Note != "" || !fc.Prose {
			r.ProseOnly = false
		}
	}
	if !touched {
		return r
	}
	flow := cfg.Upper
	if highest != nil && highest.Grade < cfg.Boundary {
		flow = cfg.Lower
	}
	approvers := flow.Approvers
	if approvers == nil {
		approvers = []lint.Approver{}
	}
	r.Approval = &Approval{Flow: flow.Name, Highest: highest, Boundary: cfg.Boundary, Approvers: approvers}
	return r
}
