// Package site is ladderlint's link index: which URLs a docs-as-code site
// serves, built from its content folders, so that links can be checked
// without building the site.
//
// An Index serves one or more content roots, each a folder served at a URL
// prefix. It lists folders only as lookups need them (a lookup of
// /a/b/c/ lists the root, a, a/b and a/b/c, once each per run), and every
// file it sees gets its URL, and every page file its Hugo logical path.
// What needs the whole site is done once, on first need: listing every
// folder (for a bare-name Hugo ref, or for aliases) and reading every page's
// front matter for its aliases (the first time a lookup misses); a page's
// anchors are computed the first time a fragment needs them. Only files
// found below the roots are ever read; a path that climbs above the site
// root is reported as such and resolved to nothing.
//
// Two layouts are known: Hugo (pages in _index.md, index.md or <name>.md,
// served at /dir/ and /dir/name/, URLs lower-cased, heading IDs in GitHub
// style, front-matter aliases) and GitLab's pre-2023 Middleman site (pages
// in index.html.md[.erb] served at /dir/, <name>.html.md served at
// /dir/name.html, kramdown IDs, redirects in data/redirects.yml).
package site

import (
	"bytes"
	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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
	// Redirects is a Middleman redirects file (GitLab's data/redirects.yml):
	// its sources are URLs the site answers. "" for none.
	Redirects string
}

// Index is the set of URLs a site serves. It is safe for concurrent use.
type Index struct {
	layout   Layout
	fold     bool // Hugo lower-cases URLs: lookups ignore case
	patterns []pagePattern

	mu       sync.Mutex // guards what follows, filled as folders are listed
	listed   map[string]*folder
	pages    map[string]*Page // URL key -> page
	files    map[string]*file // URL key -> a file that is not a page
	byFile   map[string]*Page // absolute path -> page
	logical  map[string]*Page // logical path -> page (Hugo ref/relref)
	names    map[string][]*Page
	topLevel map[string]bool // keys of the top-level folders of roots served at "/"
	walked   bool            // every folder listed

	aliasOnce sync.Once
	aliases   map[string]*Page
	redirects *redirects

	statsMu sync.Mutex
	stats   Stats
}

// folder is a listed folder: its subfolders by URL key.
type folder struct {
	sub map[string]string // key of a subfolder's name -> its name
	// the subfolders navigate went to, by the URL or logical path segment
	// it went by (nil until it went to one)
	went map[string]wentTo
}

// wentTo is a subfolder navigate went to: its name and its folder.
type wentTo struct {
	name string
	f    *folder
}

// file is a file that is not a page.
type file struct {
	path string
	root int
}

// Stats is what building and using the index cost.
type Stats struct {
	Roots, Folders, Files, Pages int           // folders listed, files and pages seen in them
	Listing                      time.Duration // listing folders, summed
	Walked                       bool          // every folder was listed
	Aliases                      int           // URLs added by front matter or redirects
	AliasLoad                    time.Duration // reading them, once
	AnchorPages                  int           // pages whose anchors were computed
	AnchorTime                   time.Duration // summed over those pages
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

	root    int // index of its root in the layout: the first root wins a URL
	idx     *Index
	once    sync.Once
	anchors *Anchors
	err     error
}

// Template reports whether the page is a template whose output cannot be
// known without running it (ERB, Haml, raw HTML): its anchors are then
// incomplete. Markdown run through ERB (x.html.md.erb) is not one by its
// name: ERB copies a source without ERB code as it is, so its anchors
// decide (Anchors.Partial is set when the source has ERB code).
func (p *Page) Template() bool {
	b := path.Base(p.Rel)
	if markdownERB(b) {
		return false
	}
	return strings.Contains(b, ".erb") || strings.Contains(b, ".haml") || strings.HasSuffix(b, ".html") || strings.HasSuffix(b, ".slim")
}

// markdownERB reports whether a file name is markdown run through ERB
// before it is rendered: x.md.erb, x.html.md.erb, x.markdown.erb.
func markdownERB(base string) bool {
	b, ok := strings.CutSuffix(base, ".erb")
	return ok && (strings.HasSuffix(b, ".md") || strings.HasSuffix(b, ".markdown"))
}

