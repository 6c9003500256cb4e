package accuracy

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

func finding(page, rule string, line int, role string) lint.Finding {
	return lint.Finding{Path: page, Rule: rule, Line: line, Column: 1, Role: role, Fingerprint: page + rule + string(rune('0'+line))}
}

func covering(f lint.Finding, rules ...string) lint.Finding {
	f.Covers = rules
	return f
}

// One finding answers one label of its own rule and one of each rule it
// covers: a broken full URL labelled both link-target and link-style.
func TestMatchCovers(t *testing.T) {
	f := covering(finding("p.md", "link-target", 8, ""), "link-style")
	labels := []Label{{Page: "p.md", Line: 8, Rule: "link-target"}, {Page: "p.md", Line: 8, Rule: "link-style"}, {Page: "p.md", Line: 8, Rule: "link-style"}}
	got := MatchLabels(labels, []lint.Finding{f}, nil)
	if got[0] != 0 || got[1] != 0 || got[2] != -1 {
		t.Errorf("matches %v, want [0 0 -1]", got)
	}
}

func TestMatchLabels(t *testing.T) {
	roles := map[int]string{10: "Senior Engineer", 40: "Staff Engineer"}
	roleAt := func(page string, line int) string {
		if page != "p.md" {
			return ""
		}
		return roles[line]
	}
	cases := []struct {
		name     string
		label    Label
		findings []lint.Finding
		want     int // index of the matching finding, or -1
	}{
		{"same line", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("p.md", "misspelling", 12, "")}, 0},
		{"line below", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("p.md", "misspelling", 13, "")}, 0},
		{"line above", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("p.md", "misspelling", 11, "")}, 0},
		{"two lines away", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("p.md", "misspelling", 14, ""), finding("p.md", "misspelling", 10, "")}, -1},
		{"wrong rule", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("p.md", "repeated-word", 12, "")}, -1},
		{"a finding that covers the label's rule", Label{Page: "p.md", Line: 12, Rule: "link-style"},
			[]lint.Finding{covering(finding("p.md", "link-target", 12, ""), "link-style")}, 0},
		{"a finding that covers another rule", Label{Page: "p.md", Line: 12, Rule: "link-style"},
			[]lint.Finding{covering(finding("p.md", "link-target", 12, ""), "link-fragment")}, -1},
		{"wrong page", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("q.md", "misspelling", 12, "")}, -1},
		{"nearest wins", Label{Page: "p.md", Line: 12, Rule: "misspelling"},
			[]lint.Finding{finding("p.md", "misspelling", 11, ""), finding("p.md", "misspelling", 12, "")}, 1},
		{"none never matches", Label{Page: "p.md", Line: 12, Rule: NoRule},
			[]lint.Finding{finding("p.md", NoRule, 12, "")}, -1},
		{"family scope, anywhere on the page", Label{Page: "p.md", Line: 2, Rule: "required-sections", Scope: ScopeFamily},
			[]lint.Finding{finding("p.md", "required-sections", 90, "")}, 0},
		{"family scope, same rule only", Label{Page: "p.md", Line: 2, Rule: "required-sections", Scope: ScopeFamily},
			[]lint.Finding{finding("p.md", "grade-missing", 2, "")}, -1},
		{"family scope, same page only", Label{Page: "p.md", Line: 2, Rule: "required-sections", Scope: ScopeFamily},
			[]lint.Finding{finding("q.md", "required-sections", 2, "")}, -1},
		{"line scope is not family-wide", Label{Page: "p.md", Line: 2, Rule: "required-sections"},
			[]lint.Finding{finding("p.md", "required-sections", 90, "")}, -1},
		{"role scope, finding of that role elsewhere", Label{Page: "p.md", Line: 10, Rule: "required-sections", Scope: ScopeRole},
			[]lint.Finding{finding("p.md", "required-sections", 25, "Senior Engineer")}, 0},
		{"role scope, finding of another role", Label{Page: "p.md", Line: 10, Rule: "required-sections", Scope: ScopeRole},
			[]lint.Finding{finding("p.md", "required-sections", 45, "Staff Engineer")}, -1},
		{"line scope ignores the role", Label{Page: "p.md", Line: 10, Rule: "required-sections"},
			[]lint.Finding{finding("p.md", "required-sections", 25, "Senior Engineer")}, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := c.label
			if err := l.validate(); err != nil {
				t.Fatal(err)
			}
			got := MatchLabels([]Label{l}, c.findings, roleAt)
			if got[0] != c.want {
				t.Errorf("matched finding %d, want %d", got[0], c.want)
			}
		})
	}
}

