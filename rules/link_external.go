package rules

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linkcheck"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

type linkExternalOptions struct {
	Concurrency int           `yaml:"concurrency"`
	PerHost     int           `yaml:"per_host"`
	Timeout     time.Duration `yaml:"timeout"`
	Retries     int           `yaml:"retries"`
	Backoff     time.Duration `yaml:"backoff"`
	// Cache is the results file: "" for the user cache folder, "off" for
	// none; relative to the config file.
	Cache     string        `yaml:"cache"`
	MaxAge    time.Duration `yaml:"max_age"`
	Ignore    []string      `yaml:"ignore"`
	Redirects bool          `yaml:"redirects"`
	UserAgent string        `yaml:"user_agent"`
}

var linkExternalRule = &lint.Rule{
	ID:       "link-external",
	Title:    "external links answer: no dead URLs, no permanent redirects",
	Category: lint.Links,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "Checks every external http(s) URL over the network, once per run however many pages link to " +
			"it. Off by default: turn it on with `--external` (or a severity in the config). Requests are bounded " +
			"overall (`concurrency`) and per host (`per_host`), each within `timeout`; a 429, a 5xx or a network " +
			"error is retried (`retries`) with exponential backoff from `backoff`, honouring `Retry-After`. HEAD " +
			"is tried first, GET when the server refuses HEAD. Reported: a dead URL (404, 410 and other 4xx), a " +
			"server that keeps failing (5xx) or cannot be reached, and a permanent redirect (301, 308: link to the " +
			"new address), at info severity unless a severity is set for the rule (`--external` and `--enable` " +
			"set the default, warning, for all its findings). 401, 403 and a 429 that outlasts the retries say nothing about " +
			"the link and are not reported. Results are kept in a cache file for `max_age`, so that a CI job " +
			"re-checks only what is new or stale. URLs to the site itself (`site.own_urls`) are `link-target`'s.",
		Bad:     "---\ntitle: Backend Engineer\n---\n\nRead [the style guide](https://example.com/a-page-that-is-gone).\n",
		Good:    "---\ntitle: Backend Engineer\n---\n\nRead [the style guide](https://example.com/style-guide).\n",
		Excerpt: true, // needs the network
		Options: []lint.OptionDoc{
			{Name: "concurrency", Default: "8", Text: "requests in flight overall."},
			{Name: "per_host", Default: "2", Text: "requests in flight per host."},
			{Name: "timeout", Default: "10s", Text: "time allowed for one request."},
			{Name: "retries", Default: "2", Text: "retries after a 429, a 5xx or a network error (0 for none)."},
			{Name: "backoff", Default: "1s", Text: "wait before the first retry, doubled for each next one (at most 30s)."},
			{Name: "cache", Default: "\"\"", Text: "results file, relative to the config file; `\"\"` for `ladderlint/external-links.json` in the user cache folder, `off` for none."},
			{Name: "max_age", Default: "24h", Text: "how long a cached result is trusted."},
			{Name: "ignore", Default: "[]", Text: "URL prefixes not checked (`https://internal.example.com/`)."},
			{Name: "redirects", Default: "true", Text: "report permanent redirects."},
			{Name: "user_agent", Default: "ladderlint-linkcheck/1", Text: "User-Agent header of the requests."},
		},
	},
	Options: func() any {
		return &linkExternalOptions{Concurrency: 8, PerHost: 2, Timeout: 10 * time.Second, Retries: 2,
			Backoff: time.Second, MaxAge: 24 * time.Hour, Redirects: true}
	},
	Validate: func(o any) error {
		opts := o.(*linkExternalOptions)
		switch {
		case opts.Concurrency < 1 || opts.PerHost < 1:
			return errors.New("concurrency and per_host must be at least 1")
		case opts.Timeout <= 0 || opts.MaxAge <= 0 || opts.Backoff < 0:
			return errors.New("timeout and max_age must be positive durations (10s, 24h), backoff not negative")
		case opts.Retries < 0:
			return errors.New("retries must not be negative")
		}
		return nil
	},
	CheckAll: checkLinkExternal,
}

func init() { lint.Register(linkExternalRule) }

