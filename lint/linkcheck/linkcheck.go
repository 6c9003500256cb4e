// Package linkcheck checks external URLs over the network: bounded
// concurrency overall and per host, a timeout per request, retries with
// exponential backoff on 429 and 5xx answers and network errors (honouring
// Retry-After), HEAD first and GET when HEAD is refused, redirects followed
// by hand so that a permanent one is seen, and results kept in a cache file
// for a maximum age.
package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a Checker. Zero values take the defaults.
type Options struct {
	Concurrency int           // requests in flight overall (default 8)
	PerHost     int           // requests in flight per host (default 2)
	Timeout     time.Duration // per request (default 10s)
	Retries     int           // retries after a 429, a 5xx or a network error (default 2; -1 for none)
	Backoff     time.Duration // wait before the first retry, doubled each time (default 1s)
	MaxBackoff  time.Duration // longest wait, Retry-After included (default 30s)
	MaxRedirect int           // redirects followed (default 10)
	UserAgent   string        // default "ladderlint-linkcheck/1"
	// Cache is a JSON file of earlier results; "" keeps none. MaxAge is how
	// long a result stays good (default 24h).
	Cache  string
	MaxAge time.Duration
	// Client makes the requests (tests give one bound to a local server);
	// its redirect policy is replaced so that redirects are seen.
	Client *http.Client
	Now    func() time.Time
}

