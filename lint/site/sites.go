package site

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Config is what the link index needs from a run's configuration.
type Config struct {
	Generator string // Hugo (default) or Middleman
	// Roots are configured content roots; a relative Dir is taken from
	// BaseDir (the config file's folder). When empty, roots are discovered
	// per linted file (see Sites.For).
	Roots   []Root
	BaseDir string
	// PresetRoots are the folders, relative to a repository root, that the
	// Middleman preset serves at "/".
	PresetRoots []string
	PageFiles   []string
	Anchors     string
	MaxFileSize int64
}

// HugoPageFiles are the page files of a Hugo site.
var HugoPageFiles = []string{"_index.md", "index.md", "{name}.md"}

// Sites finds the index that serves each linted file, building every index
// once. It is safe for concurrent use.
type Sites struct {
	cfg     Config
	mu      sync.Mutex
	byDir   map[string]string // folder of a linted file -> key of its index ("" none)
	indexes map[string]*lazyIndex
	preset  map[string][]Root // folder -> the preset's source folders found in it
	files   sync.Map          // absolute path of a linted file -> fileSite (each rule asks)
	wd      string            // the working folder when the run started, for Abs
	wdErr   error
}

type fileSite struct {
	idx  *Index
	page *Page
}

type lazyIndex struct {
	once   sync.Once
	layout Layout
	idx    *Index
}

// NewSites prepares the indexes of a run.
func NewSites(cfg Config) *Sites {
	if cfg.Generator == "" {
		cfg.Generator = Hugo
	}
	if len(cfg.PageFiles) == 0 && cfg.Generator == Hugo {
		cfg.PageFiles = HugoPageFiles
	}
	if cfg.Anchors == "" {
		cfg.Anchors = GitHub
		if cfg.Generator == Middleman {
			cfg.Anchors = Kramdown
		}
	}
	s := &Sites{cfg: cfg, byDir: map[string]string{}, indexes: map[string]*lazyIndex{}, preset: map[string][]Root{}}
	s.wd, s.wdErr = os.Getwd()
	return s
}

// Abs is filepath.Abs with the working folder read once per run:
// filepath.Abs asks the system for it (two stats and a getcwd) on every
// call, and every link rule asks for every file.
func (s *Sites) Abs(file string) (string, error) {
	if filepath.IsAbs(file) {
		return filepath.Clean(file), nil
	}
	if s.wdErr != nil {
		return "", s.wdErr
	}
	return filepath.Join(s.wd, file), nil
}

// For returns the index serving a linted file and the page the file is
// there (nil when it lies outside the roots). The index is nil when no
// content root is configured or found.
//
// Without configured roots: for Hugo, the nearest folder named "content"
// above the file is the root, served at "/", with a "static" folder beside
// it (when there is one) for files; for Middleman, the nearest folder above
// the file that holds one of the preset's source folders is the
// repository, and each source folder found there is a root served at "/".
// When neither is found above the file, the config's folder and then the
// current folder are tried.
func (s *Sites) For(file string) (*Index, *Page) {
	abs, err := s.Abs(file)
	if err != nil {
		return nil, nil
	}
	if fs, ok := s.files.Load(abs); ok {
		return fs.(fileSite).idx, fs.(fileSite).page
	}
	var fs fileSite
	if l := s.lazy(filepath.Dir(abs)); l != nil {
		l.once.Do(func() { l.idx = Build(l.layout) })
		fs = fileSite{l.idx, l.idx.PageOf(abs)}
	}
	s.files.Store(abs, fs)
	return fs.idx, fs.page
}

