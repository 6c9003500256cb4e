// Package vcs tells which lines of a git work tree were added or changed
// since a revision, for `ladderlint lint --new-from-rev`: the lines `git
// diff REV` shows as added (staged and unstaged changes alike), and every
// line of a file git does not track yet.
package vcs

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Range is a run of lines of the new version of a file, from 1, inclusive.
type Range struct{ First, Last int }

// FileChanges are the added or changed lines of one file.
type FileChanges struct {
	New    bool    // the file is not tracked: every line is new
	Ranges []Range // otherwise, in file order
}

// Touches reports whether any line from first to last (inclusive) was
// added or changed.
func (fc *FileChanges) Touches(first, last int) bool {
	if fc == nil {
		return false
	}
	if fc.New {
		return true
	}
	for _, r := range fc.Ranges {
		if r.First <= last && first <= r.Last {
			return true
		}
	}
	return false
}

// Changes are the lines a work tree adds or changes relative to a commit.
type Changes struct {
	Root   string // the repository's top folder, symbolic links resolved
	Commit string // the commit compared against
	files  map[string][]Range
	new    map[string]bool

	mu   sync.Mutex
	dirs map[string]string // a folder, its links resolved (File asks for each of its files)

	// scope, when not nil, are the folders (relative to Root, slash
	// separated) where new holds every untracked file; elsewhere it holds
	// none until File asks for a file outside them (allNew: then all)
	scope  []string
	allNew sync.Once
}

// Since compares the work tree that holds dir with the commit rev names.
func Since(ctx context.Context, dir, rev string) (*Changes, error) {
	return SinceIn(ctx, dir, rev, nil)
}

// SinceIn is Since for a run over the files under the folders dirs
// (absolute, or relative to the current folder): git looks for untracked
// files only under them, which on a large work tree is most of git's time
// (listing every untracked file reads every folder). File still answers
// for any file: one outside dirs has git list the untracked files of the
// whole work tree, once. No dirs: the whole work tree at once.
func SinceIn(ctx context.Context, dir, rev string, dirs []string) (*Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%q is not a revision", rev)
	}
	// the work tree's top folder and the commit, one git process: git
	// prints the folder, then the commit or, when there is none, nothing
	// (and fails); outside a work tree, only an error
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel", "--verify", "--quiet", rev+"^{commit}")
	top, sha, _ := strings.Cut(string(out), "\n")
	if top == "" {
		if err == nil {
			err = errors.New("git rev-parse: no work tree")
		}
		return nil, fmt.Errorf("not in a git work tree: %w", err)
	}
	if sha = strings.TrimSpace(sha); err != nil || sha == "" {
		return nil, fmt.Errorf("unknown revision %q", rev)
	}
	root := strings.TrimSpace(top)
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	c := &Changes{Root: root, Commit: sha, new: map[string]bool{}, scope: scopeIn(root, dirs)}
	// the diff and the untracked files, at once
	var untracked []byte
	var uerr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		untracked, uerr = git(ctx, root, append([]string{"ls-files", "-z", "--others", "--exclude-standard", "--"}, c.scope...)...)
	}()
	// -U0: a hunk holds only the lines it removes and adds, so its "+"
	// range is exactly the added lines. Fixed prefixes and no external
	// diff or text conversion keep the output in the form parsed here,
	// whatever the user's git config.
	diff, err := git(ctx, root, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--ignore-submodules",
		"--find-renames", "-U0", "--src-prefix=a/", "--dst-prefix=b/", c.Commit, "--")
	<-done
	if err != nil {
		return nil, err
	}
	if c.files, err = ParseDiff(bytes.NewReader(diff)); err != nil {
		return nil, err
	}
	if uerr != nil {
		return nil, uerr
	}
	c.addNew(untracked)
	return c, nil
}

// maxScope is the most folders SinceIn names to git; more are one, the
// folder they all lie in.
const maxScope = 64

// scopeIn returns dirs relative to root, slash separated, without those
// inside another; nil (the whole work tree) when there are none, or one
// lies outside root or cannot be resolved.
func scopeIn(root string, dirs []string) []string {
	if len(dirs) == 0 {
		return nil
	}
	var rels []string
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil
		}
		if rel == "." {
			return nil
		}
		rels = append(rels, filepath.ToSlash(rel))
	}
	sort.Strings(rels)
	var out []string
	for _, r := range rels {
		if n := len(out); n > 0 && (r == out[n-1] || strings.HasPrefix(r, out[n-1]+"/")) {
			continue
		}
		out = append(out, r)
	}
	if len(out) > maxScope {
		common := out[0]
		for _, r := range out[1:] {
			for common != "" && r != common && !strings.HasPrefix(r, common+"/") {
				common = path.Dir(common)
				if common == "." {
					common = ""
				}
			}
		}
		if common == "" {
			return nil
		}
		out = []string{common}
	}
	return out
}

