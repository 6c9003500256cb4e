package rules

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
	"go.yaml.in/yaml/v3"
)

// repo-link checks links the way GitHub renders a repository's markdown: a
// relative link is a file path from the linking file's folder, a link that
// starts with "/" is a path from the repository root, and a #fragment is a
// heading's GitHub anchor.
var repoLinkRule = &lint.Rule{
	ID:       "repo-link",
	Title:    "relative links lead to a file of the repository, and #fragments to a heading of it (GitHub's layout)",
	Category: lint.Links,
	Severity: lint.Error,
	Optional: true,
	Doc: lint.Doc{
		Description: "For ladders kept as markdown files in a repository and read on GitHub (or GitLab) rather than " +
			"built into a site: a relative link (`../backend/l3.md`, `senior.md#scope`) is resolved from the folder " +
			"of the file that holds it, a link starting with `/` from the repository root (the nearest folder " +
			"holding `.git`), and must name a file or folder that exists. A `#fragment` on a link to a markdown " +
			"file, or alone for the same page, must be the GitHub anchor of one of its headings (lower case, " +
			"spaces as hyphens, punctuation dropped, -1, -2 for repeats, made from the heading as GitHub renders it: a link " +
			"gives its text, an image or an HTML tag nothing) or the id or name of an HTML anchor, inside a heading too " +
			"(`## Maintainers <a name=\"maint\"></a>`); on a link to the file's source (`?plain=1`) the fragment names lines and is not checked. Full URLs are link-external's. On in the " +
			"generic profile, where the Hugo site rules (link-target, link-fragment) are off. On a page that opens with " +
			"front matter (a static site's source page), a link with no file extension that names no file is the " +
			"address of a page the site builds, and is not reported; nor is a link to `x.html` where `x.md` (or `x.markdown`) beside " +
			"it is the source the site publishes there (Jekyll, Hugo); nor is a link from `/` that names no file from the repository's root but one under the page's folder " +
			"or a folder above it within the repository, or under such a folder's `public`, `static` or `.vuepress/public` folder, whose files a site built from that " +
			"folder serves from its root (`/logo.png` for VuePress's `docs/.vuepress/public/logo.png`). On a page of a documentation build that reads such a link as a " +
			"reference to a document (a Jupyter Book: a `_toc.yml`, or a `_config.yml` with its own keys such as `execute`, " +
			"`launch_buttons`, `sphinx`, `parse` or an `html` `use_..._button`; a Sphinx `conf.py` whose extensions read markdown: " +
			"`myst_parser`, `myst_nb`, `recommonmark`), its config at or above the page's folder within the repository, a " +
			"link with no file extension and no trailing slash (`./roles`) is not reported when a page source of that name lies " +
			"where it leads (`roles.md`, `roles.ipynb`, `roles.rst`): the built page links to `roles.html`. MkDocs and Hugo " +
			"publish `intro.md` as `intro/` by default, from where `./roles` leads below it: their configs do not count. Nor is a link that climbs out of the file's folder into GitHub's " +
			"own address of the file: a branch name, `blob` or `tree` after the `..` steps (`../main/peribolos/org.yaml`), or, two " +
			"steps or more up, one of the repository's pages that no folder holds (`../../issues`, `../../pulls`, `../../wiki/Home`, " +
			"with no file extension). A same-page fragment between the all-contributors tool's markers (`<!-- ALL-CONTRIBUTORS-LIST:START` " +
			"and `<!-- ALL-CONTRIBUTORS-LIST:END -->`) is the tool's own: it links each contribution's emoji to `#type-login` " +
			"(`#content-octocat`) on purpose and rewrites the block when it runs, so it is not reported.",
		Bad:     "# L1 Engineer\n\nSee [the next level](l2.md#scopee).\n",
		Good:    "# L1 Engineer\n\nSee [the next level](l2.md#scope).\n",
		Excerpt: true,
	},
	Check: checkRepoLink,
}

func init() { lint.Register(repoLinkRule) }

