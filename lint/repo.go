package lint

import (
	"os"
	"path/filepath"
)

// RepoRoot is the nearest folder at or above dir that holds .git (the
// repository's root), or "" outside a repository.
func RepoRoot(dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
