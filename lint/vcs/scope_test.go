package vcs

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

// A run over some folders has git list the untracked files under them
// only (a folder whose name reads as a pattern is a name); a file outside
// them is still answered for, by one listing of the whole work tree.
func TestSinceInScope(t *testing.T) {
	repo := vcstest.New(t)
	repo.Write("content/jf/a.md", "a\n")
	repo.Commit("first")
	repo.Write("content/jf/new.md", "n\n")
	repo.Write("content/jf/sub/new.md", "n\n")
	repo.Write("content/[x]/new.md", "n\n")
	repo.Write("content/x/new.md", "n\n") // what "content/[x]" matches as a pattern
	repo.Write("other/new.md", "o\n")
	repo.Write(".gitignore", "ignored.md\n")
	repo.Write("other/ignored.md", "i\n")
	t.Chdir(repo.Dir)

	c, err := SinceIn(context.Background(), ".", "HEAD", []string{"content/jf/sub", "content/jf", filepath.Join(repo.Dir, "content/[x]")})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/[x]", "content/jf"}; !reflect.DeepEqual(c.scope, want) {
		t.Errorf("scope %q, want %q", c.scope, want)
	}
	if want := map[string]bool{"content/jf/new.md": true, "content/jf/sub/new.md": true, "content/[x]/new.md": true}; !reflect.DeepEqual(c.new, want) {
		t.Errorf("untracked files listed: %v, want %v", c.new, want)
	}
	for _, p := range []string{"content/jf/new.md", "content/jf/sub/new.md", "content/[x]/new.md", "other/new.md", "content/x/new.md"} {
		if got := c.File(p); got == nil || !got.New {
			t.Errorf("%s: %+v, want new", p, got)
		}
	}
	for _, p := range []string{"content/jf/a.md", "other/ignored.md", "other/missing.md"} {
		if got := c.File(p); got != nil {
			t.Errorf("%s: %+v, want no changes", p, got)
		}
	}

	// no folders, the root, or one outside: the whole work tree at once
	for _, dirs := range [][]string{nil, {"."}, {"content", t.TempDir()}} {
		c, err := SinceIn(context.Background(), ".", "HEAD", dirs)
		if err != nil {
			t.Fatal(err)
		}
		if c.scope != nil || !c.new["other/new.md"] || !c.new["content/x/new.md"] {
			t.Errorf("%q: scope %q, untracked %v", dirs, c.scope, c.new)
		}
	}
}

// Many folders are the one they all lie in.
func TestScopeInMany(t *testing.T) {
	root := t.TempDir()
	var dirs []string
	for i := 0; i <= maxScope; i++ {
		dirs = append(dirs, filepath.Join(root, "content", "jf", fmt.Sprint(i), "x"))
	}
	if got := scopeIn(root, dirs); !reflect.DeepEqual(got, []string{"content/jf"}) {
		t.Errorf("%d folders: %q, want content/jf", len(dirs), got)
	}
	dirs = append(dirs, filepath.Join(root, "other"))
	if got := scopeIn(root, dirs); got != nil {
		t.Errorf("folders under content and other: %q, want the whole tree", got)
	}
}

// SinceIn runs three git processes: the top folder and the commit in one,
// then the diff and the untracked files at once.
func TestSinceInProcesses(t *testing.T) {
	repo := vcstest.New(t)
	repo.Write("a.md", "a\n")
	repo.Commit("first")
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip(err)
	}
	bin := t.TempDir()
	log := filepath.Join(t.TempDir(), "calls")
	script := "#!/bin/sh\necho \"$1\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Chdir(repo.Dir)
	if _, err := SinceIn(context.Background(), ".", "HEAD", []string{"."}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	calls := strings.Fields(string(b))
	sort.Strings(calls)
	if want := []string{"diff", "ls-files", "rev-parse"}; !reflect.DeepEqual(calls, want) {
		t.Errorf("git %q, want %q", calls, want)
	}
}
