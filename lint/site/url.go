package site

import (
	"net/url"
	"strings"
)

// ResolveRelative resolves a relative URL path against the URL path of the
// page it is written on, as a browser does: the page's folder is its URL up
// to the last '/', so from /a/b/ "c" is /a/b/c and from /a/b.html it is
// /a/c. "." and ".." segments are applied. out reports a path that climbs
// above the site root (a browser would stop at "/"); the returned path is
// then the clamped one.
func ResolveRelative(pageURL, ref string) (resolved string, out bool) {
	if strings.HasPrefix(ref, "/") {
		return CleanPath(ref)
	}
	dir := pageURL
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		dir = dir[:i+1]
	} else {
		dir = "/"
	}
	if ref == "" {
		return CleanPath(pageURL)
	}
	return CleanPath(dir + ref)
}

// CleanPath applies the "." and ".." segments of an absolute URL path,
// keeping a trailing slash (a last "." or ".." segment also names a
// folder). out reports a ".." that climbs above "/".
func CleanPath(p string) (clean string, out bool) {
	segs := strings.Split(p, "/")
	stack := make([]string, 0, len(segs))
	trailing := strings.HasSuffix(p, "/")
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case "", ".":
			if last && s == "." {
				trailing = true
			}
		case "..":
			if len(stack) == 0 {
				out = true
			} else {
				stack = stack[:len(stack)-1]
			}
			if last {
				trailing = true
			}
		default:
			stack = append(stack, s)
		}
	}
	clean = "/" + strings.Join(stack, "/")
	if trailing && len(stack) > 0 {
		clean += "/"
	}
	return clean, out
}

// Scheme returns the URL scheme of a link target ("https", "mailto"), or
// "" for a path.
func Scheme(target string) string {
	for i := 0; i < len(target); i++ {
		c := target[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return strings.ToLower(target[:i])
		default:
			return ""
		}
	}
	return ""
}

// OwnURL is a base URL the site is published at; with Paths, only URLs
// below those path prefixes belong to the site.
type OwnURL struct {
	URL   string
	Paths []string
}

// MatchOwn reports whether an absolute http(s) URL points into the site
// itself, and returns its root-relative form (path, query and fragment as
// written). Scheme and host are compared without case; http and https, and
// a leading "www.", count as the same site.
func MatchOwn(target string, own []OwnURL) (string, bool) {
	s := Scheme(target)
	if s != "http" && s != "https" {
		return "", false
	}
	u, err := url.Parse(target)
	if err != nil || u.Host == "" || u.User != nil {
		return "", false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	for _, o := range own {
		ou, err := url.Parse(o.URL)
		if err != nil || ou.Host == "" {
			continue
		}
		if strings.TrimPrefix(strings.ToLower(ou.Host), "www.") != host {
			continue
		}
		p := u.EscapedPath()
		if p == "" {
			p = "/"
		}
		base := strings.TrimSuffix(ou.EscapedPath(), "/")
		if base != "" && p != base && !strings.HasPrefix(p, base+"/") {
			continue
		}
		if len(o.Paths) > 0 {
			ok := false
			for _, pre := range o.Paths {
				pre = normPrefix(pre)
				if strings.HasPrefix(p+"/", pre) || strings.HasPrefix(p, pre) {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
		}
		rel := p
		if u.RawQuery != "" || u.ForceQuery {
			rel += "?" + u.RawQuery
		}
		if i := strings.IndexByte(target, '#'); i >= 0 {
			rel += target[i:]
		}
		return rel, true
	}
	return "", false
}
