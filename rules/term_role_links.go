package rules

import (
	"fmt"
	"path"
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
