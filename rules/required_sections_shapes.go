package rules

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// advertDutiesRE is a family-wide heading that gives the duties of every
// level in an advert's words ("As a DBRE you will", "What you can expect
// in a Support Engineer role", "What you'll do", "In this role you will"),
// or the areas every level is measured in ("Leveling areas").
var advertDutiesRE = regexp.MustCompile(`(?i)^\s*(?:as\s+(?:an?|the)\s+[^.;:]+?,?\s+you(?:\s+will|\s*['’]ll)(?:\s+(?:be|do|get\s+to))?` +
	`|in\s+this\s+(?:role|position),?\s+you(?:\s+will|\s*['’]ll)(?:\s+(?:be|do|get\s+to))?` +
	`|what\s+you(?:\s+will|\s*['’]ll)\s+(?:do|be\s+doing)(?:\s+(?:in\s+this\s+role|here))?` +
	`|what\s+you\s+can\s+expect(?:\s+(?:in|from)\s+[^.;:]+)?` +
	`|level(?:l)?ing\s+areas)\s*:?\s*$`)

// advertNeedsRE is a family-wide heading that gives what every level
// needs in an advert's words ("What you'll need", "What we're looking
// for", "Who you are", "About you", "You may be a fit to this role if
// you…", "... if you have some of these inclinations").
var advertNeedsRE = regexp.MustCompile(`(?i)^\s*(?:what\s+you(?:\s+will|\s*['’]ll)\s+(?:need|bring)|what\s+you\s+(?:need|bring)|what\s+we(?:\s+are|\s*['’]re)\s+looking\s+for|who\s+you\s+are|about\s+you|you\s+(?:should\s+)?have|you\s+(?:may|might)\s+be\s+a\s+(?:good\s+|great\s+)?fit\s+(?:to|for)\s+(?:this|the)\s+role(?:\s+if\s+you\b[^.:]*)?(?:\.\.\.)?)(?:\s+to\s+succeed)?\s*:?\s*$`)

// familyAdvertSections returns the family-level sections (outside every
// role) headed as advertDutiesRE says, and those nested under such a
// heading ("## Leveling areas", then "### Technical"): the responsibilities
// every level shares, in other words.
func familyAdvertSections(f *model.Family) map[*model.Section]model.SectionKind {
	var out map[*model.Section]model.SectionKind
	under := 0 // depth of the advert heading being inside, 0 for none
	underKind := model.SecResponsibilities
	for _, s := range f.Sections {
		if s.Heading != nil && under > 0 && s.Heading.Level <= under {
			under = 0
		}
		if s.Role != nil || s.Kind != model.SecOther && s.Kind != model.SecBody {
			continue
		}
		hit, kind := under > 0, underKind
		if s.Heading != nil {
			for _, a := range []struct {
				re   *regexp.Regexp
				kind model.SectionKind
			}{{advertDutiesRE, model.SecResponsibilities}, {advertNeedsRE, model.SecRequirements}} {
				if a.re.MatchString(s.Heading.Text) {
					hit, kind = true, a.kind
					if under == 0 {
						under, underKind = s.Heading.Level, a.kind
					}
				}
			}
		}
		// a list led in by those words ("## Overview", "As a Support
		// Engineer, you will:", the duties)
		for _, b := range s.Paragraphs {
			if len(s.Bullets) > 0 && b.Span.End <= s.Bullets[0].Span.Start && advertDutiesRE.MatchString(b.Text) {
				hit, kind = true, model.SecResponsibilities
			}
		}
		if hit && len(s.Bullets)+len(s.Paragraphs) > 0 {
			if out == nil {
				out = map[*model.Section]model.SectionKind{}
			}
			out[s] = kind
		}
	}
	return out
}

// summaryKinds are the kinds a section counts for in the summary: its own
// (sectionKinds), and responsibilities for a family-wide list in an
// advert's words (familyAdvertSections).
func summaryKinds(s *model.Section, advert map[*model.Section]model.SectionKind) []model.SectionKind {
	if k, ok := advert[s]; ok {
		return []model.SectionKind{k}
	}
	return sectionKinds(s)
}

// dimensionSections counts the sections of level r headed below its own
// heading by names that are no section of the template ("#### Technical",
// "#### Execution", "#### Leadership"), each with a list or a paragraph:
// the level described by dimensions instead of Responsibilities and
// Requirements.
func dimensionSections(r *model.Role) (n, items int) {
	if r.Heading == nil {
		return 0, 0
	}
	for _, s := range r.Sections {
		if s.Kind != model.SecOther || s.Heading == nil || s.Heading.Level <= r.Heading.Level {
			continue
		}
		if k := len(s.Bullets) + len(s.Paragraphs); k > 0 {
			n++
			items += k
		}
	}
	return n, items
}

var (
	// "{{% include "includes/x.md" %}}", "{{< include x >}}"
	hugoIncludeRE = regexp.MustCompile(`(?m)^[ \t]*\{\{([%<])[ \t]*include[ \t]+"?([^"\s%>]+)"?[ \t]*[%>]\}\}[ \t]*$`)
	// "<%= partial 'includes/x' %>", "<%= partial("job-families/sales/performance", :locals => {...}) %>"
	erbPartialRE = regexp.MustCompile(`(?m)^[ \t]*<%=[ \t]*partial[ \t(]*["']([^"']+)["'][^\n]*?%>[ \t]*$`)
)

