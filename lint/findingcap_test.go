package lint

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestCapMessageListsCut(t *testing.T) {
	var names []string
	for i := 0; i < 500; i++ {
		names = append(names, fmt.Sprintf("Senior Engineer %d", i))
	}
	msg := "levels without one: " + strings.Join(names, ", ")
	got := capMessage(msg)
	if len(got) > MaxMessage+40 {
		t.Fatalf("capped message is %d bytes", len(got))
	}
	// the names kept and the count of those left out add up to all of them
	kept := strings.Count(got, "Senior Engineer ")
	var more int
	if _, err := fmt.Sscanf(got[strings.LastIndex(got, "(")+1:], "%d more)", &more); err != nil {
		t.Fatalf("no count of the names left out in %q: %v", got[len(got)-60:], err)
	}
	if kept+more != 500 || !strings.HasSuffix(got, fmt.Sprintf("Senior Engineer %d, ... (%d more)", kept-1, more)) {
		t.Errorf("kept %d and %d more, want 500 in all; ends %q", kept, more, got[len(got)-60:])
	}
	// a message that is not a list is cut on a character boundary
	long := strings.Repeat("é", MaxMessage)
	got = capMessage(long)
	if !strings.HasSuffix(got, fmt.Sprintf("... (%d more bytes)", MaxMessage)) || !strings.HasPrefix(got, strings.Repeat("é", MaxMessage/2)) {
		t.Errorf("non-list message cut as %q", got[len(got)-40:])
	}
	// near miss: a message at the limit is kept whole
	exact := strings.Repeat("a", MaxMessage)
	if capMessage(exact) != exact {
		t.Error("a message of MaxMessage bytes was cut")
	}
}

func TestCapPerRule(t *testing.T) {
	var fs []Finding
	for i := 0; i < MaxPerRule+50; i++ {
		sev := Info
		if i == 10 {
			sev = Error
		}
		// given in reverse page order: the cap keeps the first in the page
		fs = append(fs, Finding{Rule: "a", Severity: sev, Offset: 1000 - i, Message: "m"})
	}
	for i := 0; i < 3; i++ {
		fs = append(fs, Finding{Rule: "b", Severity: Warning, Offset: i})
	}
	got := capPerRule(fs)
	var a, b []Finding
	for _, f := range got {
		if f.Rule == "a" {
			a = append(a, f)
		} else {
			b = append(b, f)
		}
	}
	if len(b) != 3 || len(a) != MaxPerRule+1 {
		t.Fatalf("got %d of a and %d of b, want %d and 3", len(a), len(b), MaxPerRule+1)
	}
	if a[0].Offset != 1000-(MaxPerRule+49) || a[MaxPerRule-1].Offset != 1000-50 {
		t.Errorf("kept offsets %d..%d, want the first %d of the page", a[0].Offset, a[MaxPerRule-1].Offset, MaxPerRule)
	}
	sum := a[MaxPerRule]
	if sum.Offset != 1000-49 || sum.Severity != Error || !strings.HasPrefix(sum.Message, "50 more findings of a on this page") {
		t.Errorf("summary finding at %d, %v: %q", sum.Offset, sum.Severity, sum.Message)
	}
	// near miss: MaxPerRule findings of one rule are all kept as they are
	exact := append([]Finding(nil), fs[:MaxPerRule]...)
	if got := capPerRule(append([]Finding(nil), exact...)); len(got) != MaxPerRule || got[0].Offset != exact[0].Offset {
		t.Errorf("%d findings of one rule became %d", MaxPerRule, len(got))
	}
}

