package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Cache keeps, between local runs, the per-file summaries of the
// cross-file rules (Rule.Collect) of the files a run reads, keyed by the
// file's absolute path, size and modification time, and by whether the
// file's findings were reported (--new-from-rev collects less of the other
// files). A cache file also names the tool (version and executable) and
// the config (rules, severities, options) it was written with; a file for
// another tool or config, or one that cannot be read, is ignored and
// rewritten. Only rules that can encode their summaries (Rule.EncodeSummary)
// are cached; the others collect as in a run without a cache.
//
// A cache never changes a report: a hit gives the summary the rule's
// Collect would return for the same bytes. What it cannot see is a file
// rewritten with the same size within its timestamp's resolution: an
// entry is not written for a file modified in the last two seconds.
type Cache struct {
	path string // the cache file
	key  string // tool and config

	mu      sync.Mutex
	old     map[string]*cacheEntry // read from the file
	entries map[string]*cacheEntry // this run's, by entryKey
	dirty   bool                   // an entry differs from the file's: Save writes
	hits    int
	misses  int
}

// cacheEntry is what the cache holds of one file.
type cacheEntry struct {
	Size       int64
	ModTime    int64 // nanoseconds since 1970
	Unreported bool
	Summaries  map[string][]byte // by rule ID
}

// cacheFile is the stored form.
type cacheFile struct {
	Format  string
	Key     string
	Entries map[string]*cacheEntry
}

const (
	cacheFormat = "ladderlint-summaries-1"
	// MaxCacheEntries bounds a cache file: the files of this run are kept
	// first, then those of earlier runs, up to this many.
	MaxCacheEntries = 20000
	// maxCacheBytes is the largest cache file read or written.
	maxCacheBytes = 64 << 20
	// cacheRacyAge: a file modified less than this long ago is not cached
	// (an edit in the same timestamp tick would keep its size and time).
	cacheRacyAge = 2 * time.Second
)

// CacheDir is the folder of the cache for a repository: the user cache
// folder's ladderlint/<hash of the root's absolute path>.
func CacheDir(root string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "ladderlint", hex.EncodeToString(h[:8])), nil
}

// OpenCache reads the cache in dir for the engine's tool and config. A
// missing, corrupt or foreign cache file gives an empty cache: never an
// error for the user.
func (e *Engine) OpenCache(dir string) *Cache {
	c := &Cache{path: filepath.Join(dir, "summaries.gob"), key: e.cacheKey(), entries: map[string]*cacheEntry{}}
	c.old = readCacheFile(c.path, c.key)
	return c
}

func readCacheFile(path, key string) map[string]*cacheEntry {
	st, err := os.Stat(path)
	if err != nil || st.Size() > maxCacheBytes {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var cf cacheFile
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&cf); err != nil {
		return nil
	}
	if cf.Format != cacheFormat || cf.Key != key {
		return nil
	}
	return cf.Entries
}

// cacheKey names the tool and the config: what, besides a file's bytes,
// the summaries depend on.
func (e *Engine) cacheKey() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", cacheFormat, Version)
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			// a rebuilt binary is another tool, whatever its version says
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00", exe, st.Size(), st.ModTime().UnixNano())
		}
	}
	cfg, _ := json.Marshal(e.Config)
	h.Write(cfg)
	h.Write([]byte{0})
	h.Write(e.Config.requiredSchemaRaw)
	for _, a := range e.rules {
		opts, err := json.Marshal(a.opts)
		if err != nil {
			opts = []byte(fmt.Sprintf("%#v", a.opts))
		}
		fmt.Fprintf(h, "\x00%s\x00%d\x00%t\x00%t\x00%s", a.rule.ID, a.severity, a.fixed, a.local, opts)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fileStamp is a file's size and modification time, for the cache.
type fileStamp struct {
	size    int64
	modTime int64
	ok      bool
}

func stampOf(path string) fileStamp {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return fileStamp{}
	}
	return fileStamp{size: st.Size(), modTime: st.ModTime().UnixNano(), ok: true}
}