// erbLineCode reports whether a source has a line that ERB's "%" mode
// would run as Ruby (a line starting with '%' that is not "%%"): whether a
// site turns that mode on is not known, so such a page may have output its
// source does not show.
func erbLineCode(src []byte) bool {
	for len(src) > 0 {
		if src[0] == '%' && (len(src) < 2 || src[1] != '%') {
			return true
		}
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			break
		}
		src = src[i+1:]
	}
	return false
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

// Build returns the index of a layout's roots. It lists the roots
// themselves; other folders are listed when a lookup needs them. Unreadable
// folders count as empty; hidden folders and node_modules are not listed;
// symbolic links are followed only to a file inside their root.
func Build(l Layout) *Index {
	x := &Index{
		layout:   l,
		fold:     l.Generator != Middleman,
		patterns: parsePatterns(l.PageFiles),
		listed:   map[string]*folder{},
		pages:    map[string]*Page{},
		files:    map[string]*file{},
		byFile:   map[string]*Page{},
		logical:  map[string]*Page{},
		names:    map[string][]*Page{},
		topLevel: map[string]bool{},
	}
	if x.layout.Anchors == "" {
		x.layout.Anchors = GitHub
	}
	x.layout.Roots = append([]Root(nil), l.Roots...)
	for i := range x.layout.Roots {
		r := &x.layout.Roots[i]
		r.Dir = filepath.Clean(r.Dir)
		r.Prefix = normPrefix(r.Prefix)
	}
	x.mu.Lock()
	for i := range x.layout.Roots {
		x.list(i, x.layout.Roots[i].Dir, "")
	}
	if len(x.layout.Roots) > 0 {
		// every site has a home page, whether or not its source is a
		// markdown file of the roots
		x.addPage(&Page{URL: "/", Logical: "/", Kind: Implicit, root: len(x.layout.Roots), idx: x}, "/")
	}
	x.mu.Unlock()
	x.stats.Roots = len(x.layout.Roots)
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

// list lists a folder of root ri once, adding its files. x.mu is held.
func (x *Index) list(ri int, dir, rel string) *folder {
	return x.listRead(ri, dir, rel, nil)
}

// listRead is list with the folder's entries read already (read: nil
// when they are not).
func (x *Index) listRead(ri int, dir, rel string, read *readFolder) *folder {
	if f := x.listed[dir]; f != nil {
		return f
	}
	start := time.Now()
	f := &folder{sub: map[string]string{}}
	x.listed[dir] = f
	r := &x.layout.Roots[ri]
	var ents []os.DirEntry
	if read != nil {
		ents = read.ents
	} else {
		ents, _ = os.ReadDir(dir) // an unreadable folder is empty
	}
	for _, e := range ents {
		name := e.Name()
		p := filepath.Join(dir, name)
		switch t := e.Type(); {
		case t.IsDir():
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				continue
			}
			f.sub[x.key(x.urlName(name))] = name
			if rel == "" && !r.Static {
				x.topFolder(ri, name)
			}
		case t.IsRegular(), t&fs.ModeSymlink != 0 && linkInside(p, r.Dir):
			x.addFile(ri, p, path.Join(rel, name))
		}
	}
	x.stats.Folders++
	x.stats.Listing += time.Since(start)
	return f
}

// topFolder records a top-level folder of a root; Hugo makes a section
// page for each, with or without an _index.md.
func (x *Index) topFolder(ri int, name string) {
	r := &x.layout.Roots[ri]
	if r.Prefix == "/" {
		x.topLevel[x.key(x.urlName(name))] = true
	}
	if x.layout.Generator == Middleman {
		return
	}
	u := r.Prefix + x.urlName(name) + "/"
	x.addPage(&Page{URL: u, Logical: strings.ToLower(strings.TrimSuffix(r.Prefix, "/") + "/" + name), Kind: Implicit, root: ri, idx: x}, u)
}

