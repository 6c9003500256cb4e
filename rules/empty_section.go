package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var emptySectionRule = &lint.Rule{
	ID:       "empty-section",
	Title:    "a section has content before the next heading",
	Category: lint.Structure,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A section heading (or bold section marker such as `**Nice-to-haves**`) with nothing under it " +
			"before the next heading of the same or a higher level is a leftover: the template's section was kept " +
			"but never filled in, or its content went elsewhere. Content can be anything: a list, a paragraph, a " +
			"table, a code block, or subsections with content (under a bold marker, sub-headings deeper than the heading it sits under " +
			"that open no role or section of their own); a list item without text (\"-\" alone) is none. Headings that group roles (Levels, Specialties, " +
			"Segment) are reported only when empty with the roles after them headed at their own level (\"## Levels\", then \"## Senior " +
			"Manager, Video\"): the roles were meant to be under them. An empty heading that reads as a lead-in (it ends with a colon or with a word that " +
			"asks for more: \"You should apply if\") over headings at its own level is no section left empty: its content is " +
			"the headings after it, a deliberate lead-in that blind judges would not restructure (one with no heading at its level " +
			"after it is still empty). An empty heading that is a one-line notice, a sentence of five words or more with a finite verb " +
			"followed at once by a shallower heading (\"### This document is a draft and serves as ...\" over \"## TL;DR\"), is no section.",
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\n### Responsibilities\n\n### Requirements\n\n- Lead a team\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\n### Responsibilities\n\n- Hire a team\n\n### Requirements\n\n- Lead a team\n",
	},
	Check: checkEmptySection,
}

func init() { lint.Register(emptySectionRule) }

var commentsRE = regexp.MustCompile(`(?s)<!--.*?-->`)

// emptyListRE matches a body of list markers without text ("-" alone on
// its lines).
var emptyListRE = regexp.MustCompile(`^\s*(?:(?:[-*+]|\d+[.)])[ \t]*(?:\r?\n\s*|$))+$`)

func checkEmptySection(p *lint.Pass) {
	f := p.File
	var bold []int // starts of bold section markers, sorted
	for _, sec := range allSections(f) {
		if sec.Style == model.StyleBold {
			bold = append(bold, sec.Span.Start)
		}
	}
	sort.Ints(bold)
	check := func(s *model.Section) {
		if s.Kind.IsContainer() {
			emptyContainer(p, s, bold)
			return
		}
		if s.Style == model.StyleNone {
			return
		}
		end := sectionExtent(f, s, bold)
		body := f.Source.Text[s.Span.End:end]
		if bytes.Contains(body, []byte("<!--")) {
			body = commentsRE.ReplaceAll(body, nil)
		}
		what := "is empty"
		if len(bytes.TrimSpace(body)) > 0 {
			if !emptyListRE.Match(body) {
				return
			}
			what = "is empty: it holds only an empty list item"
		}
		name := s.Name
		if s.Prefix != "" {
			name = s.Prefix + " " + s.Name
		}
		if what == "is empty" && noticeHeading(f, s, name) {
			return
		}
		if what == "is empty" && len(leadInSiblings(f, s, name)) > 0 {
			// "### You should apply if" over "### You've got the
			// personality", "### You're a support professional": the
			// content is the headings after it, a deliberate lead-in
			// (judged DEBATABLE in both corpora when reported as one level
			// too high)
			return
		}
		p.Report(lint.Diagnostic{Span: s.Span, Message: fmt.Sprintf("section %q %s", name, what), Subject: name})
	}
	for _, s := range allSections(f) {
		check(s)
	}
}

// emptyContainer reports a heading that groups roles ("## Levels") with
// nothing under it, when the roles after it are headed at its own level
// ("## Levels", then "## Senior Manager, Video"): they were meant to be its
// sub-headings. A group heading empty for another reason is left alone.
func emptyContainer(p *lint.Pass, s *model.Section, bold []int) {
	f := p.File
	if s.Heading == nil {
		return
	}
	end := sectionExtent(f, s, bold)
	body := f.Source.Text[s.Span.End:end]
	if bytes.Contains(body, []byte("<!--")) {
		body = commentsRE.ReplaceAll(body, nil)
	}
	if len(bytes.TrimSpace(body)) > 0 {
		return
	}
	var roles []string
	hs := f.Headings
	for i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= s.Span.End }); i < len(hs); i++ {
		h := hs[i]
		if h.Level < s.Heading.Level {
			break
		}
		if h.Level != s.Heading.Level {
			continue
		}
		if h.Role == nil || h.Role.Heading != h {
			break // the next group, or a family section: the roles end
		}
		roles = append(roles, h.Text)
	}
	if len(roles) == 0 {
		return
	}
	if len(roles) > 3 {
		roles = append(roles[:3], fmt.Sprintf("%d more", len(roles)-3))
	}
	p.Report(lint.Diagnostic{Span: s.Span, Subject: s.Name,
		Message: fmt.Sprintf("section %q is empty: the roles after it (%s) are headed at its level; make them its sub-headings, or remove it",
			s.Name, joinAnd(quoteAll(roles)))})
}

