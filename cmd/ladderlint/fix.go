package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// fix applies the findings' fixes file by file. With diff, it prints a
// unified diff and writes nothing. It returns the number of fixes applied
// (with diff, that would be) and of the files they are in.
func (a *App) fix(res *lint.Result, findings []lint.Finding, diff bool) (fixes, files int, err error) {
	byPath := map[string][]lint.Finding{}
	for _, f := range findings {
		if len(f.Fixes) > 0 {
			byPath[f.Path] = append(byPath[f.Path], f)
		}
	}
	for _, fr := range res.Files {
		fs := byPath[fr.Path]
		if len(fs) == 0 || fr.Family == nil || fr.Family.Skipped {
			continue
		}
		src := fr.Family.Source
		out, applied := lint.ApplyFixes(src.Text, fs)
		if len(applied) == 0 {
			continue
		}
		if diff {
			if _, err := io.WriteString(a.Stdout, lint.UnifiedDiff(fr.Path, string(src.Text), string(out))); err != nil {
				return 0, 0, &exitErr{code: exitError, err: err}
			}
			fixes, files = fixes+len(applied), files+1
			continue
		}
		if !src.Reversible {
			fmt.Fprintf(a.Stderr, "ladderlint: %s: mixed line endings; not fixed\n", fr.Path)
			continue
		}
		info, err := os.Stat(fr.Path)
		if err != nil {
			return 0, 0, &exitErr{code: exitError, err: err}
		}
		// a reversible source is the file as read, denormalized: the file
		// changed if it is not that now
		if now, err := os.ReadFile(fr.Path); err != nil || !bytes.Equal(now, src.Denormalize(src.Text)) {
			fmt.Fprintf(a.Stderr, "ladderlint: %s: changed during the run; not fixed\n", fr.Path)
			continue
		}
		// write the file a symbolic link points to, not over the link
		target, err := filepath.EvalSymlinks(fr.Path)
		if err != nil {
			return 0, 0, &exitErr{code: exitError, err: err}
		}
		final := src.Denormalize(out)
		if err := writeFileAtomic(target, func(w io.Writer) error { _, err := w.Write(final); return err }, info.Mode().Perm()); err != nil {
			return 0, 0, &exitErr{code: exitError, err: fmt.Errorf("--fix %s: %w", fr.Path, err)}
		}
		fixes, files = fixes+len(applied), files+1
	}
	return fixes, files, nil
}

// writeFileAtomic writes a file through a temporary file in the same folder
// and a rename, so that a reader never sees half a file and a failure leaves
// the old content in place.
func writeFileAtomic(path string, write func(io.Writer) error, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		// name the folder, not the temporary file the user never asked for
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("folder %s does not exist", dir)
		}
		return fmt.Errorf("cannot create a file in %s: %v", dir, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}
