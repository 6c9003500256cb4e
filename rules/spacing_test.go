package rules

import (
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestSpacing(t *testing.T) {
	res := linttest.Run(t, "testdata/spacing", "spacing")
	_, unfixed := fixLines(res.Findings)
	// beside a slash either side may be meant: no fix
	for _, l := range []int{20, 21} {
		if !unfixed[l] {
			t.Errorf("line %d: want no fix", l)
		}
		delete(unfixed, l)
	}
	for l := range unfixed {
		t.Errorf("line %d: want a fix", l)
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
