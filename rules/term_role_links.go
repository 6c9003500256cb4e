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
	// the names the links give roles otherwise than their headings, with
	// the heading's title: the same name written without a link is the
	// same variant
	var linked [][2]string
	seen := map[string]bool{}
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
		if !seen[text] && len(linked) < maxUnlinkedRoleNames {
			seen[text] = true
			linked = append(linked, [2]string{text, title})
		}
	}
	checkTermRoleNamesUnlinked(p, f, linked)
}

// maxUnlinkedRoleNames bounds the second names looked for without a link:
// each is searched for in the whole page, and a page names its roles a
// handful of ways, not thousands (a hostile page of 10,000 distinct link
// texts costs 32 scans of its text, not 10,000).
const maxUnlinkedRoleNames = 32

// checkTermRoleNamesUnlinked reports a name that a link of the page gives
// one of its roles otherwise than the role's heading (linked: the name and
// the heading's title), written again without a link ("a 30 minute
// interview with a Engineering Manager, Digital Experience"): the page calls
// the role by the same second name there. Only the name as the link
// writes it, whole words, outside headings and link texts.
func checkTermRoleNamesUnlinked(p *lint.SetPass, f *model.Family, linked [][2]string) {
	for _, nt := range linked {
		name, title := nt[0], nt[1]
		for _, b := range f.Blocks {
			if b.Kind == model.BlockHeading {
				continue
			}
			text := wordingText(b)
			for off := 0; off < len(text); {
				k := strings.Index(text[off:], name)
				if k < 0 {
					break
				}
				start, end := off+k, off+k+len(name)
				off = end
				if start > 0 && isWordByte(text[start-1]) || end < len(text) && isWordByte(text[end]) ||
					inLinkText(b, start) || b.Text[start:end] != name {
					continue
				}
				p.Report(lint.Diagnostic{
					File:    f,
					Span:    b.SourceSpan(start, end),
					Message: fmt.Sprintf("the page names the role %s, as a link to it does, but its heading on this page is %s", quoted(name), quoted(title)),
					Subject: "role: " + strings.ToLower(title),
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
