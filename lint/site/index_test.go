package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (path -> content) below a new temporary folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var hugoFiles = HugoPageFiles

func hugoIndex(t *testing.T, files map[string]string) (*Index, string) {
	dir := tree(t, files)
	x := Build(Layout{Generator: Hugo, Roots: []Root{{Dir: filepath.Join(dir, "content"), Prefix: "/"}, {Dir: filepath.Join(dir, "static"), Prefix: "/", Static: true}}, PageFiles: hugoFiles})
	return x, dir
}

func TestLookupHugo(t *testing.T) {
	x, dir := hugoIndex(t, map[string]string{
		"content/handbook/_index.md":          "---\ntitle: H\n---\n",
		"content/handbook/values.md":          "# Values\n",
		"content/handbook/My Page.md":         "# Spaces\n",
		"content/handbook/bundle/index.md":    "# Bundle\n",
		"content/handbook/bundle/img.png":     "png",
		"content/handbook/nested/deeper.md":   "# Deeper\n",
		"content/job-families/eng/backend.md": "---\ntitle: B\naliases: [/job-families/backend/, old-backend]\nslug: be\nurl: /be-engineer/\n---\n",
		"static/images/logo.svg":              "<svg/>",
		"outside.md":                          "# Outside the root\n",
	})
	found := map[string]string{
		"/handbook/":                           "handbook/_index.md",
		"/handbook":                            "handbook/_index.md",
		"/handbook/index.html":                 "handbook/_index.md",
		"/handbook/values/":                    "handbook/values.md",
		"/handbook/values":                     "handbook/values.md",
		"/Handbook/Values/":                    "handbook/values.md",
		"/handbook/%76alues/":                  "handbook/values.md",
		"/handbook/my-page/":                   "handbook/My Page.md",
		"/handbook/bundle/":                    "handbook/bundle/index.md",
		"/handbook/bundle/img.png":             "handbook/bundle/img.png",
		"/handbook/nested/deeper/":             "handbook/nested/deeper.md",
		"/images/logo.svg":                     "../static/images/logo.svg",
		"/job-families/":                       "", // a top-level section without _index.md
		"/":                                    "", // the home page
		"/job-families/backend/":               "job-families/eng/backend.md",
		"/job-families/eng/old-backend/":       "job-families/eng/backend.md",
		"/job-families/eng/be/":                "job-families/eng/backend.md",
		"/be-engineer/":                        "job-families/eng/backend.md",
		"/job-families/eng/backend/":           "job-families/eng/backend.md",
		"/job-families/eng/backend/index.html": "job-families/eng/backend.md",
	}
	content := filepath.Join(dir, "content")
	for u, rel := range found {
		h, ok := x.Lookup(u)
		if !ok {
			t.Errorf("Lookup(%q): not found", u)
			continue
		}
		want := ""
		if rel != "" {
			want = filepath.Join(content, filepath.FromSlash(rel))
		}
		if h.File != want {
			t.Errorf("Lookup(%q) = %q, want %q", u, h.File, want)
		}
	}
	for _, u := range []string{"/handbook/nested/", "/handbook/values.md", "/outside.md", "/../outside.md", "/handbook/bundle/other/", "/job-families/eng/"} {
		if h, ok := x.Lookup(u); ok {
			t.Errorf("Lookup(%q) = %+v, want nothing", u, h)
		}
	}
	if p := x.PageOf(filepath.Join(dir, "outside.md")); p != nil {
		t.Errorf("a file outside the root is a page: %+v", p)
	}
	if p := x.PageOf(filepath.Join(content, "job-families", "eng", "new.md")); p == nil || p.URL != "/job-families/eng/new/" {
		t.Errorf("PageOf a file not on disk = %+v", p)
	}
}

func TestLazyWork(t *testing.T) {
	x, _ := hugoIndex(t, map[string]string{
		"content/a.md":             "---\naliases: [/old-a/]\n---\n## Heading\n",
		"content/b.md":             "## B\n",
		"content/deep/er/and/c.md": "## C\n",
		"content/other/tree/d.md":  "## D\n",
		"content/other/tree2/e.md": "## E\n",
	})
	if _, ok := x.Lookup("/deep/er/and/c/"); !ok {
		t.Fatal("/deep/er/and/c/ not found")
	}
	// the roots, then deep, deep/er, deep/er/and: nothing of other/
	if s := x.Stats(); s.Folders != 2+3 {
		t.Errorf("%d folders listed for one lookup, want 5", s.Folders)
	}
	if _, ok := x.Lookup("/a/"); !ok {
		t.Fatal("/a/ not found")
	}
	if s := x.Stats(); s.AliasLoad != 0 || s.AnchorPages != 0 || s.Walked {
		t.Fatalf("work done before it was needed: %+v", s)
	}
	if _, ok := x.Lookup("/old-a/"); !ok {
		t.Fatal("/old-a/ not found")
	}
	if s := x.Stats(); s.AliasLoad == 0 || s.Aliases != 1 || !s.Walked {
		t.Errorf("aliases not loaded on a miss: %+v", s)
	}
	h, _ := x.Lookup("/a/")
	for i := 0; i < 2; i++ {
		a, err := h.Page.Anchors()
		if err != nil || !a.Has("heading") {
			t.Fatalf("anchors of /a/: %v %v", a.List(), err)
		}
	}
	if s := x.Stats(); s.AnchorPages != 1 {
		t.Errorf("anchors computed %d times, want once", s.AnchorPages)
	}
}

