package mutate

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

func parse(t *testing.T, src string) *model.Family {
	t.Helper()
	return model.Parse("page.md", []byte(src))
}

func TestMakeTypo(t *testing.T) {
	for _, c := range []struct {
		w, op string
		i, k  int
		want  string
		ok    bool
	}{
		{"responsible", "drop", 5, 0, "resposible", true},
		{"stakeholders", "drop", 9, 0, "stakeholdrs", true},
		{"collaborate", "drop", 2, 0, "colaborate", true},
		{"process", "double", 3, 0, "proccess", true},
		{"receive", "swap", 3, 0, "recieve", true},
		{"Review", "substitute", 1, 0, "Rwview", true}, // 'e' -> its first neighbour 'w', case kept
		{"support", "substitute", 0, 0, "", false},     // never the first letter
		{"support", "swap", 2, 0, "", false},           // "pp": nothing to swap
		{"support", "drop", 7, 0, "", false},           // out of range
		{"trial", "drop", 3, 0, "", false},             // "trail"? no: "tril" is no word; see below
		{"causal", "swap", 2, 0, "", false},            // "casual": a dictionary word, refused
		{"form", "swap", 1, 0, "", false},              // "from": a dictionary word, refused
	} {
		if c.w == "trial" {
			got, ok := MakeTypo(Dict, "trial", "swap", 2, 0) // "trail": a word, refused
			if ok {
				t.Errorf("MakeTypo(trial, swap, 2) = %q, want refused (a dictionary word)", got)
			}
			continue
		}
		got, ok := MakeTypo(Dict, c.w, c.op, c.i, c.k)
		if ok != c.ok || got != c.want {
			t.Errorf("MakeTypo(%q, %s, %d) = %q, %v; want %q, %v", c.w, c.op, c.i, got, ok, c.want, c.ok)
		}
	}
}

const page = `---
title: Analyst
---
## Associate Analyst

### Responsibilities

- Work with cross-functional partners on the Sales Team plans.
- Lead cross-functional reviews with the Sales Team.
- Cross-functional work opens every quarter.

### Requirements

- Attention to detail

## Senior Analyst

### Responsibilities

- Review the close

### Requirements

- Experience with audits

## Staff Analyst

### Job Grade

The Staff Analyst is a [grade 8](/handbook/x/#gitlab-job-grades).

### Responsibilities

- Lead the close

### Requirements

- Experience with teams

## Principal Analyst

### Job Grade

The Principal Analyst is a [grade 9](/handbook/x/#gitlab-job-grades).
`

// each mutation's Old is the source it replaces, at its line, and the
// page keeps its number of lines
func checkPositions(t *testing.T, f *model.Family, ms []Mutation) {
	t.Helper()
	src := f.Source.Text
	for _, m := range ms {
		if string(src[m.Start:m.End]) != m.Old {
			t.Errorf("%s: source at %d:%d is %q, not %q", m.What, m.Start, m.End, src[m.Start:m.End], m.Old)
		}
		if !strings.Contains(f.Source.LineText(m.Line), m.Old) {
			t.Errorf("%s: line %d %q does not hold %q", m.What, m.Line, f.Source.LineText(m.Line), m.Old)
		}
		if got := strings.Count(string(m.Apply(src)), "\n"); got != strings.Count(string(src), "\n") {
			t.Errorf("%s: %d lines after, %d before", m.What, got, strings.Count(string(src), "\n"))
		}
	}
}

func TestTypos(t *testing.T) {
	f := parse(t, page)
	ms := Typos(f, Dict, rand.New(rand.NewSource(1)), 100)
	if len(ms) == 0 {
		t.Fatal("no typo made")
	}
	checkPositions(t, f, ms)
	for _, m := range ms {
		if len(m.Old) < 5 || Dict.Known(m.New) || m.Want != strings.ToLower(m.Old) {
			t.Errorf("%s: want a word of 5 letters or more made a non-word, Want the word", m.What)
		}
		if m.Old == "handbook" || m.Old == "gitlab" || m.Old == "grades" {
			t.Errorf("%s: a word of a link target typed wrong", m.What)
		}
	}
	// headings too
	heading := false
	for _, m := range ms {
		heading = heading || strings.HasPrefix(f.Source.LineText(m.Line), "#")
	}
	if !heading {
		t.Error("no typo in a heading")
	}
}