func checkRepoLink(p *lint.Pass) {
	f := p.File
	dir := filepath.Dir(filepath.FromSlash(f.Path))
	var self *site.Anchors
	var root string // the repository's, read once a link needs it
	rootRead := false
	repoRoot := func() string {
		if !rootRead {
			root, rootRead = lint.RepoRoot(dir), true
		}
		return root
	}
	for _, l := range linkTargetsOnce(f.Links) {
		if l.Shortcode() || l.Kind == model.LinkAuto {
			continue
		}
		t := strings.TrimSpace(l.Target)
		if t == "" || strings.HasPrefix(t, "//") || site.Scheme(t) != "" || strings.ContainsAny(t, "{}<>") {
			continue
		}
		span := l.DestSpan
		if !span.Valid() || span.End <= span.Start {
			span = l.Span
		}
		rawPath := strings.TrimSpace(l.Path)
		if rawPath == "" {
			if l.Fragment == "" || l.Kind == model.LinkImage {
				continue
			}
			if self == nil {
				self = site.ComputeAnchors(f.Source.Text, site.GitHubRendered)
			}
			if !self.Has(l.Fragment) && inContributorsList(f, l.Span.Start) {
				continue // the all-contributors tool's "#type-login" badges
			}
			reportFragment(p, span, l.Fragment, self, "this page")
			continue
		}
		pth, err := url.PathUnescape(rawPath)
		if err != nil {
			pth = rawPath
		}
		// where the link leads, as the message shows it: from the
		// repository's root for "/...", never as an absolute path of this
		// machine
		var target, shown string
		if strings.HasPrefix(pth, "/") {
			if repoRoot() == "" {
				continue // no repository: "/" has no meaning to check
			}
			target = filepath.Join(root, filepath.FromSlash(pth))
			shown = strings.TrimPrefix(path.Clean(pth), "/") + ", from the repository's root"
		} else {
			// from the repository's root when the target lies in it, as
			// for "/...": a path from wherever the linter ran, shown
			// beside "from this file's folder", reads as the link's own
			target = filepath.Join(dir, filepath.FromSlash(pth))
			shown = path.Clean(pth) + ", from this file's folder"
			if rel, ok := underRoot(repoRoot(), target); ok {
				shown = rel + ", from the repository's root"
			}
		}
		st, err := os.Stat(target)
		if err != nil && (siteRoute(f, pth) || githubURLForm(pth) || builtFromSource(f, target)) {
			continue
		}
		if err != nil && !strings.HasPrefix(pth, "/") && docPageLink(p, pth, target, dir, root) {
			continue
		}
		if err != nil && strings.HasPrefix(pth, "/") && siteServed(f, pth, dir, root) {
			continue
		}
		if err != nil {
			p.Report(lint.Diagnostic{Span: span, Subject: rawPath,
				Message: fmt.Sprintf("link to %s: no such file or folder (%s)", rawPath, shown)})
			continue
		}
		if l.Fragment == "" || st.IsDir() || !isMarkdownPath(target) || sourceView(l) {
			continue
		}
		key := "repo-link.anchors:" + filepath.Clean(target)
		anchors, _ := p.Env.Shared(key, func() any { return readAnchors(target, p.Config.MaxFileSize) }).(*site.Anchors)
		if anchors == nil {
			continue
		}
		reportFragment(p, span, l.Fragment, anchors, rawPath)
	}
}

// githubURLForm reports a relative link that climbs out of the file's
// folder into GitHub's own address of the file ("../main/peribolos/org.yaml"
// from ROLES.md at the root, shown at /owner/repo/blob/main/ROLES.md, opens
// blob/main/peribolos/org.yaml): after the ".." steps comes a branch name or
// GitHub's "blob" or "tree". GitHub resolves it from the page's address, not
// from the repository's folders, so the files on disk cannot say whether it
// works, and it is left alone.
//
// Two steps or more that climb over the branch and "blob" reach the
// repository's own pages on GitHub, which no folder holds: "../../issues",
// "../../pulls", "../../wiki/Home" (a README's usual links to them), when
// nothing after them names a file by its extension.
func githubURLForm(pth string) bool {
	segs := strings.Split(strings.TrimSuffix(pth, "/"), "/")
	i := 0
	for i < len(segs) && segs[i] == ".." {
		i++
	}
	if i == 0 || i >= len(segs) {
		return false
	}
	if i >= 2 && githubRepoPages[segs[i]] && path.Ext(segs[len(segs)-1]) == "" {
		return true
	}
	if i >= len(segs)-1 {
		return false
	}
	switch segs[i] {
	case "main", "master", "blob", "tree":
		return true
	}
	return false
}

