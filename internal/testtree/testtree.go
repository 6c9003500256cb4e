// Package testtree copies fixture folders for tests that change files or
// need them in a folder of their own.
package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

// Copy copies the folder from, with everything below it, to the folder to
// (created), failing the test on any error.
func Copy(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
