package site

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// walkOneByOne is walkAll listing each folder as it comes to it (what it
// did before reading the folders ahead, in parallel).
func (x *Index) walkOneByOne() {
	x.walkWith(x.list)
}

// The pages an index holds by URL, logical path and name, as strings.
func indexPages(x *Index) []string {
	var out []string
	for k, p := range x.pages {
		out = append(out, fmt.Sprintf("url %s -> %s %s %d", k, p.File, p.URL, p.Kind))
	}
	for k, p := range x.logical {
		out = append(out, fmt.Sprintf("logical %s -> %s", k, p.File))
	}
	for k, ps := range x.names {
		for _, p := range ps {
			out = append(out, fmt.Sprintf("name %s -> %s", k, p.File))
		}
	}
	for k, f := range x.files {
		out = append(out, fmt.Sprintf("file %s -> %s", k, f.path))
	}
	sort.Strings(out)
	return out
}

// Walking a site with its folders read ahead, in parallel, gives the
// index that listing them one by one gives: the same pages, the same
// winner where two claim a URL (the first seen), hidden folders and
// node_modules left out; and folders listed before the walk (a lookup)
// are not read again.
func TestWalkAllReadAhead(t *testing.T) {
	files := map[string]string{
		"content/_index.md":                   "home",
		"content/a/_index.md":                 "a",
		"content/a/b.md":                      "b",
		"content/a/b/index.md":                "b leaf",
		"content/A B/c.md":                    "c",
		"content/.hidden/x.md":                "x",
		"content/node_modules/y.md":           "y",
		"content/deep/1/2/3/4/page.md":        "p",
		"content/deep/1/2/3/4/page.html.md":   "p html",
		"static/a/b/index.html":               "static",
		"static/img/logo.png":                 "png",
		"content/jobs/engineering/backend.md": "be",
	}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("content/many/%d/_index.md", i)] = "m"
		files[fmt.Sprintf("content/many/%d/x/page.md", i)] = "m"
	}
	dir := tree(t, files)
	if err := os.Symlink(filepath.Join(dir, "content/a"), filepath.Join(dir, "content/link")); err != nil {
		t.Fatal(err)
	}
	layout := Layout{Generator: Hugo, Roots: []Root{{Dir: filepath.Join(dir, "content"), Prefix: "/"}, {Dir: filepath.Join(dir, "static"), Prefix: "/", Static: true}}, PageFiles: hugoFiles}
	for _, first := range []string{"", "/deep/1/2/3/4/page/", "/many/3/x/page/"} {
		one, ahead := Build(layout), Build(layout)
		if first != "" {
			one.Lookup(first)
			ahead.Lookup(first)
		}
		read := ahead.readTree()
		if first == "/deep/1/2/3/4/page/" && read[filepath.Join(dir, "content/deep/1")] != nil {
			t.Errorf("a folder listed before the walk is read again")
		}
		if read[filepath.Join(dir, "content/.hidden")] != nil || read[filepath.Join(dir, "content/node_modules")] != nil || read[filepath.Join(dir, "content/link")] != nil {
			t.Errorf("a hidden folder, node_modules or a link to a folder is read")
		}
		if read[filepath.Join(dir, "content/many/39/x")] == nil {
			t.Errorf("first %q: a folder four levels down is not read: %d read", first, len(read))
		}
		one.mu.Lock()
		one.walkOneByOne()
		one.mu.Unlock()
		ahead.mu.Lock()
		ahead.walkAll()
		ahead.mu.Unlock()
		if a, b := indexPages(one), indexPages(ahead); !reflect.DeepEqual(a, b) {
			t.Errorf("first %q: one by one:\n%q\nread ahead:\n%q", first, a, b)
		}
		if one.stats.Folders != ahead.stats.Folders || one.stats.Pages != ahead.stats.Pages || one.stats.Files != ahead.stats.Files {
			t.Errorf("first %q: stats %+v, read ahead %+v", first, one.stats, ahead.stats)
		}
	}
}
