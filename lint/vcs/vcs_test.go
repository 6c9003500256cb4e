package vcs_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/vcs"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

func TestParseDiff(t *testing.T) {
	// what `git diff -U0` writes for: an edit, a pure deletion, a content
	// line that looks like a header, a new file, a deleted file, a quoted
	// path, a rename with an edit, a binary file
	diff := `diff --git a/content/a.md b/content/a.md
index 1111111..2222222 100644
--- a/content/a.md
+++ b/content/a.md
@@ -3 +3 @@ intro
-old line
+new line
@@ -10,2 +9,0 @@ ## Levels
-gone
-gone too
@@ -20,0 +19,2 @@
+++ an added line that starts with two plus signs
+diff --git not a header either
diff --git a/content/new.md b/content/new.md
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/content/new.md
@@ -0,0 +1,4 @@
+---
+title: New
+---
+text
diff --git a/content/old.md b/content/old.md
deleted file mode 100644
--- a/content/old.md
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
diff --git "a/content/caf\303\251 \"x\".md" "b/content/caf\303\251 \"x\".md"
--- "a/content/caf\303\251 \"x\".md"
+++ "b/content/caf\303\251 \"x\".md"
@@ -1 +1 @@
-a
+b
diff --git a/content/from.md b/content/to.md
similarity index 90%
rename from content/from.md
rename to content/to.md
--- a/content/from.md
+++ b/content/to.md
@@ -7,0 +8 @@
+added
diff --git a/img.png b/img.png
Binary files a/img.png and b/img.png differ
`
	got, err := vcs.ParseDiff(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]vcs.Range{
		"content/a.md":        {{3, 3}, {19, 20}},
		"content/new.md":      {{1, 4}},
		`content/café "x".md`: {{1, 1}},
		"content/to.md":       {{8, 8}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseDiff:\n got %v\nwant %v", got, want)
	}
	if _, err := vcs.ParseDiff(strings.NewReader("diff --git a/x b/x\n+++ b/x\n@@ -1 +x @@\n")); err == nil {
		t.Errorf("a malformed hunk header is an error")
	}
}

func TestTouches(t *testing.T) {
	fc := &vcs.FileChanges{Ranges: []vcs.Range{{3, 3}, {10, 12}}}
	for _, c := range []struct {
		first, last int
		want        bool
	}{{3, 3, true}, {2, 2, false}, {4, 9, false}, {1, 3, true}, {12, 20, true}, {13, 13, false}, {2, 11, true}} {
		if got := fc.Touches(c.first, c.last); got != c.want {
			t.Errorf("Touches(%d, %d) = %v, want %v", c.first, c.last, got, c.want)
		}
	}
	if !(&vcs.FileChanges{New: true}).Touches(100, 100) {
		t.Errorf("every line of a new file is new")
	}
	if (*vcs.FileChanges)(nil).Touches(1, 1) {
		t.Errorf("a file without changes touches nothing")
	}
}

func TestSince(t *testing.T) {
	repo := vcstest.New(t)
	dir := repo.Dir
	repo.Write("content/a.md", "one\ntwo\nthree\nfour\n")
	repo.Write("content/b.md", "b\n")
	repo.Write("content/staged.md", "s\n")
	repo.Commit("first")
	repo.Write("content/a.md", "zero\none\ntwo\nTHREE\nfour\n") // unstaged: lines 1 and 4
	repo.Write("content/staged.md", "s\nt\n")
	repo.Git("add", "content/staged.md") // staged: line 2
	repo.Write("content/untracked.md", "u\n")
	repo.Write(".gitignore", "ignored.md\n")
	repo.Write("content/ignored.md", "i\n")

	t.Chdir(filepath.Join(dir, "content"))
	c, err := vcs.Since(context.Background(), ".", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.File("a.md"); got == nil || !reflect.DeepEqual(got.Ranges, []vcs.Range{{1, 1}, {4, 4}}) {
		t.Errorf("a.md: %+v, want lines 1 and 4", got)
	}
	if got := c.File("staged.md"); got == nil || !reflect.DeepEqual(got.Ranges, []vcs.Range{{2, 2}}) {
		t.Errorf("staged.md: %+v, want line 2", got)
	}
	if got := c.File(filepath.Join(dir, "content", "untracked.md")); got == nil || !got.New {
		t.Errorf("untracked.md (absolute path): %+v, want new", got)
	}
	for _, p := range []string{"b.md", "ignored.md", "../../elsewhere.md", "missing.md"} {
		if got := c.File(p); got != nil {
			t.Errorf("%s: %+v, want no changes", p, got)
		}
	}

	if _, err := vcs.Since(context.Background(), ".", "no-such-rev"); err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-rev"`) {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := vcs.Since(context.Background(), ".", "--output=x"); err == nil {
		t.Errorf("a revision that reads as an option is refused")
	}
	if _, err := vcs.Since(context.Background(), t.TempDir(), "HEAD"); err == nil || !strings.Contains(err.Error(), "not in a git work tree") {
		t.Errorf("outside a repository: %v", err)
	}
}
