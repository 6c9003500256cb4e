package changes

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/vcs"
)

// Options say what to compare.
type Options struct {
	Config *lint.Config
	From   string   // the revision to compare the work tree with
	Paths  []string // files or folders to limit the pages to; none: the config's include
}

// pagePair is one page's two sides, as the engine gets them.
type pagePair struct {
	status     string
	oldInput   *lint.Input // nil when the page is new
	newInput   *lint.Input // nil when it was deleted
	oldPath    string      // display path at the revision
	newPath    string      // display path in the work tree
	similarity int
	note       string
}

// Run compares the job-family pages a work tree changes since opts.From
// (the work tree is the one holding the current folder): each side is
// modelled and linted by the engine with the same config, the old side
// from git's copy of the revision (nothing is checked out) and linted
// under the page's new name, so that fingerprints compare across a move.
// Checks across pages see the changed pages of the same side only.
func Run(ctx context.Context, opts Options) (*Report, error) {
	cfg := opts.Config
	root, commit, files, err := vcs.Files(ctx, ".", opts.From)
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	display := func(rel string) string {
		abs := filepath.Join(root, filepath.FromSlash(rel))
		if r, err := filepath.Rel(wd, abs); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(abs)
	}
	for _, p := range opts.Paths {
		if _, err := os.Stat(p); err != nil {
			// a page a change deletes may be named, but not a typo
			if !atRevision(ctx, root, commit, p, wd) {
				return nil, &lint.ReadError{Path: lint.DisplayPath(p), Err: fmt.Errorf("not in the work tree nor at %s", opts.From)}
			}
		}
	}
	maxSize := fsutil.Limit(cfg.MaxFileSize)
	var pairs []*pagePair
	for _, fs := range files {
		pp := &pagePair{similarity: fs.Similarity}
		if fs.Old != "" {
			pp.oldPath = display(fs.Old)
		}
		if fs.New != "" {
			pp.newPath = display(fs.New)
		}
		selected := fs.New != "" && cfg.Selects(pp.newPath, opts.Paths) || fs.Old != "" && cfg.Selects(pp.oldPath, opts.Paths)
		if !selected {
			continue
		}
		switch fs.Status {
		case 'A':
			pp.status = Added
		case 'D':
			pp.status = Deleted
		case 'R':
			pp.status = Renamed
		default:
			pp.status = Modified
		}
		if fs.New != "" {
			if st, err := os.Lstat(filepath.Join(root, filepath.FromSlash(fs.New))); err != nil || !st.Mode().IsRegular() {
				continue // a link or a folder (a submodule): not a page
			}
			pp.newInput = &lint.Input{Path: pp.newPath}
		}
		if fs.Old != "" {
			data, err := vcs.ShowLimited(ctx, root, commit, fs.Old, maxSize)
			if err != nil {
				pp.note = "old version not compared: " + err.Error()
			} else {
				if data == nil {
					data = []byte{} // an empty page, still given as data
				}
				name := pp.newPath
				if name == "" {
					name = pp.oldPath
				}
				pp.oldInput = &lint.Input{Path: name, Data: data}
			}
		}
		pairs = append(pairs, pp)
	}
	var oldIn, newIn []lint.Input
	for _, pp := range pairs {
		if pp.oldInput != nil {
			oldIn = append(oldIn, *pp.oldInput)
		}
		if pp.newInput != nil {
			newIn = append(newIn, *pp.newInput)
		}
	}
	oldRes, err := lintAll(ctx, cfg, oldIn)
	if err != nil {
		return nil, err
	}
	newRes, err := lintAll(ctx, cfg, newIn)
	if err != nil {
		return nil, err
	}
	var fams []*FamilyChange
	for _, pp := range pairs {
		var old, new Side
		if pp.oldInput != nil {
			old = oldRes.side(lint.DisplayPath(pp.oldInput.Path))
			old.Path = pp.oldPath
		}
		if pp.newInput != nil {
			new = newRes.side(lint.DisplayPath(pp.newInput.Path))
		}
		fc := Compare(old, new, pp.status)
		if fc.Path == "" {
			fc.Path = pp.newPath
			if fc.Path == "" {
				fc.Path = pp.oldPath
			}
		}
		if pp.status == Renamed {
			fc.OldPath, fc.Similarity = pp.oldPath, pp.similarity
		}
		if pp.note != "" {
			fc.Note = pp.note
		}
		fams = append(fams, fc)
	}
	return NewReport(opts.From, commit, fams, cfg.Changes), nil
}

// atRevision reports whether a path named on the command line (a file or
// a folder) exists at the revision, in the repository.
func atRevision(ctx context.Context, root, commit, p, wd string) bool {
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, p)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	return rel == "." || vcs.Exists(ctx, root, commit, filepath.ToSlash(rel))
}

type results struct{ byPath map[string]*Side }

// lintAll runs the engine on one side's pages.
func lintAll(ctx context.Context, cfg *lint.Config, inputs []lint.Input) (*results, error) {
	out := &results{byPath: map[string]*Side{}}
	if len(inputs) == 0 {
		return out, nil
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		return nil, err
	}
	eng.KeepModels = true // the summary reads the models after the run
	res, err := eng.Run(ctx, inputs)
	if err != nil {
		return nil, err
	}
	if len(res.Internal) > 0 {
		return nil, res.Internal[0]
	}
	for _, fr := range res.Files {
		if fr != nil {
			out.byPath[fr.Path] = &Side{Path: fr.Path, Family: fr.Family}
		}
	}
	for _, f := range res.Findings {
		if s := out.byPath[f.Path]; s != nil {
			s.Findings = append(s.Findings, f)
		}
	}
	return out, nil
}

func (r *results) side(path string) Side {
	if s := r.byPath[path]; s != nil {
		return *s
	}
	return Side{Path: path}
}
