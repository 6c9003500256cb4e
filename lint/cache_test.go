package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheFile: entries written are read back by an engine of the same
// config and matched by size, time and reporting only; another config, a
// corrupt file or an old-format file gives an empty cache; a file modified
// in the last two seconds is not kept; the file is bounded and no
// temporary file is left; a run that changes no entry does not write it.
func TestCacheFile(t *testing.T) {
	dir := t.TempDir()
	eng, err := NewEngine(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour).UnixNano()
	st := fileStamp{size: 10, modTime: old, ok: true}
	c := eng.OpenCache(dir)
	c.store("/a.md", st, true, map[string][]byte{"misspelling": []byte("x")}, false)
	c.store("/fresh.md", fileStamp{size: 1, modTime: time.Now().UnixNano(), ok: true}, true, nil, false)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = eng.OpenCache(dir)
	if ce := c.lookup("/a.md", st, true); ce == nil || string(ce.Summaries["misspelling"]) != "x" {
		t.Fatalf("entry not read back: %+v", ce)
	}
	for _, miss := range []struct {
		st         fileStamp
		unreported bool
	}{{fileStamp{size: 11, modTime: old, ok: true}, true}, {fileStamp{size: 10, modTime: old + 1, ok: true}, true}, {st, false}} {
		if c.lookup("/a.md", miss.st, miss.unreported) != nil {
			t.Errorf("hit for %+v unreported %v", miss.st, miss.unreported)
		}
	}
	if c.lookup("/fresh.md", fileStamp{size: 1, modTime: time.Now().UnixNano(), ok: true}, true) != nil {
		t.Error("a file modified just now was kept")
	}
	// another config: ignored
	cfg := DefaultConfig()
	cfg.MaxFileSize = 12345
	other, _ := NewEngine(cfg)
	if c := other.OpenCache(dir); c.lookup("/a.md", st, true) != nil {
		t.Error("a cache of another config was used")
	}
	// corrupt: ignored
	file := filepath.Join(dir, "summaries.gob")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, data[:len(data)/2], 0o644)
	if c := eng.OpenCache(dir); c.lookup("/a.md", st, true) != nil {
		t.Error("a truncated cache was used")
	}
	// bounded: this run's entries first, then older ones up to the bound
	c = eng.OpenCache(dir)
	for i := 0; i < MaxCacheEntries+10; i++ {
		c.store(fmt.Sprintf("/p%d.md", i), st, true, nil, false)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if n := len(eng.OpenCache(dir).old); n != MaxCacheEntries+10 {
		t.Errorf("%d entries of this run kept, want %d", n, MaxCacheEntries+10)
	}
	c = eng.OpenCache(dir)
	c.store("/new.md", st, true, nil, false)
	c.Save()
	if n := len(eng.OpenCache(dir).old); n != MaxCacheEntries {
		t.Errorf("%d entries after a run of one file, want the bound %d", n, MaxCacheEntries)
	}
	if eng.OpenCache(dir).lookup("/new.md", st, true) == nil {
		t.Error("this run's entry was dropped for older ones")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 {
		t.Errorf("files in the cache folder: %v", files)
	}
	// a run whose entries are the file's leaves the file alone; one with
	// an entry that differs (its summaries) writes it
	sums := map[string][]byte{"misspelling": []byte("x")}
	c = eng.OpenCache(dir)
	c.store("/a.md", st, true, sums, false)
	c.Save()
	was, _ := os.Stat(file)
	rewritten := func() bool {
		now, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		same := os.SameFile(was, now)
		was = now
		return !same
	}
	c = eng.OpenCache(dir)
	c.store("/a.md", st, true, map[string][]byte{"misspelling": []byte("x")}, true)
	if c.Save(); rewritten() {
		t.Error("the cache file was written again with the same entries")
	}
	c = eng.OpenCache(dir)
	c.store("/a.md", st, true, map[string][]byte{"misspelling": []byte("y")}, false)
	if c.Save(); !rewritten() {
		t.Error("an entry whose summary changed was not written")
	}
	if ce := eng.OpenCache(dir).lookup("/a.md", st, true); ce == nil || string(ce.Summaries["misspelling"]) != "y" {
		t.Errorf("entry after the change: %+v", ce)
	}
	c = eng.OpenCache(dir)
	c.store("/b.md", st, true, nil, false)
	if c.Save(); !rewritten() {
		t.Error("a new entry was not written")
	}
}
