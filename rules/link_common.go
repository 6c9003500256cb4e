package rules

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

// linkEnv is what the link rules share in a run: the link indexes (built
// once, through Env.Shared) and the config's view of the site.
type linkEnv struct {
	sites *site.Sites
	own   []site.OwnURL
	style string // anchor style
}

func linksOf(env *lint.Env, cfg *lint.Config) *linkEnv {
	return env.Shared("links/site", func() any { return newLinkEnv(cfg) }).(*linkEnv)
}

func newLinkEnv(cfg *lint.Config) *linkEnv {
	sc := cfg.Site
	middleman := sc.Layout == site.Middleman
	c := site.Config{
		Generator:   sc.Layout,
		BaseDir:     cfg.Dir,
		PresetRoots: lint.MiddlemanRoots,
		PageFiles:   sc.PageFiles,
		Anchors:     sc.Anchors,
		MaxFileSize: cfg.MaxFileSize,
	}
	def := lint.DefaultConfig().Site
	if middleman {
		// The preset, for configs built in code rather than read from a
		// file (ParseConfig already applies it).
		if reflect.DeepEqual(sc.PageFiles, def.PageFiles) {
			c.PageFiles = lint.MiddlemanPageFiles
		}
		if sc.Anchors == def.Anchors {
			c.Anchors = site.Kramdown
		}
	}
	for _, r := range sc.Roots {
		c.Roots = append(c.Roots, site.Root{Dir: r.Dir, Prefix: r.Prefix})
	}
	env := &linkEnv{sites: site.NewSites(c), style: c.Anchors}
	own := sc.OwnURLs
	if middleman && reflect.DeepEqual(own, def.OwnURLs) {
		// Before 2023 the whole of about.gitlab.com was this site.
		own = []lint.OwnURL{{URL: "https://about.gitlab.com"}}
	}
	for _, o := range own {
		env.own = append(env.own, site.OwnURL{URL: o.URL, Paths: o.Paths})
	}
	if env.style == "" {
		env.style = site.GitHub
	}
	return env
}

// linkSite is one file's view of its site.
type linkSite struct {
	env  *linkEnv
	idx  *site.Index // nil: no content root serves the file
	page *site.Page  // nil: the file lies outside the roots
	abs  string
}

func linkSiteOf(p *lint.Pass) *linkSite {
	env := linksOf(p.Env, p.Config)
	ls := &linkSite{env: env}
	ls.abs, _ = env.sites.Abs(p.File.Path)
	ls.idx, ls.page = env.sites.For(p.File.Path)
	if ls.idx == nil {
		linkNoteNoRoot(p)
	}
	return ls
}

// linkNoteNoRoot says once per run that links into the site were not
// checked because no content root serves a linted file, and how to give
// one: without it link-target and link-fragment would pass in silence.
func linkNoteNoRoot(p *lint.Pass) {
	if linkRuleOff(p.Config, "link-target") && linkRuleOff(p.Config, "link-fragment") {
		return
	}
	own := linksOf(p.Env, p.Config).own
	needs := false
	for _, l := range p.File.Links {
		if linkNeedsIndex(l, own) {
			needs = true
			break
		}
	}
	if !needs {
		return
	}
	why := "no folder named content/ above it"
	how := "pass --root DIR (the folder served at /), or set site.roots in " + lint.ConfigFileName +
		" (site.layout: middleman for GitLab's pre-2023 handbook)"
	if strings.HasSuffix(p.File.Path, ".html.md") || strings.HasSuffix(p.File.Path, ".html.md.erb") {
		how = "the page looks like one of a Middleman site (GitLab's handbook before 2023): set site.layout: middleman in " +
			lint.ConfigFileName + ", or pass --root DIR (the folder served at /)"
	}
	if p.Config.Site.Layout == site.Middleman {
		why = "no folder above it holds the Middleman preset's source folders (" + strings.Join(lint.MiddlemanRoots, ", ") + ")"
		how = "pass --root DIR (the folder served at /), or set site.roots in " + lint.ConfigFileName
	}
	p.Env.Note("links/no-root", lint.Note{Rule: "link-target", Message: fmt.Sprintf(
		"links into the site were not checked (link-target, link-fragment): no content root serves %s (%s, and no site.roots in the config); %s",
		p.File.Path, why, how)})
}

// linkRuleOff reports whether a rule is off in the config (by ID: the rules'
// own variables would make an initialization cycle).
func linkRuleOff(cfg *lint.Config, id string) bool {
	r := lint.Lookup(id)
	return r == nil || cfg.Severity(r) == 0
}

// linkNeedsIndex reports whether checking a link needs the site's index:
// root-relative and relative links, Hugo refs and full URLs to the site
// itself; not external URLs, other schemes, same-page fragments or
// templated targets.
func linkNeedsIndex(l *model.Link, own []site.OwnURL) bool {
	t := strings.TrimSpace(l.Target)
	if strings.Contains(t, "{{") && !l.Shortcode() || strings.Contains(t, "<%") {
		return false
	}
	switch r := linkClassify(l, own); r.Class {
	case site.Site:
		return true
	case site.Skipped:
		return l.Shortcode() || site.Scheme(t) == "" && l.Kind != model.LinkAuto
	}
	return false
}

// resolve resolves a link; without an index only its class is known.
func (ls *linkSite) resolve(l *model.Link) site.Resolution {
	if ls.idx == nil {
		return linkClassify(l, ls.env.own)
	}
	return ls.idx.Resolve(ls.page, l, ls.env.own)
}

