package lint_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// heldDiagnostics are the findings of the two test rules below on a page
// titled "Held N SEED": N diagnostics that depend on no other page, and a
// few that the cross-file stage reports (a rule's candidates), at random
// places and severities (0: the rule's own), each with a 1 kB message.
// The direct ones are handed to direct one at a time, as a rule finds them.
func heldDiagnostics(f *model.Family, direct func(lint.Diagnostic)) (later []lint.Diagnostic) {
	var n int
	var seed uint64
	if _, err := fmt.Sscanf(f.Title, "Held %d %d", &n, &seed); err != nil {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 14))
	pad := strings.Repeat("x", 1000)
	size := len(f.Source.Text)
	d := func(i int, kind string) lint.Diagnostic {
		at := rng.IntN(size + 20) // a few past the end: clamped as any finding is
		if rng.IntN(10) == 0 {
			at = size / 2 // many at one place
		}
		return lint.Diagnostic{Span: model.Span{Start: at, End: at + 1}, Severity: lint.Severity(rng.IntN(4)),
			Message: fmt.Sprintf("%s %d %s", kind, i, pad), Subject: strconv.Itoa(i)}
	}
	for i := 0; i < n; i++ {
		direct(d(i, "direct"))
	}
	for i := 0; i < rng.IntN(2*lint.MaxPerRule); i++ {
		later = append(later, d(i, "later"))
	}
	return later
}

type heldSummary struct {
	f      *model.Family
	held   *lint.Held
	direct []lint.Diagnostic
	later  []lint.Diagnostic
}

// test-held holds its page's direct findings with Pass.Hold; test-unheld
// keeps them all in its summary. Both report them, then the others, in
// the cross-file stage.
var heldRules = func() []*lint.Rule {
	var rules []*lint.Rule
	for _, held := range []bool{true, false} {
		id := "test-unheld"
		if held {
			id = "test-held"
		}
		rules = append(rules, &lint.Rule{
			ID: id, Title: "holds findings until the cross-file stage", Category: lint.Structure, Severity: lint.Warning, Optional: true,
			Doc: lint.Doc{Description: "test only", Bad: "x", Good: "y", Excerpt: true},
			Collect: func(p *lint.Pass) any {
				s := &heldSummary{f: p.File}
				add := func(d lint.Diagnostic) { s.direct = append(s.direct, d) }
				if held {
					s.held = p.Hold()
					add = s.held.Add
				}
				s.later = heldDiagnostics(p.File, add)
				return s
			},
			CheckAll: func(p *lint.SetPass) {
				for _, f := range p.Files {
					s, _ := p.Summary(f).(*heldSummary)
					if s == nil {
						continue
					}
					p.ReportHeld(s.held)
					for _, d := range s.direct {
						d.File = s.f
						p.Report(d)
					}
					for _, d := range s.later {
						d.File = s.f
						p.Report(d)
					}
				}
			},
		})
	}
	return rules
}()

func init() {
	for _, r := range heldRules {
		lint.Register(r)
	}
}

// heldPage is a page titled "Held N SEED" of 2,000 lines, with directives
// that turn some of the two test rules' findings off.
func heldPage(n int, seed uint64) []lint.Input {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Held %d %d\n---\n\n", n, seed)
	for i := 0; i < 2000; i++ {
		switch i % 97 {
		case 5:
			b.WriteString("<!-- ladderlint-disable-next-line test-held test-unheld -->\n")
		case 40:
			b.WriteString("<!-- ladderlint-disable test-held test-unheld -->\n\n")
		case 60:
			b.WriteString("<!-- ladderlint-enable test-held test-unheld -->\n\n")
		}
		fmt.Fprintf(&b, "Line %d of the page.\n\n", i)
	}
	return []lint.Input{{Path: "held.md", Data: []byte(b.String())}}
}

func onlyRule(t *testing.T, id string) *lint.Config {
	t.Helper()
	cfg := lint.DefaultConfig()
	for _, r := range lint.Rules() {
		if r.ID != id && cfg.Severity(r) != 0 {
			if err := cfg.Disable(r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := cfg.Enable(id); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestHeldSameAsReported: findings held with Pass.Hold in a cross-file
// rule's per-file stage and reported with SetPass.ReportHeld are those of
// keeping every diagnostic to the cross-file stage: the same listed
// findings, in the same order, and the same count and severity of those
// not listed, with the page's directives, findings at one place and past
// the end, and pages under, at and far over the cap.
func TestHeldSameAsReported(t *testing.T) {
	for _, n := range []int{0, 30, lint.MaxPerRule, lint.MaxPerRule + 1, 3 * lint.MaxPerRule, 5000} {
		for seed := uint64(1); seed <= 3; seed++ {
			in := heldPage(n, seed)
			held := linttest.RunInputs(t, onlyRule(t, "test-held"), in).Findings
			all := linttest.RunInputs(t, onlyRule(t, "test-unheld"), in).Findings
			for k := range all {
				all[k].Rule = "test-held"
				all[k].Message = strings.Replace(all[k].Message, "test-unheld", "test-held", 1)
			}
			for k := range held {
				held[k].Fingerprint = ""
			}
			for k := range all {
				all[k].Fingerprint = ""
			}
			if n > 2*lint.MaxPerRule && !strings.Contains(all[len(all)-1].Message, "more findings of test-held") {
				t.Fatalf("%d diagnostics: no finding counts those not listed", n)
			}
			if !reflect.DeepEqual(held, all) {
				t.Fatalf("%d diagnostics, seed %d: held gives %d findings, kept whole %d", n, seed, len(held), len(all))
			}
		}
	}
}

// TestHeldPeakHeap: a cross-file rule that holds 40,000 findings of a page
// to its cross-file stage with Pass.Hold raises the peak heap by about what
// the capped findings take, not by all of them (40 MB of messages alone).
func TestHeldPeakHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("40,000 findings")
	}
	cfg := onlyRule(t, "test-held")
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	var res *lint.Result
	base := linttest.PeakHeap(func() { res = linttest.RunInputs(t, cfg, heldPage(0, 1)) })
	all := linttest.PeakHeap(func() { res = linttest.RunInputs(t, cfg, heldPage(40000, 1)) })
	t.Logf("peak heap: %d MB without findings, %d MB with 40,000 held", base>>20, all>>20)
	if len(res.Findings) != lint.MaxPerRule+1 || !strings.Contains(res.Findings[lint.MaxPerRule].Message, "more findings of test-held") {
		t.Fatalf("%d findings, want %d and one that counts the rest", len(res.Findings), lint.MaxPerRule+1)
	}
	if all > base+8<<20 {
		t.Errorf("40,000 held findings on a page raised the peak heap from %d MB to %d MB", base>>20, all>>20)
	}
}
