package main

import (
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// --cache: keep the cross-file rules' per-file summaries between local
// runs (lint.Cache), so that a run after a one-page edit does not collect
// the unchanged pages again. Off unless asked for: --cache, or
// LADDERLINT_CACHE=1, or `cache: true` in the config (which a run under CI,
// with CI set, ignores). --cache=false and LADDERLINT_CACHE=0 turn it off.
func init() {
	extraLintFlags = append(extraLintFlags, &cli.BoolFlag{Name: "cache",
		Usage: "keep per-file summaries between runs in the user cache folder (also LADDERLINT_CACHE=1, or cache: true in the config outside CI; docs/cache.md)"})
}

// openCache gives a lint run's engine its cache, when the run wants one:
// in the folder LADDERLINT_CACHE_DIR names, else under the user cache
// folder, by repository root. No cache folder means no cache, not an error.
func (a *App) openCache(c *cli.Context, eng *lint.Engine) {
	if !a.cacheWanted(c, eng.Config) {
		return
	}
	dir := a.Getenv("LADDERLINT_CACHE_DIR")
	if dir == "" {
		root := lint.RepoRoot(".")
		if root == "" {
			root = eng.Config.Dir
		}
		if root == "" {
			root = "."
		}
		var err error
		if dir, err = lint.CacheDir(root); err != nil {
			return
		}
	}
	eng.Cache = eng.OpenCache(dir)
}

// cacheWanted tells whether the run keeps a cache: the flag, else the
// environment, else the config outside CI.
func (a *App) cacheWanted(c *cli.Context, cfg *lint.Config) bool {
	if c.IsSet("cache") {
		return c.Bool("cache")
	}
	if v := strings.TrimSpace(a.Getenv("LADDERLINT_CACHE")); v != "" {
		on, err := strconv.ParseBool(v)
		return err == nil && on
	}
	if a.Getenv("CI") != "" {
		return false
	}
	return cfg.Cache
}
