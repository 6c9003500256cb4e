package rules

import (
	"fmt"
	"net/url"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

type linkFragmentOptions struct {
	// Ignore lists fragments never reported (made by the site's layout,
	// say); "top" and the empty fragment are always fine.
	Ignore []string `yaml:"ignore"`
	// Templates also checks fragments into template pages (ERB, Haml),
	// whose headings may come from code.
	Templates bool `yaml:"templates"`
	// OwnURLs checks fragments of full URLs to the site itself.
	OwnURLs bool `yaml:"own_urls"`
}

var linkFragmentRule = &lint.Rule{
	ID:       "link-fragment",
	Title:    "a link's #fragment matches a heading or anchor of its target page",
	Category: lint.Links,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A `#fragment` must name an anchor of the page it leads to: a heading's ID or an HTML `id`/`name` " +
			"attribute. Heading IDs are computed as the site generator does: by default Hugo's (goldmark " +
			"`autoHeadingID`, GitHub style: `## Job Grades` is `#job-grades`, a repeated heading gets `-1`, `-2`, " +
			"...), with the Middleman preset kramdown's (GFM parser, and `{: #id}` attribute lists); `{#custom-id}` " +
			"attributes win over generated IDs. Same-page fragments (`#results`) are checked against the page " +
			"itself; cross-page ones (`/handbook/values/#results`, `{{< ref \"values#results\" >}}`) against the " +
			"target's source, read and scanned only when a fragment needs it. Links whose page is not found are " +
			"left to `link-target`. Pages whose content is partly generated when the site is built (ERB and Haml " +
			"templates, `<%= ... %>` tags, Hugo shortcodes other than inert ones such as `ref`, `youtube` or " +
			"`alert`) may have anchors their source does not show: fragments into them are not checked unless " +
			"`templates` is set. Markdown run through ERB (`.html.md.erb`) is checked when its source has no ERB " +
			"code (no `<%` tag, no line starting with `%`): ERB then copies it as it is. A fragment with a second `#` " +
			"(`#communication#writing`) is reported on such pages too: a link names one anchor, and no heading ID holds a `#`. Fragments match exactly, as browsers match them; the message suggests the anchor meant. " +
			"A same-page fragment between the all-contributors tool's markers (`<!-- ALL-CONTRIBUTORS-LIST:START` and " +
			"`<!-- ALL-CONTRIBUTORS-LIST:END -->`) is not reported: the tool links each contribution's emoji to `#type-login` on purpose.",
		Bad:  "---\ntitle: Backend Engineer\n---\n\n## Job Grades\n\nSee [the grades](#job-grade).\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Job Grades\n\nSee [the grades](#job-grades).\n",
		Options: []lint.OptionDoc{
			{Name: "ignore", Default: "[]", Text: "fragments never reported (ones a layout adds, e.g. `TableOfContents`)."},
			{Name: "templates", Default: "false", Text: "also check fragments into pages whose content is partly generated (`.erb`, `.haml`, ERB tags, Hugo shortcodes that may render headings)."},
			{Name: "own_urls", Default: "true", Text: "check fragments of full URLs to the site itself (`site.own_urls`)."},
		},
	},
	Options: func() any { return &linkFragmentOptions{OwnURLs: true} },
	Check:   checkLinkFragment,
}

func init() { lint.Register(linkFragmentRule) }

func checkLinkFragment(p *lint.Pass) {
	opts := lint.Options[linkFragmentOptions](p.Options)
	var ls *linkSite
	var own *site.Anchors // this page's anchors, computed once
	for _, l := range linkTargetsOnce(p.File.Links) {
		frag := l.Fragment
		if frag == "" || frag == "top" || linkListHas(opts.Ignore, frag) {
			continue
		}
		if ls == nil {
			ls = linkSiteOf(p)
		}
		if msg, subject, ok := linkFragmentProblem(p, ls, l, opts, &own); ok {
			p.Report(lint.Diagnostic{Span: l.DestSpan, Message: msg, Subject: subject, Covers: linkStyleCovers(p, ls, l)})
		}
	}
}

// linkFragmentProblem says what is wrong with a link's fragment, or false.
// own caches this page's anchors. link-style asks it too: a full URL to the
// site with a broken fragment is one finding, this rule's, whose message
// also says how the link is written.
func linkFragmentProblem(p *lint.Pass, ls *linkSite, l *model.Link, opts *linkFragmentOptions, own **site.Anchors) (string, string, bool) {
	frag := l.Fragment
	if frag == "" || frag == "top" || linkListHas(opts.Ignore, frag) {
		return "", "", false
	}
	r := ls.resolve(l)
	if r.Own && !opts.OwnURLs {
		return "", "", false
	}
	var anchors *site.Anchors
	where := "this page"
	same := ls.samePage(r)
	switch {
	case same:
		if *own == nil {
			*own = site.ComputeAnchors(p.File.Source.Text, ls.env.style)
		}
		if (*own).Partial && !opts.Templates {
			return linkFragmentHash(l, where, nil)
		}
		anchors = *own
	case r.Class == site.Site && r.Found && r.Hit.Page != nil:
		pg := r.Hit.Page
		if pg.Kind == site.Implicit || pg.Template() && !opts.Templates {
			return linkFragmentHash(l, pg.URL, &r)
		}
		a, err := pg.Anchors()
		if err != nil || a.Partial && !opts.Templates {
			// unreadable, too large, or partly generated: nothing sure to
			// say, but for a fragment no anchor can match
			return linkFragmentHash(l, pg.URL, &r)
		}
		anchors, where = a, pg.URL
	default:
		return "", "", false
	}
	id := frag
	if dec, err := url.PathUnescape(frag); err == nil {
		id = dec
	}
	if anchors.Has(id) || anchors.Has(frag) {
		return "", "", false
	}
	if same && inContributorsList(p.File, l.Span.Start) {
		return "", "", false // the all-contributors tool's "#type-login" badges
	}
	msg := fmt.Sprintf("#%s matches no heading or anchor on %s", frag, where)
	if c := anchors.Closest(id); c != "" {
		msg += fmt.Sprintf(" (did you mean #%s?)", c)
	}
	if r.Own {
		msg += fmt.Sprintf("; the link is also written as a full URL to this site (%s): write it root-relative", strings.TrimSpace(l.Target))
	}
	return msg, where + "#" + frag, true
}

// linkFragmentHash reports a fragment with a second '#' on a page whose
// anchors cannot all be known (partly generated, a template, unread): a
// URL's fragment is what follows its first '#', so the browser looks for an
// anchor named "a#b", and no heading ID holds a '#' (RFC 3986 has none in
// a fragment: it is written %23). r is the link's resolution, nil for the
// page itself.
func linkFragmentHash(l *model.Link, where string, r *site.Resolution) (string, string, bool) {
	frag := l.Fragment
	if !strings.Contains(frag, "#") {
		return "", "", false
	}
	var parts []string
	for _, s := range strings.Split(frag, "#") {
		if s != "" {
			parts = append(parts, "#"+s)
		}
	}
	msg := fmt.Sprintf("#%s, a fragment into %s, has a second '#': a link names one anchor, and no heading ID holds a '#'", frag, where)
	if len(parts) > 1 {
		msg += fmt.Sprintf(": keep one of %s", strings.Join(parts, ", "))
	}
	if r != nil && r.Own {
		msg += fmt.Sprintf("; the link is also written as a full URL to this site (%s): write it root-relative", strings.TrimSpace(l.Target))
	}
	return msg, where + "#" + frag, true
}

func linkListHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
