package mutate

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

const listPage = `---
title: Data Analyst
---
## Data Analyst

### Responsibilities

- Design the data pipelines
- Review the dashboards
- Document the models

### Requirements

- Experience with SQL
- Ability to use GitLab
- Knowledge of statistics

## Senior Data Analyst

### Responsibilities

- Lead the data pipelines
- Coach the analysts

Notes on the role.

### Requirements

- Deep experience with SQL
- Ability to use GitLab

- Mentoring skills

## Staff Data Analyst

### Responsibilities

- Own the data roadmap
- Set the standards
  - for models
  - for dashboards
`

// lineOfText is the 1-based line of the first line of src that is text.
func lineOfText(t *testing.T, src, text string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if l == text {
			return i + 1
		}
	}
	t.Fatalf("no line %q", text)
	return 0
}

// checkMap: every line of the mutated page that Orig maps to a line of
// the page is that line, unchanged (the moved and copied lines too), and
// the defect's line holds want
func checkMap(t *testing.T, f *model.Family, m Mutation, want string) {
	t.Helper()
	before := strings.Split(string(f.Source.Text), "\n")
	after := strings.Split(string(m.Apply(f.Source.Text)), "\n")
	if m.Line < 1 || m.Line > len(after) || !strings.Contains(after[m.Line-1], want) {
		t.Errorf("%s: line %d is not %q", m.What, m.Line, want)
	}
	if len(after)-len(before) != deltaOf(m) {
		t.Errorf("%s: %d lines after, %d before, delta %d", m.What, len(after), len(before), deltaOf(m))
	}
	if string(f.Source.Text[m.Start:m.End]) != m.Old {
		t.Errorf("%s: Old %q is not the source at %d:%d", m.What, m.Old, m.Start, m.End)
	}
	for n := 1; n <= len(after); n++ {
		o := m.Orig(n)
		if o == 0 {
			continue
		}
		if o < 1 || o > len(before) || before[o-1] != after[n-1] && !(m.Class == DroppedMarker && n == m.Line) {
			t.Errorf("%s: line %d %q mapped to line %d", m.What, n, after[n-1], o)
		}
	}
}

func deltaOf(m Mutation) int {
	if m.Map == nil {
		return 0
	}
	return m.Map.Delta
}

func TestMovedItems(t *testing.T) {
	f := parse(t, listPage)
	ms := MovedItems(f, rand.New(rand.NewSource(1)))
	// Data Analyst both ways; Senior Data Analyst both ways (its
	// Requirements list, split by a blank line, is one list of three);
	// Staff Data Analyst has no Requirements
	if len(ms) != 4 {
		t.Fatalf("%d moves, want 4: %+v", len(ms), ms)
	}
	for _, m := range ms {
		if m.Class != MovedItem {
			t.Errorf("class %s", m.Class)
		}
		// the item's text, unchanged, with a marker, in the other list, not first
		text := m.What[strings.LastIndex(m.What, ": \"")+3 : len(m.What)-1]
		checkMap(t, f, m, "- "+text)
		after := strings.Split(string(m.Apply(f.Source.Text)), "\n")
		if strings.HasPrefix(after[m.Line-2], "#") || after[m.Line-2] == "" && strings.HasPrefix(after[m.Line-3], "#") {
			t.Errorf("%s: moved as the first item (line %d)", m.What, m.Line)
		}
		// the line went from one list to the other: no line more, none less
		if strings.Count(string(m.Apply(f.Source.Text)), "- "+text+"\n") != strings.Count(listPage, "- "+text+"\n") {
			t.Errorf("%s: the item not moved once", m.What)
		}
	}
	// every item is a candidate: over many seeds, each item of the Data
	// Analyst's Requirements is moved, in each place of its Responsibilities
	moved := map[string]bool{}
	for seed := int64(0); seed < 200; seed++ {
		for _, m := range MovedItems(f, rand.New(rand.NewSource(seed))) {
			if strings.Contains(m.What, `"Data Analyst" moved to its responsibilities`) {
				moved[m.What+"@"+f.Source.LineText(m.Orig(m.Line+1))] = true
			}
		}
	}
	if len(moved) != 3*3 { // 3 items, before "Review", before "Document", after "Document"
		t.Errorf("%d item and place pairs, want 9: %v", len(moved), moved)
	}
	// refused: a list of one item (moved out, it leaves no list), an item
	// that leads in to a nested list, a list of one item to go to
	one := "## A Analyst\n\n### Responsibilities\n\n- Lead the close\n- Own the plan\n\n### Requirements\n\n- Experience with audits\n"
	for _, m := range MovedItems(parse(t, one), rand.New(rand.NewSource(1))) {
		if !strings.Contains(m.What, "responsibilities of") || strings.Contains(m.What, "Lead the close") {
			t.Errorf("%s: want only an item of the responsibilities moved, after the one requirement", m.What)
		}
	}
	nested := "## A Analyst\n\n### Responsibilities\n\n- Lead:\n  - the close\n- Own the plan\n\n### Requirements\n\n- Experience with audits\n- Ability to use GitLab\n"
	for _, m := range MovedItems(parse(t, nested), rand.New(rand.NewSource(1))) {
		if strings.Contains(m.What, "Lead") {
			t.Errorf("%s: a lead-in moved without its list", m.What)
		}
	}
}