// navigate lists the folders of root ri along segs (URL or logical path
// segments, matched by key) as far as they exist. x.mu is held.
//
// A folder is listed once and its subfolders do not change: the subfolder
// a segment leads to is kept on the folder (folder.went), so that the many
// lookups under the same folders neither join their paths nor key their
// segments again. The names gone through since the last folder listed
// here are joined only when a folder below them has to be listed, in the
// same order as one by one (the same paths).
func (x *Index) navigate(ri int, segs []string) {
	r := &x.layout.Roots[ri]
	dir, rel := r.Dir, ""
	f := x.list(ri, dir, rel)
	var pendBuf [8]string
	pend := pendBuf[:0] // names below dir, not joined yet
	for _, s := range segs {
		if s == "" {
			continue
		}
		if w, ok := f.went[s]; ok {
			pend = append(pend, w.name)
			f = w.f
			continue
		}
		name, ok := f.sub[x.key(x.urlName(s))]
		if !ok {
			return
		}
		for _, p := range pend {
			dir, rel = filepath.Join(dir, p), path.Join(rel, p)
		}
		pend = pend[:0]
		dir, rel = filepath.Join(dir, name), path.Join(rel, name)
		sub := x.list(ri, dir, rel)
		if f.went == nil {
			f.went = map[string]wentTo{}
		}
		f.went[s] = wentTo{name, sub}
		f = sub
	}
}

// ensureURL lists what a lookup of a URL path needs. x.mu is held.
func (x *Index) ensureURL(u string) {
	for i, r := range x.layout.Roots {
		if u+"/" == r.Prefix || strings.HasPrefix(u, r.Prefix) {
			x.navigate(i, strings.Split(strings.TrimPrefix(u, r.Prefix), "/"))
		}
	}
}

// ensureLogical lists what a lookup of a logical path needs. x.mu is held.
func (x *Index) ensureLogical(l string) {
	for i, r := range x.layout.Roots {
		if r.Static {
			continue
		}
		lp := strings.ToLower(strings.TrimSuffix(r.Prefix, "/"))
		if l == lp || strings.HasPrefix(l, lp+"/") {
			x.navigate(i, strings.Split(strings.TrimPrefix(l, lp), "/"))
		}
	}
}

// ensureFile lists the folders down to a file's, by their names. x.mu is
// held.
func (x *Index) ensureFile(abs string) {
	for i, r := range x.layout.Roots {
		rel, err := filepath.Rel(r.Dir, filepath.Dir(abs))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		dir, relPath := r.Dir, ""
		x.list(i, dir, relPath)
		if rel == "." {
			continue
		}
		for _, name := range strings.Split(filepath.ToSlash(rel), "/") {
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				break
			}
			dir, relPath = filepath.Join(dir, name), path.Join(relPath, name)
			x.list(i, dir, relPath)
		}
	}
}

// walkWith lists every folder of every root with list, depth first and
// each folder's sub-folders in name order (the order the index's tie
// breaks depend on), then sorts the names' pages by URL. x.mu is held.
func (x *Index) walkWith(list func(ri int, dir, rel string) *folder) {
	var visit func(ri int, dir, rel string)
	visit = func(ri int, dir, rel string) {
		f := list(ri, dir, rel)
		names := make([]string, 0, len(f.sub))
		for _, n := range f.sub {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			visit(ri, filepath.Join(dir, n), path.Join(rel, n))
		}
	}
	for i, r := range x.layout.Roots {
		visit(i, r.Dir, "")
	}
	for _, ps := range x.names {
		sort.Slice(ps, func(i, j int) bool { return ps[i].URL < ps[j].URL })
	}
	x.walked = true
}

// walkAll lists every folder of every root, once. x.mu is held. The
// folders not listed yet are read first, in parallel (readTree); they are
// then added in the same order as one by one.
func (x *Index) walkAll() {
	if x.walked {
		return
	}
	read := x.readTree()
	x.walkWith(func(ri int, dir, rel string) *folder { return x.listRead(ri, dir, rel, read[dir]) })
	x.statsMu.Lock()
	x.stats.Walked = true
	x.statsMu.Unlock()
}

// readFolder is a folder's entries, read ahead of listing it.
type readFolder struct {
	ents []os.DirEntry
}

