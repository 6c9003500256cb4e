package vcs_test

import (
	"context"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/vcs"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

func TestFiles(t *testing.T) {
	repo := vcstest.New(t)
	long := strings.Repeat("a line that stays the same when the page moves\n", 20)
	repo.Write("a.md", "alpha\n")
	repo.Write("b.md", "beta\n")
	repo.Write("old/moved.md", long)
	repo.Write("gone.md", "gone\n")
	repo.Commit("start")
	repo.Write("a.md", "alpha, edited\n")
	repo.Git("mv", "old/moved.md", "moved.md")
	repo.Git("rm", "-q", "gone.md")
	repo.Write("staged.md", "new and staged\n")
	repo.Git("add", "staged.md")
	repo.Write("untracked.md", "new\n")
	root, commit, files, err := vcs.Files(context.Background(), repo.Dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	if root == "" || len(commit) != 40 {
		t.Errorf("root %q commit %q", root, commit)
	}
	var got []string
	for _, f := range files {
		s := string(f.Status) + " " + f.Old + " -> " + f.New
		if f.Status == 'R' && f.Similarity != 100 {
			s += " (edited)"
		}
		got = append(got, s)
	}
	want := "M a.md -> a.md | D gone.md ->  | R old/moved.md -> moved.md | A  -> staged.md | A  -> untracked.md"
	if strings.Join(got, " | ") != want {
		t.Errorf("files\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
	data, err := vcs.ShowLimited(context.Background(), root, commit, "old/moved.md", 1<<20)
	if err != nil || string(data) != long {
		t.Errorf("show: %v", err)
	}
	if _, err := vcs.ShowLimited(context.Background(), root, commit, "old/moved.md", 10); err == nil || !strings.Contains(err.Error(), "over the 10-byte limit") {
		t.Errorf("a file over the limit: %v", err)
	}
	for path, want := range map[string]bool{"old/moved.md": true, "old": true, "moved.md": false, "nope.md": false} {
		if got := vcs.Exists(context.Background(), root, commit, path); got != want {
			t.Errorf("Exists(%s) = %v at the commit", path, got)
		}
	}
	if _, _, _, err := vcs.Files(context.Background(), repo.Dir, "--output=x"); err == nil {
		t.Error("an option accepted as a revision")
	}
}
