package vcs

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// FileStatus is one file a work tree changes relative to a commit, as `git
// diff --name-status --find-renames` tells it, with untracked files added.
type FileStatus struct {
	// Status is 'A' (added, or untracked), 'D' (deleted), 'M' (modified),
	// 'R' (renamed, perhaps edited too) or 'T' (type changed).
	Status byte
	// Old is the path at the commit ("" for an added file); New the path
	// in the work tree ("" for a deleted one). Both are relative to the
	// repository root, with '/'.
	Old, New string
	// Similarity is git's rename score in percent, for 'R'.
	Similarity int
}

// Files lists the files the work tree holding dir adds, deletes, modifies
// or renames since the commit rev names, and returns the repository root
// and the commit's full name. A copy is listed as an added file.
func Files(ctx context.Context, dir, rev string) (root, commit string, files []FileStatus, err error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", "", nil, fmt.Errorf("%q is not a revision", rev)
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", nil, fmt.Errorf("not in a git work tree: %w", err)
	}
	root = strings.TrimSpace(string(top))
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	sha, err := git(ctx, root, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return "", "", nil, fmt.Errorf("unknown revision %q", rev)
	}
	commit = strings.TrimSpace(string(sha))
	out, err := git(ctx, root, "diff", "--no-color", "--no-ext-diff", "--ignore-submodules",
		"--name-status", "-z", "--find-renames", commit, "--")
	if err != nil {
		return "", "", nil, err
	}
	if files, err = parseNameStatus(string(out)); err != nil {
		return "", "", nil, err
	}
	untracked, err := git(ctx, root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return "", "", nil, err
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			files = append(files, FileStatus{Status: 'A', New: p})
		}
	}
	return root, commit, files, nil
}

// parseNameStatus reads `git diff --name-status -z` output: a status field,
// then one path (two for a rename or a copy), each ending in NUL.
func parseNameStatus(out string) ([]FileStatus, error) {
	fields := strings.Split(out, "\x00")
	var files []FileStatus
	for i := 0; i < len(fields); {
		st := fields[i]
		if st == "" {
			i++
			continue
		}
		switch st[0] {
		case 'R', 'C':
			if i+2 >= len(fields) {
				return nil, fmt.Errorf("git diff --name-status: a rename without its two paths")
			}
			score := 0
			fmt.Sscanf(st[1:], "%d", &score)
			if st[0] == 'C' {
				files = append(files, FileStatus{Status: 'A', New: fields[i+2]})
			} else {
				files = append(files, FileStatus{Status: 'R', Old: fields[i+1], New: fields[i+2], Similarity: score})
			}
			i += 3
		case 'A', 'D', 'M', 'T':
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("git diff --name-status: status %q without a path", st)
			}
			fs := FileStatus{Status: st[0]}
			switch st[0] {
			case 'A':
				fs.New = fields[i+1]
			case 'D':
				fs.Old = fields[i+1]
			default:
				fs.Old, fs.New = fields[i+1], fields[i+1]
			}
			files = append(files, fs)
			i += 2
		default:
			// 'U' (unmerged), 'X' (unknown): nothing to compare
			i += 2
		}
	}
	return files, nil
}

// Show returns the content of a file (relative to the repository root)
// at a commit, without checking anything out: the blob as stored, as `git
// show REV:path` prints it, never passed through a text conversion.
func Show(ctx context.Context, root, commit, path string) ([]byte, error) {
	return git(ctx, root, "cat-file", "blob", commit+":"+path)
}

// ShowLimited is Show for a file of at most max bytes; a larger one is an
// error, read no further than its size.
func ShowLimited(ctx context.Context, root, commit, path string, max int64) ([]byte, error) {
	out, err := git(ctx, root, "cat-file", "-s", commit+":"+path)
	if err != nil {
		return nil, err
	}
	var n int64
	if _, err := fmt.Sscanf(strings.TrimSpace(string(out)), "%d", &n); err != nil {
		return nil, fmt.Errorf("git cat-file: size %q", strings.TrimSpace(string(out)))
	}
	if n > max {
		return nil, fmt.Errorf("%s at %.12s: %d bytes, over the %d-byte limit (max_file_size)", path, commit, n, max)
	}
	return Show(ctx, root, commit, path)
}

// Exists reports whether a file or folder (relative to the repository root)
// exists at a commit.
func Exists(ctx context.Context, root, commit, path string) bool {
	_, err := git(ctx, root, "cat-file", "-e", commit+":"+path)
	return err == nil
}