// inScope reports whether new holds the untracked file at key (relative
// to Root, slash separated).
func (c *Changes) inScope(key string) bool {
	if c.scope == nil {
		return true
	}
	for _, d := range c.scope {
		if strings.HasPrefix(key, d+"/") {
			return true
		}
	}
	return false
}

// addNew adds the untracked files of git ls-files -z. c.mu is held or c
// is not shared yet.
func (c *Changes) addNew(list []byte) {
	for _, p := range strings.Split(string(list), "\x00") {
		if p != "" {
			c.new[p] = true
		}
	}
}

// File returns the changes of a file named as ladderlint reports it
// (relative to the current folder, or absolute), or nil when it has none
// or lies outside the repository.
func (c *Changes) File(path string) *FileChanges {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	// resolve links in the folders (the repository root is resolved too),
	// not in the file itself: git tracks a link as a link
	if dir, ok := c.resolved(filepath.Dir(abs)); ok {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	rel, err := filepath.Rel(c.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	key := filepath.ToSlash(rel)
	if !c.inScope(key) {
		c.allNew.Do(func() {
			list, err := git(context.Background(), c.Root, "ls-files", "-z", "--others", "--exclude-standard")
			c.mu.Lock()
			defer c.mu.Unlock()
			if err == nil {
				c.addNew(list)
			}
		})
	}
	c.mu.Lock()
	isNew := c.new[key]
	c.mu.Unlock()
	if isNew {
		return &FileChanges{New: true}
	}
	if rs := c.files[key]; len(rs) > 0 {
		return &FileChanges{Ranges: rs}
	}
	return nil
}

// resolved returns a folder with its symbolic links resolved, once per
// folder.
func (c *Changes) resolved(dir string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.dirs[dir]; ok {
		return r, r != ""
	}
	r, err := filepath.EvalSymlinks(dir)
	if err != nil {
		r = ""
	}
	if c.dirs == nil {
		c.dirs = map[string]string{}
	}
	c.dirs[dir] = r
	return r, r != ""
}

// git runs a git command in dir and returns its standard output (also
// when git fails); an error carries the first line git wrote to standard
// error.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	// no index refresh (and so no index.lock) from a read-only command,
	// which matters inside a pre-commit hook; pathspecs are folder names,
	// not patterns
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_LITERAL_PATHSPECS=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed or not on PATH")
		}
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// ParseDiff reads a unified diff (as `git diff -U0` writes it) and returns
// the added lines of each file of the new side, by the path git gives it
// (without the "b/" prefix). Deleted files have none; a file whose hunks
// only delete lines has none either.
func ParseDiff(r io.Reader) (map[string][]Range, error) {
	out := map[string][]Range{}
	br := bufio.NewReader(r)
	file := ""        // the new side's path of the current file
	inHeader := false // between "diff --git" and the first hunk
	for {
		line, err := br.ReadString('\n')
		if line == "" && err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, err
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "diff "):
			file, inHeader = "", true
		case inHeader && strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				file = ""
				continue
			}
			if strings.HasPrefix(name, `"`) {
				uq, err := strconv.Unquote(name)
				if err != nil {
					return nil, fmt.Errorf("diff: cannot read the path in %q", line)
				}
				name = uq
			}
			file = strings.TrimPrefix(name, "b/")
		case strings.HasPrefix(line, "@@ "):
			inHeader = false
			rg, ok, err := hunkRange(line)
			if err != nil {
				return nil, err
			}
			if ok && file != "" {
				out[file] = append(out[file], rg)
			}
		}
	}
}

// hunkRange reads the new side of a hunk header "@@ -a,b +c,d @@ ...": the
// lines c to c+d-1 (d is 1 when left out). ok is false for a hunk that adds
// nothing (d = 0).
func hunkRange(line string) (Range, bool, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return Range{}, false, fmt.Errorf("diff: malformed hunk header %q", line)
	}
	start, count, hasCount := strings.Cut(fields[2][1:], ",")
	first, err := strconv.Atoi(start)
	n := 1
	if err == nil && hasCount {
		n, err = strconv.Atoi(count)
	}
	if err != nil || first < 0 || n < 0 {
		return Range{}, false, fmt.Errorf("diff: malformed hunk header %q", line)
	}
	if n == 0 {
		return Range{}, false, nil
	}
	return Range{First: first, Last: first + n - 1}, true, nil
}