func TestDroppedMarkers(t *testing.T) {
	f := parse(t, listPage)
	ms := DroppedMarkers(f, rand.New(rand.NewSource(1)))
	forms := map[string]int{}
	for _, m := range ms {
		form := m.What[strings.Index(m.What, "(")+1 : strings.Index(m.What, ")")]
		forms[form]++
		text := m.What[strings.Index(m.What, ": \"")+3 : len(m.What)-1]
		checkMap(t, f, m, text)
		after := strings.Split(string(m.Apply(f.Source.Text)), "\n")
		if after[m.Line-1] != text {
			t.Errorf("%s: line %d is %q, want the item's text alone", m.What, m.Line, after[m.Line-1])
		}
		switch form {
		case "continuation":
			if m.Map != nil || after[m.Line-2] != f.Source.LineText(m.Line-1) {
				t.Errorf("%s: want the line kept, after the item above", m.What)
			}
		case "paragraph":
			if m.Map == nil || m.Map.Delta != 1 || after[m.Line-2] != "" {
				t.Errorf("%s: want a blank line before", m.What)
			}
		}
		if strings.Contains(m.What, "Design the data pipelines") || strings.Contains(m.What, "Experience with SQL") {
			t.Errorf("%s: the first item", m.What)
		}
	}
	// the Data Analyst's two lists of three items, both forms; the Senior's
	// Requirements (three items, the last after a blank line) too; lists
	// of two items none
	if forms["continuation"] != 3 || forms["paragraph"] < 2 {
		t.Errorf("forms %v", forms)
	}
	// in a loose list, the first form is the paragraph already: no second
	loose := "## A Analyst\n\n### Responsibilities\n\n- Lead the close\n\n- Own the plan\n\n- Set the goals\n"
	for seed := int64(0); seed < 20; seed++ {
		ms := DroppedMarkers(parse(t, loose), rand.New(rand.NewSource(seed)))
		if len(ms) != 1 || !strings.Contains(ms[0].What, "(continuation)") {
			t.Fatalf("loose list: %+v", ms)
		}
	}
	// a list of a how-to, outside the role's sections: none
	other := "## A Analyst\n\n### Tools\n\n- Lead the close\n- Own the plan\n- Set the goals\n"
	if ms := DroppedMarkers(parse(t, other), rand.New(rand.NewSource(1))); len(ms) != 0 {
		t.Errorf("another section's list: %+v", ms)
	}
}

func TestDuplicatedItems(t *testing.T) {
	f := parse(t, listPage)
	ms := DuplicatedItems(f, rand.New(rand.NewSource(1)))
	if len(ms) != 5 { // every list of two items or more; the Staff's nested list is part of its list
		t.Fatalf("%d duplicates, want 5: %+v", len(ms), ms)
	}
	for _, m := range ms {
		line := m.What[strings.Index(m.What, ": \"")+3 : len(m.What)-1]
		checkMap(t, f, m, line)
		first := m.Map.Orig[0]
		if f.Source.LineText(first) != line || first >= m.Line {
			t.Errorf("%s: the copy (line %d) stands for line %d %q", m.What, m.Line, first, f.Source.LineText(first))
		}
		if m.Start != m.End || m.New != line+"\n" {
			t.Errorf("%s: want the line inserted verbatim", m.What)
		}
		if strings.Contains(line, "for models") || strings.Contains(line, "Set the standards") {
			t.Errorf("%s: a nested item or a lead-in written again", m.What)
		}
	}
	// a one-word item is not written again; a Hiring Process's steps are not
	for _, src := range []string{
		"## A Analyst\n\n### Responsibilities\n\n- SQL\n- Python\n",
		"## A Analyst\n\n### Hiring Process\n\n- Screening call\n- Interview with the manager\n",
	} {
		if ms := DuplicatedItems(parse(t, src), rand.New(rand.NewSource(1))); len(ms) != 0 {
			t.Errorf("%q: %+v", src, ms)
		}
	}
}