// moreIncludes returns the page's Hugo "include" shortcodes and Middleman
// ERB partials standing alone on their line (outside code blocks), with
// where each starts and the name of what it includes.
func moreIncludes(f *model.Family) (at []int, names []string) {
	text := f.Source.Text
	if !bytes.Contains(text, []byte("{{")) && !bytes.Contains(text, []byte("<%")) {
		return nil, nil
	}
	inCode := func(i int) bool {
		for _, c := range f.Code {
			if c.Start <= i && i < c.End {
				return c.Start != i
			}
		}
		return false
	}
	for _, re := range []*regexp.Regexp{hugoIncludeRE, erbPartialRE} {
		for _, m := range includeMatches(re, text) {
			start := m[0] + len(text[m[0]:m[1]]) - len(bytes.TrimLeft(text[m[0]:m[1]], " \t"))
			if inCode(start) {
				continue
			}
			g := len(m)/2 - 1 // the last group is the name
			at = append(at, start)
			names = append(names, string(text[m[2*g]:m[2*g+1]]))
		}
	}
	return at, names
}

// includeAnchored holds hugoIncludeRE and erbPartialRE anchored at the
// start of the text they are asked of, with the open of each.
var includeAnchored = map[*regexp.Regexp]struct {
	re   *regexp.Regexp
	open string
}{
	hugoIncludeRE: {anchoredLine(hugoIncludeRE), "{{"},
	erbPartialRE:  {anchoredLine(erbPartialRE), "<%="},
}

// anchoredLine compiles re, a multi-line expression opened by "^",
// anchored at the start of the text instead.
func anchoredLine(re *regexp.Regexp) *regexp.Regexp {
	src, ok := strings.CutPrefix(re.String(), "(?m)^")
	if !ok {
		panic("anchoredLine: " + re.String())
	}
	return regexp.MustCompile(`(?m)\A(?:` + src + `)`)
}

// includeMatches is re.FindAllSubmatchIndex(text, -1) for hugoIncludeRE
// and erbPartialRE: each match starts at the start of a line whose first
// bytes after spaces and tabs open the include ("{{", "<%="), so the
// expression is asked, anchored, of those lines only, not run over the
// whole page (a regular expression over a page's source is a scan of
// the automaton over every byte).
func includeMatches(re *regexp.Regexp, text []byte) [][]int {
	a, ok := includeAnchored[re]
	if !ok {
		return re.FindAllSubmatchIndex(text, -1)
	}
	var out [][]int
	end := 0 // where the last match ended: matches do not overlap
	for p := 0; p < len(text); {
		next := len(text)
		if nl := bytes.IndexByte(text[p:], '\n'); nl >= 0 {
			next = p + nl + 1
		}
		if p >= end && bytes.HasPrefix(bytes.TrimLeft(text[p:next], " \t"), []byte(a.open)) {
			if m := a.re.FindSubmatchIndex(text[p:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += p
					}
				}
				out = append(out, m)
				end = m[1]
			}
		}
		p = next
	}
	return out
}

// includeKind reads the section an include's name names by its last
// part ("job-families/sales/performance", "includes/requirements.md"), or
// false.
func includeKind(name string) (model.SectionKind, bool) {
	last := name[strings.LastIndex(name, "/")+1:]
	last = strings.TrimPrefix(last, "_") // a Middleman partial's file
	for _, ext := range []string{".html.md.erb", ".html.md", ".md.erb", ".md", ".erb", ".html"} {
		last = strings.TrimSuffix(last, ext)
	}
	words := strings.Join(strings.FieldsFunc(strings.ToLower(last), func(r rune) bool { return r == '-' || r == '_' || r == '.' }), " ")
	if words == "" {
		return "", false
	}
	if kind, _, _, ok := model.MatchSection(words); ok {
		return kind, true
	}
	for _, k := range includeKinds {
		if k.name == words || strings.HasPrefix(k.name, words+" ") {
			return k.kind, true
		}
	}
	return "", false
}

// enclosingLevels maps each headed role to the innermost level whose
// heading's text holds its heading at a lesser depth ("## Data Engineer",
// its Requirements, then "### Senior Data Engineer"), in one pass over the
// page's roles. (The model keeps no parent for a graded level.)
func enclosingLevels(f *model.Family) map[*model.Role]*model.Role {
	var headed []*model.Role
	for _, r := range f.Roles {
		if r.Heading != nil {
			headed = append(headed, r)
		}
	}
	slices.SortStableFunc(headed, func(a, b *model.Role) int { return a.Heading.Span.Start - b.Heading.Span.Start })
	out := map[*model.Role]*model.Role{}
	var stack []*model.Role
	for _, r := range headed {
		for len(stack) > 0 {
			top := stack[len(stack)-1]
			if top.Heading.Level < r.Heading.Level && top.Span.Contains(r.Heading.Span.Start) {
				break
			}
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			out[r] = stack[len(stack)-1]
		}
		if r.Kind == model.KindLevel {
			stack = append(stack, r)
		}
	}
	return out
}
