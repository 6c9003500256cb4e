package site

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNavigateAsUncached: lookups through the subfolders navigate keeps
// (folder.went) list the same folders, with the same paths, and find the
// same pages as lookups that navigate from scratch every time (an index
// whose kept subfolders are dropped before each lookup). A random tree of
// folders named with capitals, spaces and an escape, under two roots of
// which one holds the other (a folder reached from either, with its own
// relative path); random URL paths of the folders' names as URLs write
// them, in other cases, escaped, and names that are no folder's.
func TestNavigateAsUncached(t *testing.T) {
	rng := rand.New(rand.NewSource(64))
	names := []string{"a", "B", "team x", "Ops", "c%d", "_index.md", "page.md", "e"}
	for round := range 20 {
		dir := t.TempDir()
		var folders []string
		var grow func(rel string, depth int)
		grow = func(rel string, depth int) {
			folders = append(folders, rel)
			if err := os.MkdirAll(filepath.Join(dir, "content", rel), 0o755); err != nil {
				t.Fatal(err)
			}
			if rng.Intn(2) == 0 {
				if err := os.WriteFile(filepath.Join(dir, "content", rel, "_index.md"), []byte("# x\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "content", rel, "page.md"), []byte("# p\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if depth == 4 {
				return
			}
			for n := rng.Intn(4); n > 0; n-- {
				name := names[rng.Intn(len(names))]
				if strings.HasSuffix(name, ".md") {
					continue
				}
				grow(filepath.Join(rel, name), depth+1)
			}
		}
		grow("hb", 0)
		layout := Layout{Generator: Hugo, PageFiles: HugoPageFiles, Roots: []Root{
			{Dir: filepath.Join(dir, "content", "hb"), Prefix: "/inner/"},
			{Dir: filepath.Join(dir, "content"), Prefix: "/"},
		}}
		cached, uncached := Build(layout), Build(layout)
		wentHits := 0
		for range 300 {
			var u strings.Builder
			if rng.Intn(2) == 0 {
				u.WriteString("/inner")
			}
			segs := strings.Split(folders[rng.Intn(len(folders))], string(filepath.Separator))
			if u.Len() > 0 && segs[0] == "hb" {
				segs = segs[1:]
			}
			for _, s := range segs {
				switch rng.Intn(8) {
				case 0:
					s = strings.ToUpper(s)
				case 1:
					s = strings.ReplaceAll(s, " ", "%20")
				case 2:
					s = names[rng.Intn(len(names))]
				}
				u.WriteString("/" + strings.ReplaceAll(strings.ToLower(s), " ", "-"))
			}
			if rng.Intn(3) == 0 {
				u.WriteString("/page")
			}
			u.WriteString("/")
			for _, f := range cached.listed {
				wentHits += len(f.went)
			}
			for _, f := range uncached.listed {
				f.went = nil
			}
			a, aok := cached.Lookup(u.String())
			b, bok := uncached.Lookup(u.String())
			if aok != bok || a.File != b.File || a.Alias != b.Alias || (a.Page == nil) != (b.Page == nil) || a.Page != nil && a.Page.URL != b.Page.URL {
				t.Fatalf("round %d, %s: %v %+v with the kept subfolders, %v %+v without", round, u.String(), aok, a, bok, b)
			}
		}
		ka, kb := keysOf(cached.listed), keysOf(uncached.listed)
		if !slices.Equal(ka, kb) {
			t.Fatalf("round %d: listed %q with the kept subfolders, %q without", round, ka, kb)
		}
		pa, pb := keysOf(cached.pages), keysOf(uncached.pages)
		if !slices.Equal(pa, pb) {
			t.Fatalf("round %d: pages %q with the kept subfolders, %q without", round, pa, pb)
		}
		for k, p := range cached.pages {
			if q := uncached.pages[k]; p.File != q.File || p.Logical != q.Logical || p.URL != q.URL {
				t.Fatalf("round %d: page %s: %+v with the kept subfolders, %+v without", round, k, p, q)
			}
		}
		if sa, sb := cached.Stats(), uncached.Stats(); sa.Folders != sb.Folders || sa.Files != sb.Files || sa.Pages != sb.Pages {
			t.Fatalf("round %d: stats %+v with the kept subfolders, %+v without", round, sa, sb)
		}
		if round == 19 && wentHits < 100 {
			t.Fatalf("the kept subfolders were read %d times: the test says little", wentHits)
		}
	}
}

func keysOf[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
