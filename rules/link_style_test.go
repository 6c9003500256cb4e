package rules

import (
	"fmt"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLinkStyle(t *testing.T) {
	linttest.Run(t, "testdata/link-style", "link-style")
}

// TestLinkStyleFix checks the edits --fix makes: root-relative forms for
// own-site URLs and resolvable ./ links (a reference link's in its
// definition), a leading slash where it is missing, and no edit where the
// target is not written in place (an autolink's URL is its text).
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
		"[own]: /handbook/\n"
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

// TestOwnURLOneFinding: a full URL to the site that leads nowhere was two
// findings at one column (link-style and link-target); it is one now,
// link-target's, saying it is written as a full URL. A full URL that does
// lead to a page stays link-style's, and with link-target off link-style
// still reports the broken one.
func TestOwnURLOneFinding(t *testing.T) {
	src := "---\ntitle: Own\n---\n\n" +
		"[gone](https://handbook.gitlab.com/handbook/zz-gone/) and [values](https://handbook.gitlab.com/handbook/values/)\n"
	path := "testdata/link-style/own.md"
	load := func() *lint.Config {
		cfg, err := lint.LoadConfig("testdata/link-style/.ladderlint.yml")
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	res := linttest.Lint(t, load(), map[string]string{path: src}, "link-style", "link-target")
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d:%d %s: %s", f.Line, f.Column, f.Rule, f.Message))
	}
	want := []string{
		"5:8 link-target: no page at /handbook/zz-gone/; the link is also written as a full URL to this site (https://handbook.gitlab.com/handbook/zz-gone/): once it leads to a page, write it root-relative",
		"5:68 link-style: full URL to this site: write the root-relative link /handbook/values/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the one finding stands for both rules' defects (what the accuracy
	// yardstick matches labels of either rule with)
	if c := res.Findings[0].Covers; len(c) != 1 || c[0] != "link-style" {
		t.Errorf("link-target's finding on a full URL covers %v, want [link-style]", c)
	}
	rel := "---\ntitle: Own\n---\n\n[gone](/handbook/zz-gone/)\n"
	if res := linttest.Lint(t, load(), map[string]string{path: rel}, "link-style", "link-target"); len(res.Findings) != 1 || res.Findings[0].Covers != nil {
		t.Errorf("a broken root-relative link: %+v, want one link-target finding covering no other rule", res.Findings)
	}
	res = linttest.Lint(t, load(), map[string]string{path: src}, "link-style")
	if len(res.Findings) != 2 {
		t.Errorf("link-target off: %d link-style findings, want 2", len(res.Findings))
	}
	// the same for a fragment that matches no heading: link-fragment's alone
	frag := "---\ntitle: Own\n---\n\n[frag](https://handbook.gitlab.com/handbook/values/#zz-nope) [ok](https://handbook.gitlab.com/handbook/values/#results)\n"
	res = linttest.Lint(t, load(), map[string]string{path: frag}, "link-style", "link-target", "link-fragment")
	got = nil
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
	}
	if strings.Join(got, " ") != "5:8 link-fragment 5:67 link-style" {
		t.Errorf("broken fragment of a full URL: %v", got)
	}
	if len(res.Findings) > 0 && !strings.Contains(res.Findings[0].Message, "also written as a full URL") {
		t.Errorf("link-fragment message: %s", res.Findings[0].Message)
	}
}

// TestRelativeLinkOneFinding: a relative link that leads nowhere was
// reported by link-style (./ prefix, missing slash) and link-target at one
// column; it is link-target's alone now, and a missing leading slash is
// fixed by link-target's fix.
func TestRelativeLinkOneFinding(t *testing.T) {
	cfg, err := lint.LoadConfig("testdata/link-style/.ladderlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	src := "---\ntitle: Rel\n---\n\n[a](handbook/values/) [b](./nowhere/) [c](handbook/zz-nope/) [d](./deeper/)\n"
	path := "testdata/link-style/fix.md"
	res := linttest.Lint(t, cfg, map[string]string{path: src}, "link-style", "link-target")
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
	}
	if want := "5:5 link-target 5:27 link-target 5:43 link-target 5:66 link-style"; strings.Join(got, " ") != want {
		t.Errorf("findings %v, want %s", got, want)
	}
	fixed, _ := lint.ApplyFixes([]byte(src), res.Findings)
	want := "---\ntitle: Rel\n---\n\n[a](/handbook/values/) [b](./nowhere/) [c](handbook/zz-nope/) [d](/job-families/fixtures/fix/deeper/)\n"
	if string(fixed) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", fixed, want)
	}
}
