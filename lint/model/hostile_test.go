package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/schema"
)

func TestHostileShapes(t *testing.T) {
	for name, gen := range hostile.Shapes {
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
	for name, gen := range hostile.Shapes {
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
	for name, src := range hostile.OddInputs {
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
	for _, gen := range hostile.Shapes {
		f.Add([]byte(gen(3)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fam := Parse("fuzz.md", data)
		checkSpans(t, fam)
	})
}
