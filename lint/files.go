package lint

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// DisplayPath is how a path appears in reports: relative to the current
// folder when it lies below it, cleaned, with '/'.
func DisplayPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// Collect turns command-line paths into the files to lint: a file is linted
// as named; a folder yields its **/*.md files. With no paths, the config's
// include globs are used. Exclude globs apply to both. Hidden folders and
// node_modules are skipped; symbolic links to folders are not followed. A
// path that does not exist is an error, as is, below a folder named on the
// command line, a folder that cannot be listed or a link named *.md that
// leads nowhere (dangling, or a loop).
func Collect(cfg *Config, args []string) ([]Input, error) {
	seen := map[string]bool{}
	var out []Input
	add := func(p string) {
		key := filepath.Clean(p)
		if seen[key] || cfg.excluded(p) {
			return
		}
		seen[key] = true
		out = append(out, Input{Path: p})
	}
	if len(args) == 0 {
		wd, _ := os.Getwd()
		for _, g := range cfg.Include {
			base := cfg.Resolve(globBase(g))
			full := cfg.Resolve(g)
			if _, err := os.Stat(base); err != nil {
				continue
			}
			err := walkMarkdown(base, cfg.MarkdownFile, func(p string) {
				if MatchGlob(filepath.ToSlash(full), filepath.ToSlash(p)) {
					add(relToWD(wd, p))
				}
			}, false)
			if err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, &ReadError{Path: DisplayPath(a), Err: unwrapPathError(err)}
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		var files []string
		if err := walkMarkdown(a, cfg.MarkdownFile, func(p string) { files = append(files, p) }, true); err != nil {
			return nil, err
		}
		for _, p := range files {
			add(p)
		}
	}
	return out, nil
}

// relToWD returns p relative to the working folder wd when it is absolute
// (an include taken from the repository root or the config's folder), as
// git shows paths from a subfolder ("../other/page.md").
func relToWD(wd, p string) string {
	if wd == "" || !filepath.IsAbs(p) {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}

// MarkdownFile reports whether a file name is a page the linter reads when
// it walks a folder: *.md, and with the Middleman layout also *.md.erb (the
// pre-2023 handbook's pages with Ruby templating).
func (cfg *Config) MarkdownFile(name string) bool {
	return strings.HasSuffix(name, ".md") || cfg.Site.Layout == "middleman" && strings.HasSuffix(name, ".md.erb")
}

// walkMarkdown calls fn for every page file below root, in lexical order.
func walkMarkdown(root string, isPage func(string) bool, fn func(string), strict bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root || strict && !os.IsNotExist(err) {
				return &ReadError{Path: DisplayPath(p), Err: unwrapPathError(err)}
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// a link to a file is linted; a link to a folder is not followed;
			// a page that links nowhere (dangling, or a loop) cannot be read
			st, err := os.Stat(p)
			if err != nil && strict && strings.HasSuffix(name, ".md") {
				return &ReadError{Path: DisplayPath(p), Err: unwrapPathError(err)}
			}
			if err != nil || st.IsDir() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if isPage(name) {
			fn(p)
		}
		return nil
	})
}

// excluded reports whether a path matches an exclude glob.
func (cfg *Config) excluded(p string) bool {
	sp := filepath.ToSlash(filepath.Clean(p))
	for _, g := range cfg.Exclude {
		full := filepath.ToSlash(cfg.Resolve(g))
		if MatchGlob(full, sp) || MatchGlob(g, sp) || MatchGlob("**/"+strings.TrimPrefix(g, "/"), sp) {
			return true
		}
	}
	return false
}

// globBase returns the folder part of a glob before its first wildcard.
func globBase(g string) string {
	parts := strings.Split(filepath.ToSlash(g), "/")
	var base []string
	for _, p := range parts {
		if strings.ContainsAny(p, "*?[") {
			break
		}
		base = append(base, p)
	}
	if len(base) == len(parts) {
		base = base[:len(base)-1]
	}
	if len(base) == 0 {
		return "."
	}
	return strings.Join(base, "/")
}

// MatchGlob matches a slash path against a glob where "**" matches any
// number of folders and "*", "?" and "[...]" match within one segment.
func MatchGlob(glob, p string) bool {
	glob = strings.TrimPrefix(path.Clean(glob), "./")
	p = strings.TrimPrefix(path.Clean(p), "./")
	return matchSegs(strings.Split(glob, "/"), strings.Split(p, "/"))
}

func matchSegs(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchSegs(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, err := path.Match(g[0], p[0]); err != nil || !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}

// SortInputs orders inputs by path, for deterministic runs.
func SortInputs(in []Input) {
	sort.Slice(in, func(i, j int) bool { return in[i].Path < in[j].Path })
}
