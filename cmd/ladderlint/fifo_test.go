//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNamedPipeExit2: a named pipe given as a page, a config or a
// baseline is not opened (that waits for a writer, for ever): exit 2 naming
// it. In a folder, it is not a page and is passed over.
func TestNamedPipeExit2(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "ok.md"), "---\ntitle: T\n---\n")
	for _, name := range []string{"pipe.md", "pipe.yml", "pipe.json"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	for _, args := range [][]string{
		{"lint", filepath.Join(dir, "pipe.md")},
		{"model", filepath.Join(dir, "pipe.md")},
		{"lint", "-c", filepath.Join(dir, "pipe.yml"), filepath.Join(dir, "ok.md")},
		{"lint", "--baseline", filepath.Join(dir, "pipe.json"), filepath.Join(dir, "ok.md")},
	} {
		code, _, errOut := run(t, nil, args...)
		if code != 2 || !strings.Contains(errOut, "pipe.") || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if code, out, errOut := run(t, nil, "lint", "-f", "json", "--fail-on", "never", dir); code != 0 || !strings.Contains(out, `"files": 1`) {
		t.Errorf("lint of the folder: exit %d, stderr %q", code, errOut)
	}
}
