package rules

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// checkTermRoleLinks reports a link to a role of the same page whose text
// names the role otherwise than its heading, with words the heading lacks
// ("reports to the [Engineering Manager, Digital Experience](#manager-engineering)"
// where the heading is "Manager, Engineering"): the page calls one role by
// two names. A shorter name ("[Manager](#manager-engineering)"), the same
// words in another order, and a text that names another role of the page
// exactly (a wrong anchor, link-fragment's business) are left alone.
//
// The same name written as plain text elsewhere on the page ("a 30 minute
// interview with an Engineering Manager, Digital Experience") is the same
// defect where the page does not link it, and is reported too: in prose,
// not in a heading, a link's text or the role's own sections (what a role
// calls itself is role-name-mismatch's).
func checkTermRoleLinks(p *lint.SetPass, f *model.Family) {
	if len(f.Roles) == 0 || len(f.Links) == 0 {
		return
	}
	byAnchor := map[string]*model.Role{}
	for _, r := range f.Roles {
		if r.Heading == nil || r.Heading.Role != r {
			continue
		}
		if k := anchorKey(r.Heading.Text); k != "" {
			byAnchor[k] = r
		}
		if r.Heading.ID != "" {
			byAnchor[anchorKey(r.Heading.ID)] = r
		}
	}
	names := &roleNames{ignore: map[string]bool{"gitlab": true}, acronyms: pageAcronyms(f), level: map[string]bool{}}
	self := pageSlug(f.Path)
	type misnamed struct {
		text, title string
		r           *model.Role
	}
	var found []misnamed
	for _, l := range f.Links {
		if l.Block == nil || l.Fragment == "" || l.Kind == model.LinkAuto {
			continue
		}
		if l.Path != "" && (self == "" || pageSlug(strings.TrimSuffix(l.Path, "/")) != self) {
			continue // another page's role
		}
		r := byAnchor[anchorKey(l.Fragment)]
		if r == nil {
			continue
		}
		text := strings.TrimSpace(l.Text)
		title := cleanRoleTitle(r.Heading.Text)
		if text == "" || !model.JobTitleLike(text) || names.same(text, title) {
			continue
		}
		tw, nw := setOf(names.words(title)), names.words(text)
		added := false
		for _, w := range nw {
			if !tw[w] {
				added = true
			}
		}
		if !added || otherRole(f, nil, text, names) != nil {
			continue
		}
		b := l.Block
		span := b.SourceSpan(l.TextIn.Start, l.TextIn.End)
		p.Report(lint.Diagnostic{
			File:    f,
			Span:    span,
			Message: fmt.Sprintf("the link names the role %s, but its heading on this page is %s", quoted(text), quoted(title)),
			Subject: "role: " + strings.ToLower(title),
		})
		if !slices.ContainsFunc(found, func(m misnamed) bool { return m.text == text }) {
			found = append(found, misnamed{text, title, r})
		}
	}
	// the longest names first: a name that another found one holds
	// ("Senior Engineering Manager" in "Senior Engineering Manager,
	// Development") is not reported inside it
	slices.SortStableFunc(found, func(a, b misnamed) int { return len(b.text) - len(a.text) })
	type taken struct {
		b          *model.Block
		start, end int
	}
	var done []taken
	for _, m := range found {
		for _, b := range f.Blocks {
			if b.Kind == model.BlockHeading || b.Role == m.r {
				continue
			}
			t := wordingText(b)
			for off := 0; ; {
				i := strings.Index(t[off:], m.text)
				if i < 0 {
					break
				}
				start, end := off+i, off+i+len(m.text)
				off = end
				if start > 0 && isAlnum(t[start-1]) || end < len(t) && isAlnum(t[end]) || inLinkText(b, start) ||
					slices.ContainsFunc(done, func(d taken) bool { return d.b == b && d.start < end && start < d.end }) {
					continue
				}
				done = append(done, taken{b, start, end})
				p.Report(lint.Diagnostic{
					File: f,
					Span: b.SourceSpan(start, end),
					Message: fmt.Sprintf("names the role %s, as the page's links to it do, but its heading on this page is %s",
						quoted(m.text), quoted(m.title)),
					Subject: "role: " + strings.ToLower(m.title),
				})
			}
		}
	}
}

// anchorKey folds a heading text or an anchor to its letters and digits in
// lower case, so that the anchor styles of Hugo and Middleman meet
// ("Manager, Learning & Development", "manager-learning--development").
func anchorKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pageSlug is the last two segments of a page's path or URL without its
// extension and index name: "marketing/fullstack-engineer-marketing" for
// ".../marketing/fullstack-engineer-marketing/index.html.md" and for
// "/job-families/marketing/fullstack-engineer-marketing/".
func pageSlug(p string) string {
	p = strings.TrimSuffix(p, "/")
	for _, ext := range []string{".erb", ".md", ".html"} {
		p = strings.TrimSuffix(p, ext)
	}
	if base := path.Base(p); base == "index" || base == "_index" {
		p = path.Dir(p)
	}
	dir, base := path.Split(p)
	return path.Base(strings.TrimSuffix(dir, "/")) + "/" + base
}
