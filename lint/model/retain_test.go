package model

import (
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"weak"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// docProbe, when set, sees every document goldmark parses for the model,
// and the text it was parsed from.
var docProbe atomic.Pointer[func(*ast.Document, []byte)]

type probe struct{}

func (probe) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	if fn := docProbe.Load(); fn != nil {
		(*fn)(doc, reader.Source())
	}
}

// The probe must be added before the first parse: goldmark reads its
// options once.
func init() {
	Markdown.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(probe{}, 0)))
}

// TestParseTreeIsReleased checks that a model keeps neither goldmark's
// document nor the copy of the page goldmark read: once Parse returns,
// the garbage collector frees them while the model lives on, so a run's
// memory holds models, not parse trees.
func TestParseTreeIsReleased(t *testing.T) {
	page, err := os.ReadFile("../../testdata/handbook/content/job-families/engineering/infrastructure/engineering-management.md")
	if err != nil {
		t.Fatal(err)
	}
	var doc weak.Pointer[ast.Document]
	var input weak.Pointer[byte]
	called := false
	seen := func(d *ast.Document, src []byte) {
		doc, input, called = weak.Make(d), weak.Make(&src[0]), true
	}
	docProbe.Store(&seen)
	defer docProbe.Store(nil)
	f := Parse("engineering-management.md", page)
	// whether the probe ran, not whether its pointers still hold: a
	// collection may run as Parse returns (under load it did), and then
	// they are already gone, which is what this test wants
	if !called {
		t.Fatal("the probe did not see the parse")
	}
	runtime.GC()
	runtime.GC()
	if doc.Value() != nil {
		t.Error("goldmark's document outlives Parse: the model keeps it")
	}
	if input.Value() != nil {
		t.Error("the text goldmark read outlives Parse: the model keeps it")
	}
	if len(f.Roles) == 0 {
		t.Fatal("no roles: the page was not modelled")
	}
	runtime.KeepAlive(f)
}
