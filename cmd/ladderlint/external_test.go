package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestExternalFlag checks that link-external runs only with --external,
// against a local server.
func TestExternalFlag(t *testing.T) {
	var hits int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()
	dir := t.TempDir()
	page := filepath.Join(dir, "page.md")
	if err := os.WriteFile(page, []byte("---\ntitle: X\n---\n\n[gone]("+srv.URL+"/gone)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "cfg.yml")
	if err := os.WriteFile(cfg, []byte("rules:\n  link-external:\n    cache: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []string {
		var out, errb bytes.Buffer
		a := NewApp(&out, &errb)
		a.Run(append([]string{"ladderlint", "lint", "-c", cfg, "--format", "json"}, append(args, page)...))
		var rep struct {
			Findings []struct{ Rule string } `json:"findings"`
		}
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("%v: %s %s", err, out.String(), errb.String())
		}
		var rules []string
		for _, f := range rep.Findings {
			rules = append(rules, f.Rule)
		}
		return rules
	}
	if got := run(); strings.Contains(strings.Join(got, " "), "link-external") || atomic.LoadInt32(&hits) != 0 {
		t.Errorf("link-external ran without --external: %v, %d requests", got, hits)
	}
	if got := run("--external"); !strings.Contains(strings.Join(got, " "), "link-external") {
		t.Errorf("--external: findings %v", got)
	}
}