// linkClassify tells a link's class without an index, by its target alone.
func linkClassify(l *model.Link, own []site.OwnURL) site.Resolution {
	if l.Shortcode() {
		if strings.TrimSpace(l.Path) == "" {
			return site.Resolution{Class: site.SamePage}
		}
		return site.Resolution{Class: site.Skipped}
	}
	t := strings.TrimSpace(l.Target)
	switch s := site.Scheme(t); {
	case s == "http" || s == "https":
		if rel, ok := site.MatchOwn(t, own); ok {
			return site.Resolution{Class: site.Site, Own: true, URL: rel}
		}
		return site.Resolution{Class: site.External}
	case s != "" || l.Kind == model.LinkAuto:
		return site.Resolution{Class: site.Skipped}
	}
	if strings.TrimSpace(l.Path) == "" && !strings.Contains(t, "{{") {
		return site.Resolution{Class: site.SamePage}
	}
	return site.Resolution{Class: site.Skipped}
}

// samePage reports whether a resolved link leads back to the linted page.
func (ls *linkSite) samePage(r site.Resolution) bool {
	if r.Class == site.SamePage {
		return true
	}
	if !r.Found || r.Hit.Page == nil {
		return false
	}
	if ls.page != nil && r.Hit.Page.URL == ls.page.URL {
		return true
	}
	return r.Hit.File != "" && r.Hit.File == ls.abs
}

// linkDestEditable reports whether a link's target is written where a fix
// can rewrite it: inline links, images and HTML hrefs, and reference links
// whose definition was found (DestSpan is its destination, outside the
// link: one edit there serves every link that uses it); not autolinks (the
// URL is the text).
func linkDestEditable(l *model.Link) bool {
	switch l.Kind {
	case model.LinkInline, model.LinkImage, model.LinkHTML:
		return l.DestSpan != l.Span && l.DestSpan.End > l.DestSpan.Start
	case model.LinkReference:
		return l.DestSpan.End > l.DestSpan.Start && (l.DestSpan.Start >= l.Span.End || l.DestSpan.End <= l.Span.Start)
	}
	return false
}

// linkWritten is a link's target as its author wrote it.
func linkWritten(l *model.Link) string {
	if l.Shortcode() {
		return l.Raw
	}
	return l.Target
}

// PageURL is the URL path a linted file is published at, from the run's
// link index (the one the link rules use), or "" when no content root
// serves it.
func PageURL(env *lint.Env, cfg *lint.Config, file string) string {
	_, page := linksOf(env, cfg).sites.For(file)
	if page == nil {
		return ""
	}
	return page.URL
}

// linkTargetsOnce returns a page's links with each written target once:
// reference links that share a definition ("[values]: /handbook/values/")
// have their target written there, so what is wrong with it is one finding,
// at the definition. It returns links itself when no two share one.
func linkTargetsOnce(links []*model.Link) []*model.Link {
	var seen map[model.Span]bool
	var out []*model.Link
	for i, l := range links {
		d := l.DestSpan
		if d.End <= d.Start || d.Start < l.Span.End && d.End > l.Span.Start {
			// written in the link itself (or where unknown)
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if seen == nil {
			seen = map[model.Span]bool{}
		}
		if seen[d] {
			if out == nil {
				out = append(make([]*model.Link, 0, len(links)-1), links[:i]...)
			}
			continue
		}
		seen[d] = true
		if out != nil {
			out = append(out, l)
		}
	}
	if out == nil {
		return links
	}
	return out
}

// The markers around the table of contributors that the all-contributors
// tool writes into a README ("<!-- ALL-CONTRIBUTORS-LIST:START - Do not
// remove or modify this section -->" ... "<!-- ALL-CONTRIBUTORS-LIST:END
// -->").
const (
	contributorsListStart = "<!-- ALL-CONTRIBUTORS-LIST:START"
	contributorsListEnd   = "<!-- ALL-CONTRIBUTORS-LIST:END"
)

// inContributorsList reports whether offset off of a page's source lies
// between the all-contributors tool's markers, a start and the end after
// it. The tool links each contribution's emoji to "#type-login"
// ("#content-MaxHillebrand", "#review-nopara73") on purpose, a badge that
// leads nowhere, and rewrites the block whenever it runs: its same-page
// fragments are not the page's to fix. A start with no end after it marks
// nothing.
func inContributorsList(f *model.Family, off int) bool {
	blocks, _ := f.Memo(contributorsKey{}, func() any { return contributorsLists(f.Source.Text) }).([][2]int)
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i][1] > off })
	return i < len(blocks) && blocks[i][0] <= off
}

type contributorsKey struct{}

// contributorsLists returns the spans of a source's all-contributors
// blocks, in order: from a start marker to the first end marker after it,
// when no other start comes first (a start with no end marks nothing).
// Found once a page, so that a page of many broken fragments costs one scan.
func contributorsLists(src []byte) [][2]int {
	var out [][2]int
	startM, endM := []byte(contributorsListStart), []byte(contributorsListEnd)
	for at := 0; ; {
		s := bytes.Index(src[at:], startM)
		if s < 0 {
			return out
		}
		s += at
		rest := s + len(startM)
		e := bytes.Index(src[rest:], endM)
		if e < 0 {
			return out
		}
		e += rest
		if n := bytes.Index(src[rest:e], startM); n >= 0 {
			at = rest + n // another start before the end: this one marks nothing
			continue
		}
		out = append(out, [2]int{s, e})
		at = e + len(endM)
	}
}
