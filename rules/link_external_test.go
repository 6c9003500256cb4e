package rules

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// TestLinkExternal runs link-external against a local server only: dead,
// failing, moved and fine URLs, checked once each however often they are
// linked, with the cache answering a second run.
func TestLinkExternal(t *testing.T) {
	var requests int32 // but /down's: a failing server is asked again each run
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/down" {
			atomic.AddInt32(&requests, 1)
		}
		switch r.URL.Path {
		case "/ok", "/new":
			w.WriteHeader(200)
		case "/moved":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/down":
			w.WriteHeader(http.StatusBadGateway)
		case "/private":
			w.WriteHeader(http.StatusForbidden)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	cache := filepath.Join(t.TempDir(), "links.json")
	cfg, err := lint.ParseConfig("test.yml", []byte(fmt.Sprintf(
		"rules:\n  link-external:\n    cache: %q\n    retries: 1\n    backoff: 1ms\n    timeout: 5s\n    ignore: [%q]\n",
		cache, srv.URL+"/ignored")))
	if err != nil {
		t.Fatal(err)
	}
	page := "---\ntitle: External\n---\n\n" +
		"[fine](URL/ok#frag) [gone](URL/gone) [down](URL/down)\n" +
		"[moved](URL/moved) [private](URL/private) [ignored](URL/ignored/x)\n" +
		"<URL/gone> [own site](https://handbook.gitlab.com/handbook/) [mail](mailto:a@example.com)\n"
	page = strings.ReplaceAll(page, "URL", srv.URL)
	other := strings.ReplaceAll("---\ntitle: Other\n---\n\nAlso [gone](URL/gone).\n", "URL", srv.URL)
	files := map[string]string{"a.md": page, "b.md": other}
	res := linttest.Lint(t, cfg, files, "link-external")
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", f.Path, f.Line, f.Column, strings.ReplaceAll(f.Message, srv.URL, "URL")))
	}
	sort.Strings(got)
	// (a permanent redirect is reported at info severity, but enabling an
	// optional rule sets its severity, which then applies to every finding)
	// columns: where each URL is written
	col := func(text string, line int, url string) int {
		return strings.Index(strings.Split(text, "\n")[line-1], srv.URL+url) + 1
	}
	want := []string{
		fmt.Sprintf("a.md:5:%d URL/gone is dead: 404 Not Found", col(page, 5, "/gone")),
		fmt.Sprintf("a.md:5:%d URL/down keeps failing: 502 Bad Gateway (2 tries)", col(page, 5, "/down")),
		"a.md:6:9 URL/moved has moved permanently to URL/new: link there",
		"a.md:7:2 URL/gone is dead: 404 Not Found",
		"b.md:5:13 URL/gone is dead: 404 Not Found",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	first := atomic.LoadInt32(&requests)
	// HEAD and GET for each dead or failing try, HEAD for the rest
	if first == 0 || first > 20 {
		t.Errorf("%d requests", first)
	}
	res2 := linttest.Lint(t, cfg, files, "link-external")
	if len(res2.Findings) != len(res.Findings) {
		t.Errorf("second run: %d findings, want %d", len(res2.Findings), len(res.Findings))
	}
	if n := atomic.LoadInt32(&requests); n != first {
		t.Errorf("second run made %d requests for answered URLs; the cache should answer", n-first)
	}
}

func TestLinkExternalOff(t *testing.T) {
	if lint.DefaultConfig().Severity(linkExternalRule) != 0 {
		t.Error("link-external is on by default")
	}
	if _, err := lint.ParseConfig("x.yml", []byte("rules:\n  link-external:\n    per_host: 0\n")); err == nil {
		t.Error("per_host 0 accepted")
	}
	if _, err := lint.ParseConfig("x.yml", []byte("rules:\n  link-external:\n    timeout: soon\n")); err == nil {
		t.Error("a timeout that is not a duration accepted")
	}
}
