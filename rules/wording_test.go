package rules

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// fixLines returns the lines of findings that carry a fix, and of those that
// do not.
func fixLines(fs []lint.Finding) (fixed, unfixed map[int]bool) {
	fixed, unfixed = map[int]bool{}, map[int]bool{}
	for _, f := range fs {
		if len(f.Fixes) > 0 {
			fixed[f.Line] = true
		} else {
			unfixed[f.Line] = true
		}
	}
	return
}

// A long run of one repeated word is one finding, not one per pair, and
// costs no more than the words themselves.
func TestRepeatedWordRun(t *testing.T) {
	page := "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n" + strings.Repeat("buffalo ", 200000) + "\n"
	res := linttest.Lint(t, nil, map[string]string{"run.md": page}, "repeated-word")
	if len(res.Findings) != 1 {
		t.Fatalf("want one finding for the run, got %d", len(res.Findings))
	}
	if f := res.Findings[0]; f.Line != 7 || f.Column != 1 || !strings.Contains(f.Message, "200000 times") || len(f.Fixes) != 1 {
		t.Errorf("got %d:%d %q with %d fixes", f.Line, f.Column, f.Message, len(f.Fixes))
	}
}

func TestRepeatedWord(t *testing.T) {
	res := linttest.Run(t, "testdata/repeated-word", "repeated-word")
	_, unfixed := fixLines(res.Findings)
	// a repeat around markup is not fixed: the fix would touch the markup
	for _, l := range []int{25} {
		if !unfixed[l] {
			t.Errorf("line %d: want no fix", l)
		}
		delete(unfixed, l)
	}
	for l := range unfixed {
		t.Errorf("line %d: want a fix", l)
	}
	out := fixedText(t, res, "testdata/repeated-word/page.md")
	for _, want := range []string{"reports to the Engineering Manager.", "- Review and merge code", "- Keep The handbook current", "[the](/the/the) page", "- Café and naïve ones", "ends with the next line", "five. The run is one finding"} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
}

// fixedText applies the fixes of a run's findings in one fixture file.
func fixedText(t *testing.T, res *lint.Result, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fs []lint.Finding
	for _, f := range res.Findings {
		if f.Path == path {
			fs = append(fs, f)
		}
	}
	out, _ := lint.ApplyFixes(data, fs)
	return string(out)
}

func TestMisspelling(t *testing.T) {
	res := linttest.Run(t, "testdata/misspelling/default", "misspelling")
	out := fixedText(t, res, "testdata/misspelling/default/page.md")
	for _, want := range []string{"### Responsibilities", "- Receive and review", "Work across teams and ACROSS THE BOARD", "**acheive**ment",
		"the Principal Accounting Officer", "Reports to an [Engineering Manager]", "Administer a Salesforce instance and a team wiki. An overview",
		"an vendor management tools"} { // the plural "tools" closes the phrase: "a" is no sure fix either
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
	linttest.Run(t, "testdata/misspelling/config", "misspelling")
}

// The dictionary checker: typos of dictionary words are found, names,
// jargon, derived words and words in code, links, URLs, placeholders and
// front matter are not; a fix is written only when one candidate keeps the
// word's form ("practies" is "practices", not "practise").
func TestMisspellingDictionary(t *testing.T) {
	res := linttest.Run(t, "testdata/misspelling/dictionary", "misspelling")
	out := fixedText(t, res, "testdata/misspelling/dictionary/page.md")
	for _, want := range []string{"### Responsibilities", "services and their practices", "- Collaborate with stakeholders on incident resolution",
		"- Be responsible for", "in the woring group", "description: \"Responsible for reliability\""} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
	// a dropped letter of a common short word, the word after a prefix's
	// hyphen read joined, a capital typed twice, a stray apostrophe; a
	// compound run together is offered the page's forms, with no fix
	out = fixedText(t, res, "testdata/misspelling/dictionary/slips.md")
	for _, want := range []string{"Candidates will be invited, and this will be that plan", "Meet Wil and the WLL team",
		"Strategic multi-tasker", "Self-awareness", "Community Program with the iPhone", "- Bachelor's Degree",
		"‘the team's’ goals", "analytical and problemsolving skills"} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
	// two slips in a long word: a pair typed twice or dropped, a letter
	// out of place; the fix writes the one word that fits
	out = fixedText(t, res, "testdata/misspelling/dictionary/two-slips.md")
	for _, want := range []string{"& Quantitative Feedback", "the quantitative results", "the participation of each team in the stakeholder review",
		"the cutover of", "Meet Bronwyn", "the signup form", "the demoable feature"} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
}

// The shapes of two slips: a pair typed twice, a pair dropped, a letter
// two or more places from its own; not two letters changed, a pair added
// that repeats nothing, nor a swap of neighbours (one edit).
func TestTwoSlips(t *testing.T) {
	for _, c := range []struct {
		w, c string
		want bool
	}{
		{"quantititative", "quantitative", true},
		{"participatation", "participation", true},
		{"quantitive", "quantitative", true},
		{"documention", "documentation", true},
		{"netifly", "netlify", true},
		{"steakholder", "stakeholder", true},
		{"kubenertes", "kubernetes", true},
		{"kbuerentes", "kubernetes", false}, // two letters out of place
		{"cutover", "cover", false},
		{"signup", "sign", false},
		{"bronwyn", "brown", false},
		{"clearbit", "clearest", false},
		{"recieve", "receive", false}, // one swap: one edit
		{"scorable", "scramble", false},
	} {
		if got := twoSlips(c.w, c.c); got != c.want {
			t.Errorf("twoSlips(%q, %q) = %v, want %v", c.w, c.c, got, c.want)
		}
	}
}

// The site's vocabulary: a word two other pages use is the site's own, a
// typo the site repeats is not when the right word is far more used.
func TestMisspellingSiteVocabulary(t *testing.T) {
	linttest.Run(t, "testdata/misspelling/site", "misspelling")
}

func TestMisspellingLocale(t *testing.T) {
	cfg, err := lint.ParseConfig("x.yml", []byte("rules:\n  misspelling:\n    locale: FR\n"))
	if err == nil || !strings.Contains(err.Error(), "locale") {
		t.Fatalf("want a locale error, got %v (%v)", err, cfg)
	}
}

func TestRoleNameMismatch(t *testing.T) {
	res := linttest.Run(t, "testdata/role-name-mismatch", "role-name-mismatch")
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "this page has no role of that name") {
			continue // no heading to compare the name with
		}
		if f.Diff == "" || !strings.Contains(f.Diff, "[-") && !strings.Contains(f.Diff, "{+") {
			t.Errorf("%d: finding without a word diff: %q", f.Line, f.Diff)
		}
	}
}

