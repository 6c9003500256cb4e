// Package hostile holds pathological markdown pages for tests, fuzz seeds
// and benchmarks: page shapes that grow with a size parameter (deep
// nesting, long lines, many headings) and small odd inputs (empty files,
// broken front matter, invalid UTF-8, alias bombs).
//
// It imports nothing from ladderlint, so that every package's tests can
// use it, the model's included. PanicOn injects a fault into the goldmark
// parser the model uses, for tests of what a run does when it panics.
package hostile

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Shapes generate a page of a pathological shape whose size grows linearly
// with n. The model, and a whole lint, must take time linear in n.
var Shapes = map[string]func(n int) string{
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
	// nested lists and quotes opened on a single line
	"nestedlists": func(n int) string { return strings.Repeat("- ", n) + "x\n" },
	"quotedlists": func(n int) string { return strings.Repeat("> - ", n) + "x\n" },
	// lists nested by indentation, deeper than any real page
	"staircase": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i%250) + "- x\n")
		}
		return b.String()
	},
	// a finding every few characters of one long line
	"placeholders": func(n int) string { return strings.Repeat("{add x} é ", n) + "\n" },
	// one word as long as a page
	"longword": func(n int) string { return strings.Repeat("abcdefghij", n) + "\n" },
	// a table as wide as a page
	"columns": func(n int) string {
		return "|" + strings.Repeat(" Role |", n) + "\n|" + strings.Repeat("---|", n) + "\n|" + strings.Repeat(" [a](/b) |", n) + "\n"
	},
	// one HTML block with many links and anchors
	"htmllinks": func(n int) string {
		return "<div>\n" + strings.Repeat("<a href=\"/x#y\" id=\"z\">a</a>\n", n) + "</div>\n"
	},
	// reference definitions and their uses
	"references": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[r%d]: /x%d\n", i, i)
		}
		b.WriteString("\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[a][r%d] ", i)
		}
		return b.String() + "\n"
	},
	// backtick runs that never close
	"backticks": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("`", 1+i%7) + "a [b](/c) ")
		}
		return b.String() + "\n"
	},
	// shortcodes that never close, on one line
	"shortcodes": func(n int) string { return strings.Repeat("{{< ref \"x\" [a](", n) + "\n" },
	// directives of every kind, many on one page
	"directives": func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "<!-- ladderlint-disable-next-line template-placeholder -->\n{add %d}\n\n<!-- ladderlint-disable heading-increment -->\n#### H%d\n<!-- ladderlint-enable -->\n\n", i, i)
		}
		return b.String()
	},
}

// OddInputs are small pages at the edges of the input space.
var OddInputs = map[string]string{
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
	"alias bomb":              AliasBomb,
	"yaml not a map":          "---\n- a\n- b\n---\n",
	"heading only":            "#",
	"unclosed fence":          "```\n## Not a heading\n",
	"shortcode unclosed":      "[a]({{< ref \"x\" \n",
	"link at end":             "[a](",
	"nested shortcode":        "{{< a {{< ref \"x\" >}} >}}",
}

// AliasBomb is a front matter whose aliases expand to 9^7 values.
const AliasBomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: [*g]\n---\n"

// YAMLBombs are YAML documents (front matter bodies, or configs) built to
// make a YAML reader take much time or memory: aliases that expand
// exponentially (as values or as keys), many keys that are lists (the YAML
// library checks those for duplicates in quadratic time, listing every
// pair in its error), one key repeated, deep nesting.
var YAMLBombs = map[string]string{
	"value aliases": strings.TrimSuffix(strings.TrimPrefix(AliasBomb, "---\n"), "---\n"),
	"key aliases":   "title: x\n? &a [x,x,x,x,x,x,x,x,x]\n: 1\n? &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n: 2\n? &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n: 3\n? &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n: 4\n? &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n: 5\n? &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n: 6\n",
	"list keys":     "title: x\n" + strings.Repeat("? [a]\n: 1\n", 4000),
	"same keys":     strings.Repeat("title: x\n", 4000),
	"deep lists":    "title: " + strings.Repeat("[", 4000) + strings.Repeat("]", 4000) + "\n",
	"deep maps":     "title: x\n" + strings.Repeat("{a: ", 4000) + "1" + strings.Repeat("}", 4000) + "\n",
}

// GradedPage returns a job-family page of n levels, each a heading with its
// grade sentence ("## Senior Engineer 7" / "The Senior Engineer 7 is a
// grade 6."): the shape of bench/hostile.sh's graded-headings page, for the
// tests that measure a page of many roles.
func GradedPage(n int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Engineer\n---\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "## Senior Engineer %d\n\nThe Senior Engineer %d is a grade %d.\n\n", i, i, 5+i%6)
	}
	return b.String()
}

// SeedPages returns pages to seed fuzz targets with, read from the
// repository whose root is root (a relative path from the test's folder):
// its sample handbook and rule fixtures, a bounded sample of the real
// corpus in ../shared/corpus when it is there, every shape at a small
// size and every odd input. The order is deterministic.
func SeedPages(root string) [][]byte {
	var out [][]byte
	for _, dir := range []string{"testdata", "rules/testdata", "cmd/ladderlint/testdata"} {
		for _, p := range markdownFiles(filepath.Join(root, dir)) {
			if data, err := os.ReadFile(p); err == nil {
				out = append(out, data)
			}
		}
	}
	var corpus []string
	for _, dir := range []string{"gitlab-handbook/content/job-families", "www-gitlab-com-2022/sites/uncategorized/source/job-families"} {
		corpus = append(corpus, markdownFiles(filepath.Join(root, "../shared/corpus", dir))...)
	}
	const sample = 40
	step := max(1, len(corpus)/sample)
	for i := 0; i < len(corpus); i += step {
		if data, err := os.ReadFile(corpus[i]); err == nil {
			out = append(out, data)
		}
	}
	for _, name := range sortedKeys(Shapes) {
		out = append(out, []byte(Shapes[name](3)))
	}
	for _, name := range sortedKeys(OddInputs) {
		out = append(out, []byte(OddInputs[name]))
	}
	return out
}

// maxSeedSize keeps fuzz seeds small: the fuzzer mutates them byte by byte.
const maxSeedSize = 64 << 10

// markdownFiles lists the pages under dir (*.md, *.md.erb) up to
// maxSeedSize, sorted; none when dir does not exist.
func markdownFiles(dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".md.erb") {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() && info.Size() <= maxSeedSize {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Allocated returns the bytes fn allocates on the heap: tests bound the
// memory a hostile input costs by it, without timing anything.
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// ParsePanic is text that makes a goldmark parser set up with PanicOn
// panic while parsing: tests use it to stand for a bug in the model builder.
const ParsePanic = "PANIC-IN-PARSE"

// PanicOn adds to p a step that panics on a page holding ParsePanic.
// goldmark reads a parser's options at its first parse: call PanicOn
// before that (from init).
func PanicOn(p parser.Parser) {
	p.AddOptions(parser.WithASTTransformers(util.Prioritized(panicStep{}, 0)))
}

type panicStep struct{}

func (panicStep) Transform(_ *ast.Document, reader text.Reader, _ parser.Context) {
	if bytes.Contains(reader.Source(), []byte(ParsePanic)) {
		panic("injected: the page holds " + ParsePanic)
	}
}
