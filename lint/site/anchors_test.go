package site

import (
	"reflect"
	"testing"
)

func TestGitHubID(t *testing.T) {
	for in, want := range map[string]string{
		"Job Grades":                       "job-grades",
		"Senior Backend Engineer (Go)":     "senior-backend-engineer-go",
		"📈 Results":                        "-results",
		"Über uns":                         "über-uns",
		"snake_case and kebab-case":        "snake_case-and-kebab-case",
		"[Link](https://example.com)":      "linkhttpsexamplecom",
		"`code` **bold**":                  "code-bold",
		"Director, Engineering":            "director-engineering",
		"  Q&A  ":                          "--qa--",
		"1. Numbered":                      "1-numbered",
		"Diversity, Inclusion & Belonging": "diversity-inclusion--belonging",
		"Tab\tSpace":                       "tabspace", // Hugo's own sanitizer test
		"Tab \tSpace":                      "tab-space",
	} {
		if got := GitHubID(in); got != want {
			t.Errorf("GitHubID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKramdownID(t *testing.T) {
	for in, want := range map[string]string{
		"Job Grades":                       "job-grades",
		"📈 Results":                        "-results",
		"Über uns":                         "über-uns",
		"1. Numbered":                      "1-numbered",
		"snake_case":                       "snake_case",
		"Diversity, Inclusion & Belonging": "diversity-inclusion--belonging",
		"Tab\tSpace":                       "tabspace",
	} {
		if got := KramdownID(in); got != want {
			t.Errorf("KramdownID(%q) = %q, want %q", in, got, want)
		}
	}
}

const anchorPage = `---
title: "## Not a heading: front matter"
---

# Title

## Results

## Results

## Results-1

## Results

## Custom {#results-2}

## Closing ##

Setext
======

Two-line setext
heading
-------

- ## In a list

> ## In a quote

` + "```" + `
## In a fence
` + "```" + `

    ## Indented code

<div id="block-id">x</div>

Inline <a name="inline-name"></a> and ` + "`<a id=\"in-code\">`" + `.

## 
`

func TestComputeAnchorsGitHub(t *testing.T) {
	got := ComputeAnchors([]byte(anchorPage), GitHub).List()
	want := []string{
		"block-id", "closing", "heading", "heading-1", "in-a-list", "in-a-quote", "inline-name",
		"results", "results-1", "results-1-1", "results-2", "setext", "title",
	}
	// The fourth "Results" takes results-2 before the explicit {#results-2}
	// below claims it too (Hugo does not look ahead). The two-line setext
	// heading takes its ID from its last line ("heading"), the empty "## "
	// gets the fallback "heading", de-duplicated.
	if !reflect.DeepEqual(got, want) {
		t.Errorf("anchors:\n got %q\nwant %q", got, want)
	}
}

func TestComputeAnchorsKramdown(t *testing.T) {
	src := "## Results\n\n## Results\n\n## Results-1\n\n## Custom {#own}\n\n### Listed\n{: #ial-id}\n\nText.\n{:#para-id}\n\n## Results\n"
	got := ComputeAnchors([]byte(src), Kramdown).List()
	// kramdown counts repeats per ID and ignores the IDs already taken:
	// the second "Results" is results-1 like the third heading's own ID
	want := []string{"ial-id", "own", "para-id", "results", "results-1", "results-2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("anchors:\n got %q\nwant %q", got, want)
	}
}

func TestClosest(t *testing.T) {
	a := ComputeAnchors([]byte("## Job Grades\n\n## Key points for you\n\n## Levels\n\n## Manager, CSM\n"), GitHub)
	for in, want := range map[string]string{
		"Job-Grades": "job-grades", "job-grade": "job-grades", "key-points": "key-points-for-you",
		"levels-1": "levels", "unrelated-thing": "", "manager-tam": "manager-csm", "points-for-key": "key-points-for-you",
	} {
		if got := a.Closest(in); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// GitHub renders a heading before it makes its ID: a link gives its text,
// an image and an HTML tag nothing, and an HTML anchor inside the heading
// is an anchor of the page too. Hugo's style slugs the heading's source.
func TestComputeAnchorsGitHubRendered(t *testing.T) {
	src := "## [Member](#member)\n\n## Maintainers<a name=\"maint\"></a>\n\n## ![logo](logo.png) Reviewer\n\n## Approver <br>\n\n## Plain [brackets]\n"
	want := []string{"-reviewer", "approver-", "maint", "maintainers", "member", "plain-brackets"}
	for name, a := range map[string]*Anchors{"scan": ComputeAnchors([]byte(src), GitHubRendered), "parse": parseAnchors([]byte(src), GitHubRendered)} {
		if got := a.List(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: anchors:\n got %q\nwant %q", name, got, want)
		}
	}
	// Hugo's: the link's address and the tag are slugged with the text,
	// and the inline anchor is the page's
	hugo := ComputeAnchors([]byte(src), GitHub)
	for _, id := range []string{"membermember", "maint", "maintainersa-namemainta"} {
		if !hugo.Has(id) {
			t.Errorf("github (Hugo) style: no %q in %q", id, hugo.List())
		}
	}
}