// TestMatchLabelsOneEach: a finding accounts for one label only, and goes
// to the label on its own line before a neighbour's.
func TestMatchLabelsOneEach(t *testing.T) {
	labels := []Label{
		{Page: "p.md", Line: 11, Rule: "repeated-word", Scope: ScopeLine},
		{Page: "p.md", Line: 12, Rule: "repeated-word", Scope: ScopeLine},
		{Page: "p.md", Line: 30, Rule: "repeated-word", Scope: ScopeLine},
		{Page: "p.md", Line: 31, Rule: "repeated-word", Scope: ScopeLine},
		{Page: "p.md", Line: 1, Done: true},
	}
	findings := []lint.Finding{
		finding("p.md", "repeated-word", 12, ""),
		finding("p.md", "repeated-word", 13, ""),
		finding("p.md", "repeated-word", 31, ""),
	}
	got := MatchLabels(labels, findings, nil)
	want := []int{-1, 0, -1, 2, -1}
	// label 11 could take the finding on 12, but that one belongs to the
	// label on line 12; the finding on 13 is two lines from 11.
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d (line %d): matched %d, want %d", i, labels[i].Line, got[i], want[i])
		}
	}
}

// A finding that stands for a run of lines (Through) answers every label of
// its rule inside the run, and none outside it or of another rule.
func TestMatchRun(t *testing.T) {
	run := finding("p.md", "vacancy-wording", 26, "")
	run.Through = 30
	lone := finding("p.md", "vacancy-wording", 50, "")
	labels := []Label{
		{Page: "p.md", Line: 26, Rule: "vacancy-wording"},
		{Page: "p.md", Line: 28, Rule: "vacancy-wording"},
		{Page: "p.md", Line: 30, Rule: "vacancy-wording"},
		{Page: "p.md", Line: 31, Rule: "vacancy-wording"},  // after the run, not next to it
		{Page: "p.md", Line: 29, Rule: "term-consistency"}, // another rule
		{Page: "q.md", Line: 28, Rule: "vacancy-wording"},  // another page
		{Page: "p.md", Line: 52, Rule: "vacancy-wording"},  // the lone finding's line +2
	}
	got := MatchLabels(labels, []lint.Finding{run, lone}, nil)
	want := []int{0, 0, 0, -1, -1, -1, -1}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d (line %d, %s): matched %d, want %d", i, labels[i].Line, labels[i].Rule, got[i], want[i])
		}
	}
	// the label on the run's first line takes the finding in step 1; the
	// others are found through the run, after every other step
	run.Through = 0
	if got := MatchLabels(labels[:3], []lint.Finding{run}, nil); got[0] != 0 || got[1] != -1 || got[2] != -1 {
		t.Errorf("without Through: %v, want [0 -1 -1]", got)
	}
}

// A finding that reports several places at once (Places) answers the
// labels of its rule at each place (within one line), and none on the
// lines between them.
func TestMatchPlaces(t *testing.T) {
	f := finding("p.md", "role-name-mismatch", 21, "")
	f.Places = []int{25, 31}
	labels := []Label{
		{Page: "p.md", Line: 21, Rule: "role-name-mismatch"},
		{Page: "p.md", Line: 25, Rule: "role-name-mismatch"},
		{Page: "p.md", Line: 32, Rule: "role-name-mismatch"}, // next to a place
		{Page: "p.md", Line: 28, Rule: "role-name-mismatch"}, // between the places: not one of them
		{Page: "p.md", Line: 25, Rule: "misspelling"},        // another rule
	}
	got := MatchLabels(labels, []lint.Finding{f}, nil)
	want := []int{0, 0, 0, -1, -1}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d (line %d, %s): matched %d, want %d", i, labels[i].Line, labels[i].Rule, got[i], want[i])
		}
	}
}
