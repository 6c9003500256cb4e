package lint_test

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

func TestChangesConfig(t *testing.T) {
	cfg, err := lint.ParseConfig(".ladderlint.yml", []byte("changes:\n  grade_boundary: 11\n  lower:\n    name: small\n    approvers:\n      - name: Lead\n        checklist: [budget]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Changes
	if c.Boundary != 11 || c.Lower.Name != "small" || len(c.Lower.Approvers) != 1 || c.Lower.Approvers[0].Checklist[0] != "budget" {
		t.Errorf("changes %+v", c)
	}
	if len(c.Upper.Approvers) != 4 {
		t.Errorf("upper flow %+v: a flow not configured keeps the default", c.Upper)
	}
	for _, bad := range []string{"changes:\n  boundary: 10\n", "changes:\n  upper:\n    approvers:\n      - checks: x\n", "changes:\n  grade_boundary: ten\n"} {
		_, err := lint.ParseConfig(".ladderlint.yml", []byte(bad))
		var ce *lint.ConfigError
		if !errors.As(err, &ce) || ce.Line == 0 {
			t.Errorf("%q: %v, want a config error with its line", bad, err)
		}
	}
}

// The default flows are the policy's: checked against the policy page of
// the handbook corpus, when it is there.
func TestChangesDefaultsFollowThePolicy(t *testing.T) {
	data, err := os.ReadFile("../../shared/corpus/gitlab-handbook/content/handbook/hiring/job-families.md")
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	page := string(data)
	start := strings.Index(page, "## Approval Flow")
	end := strings.Index(page[start+1:], "\n## ")
	if start < 0 || end < 0 {
		t.Fatal("no Approval Flow section in the policy page")
	}
	section := page[start : start+1+end]
	def := lint.DefaultConfig().Changes
	if !strings.Contains(section, "For Grades 10 and above") || !strings.Contains(section, "For Grades 9 and below") || def.Boundary != 10 {
		t.Errorf("boundary %v; the policy splits at grade 10", def.Boundary)
	}
	// each flow: numbered approvers in bold, then the Total Rewards checklist
	flows := strings.Split(section, "For Grades ")[1:]
	if len(flows) != 2 {
		t.Fatalf("%d flows in the policy, want 2", len(flows))
	}
	approver := regexp.MustCompile(`(?m)^1\. \*\*([^*]+)\*\*`)
	check := regexp.MustCompile(`(?m)^\s+- `)
	for i, flow := range []lint.ApprovalFlow{def.Upper, def.Lower} {
		names := approver.FindAllStringSubmatch(flows[i], -1)
		if len(names) != len(flow.Approvers) {
			t.Errorf("%s: %d approvers, the policy names %d", flow.Name, len(flow.Approvers), len(names))
			continue
		}
		for k, n := range names {
			policy := strings.ToLower(strings.TrimRight(strings.TrimSpace(n[1]), ":"))
			if !strings.HasPrefix(strings.ToLower(flow.Approvers[k].Name), policy) {
				t.Errorf("%s: approver %d is %q, the policy's %q", flow.Name, k+1, flow.Approvers[k].Name, policy)
			}
		}
		if got, want := len(flow.Approvers[3].Checklist), len(check.FindAllString(flows[i], -1)); got != want {
			t.Errorf("%s: Total Rewards checklist of %d items, the policy lists %d", flow.Name, got, want)
		}
	}
}