// sourceView reports a link to a markdown file's source as GitHub shows it
// ("README.md?plain=1#L10", "GOVERNANCE.md?plain=1#L3-L9"): its fragment
// names lines, not a heading.
func sourceView(l *model.Link) bool {
	i := strings.IndexByte(l.Target, '?')
	if i < 0 {
		return false
	}
	q := l.Target[i+1:]
	q, _, _ = strings.Cut(q, "#")
	vals, err := url.ParseQuery(q)
	return err == nil && vals.Get("plain") == "1"
}

// githubRepoPages are the pages GitHub shows of a repository beside its
// files (/owner/repo/issues, ...).
var githubRepoPages = map[string]bool{
	"issues": true, "pulls": true, "pull": true, "wiki": true, "discussions": true, "actions": true,
	"releases": true, "projects": true, "security": true, "milestones": true, "labels": true,
	"compare": true, "commits": true, "graphs": true, "pulse": true, "tags": true, "branches": true,
}

// siteRoute reports a link of a static site's source page (one that opens
// with front matter, as Eleventy's, Hugo's and Jekyll's pages do) to
// another page of the site by its address, with no file extension
// ("../maintain/manage-issues", "../maintain/triage/"): the site builds that address, the
// repository holds no such file, and GitHub's view of the page is not
// where it is read.
func siteRoute(f *model.Family, pth string) bool {
	if f.FrontMatter == nil || f.FrontMatter.Err != nil {
		return false
	}
	return path.Ext(path.Base(strings.TrimSuffix(pth, "/"))) == ""
}

// siteServed reports a root-relative link of a static site's source page
// (one that opens with front matter) that names no file from the
// repository's root but one that a site built from a folder of the
// repository serves at that address: under the page's folder or a folder
// above it within the repository (a site built from docs/ serves
// docs/img/x.png at /img/x.png), or under the public folder of such a
// folder, whose files a site serves from its root (VuePress's
// .vuepress/public, VitePress's and Astro's public, Hugo's, Docusaurus's
// and Gatsby's static). The site reads the address from its own root,
// which is the repository's only when it is built from there.
func siteServed(f *model.Family, pth, dir, root string) bool {
	if f.FrontMatter == nil || f.FrontMatter.Err != nil || root == "" {
		return false
	}
	rel := filepath.FromSlash(strings.TrimPrefix(path.Clean(pth), "/"))
	if rel == "" || rel == "." {
		return false
	}
	return upToRoot(dir, root, func(d string) bool {
		for _, pub := range sitePublicFolders {
			if _, err := os.Stat(filepath.Join(d, pub, rel)); err == nil {
				return true
			}
		}
		return false
	})
}

// upToRoot asks ok of the page's folder dir and of each folder above it
// up to the repository's root, and says whether one answered yes; outside
// a repository (root "") only dir is asked.
func upToRoot(dir, root string, ok func(d string) bool) bool {
	d, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for {
		if ok(d) {
			return true
		}
		parent := filepath.Dir(d)
		if root == "" || d == root || parent == d {
			return false
		}
		d = parent
	}
}

// sitePublicFolders are where a folder a site is built from keeps the
// files served as they are from the site's root ("" for the folder
// itself).
var sitePublicFolders = []string{"", "public", "static", filepath.Join(".vuepress", "public")}

