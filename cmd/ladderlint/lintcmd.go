package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// lintOptions are the lint command's flags, read once.
type lintOptions struct {
	config      string
	format      string
	outputs     []string
	failOn      lint.Severity // 0: never
	minSeverity lint.Severity
	enable      []string
	disable     []string
	fix, diff   bool
}

// Extension points: files that add a feature to lint (a flag that changes
// the config, a filter on the findings) register here from init.
var (
	extraLintFlags []cli.Flag
	configHooks    []func(*cli.Context, *lint.Config) error
	// findingFilters run in order on the sorted findings (baseline,
	// changed lines, ...). A filter may also narrow res.Files to the files
	// the reports should list (--new-from-rev lists the changed ones).
	findingFilters []func(*cli.Context, *lint.Config, *lint.Result, []lint.Finding) ([]lint.Finding, error)
	// engineHooks set up the engine of a lint run before it runs
	// (--new-from-rev names the files whose findings are kept).
	engineHooks []func(*cli.Context, *lint.Engine, []lint.Input) error
)

func (a *App) lintCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .ladderlint.yml from the current folder up to the repository root)"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format on standard output: text, json, junit, codequality, sarif"},
		&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "also write a report, `FORMAT=PATH` (repeatable)"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at or above this severity: error, warning, info, never"},
		&cli.StringFlag{Name: "min-severity", Value: "info", Usage: "report only findings at or above this severity"},
		&cli.StringSliceFlag{Name: "enable", Usage: "turn a `RULE` on (repeatable)"},
		&cli.StringSliceFlag{Name: "disable", Usage: "turn a `RULE` off (repeatable)"},
		&cli.StringSliceFlag{Name: "root", Usage: "content root `DIR` for links, served at / (repeatable; default: the config's, or the nearest content/ folder)"},
		&cli.BoolFlag{Name: "fix", Usage: "apply the fixes rules offer, writing files atomically"},
		&cli.BoolFlag{Name: "diff", Usage: "with --fix: print the fixes as a unified diff and change nothing"},
		&cli.BoolFlag{Name: "no-color", Usage: "no colour in text output (also NO_COLOR)"},
	}
	flags = append(flags, extraLintFlags...)
	return &cli.Command{
		Name:      "lint",
		Usage:     "lint job-family pages (files, or folders for their **/*.md; default: the config's include)",
		ArgsUsage: "[PATH...]",
		Flags:     flags,
		Action: func(c *cli.Context) error {
			opts, err := readLintOptions(c)
			if err != nil {
				return err
			}
			return a.runLint(c, opts)
		},
	}
}

func readLintOptions(c *cli.Context) (*lintOptions, error) {
	o := &lintOptions{
		config:  c.String("config"),
		format:  c.String("format"),
		outputs: c.StringSlice("output"),
		enable:  c.StringSlice("enable"),
		disable: c.StringSlice("disable"),
		fix:     c.Bool("fix"),
		diff:    c.Bool("diff"),
	}
	if o.diff && !o.fix {
		return nil, usageErr("--diff goes with --fix")
	}
	if o.diff && o.format != "text" {
		// the diff is the output: a report format would be ignored
		return nil, usageErr("--diff prints a unified diff, not a report: drop --format %s, or drop --diff to fix the files and get the %s report of them as written", o.format, o.format)
	}
	failOn := strings.ToLower(strings.TrimSpace(c.String("fail-on")))
	switch failOn {
	case "error", "warning", "warn", "info", "never", "off", "none":
		o.failOn, _ = lint.ParseSeverity(failOn)
	default:
		return nil, usageErr("--fail-on %q: want error, warning, info or never", c.String("fail-on"))
	}
	switch minSev := strings.ToLower(strings.TrimSpace(c.String("min-severity"))); minSev {
	case "error", "warning", "info":
		o.minSeverity, _ = lint.ParseSeverity(minSev)
	default:
		return nil, usageErr("--min-severity %q: want error, warning or info", c.String("min-severity"))
	}
	return o, nil
}

func init() {
	configHooks = append(configHooks, func(c *cli.Context, cfg *lint.Config) error {
		roots := c.StringSlice("root")
		if len(roots) == 0 {
			return nil
		}
		cfg.Site.Roots = nil
		for _, r := range roots {
			abs, err := filepath.Abs(r)
			if err != nil {
				return usageErr("--root %s: %v", r, err)
			}
			if st, err := os.Stat(abs); err != nil || !st.IsDir() {
				// every link into a missing root would be reported as broken
				return usageErr("--root %s: no such folder (want the content folder served at /)", r)
			}
			cfg.Site.Roots = append(cfg.Site.Roots, lint.RootConfig{Dir: abs, Prefix: "/"})
		}
		return nil
	})
}