func TestTermVariants(t *testing.T) {
	f := parse(t, page)
	ms := TermVariants(f, rand.New(rand.NewSource(1)))
	checkPositions(t, f, ms)
	got := map[string]Mutation{}
	for _, m := range ms {
		got[m.Old] = m
	}
	// "cross-functional" three times, once at a sentence start (never
	// picked): no tie, no other line
	m, ok := got["cross-functional"]
	if !ok || m.New != "cross functional" || m.Line != 8 && m.Line != 9 || m.AltLines != nil {
		t.Errorf("cross-functional: %+v", m)
	}
	// "Sales Team" twice: a tie, the other line may be reported
	m, ok = got["Sales Team"]
	if !ok || m.New != "Sales team" || len(m.AltLines) != 1 {
		t.Errorf("Sales Team: %+v", m)
	}
	if len(ms) != 2 {
		t.Errorf("%d variants, want 2: %+v", len(ms), ms)
	}
	// a term the page writes another way already injects nothing new
	mixed := "## A\n\nOne cross-functional team and a cross-functional plan, with cross functional work.\n\n" +
		"The Sales Team met the Sales Team and the sales team.\n"
	if ms := TermVariants(parse(t, mixed), rand.New(rand.NewSource(1))); len(ms) != 0 {
		t.Errorf("a term written two ways already: %+v", ms)
	}
	// a term written once has no variant
	if ms := TermVariants(parse(t, "## A\n\nOne cross-functional team.\n"), rand.New(rand.NewSource(1))); len(ms) != 0 {
		t.Errorf("a term written once: %+v", ms)
	}
}

func TestSectionVariants(t *testing.T) {
	f := parse(t, page)
	ms := SectionVariants(f, rand.New(rand.NewSource(1)))
	checkPositions(t, f, ms)
	kinds := map[string]int{}
	for _, m := range ms {
		switch {
		case m.New == ":":
			kinds["colon"]++
			if m.Start != m.End || !strings.HasPrefix(f.Source.LineText(m.Line), "### ") {
				t.Errorf("colon: %+v", m)
			}
		case m.New == "####":
			kinds["depth"]++
		case m.New == "Key Duties" || m.New == "Skills and Experience":
			kinds["synonym"]++
		default:
			t.Errorf("unexpected %+v", m)
		}
	}
	// Responsibilities and Requirements, three roles each: three variants each;
	// Job Grade (two roles) none
	if kinds["colon"] != 2 || kinds["depth"] != 2 || kinds["synonym"] != 2 {
		t.Errorf("variants %v, want 2 of each", kinds)
	}
	// two roles share a section: no variant
	two := "## A\n\n### Responsibilities\n\n- x\n\n## B\n\n### Responsibilities\n\n- y\n"
	if ms := SectionVariants(parse(t, two), rand.New(rand.NewSource(1))); len(ms) != 0 {
		t.Errorf("two roles: %+v", ms)
	}
}

func TestTitleSwaps(t *testing.T) {
	f := parse(t, page)
	ms := TitleSwaps(f)
	checkPositions(t, f, ms)
	if len(ms) != 2 || ms[0].Old != "Staff Analyst" || ms[0].New != "Principal Analyst" ||
		ms[1].Old != "Principal Analyst" || ms[1].New != "Staff Analyst" {
		t.Fatalf("%+v", ms)
	}
	if ms[0].Line != 30 {
		t.Errorf("line %d, want 30", ms[0].Line)
	}
}