// builtFromSource reports a link of a static site's source page (one that
// opens with front matter) to the page the site builds from a markdown
// file beside it: "value_stories.html" where "value_stories.md" (or
// ".markdown") is the source Jekyll or Hugo publishes as that address.
// Where neither the built page nor its source exists, the link is broken.
func builtFromSource(f *model.Family, target string) bool {
	if f.FrontMatter == nil || f.FrontMatter.Err != nil {
		return false
	}
	ext := strings.ToLower(filepath.Ext(target))
	if ext != ".html" && ext != ".htm" {
		return false
	}
	stem := strings.TrimSuffix(target, filepath.Ext(target))
	for _, src := range []string{".md", ".markdown"} {
		if st, err := os.Stat(stem + src); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// docPageLink reports a relative link with no file extension and no
// trailing slash ("./roles") to a page source beside its target
// ("roles.md", "roles.ipynb", "roles.rst") on a page of a documentation
// build that resolves such a link to the page it builds: a Jupyter Book
// (a _toc.yml, or a _config.yml with Jupyter Book's own keys) or a Sphinx
// project that reads markdown (a conf.py naming myst_parser, myst_nb or
// recommonmark), its config at or above the page's folder within the
// repository. MyST and recommonmark read such a link as a reference to the
// document, and the built page links to "roles.html". MkDocs and Hugo are
// not counted: by default they publish "intro.md" as "intro/", from where "./roles"
// leads below it, not beside it.
func docPageLink(p *lint.Pass, pth, target, dir, root string) bool {
	if strings.HasSuffix(pth, "/") || path.Ext(path.Base(pth)) != "" {
		return false
	}
	base := filepath.Base(target)
	if base == "." || base == ".." || base == string(filepath.Separator) {
		return false
	}
	found := false
	for _, ext := range []string{".md", ".markdown", ".ipynb", ".rst"} {
		if st, err := os.Stat(target + ext); err == nil && st.Mode().IsRegular() {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	return upToRoot(dir, root, func(d string) bool {
		built, _ := p.Env.Shared("repo-link.docbuild:"+d, func() any { return docBuildConfig(d, p.Config.MaxFileSize) }).(bool)
		return built
	})
}

// jupyterBookKeys are top-level keys of a Jupyter Book _config.yml that
// Jekyll's (the other _config.yml) does not use.
var jupyterBookKeys = map[string]bool{
	"execute": true, "launch_buttons": true, "sphinx": true, "parse": true, "latex": true,
	"bibtex_bibfiles": true, "only_build_toc_files": true,
}

// docBuildConfig reports whether dir holds the config of a documentation
// build that resolves extensionless links to page sources (see
// docPageLink).
func docBuildConfig(dir string, max int64) any {
	if st, err := os.Stat(filepath.Join(dir, "_toc.yml")); err == nil && st.Mode().IsRegular() {
		return true
	}
	if data, err := fsutil.ReadLimited(filepath.Join(dir, "_config.yml"), fsutil.Limit(max)); err == nil {
		var m map[string]any
		if yaml.Unmarshal(data, &m) == nil {
			for k := range m {
				if jupyterBookKeys[k] {
					return true
				}
			}
			if h, ok := m["html"].(map[string]any); ok {
				for k := range h {
					if strings.HasPrefix(k, "use_") && strings.HasSuffix(k, "_button") {
						return true
					}
				}
			}
		}
	}
	if data, err := fsutil.ReadLimited(filepath.Join(dir, "conf.py"), fsutil.Limit(max)); err == nil {
		s := string(data)
		if !strings.Contains(s, "extensions") {
			return false
		}
		for _, ext := range []string{"myst_parser", "myst_nb", "recommonmark"} {
			if strings.Contains(s, ext) {
				return true
			}
		}
	}
	return false
}

func isMarkdownPath(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".md", ".markdown", ".mdx":
		return true
	}
	return false
}

// readAnchors computes the GitHub anchors of a linked file, read as pages
// are (regular files only, within the size limit).
func readAnchors(p string, max int64) any {
	data, err := fsutil.ReadLimited(p, fsutil.Limit(max))
	if err != nil {
		return (*site.Anchors)(nil)
	}
	return site.ComputeAnchors(data, site.GitHubRendered)
}

func reportFragment(p *lint.Pass, span model.Span, frag string, a *site.Anchors, where string) {
	id := frag
	if u, err := url.PathUnescape(frag); err == nil {
		id = u
	}
	if a.Has(id) || a.Has(strings.ToLower(id)) {
		return
	}
	msg := fmt.Sprintf("#%s is not an anchor of %s", frag, where)
	if c := a.Closest(id); c != "" {
		msg += fmt.Sprintf(" (did you mean #%s?)", c)
	}
	p.Report(lint.Diagnostic{Span: span, Subject: frag, Message: msg})
}

// underRoot returns target's path from the repository's root, slashed,
// when root is one and target lies in it.
func underRoot(root, target string) (string, bool) {
	if root == "" {
		return "", false
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
