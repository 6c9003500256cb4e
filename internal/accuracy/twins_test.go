package accuracy

import "testing"

func TestFamilyKey(t *testing.T) {
	for in, want := range map[string]string{
		"gitlab-handbook/content/job-families/finance/billing.md":                                     "finance/billing",
		"www-gitlab-com-2022/sites/uncategorized/source/job-families/finance/billing/index.html.md":   "finance/billing",
		"www-gitlab-com-2022/sites/uncategorized/source/job-families/sales/x_y/index.html.md.erb":     "sales/x-y",
		"gitlab-handbook/content/job-families/sales/x-y/_index.md":                                    "sales/x-y",
		"gitlab-handbook/content/job-families/engineering/development/backend/senior.md":              "engineering/development/backend/senior",
		"www-gitlab-com-2022/sites/uncategorized/source/job-families/engineering/development/backend": "engineering/development/backend",
		"elsewhere/page.md": "elsewhere/page",
	} {
		if got := FamilyKey(in); got != want {
			t.Errorf("FamilyKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// A family in both halves marks both its pages; a family in both corpora
// but one half, or in one corpus only, marks none.
func TestTwins(t *testing.T) {
	h := func(s string) string { return "gitlab-handbook/content/job-families/" + s + ".md" }
	w := func(s string) string {
		return "www-gitlab-com-2022/sites/uncategorized/source/job-families/" + s + "/index.html.md"
	}
	pages := []Page{
		{Path: h("a/split"), Check: true}, {Path: w("a/split"), Check: false},
		{Path: h("a/same"), Check: true}, {Path: w("a/same"), Check: true},
		{Path: h("a/alone"), Check: false},
		{Path: w("a/split-more"), Check: false},
	}
	got := Twins(pages)
	if !got[h("a/split")] || !got[w("a/split")] || len(got) != 2 {
		t.Errorf("Twins = %v, want the two a/split pages only", got)
	}
}

// The report's Untwinned row leaves out the measured half's pages whose
// family has a page in the other half.
func TestMeasureUntwinned(t *testing.T) {
	run := testRun(t)
	// "e" keys as "e"; a tuning page of the same key makes it a twin.
	rep := Measure(run, mustLabels(t), nil)
	if rep.Twinned != 0 || rep.Untwinned.Labels != rep.Total.Labels || rep.Untwinned.Findings != rep.Total.Findings {
		t.Fatalf("no twins: Twinned %d, Untwinned %+v, Total %+v", rep.Twinned, rep.Untwinned, rep.Total)
	}
	run.Pages = append(run.Pages, Page{Path: "x/job-families/e.md", Check: false})
	rep = Measure(run, mustLabels(t), nil)
	if rep.Twinned != 1 || rep.Untwinned.Labels != 0 || rep.Untwinned.Findings != 0 || rep.Total.Labels == 0 {
		t.Errorf("e twinned: Twinned %d, Untwinned %+v, Total %+v", rep.Twinned, rep.Untwinned, rep.Total)
	}
}

func mustLabels(t *testing.T) []Label {
	t.Helper()
	l, err := ReadLabels(writeJSONL(t, pageELabels...))
	if err != nil {
		t.Fatal(err)
	}
	return l
}