// cacheLookup returns the cached entry of a file whose stamp and
// reporting match, or nil.
func (c *Cache) lookup(abs string, st fileStamp, unreported bool) *cacheEntry {
	if c == nil || !st.ok {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ce := c.old[entryKey(abs, unreported)]
	if ce == nil || ce.Size != st.size || ce.ModTime != st.modTime || ce.Unreported != unreported {
		return nil
	}
	return ce
}

// entryKey is where a file's entry is kept: a file is cached apart for
// runs that report it and runs that do not (--new-from-rev collects less
// of it), so that alternating the two does not empty the cache.
func entryKey(abs string, unreported bool) string {
	if unreported {
		return abs + "\x00unreported"
	}
	return abs
}

// store records a file's encodable summaries for the next run.
func (c *Cache) store(abs string, st fileStamp, unreported bool, sums map[string][]byte, hit bool) {
	if c == nil || !st.ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if hit {
		c.hits++
	} else {
		c.misses++
	}
	if time.Since(time.Unix(0, st.modTime)) < cacheRacyAge {
		return
	}
	k := entryKey(abs, unreported)
	ce := &cacheEntry{Size: st.size, ModTime: st.modTime, Unreported: unreported, Summaries: sums}
	if !c.dirty && !sameEntry(c.old[k], ce) {
		c.dirty = true
	}
	c.entries[k] = ce
}

// sameEntry reports whether two entries hold the same.
func sameEntry(a, b *cacheEntry) bool {
	if a == nil || b == nil || a.Size != b.Size || a.ModTime != b.ModTime || a.Unreported != b.Unreported || len(a.Summaries) != len(b.Summaries) {
		return false
	}
	for id, v := range a.Summaries {
		if w, ok := b.Summaries[id]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// Stats returns how many files had a summary from the cache, and how many
// had none.
func (c *Cache) Stats() (hits, misses int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// Save writes the cache: this run's entries, then earlier runs' for files
// this run did not read, up to MaxCacheEntries and maxCacheBytes. It writes
// a temporary file and renames it, so that a reader never sees half a
// cache. A run whose entries are all the same as the file's (a pre-commit
// run after one whose pages are the same) leaves the file as it is. A
// failure is returned for the caller to ignore or mention; the run's
// report does not depend on it.
func (c *Cache) Save() error {
	c.mu.Lock()
	if !c.dirty && c.old != nil {
		c.mu.Unlock()
		return nil
	}
	cf := cacheFile{Format: cacheFormat, Key: c.key, Entries: make(map[string]*cacheEntry, len(c.entries))}
	for k, v := range c.entries {
		cf.Entries[k] = v
	}
	var older []string
	for k := range c.old {
		if _, ok := cf.Entries[k]; !ok {
			older = append(older, k)
		}
	}
	sort.Strings(older)
	for _, k := range older {
		if len(cf.Entries) >= MaxCacheEntries {
			break
		}
		cf.Entries[k] = c.old[k]
	}
	c.mu.Unlock()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&cf); err != nil {
		return err
	}
	if buf.Len() > maxCacheBytes {
		return fmt.Errorf("cache of %d bytes is over the %d-byte bound: not written", buf.Len(), maxCacheBytes)
	}
	dir := filepath.Dir(c.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".summaries-*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), c.path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// cacheCtx is what the engine knows of a file for the cache.
type cacheCtx struct {
	absPath string
	stamp   fileStamp
}

// cacheCtx returns the cache context of a file read from disk, or nil when
// the run has no cache.
func (e *Engine) cacheCtx(path string) *cacheCtx {
	if e.Cache == nil {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	return &cacheCtx{absPath: abs, stamp: stampOf(abs)}
}

func (cc *cacheCtx) abs() string {
	if cc == nil {
		return ""
	}
	return cc.absPath
}

func (cc *cacheCtx) stampOrZero() fileStamp {
	if cc == nil {
		return fileStamp{}
	}
	return cc.stamp
}

// cachedSummary decodes a rule's summary from a cache entry, and returns
// it with its bytes; bytes that do not decode (or a decoder that panics)
// are a miss.
func (e *Engine) cachedSummary(r *Rule, ce *cacheEntry) (any, []byte, bool) {
	if ce == nil || r.DecodeSummary == nil {
		return nil, nil, false
	}
	b, found := ce.Summaries[r.ID]
	if !found {
		return nil, nil, false
	}
	var v any
	var derr error
	if err := safeRun("the cache of rule "+r.ID, "", func() { v, derr = r.DecodeSummary(e.Env, b) }); err != nil || derr != nil {
		return nil, nil, false
	}
	return v, b, true
}

// fromCache gives the run a file it does not read: one whose findings are
// not reported and whose cache entry holds a summary of every cross-file
// rule that looks at more than one file (a rule local to each file does
// not run on it, nor does a per-file rule). fr then gets a stand-in model
// with the file's path and the decoded summaries, and the entry is kept.
// It returns false, and the file is read as usual, when any summary is
// missing or does not decode, or a rule without an encodable summary needs
// the model.
func (e *Engine) fromCache(fr *FileResult, cc *cacheCtx) bool {
	if cc == nil || e.Reported == nil || e.Reported(fr.Path) {
		return false
	}
	ce := e.Cache.lookup(cc.absPath, cc.stamp, true)
	if ce == nil {
		return false
	}
	var checked []string
	sums := map[*Rule]any{}
	for _, a := range e.rules {
		if !a.rule.CrossFile() {
			continue
		}
		checked = append(checked, a.rule.ID)
		if a.local {
			continue
		}
		if a.rule.Collect == nil {
			return false // reads the model
		}
		v, _, hit := e.cachedSummary(a.rule, ce)
		if !hit {
			return false
		}
		sums[a.rule] = v
	}
	sort.Strings(checked)
	fr.Family = &model.Family{Path: fr.Path, Source: model.NewSource(nil)}
	fr.Checked, fr.summaries, fr.Summarized = checked, sums, true
	e.Cache.store(cc.absPath, cc.stamp, true, ce.Summaries, true)
	return true
}