func TestLookupMiddleman(t *testing.T) {
	dir := tree(t, map[string]string{
		"sites/handbook/source/handbook/index.html.md":            "# H\n",
		"sites/handbook/source/handbook/guide.html.md":            "# G\n",
		"sites/handbook/source/handbook/eng/index.html.md.erb":    "# E\n",
		"sites/handbook/source/handbook/tag/index.html.md.erb":    "# T\n\n<%= partial 'x' %>\n",
		"sites/handbook/source/handbook/pct/index.html.md.erb":    "# P\n\n% items.each do |i|\n%% not code\n",
		"sites/handbook/source/handbook/Mixed/index.html.md":      "# M\n",
		"sites/uncategorized/source/job-families/x/index.html.md": "---\nredirect_from: [/not-read/]\n---\n",
		"data/redirects.yml": "- sources: [/jobs/x/, /jobs/x]\n  target: /job-families/x/\n  comp_op: '='\n" +
			"- sources: /old-handbook/\n  target: /handbook/\n  comp_op: '^~'\n" +
			"- sources: ^/roles/.*$\n  target: /job-families/\n  comp_op: '~'\n",
	})
	x := Build(Layout{Generator: Middleman, PageFiles: []string{"index.html.md", "index.html.md.erb", "{name}.html.md"},
		Roots:     []Root{{Dir: filepath.Join(dir, "sites/handbook/source"), Prefix: "/"}, {Dir: filepath.Join(dir, "sites/uncategorized/source"), Prefix: "/"}},
		Redirects: filepath.Join(dir, "data/redirects.yml")})
	for _, u := range []string{"/handbook/", "/handbook/index.html", "/handbook/guide.html", "/handbook/guide/", "/handbook/eng/", "/handbook/Mixed/", "/job-families/x/",
		"/jobs/x/", "/old-handbook/any/page/", "/roles/x/"} {
		if _, ok := x.Lookup(u); !ok {
			t.Errorf("Lookup(%q): not found", u)
		}
	}
	// Middleman keeps case; front-matter redirect_from is not read (GitLab's
	// site kept its redirects in data/redirects.yml)
	for _, u := range []string{"/handbook/mixed/", "/handbook/guide.html.md", "/handbook/eng/index.html.md.erb", "/not-read/", "/jobs/y/"} {
		if _, ok := x.Lookup(u); ok {
			t.Errorf("Lookup(%q): found", u)
		}
	}
	// Markdown run through ERB is no template by its name: a source without
	// ERB code is copied as it is, so its anchors are all there.
	for u, partial := range map[string]bool{"/handbook/eng/": false, "/handbook/tag/": true, "/handbook/pct/": true} {
		h, _ := x.Lookup(u)
		if h.Page == nil || h.Page.Template() {
			t.Errorf("%s: markdown through ERB is taken for a template by its name", u)
			continue
		}
		a, err := h.Page.Anchors()
		if err != nil || a.Partial != partial || a.Len() != 1 {
			t.Errorf("%s: anchors %v (partial %v), error %v; want one, partial %v", u, a.List(), a != nil && a.Partial, err, partial)
		}
	}
}

func TestRef(t *testing.T) {
	x, dir := hugoIndex(t, map[string]string{
		"content/handbook/_index.md":                         "",
		"content/handbook/values.md":                         "",
		"content/handbook/hiring/_index.md":                  "",
		"content/handbook/hiring/interviewing.md":            "",
		"content/handbook/company/structure.md":              "",
		"content/handbook/people/structure.md":               "",
		"content/handbook/people/leaf/index.md":              "",
		"content/handbook/people/sibling.md":                 "",
		"content/job-families/engineering/backend.md":        "",
		"content/job-families/engineering/backend/senior.md": "",
	})
	content := filepath.Join(dir, "content")
	page := func(rel string) *Page {
		p := x.PageOf(filepath.Join(content, filepath.FromSlash(rel)))
		if p == nil {
			t.Fatalf("no page %s", rel)
		}
		return p
	}
	from := page("handbook/hiring/interviewing.md")
	leaf := page("handbook/people/leaf/index.md")
	section := page("handbook/hiring/_index.md")
	cases := []struct {
		from *Page
		ref  string
		want string // URL, "ambiguous", "outside" or ""
	}{
		{from, "values", "/handbook/values/"},
		{from, "values.md", "/handbook/values/"},
		{from, "/handbook/values", "/handbook/values/"},
		{from, "/handbook/values.md", "/handbook/values/"},
		{from, "/VALUES", "/handbook/values/"},
		{from, "interviewing", "/handbook/hiring/interviewing/"},
		{from, "./interviewing", "/handbook/hiring/interviewing/"},
		{from, "../values", "/handbook/values/"},
		{from, ".", "/handbook/hiring/"},
		{from, "..", "/handbook/"},
		{from, "hiring", "/handbook/hiring/"},
		{from, "/handbook/hiring/_index.md", "/handbook/hiring/"},
		{from, "structure", "ambiguous"},
		{from, "company/structure", ""}, // not below hiring/, not /company/structure, and two segments: no name lookup
		{from, "/handbook/company/structure", "/handbook/company/structure/"},
		{from, "./values", ""}, // "." paths stay relative
		{from, "a/values", ""}, // two segments: no name lookup
		{from, "../../../../x", "outside"},
		{section, "interviewing", "/handbook/hiring/interviewing/"}, // a section's own folder
		{leaf, "sibling", "/handbook/people/sibling/"},              // a leaf bundle looks one folder up
		{leaf, "../sibling", "/handbook/people/sibling/"},
		{nil, "senior", "/job-families/engineering/backend/senior/"},
		{nil, "handbook", "/handbook/"}, // the _index.md, not also the implicit section
		{nil, "job-families", "/job-families/"},
		{nil, "backend", "/job-families/engineering/backend/"},
	}
	for _, c := range cases {
		r := x.Ref(c.from, c.ref)
		got := ""
		switch {
		case r.Outside:
			got = "outside"
		case len(r.Ambiguous) > 0:
			got = "ambiguous"
		case r.Page != nil:
			got = r.Page.URL
		}
		if got != c.want {
			t.Errorf("Ref(%v, %q) = %q, want %q", c.from != nil, c.ref, got, c.want)
		}
	}
}

