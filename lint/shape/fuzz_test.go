package shape_test

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

// FuzzFind: any page is read without a panic, and every span the shape
// gives lies within the page.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"# L\n\n## L1 A\n\n**S:** x\n\n## L2 B\n\n- __I: y__\n",
		"| a | L1 | L2 |\n|---|---|---|\n| b | | TBD |\n",
		"<table><tr><th>x</th><th>IC1</th><th>IC2</th></tr><tr><td>y</td><td></td><td>z</td></tr></table>",
		"## Engineer II (IC 3)\n\nSame as L1, L2, but also:\n\n## Engineer III\n\n### Red flags\n",
		"## **\n\n## __a:__\n\n**:** \n\n- ****\n",
		"# Roles\n\n* Senior Maintainers\n  * x\n* Standard Maintainers\n\n- M3 (a): b\n- M4: c\n",
	} {
		f.Add(s)
	}
	o := options(f)
	f.Fuzz(func(t *testing.T, src string) {
		fam := model.Parse("f.md", []byte(src))

		n := len(fam.Source.Text)
		in := func(s model.Span) bool { return s.Start >= 0 && s.End <= n && s.Start <= s.End }
		for _, l := range shape.Find(fam, o) {
			for _, v := range l.Levels {
				if !in(v.TitleSpan) || !in(v.Body) || !in(v.CodeSpan) {
					t.Fatalf("level %q spans %v %v %v out of %d", v.Title, v.TitleSpan, v.Body, v.CodeSpan, n)
				}
				for _, d := range v.Dims {
					if !in(d.Span) || !in(d.Body) {
						t.Fatalf("dimension %q spans %v %v out of %d", d.Name, d.Span, d.Body, n)
					}
				}
			}
		}
		if l := shape.PageLevel(fam, o); l != nil && !in(l.Body) {
			t.Fatalf("page body %v", l.Body)
		}
	})
}
