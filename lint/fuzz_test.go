package lint_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Fuzz targets for the engine. `go test` runs their seeds (the sample
// handbook, rule fixtures, a sample of the corpus, the hostile shapes and
// the crashers kept in testdata/fuzz/); the scheduled CI job fuzzes each
// for longer: go test ./lint -run '^$' -fuzz '^FuzzLintFile$' -fuzztime 10m

// FuzzLintFile lints one page with every default rule: no panic, no
// internal error, and findings that point inside the page, sorted, with
// unique fingerprints and fixes that apply.
func FuzzLintFile(f *testing.F) {
	for _, page := range hostile.SeedPages("..") {
		f.Add(page)
	}
	eng, err := lint.NewEngine(lint.DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	eng.Workers = 1
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := eng.Run(context.Background(), []lint.Input{{Path: "fuzz.md", Data: data}})
		if err != nil {
			t.Fatalf("run: %v", err)
		}
		for _, e := range res.Internal {
			t.Errorf("internal error: %v", e)
		}
		if len(res.Files) != 1 || res.Files[0].Family == nil {
			t.Fatalf("want the one file's model, got %+v", res.Files)
		}
		checkFindings(t, res.Files[0].Family, res.Findings)
	})
}

// checkFindings asserts what reporters and editors rely on: one-line
// messages, positions inside the page (lines from 1, columns in characters from 1, the end
// not before the start), the report order, unique fingerprints, known
// rules and severities, and fixes that apply to the page's text.
func checkFindings(t *testing.T, fam *model.Family, fs []lint.Finding) {
	t.Helper()
	src := fam.Source
	seen := map[string]bool{}
	for i, fd := range fs {
		where := fmt.Sprintf("finding %d (%s %d:%d %q)", i, fd.Rule, fd.Line, fd.Column, fd.Message)
		if fd.Path != fam.Path {
			t.Errorf("%s: path %q", where, fd.Path)
		}
		if lint.Lookup(fd.Rule) == nil || fd.Message == "" || strings.ContainsAny(fd.Message, "\r\n") {
			t.Errorf("%s: unknown rule, or a message that is empty or not one line", where)
		}
		if fd.Severity < lint.Info || fd.Severity > lint.Error {
			t.Errorf("%s: severity %v", where, fd.Severity)
		}
		for _, p := range []lint.Finding{{Line: fd.Line, Column: fd.Column}, {Line: fd.EndLine, Column: fd.EndColumn}} {
			if p.Line < 1 || p.Line > src.Lines() {
				t.Errorf("%s: line %d outside 1..%d", where, p.Line, src.Lines())
			} else if width := utf8.RuneCountInString(src.LineText(p.Line)); p.Column < 1 || p.Column > width+1 {
				t.Errorf("%s: column %d outside 1..%d of line %d", where, p.Column, width+1, p.Line)
			}
		}
		if fd.EndLine < fd.Line || fd.EndLine == fd.Line && fd.EndColumn < fd.Column {
			t.Errorf("%s: ends at %d:%d, before it starts", where, fd.EndLine, fd.EndColumn)
		}
		if fd.Offset < 0 || fd.Offset > fd.EndOff || fd.EndOff > len(src.Text) {
			t.Errorf("%s: offsets %d..%d outside the text of %d bytes", where, fd.Offset, fd.EndOff, len(src.Text))
		}
		if len(fd.Fingerprint) != 32 || seen[fd.Fingerprint] {
			t.Errorf("%s: fingerprint %q missing or shared", where, fd.Fingerprint)
		}
		seen[fd.Fingerprint] = true
		for _, e := range fd.Fixes {
			if e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > len(src.Text) {
				t.Errorf("%s: fix %v outside the text", where, e.Span)
			}
		}
	}
	sorted := slices.Clone(fs)
	lint.SortFindings(sorted)
	for i := range fs {
		if fs[i].Fingerprint != sorted[i].Fingerprint {
			t.Fatalf("findings not in report order at %d: %s:%d:%d after %s:%d:%d", i, fs[i].Rule, fs[i].Line, fs[i].Column, fs[max(i-1, 0)].Rule, fs[max(i-1, 0)].Line, fs[max(i-1, 0)].Column)
		}
	}
	lint.ApplyFixes(src.Text, fs) // must not panic, whatever the rules offer
}

