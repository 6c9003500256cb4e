package rules

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

type linkTargetOptions struct {
	// Ignore lists URL paths (globs, "**" for any folders) not checked.
	Ignore []string `yaml:"ignore"`
	// OwnURLs checks full URLs to the site itself (site.own_urls) like
	// root-relative links.
	OwnURLs bool `yaml:"own_urls"`
	// Files checks links to files that are not pages (images, PDFs).
	Files bool `yaml:"files"`
}

var linkTargetRule = &lint.Rule{
	ID:       "link-target",
	Title:    "site-root, relative and Hugo ref links lead to a page of the site",
	Category: lint.Links,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Fixable:  true,
	Doc: lint.Doc{
		Description: "Resolves every link into the site against an index of the content roots, without building the " +
			"site. Root-relative links (`/handbook/values/`) are looked up as URLs: `/a/b/`, `/a/b` and " +
			"`/a/b/index.html` are the page published at `/a/b/` (by default Hugo's `a/b/_index.md`, `a/b.md` or " +
			"`a/b/index.md`; front-matter `aliases`, `url` and `slug` count too, and with the Middleman preset the " +
			"redirects in `data/redirects.yml`). Relative links " +
			"are resolved as a browser resolves them from the page's published URL: on `/job-families/x/y/` " +
			"(from `job-families/x/y.md`) `../z/` is `/job-families/x/z/`, not the file `job-families/z.md`. Hugo " +
			"`{{< ref >}}` and `{{< relref >}}` paths are resolved as Hugo does: relative to the page, then from the " +
			"content root, then as a page name anywhere in the site; a name two pages share is ambiguous (Hugo " +
			"fails the build). Reference-style links, images and HTML `<a href>` are checked too, and full URLs to " +
			"the site itself (`site.own_urls`) like root-relative ones. A link that climbs above the site root is " +
			"reported and never followed. `mailto:` and other schemes, external URLs and templated targets (ERB, " +
			"Hugo templates) are not this rule's business. A relative link that lacks only its leading slash " +
			"(`handbook/values/` for `/handbook/values/`) is reported with the page it means, and `--fix` adds the " +
			"slash. A link this rule reports is its finding alone: `link-style` does not report it again. See " +
			"docs/links.md for the resolution rules and layouts.",
		Bad:     "---\ntitle: Backend Engineer\n---\n\nSee the [hiring process](/handbook/hiring/no-such-page/).\n",
		Good:    "---\ntitle: Backend Engineer\n---\n\nSee the [hiring process](/handbook/hiring/).\n",
		Excerpt: true, // needs a content tree
		Options: []lint.OptionDoc{
			{Name: "ignore", Default: "[]", Text: "URL paths not checked, as globs (`/images/**`)."},
			{Name: "own_urls", Default: "true", Text: "check full URLs to the site itself (`site.own_urls`) like root-relative links."},
			{Name: "files", Default: "true", Text: "check links to files that are not pages (images, PDFs)."},
		},
	},
	Options: func() any { return &linkTargetOptions{OwnURLs: true, Files: true} },
	Check:   checkLinkTarget,
}

func init() { lint.Register(linkTargetRule) }

func checkLinkTarget(p *lint.Pass) {
	opts := lint.Options[linkTargetOptions](p.Options)
	var ls *linkSite
	for _, l := range linkTargetsOnce(p.File.Links) {
		if ls == nil {
			ls = linkSiteOf(p)
			if ls.idx == nil {
				return // no content root: nothing to resolve against
			}
		}
		msg, slash, ok := linkTargetProblem(ls, l, opts)
		if !ok {
			continue
		}
		d := lint.Diagnostic{Span: l.DestSpan, Message: msg, Subject: linkWritten(l), Covers: linkStyleCovers(p, ls, l)}
		if slash && linkDestEditable(l) && p.File.Source.Text != nil && string(p.File.Source.Text[l.DestSpan.Start:l.DestSpan.End]) == l.Target {
			// the leading slash it lacks makes it the page the hint names
			d.Fixes = []lint.Edit{{Span: model.Span{Start: l.DestSpan.Start, End: l.DestSpan.Start}, New: "/"}}
		}
		p.Report(d)
	}
}

