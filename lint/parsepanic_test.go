package lint_test

import (
	"context"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// The model builder panics on pages holding hostile.ParsePanic, standing
// for a bug in goldmark or the model.
func init() { hostile.PanicOn(model.Markdown.Parser()) }

// TestPanicInModelBuilderIsReported: a panic while modelling one file (in a
// worker, where it would end the process) is an internal error naming the
// file; the file gets an input finding, the other files are checked.
func TestPanicInModelBuilderIsReported(t *testing.T) {
	eng, err := lint.NewEngine(lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Run(context.Background(), []lint.Input{
		{Path: "a.md", Data: []byte("---\ntitle: A\n---\n\n" + hostile.ParsePanic + "\n")},
		{Path: "b.md", Data: []byte("---\ntitle: B\n---\n\n{add x}\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) != 1 || !strings.Contains(res.Internal[0].Error(), "model builder panicked on a.md") {
		t.Fatalf("internal errors: %v", res.Internal)
	}
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.Path+" "+f.Rule)
	}
	if got := strings.Join(rules, ","); !strings.Contains(got, "a.md input") || !strings.Contains(got, "b.md template-placeholder") {
		t.Fatalf("findings %s: want a.md's input finding and b.md checked", got)
	}
}
