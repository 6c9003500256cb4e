package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// FuzzResolve parses a page holding an arbitrary link destination and
// resolves every link of it against a small Hugo tree with a secret file
// beside the content root: no panic, and no resolution ever leads to a file
// outside the root (only files found by listing folders under a root are
// ever opened; this checks what comes back).
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"/handbook/values/#results", "../../secret.md", "/../secret", "{{< ref \"values\" >}}",
		"{{< relref \"../secret.md\" >}}", "https://handbook.gitlab.com/handbook/", "./values",
		"handbook/values.md", "/handbook/%2e%2e/%2e%2e/secret", "#frag", "//evil.example/x",
		"/handbook/values/index.html", "mailto:a@b.c", "", "/%zz", "\x00", "/" + strings.Repeat("a/", 300),
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	write := func(p, s string) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	write("content/handbook/_index.md", "---\ntitle: H\naliases: [/old/]\n---\n# Handbook\n")
	write("content/handbook/values.md", "# Values\n\n## Results {#results}\n")
	write("content/job-families/x/page.md", "---\ntitle: X\n---\n")
	write("secret.md", "# Secret\n")
	root := filepath.Join(dir, "content")
	x := Build(Layout{Generator: Hugo, Roots: []Root{{Dir: root, Prefix: "/"}}, PageFiles: HugoPageFiles})
	from := x.FilePage(filepath.Join(root, "job-families/x/page.md"))
	own := []OwnURL{{URL: "https://handbook.gitlab.com"}}
	f.Fuzz(func(t *testing.T, dest string) {
		if strings.ContainsAny(dest, "\n\r") {
			return // a link destination holds no line break
		}
		src := "[a](" + dest + ") [b](<" + dest + ">) {{< ref \"" + strings.ReplaceAll(dest, "\"", "") + "\" >}}\n"
		fam := model.Parse("page.md", []byte(src))
		for _, l := range fam.Links {
			res := x.Resolve(from, l, own)
			if res.Found && res.Hit.File != "" {
				rel, err := filepath.Rel(root, res.Hit.File)
				if err != nil || strings.HasPrefix(rel, "..") {
					t.Fatalf("%q resolved to %s, outside the content root", l.Target, res.Hit.File)
				}
			}
			if res.Found && res.Hit.Page != nil {
				_, _ = res.Hit.Page.Anchors()
			}
		}
	})
}
