package rules

import (
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

type linkStyleOptions struct {
	// Sections are top-level folders whose links need a leading slash,
	// besides those found in the content roots.
	Sections []string `yaml:"sections"`
	// OwnURLs reports full URLs to the site itself.
	OwnURLs bool `yaml:"own_urls"`
	// DotSlash reports relative links starting with "./".
	DotSlash bool `yaml:"dot_slash"`
}

var linkStyleRule = &lint.Rule{
	ID:       "link-style",
	Title:    "links into the site are root-relative: no full URL to the site itself, no ./ prefix, no missing leading slash",
	Category: lint.Links,
	Severity: lint.Warning,
	Fixable:  true,
	Doc: lint.Doc{
		Description: "Links into the handbook are written root-relative (`/handbook/values/`): they keep working when " +
			"the site moves host (the handbook moved from about.gitlab.com to handbook.gitlab.com) and in review " +
			"apps. Reported: a full URL to the site itself (`site.own_urls`; the message gives the root-relative " +
			"form, and `--fix` writes it), a relative link starting with `./` (it resolves from the page's own URL, " +
			"which is rarely what was meant; when it leads to a page, `--fix` writes that page's root-relative " +
			"URL), and a link to a top-level section without its leading slash (`handbook/values/` resolves " +
			"below the current page; `--fix` adds the slash). A reference link is reported, and fixed, at its " +
			"definition (`[values]: https://...`), where the URL is written, once however many links use it (so are " +
			"`link-target`'s and `link-fragment`'s findings); bare URLs are reported without a fix. One link is one finding: a link that leads to no page, or to no such anchor, is " +
			"`link-target`'s or `link-fragment`'s (for a full URL their message says it is written as one; for a " +
			"missing leading slash `link-target` offers the fix), not a second one here.",
		Bad:  "---\ntitle: Backend Engineer\n---\n\nSee our [values](https://handbook.gitlab.com/handbook/values/#results).\n",
		Good: "---\ntitle: Backend Engineer\n---\n\nSee our [values](/handbook/values/#results).\n",
		Options: []lint.OptionDoc{
			{Name: "sections", Default: "[handbook, job-families]", Text: "top-level sections whose links need a leading slash, besides the top-level folders of the content roots."},
			{Name: "own_urls", Default: "true", Text: "report full URLs to the site itself (`site.own_urls`)."},
			{Name: "dot_slash", Default: "true", Text: "report relative links that start with `./`."},
		},
	},
	Options: func() any {
		return &linkStyleOptions{Sections: []string{"handbook", "job-families"}, OwnURLs: true, DotSlash: true}
	},
	Check: checkLinkStyle,
}

func init() { lint.Register(linkStyleRule) }

func checkLinkStyle(p *lint.Pass) {
	opts := lint.Options[linkStyleOptions](p.Options)
	var ls *linkSite
	for _, l := range linkTargetsOnce(p.File.Links) {
		if l.Shortcode() {
			continue
		}
		if ls == nil {
			ls = linkSiteOf(p)
		}
		if d, ok := linkStyleProblem(p, ls, l, opts); ok && !linkTargetTakes(p, ls, l) {
			p.Report(d)
		}
	}
}

// linkStyleProblem says what is wrong with how a link is written (a full
// URL to the site, "./", a missing leading slash), whether or not the link
// leads anywhere.
func linkStyleProblem(p *lint.Pass, ls *linkSite, l *model.Link, opts *linkStyleOptions) (lint.Diagnostic, bool) {
	t := strings.TrimSpace(l.Target)
	if l.Shortcode() || t == "" || strings.Contains(t, "{{") || strings.Contains(t, "<%") {
		return lint.Diagnostic{}, false
	}
	scheme := site.Scheme(t)
	switch {
	case scheme == "http" || scheme == "https":
		if !opts.OwnURLs {
			return lint.Diagnostic{}, false
		}
		rel, ok := site.MatchOwn(t, ls.env.own)
		if !ok {
			return lint.Diagnostic{}, false
		}
		d := lint.Diagnostic{Span: l.DestSpan, Subject: "own " + t,
			Message: fmt.Sprintf("full URL to this site: write the root-relative link %s", rel)}
		if linkDestEditable(l) && p.File.Source.Text != nil && string(p.File.Source.Text[l.DestSpan.Start:l.DestSpan.End]) == l.Target {
			d.Fixes = []lint.Edit{{Span: l.DestSpan, New: rel}}
		}
		return d, true
	case scheme != "" || l.Kind == model.LinkAuto || strings.HasPrefix(t, "/") || strings.HasPrefix(t, "#"):
		return lint.Diagnostic{}, false
	case strings.HasPrefix(t, "./"):
		if !opts.DotSlash {
			return lint.Diagnostic{}, false
		}
		return linkDotSlash(p, ls, l), true
	default:
		return linkMissingSlash(p, ls, l, opts)
	}
}

// linkStyleCovers names link-style when a link that link-target or
// link-fragment reports is also written in a way link-style would report:
// that one finding then stands for both (Diagnostic.Covers).
func linkStyleCovers(p *lint.Pass, ls *linkSite, l *model.Link) []string {
	if linkRuleOff(p.Config, "link-style") {
		return nil
	}
	opts, err := p.Config.RuleOptions(lint.Lookup("link-style"))
	if err != nil {
		return nil
	}
	if _, ok := linkStyleProblem(p, ls, l, opts.(*linkStyleOptions)); ok {
		return []string{"link-style"}
	}
	return nil
}

// linkTargetTakes reports whether link-target or link-fragment reports this
// full URL to the site (no page there, or no such anchor on it): then that
// one finding says it is written as a full URL too, and link-style keeps
// quiet (one link, one finding).
func linkTargetTakes(p *lint.Pass, ls *linkSite, l *model.Link) bool {
	if ls.idx == nil {
		return false
	}
	if !linkRuleOff(p.Config, "link-target") {
		if opts, err := p.Config.RuleOptions(lint.Lookup("link-target")); err == nil {
			if _, _, broken := linkTargetProblem(ls, l, opts.(*linkTargetOptions)); broken {
				return true
			}
		}
	}
	if !linkRuleOff(p.Config, "link-fragment") && l.Fragment != "" {
		if opts, err := p.Config.RuleOptions(lint.Lookup("link-fragment")); err == nil {
			var own *site.Anchors
			if _, _, broken := linkFragmentProblem(p, ls, l, opts.(*linkFragmentOptions), &own); broken {
				return true
			}
		}
	}
	return false
}

// linkDotSlash reports a "./" link, with its root-relative form when it leads
// to a page or file.
func linkDotSlash(p *lint.Pass, ls *linkSite, l *model.Link) lint.Diagnostic {
	d := lint.Diagnostic{Span: l.DestSpan, Subject: "dot-slash " + l.Target,
		Message: "relative link with a \"./\" prefix: write a root-relative link"}
	if ls.idx == nil || ls.page == nil {
		return d
	}
	r := ls.resolve(l)
	if r.Class != site.Site || r.Outside {
		return d
	}
	_, rest := linkSplitRest(l.Target)
	if !r.Found {
		d.Message = fmt.Sprintf("relative link with a \"./\" prefix: it resolves from this page's URL to %s, where there is no page; write a root-relative link", r.URL)
		return d
	}
	rel := r.URL + rest
	d.Message = fmt.Sprintf("relative link with a \"./\" prefix: write the root-relative link %s", rel)
	if linkDestEditable(l) && string(p.File.Source.Text[l.DestSpan.Start:l.DestSpan.End]) == l.Target {
		d.Fixes = []lint.Edit{{Span: l.DestSpan, New: rel}}
	}
	return d
}

// linkMissingSlash reports "handbook/..." written without its leading slash,
// unless the relative link does lead to a page.
func linkMissingSlash(p *lint.Pass, ls *linkSite, l *model.Link, opts *linkStyleOptions) (lint.Diagnostic, bool) {
	t := strings.TrimSpace(l.Target)
	first := strings.SplitN(t, "/", 2)[0]
	if first == "" || first == "." || first == ".." {
		return lint.Diagnostic{}, false
	}
	known := linkListHasFold(opts.Sections, first)
	if !known && ls.idx != nil {
		known = ls.idx.TopLevel(first)
	}
	if !known {
		return lint.Diagnostic{}, false
	}
	if ls.idx != nil && ls.page != nil {
		if r := ls.resolve(l); r.Found {
			return lint.Diagnostic{}, false // a page below this one really has that path
		}
	}
	d := lint.Diagnostic{Span: l.DestSpan, Subject: "no-slash " + t,
		Message: fmt.Sprintf("link to %s/... without its leading slash resolves below this page: write /%s", first, t)}
	if linkDestEditable(l) && string(p.File.Source.Text[l.DestSpan.Start:l.DestSpan.End]) == l.Target {
		d.Fixes = []lint.Edit{{Span: model.Span{Start: l.DestSpan.Start, End: l.DestSpan.Start}, New: "/"}}
	}
	return d, true
}

// linkSplitRest splits a target into its path and the query and fragment.
func linkSplitRest(t string) (string, string) {
	if i := strings.IndexAny(t, "?#"); i >= 0 {
		return t[:i], t[i:]
	}
	return t, ""
}

func linkListHasFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
