package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestScanMatchesParse holds the line scan to the goldmark parse: on every
// page of the corpus (and the fixtures), in both ID styles, a scan that
// answers must give exactly the parse's anchors.
func TestScanMatchesParse(t *testing.T) {
	var files []string
	for _, root := range []string{"../../../shared/corpus", "../../rules/testdata"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".md.erb")) {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 50 {
		t.Skipf("corpus not found (%d files): skipping", len(files))
	}
	for _, style := range []string{GitHub, Kramdown} {
		scanned, differ := 0, 0
		for _, p := range files {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			body := src[FrontMatterEnd(src):]
			a, ok := scanAnchors(body, style)
			if !ok {
				continue
			}
			scanned++
			want := parseAnchors(body, style)
			if !reflect.DeepEqual(a.List(), want.List()) {
				differ++
				if differ <= 10 {
					t.Errorf("%s (%s): scan and parse differ:\n scan only  %q\n parse only %q", p, style, minus(a, want), minus(want, a))
				}
			}
		}
		t.Logf("%s: %d of %d pages answered by the scan, %d differ", style, scanned, len(files), differ)
		if scanned < len(files)*3/4 {
			t.Errorf("%s: the scan answered only %d of %d pages", style, scanned, len(files))
		}
	}
}

func minus(a, b *Anchors) []string {
	var out []string
	for _, id := range a.List() {
		if !b.Has(id) {
			out = append(out, id)
		}
	}
	return out
}
