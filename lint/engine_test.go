package lint_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	_ "gitlab.com/ladderlint/ladderlint/rules"
)

const placeholderPage = `---
title: Suppression
---

{add one}

<!-- ladderlint-disable template-placeholder -->
{add two}
{add three}
<!-- ladderlint-enable template-placeholder -->

{add four}

<!-- ladderlint-disable-next-line template-placeholder -- reason -->
{add five}
{add six}

<!-- ladderlint-disable-next-line heading-increment -->
{add seven}

<!-- ladderlint-disable -->
{add eight}
<!-- ladderlint-enable -->
{add nine}
`

func TestSuppression(t *testing.T) {
	res := linttest.Lint(t, nil, map[string]string{"p.md": placeholderPage}, "template-placeholder")
	var got []string
	for _, f := range res.Findings {
		got = append(got, strings.TrimSuffix(strings.TrimPrefix(f.Message, "template placeholder "), " left in the page"))
	}
	want := "{add one},{add four},{add six},{add seven},{add nine}"
	if strings.Join(got, ",") != want {
		t.Fatalf("findings after suppression: %v, want %s", strings.Join(got, ","), want)
	}
}

func TestDisableFile(t *testing.T) {
	page := "---\ntitle: T\n---\n\n<!-- ladderlint-disable-file template-placeholder -->\n\n{add one}\n\n## H\n\n#### Skip\n"
	res := linttest.Lint(t, nil, map[string]string{"p.md": page}, "template-placeholder", "heading-increment")
	if len(res.Findings) != 1 || res.Findings[0].Rule != "heading-increment" {
		t.Fatalf("want only the heading-increment finding, got %+v", res.Findings)
	}
	all := strings.Replace(page, "disable-file template-placeholder", "disable-file", 1)
	if res := linttest.Lint(t, nil, map[string]string{"p.md": all}, "template-placeholder", "heading-increment"); len(res.Findings) != 0 {
		t.Fatalf("disable-file without rules must suppress every rule, got %+v", res.Findings)
	}
}

func TestFingerprintsIgnoreLineMoves(t *testing.T) {
	page := "---\ntitle: T\n---\n\n## Manager, X\n\nThe {add role} reports to {add manager}.\n\n### Responsibilities\n\n- Lead\n\n## Director, X\n\nThe {add role} leads.\n\n### Responsibilities\n\n- Direct\n"
	moved := strings.Replace(page, "## Manager, X\n", "## Manager, X\n\nA new paragraph.\n\nAnd another.\n", 1)
	a := linttest.Lint(t, nil, map[string]string{"p.md": page}, "template-placeholder").Findings
	b := linttest.Lint(t, nil, map[string]string{"p.md": moved}, "template-placeholder").Findings
	if len(a) != 3 || len(b) != 3 {
		t.Fatalf("want 3 findings each, got %d and %d", len(a), len(b))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i].Line == b[i].Line {
			t.Fatalf("the edit did not move finding %d", i)
		}
		if a[i].Fingerprint != b[i].Fingerprint {
			t.Errorf("finding %d: fingerprint changed when lines were added above", i)
		}
		if seen[a[i].Fingerprint] {
			t.Errorf("two findings share fingerprint %s", a[i].Fingerprint)
		}
		seen[a[i].Fingerprint] = true
	}
	if a[0].Role != "Manager, X" || a[2].Role != "Director, X" {
		t.Errorf("roles: %q, %q", a[0].Role, a[2].Role)
	}
}

func TestRunIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".md")] = "---\ntitle: T\n---\n\n## A\n\n#### B\n\n{add x} {add y}\n"
	}
	cfg := lint.DefaultConfig()
	var inputs []lint.Input
	for p, s := range files {
		inputs = append(inputs, lint.Input{Path: p, Data: []byte(s)})
	}
	run := func(workers int) []lint.Finding {
		eng, err := lint.NewEngine(cfg)
		if err != nil {
			t.Fatal(err)
		}
		eng.Workers = workers
		res, err := eng.Run(context.Background(), inputs)
		if err != nil {
			t.Fatal(err)
		}
		return res.Findings
	}
	one, many := run(1), run(8)
	if len(one) == 0 || len(one) != len(many) {
		t.Fatalf("%d and %d findings", len(one), len(many))
	}
	for i := range one {
		if one[i].Path != many[i].Path || one[i].Line != many[i].Line || one[i].Rule != many[i].Rule || one[i].Fingerprint != many[i].Fingerprint {
			t.Fatalf("finding %d differs between 1 and 8 workers: %+v vs %+v", i, one[i], many[i])
		}
	}
	for i := 1; i < len(one); i++ {
		a, b := one[i-1], one[i]
		if a.Path > b.Path || a.Path == b.Path && (a.Line > b.Line || a.Line == b.Line && a.Column > b.Column) {
			t.Fatalf("findings not sorted at %d", i)
		}
	}
}