func TestCopiedLevels(t *testing.T) {
	f := parse(t, listPage)
	ms := CopiedLevels(f)
	// the Senior's lists replaced by the Data Analyst's (one below); the
	// Staff's Responsibilities by the Senior's (one below) and the Data
	// Analyst's (two below)
	want := []string{
		`responsibilities of "Senior Data Analyst" replaced by those of "Data Analyst" (1 below)`,
		`requirements of "Senior Data Analyst" replaced by those of "Data Analyst" (1 below)`,
		`responsibilities of "Staff Data Analyst" replaced by those of "Senior Data Analyst" (1 below)`,
		`responsibilities of "Staff Data Analyst" replaced by those of "Data Analyst" (2 below)`,
	}
	if len(ms) != len(want) {
		t.Fatalf("%d copies: %+v", len(ms), ms)
	}
	for i, m := range ms {
		if m.What != want[i] {
			t.Errorf("copy %d: %s, want %s", i, m.What, want[i])
		}
		after := strings.Split(string(m.Apply(f.Source.Text)), "\n")
		if !strings.HasPrefix(after[m.Line-1], "### ") || m.LineTo <= m.Line {
			t.Errorf("%s: lines %d-%d, want the section's heading to the list's end", m.What, m.Line, m.LineTo)
		}
		// the copy is the lower list verbatim, and its lines stand for that list's
		for n := m.Map.From; n < m.Map.From+len(m.Map.Orig); n++ {
			if after[n-1] != f.Source.LineText(m.Orig(n)) {
				t.Errorf("%s: line %d %q stands for %d %q", m.What, n, after[n-1], m.Orig(n), f.Source.LineText(m.Orig(n)))
			}
		}
		if m.LineTo != m.Map.From+len(m.Map.Orig)-1 {
			t.Errorf("%s: LineTo %d, copy ends at %d", m.What, m.LineTo, m.Map.From+len(m.Map.Orig)-1)
		}
		// the lines after the list keep theirs
		for n := m.LineTo + 1; n <= len(after); n++ {
			if o := m.Orig(n); o < 1 || f.Source.LineText(o) != after[n-1] && n < len(after) {
				t.Errorf("%s: line %d %q maps to %d", m.What, n, after[n-1], o)
			}
		}
	}
	// refused: a copy that is the list already; levels the tracks do not place
	same := "## Analyst\n\n### Requirements\n\n- Experience with SQL\n- Ability to use GitLab\n\n" +
		"## Senior Analyst\n\n### Requirements\n\n- Experience with SQL\n- Ability to use GitLab\n"
	if ms := CopiedLevels(parse(t, same)); len(ms) != 0 {
		t.Errorf("the same list already: %+v", ms)
	}
	unplaced := "## Wizard\n\n### Requirements\n\n- Experience with SQL\n- Ability to use GitLab\n\n" +
		"## Sorcerer\n\n### Requirements\n\n- Experience with magic\n- Ability to use GitLab\n"
	if ms := CopiedLevels(parse(t, unplaced)); len(ms) != 0 {
		t.Errorf("levels the tracks do not place: %+v", ms)
	}
}

func TestOrigAndKey(t *testing.T) {
	m := Mutation{Map: &LineMap{From: 10, Orig: []int{0, 12, 10}, Delta: 1}}
	for n, want := range map[int]int{1: 1, 9: 9, 10: 0, 11: 12, 12: 10, 13: 12, 20: 19} {
		if got := m.Orig(n); got != want {
			t.Errorf("Orig(%d) = %d, want %d", n, got, want)
		}
	}
	if got := (Mutation{}).Orig(7); got != 7 {
		t.Errorf("no map: Orig(7) = %d", got)
	}
	a := keyAt(lintFinding("lost-list-marker", 5, `"X" has no list marker: it renders as part of the item above (line 197)`), 5)
	b := keyAt(lintFinding("lost-list-marker", 6, `"X" has no list marker: it renders as part of the item above (line 198)`), 5)
	if a != b {
		t.Errorf("the lines a message names count: %s, %s", a, b)
	}
	c := keyAt(lintFinding("level-copy", 5, `requirements are 93% the same`), 5)
	d := keyAt(lintFinding("level-copy", 5, `requirements are 90% the same`), 5)
	if c == d {
		t.Error("other numbers of a message left out")
	}
}