// readTree reads, in parallel, the entries of every folder of every root
// that walkAll will list and that is not listed yet: the folders list
// descends into (not hidden, not node_modules). x.mu is held; only read
// here. Listing a site's 1,800 folders one at a time was most of the time
// a pre-commit run spends finding its aliases.
func (x *Index) readTree() map[string]*readFolder {
	out := map[string]*readFolder{}
	var level []string
	for _, r := range x.layout.Roots {
		level = append(level, r.Dir)
	}
	workers := min(runtime.GOMAXPROCS(0)*2, 8)
	for len(level) > 0 {
		// the folders of a level, read by a few workers; the next level
		// is their subfolders
		subs := make([][]string, len(level))
		reads := make([]*readFolder, len(level))
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < min(workers, len(level)); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := int(next.Add(1)) - 1; i < len(level); i = int(next.Add(1)) - 1 {
					dir := level[i]
					if f := x.listed[dir]; f != nil {
						for _, n := range f.sub {
							subs[i] = append(subs[i], filepath.Join(dir, n))
						}
						continue
					}
					ents, _ := os.ReadDir(dir) // an unreadable folder is empty
					reads[i] = &readFolder{ents: ents}
					for _, e := range ents {
						if name := e.Name(); e.Type().IsDir() && !strings.HasPrefix(name, ".") && name != "node_modules" {
							subs[i] = append(subs[i], filepath.Join(dir, name))
						}
					}
				}
			}()
		}
		wg.Wait()
		var below []string
		for i, dir := range level {
			if reads[i] != nil {
				out[dir] = reads[i]
			}
			below = append(below, subs[i]...)
		}
		level = below
	}
	return out
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

// addFile adds a file of root ri. x.mu is held.
func (x *Index) addFile(ri int, abs, rel string) {
	x.stats.Files++
	r := &x.layout.Roots[ri]
	dir, base := path.Split(rel)
	if !r.Static {
		if p := x.pageFor(ri, abs, rel, strings.TrimSuffix(dir, "/"), base); p != nil {
			x.byFile[abs] = p
			x.addPage(p, p.URL)
			if p.Kind == Regular && x.isHTMLName(base) {
				// <name>.html.md: also accepted as /dir/name/ (see docs/links.md)
				x.addPage(p, strings.TrimSuffix(p.URL, ".html")+"/")
			}
			return
		}
	}
	k := x.key(r.Prefix + x.urlName(rel))
	if old := x.files[k]; old == nil || ri < old.root {
		x.files[k] = &file{path: abs, root: ri}
	}
}