// capWhole is the cap as it was applied to a page's findings once all were
// made (sort each rule's findings by place, keep MaxPerRule, count the
// rest): the reference that pageFindings, which caps as findings come,
// must agree with.
func capWhole(fs []Finding) []Finding {
	count := map[string]int{}
	over := false
	for _, f := range fs {
		count[f.Rule]++
		over = over || count[f.Rule] > MaxPerRule
	}
	if !over {
		return fs
	}
	sorted := append([]Finding(nil), fs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Rule != sorted[j].Rule {
			return sorted[i].Rule < sorted[j].Rule
		}
		return sorted[i].Offset < sorted[j].Offset
	})
	var out []Finding
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].Rule == sorted[i].Rule {
			j++
		}
		group := sorted[i:j]
		i = j
		if len(group) <= MaxPerRule {
			out = append(out, group...)
			continue
		}
		out = append(out, group[:MaxPerRule]...)
		sum := group[MaxPerRule]
		for _, f := range group[MaxPerRule+1:] {
			sum.Severity = max(sum.Severity, f.Severity)
		}
		sum.Message = fmt.Sprintf("%d more findings of %s on this page are not listed (at most %d of one rule per page): the page repeats one defect; fix these and lint again",
			len(group)-MaxPerRule, sum.Rule, MaxPerRule)
		sum.Subject = "more findings not listed"
		sum.Role, sum.Diff, sum.Fixes, sum.Covers = "", "", nil, nil
		out = append(out, sum)
	}
	return out
}

// TestPageFindingsSameAsWhole: findings capped and turned off as they are
// reported are those of capping the page's findings once all are made,
// in the same order, whatever the order the rules report them in, with
// findings at one place, rules under, at and over the cap, and directives.
func TestPageFindingsSameAsWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 4))
	for trial := 0; trial < 300; trial++ {
		var fs []Finding
		rules := []string{"a", "b", "c"}
		for _, r := range rules {
			n := rng.IntN(3 * MaxPerRule)
			switch trial % 4 {
			case 0:
				n = rng.IntN(MaxPerRule / 3) // no rule over the cap
			case 1:
				n = MaxPerRule + rng.IntN(3) // at the cap, one over
			}
			for i := 0; i < n; i++ {
				fs = append(fs, Finding{Rule: r, Severity: Severity(1 + rng.IntN(3)), Offset: rng.IntN(400),
					Message: fmt.Sprintf("%s %d", r, i), Line: rng.IntN(50)})
			}
		}
		rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
		off := func(f Finding) bool { return f.Line%7 == 3 && f.Rule != "c" }
		if trial%5 == 0 {
			off = nil
		}
		var kept []Finding
		s := &pageFindings{supp: off, read: true}
		for _, f := range fs {
			s.add(f)
			if off == nil || !off(f) {
				kept = append(kept, f)
			}
		}
		want := capWhole(kept)
		got := s.findings()
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: %d findings, want %d (first difference at %d)", trial, len(got), len(want), firstDiff(got, want))
		}
	}
}

func firstDiff(a, b []Finding) int {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestPageFindingsBounded: a rule that reports a defect many times on a
// page is held at about twice the cap while it reports, not in full.
func TestPageFindingsBounded(t *testing.T) {
	s := &pageFindings{}
	most := 0
	for i := 0; i < 20*MaxPerRule; i++ {
		s.add(Finding{Rule: "a", Offset: 20*MaxPerRule - i})
		most = max(most, len(s.rules["a"].kept))
	}
	if most >= 2*(MaxPerRule+1) {
		t.Errorf("held %d findings of one rule at once, want under %d", most, 2*(MaxPerRule+1))
	}
	got := s.findings()
	if len(got) != MaxPerRule+1 || got[0].Offset != 1 || !strings.HasPrefix(got[MaxPerRule].Message, fmt.Sprintf("%d more findings", 19*MaxPerRule)) {
		t.Errorf("got %d findings, first at %d, last %q", len(got), got[0].Offset, got[len(got)-1].Message)
	}
	// near miss: a directive that turns every finding off leaves none
	s = &pageFindings{supp: func(Finding) bool { return true }, read: true}
	s.add(Finding{Rule: "a"})
	s.add(Finding{Rule: DirectiveRuleID})
	if got := s.findings(); len(got) != 1 || got[0].Rule != DirectiveRuleID {
		t.Errorf("with every finding turned off, got %v; want the directive rule's only", got)
	}
}
