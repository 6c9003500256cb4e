package lint

import (
	"path/filepath"
	"strings"
)

// ChangesConfig configures `ladderlint changes`: the approval flows the
// job-family policy asks of a merge request, chosen by the highest grade it
// touches. The defaults are the GitLab handbook's policy
// (content/handbook/hiring/job-families.md, "Approval Flow").
type ChangesConfig struct {
	// Boundary is the lowest grade of the upper flow: a change touching
	// this grade or a higher one follows Upper, else Lower.
	Boundary float64      `yaml:"grade_boundary"`
	Upper    ApprovalFlow `yaml:"upper"`
	Lower    ApprovalFlow `yaml:"lower"`
}

// ApprovalFlow is the ordered list of approvers of one flow.
type ApprovalFlow struct {
	Name      string     `yaml:"name"`
	Approvers []Approver `yaml:"approvers"`
}

// Approver is one step of a flow: who approves, what they check, and the
// checklist they go through (Total Rewards has one).
type Approver struct {
	Name      string   `yaml:"name" json:"name"`
	Checks    string   `yaml:"checks" json:"checks,omitempty"`
	Checklist []string `yaml:"checklist" json:"checklist,omitempty"`
}

// DefaultChangesConfig returns the handbook policy's flows.
func DefaultChangesConfig() ChangesConfig {
	manager := Approver{Name: "Your manager", Checks: "scope and level of the roles, responsibilities and requirements, the template and its required areas"}
	pbp := Approver{Name: "Your People Business Partner", Checks: "review; typically notifies Total Rewards"}
	tr := Approver{Name: "Total Rewards (@gl-total-rewards)", Checks: "final approval", Checklist: []string{
		"there is a business need for the level within the job family",
		"the level is common in the market, based on survey data",
		"all components of the job family are populated",
		"a benchmark is set for the Compensation Calculator",
		"a job title is created in Workday",
	}}
	return ChangesConfig{
		Boundary: 10,
		Upper: ApprovalFlow{Name: "grades 10 and above", Approvers: []Approver{
			manager,
			{Name: "Your executive leader", Checks: "the role is in plan; department and division structure and levels"},
			pbp, tr,
		}},
		Lower: ApprovalFlow{Name: "grades 9 and below", Approvers: []Approver{
			manager,
			{Name: "Your department head", Checks: "the role is in plan; department and division structure and levels (notifying the E-group leader is recommended)"},
			pbp, tr,
		}},
	}
}

// Selects reports whether the page at path (absolute, or relative to the
// current folder) is one `lint` would read given the same paths on the
// command line (none: the config's include), whether or not it exists: for
// a page a change deletes. Exclude globs apply.
func (cfg *Config) Selects(path string, args []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil || !cfg.MarkdownFile(filepath.Base(abs)) || cfg.excluded(path) {
		return false
	}
	if len(args) == 0 {
		for _, g := range cfg.Include {
			if MatchGlob(filepath.ToSlash(cfg.Resolve(g)), filepath.ToSlash(abs)) || MatchGlob(filepath.ToSlash(cfg.Resolve(g)), filepath.ToSlash(path)) {
				return true
			}
		}
		return false
	}
	for _, a := range args {
		aa, err := filepath.Abs(a)
		if err != nil {
			continue
		}
		if aa == abs || strings.HasPrefix(abs, aa+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
