package linkcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recorder is a test server that counts requests per method and path and
// the most requests it had in flight at once.
type recorder struct {
	mu       sync.Mutex
	hits     map[string]int
	inFlight int32
	maxSeen  int32
	handler  func(w http.ResponseWriter, r *http.Request, n int)
}

func newServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int)) (*httptest.Server, *recorder) {
	rec := &recorder{hits: map[string]int{}, handler: h}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := atomic.AddInt32(&rec.inFlight, 1)
		defer atomic.AddInt32(&rec.inFlight, -1)
		for {
			m := atomic.LoadInt32(&rec.maxSeen)
			if n <= m || atomic.CompareAndSwapInt32(&rec.maxSeen, m, n) {
				break
			}
		}
		rec.mu.Lock()
		key := r.Method + " " + r.URL.Path
		rec.hits[key]++
		count := rec.hits[key]
		rec.mu.Unlock()
		rec.handler(w, r, count)
	}))
	t.Cleanup(srv.Close)
	return srv, rec
}

func (r *recorder) count(key string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits[key]
}

// quick returns a checker whose backoff waits are recorded, not slept.
func quick(o Options) (*Checker, *[]time.Duration) {
	var waits []time.Duration
	var mu sync.Mutex
	c := New(o)
	c.sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return nil
	}
	return c, &waits
}

func TestVerdicts(t *testing.T) {
	srv, rec := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/ok":
			w.WriteHeader(200)
		case "/no-head":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
				return
			}
			w.WriteHeader(200)
		case "/gone":
			w.WriteHeader(http.StatusGone)
		case "/moved":
			http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
		case "/moved-308":
			http.Redirect(w, r, "/ok", http.StatusPermanentRedirect)
		case "/moved-to-dead":
			http.Redirect(w, r, "/gone", http.StatusMovedPermanently)
		case "/temporary":
			http.Redirect(w, r, "/ok", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/forbidden":
			w.WriteHeader(http.StatusForbidden)
		default:
			w.WriteHeader(404)
		}
	})
	c, _ := quick(Options{})
	want := map[string]Verdict{
		"/ok": OK, "/no-head": OK, "/gone": Dead, "/missing": Dead, "/moved": Moved, "/moved-308": Moved,
		"/moved-to-dead": Dead, "/temporary": OK, "/loop": Dead, "/forbidden": Unknown,
	}
	var urls []string
	for p := range want {
		urls = append(urls, srv.URL+p)
	}
	res, err := c.Check(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	for p, v := range want {
		if got := res[srv.URL+p].Verdict(); got != v {
			t.Errorf("%s: verdict %d, want %d (%+v)", p, got, v, res[srv.URL+p])
		}
	}
	if r := res[srv.URL+"/moved"]; r.Redirect != srv.URL+"/ok" || !r.Permanent {
		t.Errorf("/moved: %+v", r)
	}
	if rec.count("HEAD /no-head") != 1 || rec.count("GET /no-head") != 1 {
		t.Errorf("HEAD then GET: %v", rec.hits)
	}
	if rec.count("GET /ok") != 0 {
		t.Errorf("GET made where HEAD answered: %v", rec.hits)
	}
}