var panicky = &lint.Rule{
	ID: "test-panic", Title: "panics on pages titled Boom", Category: lint.Structure, Severity: lint.Error, Optional: true,
	Doc: lint.Doc{Description: "test only", Bad: "x", Good: "y", Excerpt: true},
	Check: func(p *lint.Pass) {
		if p.File.Title == "Boom" {
			var m map[string]int
			m["x"]++ // a nil-map write: a real panic
		}
		p.Reportf(model.Span{}, "ran on %s", p.File.Title)
	},
}

func init() { lint.Register(panicky) }

func TestPanicInRuleIsReported(t *testing.T) {
	cfg := lint.DefaultConfig()
	if err := cfg.Enable("test-panic"); err != nil {
		t.Fatal(err)
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Run(context.Background(), []lint.Input{
		{Path: "a.md", Data: []byte("---\ntitle: Boom\n---\n")},
		{Path: "b.md", Data: []byte("---\ntitle: Fine\n---\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) != 1 || !strings.Contains(res.Internal[0].Error(), "test-panic") || !strings.Contains(res.Internal[0].Error(), "a.md") {
		t.Fatalf("internal errors: %v", res.Internal)
	}
	ran := false
	for _, f := range res.Findings {
		if f.Rule == "test-panic" && f.Path == "b.md" {
			ran = true
		}
	}
	if !ran {
		t.Fatal("the other file was not checked after the panic")
	}
}

func TestUnreadableInputIsAnError(t *testing.T) {
	eng, err := lint.NewEngine(lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Run(context.Background(), []lint.Input{{Path: filepath.Join(t.TempDir(), "missing.md")}})
	var re *lint.ReadError
	if !errors.As(err, &re) || !strings.Contains(re.Error(), "missing.md") {
		t.Fatalf("want a ReadError naming the file, got %v", err)
	}
}

func TestSizeCap(t *testing.T) {
	cfg := lint.DefaultConfig()
	cfg.MaxFileSize = 100
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, []byte("---\ntitle: T\n---\n"+strings.Repeat("{add x}\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Run(context.Background(), []lint.Input{{Path: big}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "input" || !strings.Contains(res.Findings[0].Message, "100-byte limit") {
		t.Fatalf("want one input finding, got %+v", res.Findings)
	}
}

// TestFingerprintsIndependentOfWorkingFolder: a baseline written from the
// repository root must match a run from a subfolder.
func TestFingerprintsIndependentOfWorkingFolder(t *testing.T) {
	repo := t.TempDir()
	sub := filepath.Join(repo, "content")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(sub, "p.md")
	if err := os.WriteFile(page, []byte("---\ntitle: T\n---\n\n{add x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(dir, path string) lint.Finding {
		t.Chdir(dir)
		eng, err := lint.NewEngine(lint.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		res, err := eng.Run(context.Background(), []lint.Input{{Path: path}})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Rule == "template-placeholder" {
				return f
			}
		}
		t.Fatal("no finding")
		return lint.Finding{}
	}
	a := run(repo, "content/p.md")
	b := run(sub, "p.md")
	if a.Path == b.Path {
		t.Fatal("the paths should differ: they are relative to the current folder")
	}
	if a.Fingerprint != b.Fingerprint {
		t.Fatalf("fingerprints differ between the repository root (%s) and content/ (%s)", a.Fingerprint, b.Fingerprint)
	}
}

// Run notes are said once per key, and what is said does not depend on the
// order the files were linted in.
func TestEnvNotes(t *testing.T) {
	env := lint.NewEnv(lint.DefaultConfig())
	if env.Notes() != nil {
		t.Fatal("notes before any")
	}
	env.Note("z/key", lint.Note{Message: "z"})
	env.Note("a/key", lint.Note{Message: "file b.md"})
	env.Note("a/key", lint.Note{Message: "file a.md"})
	env.Note("a/key", lint.Note{Message: "file c.md"})
	got := env.Notes()
	if len(got) != 2 || got[0].Message != "file a.md" || got[1].Message != "z" {
		t.Errorf("notes %+v", got)
	}
}

// engineRun lints the inputs with the default config and the given engine
// settings.
func engineRun(t *testing.T, inputs []lint.Input, set func(*lint.Engine)) *lint.Result {
	t.Helper()
	cfg := lint.DefaultConfig()
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	set(eng)
	res, err := eng.Run(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sampleInputs are the pages of the sample handbook's job families.
func sampleInputs(t *testing.T) []lint.Input {
	t.Helper()
	var inputs []lint.Input
	_ = filepath.Walk("../testdata/handbook/content/job-families", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
			inputs = append(inputs, lint.Input{Path: p})
		}
		return nil
	})
	if len(inputs) < 3 {
		t.Fatalf("sample handbook: %d pages", len(inputs))
	}
	return inputs
}

// With Reported set (--new-from-rev), the findings on the reported files
// are those of a run that checks every file, and no other file has any;
// without KeepModels, released page caches change nothing either.
func TestReportedFilesSameFindings(t *testing.T) {
	inputs := sampleInputs(t)
	full := engineRun(t, inputs, func(e *lint.Engine) { e.KeepModels = true })
	byPath := map[string][]lint.Finding{}
	for _, f := range full.Findings {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	released := engineRun(t, inputs, func(*lint.Engine) {})
	if len(released.Findings) != len(full.Findings) {
		t.Fatalf("released caches: %d findings, kept: %d", len(released.Findings), len(full.Findings))
	}
	for i := range full.Findings {
		if a, b := full.Findings[i], released.Findings[i]; a.Fingerprint != b.Fingerprint || a.Message != b.Message || a.Line != b.Line {
			t.Fatalf("released caches: finding %d differs:\n%+v\n%+v", i, b, a)
		}
	}
	checked := 0
	for _, in := range inputs {
		want := byPath[lint.DisplayPath(in.Path)]
		if len(want) == 0 {
			continue
		}
		checked++
		only := lint.DisplayPath(in.Path)
		res := engineRun(t, inputs, func(e *lint.Engine) { e.Reported = func(p string) bool { return p == only } })
		if len(res.Findings) != len(want) {
			t.Fatalf("%s reported alone: %d findings, full run: %d", only, len(res.Findings), len(want))
		}
		for i, f := range res.Findings {
			w := want[i]
			if f.Path != only || f.Rule != w.Rule || f.Message != w.Message || f.Line != w.Line || f.Column != w.Column {
				t.Errorf("%s reported alone: finding %d is %s:%d:%d %s %q, full run %s:%d:%d %s %q",
					only, i, f.Path, f.Line, f.Column, f.Rule, f.Message, w.Path, w.Line, w.Column, w.Rule, w.Message)
			}
		}
	}
	if checked < 3 {
		t.Fatalf("only %d sample pages have findings", checked)
	}
}

// TestFindingsCappedPerRule: a page with more template placeholders than
// lint.MaxPerRule gets that many findings and one that counts the rest;
// findings a directive turns off are not counted.
func TestFindingsCappedPerRule(t *testing.T) {
	page := func(n, off int) string {
		var b strings.Builder
		b.WriteString("---\ntitle: Many\n---\n\n")
		if off > 0 {
			b.WriteString("<!-- ladderlint-disable template-placeholder -->\n")
			for i := 0; i < off; i++ {
				fmt.Fprintf(&b, "{off %d here}\n\n", i)
			}
			b.WriteString("<!-- ladderlint-enable template-placeholder -->\n\n")
		}
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "{add %d here}\n\n", i)
		}
		return b.String()
	}
	res := linttest.Lint(t, nil, map[string]string{"p.md": page(lint.MaxPerRule+30, 0)}, "template-placeholder")
	if len(res.Findings) != lint.MaxPerRule+1 {
		t.Fatalf("%d findings, want %d", len(res.Findings), lint.MaxPerRule+1)
	}
	last := res.Findings[lint.MaxPerRule]
	if !strings.HasPrefix(last.Message, "30 more findings of template-placeholder on this page are not listed") {
		t.Errorf("last finding: %q", last.Message)
	}
	if !strings.Contains(res.Findings[lint.MaxPerRule-1].Message, fmt.Sprintf("{add %d here}", lint.MaxPerRule-1)) {
		t.Errorf("the findings kept are not the first of the page: %q", res.Findings[lint.MaxPerRule-1].Message)
	}
	// near miss: as many as the cap, the others turned off by a directive
	res = linttest.Lint(t, nil, map[string]string{"p.md": page(lint.MaxPerRule, 40)}, "template-placeholder")
	if len(res.Findings) != lint.MaxPerRule {
		t.Fatalf("%d findings, want %d", len(res.Findings), lint.MaxPerRule)
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "more findings") || strings.Contains(f.Message, "{off") {
			t.Errorf("unexpected finding %q", f.Message)
		}
	}
}

// TestSlimModelsSameFindings: without KeepModels, each page is slimmed
// (model.Family.Slim) after its per-file stage when every cross-file rule
// reads only what a slim page keeps; the findings, the cross-file rules'
// included, with their positions, roles and suppression, are those of a
// run that keeps every model. A cross-file rule that reads whole models
// (level-dimensions) keeps them.
func TestSlimModelsSameFindings(t *testing.T) {
	inputs := sampleInputs(t)
	inputs = append(inputs,
		lint.Input{Path: "extra/diagram.md", Data: []byte(lint.Lookup("career-ladder").Doc.Bad)},
		lint.Input{Path: "extra/typos.md", Data: []byte("---\ntitle: Typos\n---\n\n## Responsibilities\n\n" +
			"- Mentor the teamm on releases\n" +
			"<!-- ladderlint-disable-next-line misspelling -->\n- Reveiw the plans\n- Reveiw the code\n")},
		// a name the page writes three times inside sentences and in a
		// link's address only (not in its title): a name, slim or not
		lint.Input{Path: "extra/names.md", Data: []byte("---\ntitle: Community Membership\n---\n\n## Responsibilities\n\n" +
			"- Review code in the [repository](https://github.com/sermant-io/Sermant)\n" +
			"- Help users of Sermant with questions\n- Write docs so that Sermant is easy to adopt\n- Present Sermant at meetups\n")})
	kept := engineRun(t, inputs, func(e *lint.Engine) { e.KeepModels = true })
	slim := engineRun(t, inputs, func(*lint.Engine) {})
	if len(slim.Findings) != len(kept.Findings) {
		t.Fatalf("slim models: %d findings, kept: %d", len(slim.Findings), len(kept.Findings))
	}
	rules := map[string]int{}
	for i := range kept.Findings {
		a, b := kept.Findings[i], slim.Findings[i]
		a.Fixes, b.Fixes = nil, nil
		if fmt.Sprintf("%+v", a) != fmt.Sprintf("%+v", b) {
			t.Errorf("slim models: finding %d differs:\n%+v\nkept:\n%+v", i, b, a)
		}
		rules[a.Rule]++
	}
	for _, id := range []string{"career-ladder", "grade-consistency", "misspelling"} {
		if rules[id] == 0 {
			t.Errorf("no %s finding: the sample does not test its merge stage on slim pages", id)
		}
	}
	var typos []string
	for _, f := range slim.Findings {
		if f.Rule == "misspelling" && f.Path == "extra/typos.md" {
			typos = append(typos, fmt.Sprintf("%d %s", f.Line, f.Role))
		}
	}
	if strings.Join(typos, ",") != "7 ,10 " {
		t.Errorf("misspellings on the typos page at %q, want lines 7 and 10 (9 turned off by its directive)", typos)
	}
	slimmed := func(res *lint.Result) int {
		n := 0
		for _, fr := range res.Files {
			if fr.Family != nil && !fr.Family.Skipped && fr.Family.Blocks == nil {
				n++
			}
		}
		return n
	}
	if n := slimmed(slim); n != len(inputs) {
		t.Errorf("%d of %d pages slimmed", n, len(inputs))
	}
	if n := slimmed(kept); n != 0 {
		t.Errorf("KeepModels: %d pages slimmed", n)
	}
	// near miss: a cross-file rule that reads sections keeps the models
	cfg, err := lint.ParseConfig("dims.yml", []byte("rules:\n  level-dimensions:\n    severity: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := slimmed(linttest.RunInputs(t, cfg, inputs)); n != 0 {
		t.Errorf("with level-dimensions on: %d pages slimmed", n)
	}
}