// FuzzDirectives checks inline directives on any page: ParseDirectives
// reads every comment that starts with "ladderlint-" into a directive whose
// rule spans lie in the comment, and Suppress agrees with a plain reading
// of the directives (the last disable or enable before a line decides),
// keeps the order of findings, never drops the directive rule's own, and
// is idempotent.
func FuzzDirectives(f *testing.F) {
	f.Add([]byte(placeholderPage))
	f.Add([]byte("<!-- ladderlint-disable a,b -- why -->\nx\n<!-- ladderlint-enable b -->\ny\n<!-- ladderlint-disable-next-line -->\nz\n<!-- ladderlint-disable-file c -->\n"))
	f.Add([]byte("<!-- ladderlint-disable-next-line a\nb -->\nx\n<!--ladderlint-bogus a-->\n<div><!-- ladderlint-enable --></div>\n"))
	for _, page := range hostile.SeedPages("..") {
		if strings.Contains(string(page), lint.DirectivePrefix) {
			f.Add(page)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fam := model.Parse("fuzz.md", data)
		ds := lint.ParseDirectives(fam)
		n := 0
		for _, c := range fam.Comments {
			if strings.HasPrefix(strings.TrimSpace(c.Text), lint.DirectivePrefix) {
				n++
			}
		}
		if len(ds) != n {
			t.Fatalf("%d directives for %d directive comments", len(ds), n)
		}
		rules := map[string]bool{"a": true, lint.DirectiveRuleID: true}
		for i, d := range ds {
			if (d.Kind == "") == (d.Bad == "") || len(d.Rules) != len(d.Spans) || d.Line > d.EndLine {
				t.Fatalf("directive %d malformed: %+v", i, d)
			}
			for k, sp := range d.Spans {
				if sp.Start < d.Comment.Span.Start || sp.End > d.Comment.Span.End || sp.Start > sp.End {
					t.Fatalf("directive %d: rule span %v outside the comment %v", i, sp, d.Comment.Span)
				}
				if got := string(fam.Source.Text[sp.Start:sp.End]); got != d.Rules[k] && sp != d.Comment.Span {
					t.Errorf("directive %d: span of rule %q holds %q", i, d.Rules[k], got)
				}
				rules[d.Rules[k]] = true
			}
		}
		// a finding of every rule named, on every line
		var fs []lint.Finding
		for line := 1; line <= fam.Source.Lines()+1; line++ {
			for _, r := range slices.Sorted(maps.Keys(rules)) {
				fs = append(fs, lint.Finding{Rule: r, Path: "fuzz.md", Line: line, Column: 1, Fingerprint: fmt.Sprintf("%s:%d", r, line)})
			}
		}
		got := lint.Suppress(fam, slices.Clone(fs))
		var want []lint.Finding
		for _, fd := range fs {
			if fd.Rule == lint.DirectiveRuleID || !suppressedByScan(ds, fd) {
				want = append(want, fd)
			}
		}
		if !slices.EqualFunc(got, want, func(a, b lint.Finding) bool { return a.Fingerprint == b.Fingerprint }) {
			t.Fatalf("Suppress kept %v, want %v", fingerprints(got), fingerprints(want))
		}
		if again := lint.Suppress(fam, slices.Clone(got)); len(again) != len(got) {
			t.Fatalf("Suppress is not idempotent: %d then %d findings", len(got), len(again))
		}
	})
}

// suppressedByScan is the plain reading of the directives Suppress
// implements with an index.
func suppressedByScan(ds []lint.Directive, fd lint.Finding) bool {
	names := func(d lint.Directive) bool { return len(d.Rules) == 0 || slices.Contains(d.Rules, fd.Rule) }
	off := false
	for _, d := range ds {
		if d.Bad != "" || !names(d) {
			continue
		}
		switch d.Kind {
		case lint.DisableFile:
			return true
		case lint.DisableNextLine:
			if d.EndLine+1 == fd.Line {
				return true
			}
		case lint.Disable, lint.Enable:
			if d.Line <= fd.Line {
				off = d.Kind == lint.Disable
			}
		}
	}
	return off
}

func fingerprints(fs []lint.Finding) []string {
	var out []string
	for _, fd := range fs {
		out = append(out, fd.Fingerprint)
	}
	return out
}