func (o *Options) defaults() {
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 2
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 30 * time.Second
	}
	if o.MaxRedirect <= 0 {
		o.MaxRedirect = 10
	}
	if o.UserAgent == "" {
		o.UserAgent = "ladderlint-linkcheck/1"
	}
	if o.MaxAge <= 0 {
		o.MaxAge = 24 * time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Result is what a URL answered.
type Result struct {
	Status int    `json:"status,omitempty"` // final HTTP status, after redirects; 0 on a network error
	Err    string `json:"error,omitempty"`  // network error
	// Redirect is the first redirect's target and Permanent whether it
	// was a 301 or 308; Final is where the redirects ended.
	Redirect  string    `json:"redirect,omitempty"`
	Permanent bool      `json:"permanent,omitempty"`
	Final     string    `json:"final,omitempty"`
	Tries     int       `json:"tries"`
	Checked   time.Time `json:"checked"`
	Cached    bool      `json:"-"`
}

// Verdict sorts results for reporting.
type Verdict int

// Verdicts.
const (
	OK        Verdict = iota // 2xx
	Moved                    // a permanent redirect to a page that answers
	Dead                     // 404, 410 or another 4xx but 401, 403, 429
	Failing                  // 5xx after the retries
	Unreached                // network error or timeout after the retries
	Unknown                  // 401, 403, 429: the server would not say
)

// Verdict classifies a result.
func (r Result) Verdict() Verdict {
	switch {
	case r.Err != "":
		return Unreached
	case r.Status >= 500:
		return Failing
	case r.Status == 401 || r.Status == 403 || r.Status == 429:
		return Unknown
	case r.Status >= 400:
		return Dead
	case r.Status >= 300:
		return Dead // a redirect chain that never ends
	case r.Permanent:
		return Moved
	}
	return OK
}

// Answer reports whether a result is the server's answer about the URL,
// worth keeping for max_age: not a failure to ask (a network error, a
// timeout) nor a passing state of the server (5xx, 429). Only answers are
// cached, so one offline run does not make every link unreachable for a day.
func (r Result) Answer() bool {
	return r.Err == "" && r.Status != 0 && r.Status < 500 && r.Status != 429
}

// NetworkDown reports whether results look like a run without a network:
// every URL asked in this run (not taken from the cache) failed to be
// reached, on at least two hosts, or on one with an error that is the
// network's own (no route, no name resolution). It returns the number of
// hosts tried and the first error, for one message in place of a warning
// per link.
func NetworkDown(results map[string]Result) (down bool, hosts int, first string) {
	seen := map[string]bool{}
	netErr := false
	var keys []string
	for u := range results {
		keys = append(keys, u)
	}
	sort.Strings(keys)
	for _, u := range keys {
		r := results[u]
		if r.Cached {
			continue
		}
		if r.Verdict() != Unreached {
			return false, 0, ""
		}
		host := u
		if pu, err := url.Parse(u); err == nil {
			host = strings.ToLower(pu.Host)
		}
		seen[host] = true
		if first == "" {
			first = r.Err
		}
		for _, s := range []string{"network is unreachable", "no route to host", "no such host", "server misbehaving", "i/o timeout"} {
			if strings.Contains(r.Err, s) {
				netErr = true
			}
		}
	}
	hosts = len(seen)
	return hosts >= 2 || hosts == 1 && netErr, hosts, first
}

// Checker checks URLs. It is safe for concurrent use.
type Checker struct {
	o      Options
	client *http.Client
	global chan struct{}
	mu     sync.Mutex
	hosts  map[string]chan struct{}
	sleep  func(context.Context, time.Duration) error
}

// New returns a checker.
func New(o Options) *Checker {
	o.defaults()
	c := &Checker{o: o, global: make(chan struct{}, o.Concurrency), hosts: map[string]chan struct{}{}, sleep: sleepCtx}
	base := o.Client
	if base == nil {
		base = &http.Client{}
	}
	cl := *base
	cl.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.client = &cl
	return c
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Check checks every URL (duplicates once), using and then updating the
// cache file. A cache that cannot be read is ignored; one that cannot be
// written is returned as the error, with the results.
func (c *Checker) Check(ctx context.Context, urls []string) (map[string]Result, error) {
	cache := loadCache(c.o.Cache)
	now := c.o.Now()
	out := map[string]Result{}
	var todo []string
	for _, u := range urls {
		if _, dup := out[u]; dup {
			continue
		}
		if r, ok := cache[u]; ok && now.Sub(r.Checked) < c.o.MaxAge && now.Sub(r.Checked) >= 0 {
			r.Cached = true
			out[u] = r
			continue
		}
		out[u] = Result{}
		todo = append(todo, u)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range todo {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			r := c.checkOne(ctx, u)
			mu.Lock()
			out[u] = r
			mu.Unlock()
		}(u)
	}
	wg.Wait()
	if c.o.Cache == "" {
		return out, nil
	}
	for u, r := range out {
		if !r.Cached && ctx.Err() == nil && r.Answer() {
			cache[u] = r
		}
	}
	return out, saveCache(c.o.Cache, cache, c.o.Now(), c.o.MaxAge)
}

// checkOne checks a URL with retries.
func (c *Checker) checkOne(ctx context.Context, u string) Result {
	var r Result
	var retryAfter time.Duration
	for try := 0; ; try++ {
		r, retryAfter = c.attempt(ctx, u)
		r.Tries = try + 1
		if !retryable(r) || try >= c.o.Retries || ctx.Err() != nil {
			break
		}
		wait := c.o.Backoff << try
		if retryAfter > wait {
			wait = retryAfter
		}
		if wait > c.o.MaxBackoff {
			wait = c.o.MaxBackoff
		}
		if c.sleep(ctx, wait) != nil {
			break
		}
	}
	r.Checked = c.o.Now()
	return r
}

func retryable(r Result) bool {
	return r.Err != "" || r.Status == 429 || r.Status >= 500
}

// attempt makes one try: the redirects of a HEAD, and a GET when the HEAD
// is refused. The slots (overall and per host) are held for each request.
func (c *Checker) attempt(ctx context.Context, u string) (Result, time.Duration) {
	r, ra := c.follow(ctx, http.MethodHead, u)
	if r.Err != "" || r.Status >= 400 && r.Status != 429 {
		// many servers refuse or mishandle HEAD (405, 403, 404, 501, resets)
		r, ra = c.follow(ctx, http.MethodGet, u)
	}
	return r, ra
}

// follow requests u, following redirects by hand.
func (c *Checker) follow(ctx context.Context, method, u string) (Result, time.Duration) {
	var r Result
	cur := u
	for hop := 0; ; hop++ {
		status, loc, ra, err := c.request(ctx, method, cur)
		if err != nil {
			r.Err, r.Status = err.Error(), 0
			return r, 0
		}
		r.Status = status
		if status < 300 || status >= 400 || loc == "" {
			if cur != u {
				r.Final = cur
			}
			return r, ra
		}
		next, err := resolve(cur, loc)
		if err != nil {
			r.Err = fmt.Sprintf("bad redirect location %q", loc)
			return r, 0
		}
		if hop == 0 {
			r.Redirect = next
			r.Permanent = status == http.StatusMovedPermanently || status == http.StatusPermanentRedirect
		}
		if hop >= c.o.MaxRedirect {
			r.Final = next
			return r, 0 // Status stays 3xx: too many redirects
		}
		cur = next
	}
}

func resolve(base, loc string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	l, err := url.Parse(loc)
	if err != nil {
		return "", err
	}
	return b.ResolveReference(l).String(), nil
}

// request makes one HTTP request within the concurrency limits.
func (c *Checker) request(ctx context.Context, method, u string) (int, string, time.Duration, error) {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" || pu.Scheme != "http" && pu.Scheme != "https" {
		return 0, "", 0, fmt.Errorf("not an http(s) URL")
	}
	host := c.hostSlot(strings.ToLower(pu.Host))
	select {
	case host <- struct{}{}:
	case <-ctx.Done():
		return 0, "", 0, ctx.Err()
	}
	defer func() { <-host }()
	select {
	case c.global <- struct{}{}:
	case <-ctx.Done():
		return 0, "", 0, ctx.Err()
	}
	defer func() { <-c.global }()
	rctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u, nil)
	if err != nil {
		return 0, "", 0, err
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", "text/html,*/*;q=0.8")
	resp, err := c.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %s", c.o.Timeout)
		}
		return 0, "", 0, err
	}
	_, _ = io.CopyN(io.Discard, resp.Body, 16<<10) // let the connection be reused
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), retryAfter(resp.Header.Get("Retry-After"), c.o.Now()), nil
}

func (c *Checker) hostSlot(host string) chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.hosts[host]
	if ch == nil {
		ch = make(chan struct{}, c.o.PerHost)
		c.hosts[host] = ch
	}
	return ch
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
