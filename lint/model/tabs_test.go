package model

import (
	"fmt"
	"testing"
)

const tabsPage = "# Skills\n\n### Cost management\n\n" +
	"=== \":material-battery-10: Entry Level\"\n\n    - Knows the basics\n\n" +
	"===+ \"Mid Level\"\n\n    - Manages costs\n      and reports\n\n" +
	"===! \"Senior Level\"\n\n    -\n" +
	"## Next\n\n" +
	"A paragraph\n=== \"Not a tab\"\n\n    code after a paragraph\n\n" +
	"    === \"Indented: code\"\n"

// TestContentTabs reads MkDocs Material content tabs: the title, the set,
// and the body's blocks as markdown at their own lines and columns, not as
// indented code. Near misses: a tab line that continues a paragraph, and
// one indented four spaces (code).
func TestContentTabs(t *testing.T) {
	f := Parse("x.md", []byte(tabsPage))
	pos := func(s Span) string {
		p := f.Source.Position(s.Start)
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	var got []string
	for _, tb := range f.Tabs {
		got = append(got, fmt.Sprintf("%d %s %q %s %q", tb.Set, pos(tb.TitleSpan), tb.Title, pos(tb.Span), f.Source.Text[tb.Body.Start:tb.Body.End]))
	}
	want := []string{
		`0 5:6 ":material-battery-10: Entry Level" 5:1 "\n    - Knows the basics"`,
		`0 9:7 "Mid Level" 9:1 "\n    - Manages costs\n      and reports"`,
		`1 14:7 "Senior Level" 14:1 "\n    -"`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tabs:\n%q\nwant\n%q", got, want)
	}
	var items []string
	for _, b := range f.Blocks {
		if b.Kind == BlockItem {
			items = append(items, fmt.Sprintf("%s %q", pos(b.Span), b.Text))
		}
	}
	if want := []string{`7:5 "Knows the basics"`, `11:5 "Manages costs and reports"`, `16:5 ""`}; fmt.Sprint(items) != fmt.Sprint(want) {
		t.Errorf("items in tabs:\n%q\nwant\n%q", items, want)
	}
	if len(f.Lists) != 3 {
		t.Errorf("%d lists, want 3 (one a tab)", len(f.Lists))
	}
	// the near misses: a tab line after a paragraph is its text, and the
	// indented block after it code; a tab line indented four spaces is code
	if len(f.Code) != 1 || string(f.Source.Text[f.Code[0].Start:f.Code[0].End]) != "code after a paragraph\n\n    === \"Indented: code\"\n" {
		t.Errorf("code %v, want the two indented blocks after the tabs", f.Code)
	}
	para := false
	for _, b := range f.Blocks {
		if b.Kind == BlockParagraph && b.Text == "A paragraph === \"Not a tab\"" {
			para = true
		}
	}
	if !para {
		t.Error("a tab line right after a paragraph's line is no tab: it continues the paragraph")
	}
}

// TestContentTabsPadded: a tab opened inside a block quote after a tab
// character (goldmark pads the line it reads) keeps its title's place.
func TestContentTabsPadded(t *testing.T) {
	src := ">\t=== \"Entry\"\n>\n>\t    - Knows\n"
	f := Parse("x.md", []byte(src))
	if len(f.Tabs) != 1 {
		t.Fatalf("%d tabs, want 1", len(f.Tabs))
	}
	tb := f.Tabs[0]
	if got := string(f.Source.Text[tb.TitleSpan.Start:tb.TitleSpan.End]); got != "Entry" {
		t.Errorf("title span holds %q", got)
	}
}

// TestContentTabsInItem: a tab inside a list item holds part of the
// item's text and its nested lists; near miss: the item before, without
// a tab, keeps its code block.
func TestContentTabsInItem(t *testing.T) {
	f := Parse("x.md", []byte("- code\n\n        - in code\n\n- item\n\n    === \"Entry\"\n\n        Knows\n\n        - the basics\n\n- next\n"))
	if len(f.Tabs) != 1 || f.Tabs[0].Title != "Entry" {
		t.Fatalf("tabs %v, want Entry", f.Tabs)
	}
	var items []string
	for _, b := range f.Blocks {
		items = append(items, fmt.Sprintf("%d:%d %q", f.Source.Position(b.Span.Start).Line, f.Source.Position(b.Span.Start).Column, b.Text))
	}
	if want := []string{`1:1 "code"`, `5:1 "item Knows"`, `11:9 "the basics"`, `13:1 "next"`}; fmt.Sprint(items) != fmt.Sprint(want) {
		t.Errorf("items\n%q\nwant\n%q", items, want)
	}
	if len(f.Code) != 1 {
		t.Errorf("code %v, want the first item's", f.Code)
	}
}
