package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLinkStyle(t *testing.T) {
	linttest.Run(t, "testdata/link-style", "link-style")
}

// TestLinkStyleFix checks the edits --fix makes: root-relative forms for
// own-site URLs and resolvable ./ links, a leading slash where it is
// missing, and no edit where the target is not written in place.
func TestLinkStyleFix(t *testing.T) {
	cfg, err := lint.LoadConfig("testdata/link-style/.ladderlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	src := "---\ntitle: Fix\n---\n\n" +
		"[a](https://handbook.gitlab.com/handbook/values/#results) and <a href=\"https://about.gitlab.com/handbook/\">b</a>\n" +
		"[c](./deeper/) [d](./nowhere/) [e](handbook/values/)\n" +
		"<https://handbook.gitlab.com/handbook/> [f][own] [g](<https://handbook.gitlab.com/x/>)\n\n" +
		"[own]: https://handbook.gitlab.com/handbook/\n"
	want := "---\ntitle: Fix\n---\n\n" +
		"[a](/handbook/values/#results) and <a href=\"/handbook/\">b</a>\n" +
		"[c](/job-families/fixtures/fix/deeper/) [d](./nowhere/) [e](/handbook/values/)\n" +
		"<https://handbook.gitlab.com/handbook/> [f][own] [g](<https://handbook.gitlab.com/x/>)\n\n" +
		"[own]: https://handbook.gitlab.com/handbook/\n"
	res := linttest.Lint(t, cfg, map[string]string{"testdata/link-style/fix.md": src}, "link-style")
	if len(res.Findings) != 8 {
		for _, f := range res.Findings {
			t.Logf("%d:%d %s", f.Line, f.Column, f.Message)
		}
		t.Fatalf("got %d findings, want 8", len(res.Findings))
	}
	got, _ := lint.ApplyFixes([]byte(src), res.Findings)
	if string(got) != want {
		t.Errorf("fixed text:\n%s\nwant:\n%s", got, want)
	}
}
