package site

import (
	"path"
	"strings"
)

// RefResult is what a Hugo ref or relref path resolves to.
type RefResult struct {
	Page *Page
	// Ambiguous lists the pages a bare name matches when it matches more
	// than one (Hugo fails the build: "page reference is ambiguous").
	Ambiguous []*Page
	// Outside reports a path that climbs above the content root.
	Outside bool
}

// contentExts are the extensions a ref may name a page file with.
var contentExts = []string{".md", ".markdown", ".html", ".htm"}

// Ref resolves the path of a Hugo {{< ref >}} or {{< relref >}} shortcode
// (without its fragment) written on page from (nil: from the site root), as
// Hugo does:
//
//  1. a path without a leading '/' is first taken relative to the page's
//     folder (for a leaf bundle, index.md, the folder above unless the path
//     starts with ".."); a path starting with "." stops there;
//  2. then from the content root;
//  3. then, for a bare name ("values", or "/values"), as the logical name
//     of a page anywhere in the site: a name two pages share is ambiguous.
//
// Extensions (".md") and trailing "/_index" or "/index" are ignored; case
// is ignored.
func (x *Index) Ref(from *Page, ref string) RefResult {
	in := strings.TrimSpace(ref)
	clean := func(s string) string {
		s = strings.ToLower(s)
		s = strings.TrimSuffix(s, "/")
		for _, ext := range contentExts {
			if strings.HasSuffix(s, ext) {
				s = strings.TrimSuffix(s, ext)
				break
			}
		}
		s = strings.TrimSuffix(s, "/_index")
		s = strings.TrimSuffix(s, "/index")
		if s == "" || s == "/_index" || s == "/index" {
			s = "/"
		}
		return s
	}
	if from != nil && !strings.HasPrefix(in, "/") {
		base := path.Dir(from.Logical)
		switch from.Kind {
		case Branch, Implicit:
			base = from.Logical
		case Leaf:
			if strings.HasPrefix(in, "..") {
				base = from.Logical
			}
		}
		j, out := CleanPath(base + "/" + in)
		if out {
			return RefResult{Outside: true}
		}
		if p := x.logicalPage(clean(j)); p != nil {
			return RefResult{Page: p}
		}
		if strings.HasPrefix(in, ".") {
			return RefResult{}
		}
	}
	abs, out := CleanPath("/" + strings.TrimPrefix(in, "/"))
	if out {
		return RefResult{Outside: true}
	}
	if p := x.logicalPage(clean(abs)); p != nil {
		return RefResult{Page: p}
	}
	slashes := strings.Count(in, "/")
	if slashes == 0 || slashes == 1 && strings.HasPrefix(in, "/") {
		name := path.Base(clean(abs))
		switch ps := x.named(name); len(ps) {
		case 0:
		case 1:
			return RefResult{Page: ps[0]}
		default:
			return RefResult{Ambiguous: ps}
		}
	}
	return RefResult{}
}
