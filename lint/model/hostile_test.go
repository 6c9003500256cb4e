package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"gitlab.com/ladderlint/ladderlint/schema"
)

// shapes are pathological page shapes: deep nesting, long lines, many
// headings and roles. Parse must handle each (the test's timeout guards
// against a hang); BenchmarkShapes checks that time grows linearly.
var shapes = map[string]func(n int) string{
	"headings": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%s Role %d Responsibilities\n\n- item %d\n\n", strings.Repeat("#", 2+i%4), i, i)
		}
		return b.String()
	},
	"roles": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "## Manager %d\n\n### Job Grade\n\nThe Manager %d is a [grade 8](/x#gitlab-job-grades).\n\n### Responsibilities\n\n- a\n\n", i, i)
		}
		return b.String()
	},
	"specialties": func(n int) string {
		var b strings.Builder
		b.WriteString("## Manager, X\n\n### Job Grade\n\nThe Manager, X is a grade 8.\n\n## Specialties\n\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "### Manager, X (S%d)\n\nIn addition to the requirements defined above for the Manager, X, S%d specialty requires:\n\n- b\n\n", i, i)
		}
		return b.String()
	},
	"quotes": func(n int) string { return strings.Repeat(">", n) + " text\n" },
	"lists": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i%100) + "- item\n")
		}
		return b.String()
	},
	"longline": func(n int) string { return strings.Repeat("word [link](/a) `code` {{< ref \"x\" >}} ", n) + "\n" },
	"brackets": func(n int) string { return strings.Repeat("[", n) + "x" + strings.Repeat("](/a)", n) + "\n" },
	"emphasis": func(n int) string { return strings.Repeat("*a **b ", n) + "\n" },
	"bold":     func(n int) string { return strings.Repeat("**Requirements**\n\n- a\n\n", n) },
	"comments": func(n int) string { return strings.Repeat("<!-- ladderlint-disable x --> a\n\n", n) },
	"tables": func(n int) string {
		return "| Role | Grade |\n|---|---|\n" + strings.Repeat("| [Senior](/a) | [Grade 7](/x#gitlab-job-grades) |\n", n)
	},
	"frontmatter": func(n int) string {
		return "---\ntitle: x\n" + strings.Repeat("k: [a, b]\n", n) + "---\n\ntext\n"
	},
}

func TestHostileShapes(t *testing.T) {
	for name, gen := range shapes {
		t.Run(name, func(t *testing.T) {
			src := gen(5000)
			f := Parse("x.md", []byte(src))
			checkSpans(t, f)
		})
	}
}

// BenchmarkShapes times the model on each shape at two sizes: the ns/op of
// n=40000 should be about twice that of n=20000 (linear time).
func BenchmarkShapes(b *testing.B) {
	for name, gen := range shapes {
		for _, n := range []int{20000, 40000} {
			src := []byte(gen(n))
			b.Run(fmt.Sprintf("%s/n=%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for i := 0; i < b.N; i++ {
					Parse("x.md", src)
				}
			})
			b.Run(fmt.Sprintf("%s/goldmark/n=%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for i := 0; i < b.N; i++ {
					Markdown.Parser().Parse(text.NewReader(src))
				}
			})
		}
	}
}

func TestOddInputs(t *testing.T) {
	inputs := map[string]string{
		"empty":                   "",
		"bom only":                "\ufeff",
		"front matter only":       "---\ntitle: x\n---\n",
		"front matter no newline": "---\ntitle: x\n---",
		"unclosed front matter":   "---\ntitle: x\n",
		"dashes only":             "---",
		"lone CR":                 "## A\r\rtext\r",
		"mixed endings":           "## A\r\n\ntext\n\r\n",
		"invalid utf8":            "## A\xff\xfe\n\n- \xc3\n",
		"NUL":                     "## A\x00\n",
		"alias bomb":              "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: [*g]\n---\n",
		"yaml not a map":          "---\n- a\n- b\n---\n",
		"heading only":            "#",
		"unclosed fence":          "```\n## Not a heading\n",
		"shortcode unclosed":      "[a]({{< ref \"x\" \n",
		"link at end":             "[a](",
		"nested shortcode":        "{{< a {{< ref \"x\" >}} >}}",
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			f := Parse("x.md", []byte(src))
			checkSpans(t, f)
			if name == "alias bomb" && (f.FrontMatter.Err == nil || !strings.Contains(f.FrontMatter.Err.Message, "too large")) {
				t.Errorf("an alias bomb must be refused, got %+v", f.FrontMatter.Err)
			}
		})
	}
}

// checkSpans asserts the model's invariants: spans within the text, the
// model valid against its schema.
func checkSpans(t *testing.T, f *Family) {
	t.Helper()
	n := len(f.Source.Text)
	ok := func(what string, s Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Errorf("%s span %v outside [0,%d]", what, s, n)
		}
	}
	for _, h := range f.Headings {
		ok("heading", h.Span)
		ok("heading text", h.TextSpan)
	}
	for _, l := range f.Links {
		ok("link", l.Span)
		ok("link destination", l.DestSpan)
	}
	for _, b := range f.Blocks {
		ok("block", b.Span)
		for i := 0; i <= len(b.Text); i += 1 + len(b.Text)/50 {
			if o := b.SourceOffset(i); o < 0 || o > n {
				t.Errorf("block offset %d maps to %d", i, o)
			}
		}
	}
	for _, r := range f.Roles {
		ok("role", r.Span)
		ok("role title", r.TitleSpan)
		if r.Grade != nil {
			ok("grade", r.Grade.Span)
		}
	}
	for _, c := range f.Code {
		ok("code", c)
	}
	inst, err := schema.ToJSONValue(f.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Family().Validate(inst); err != nil {
		t.Errorf("model does not validate: %v", err)
	}
}

// FuzzParse feeds arbitrary bytes to the model builder; seeds are the
// project's fixtures and sample handbook. `go test` runs the seeds; the
// scheduled CI job fuzzes longer.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"../../testdata", "../../rules/testdata", "testdata/fuzz-seeds"} {
		_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") && info.Size() < 64<<10 {
				if data, err := os.ReadFile(p); err == nil {
					f.Add(data)
				}
			}
			return nil
		})
	}
	for _, gen := range shapes {
		f.Add([]byte(gen(3)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fam := Parse("fuzz.md", data)
		checkSpans(t, fam)
	})
}