func lintFinding(rule string, line int, msg string) lint.Finding {
	return lint.Finding{Rule: rule, Line: line, Message: msg}
}

// End to end on the fixture: a mutation of each list class is reported
// by its rule at its line; near misses (an item written again with a word
// changed, an item moved within its own list) are no defect and are not.
func TestLintFixtureLists(t *testing.T) {
	path := "../../testdata/mutate/analyst.md"
	cfg := lint.DefaultConfig()
	var want []bool
	mk := func(f *model.Family) []Mutation {
		src := string(f.Source.Text)
		bullet := func(text string) item {
			for _, l := range f.Lists {
				for _, b := range l {
					if b.Text == text {
						it, ok := listItem(f, b)
						if !ok {
							t.Fatalf("%q: no plain item", text)
						}
						return it
					}
				}
			}
			t.Fatalf("no item %q", text)
			return item{}
		}
		knowledge, prepare, skills := bullet("Knowledge of revenue accounting."), bullet("Prepare the audit schedule for the quarter."), bullet("Excellent written communication skills.")
		var ms []Mutation
		add := func(m Mutation, detected bool) { ms, want = append(ms, m), append(want, detected) }
		// a requirement moved into the responsibilities, before their last item
		add(move(f, MovedItem, knowledge, prepare.lineStart, "- Knowledge of revenue accounting.", "moved"), true)
		// near miss: moved within its own list, after the last requirement
		add(move(f, MovedItem, knowledge, skills.lineEnd+1, "- Knowledge of revenue accounting.", "reordered"), false)
		// its marker dropped: it runs into "Ability to use GitLab"
		add(newMutation(f, DroppedMarker, model.Span{Start: knowledge.b.Span.Start, End: knowledge.text}, "", "dropped"), true)
		// written again at the list's end; near miss: with a word changed
		l := lineOf(src, skills.lineEnd+1)
		dup := Mutation{Class: DuplicatedItem, Start: skills.lineEnd + 1, End: skills.lineEnd + 1, Line: l,
			Map: &LineMap{From: l, Orig: []int{knowledge.line}, Delta: 1}}
		dup.New = "- Knowledge of revenue accounting.\n"
		add(dup, true)
		dup.New = "- Knowledge of tax accounting.\n"
		add(dup, false)
		// the Staff Analyst's requirements a copy of the Senior's
		for _, m := range CopiedLevels(f) {
			if strings.HasPrefix(m.What, `requirements of "Staff Analyst" replaced by those of "Senior Analyst"`) {
				add(m, true)
			}
		}
		return ms
	}
	outs, err := Lint(cfg, []lint.Input{{Path: path}}, Options{Make: mk})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 6 || len(want) != 6 {
		t.Fatalf("%d outcomes, %d mutations, want 6", len(outs), len(want))
	}
	for i, o := range outs {
		if o.Detected != want[i] {
			t.Errorf("%s %s at line %d: detected %v, want %v", o.Class, o.What, o.Line, o.Detected, want[i])
		}
		if !want[i] {
			for _, f := range o.Collateral {
				t.Errorf("%s %s: collateral %s %d %s", o.Class, o.What, f.Rule, f.Line, f.Message)
			}
		}
	}
}

// a level the tracks put below but graded as high is no level below
func TestCopiedLevelsGrades(t *testing.T) {
	page := func(lo, hi int) string {
		return fmt.Sprintf("## Analyst\n\nThe Analyst is a [grade %d](/handbook/x/#gitlab-job-grades).\n\n### Requirements\n\n- Experience with SQL\n- Ability to use GitLab\n\n"+
			"## Senior Analyst\n\nThe Senior Analyst is a [grade %d](/handbook/x/#gitlab-job-grades).\n\n### Requirements\n\n- Experience with audits\n- Ability to use GitLab\n", lo, hi)
	}
	if ms := CopiedLevels(parse(t, page(6, 7))); len(ms) != 1 {
		t.Errorf("graded below: %+v", ms)
	}
	if ms := CopiedLevels(parse(t, page(7, 7))); len(ms) != 0 {
		t.Errorf("graded as high: %+v", ms)
	}
}
