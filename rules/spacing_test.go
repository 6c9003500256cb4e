package rules

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestSpacing(t *testing.T) {
	res := linttest.Run(t, "testdata/spacing", "spacing")
	// beside a slash either side may be meant, a soft hyphen without the
	// page's evidence may be a stray character, and a lost line break's
	// indentation is unknown: no fix there
	noFix := map[string]bool{"page.md:20": true, "page.md:21": true, "joined.md:11": true, "joined.md:15": true}
	for _, f := range res.Findings {
		k := filepath.Base(f.Path) + ":" + strconv.Itoa(f.Line)
		if noFix[k] != (len(f.Fixes) == 0) {
			t.Errorf("%s: %d fixes, want fix %v", k, len(f.Fixes), !noFix[k])
		}
	}
	out := fixedText(t, res, "testdata/spacing/page.md")
	for _, want := range []string{
		"Backend Engineer (Intermediate) share", "skills. The ability", "agree? Then", "database, for",
		"and problem-solving <!--", "user expectations. <!--", "roadmap, objectives, dependencies",
		"\n- Team Leadership:", "internal /external",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
	out = fixedText(t, res, "testdata/spacing/joined.md")
	for _, want := range []string{"go-to\u00ad market", "the self-service portal", "of the IT Alliance", "with for QA teams", "systems. - Demonstrated"} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed text lacks %q", want)
		}
	}
}

// A heading that lacks the space before its parenthesis is reported but
// not fixed: a heading's text is its anchor, and links may lead to it.
func TestSpacingHeadingNoFix(t *testing.T) {
	page := "---\ntitle: Analyst\n---\n\n## Analyst(Intermediate)\n\nThe Analyst (Intermediate) and the Analyst (Intermediate) again.\n"
	res := linttest.Lint(t, nil, map[string]string{"h.md": page}, "spacing")
	if len(res.Findings) != 1 {
		t.Fatalf("want one finding, got %d", len(res.Findings))
	}
	if f := res.Findings[0]; f.Line != 5 || f.Column != 4 || len(f.Fixes) != 0 {
		t.Errorf("got %d:%d with %d fixes", f.Line, f.Column, len(f.Fixes))
	}
}

// Hostile input: long runs of every form the rule looks at cost work in
// proportion to the text (a parenthesis that never closes, list markers on
// every line): five times the text, at most eight times the allocations
// (counted, not timed); and findings stay one per slip.
func TestSpacingHostile(t *testing.T) {
	page := func(k int) string {
		var sb strings.Builder
		sb.WriteString("---\ntitle: Analyst\n---\n\n## Analyst\n\n")
		sb.WriteString(strings.Repeat("the Analyst (Intermediate ", 4*k) + strings.Repeat("Analyst(Intermediate ", 2*k) + "\n\n")
		sb.WriteString(strings.Repeat("- Item one\n-Item two\n", k) + "\n")
		sb.WriteString(strings.Repeat("skills.The ", k) + strings.Repeat("go-to\u00ad ", k) + strings.Repeat("a /b ", k) + "\n")
		return sb.String()
	}
	var res *lint.Result
	small := linttest.Mallocs(func() { linttest.Lint(t, nil, map[string]string{"h.md": page(1000)}, "spacing") })
	large := linttest.Mallocs(func() { res = linttest.Lint(t, nil, map[string]string{"h.md": page(5000)}, "spacing") })
	if large > 8*small {
		t.Errorf("%d allocations for 1,000 runs of each form, %d for 5,000: not linear", small, large)
	}
	if len(res.Findings) == 0 {
		t.Error("no findings")
	}
}