func TestRetries(t *testing.T) {
	srv, rec := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/busy": // 429 twice (HEAD), then fine
			if n <= 2 {
				w.Header().Set("Retry-After", "3")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			w.WriteHeader(200)
		case "/down":
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	c, waits := quick(Options{Retries: 2, Backoff: 100 * time.Millisecond, MaxBackoff: 2 * time.Second})
	res, err := c.Check(context.Background(), []string{srv.URL + "/busy"})
	if err != nil {
		t.Fatal(err)
	}
	if r := res[srv.URL+"/busy"]; r.Verdict() != OK || r.Tries != 3 {
		t.Errorf("/busy: %+v", r)
	}
	// Retry-After (3s) wins over the backoff but is capped at MaxBackoff
	if len(*waits) != 2 || (*waits)[0] != 2*time.Second || (*waits)[1] != 2*time.Second {
		t.Errorf("waits: %v", *waits)
	}
	c, waits = quick(Options{Retries: 2, Backoff: 100 * time.Millisecond})
	res, _ = c.Check(context.Background(), []string{srv.URL + "/down"})
	if r := res[srv.URL+"/down"]; r.Verdict() != Failing || r.Tries != 3 {
		t.Errorf("/down: %+v", r)
	}
	if len(*waits) != 2 || (*waits)[0] != 100*time.Millisecond || (*waits)[1] != 200*time.Millisecond {
		t.Errorf("exponential backoff: %v", *waits)
	}
	// each try is a HEAD and, after a 5xx, a GET
	if rec.count("HEAD /down") != 3 || rec.count("GET /down") != 3 {
		t.Errorf("requests: %v", rec.hits)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	c, _ := quick(Options{Timeout: 50 * time.Millisecond, Retries: -1})
	start := time.Now()
	res, _ := c.Check(context.Background(), []string{srv.URL + "/slow"})
	r := res[srv.URL+"/slow"]
	if r.Verdict() != Unreached || r.Err == "" {
		t.Errorf("slow: %+v", r)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeout not applied: %v", d)
	}
}

func TestConcurrencyLimits(t *testing.T) {
	slow := func(w http.ResponseWriter, r *http.Request, n int) {
		time.Sleep(20 * time.Millisecond)
		w.WriteHeader(200)
	}
	a, recA := newServer(t, slow)
	b, recB := newServer(t, slow)
	var urls []string
	for i := 0; i < 12; i++ {
		urls = append(urls, a.URL+"/p"+string(rune('a'+i)), b.URL+"/p"+string(rune('a'+i)))
	}
	c, _ := quick(Options{Concurrency: 3, PerHost: 2})
	res, err := c.Check(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range urls {
		if res[u].Verdict() != OK {
			t.Fatalf("%s: %+v", u, res[u])
		}
	}
	if recA.maxSeen > 2 || recB.maxSeen > 2 {
		t.Errorf("per-host limit 2 exceeded: %d, %d", recA.maxSeen, recB.maxSeen)
	}
}

func TestGlobalLimit(t *testing.T) {
	var inFlight, maxSeen int32
	var servers []*httptest.Server
	for i := 0; i < 4; i++ {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := atomic.AddInt32(&inFlight, 1)
			defer atomic.AddInt32(&inFlight, -1)
			for {
				m := atomic.LoadInt32(&maxSeen)
				if n <= m || atomic.CompareAndSwapInt32(&maxSeen, m, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
		}))
		defer srv.Close()
		servers = append(servers, srv)
	}
	var urls []string
	for _, s := range servers {
		for i := 0; i < 4; i++ {
			urls = append(urls, s.URL+"/"+string(rune('a'+i)))
		}
	}
	c, _ := quick(Options{Concurrency: 3, PerHost: 4})
	if _, err := c.Check(context.Background(), urls); err != nil {
		t.Fatal(err)
	}
	if maxSeen > 3 {
		t.Errorf("global limit 3 exceeded: %d in flight", maxSeen)
	}
}

func TestCache(t *testing.T) {
	srv, rec := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/dead" {
			w.WriteHeader(404)
			return
		}
		w.WriteHeader(200)
	})
	path := filepath.Join(t.TempDir(), "cache", "links.json")
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	urls := []string{srv.URL + "/ok", srv.URL + "/dead", srv.URL + "/ok"}
	c, _ := quick(Options{Cache: path, MaxAge: time.Hour, Now: clock})
	res, err := c.Check(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[srv.URL+"/dead"].Verdict() != Dead || res[srv.URL+"/ok"].Cached {
		t.Fatalf("first run: %+v", res)
	}
	var f cacheFile
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &f) != nil || len(f.Results) != 2 {
		t.Fatalf("cache file: %v %s", err, b)
	}
	heads := rec.count("HEAD /ok")
	now = now.Add(30 * time.Minute)
	c, _ = quick(Options{Cache: path, MaxAge: time.Hour, Now: clock})
	res, _ = c.Check(context.Background(), urls)
	if !res[srv.URL+"/ok"].Cached || res[srv.URL+"/dead"].Verdict() != Dead || rec.count("HEAD /ok") != heads {
		t.Errorf("second run within max age hit the server: %+v %v", res, rec.hits)
	}
	now = now.Add(2 * time.Hour)
	c, _ = quick(Options{Cache: path, MaxAge: time.Hour, Now: clock})
	res, _ = c.Check(context.Background(), urls)
	if res[srv.URL+"/ok"].Cached || rec.count("HEAD /ok") != heads+1 {
		t.Errorf("stale cache entry reused: %+v", res)
	}
	// a cache file that is not ours is ignored, then replaced
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ = quick(Options{Cache: path, MaxAge: time.Hour, Now: clock})
	if _, err := c.Check(context.Background(), urls[:1]); err != nil {
		t.Errorf("unreadable cache: %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"": 0, "5": 5 * time.Second, "-1": 0, "soon": 0,
		now.Add(7 * time.Second).Format(http.TimeFormat): 7 * time.Second,
	} {
		if got := retryAfter(in, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// closedURL returns an http URL on a loopback port nothing listens on.
func closedURL(t *testing.T, host string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return fmt.Sprintf("http://%s:%d/page", host, port)
}

// Failures to ask are not cached: a link that could not be reached (or a
// server failing for now) is asked again on the next run, and a failure an
// older cache file holds is not trusted.
func TestFailuresNotCached(t *testing.T) {
	var up atomic.Bool
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.URL.Path == "/busy":
			w.WriteHeader(503)
		case !up.Load():
			// the connection drops: a network error, not an answer
			hj, _ := w.(http.Hijacker)
			conn, _, _ := hj.Hijack()
			conn.Close()
		default:
			w.WriteHeader(200)
		}
	})
	path := filepath.Join(t.TempDir(), "links.json")
	closed := closedURL(t, "127.0.0.1")
	urls := []string{srv.URL + "/page", srv.URL + "/busy", closed}
	c, _ := quick(Options{Cache: path, Retries: -1})
	res, err := c.Check(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	if res[srv.URL+"/page"].Verdict() != Unreached || res[closed].Verdict() != Unreached || res[srv.URL+"/busy"].Verdict() != Failing {
		t.Fatalf("first run: %+v", res)
	}
	var f cacheFile
	if b, err := os.ReadFile(path); err != nil || json.Unmarshal(b, &f) != nil {
		t.Fatalf("cache file: %v", err)
	}
	if len(f.Results) != 0 {
		t.Errorf("failures were cached: %+v", f.Results)
	}
	up.Store(true)
	c, _ = quick(Options{Cache: path, Retries: -1})
	res, _ = c.Check(context.Background(), urls[:1])
	if r := res[srv.URL+"/page"]; r.Cached || r.Verdict() != OK {
		t.Errorf("second run with the network back: %+v", r)
	}
	// a failure an older version wrote is asked again
	old := cacheFile{Version: cacheVersion, Results: map[string]Result{
		srv.URL + "/page": {Err: "dial tcp: lookup example.com: no such host", Checked: time.Now()},
	}}
	b, _ := json.Marshal(old)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ = quick(Options{Cache: path, Retries: -1})
	res, _ = c.Check(context.Background(), urls[:1])
	if r := res[srv.URL+"/page"]; r.Cached || r.Verdict() != OK {
		t.Errorf("a cached failure was trusted: %+v", r)
	}
}

func TestNetworkDown(t *testing.T) {
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { w.WriteHeader(200) })
	a, b := closedURL(t, "127.0.0.1"), closedURL(t, "localhost")
	c, _ := quick(Options{Retries: -1})
	res, _ := c.Check(context.Background(), []string{a, b, a + "/other"})
	if down, hosts, first := NetworkDown(res); !down || hosts != 2 || first == "" {
		t.Errorf("two unreachable hosts: down %v, %d hosts, %q", down, hosts, first)
	}
	// near misses: one host that answers means the network is up; one
	// refused host alone is that host's problem
	res, _ = c.Check(context.Background(), []string{a, b, srv.URL + "/"})
	if down, _, _ := NetworkDown(res); down {
		t.Error("network called down while a server answered")
	}
	res, _ = c.Check(context.Background(), []string{a})
	if down, _, _ := NetworkDown(res); down {
		t.Error("one refused port called the network down")
	}
	// cached answers do not count for or against
	res = map[string]Result{a: {Err: "connect: network is unreachable"}, srv.URL: {Status: 200, Cached: true}}
	if down, _, _ := NetworkDown(res); !down {
		t.Error("network is unreachable not called down")
	}
}