func TestSitesDiscovery(t *testing.T) {
	dir := tree(t, map[string]string{
		"repo/content/job-families/x.md":                                 "",
		"repo/content/handbook/values.md":                                "",
		"repo/static/img.png":                                            "",
		"mm/sites/handbook/source/handbook/index.html.md":                "",
		"mm/sites/uncategorized/source/job-families/y/index.html.md":     "",
		"mm/sites/uncategorized/source/job-families/y/sub/index.html.md": "",
	})
	s := NewSites(Config{})
	idx, page := s.For(filepath.Join(dir, "repo/content/job-families/x.md"))
	if idx == nil || page == nil || page.URL != "/job-families/x/" {
		t.Fatalf("hugo discovery: %v %+v", idx, page)
	}
	if _, ok := idx.Lookup("/img.png"); !ok {
		t.Error("static/ beside content/ is not served")
	}
	idx2, _ := s.For(filepath.Join(dir, "repo/content/handbook/values.md"))
	if idx2 != idx {
		t.Error("two files of one tree got two indexes")
	}
	m := NewSites(Config{Generator: Middleman, PresetRoots: []string{"sites/handbook/source", "sites/uncategorized/source", "source"},
		PageFiles: []string{"index.html.md", "{name}.html.md"}})
	idx, page = m.For(filepath.Join(dir, "mm/sites/uncategorized/source/job-families/y/sub/index.html.md"))
	if idx == nil || page == nil || page.URL != "/job-families/y/sub/" {
		t.Fatalf("middleman discovery: %v %+v", idx, page)
	}
	if _, ok := idx.Lookup("/handbook/"); !ok {
		t.Error("middleman discovery stopped at the nearest source folder, missing sites/handbook/source")
	}
	if got := idx.Layout().Anchors; got != Kramdown {
		t.Errorf("middleman anchors = %q", got)
	}
	none := NewSites(Config{})
	if idx, _ := none.For(filepath.Join(dir, "mm/x.md")); idx != nil && !strings.Contains(idx.Layout().Roots[0].Dir, "content") {
		t.Errorf("an index without a content folder: %+v", idx.Layout())
	}
}

func TestOutsideRootNeverRead(t *testing.T) {
	dir := tree(t, map[string]string{
		"site/content/job-families/x.md": "",
		"site/secret.md":                 "## Secret\n",
	})
	// a symbolic link inside the root that points outside it is not indexed
	if err := os.Symlink(filepath.Join(dir, "site/secret.md"), filepath.Join(dir, "site/content/job-families/link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	x := Build(Layout{Generator: Hugo, Roots: []Root{{Dir: filepath.Join(dir, "site/content"), Prefix: "/"}}, PageFiles: hugoFiles})
	if _, ok := x.Lookup("/job-families/link/"); ok {
		t.Error("a link to a file outside the root is indexed")
	}
	from := x.PageOf(filepath.Join(dir, "site/content/job-families/x.md"))
	for ref, wantOut := range map[string]bool{"../../secret.md": false, "../../../secret.md": true, "/../secret.md": true} {
		u, out := ResolveRelative(from.URL, ref)
		if out != wantOut {
			t.Errorf("%s: outside = %v, want %v", ref, out, wantOut)
		}
		if h, ok := x.Lookup(u); ok {
			t.Errorf("%s resolved to %+v", ref, h)
		}
	}
	if r := x.Ref(from, "../../../secret"); !r.Outside {
		t.Errorf("ref above the root: %+v", r)
	}
	if x.Stats().Files != 1 {
		t.Errorf("indexed %d files, want 1", x.Stats().Files)
	}
}
