package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/report"
	"gitlab.com/ladderlint/ladderlint/lint/vcs"
)

// --new-from-rev REV: report only findings on lines added or changed since
// REV (git diff REV: committed, staged and unstaged changes, and files git
// does not track yet). Every file is still linted, so cross-file rules see
// the whole handbook; a cross-file finding is kept when its own subject,
// where it is reported, is on such a line. The reports then list only the
// files with changes: in a merge request, the changed job families.

// changesKey is where the engine hook leaves the run's changes for the
// filter, in the cli app's Metadata.
const changesKey = "ladderlint/new-from-rev changes"

func init() {
	extraLintFlags = append(extraLintFlags, &cli.StringFlag{
		Name:  "new-from-rev",
		Usage: "report only findings on lines added or changed since `REV` (a git revision, such as a merge base)",
	})
	// the files without changes are still modelled, for the cross-file
	// rules, but their own findings would all be dropped: the engine does
	// not look for them
	engineHooks = append(engineHooks, func(c *cli.Context, eng *lint.Engine, inputs []lint.Input) error {
		rev := c.String("new-from-rev")
		if rev == "" {
			return nil
		}
		var paths []string
		for _, in := range inputs {
			paths = append(paths, in.Path)
		}
		changes, err := vcs.SinceIn(context.Background(), ".", rev, folders(paths))
		if err != nil {
			return &exitErr{code: exitError, err: fmt.Errorf("--new-from-rev: %w", err)}
		}
		// the filter after the run takes the same changes: git is run
		// once a run (with --fix, once again after the files are written)
		c.App.Metadata[changesKey] = changes
		var mu sync.Mutex
		byPath := map[string]bool{}
		eng.Reported = func(path string) bool {
			mu.Lock()
			defer mu.Unlock()
			ok, seen := byPath[path]
			if !seen {
				ok = changes.File(path) != nil
				byPath[path] = ok
			}
			return ok
		}
		return nil
	})
	findingFilters = append(findingFilters, func(c *cli.Context, _ *lint.Config, res *lint.Result, fs []lint.Finding) ([]lint.Finding, error) {
		rev := c.String("new-from-rev")
		if rev == "" {
			return fs, nil
		}
		changes, _ := c.App.Metadata[changesKey].(*vcs.Changes)
		delete(c.App.Metadata, changesKey)
		if changes == nil {
			var paths []string
			for _, fr := range res.Files {
				if fr != nil {
					paths = append(paths, fr.Path)
				}
			}
			var err error
			if changes, err = vcs.SinceIn(context.Background(), ".", rev, folders(paths)); err != nil {
				return nil, &exitErr{code: exitError, err: fmt.Errorf("--new-from-rev: %w", err)}
			}
		}
		byPath := map[string]*vcs.FileChanges{}
		changed := func(path string) *vcs.FileChanges {
			fc, ok := byPath[path]
			if !ok {
				fc = changes.File(path)
				byPath[path] = fc
			}
			return fc
		}
		var files []*lint.FileResult
		for _, fr := range res.Files {
			if fr != nil && changed(fr.Path) != nil {
				files = append(files, fr)
			}
		}
		res.Files = files
		var out []lint.Finding
		for _, f := range fs {
			if changed(f.Path).Touches(report.Lines(f)) {
				out = append(out, f)
			}
		}
		return out, nil
	})
}

// folders returns the folders of files, each once: where git need look
// for the run's untracked files (vcs.SinceIn).
func folders(files []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		if d := filepath.Dir(f); !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}