func TestSpecialtyBoilerplate(t *testing.T) {
	res := linttest.Run(t, "testdata/specialty-boilerplate", "specialty-boilerplate")
	diffs := map[int]string{}
	for _, f := range res.Findings {
		diffs[f.Line] = f.Diff
	}
	if d := diffs[37]; !strings.Contains(d, "Reliability specialty {+is+} requires:") {
		t.Errorf("line 37: diff %q does not show the inserted word", d)
	}
	if d := diffs[43]; !strings.Contains(d, "[-for the Senior Manager, Infrastructure, Cloud Efficiency-]{+, this+}") {
		t.Errorf("line 43: diff %q does not show the missing base", d)
	}
}

func TestSectionNameConsistency(t *testing.T) {
	// with misspelling on, as by default: a misspelt section name is one
	// finding, misspelling's
	res := linttest.Run(t, "testdata/section-name-consistency", "section-name-consistency", "misspelling")
	for _, f := range res.Findings {
		// from what the page has to what it should have
		if strings.Contains(f.Message, "is named") && f.Diff != "[-Qualifications-]{+Requirements+}" && f.Diff != "[-requirements-]{+Requirements+}" &&
			f.Diff != "[-Key duties-]{+Responsibilities+}" && f.Diff != "[-Individual-]Responsibilities" &&
			f.Diff != "Staff Technical Manager [-Key Duties-]{+Responsibilities+}" && f.Diff != "Additional [-Key Duties-]{+Responsibilities+}" &&
			f.Diff != "[-Performance indicators-]{+Performance Indicators+}" && f.Diff != "[-Hiring process-]{+Hiring Process+}" {
			t.Errorf("%d: diff %q", f.Line, f.Diff)
		}
		// a role's sections at another depth: one finding, at the role's
		// heading, naming the sections' lines as its places
		if strings.HasSuffix(f.Path, "depth/above.md") && f.Line == 27 && !slices.Equal(f.Places, []int{29, 33}) {
			t.Errorf("above.md:27: places %v, want [29 33]", f.Places)
		}
		if strings.HasSuffix(f.Path, "case/repeated-lower.md") && f.Line == 22 && !slices.Equal(f.Places, []int{40, 58}) {
			t.Errorf("repeated-lower.md:22: places %v, want [40 58]", f.Places)
		}
	}
}