// leadInWords end a heading that reads as the start of a sentence the
// headings after it complete ("You should apply if", "You are a good fit
// when", "What you will do:").
var leadInWords = map[string]bool{"if": true, "when": true, "because": true, "that": true, "to": true, "you": true,
	"following": true, "who": true, "where": true, "and": true, "or": true}

// noticeVerbs are the finite verbs that make a heading a sentence ("This
// document is a draft and serves as ...").
var noticeVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "will": true, "has": true,
	"have": true, "serves": true, "remains": true}

// noticeHeading reports an empty heading that is a one-line notice, not a
// section: a sentence of five words or more with a finite verb, followed
// at once by a shallower heading (hapi's "### This document is a draft and
// serves as the basis for an open discussion" over "## TL;DR"), so that
// nothing could be meant to sit under it. An empty heading of a few words
// ("### Responsibilities"), or a sentence over a sibling or a sub-heading
// ("### This section is to be written" then "### Requirements"), is still
// a section left empty.
func noticeHeading(f *model.Family, s *model.Section, name string) bool {
	if s.Heading == nil {
		return false
	}
	ws := wordsIn(strings.ToLower(strings.TrimSpace(name)), true)
	if len(ws) < 5 {
		return false
	}
	verb := false
	for _, w := range ws[1:] {
		verb = verb || noticeVerbs[w.Text]
	}
	if !verb {
		return false
	}
	hs := f.Headings
	i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= s.Span.End })
	return i < len(hs) && hs[i].Level < s.Heading.Level
}

// leadInSiblings returns, for an empty heading section that reads as a
// lead-in (it ends with a colon or a word that asks for more), the texts
// of the headings at its level that follow it directly, up to the next
// heading of a higher level; nil when it is no lead-in or none follows.
func leadInSiblings(f *model.Family, s *model.Section, name string) []string {
	if s.Heading == nil {
		return nil
	}
	t := strings.TrimSpace(name)
	lead := strings.HasSuffix(t, ":")
	if !lead {
		ws := wordsIn(strings.ToLower(t), true)
		lead = len(ws) > 1 && leadInWords[ws[len(ws)-1].Text]
	}
	if !lead {
		return nil
	}
	var out []string
	hs := f.Headings
	for i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= s.Span.End }); i < len(hs); i++ {
		if hs[i].Level < s.Heading.Level {
			break
		}
		if hs[i].Level == s.Heading.Level {
			out = append(out, hs[i].Text)
		}
	}
	if len(out) > 3 {
		out = append(out[:3], fmt.Sprintf("%d more", len(out)-3))
	}
	return out
}

func quoteAll(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		if i == 3 { // "N more"
			out[i] = t
			continue
		}
		out[i] = fmt.Sprintf("%q", t)
	}
	return out
}

// sectionExtent returns where a section's content ends: at the next heading
// of the same or a higher level (for a heading); for a bold marker, at the
// next bold section marker or the next heading, unless that heading is a
// sub-heading of its own (deeper than the heading the marker sits under,
// opening no role and no section): "**Nice-to-haves**" under "####
// Requirements" holds the "##### Technical" list after it, but ends at
// "#### Performance Indicators" or "##### Responsibilities".
func sectionExtent(f *model.Family, s *model.Section, bold []int) int {
	end := len(f.Source.Text)
	level := 7
	hs := f.Headings
	under := 7 // for a bold marker: the level of the heading it sits under
	if s.Heading != nil {
		level = s.Heading.Level
	} else if i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= s.Span.Start }); i > 0 {
		under = hs[i-1].Level
	}
	for i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= s.Span.End }); i < len(hs); i++ {
		h := hs[i]
		if s.Style == model.StyleBold && h.Level > under && h.Role == nil && h.Section == nil {
			continue // the marker's own sub-heading
		}
		if h.Level <= level {
			end = h.Span.Start
			break
		}
	}
	if s.Style == model.StyleBold {
		if i := sort.SearchInts(bold, s.Span.Start+1); i < len(bold) && bold[i] < end {
			end = bold[i]
		}
	}
	return end
}

// allSections returns the sections of every role and of the family.
func allSections(f *model.Family) []*model.Section {
	var out []*model.Section
	for _, r := range f.Roles {
		out = append(out, r.Sections...)
	}
	return append(out, f.Sections...)
}