func (s *Sites) lazy(dir string) *lazyIndex {
	s.mu.Lock()
	defer s.mu.Unlock()
	key, seen := s.byDir[dir]
	if !seen {
		roots, repo := s.roots(dir)
		if len(roots) > 0 {
			var parts []string
			for _, r := range roots {
				parts = append(parts, r.Dir+"\x00"+r.Prefix)
			}
			key = strings.Join(parts, "\x01")
			if s.indexes[key] == nil {
				l := Layout{
					Generator: s.cfg.Generator, Roots: roots, PageFiles: s.cfg.PageFiles,
					Anchors: s.cfg.Anchors, MaxFileSize: s.cfg.MaxFileSize,
				}
				if f := filepath.Join(repo, "data", "redirects.yml"); s.cfg.Generator == Middleman && repo != "" && isFile(f) {
					l.Redirects = f
				}
				s.indexes[key] = &lazyIndex{layout: l}
			}
		}
		s.byDir[dir] = key
	}
	if key == "" {
		return nil
	}
	return s.indexes[key]
}

// roots returns the content roots serving files in dir, and the folder
// they were found in (the repository, for a Middleman redirects file).
func (s *Sites) roots(dir string) ([]Root, string) {
	if len(s.cfg.Roots) > 0 {
		out := make([]Root, len(s.cfg.Roots))
		for i, r := range s.cfg.Roots {
			d := r.Dir
			if !filepath.IsAbs(d) && s.cfg.BaseDir != "" {
				d = filepath.Join(s.cfg.BaseDir, d)
			}
			if a, err := filepath.Abs(d); err == nil {
				d = a
			}
			out[i] = Root{Dir: filepath.Clean(d), Prefix: normPrefix(r.Prefix), Static: r.Static}
		}
		repo, _ := filepath.Abs(s.cfg.BaseDir)
		return out, repo
	}
	tries := []string{dir}
	if s.cfg.BaseDir != "" {
		if a, err := filepath.Abs(s.cfg.BaseDir); err == nil {
			tries = append(tries, a)
		}
	}
	if wd, err := os.Getwd(); err == nil {
		tries = append(tries, wd)
	}
	for i, t := range tries {
		var roots []Root
		var repo string
		if s.cfg.Generator == Middleman {
			roots, repo = s.middlemanRoots(t, i == 0)
		} else {
			roots = hugoRoots(t, i == 0)
			if len(roots) > 0 {
				repo = filepath.Dir(roots[0].Dir)
			}
		}
		if len(roots) > 0 {
			return roots, repo
		}
	}
	return nil, ""
}

// hugoRoots finds the nearest folder named "content" at or above dir; when
// not up, only dir itself or its "content" subfolder.
func hugoRoots(dir string, up bool) []Root {
	found := ""
	if up {
		for d := dir; found == ""; {
			if filepath.Base(d) == "content" && isDir(d) {
				found = d
			}
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	} else if filepath.Base(dir) == "content" {
		found = dir
	} else if c := filepath.Join(dir, "content"); isDir(c) {
		found = c
	}
	if found == "" {
		return nil
	}
	roots := []Root{{Dir: found, Prefix: "/"}}
	if st := filepath.Join(filepath.Dir(found), "static"); isDir(st) {
		roots = append(roots, Root{Dir: st, Prefix: "/", Static: true})
	}
	return roots
}

// middlemanRoots finds the folder at or above dir that holds the most of
// the preset's source folders (the nearest one on a tie: "source" alone
// also names a source folder's parent), and returns those folders and it.
func (s *Sites) middlemanRoots(dir string, up bool) ([]Root, string) {
	var best []Root
	repo := ""
	for d := dir; ; {
		roots, seen := s.preset[d]
		if !seen {
			for _, rel := range s.cfg.PresetRoots {
				if c := filepath.Join(d, filepath.FromSlash(rel)); isDir(c) {
					roots = append(roots, Root{Dir: c, Prefix: "/"})
				}
			}
			s.preset[d] = roots // the linted files share most of their ancestors
		}
		if len(roots) > len(best) {
			best, repo = roots, d
		}
		parent := filepath.Dir(d)
		if !up || parent == d {
			return best, repo
		}
		d = parent
	}
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
