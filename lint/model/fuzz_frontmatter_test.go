package model

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
)

// FuzzFrontMatter feeds arbitrary YAML to the front matter reader, as the
// body between '---' lines (and, for the delimiters themselves, as the
// whole page): no panic; a front matter is either read (a mapping whose
// keys are unique names, within the value budget, every key and value at
// a position inside it) or refused with one issue inside the page; the
// title is the title key's text. Seeds are the front matters of the
// fixtures and of a sample of the corpus.
func FuzzFrontMatter(f *testing.F) {
	for _, page := range hostile.SeedPages("../..") {
		if fm := parseFrontMatter(NewSource(page)); fm != nil {
			f.Add(page[fm.Body.Start:fm.Body.End])
		}
	}
	f.Add([]byte(strings.TrimSuffix(strings.TrimPrefix(hostile.AliasBomb, "---\n"), "---\n")))
	f.Add([]byte("title: a\ntitle: b\n"))
	f.Add([]byte("a: &a {b: *a}\n"))
	f.Add([]byte("? [a, b]\n: c\ntitle: x\n"))
	f.Add([]byte("title: |\n  multi\n  line\naliases: [/a, /b]\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		checkFrontMatter(t, Parse("fm.md", append(append([]byte("---\n"), body...), "\n---\n\n## Heading\n"...)))
		checkFrontMatter(t, Parse("fm.md", body))
	})
}

func checkFrontMatter(t *testing.T, f *Family) {
	t.Helper()
	fm := f.FrontMatter
	n := len(f.Source.Text)
	if fm == nil {
		if bytes.HasPrefix(f.Source.Text, []byte("---\n")) {
			t.Fatal("a page starting with '---' and a newline has a front matter")
		}
		return
	}
	in := func(what string, s Span, lo, hi int) {
		if s.Start < lo || s.End > hi || s.Start > s.End {
			t.Fatalf("%s span %v outside [%d,%d]", what, s, lo, hi)
		}
	}
	in("front matter", fm.Span, 0, n)
	in("body", fm.Body, fm.Span.Start, fm.Span.End)
	if fm.Err != nil {
		in("error", fm.Err.Span, 0, n)
		if fm.Node != nil {
			t.Fatal("a refused front matter keeps no YAML")
		}
		if !issued(f, fm.Err) {
			t.Fatal("the front matter error is not among the page's issues")
		}
	}
	if fm.Node == nil {
		return
	}
	if fm.Node.Kind != yaml.MappingNode {
		t.Fatalf("front matter root is kind %v, not a mapping", fm.Node.Kind)
	}
	budget := maxFrontMatterNodes + 1
	var walk func(n *yaml.Node, depth int)
	walk = func(y *yaml.Node, depth int) {
		if budget--; budget < 0 || depth > 60 {
			t.Fatal("an accepted front matter is larger or deeper than the limits")
		}
		in("node", fm.NodeSpan(y), fm.Body.Start, fm.Body.End)
		keys := map[string]bool{}
		for i, c := range y.Content {
			if y.Kind == yaml.MappingNode && i%2 == 0 {
				if c.Kind != yaml.ScalarNode {
					t.Fatalf("a key of kind %v in an accepted front matter", c.Kind)
				}
				if keys[c.Value] {
					t.Fatalf("key %q twice in an accepted front matter", c.Value)
				}
				keys[c.Value] = true
			}
			walk(c, depth+1)
		}
		if y.Kind == yaml.AliasNode && y.Alias != nil {
			walk(y.Alias, depth+1)
		}
	}
	walk(fm.Node, 0)
	if title, ok := fm.String("title"); ok && f.Title != strings.TrimSpace(title) {
		t.Fatalf("title %q, front matter says %q", f.Title, title)
	}
	_ = fm.Strings("aliases")
	_ = fm.KeySpan("title")
}

func issued(f *Family, is *ParseIssue) bool {
	for _, x := range f.Issues {
		if x == is {
			return true
		}
	}
	return false
}
