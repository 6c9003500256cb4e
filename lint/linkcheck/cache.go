package linkcheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// cacheFile is the cache's format on disk.
type cacheFile struct {
	Version int               `json:"version"`
	Results map[string]Result `json:"results"`
}

const cacheVersion = 1

// maxCacheSize bounds the cache file read.
const maxCacheSize = 64 << 20

func loadCache(path string) map[string]Result {
	out := map[string]Result{}
	if path == "" {
		return out
	}
	st, err := os.Stat(path)
	if err != nil || st.Size() > maxCacheSize {
		return out
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	var f cacheFile
	if json.Unmarshal(b, &f) != nil || f.Version != cacheVersion {
		return out
	}
	for u, r := range f.Results {
		if r.Answer() { // failures written by older versions are asked again
			out[u] = r
		}
	}
	return out
}

// saveCache writes the results still within maxAge, atomically (a
// temporary file renamed over the old one).
func saveCache(path string, results map[string]Result, now time.Time, maxAge time.Duration) error {
	f := cacheFile{Version: cacheVersion, Results: map[string]Result{}}
	for u, r := range results {
		if age := now.Sub(r.Checked); age < maxAge && age >= 0 {
			f.Results[u] = r
		}
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".linkcheck-*.json")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