type linkExternalUse struct {
	file *model.Family
	link *model.Link
	url  string
}

func checkLinkExternal(p *lint.SetPass) {
	opts := lint.Options[linkExternalOptions](p.Options)
	env := linksOf(p.Env, p.Config)
	var uses []linkExternalUse
	var urls []string
	seen := map[string]bool{}
	for _, f := range p.Files {
		for _, l := range linkTargetsOnce(f.Links) {
			u, ok := linkExternalURL(l, env.own)
			if !ok || linkIgnoredPrefix(u, opts.Ignore) {
				continue
			}
			uses = append(uses, linkExternalUse{f, l, u})
			if !seen[u] {
				seen[u] = true
				urls = append(urls, u)
			}
		}
	}
	if len(urls) == 0 {
		return
	}
	retries := opts.Retries
	if retries == 0 {
		retries = -1
	}
	c := linkcheck.New(linkcheck.Options{
		Concurrency: opts.Concurrency, PerHost: opts.PerHost, Timeout: opts.Timeout, Retries: retries,
		Backoff: opts.Backoff, UserAgent: opts.UserAgent, Cache: linkCachePath(p.Config, opts.Cache),
		MaxAge: opts.MaxAge,
	})
	results, err := c.Check(context.Background(), urls)
	if err != nil {
		p.Env.Note("links/external-cache", lint.Note{Rule: "link-external", Message: fmt.Sprintf(
			"external link results not cached (rules.link-external.cache): %v; every run asks again", err)})
	}
	offline, hosts, first := linkcheck.NetworkDown(results)
	if offline {
		p.Env.Note("links/offline", lint.Note{Rule: "link-external", Message: fmt.Sprintf(
			"external links were not checked: none of the %d hosts asked could be reached (%s); the network looks down. "+
				"Failures are not cached: run again with the network up", hosts, first)})
	}
	for _, u := range uses {
		r := results[u.url]
		d := lint.Diagnostic{File: u.file, Span: u.link.DestSpan, Subject: u.url}
		tries := ""
		if r.Tries > 1 {
			tries = fmt.Sprintf(" (%d tries)", r.Tries)
		}
		switch r.Verdict() {
		case linkcheck.Dead:
			d.Message = fmt.Sprintf("%s is dead: %s", u.url, linkStatusText(r.Status))
			if r.Redirect != "" {
				d.Message += " after a redirect to " + r.Redirect
			}
		case linkcheck.Failing:
			d.Message = fmt.Sprintf("%s keeps failing: %s%s", u.url, linkStatusText(r.Status), tries)
		case linkcheck.Unreached:
			if offline {
				continue // said once, in the note
			}
			d.Message = fmt.Sprintf("%s cannot be reached: %s%s", u.url, r.Err, tries)
		case linkcheck.Moved:
			if !opts.Redirects {
				continue
			}
			d.Message = fmt.Sprintf("%s has moved permanently to %s: link there", u.url, r.Redirect)
			d.Severity = lint.Info
		default:
			continue
		}
		p.Report(d)
	}
}

// linkExternalURL returns the URL a link checks, without its fragment, when it
// is an external http(s) link.
func linkExternalURL(l *model.Link, own []site.OwnURL) (string, bool) {
	if l.Shortcode() {
		return "", false
	}
	t := strings.TrimSpace(l.Target)
	if s := site.Scheme(t); s != "http" && s != "https" || strings.Contains(t, "{{") || strings.Contains(t, "<%") {
		return "", false
	}
	if _, ok := site.MatchOwn(t, own); ok {
		return "", false
	}
	if i := strings.IndexByte(t, '#'); i >= 0 {
		t = t[:i]
	}
	return t, true
}

func linkIgnoredPrefix(u string, prefixes []string) bool {
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(u, p) {
			return true
		}
	}
	return false
}

// linkCachePath is where results are kept: "" is the user cache folder, "off"
// none, anything else a path relative to the config file.
func linkCachePath(cfg *lint.Config, opt string) string {
	switch opt {
	case "off", "none":
		return ""
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(dir, "ladderlint", "external-links.json")
	}
	return cfg.Resolve(opt)
}

func linkStatusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}