// pageFor returns the page a file is, or nil when it is not a page.
func (x *Index) pageFor(ri int, abs, rel, dir, base string) *Page {
	name, kind, ok := x.match(base)
	if !ok {
		return nil
	}
	r := &x.layout.Roots[ri]
	p := &Page{File: abs, Rel: rel, Kind: kind, root: ri, idx: x}
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

// beats reports whether page p wins a URL over old: the earlier root, then
// a real page over an implicit one, then a folder's index page over a
// named one; otherwise the one seen first.
func (p *Page) beats(old *Page) bool {
	if p.root != old.root {
		return p.root < old.root
	}
	rank := func(k PageKind) int {
		switch k {
		case Branch, Leaf:
			return 2
		case Regular:
			return 1
		}
		return 0
	}
	return rank(p.Kind) > rank(old.Kind)
}

// addPage records a URL of a page. x.mu is held.
func (x *Index) addPage(p *Page, u string) {
	k := x.key(u)
	if old := x.pages[k]; old != nil && !p.beats(old) {
		return
	}
	x.pages[k] = p
	if u != p.URL {
		return
	}
	x.stats.Pages++
	if old := x.logical[p.Logical]; old == nil || p.beats(old) {
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
	Alias bool   // found through another page's aliases, url or slug, or a redirect
}

// Lookup returns what a site URL path (no scheme, host, query or fragment)
// leads to. "/a/b", "/a/b/" and "/a/b/index.html" all lead to the page
// published at /a/b/.
func (x *Index) Lookup(urlPath string) (Hit, bool) {
	keys := x.candidates(urlPath)
	x.mu.Lock()
	x.ensureURL(keys[0])
	hit, ok := x.find(keys)
	x.mu.Unlock()
	if ok {
		return hit, true
	}
	aliases, redirects := x.loadAliases()
	for _, k := range keys {
		if p := aliases[k]; p != nil {
			return Hit{Page: p, File: p.File, Alias: true}, true
		}
		if redirects.match(k) {
			return Hit{Alias: true}, true
		}
	}
	return Hit{}, false
}

// find looks keys up among what is listed. x.mu is held.
func (x *Index) find(keys []string) (Hit, bool) {
	for _, k := range keys {
		if p := x.pages[k]; p != nil {
			return Hit{Page: p, File: p.File}, true
		}
		if f := x.files[k]; f != nil {
			return Hit{File: f.path}, true
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

// logicalPage returns the page at a Hugo logical path, or nil.
func (x *Index) logicalPage(l string) *Page {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.ensureLogical(l)
	return x.logical[l]
}

// named returns the pages whose logical path ends in name, listing the
// whole site the first time.
func (x *Index) named(name string) []*Page {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.walkAll()
	var out []*Page
	for _, p := range x.names[name] {
		if x.pages[x.key(p.URL)] == p { // not a page another one overrides (an implicit section, a later root)
			out = append(out, p)
		}
	}
	return out
}

// PageOf returns the page a file of the site is (by absolute path), also
// when the file is not on disk (an input given in memory); nil when the
// file lies outside every root or is not a page. It lists no folder.
func (x *Index) PageOf(abs string) *Page {
	abs = filepath.Clean(abs)
	x.mu.Lock()
	p := x.byFile[abs] // a linted file's folder is listed only when a link needs it
	x.mu.Unlock()
	if p != nil {
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
		return x.pageFor(i, abs, rel, strings.TrimSuffix(dir, "/"), base)
	}
	return nil
}

// FilePage returns the page an existing file of the roots is (by absolute
// path), or nil. Unlike PageOf it never makes up a page.
func (x *Index) FilePage(abs string) *Page {
	abs = filepath.Clean(abs)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.ensureFile(abs)
	return x.byFile[abs]
}

// TopLevel reports whether name is a top-level folder of a root served at
// "/" (e.g. "handbook").
func (x *Index) TopLevel(name string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.topLevel[x.key(x.urlName(name))]
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
		if markdownERB(path.Base(p.Rel)) && erbLineCode(src[FrontMatterEnd(src):]) {
			p.anchors.Partial = true
		}
		p.idx.statsMu.Lock()
		p.idx.stats.AnchorPages++
		p.idx.stats.AnchorTime += time.Since(start)
		p.idx.statsMu.Unlock()
	})
	return p.anchors, p.err
}

// readLimited reads a file of the index, refusing one larger than max
// (5 MiB when max is not set).
func readLimited(p string, max int64) ([]byte, error) {
	return fsutil.ReadLimited(p, fsutil.Limit(max))
}

// headSize is how much of a page is read for its front matter at first.
const headSize = 8 << 10

// loadAliases finds, once, the URLs the site answers besides its pages'
// own: for Hugo, the aliases, url and slug in every page's front matter
// (read in parallel, after listing every folder); for Middleman, the
// redirects file.
func (x *Index) loadAliases() (map[string]*Page, *redirects) {
	x.aliasOnce.Do(func() {
		start := time.Now()
		aliases := map[string]*Page{}
		if x.layout.Generator == Middleman {
			x.redirects = loadRedirects(x.layout.Redirects)
		} else {
			x.mu.Lock()
			x.walkAll()
			var pages []*Page
			for abs, p := range x.byFile {
				if abs == p.File {
					pages = append(pages, p)
				}
			}
			x.mu.Unlock()
			sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
			metas := x.readMetas(pages)
			add := func(u string, p *Page) {
				if k := x.key(u); aliases[k] == nil {
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
		}
		x.aliases = aliases
		x.statsMu.Lock()
		x.stats.Aliases = len(aliases) + x.redirects.len()
		x.stats.AliasLoad = time.Since(start)
		x.statsMu.Unlock()
	})
	return x.aliases, x.redirects
}

// readMetas reads the front matter of pages, in parallel.
func (x *Index) readMetas(pages []*Page) []pageMeta {
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
	return metas
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