// linkTargetProblem says what is wrong with a link into the site, or false
// when it leads to a page (or is not link-target's business). link-style
// asks it too: a full URL to the site that leads nowhere is one finding,
// link-target's, whose message also says how the link is written.
//
// slash reports that the link lacks only a leading slash: with it, it is a
// page (the message says which), and --fix adds it.
func linkTargetProblem(ls *linkSite, l *model.Link, opts *linkTargetOptions) (msg string, slash, ok bool) {
	r := ls.resolve(l)
	if r.Class != site.Site || r.Own && !opts.OwnURLs || r.Found {
		return "", false, false
	}
	written := linkWritten(l)
	if r.Ref == nil && linkIgnoredURL(r.URL, opts) {
		return "", false, false
	}
	switch {
	case r.Outside:
		msg = fmt.Sprintf("%s leads outside the content root", linkQuote(written))
	case r.Ref != nil && len(r.Ref.Ambiguous) > 0:
		var urls []string
		for _, pg := range r.Ref.Ambiguous {
			urls = append(urls, pg.URL)
		}
		msg = fmt.Sprintf("%s %q is ambiguous: it names %d pages (%s); write the page's path", l.Kind, l.Path, len(urls), linkJoinMax(urls, 3))
	case r.Ref != nil:
		msg = fmt.Sprintf("%s %q matches no page (Hugo fails the build: REF_NOT_FOUND)", l.Kind, l.Path)
	default:
		what := "page"
		if linkIsFileURL(r.URL) {
			what = "file"
		}
		switch {
		case r.Own:
			msg = fmt.Sprintf("no %s at %s; the link is also written as a full URL to this site (%s): once it leads to a page, write it root-relative", what, r.URL, strings.TrimSpace(l.Target))
		case r.URL == l.Path || r.URL == strings.TrimSpace(l.Path):
			msg = fmt.Sprintf("no %s at %s", what, r.URL)
		default:
			msg = fmt.Sprintf("no %s at %s (%s resolved from this page's URL)", what, r.URL, l.Path)
		}
		if !r.Own {
			hint, addSlash := linkTargetHint(ls, l)
			msg += hint
			slash = addSlash
		}
	}
	return msg, slash, true
}

func linkIgnoredURL(u string, opts *linkTargetOptions) bool {
	if !opts.Files && linkIsFileURL(u) {
		return true
	}
	for _, g := range opts.Ignore {
		if lint.MatchGlob(strings.TrimPrefix(g, "/"), strings.TrimPrefix(u, "/")) {
			return true
		}
	}
	return false
}

// linkTargetHint explains a likely cause of a broken relative link: a file path
// where a URL belongs, or a missing leading slash.
func linkTargetHint(ls *linkSite, l *model.Link) (string, bool) {
	pth := strings.TrimSpace(l.Path)
	if pth == "" || site.Scheme(pth) != "" {
		return "", false
	}
	if strings.HasPrefix(pth, "/") {
		// a file path from the content root, as in the repository
		for _, r := range ls.idx.Layout().Roots {
			if pg := ls.idx.FilePage(filepath.Join(r.Dir, filepath.FromSlash(pth))); pg != nil {
				return fmt.Sprintf("; %s is a file path: that page is published at %s", pth, pg.URL), false
			}
		}
		return "", false
	}
	// a file path relative to the source file, as an editor would follow it
	if ls.abs != "" {
		f := filepath.Join(filepath.Dir(ls.abs), filepath.FromSlash(pth))
		if pg := ls.idx.FilePage(f); pg != nil {
			return fmt.Sprintf("; %s is a file path: that page is published at %s", pth, pg.URL), false
		}
	}
	first := strings.SplitN(pth, "/", 2)[0]
	if first != "." && first != ".." && ls.idx.TopLevel(first) {
		if h, ok := ls.idx.Lookup("/" + pth); ok && h.Page != nil {
			return fmt.Sprintf("; with a leading slash it is the page %s", h.Page.URL), true
		}
	}
	return "", false
}

func linkQuote(t string) string {
	if strings.HasPrefix(t, "{{") {
		return t
	}
	return fmt.Sprintf("%q", t)
}

func linkJoinMax(s []string, n int) string {
	if len(s) <= n {
		return strings.Join(s, ", ")
	}
	return strings.Join(s[:n], ", ") + fmt.Sprintf(" and %d more", len(s)-n)
}

// linkIsFileURL reports whether a URL names a file that is not a page (an
// image, a PDF), by its extension.
func linkIsFileURL(u string) bool {
	switch path.Ext(u) {
	case "", ".html", ".htm", ".md", ".markdown":
		return false
	}
	return true
}