func TestBulletDrift(t *testing.T) {
	res := linttest.Run(t, "testdata/bullet-drift", "bullet-drift")
	want := map[string]bool{
		// from what the page has to what the copy has
		"Ability to perform in {+a+} fast-moving startup environment with many teams":                           false,
		"Build working relationships across Customer Service, Legal, Sales, FP&A{+,+} Accounting and Tax teams": false,
		"[-Reviews-]{+Review+} the brand budget with finance every month and adjust it":                         false,
	}
	for _, f := range res.Findings {
		if _, ok := want[f.Diff]; ok {
			want[f.Diff] = true
		}
	}
	for d, seen := range want {
		if !seen {
			t.Errorf("no finding with the diff %q", d)
		}
	}
}

func TestBulletDriftOptions(t *testing.T) {
	page := "---\ntitle: X\n---\n\n## A Engineer\n\n### Responsibilities\n\n- Review merge requests in a large codebase\n\n" +
		"## B Engineer\n\n### Responsibilities\n\n- Review merge requests in large codebase\n"
	res := linttest.Lint(t, nil, map[string]string{"x.md": page}, "bullet-drift")
	if len(res.Findings) != 1 {
		t.Errorf("an article dropped: want one finding by default, got %d", len(res.Findings))
	}
	cfg, err := lint.ParseConfig("c.yml", []byte("rules:\n  bullet-drift:\n    min_words: 6\n"))
	if err != nil {
		t.Fatal(err)
	}
	res = linttest.Lint(t, cfg, map[string]string{"x.md": page}, "bullet-drift")
	if len(res.Findings) != 0 {
		t.Errorf("with min_words 6 a bullet of five content words is not compared: got %+v", res.Findings)
	}
	if _, err := lint.ParseConfig("c.yml", []byte("rules:\n  bullet-drift:\n    min_similarity: 1.5\n")); err == nil {
		t.Error("min_similarity 1.5 accepted")
	}
}

func TestLevelCopy(t *testing.T) {
	res := linttest.Run(t, "testdata/level-copy/default", "level-copy")
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "Backend Engineer\": no") && f.Diff != "Take part in the on-call rotation and fix the incidents [-found-]{+you find+}" {
			t.Errorf("%d: diff %q", f.Line, f.Diff)
		}
		if strings.Contains(f.Message, "100%") && f.Diff != "(the same text)" {
			t.Errorf("%d: diff %q", f.Line, f.Diff)
		}
	}
	linttest.Run(t, "testdata/level-copy/strict", "level-copy")
	if _, err := lint.ParseConfig("c.yml", []byte("rules:\n  level-copy:\n    sections: [hiring-process]\n")); err == nil {
		t.Error("a family section kind accepted in sections")
	}
}

func TestTermConsistency(t *testing.T) {
	res := linttest.Run(t, "testdata/term-consistency/page", "term-consistency")
	out := fixedText(t, res, "testdata/term-consistency/page/support.md")
	for _, want := range []string{"title: GitLab Support Engineer", "Answer customer email", "Write JavaScript and JavaScript", "OKRs and OKRs", "- Use GitLab every day", "Use gitlab.com, GitLab.com and GitLab.com"} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
	// a preferred name in another case ("Gitlab", its message says no
	// more) misspells the name: the finding stands for misspelling's
	// defect too; a variant of a word ("e-mail") does not
	preferredMsg := regexp.MustCompile(`^write "[^"]+", not "[^"]+"$`)
	n := 0
	for _, f := range res.Findings {
		covers := len(f.Covers) == 1 && f.Covers[0] == "misspelling"
		if covers {
			n++
		}
		if preferredMsg.MatchString(f.Message) != covers && !strings.Contains(f.Message, "ExperIence") {
			t.Errorf("%s:%d: %s: covers %v", f.Path, f.Line, f.Message, f.Covers)
		}
	}
	if n == 0 {
		t.Error("no finding covers misspelling")
	}
	// with scope: handbook the usual spelling is counted over all files;
	// an apostrophe plural in one file meets the plain one in another
	linttest.Run(t, "testdata/term-consistency/handbook", "term-consistency")
	// the documented examples (a cross-file rule: TestRegistry skips them)
	bad := linttest.Lint(t, nil, map[string]string{"bad.md": termConsistencyRule.Doc.Bad}, "term-consistency")
	if len(bad.Findings) != 2 {
		t.Errorf("bad example: %d findings, want 2", len(bad.Findings))
	}
	good := linttest.Lint(t, nil, map[string]string{"good.md": termConsistencyRule.Doc.Good}, "term-consistency")
	for _, f := range good.Findings {
		t.Errorf("good example reported: %s", f.Message)
	}
}

