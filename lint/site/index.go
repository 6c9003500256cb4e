// Package site is ladderlint's link index: which URLs a docs-as-code site
// serves, built from its content folders, so that links can be checked
// without building the site.
//
// An Index is built once per run from one or more content roots, each a
// folder served at a URL prefix. The build only walks the folders (file
// names, no reading): every page file gets its URL and its Hugo logical
// path, every other file its own URL. What costs more is done lazily:
// front-matter aliases (and url, slug, redirect_from) are read from every
// page the first time a lookup misses, and a page's anchors are computed
// the first time a fragment needs them. Only files the walk found below the
// roots are ever read; a path that climbs above the site root is reported
// as such and resolved to nothing.
//
// Two layouts are known: Hugo (pages in _index.md, index.md or <name>.md,
// served at /dir/ and /dir/name/, URLs lower-cased, heading IDs in GitHub
// style) and GitLab's pre-2023 Middleman site (pages in index.html.md[.erb]
// served at /dir/, <name>.html.md served at /dir/name.html, kramdown IDs).
package site

import (
	"bytes"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Generators.
const (
	Hugo      = "hugo"
	Middleman = "middleman"
)

// Root is a folder served at a URL prefix.
type Root struct {
	Dir    string // absolute and clean
	Prefix string // URL prefix, "/" or "/a/b/"
	// Static roots hold files served as they are (Hugo's static/): no
	// pages, no logical paths.
	Static bool
}

// Layout says how a site maps its files to URLs.
type Layout struct {
	Generator string // Hugo or Middleman
	Roots     []Root
	// PageFiles are the names a page's file can have in its folder;
	// "{name}" stands for the page's name. Names without it are folder
	// index pages.
	PageFiles   []string
	Anchors     string // GitHub or Kramdown
	MaxFileSize int64  // pages larger than this are not read for anchors or aliases
}

// Index is the set of URLs a site serves. It is safe for concurrent use.
type Index struct {
	layout   Layout
	fold     bool // Hugo lower-cases URLs: lookups ignore case
	patterns []pagePattern

	pages    map[string]*Page  // URL key -> page
	files    map[string]string // URL key -> absolute path of a file that is not a page
	byFile   map[string]*Page  // absolute path -> page
	logical  map[string]*Page  // logical path -> page (Hugo ref/relref)
	names    map[string][]*Page
	topLevel map[string]bool // top-level folders of the roots served at "/"

	aliasOnce sync.Once
	aliases   map[string]*Page

	statsMu sync.Mutex
	stats   Stats
}

// Stats is what building and using the index cost.
type Stats struct {
	Roots, Files, Pages int
	Build               time.Duration // walking the roots
	Aliases             int           // URLs added by front matter
	AliasLoad           time.Duration // reading every page's front matter, once
	AnchorPages         int           // pages whose anchors were computed
	AnchorTime          time.Duration // summed over those pages
}

// Stats returns the index's costs so far.
func (x *Index) Stats() Stats {
	x.statsMu.Lock()
	defer x.statsMu.Unlock()
	return x.stats
}

// Layout returns the layout the index was built with.
func (x *Index) Layout() Layout { return x.layout }

// PageKind says what kind of file a page is.
type PageKind int

// Page kinds.
const (
	Regular  PageKind = iota // <name>.md, <name>.html.md
	Branch                   // _index.md (Hugo section), index.html.md (Middleman)
	Leaf                     // index.md (Hugo leaf bundle)
	Implicit                 // a Hugo top-level section without an _index.md
)

// Page is one page of the site.
type Page struct {
	File    string // absolute path; "" for an implicit section
	Rel     string // path below its root, with '/'
	URL     string // URL path it is published at
	Logical string // Hugo logical path: "/a/b" for a/b.md, a/b/index.md, a/b/_index.md
	Kind    PageKind

	idx     *Index
	once    sync.Once
	anchors *Anchors
	err     error
}

// Template reports whether the page is a template whose output cannot be
// known without running it (ERB, Haml, raw HTML): its anchors are then
// incomplete.
func (p *Page) Template() bool {
	b := path.Base(p.Rel)
	return strings.Contains(b, ".erb") || strings.Contains(b, ".haml") || strings.HasSuffix(b, ".html") || strings.HasSuffix(b, ".slim")
}

// pagePattern is one entry of Layout.PageFiles.
type pagePattern struct {
	exact          string // an index page's file name
	prefix, suffix string // around {name}
	html           bool   // a named page is published as name.html (Middleman), not name/ (Hugo)
}

func parsePatterns(files []string) []pagePattern {
	var exact, named []pagePattern
	for _, f := range files {
		if i := strings.Index(f, "{name}"); i >= 0 {
			suf := f[i+len("{name}"):]
			named = append(named, pagePattern{prefix: f[:i], suffix: suf, html: strings.HasSuffix(outputName(suf), ".html")})
		} else if f != "" {
			exact = append(exact, pagePattern{exact: f})
		}
	}
	return append(exact, named...)
}

// templateExts are extensions a generator strips to get the output name.
var templateExts = map[string]bool{".md": true, ".markdown": true, ".erb": true, ".haml": true, ".slim": true, ".mdx": true}

// outputName strips template extensions: "x.html.md.erb" -> "x.html".
func outputName(name string) string {
	for {
		ext := path.Ext(name)
		if !templateExts[ext] {
			return name
		}
		name = strings.TrimSuffix(name, ext)
	}
}

// match returns the page name and kind a file name has, if it is a page.
func (x *Index) match(base string) (string, PageKind, bool) {
	for _, p := range x.patterns {
		if p.exact != "" {
			if base == p.exact {
				if x.layout.Generator == Hugo && strings.HasPrefix(base, "index.") {
					return "", Leaf, true
				}
				return "", Branch, true
			}
			continue
		}
		if strings.HasPrefix(base, p.prefix) && strings.HasSuffix(base, p.suffix) && len(base) > len(p.prefix)+len(p.suffix) {
			name := base[len(p.prefix) : len(base)-len(p.suffix)]
			if name == "index" || name == "_index" {
				continue
			}
			return name, Regular, true
		}
	}
	return "", 0, false
}

// isHTMLName reports whether a named page file is published as name.html.
func (x *Index) isHTMLName(base string) bool {
	for _, p := range x.patterns {
		if p.exact == "" && strings.HasPrefix(base, p.prefix) && strings.HasSuffix(base, p.suffix) {
			return p.html
		}
	}
	return false
}

// Build walks the roots and returns the index. Unreadable folders are
// skipped; hidden folders and node_modules are not walked; symbolic links
// are indexed only when they point inside their root.
func Build(l Layout) *Index {
	start := time.Now()
	x := &Index{
		layout:   l,
		fold:     l.Generator != Middleman,
		patterns: parsePatterns(l.PageFiles),
		pages:    map[string]*Page{},
		files:    map[string]string{},
		byFile:   map[string]*Page{},
		logical:  map[string]*Page{},
		names:    map[string][]*Page{},
		topLevel: map[string]bool{},
	}
	if x.layout.Anchors == "" {
		x.layout.Anchors = GitHub
	}
	x.layout.Roots = append([]Root(nil), l.Roots...)
	x.walk()
	if x.layout.Generator != Middleman {
		// Hugo makes a section page for every top-level folder, with or
		// without an _index.md.
		for _, r := range x.layout.Roots {
			if r.Static {
				continue
			}
			prefix := r.Prefix
			for dir := range x.topLevel {
				if !strings.HasPrefix(dir, prefix) {
					continue
				}
				u := dir + "/"
				if x.pages[x.key(u)] == nil {
					p := &Page{URL: u, Logical: strings.ToLower(dir), Kind: Implicit, idx: x}
					x.addPage(p, u)
				}
			}
		}
	}
	if len(l.Roots) > 0 && x.pages["/"] == nil {
		// every site has a home page, whether or not its source is a
		// markdown file of the roots
		x.addPage(&Page{URL: "/", Logical: "/", Kind: Implicit, idx: x}, "/")
	}
	for _, ps := range x.names {
		sort.Slice(ps, func(i, j int) bool { return ps[i].URL < ps[j].URL })
	}
	x.stats.Roots = len(x.layout.Roots)
	x.stats.Build = time.Since(start)
	return x
}

func normPrefix(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// walk lists the roots' folders, in order, so that the first root wins a
// URL two roots serve. (Listing folders in parallel was measured slower:
// the cost is system calls.)
func (x *Index) walk() {
	for i := range x.layout.Roots {
		r := &x.layout.Roots[i]
		r.Dir = filepath.Clean(r.Dir)
		r.Prefix = normPrefix(r.Prefix)
		_ = filepath.WalkDir(r.Dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && p != r.Dir {
					return filepath.SkipDir // an unreadable folder is skipped
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != r.Dir && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if !linkInside(p, r.Dir) {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			rel, err := filepath.Rel(r.Dir, p)
			if err != nil {
				return nil
			}
			x.addFile(r, p, filepath.ToSlash(rel))
			return nil
		})
	}
}

// linkInside reports whether a symbolic link resolves to a regular file
// inside root.
func linkInside(p, root string) bool {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	st, err := os.Stat(real)
	return err == nil && st.Mode().IsRegular()
}

func (x *Index) addFile(r *Root, abs, rel string) {
	x.stats.Files++
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if !r.Static && r.Prefix == "/" && dir != "" {
		top := dir
		if i := strings.IndexByte(top, '/'); i >= 0 {
			top = top[:i]
		}
		x.topLevel["/"+top] = true
	}
	if !r.Static {
		if p := x.pageFor(r, abs, rel, dir, base); p != nil {
			if x.byFile[abs] == nil {
				x.byFile[abs] = p
			}
			x.addPage(p, p.URL)
			if p.Kind == Regular && x.isHTMLName(base) {
				// <name>.html.md: also accepted as /dir/name/ (see docs/links.md)
				x.addPage(p, strings.TrimSuffix(p.URL, ".html")+"/")
			}
			return
		}
	}
	k := x.key(r.Prefix + x.urlName(rel))
	if _, dup := x.files[k]; !dup {
		x.files[k] = abs
	}
}

// pageFor returns the page a file is, or nil when it is not a page.
func (x *Index) pageFor(r *Root, abs, rel, dir, base string) *Page {
	name, kind, ok := x.match(base)
	if !ok {
		return nil
	}
	p := &Page{File: abs, Rel: rel, Kind: kind, idx: x}
	dirURL := r.Prefix
	if dir != "" {
		dirURL += x.urlName(dir) + "/"
	}
	logicalDir := strings.TrimSuffix(r.Prefix, "/")
	if dir != "" {
		logicalDir += "/" + dir
	}
	switch {
	case kind != Regular:
		p.URL = dirURL
		p.Logical = logicalDir
	case x.isHTMLName(base):
		p.URL = dirURL + x.urlName(outputName(name+".html.md"))
		p.Logical = logicalDir + "/" + name
	default:
		p.URL = dirURL + x.urlName(name) + "/"
		p.Logical = logicalDir + "/" + name
	}
	if p.Logical == "" {
		p.Logical = "/"
	}
	p.Logical = strings.ToLower(p.Logical)
	return p
}

// urlName is how a path appears in a URL: Hugo lower-cases it and turns
// spaces into '-'.
func (x *Index) urlName(s string) string {
	if x.layout.Generator == Middleman {
		return s
	}
	return strings.ReplaceAll(strings.ToLower(s), " ", "-")
}

func (x *Index) addPage(p *Page, u string) {
	k := x.key(u)
	if _, dup := x.pages[k]; dup {
		return
	}
	x.pages[k] = p
	if u != p.URL {
		return
	}
	x.stats.Pages++
	if _, dup := x.logical[p.Logical]; !dup {
		x.logical[p.Logical] = p
	}
	name := path.Base(p.Logical)
	if name != "/" && name != "." {
		x.names[name] = append(x.names[name], p)
	}
}

// key normalizes a URL path for the maps: percent-decoded, and lower-cased
// for Hugo.
func (x *Index) key(p string) string {
	if strings.IndexByte(p, '%') >= 0 {
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
	}
	if x.fold {
		p = strings.ToLower(p)
	}
	return p
}

// Hit is what a URL leads to.
type Hit struct {
	Page  *Page  // the page; nil for a file that is not a page
	File  string // absolute path of the file served ("" for an implicit section)
	Alias bool   // found through another page's aliases, url, slug or redirect_from
}

// Lookup returns what a site URL path (no scheme, host, query or fragment)
// leads to. "/a/b", "/a/b/" and "/a/b/index.html" all lead to the page
// published at /a/b/.
func (x *Index) Lookup(urlPath string) (Hit, bool) {
	keys := x.candidates(urlPath)
	for _, k := range keys {
		if p := x.pages[k]; p != nil {
			return Hit{Page: p, File: p.File}, true
		}
		if f, ok := x.files[k]; ok {
			return Hit{File: f}, true
		}
	}
	aliases := x.loadAliases()
	for _, k := range keys {
		if p := aliases[k]; p != nil {
			return Hit{Page: p, File: p.File, Alias: true}, true
		}
	}
	return Hit{}, false
}

func (x *Index) candidates(urlPath string) []string {
	k := x.key(urlPath)
	if k == "" {
		k = "/"
	}
	if strings.HasSuffix(k, "/index.html") {
		k = strings.TrimSuffix(k, "index.html")
	}
	if strings.HasSuffix(k, "/") {
		return []string{k}
	}
	return []string{k, k + "/"}
}

// PageOf returns the page a file of the site is (by absolute path), also
// when the file is not on disk yet (an input given in memory); nil when the
// file lies outside every root or is not a page.
func (x *Index) PageOf(abs string) *Page {
	abs = filepath.Clean(abs)
	if p := x.byFile[abs]; p != nil {
		return p
	}
	for i := range x.layout.Roots {
		r := &x.layout.Roots[i]
		if r.Static {
			continue
		}
		rel, err := filepath.Rel(r.Dir, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		rel = filepath.ToSlash(rel)
		dir, base := path.Split(rel)
		return x.pageFor(r, abs, rel, strings.TrimSuffix(dir, "/"), base)
	}
	return nil
}

// TopLevel reports whether name is a top-level folder of a root served at
// "/" (e.g. "handbook").
func (x *Index) TopLevel(name string) bool {
	if x.fold {
		name = strings.ToLower(name)
	}
	return x.topLevel["/"+name]
}

// Anchors returns the page's anchors, computed on first use.
func (p *Page) Anchors() (*Anchors, error) {
	p.once.Do(func() {
		if p.File == "" {
			p.anchors = &Anchors{ids: map[string]bool{}}
			return
		}
		start := time.Now()
		src, err := readLimited(p.File, p.idx.layout.MaxFileSize)
		if err != nil {
			p.err = err
			return
		}
		p.anchors = ComputeAnchors(src, p.idx.layout.Anchors)
		p.idx.statsMu.Lock()
		p.idx.stats.AnchorPages++
		p.idx.stats.AnchorTime += time.Since(start)
		p.idx.statsMu.Unlock()
	})
	return p.anchors, p.err
}

// errTooLarge is a page larger than the size limit.
type errTooLarge struct{ limit int64 }

func (e errTooLarge) Error() string {
	return "larger than the size limit (max_file_size " + strconv.FormatInt(e.limit, 10) + " bytes)"
}

// readLimited reads a file of the index, refusing one larger than max.
func readLimited(p string, max int64) ([]byte, error) {
	if max <= 0 {
		max = 5 << 20
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errTooLarge{max}
	}
	return b, nil
}

// headSize is how much of a page is read for its front matter at first.
const headSize = 8 << 10

// loadAliases reads every page's front matter once, in parallel, for the
// URLs it adds: aliases, redirect_from, url and slug.
func (x *Index) loadAliases() map[string]*Page {
	x.aliasOnce.Do(func() {
		start := time.Now()
		var pages []*Page
		for abs, p := range x.byFile {
			if abs == p.File {
				pages = append(pages, p)
			}
		}
		sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
		metas := make([]pageMeta, len(pages))
		workers := min(runtime.GOMAXPROCS(0)*2, 8)
		var wg sync.WaitGroup
		next := make(chan int)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := make([]byte, headSize)
				for i := range next {
					metas[i] = x.readPageMeta(pages[i].File, buf)
				}
			}()
		}
		for i := range pages {
			next <- i
		}
		close(next)
		wg.Wait()
		aliases := map[string]*Page{}
		add := func(u string, p *Page) {
			k := x.key(u)
			if x.pages[k] == nil && aliases[k] == nil {
				aliases[k] = p
			}
		}
		for i, m := range metas {
			p := pages[i]
			for _, a := range m.Aliases {
				if u, ok := x.aliasURL(p, a); ok {
					add(u, p)
				}
			}
			if m.URL != "" {
				if u, ok := x.aliasURL(p, m.URL); ok {
					add(u, p)
				}
			}
			if m.Slug != "" && p.Kind == Regular {
				add(path.Dir(strings.TrimSuffix(p.URL, "/"))+"/"+x.urlName(m.Slug)+"/", p)
			}
		}
		x.aliases = aliases
		x.statsMu.Lock()
		x.stats.Aliases = len(aliases)
		x.stats.AliasLoad = time.Since(start)
		x.statsMu.Unlock()
	})
	return x.aliases
}

// aliasURL turns an alias as written into a URL path: absolute as is,
// relative ones from the folder of the page's URL; an alias without an extension is a folder.
func (x *Index) aliasURL(p *Page, a string) (string, bool) {
	if strings.Contains(a, "://") {
		return "", false
	}
	var u string
	if strings.HasPrefix(a, "/") {
		u = a
	} else {
		// Hugo: relative to the folder the page's URL is in ("." is the
		// page's own level)
		var out bool
		u, out = CleanPath(path.Dir(strings.TrimSuffix(p.URL, "/")) + "/" + a)
		if out {
			return "", false
		}
	}
	if !strings.HasSuffix(u, "/") && path.Ext(u) == "" {
		u += "/"
	}
	return u, true
}

func (x *Index) readPageMeta(file string, buf []byte) pageMeta {
	n, err := readHead(file, buf)
	if err != nil {
		return pageMeta{}
	}
	head := buf[:n]
	if !bytes.HasPrefix(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), []byte("---")) {
		return pageMeta{}
	}
	if FrontMatterEnd(head) == 0 && n == len(buf) {
		// a front matter longer than the head: read the page
		all, err := readLimited(file, x.layout.MaxFileSize)
		if err != nil {
			return pageMeta{}
		}
		head = all
	}
	return readMeta(head)
}
