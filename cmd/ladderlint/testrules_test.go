package main

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Rules for the CLI tests, registered in this test binary only. They are
// off by default, and the tests run with these rules alone (see onlyRules),
// so the findings of the tests do not change as real rules are added.
var (
	testJargon = &lint.Rule{
		ID: "test-jargon", Title: "test rule: no ninjas", Category: lint.Wording, Severity: lint.Warning, Optional: true,
		Doc:   lint.Doc{Description: "Reports every \"ninja\", with the word as its subject.", Bad: "ninja\n", Good: "expert\n"},
		Check: func(p *lint.Pass) { reportWord(p, "ninja", `"ninja" is jargon`) },
	}
	testTodo = &lint.Rule{
		ID: "test-todo", Title: "test rule: no TODO", Category: lint.Structure, Severity: lint.Error, Optional: true,
		Doc:   lint.Doc{Description: "Reports every \"TODO\".", Bad: "TODO\n", Good: "done\n"},
		Check: func(p *lint.Pass) { reportWord(p, "TODO", "leftover TODO") },
	}
	testSharedTitle = &lint.Rule{
		ID: "test-shared-title", Title: "test rule: a role title in two files", Category: lint.Wording, Severity: lint.Info, Optional: true,
		Doc:      lint.Doc{Description: "Reports a role title that another file uses too, on each of them.", Bad: "x\n", Good: "y\n", Excerpt: true},
		CheckAll: checkSharedTitle,
	}
	testRuleIDs = []string{"test-jargon", "test-shared-title", "test-todo"}
)

func init() { lint.Register(testJargon, testTodo, testSharedTitle) }

func reportWord(p *lint.Pass, word, msg string) {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(word) + `\b`)
	for _, m := range re.FindAllIndex(p.File.Source.Text, -1) {
		p.Report(lint.Diagnostic{Span: model.Span{Start: m[0], End: m[1]}, Message: msg, Subject: word})
	}
}

func checkSharedTitle(p *lint.SetPass) {
	files := map[string]map[*model.Family]*model.Role{}
	for _, f := range p.Files {
		for _, r := range f.Roles {
			if files[r.Title] == nil {
				files[r.Title] = map[*model.Family]*model.Role{}
			}
			files[r.Title][f] = r
		}
	}
	for _, f := range p.Files {
		for _, r := range f.Roles {
			if len(files[r.Title]) > 1 {
				p.Report(lint.Diagnostic{File: f, Span: r.TitleSpan, Role: r, Message: "role " + r.Title + " is also defined in another file"})
			}
		}
	}
}

// onlyRules returns flags that run the test rules and nothing else.
func onlyRules() []string {
	var args []string
	for _, r := range lint.Rules() {
		if !strings.HasPrefix(r.ID, "test-") {
			args = append(args, "--disable", r.ID)
		}
	}
	for _, id := range testRuleIDs {
		args = append(args, "--enable", id)
	}
	return args
}

// lintArgs is `lint` with the test config and the test rules, then args.
func lintArgs(args ...string) []string {
	return append(append([]string{"lint", "-c", testConfig}, onlyRules()...), args...)
}