// TestStrayCapital checks which mixed-case words term-consistency also
// counts as misspelling's typo: an English word with a capital inside, not
// a name.
func TestStrayCapital(t *testing.T) {
	for w, want := range map[string]bool{"ExperIence": true, "managEment": true, "GitLab": false, "DevOps": false,
		"Experience": false, "EXPERIENCE": false, "Data-Driven": false} {
		if got := strayCapital(w); got != want {
			t.Errorf("strayCapital(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestBulletDriftManyCopies: a page of many near copies, every pair of
// them the same bullet with an article dropped between roles, costs a
// look-up a pair and makes one finding a bullet at most: the allocations
// grow with the page (about five times at five times the bullets; at most
// six), not with its pairs (a diff, or even one allocation, a pair would
// pass that).
func TestBulletDriftManyCopies(t *testing.T) {
	page := func(n int) string {
		var b strings.Builder
		b.WriteString("---\ntitle: X\n---\n\n")
		for i := 0; i < n; i++ {
			article := "a "
			if i%2 == 1 {
				article = ""
			}
			fmt.Fprintf(&b, "## Engineer %d\n\n### Requirements\n\n- Ability to perform in %sfast-moving startup environment with team w%d\n\n", i, article, i)
		}
		return b.String()
	}
	var res *lint.Result
	small := linttest.Mallocs(func() { res = linttest.Lint(t, nil, map[string]string{"x.md": page(100)}, "bullet-drift") })
	large := linttest.Mallocs(func() { linttest.Lint(t, nil, map[string]string{"x.md": page(500)}, "bullet-drift") })
	if len(res.Findings) != 50 {
		t.Errorf("%d findings on 100 bullets, 50 of them without the article: want one each", len(res.Findings))
	}
	t.Logf("%d allocations for 100 bullets, %d for 500", small, large)
	if large > 6*small {
		t.Errorf("%d allocations for 500 bullets, %d for 100: the pairs allocate", large, small)
	}
}

// splitHyphens's pieces in lower case are each piece's strings.ToLower,
// whether cut from the word's lower case (ASCII) or lowered on their own
// (a non-breaking hyphen, a letter that is not ASCII).
func TestSplitHyphensLower(t *testing.T) {
	for _, text := range []string{"Cross-Functional teams", "e-mail and E-Mail", "Self‑Service", "Über-Cool X-Ray", "re-re-Run", "plain words"} {
		words := prose.Words(text, true)
		got := splitHyphens(text, prose.NewTextWords(text, words))
		for i, pw := range got.Words {
			w := wordIn(text, pw)
			if w.Text != text[w.Start:w.End] || got.Lower(i) != strings.ToLower(w.Text) || strings.ContainsAny(w.Text, "-‑") {
				t.Errorf("%q: piece %d %q (lower %q)", text, i, w.Text, got.Lower(i))
			}
		}
	}
}

func TestRoleNameMismatchCoversGarbledSection(t *testing.T) {
	// "Responsibilities Accounting" between the role's name and
	// "Requirements": the heading names two sections, section-name-
	// consistency's defect too; a stray word that names no section
	// ("Global") is role-name-mismatch's alone
	src := "---\ntitle: Accounting\n---\n\n## Levels\n\n### Manager, Accounting\n\n#### Manager, Accounting Job Grade\n\n" +
		"The Manager, Accounting is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
		"#### Manager, Accounting Responsibilities\n\n- Close the books\n\n" +
		"#### Manager, Accounting Responsibilities Accounting Requirements\n\n- Accounting experience\n\n" +
		"### Director, Accounting\n\n#### Director, Accounting Job Grade\n\n" +
		"The Director, Accounting is a [grade 10](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
		"#### Director, Accounting Responsibilities\n\n- Lead the close\n\n" +
		"#### Director, Accounting Global Requirements\n\n- Leadership experience\n"
	covers := func(rules ...string) map[int][]string {
		res := linttest.Lint(t, lint.DefaultConfig(), map[string]string{"accounting.md": src}, rules...)
		out := map[int][]string{}
		for _, f := range res.Findings {
			if f.Rule == "role-name-mismatch" {
				out[f.Line] = f.Covers
			}
		}
		return out
	}
	got := covers("role-name-mismatch", "section-name-consistency")
	if c, ok := got[17]; !ok || len(c) != 1 || c[0] != "section-name-consistency" {
		t.Errorf("line 17: covers %v (found %v), want [section-name-consistency]", c, ok)
	}
	if c, ok := got[31]; !ok || c != nil {
		t.Errorf("line 31: covers %v (found %v), want a finding covering no other rule", c, ok)
	}
	if c := covers("role-name-mismatch")[17]; c != nil {
		t.Errorf("section-name-consistency off: line 17 covers %v, want none", c)
	}
}