// End to end on a fixture: a typo is reported at its line with the word
// as the suggestion; a case variant at a sentence start is no defect and
// term-consistency must not report it.
func TestLintFixture(t *testing.T) {
	path := "../../testdata/mutate/analyst.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	at := func(old string) int { return strings.Index(src, old) }
	line := func(off int) int { return strings.Count(src[:off], "\n") + 1 }
	typo := Mutation{Class: Typo, Start: at("reconciliations"), Old: "reconciliations", New: "reconcilations", Want: "reconciliations"}
	typo.End, typo.Line = typo.Start+len(typo.Old), line(typo.Start)
	start := Mutation{Class: Term, Start: at("Lead the quarterly close"), Old: "Lead", New: "Cross-functional partners lead"}
	start.End, start.Line = start.Start+len(start.Old), line(start.Start)
	cfg := lint.DefaultConfig()
	outs, err := Lint(cfg, []lint.Input{{Path: path}}, Options{Make: func(*model.Family) []Mutation { return []Mutation{typo, start} }})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 {
		t.Fatalf("%d outcomes", len(outs))
	}
	if !outs[0].Detected {
		t.Errorf("typo not detected: %+v", outs[0])
	}
	if outs[1].Detected {
		t.Errorf("a capital at a sentence start counted as a term variant: %+v", outs[1])
	}
	for _, f := range outs[1].Collateral {
		t.Errorf("collateral of a sentence-start capital: %s %d %s", f.Rule, f.Line, f.Message)
	}
	// judge: a finding of the rule on another line, or one suggesting another word, is no detection
	m := typo
	for _, c := range []struct {
		f    lint.Finding
		want bool
	}{
		{lint.Finding{Rule: "misspelling", Line: m.Line, Message: `"reconcilations" is a misspelling of "reconciliations"`}, true},
		{lint.Finding{Rule: "misspelling", Line: m.Line + 1, Message: `"reconcilations" is a misspelling of "reconciliations"`}, false},
		{lint.Finding{Rule: "misspelling", Line: m.Line, Message: `"reconcilations" is not a known word: did you mean "reconciliation"?`}, false},
		{lint.Finding{Rule: "term-consistency", Line: m.Line, Message: `"reconciliations"`}, false},
	} {
		if got := judge(m, nil, []lint.Finding{c.f}).Detected; got != c.want {
			t.Errorf("judge(%s %d %s) = %v, want %v", c.f.Rule, c.f.Line, c.f.Message, got, c.want)
		}
	}
	// a finding already there before the mutation detects nothing
	f := lint.Finding{Rule: "misspelling", Line: m.Line, Message: `"x" is a misspelling of "reconciliations"`}
	if judge(m, map[string]int{key(f): 1}, []lint.Finding{f}).Detected {
		t.Error("a finding there before the mutation counted")
	}
}

// a class's sample does not depend on the other classes running (-list CLASS)
func TestMutationsPerClass(t *testing.T) {
	// page has a mutation of every class but copied-level (no two levels
	// with lists of two items), listPage of each list class
	mutationsPerClass(t, parse(t, page), []string{Typo, Term, Section, Title, MovedItem, DroppedMarker, DuplicatedItem})
	mutationsPerClass(t, parse(t, listPage), []string{Typo, MovedItem, DroppedMarker, CopiedLevel, DuplicatedItem})
}

func mutationsPerClass(t *testing.T, f *model.Family, made []string) {
	all := Mutations(f, Options{Seed: 3, Typos: 2, Others: 1})
	for _, c := range Classes {
		var want []Mutation
		for _, m := range all {
			if m.Class == c {
				want = append(want, m)
			}
		}
		got := Mutations(f, Options{Seed: 3, Typos: 2, Others: 1, Classes: []string{c}})
		if len(got) != len(want) {
			t.Fatalf("%s: %d alone, %d among all", c, len(got), len(want))
		}
		for i := range got {
			if got[i].Start != want[i].Start || got[i].New != want[i].New {
				t.Errorf("%s: %+v alone, %+v among all", c, got[i], want[i])
			}
		}
		if len(want) == 0 && slices.Contains(made, c) {
			t.Errorf("%s: no mutation", c)
		}
	}
}
