package site

import (
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Class says what kind of target a link has.
type Class int

// Target classes.
const (
	// Skipped: not a page of any site (mailto:, tel:, a templated target
	// such as ERB or a Hugo template), or a relative link on a page whose
	// URL is unknown (outside every root).
	Skipped Class = iota
	External
	SamePage // "#fragment", "" or {{< ref "#fragment" >}}
	Site     // a path of the site: root-relative, relative, a Hugo ref or a full URL to the site itself
)

// Resolution is where a link leads.
type Resolution struct {
	Class Class
	// URL is the site URL path the link resolves to (Site links that are
	// not refs).
	URL string
	// Own is set for a full URL to the site itself; URL is its path.
	Own bool
	// Outside reports a path that climbs above the site root: it resolves
	// to nothing.
	Outside bool
	// Ref is set for Hugo ref/relref shortcodes.
	Ref *RefResult
	// Hit is the page or file found; Found says whether one was.
	Hit   Hit
	Found bool
}

// Resolve classifies a link written on page from (nil when the linted file
// lies outside every root) and looks its target up.
func (x *Index) Resolve(from *Page, l *model.Link, own []OwnURL) Resolution {
	if l.Shortcode() {
		if strings.TrimSpace(l.Path) == "" {
			return Resolution{Class: SamePage}
		}
		r := x.Ref(from, l.Path)
		res := Resolution{Class: Site, Ref: &r, Outside: r.Outside}
		if r.Page != nil {
			res.Hit, res.Found = Hit{Page: r.Page, File: r.Page.File}, true
			res.URL = r.Page.URL
		}
		return res
	}
	t := strings.TrimSpace(l.Target)
	if strings.Contains(t, "{{") || strings.Contains(t, "<%") || strings.Contains(t, "%>") {
		return Resolution{Class: Skipped}
	}
	p := strings.TrimSpace(l.Path)
	if strings.HasPrefix(t, "//") {
		t = "https:" + t
		p = "https:" + p
	}
	res := Resolution{Class: Site}
	switch s := Scheme(t); {
	case s == "http" || s == "https":
		rel, ok := MatchOwn(t, own)
		if !ok {
			return Resolution{Class: External}
		}
		res.Own = true
		p, _ = splitPath(rel)
	case s != "":
		return Resolution{Class: Skipped}
	case l.Kind == model.LinkAuto:
		return Resolution{Class: External} // www.example.com
	}
	switch {
	case p == "" && !res.Own:
		return Resolution{Class: SamePage}
	case strings.HasPrefix(p, "/"):
		res.URL, res.Outside = CleanPath(p)
	case from == nil:
		return Resolution{Class: Skipped}
	default:
		res.URL, res.Outside = ResolveRelative(from.URL, p)
	}
	if res.Outside {
		return res
	}
	res.Hit, res.Found = x.Lookup(res.URL)
	return res
}

// splitPath splits a root-relative URL into its path and the rest (query
// and fragment).
func splitPath(u string) (string, string) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i], u[i:]
	}
	return u, ""
}
