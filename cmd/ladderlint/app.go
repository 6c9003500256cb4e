package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/report"
	_ "gitlab.com/ladderlint/ladderlint/rules" // registers every rule
)

// Exit codes, per the CLI contract.
const (
	exitOK       = 0 // no finding at or above --fail-on
	exitFindings = 1 // a finding at or above --fail-on
	exitError    = 2 // usage, config or schema error, unreadable input, internal error
)

// exitErr carries an exit code through urfave/cli.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageErr(format string, args ...any) error {
	return &exitErr{code: exitError, err: fmt.Errorf(format, args...)}
}

// App is the ladderlint command line, built around injected writers so that
// tests run it in-process.
type App struct {
	Stdout, Stderr io.Writer
	// Terminal reports whether stdout is a terminal (colour by default).
	Terminal bool
	// Getenv reads the environment (NO_COLOR); os.Getenv by default.
	Getenv func(string) string
	// Hooks let later features plug into lint without growing this file.
	cli *cli.App
}

// NewApp builds the CLI.
func NewApp(stdout, stderr io.Writer) *App {
	a := &App{Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	a.cli = &cli.App{
		Name:                 "ladderlint",
		Usage:                "lint and check job-family (career ladder) pages",
		Version:              lint.Version,
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		ExitErrHandler:       func(*cli.Context, error) {}, // exit codes are mapped in Run, not by os.Exit
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &exitErr{code: exitError, err: err}
		},
		Commands: []*cli.Command{
			a.lintCommand(),
			a.ladderCommand(),
			a.changesCommand(),
			a.lspCommand(),
			{
				Name:      "model",
				Usage:     "print the job-family model of a page as JSON",
				ArgsUsage: "FILE",
				Action:    a.model,
			},
			{
				Name:   "rules",
				Usage:  "list every rule: id, default severity, title",
				Action: a.rules,
			},
			{
				Name:      "explain",
				Usage:     "show a rule's documentation, with examples",
				ArgsUsage: "RULE",
				Action:    a.explain,
			},
			{
				Name:   "init",
				Usage:  "write a commented starter .ladderlint.yml in the current folder",
				Action: a.initConfig,
				Flags: []cli.Flag{&cli.StringFlag{Name: "profile", Value: lint.DefaultProfile,
					Usage: "the profile the config starts from: " + strings.Join(lint.ProfileNames(), " or ") + " (docs/profiles.md)"}},
			},
		},
	}
	for _, c := range a.cli.Commands {
		c.OnUsageError = a.cli.OnUsageError
	}
	a.cli.Action = a.noCommand
	return a
}

// noCommand runs when the first argument names no command: an unknown
// command is a usage error with the nearest command name, not a help topic.
func (a *App) noCommand(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.ShowAppHelp(c)
	}
	name := c.Args().First()
	if name == "help" {
		if c.NArg() == 1 {
			return cli.ShowAppHelp(c)
		}
		if a.cli.Command(c.Args().Get(1)) != nil {
			return cli.ShowCommandHelp(c, c.Args().Get(1))
		}
		name = c.Args().Get(1)
	}
	var names []string
	suggest := ""
	for _, cmd := range a.cli.Commands {
		names = append(names, cmd.Name)
		if suggest == "" && prose.WithinEdits(name, cmd.Name, 2) {
			suggest = fmt.Sprintf(" (did you mean %q?)", cmd.Name)
		}
	}
	return usageErr("unknown command %q%s; commands: %s (ladderlint --help)", name, suggest, strings.Join(names, ", "))
}

// Run runs the CLI with args (args[0] is the program name) and returns the
// exit status. Errors get a one-line reason on stderr, a panic too.
func (a *App) Run(args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(a.Stderr, "ladderlint: internal error: %s\n", oneLine(fmt.Sprint(r)))
			code = exitError
		}
	}()
	err := a.cli.Run(interspersed(a.cli, args))
	if err == nil {
		return exitOK
	}
	var ee *exitErr
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintf(a.Stderr, "ladderlint: %s\n", oneLine(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintf(a.Stderr, "ladderlint: %s\n", oneLine(err.Error()))
	return exitError
}

// interspersed moves a subcommand's flags written after its paths
// ("lint content --format json") in front of them, since urfave/cli stops
// reading flags at the first argument. Everything after "--" stays as is.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 3 {
		return args
	}
	var cmd *cli.Command
	for _, c := range app.Commands {
		if c.Name == args[1] {
			cmd = c
		}
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	known := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			known[n] = true
			takesValue[n] = !isBool
		}
	}
	known["help"], known["h"] = true, true
	var flags, pos []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			pos = append(pos, rest[i:]...)
			break
		}
		name := strings.TrimLeft(a, "-")
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name = name[:eq]
		}
		if !strings.HasPrefix(a, "-") || a == "-" || !known[name] {
			if strings.HasPrefix(a, "-") && a != "-" {
				flags = append(flags, a) // unknown flag: let cli report it
				continue
			}
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		if takesValue[name] && !strings.Contains(a, "=") && i+1 < len(rest) {
			i++
			flags = append(flags, rest[i])
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	return append(out, pos...)
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func (a *App) color(c *cli.Context) bool {
	if c.Bool("no-color") || a.Getenv("NO_COLOR") != "" {
		return false
	}
	return a.Terminal
}

// loadConfig finds and reads the config: --config, or .ladderlint.yml from
// the current folder up to the repository root, or the defaults.
func loadConfig(path string) (*lint.Config, error) {
	if path == "" {
		path = lint.FindConfig(".")
		if path == "" {
			// the default include is the repository's, from any folder in it
			cfg := lint.DefaultConfig()
			cfg.Dir = lint.RepoRoot(".")
			return cfg, nil
		}
	}
	cfg, err := lint.LoadConfig(path)
	if err != nil {
		return nil, &exitErr{code: exitError, err: err}
	}
	return cfg, nil
}

func (a *App) model(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageErr("model takes one FILE")
	}
	path := c.Args().First()
	st, err := os.Stat(path)
	if err != nil {
		return &exitErr{code: exitError, err: &lint.ReadError{Path: path, Err: errors.Unwrap(err)}}
	}
	if st.IsDir() {
		return usageErr("%s: is a folder; model takes one file", path)
	}
	cfg, err := loadConfig(c.String("config"))
	if err != nil {
		return err
	}
	data, err := lint.ReadFile(path, cfg.MaxFileSize)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if reason := lint.NotText(data); reason != "" {
		// lint reports such a file; model has no model to print
		return &exitErr{code: exitError, err: fmt.Errorf("%s: %s", lint.DisplayPath(path), reason)}
	}
	f := model.Parse(lint.DisplayPath(path), data)
	enc := json.NewEncoder(a.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f.JSON()); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	return nil
}

func (a *App) rules(c *cli.Context) error {
	w := a.Stdout
	width := 0
	for _, r := range lint.Rules() {
		width = max(width, len(r.ID))
	}
	for _, r := range lint.Rules() {
		sev := r.Severity.String()
		if r.Optional {
			sev += " (off by default)"
		}
		fmt.Fprintf(w, "%-*s  %-25s  %s\n", width, r.ID, sev, r.Title)
	}
	return nil
}

func (a *App) explain(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageErr("explain takes one RULE (see `ladderlint rules`)")
	}
	r := lint.Lookup(c.Args().First())
	if r == nil {
		return usageErr("unknown rule %q (see `ladderlint rules`)", c.Args().First())
	}
	_, err := io.WriteString(a.Stdout, lint.Explain(r))
	return err
}

func (a *App) initConfig(c *cli.Context) error {
	path := lint.ConfigFileName
	text, err := lint.StarterConfigFor(c.String("profile"))
	if err != nil {
		return usageErr("init --profile: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		return usageErr("%s already exists; not overwritten", path)
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if _, err := io.WriteString(fh, text); err != nil {
		fh.Close()
		return &exitErr{code: exitError, err: err}
	}
	if err := fh.Close(); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	fmt.Fprintf(a.Stdout, "wrote %s\n", filepath.Clean(path))
	return nil
}

// prepareRun is what every command that lints does first: the config
// (found as lint finds it), the rules turned on and off, the --root and
// other config hooks, the files (the paths given, or the include) and the
// engine. No file is an error: a typo in a path or in an include glob
// would otherwise pass silently.
func prepareRun(c *cli.Context, configPath string, enable, disable, args []string) (*lint.Config, *lint.Engine, []lint.Input, error) {
	cfg, err := loadConfig(configPath)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, id := range enable {
		if err := cfg.Enable(id); err != nil {
			return nil, nil, nil, usageErr("%v", err)
		}
	}
	for _, id := range disable {
		if err := cfg.Disable(id); err != nil {
			return nil, nil, nil, usageErr("%v", err)
		}
	}
	for _, hook := range configHooks {
		if err := hook(c, cfg); err != nil {
			return nil, nil, nil, err
		}
	}
	inputs, err := lint.Collect(cfg, args)
	if err != nil {
		return nil, nil, nil, &exitErr{code: exitError, err: err}
	}
	if len(inputs) == 0 {
		if len(args) > 0 {
			return nil, nil, nil, usageErr("no markdown files in %s", strings.Join(args, ", "))
		}
		from := "the default include"
		if cfg.File != "" {
			from = "the include of " + cfg.File
		}
		where := "from here"
		if cfg.Dir != "" {
			where = "from " + cfg.Dir
			if cfg.File == "" {
				where = "from the repository root " + cfg.Dir
			}
		}
		return nil, nil, nil, usageErr("no files to lint: %s (%s) matches nothing %s; name files or folders, or set include in %s", from, strings.Join(cfg.Include, ", "), where, lint.ConfigFileName)
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		return nil, nil, nil, &exitErr{code: exitError, err: err}
	}
	return cfg, eng, inputs, nil
}

// runLint is the lint command's work once flags are read.
func (a *App) runLint(c *cli.Context, opts *lintOptions) error {
	cfg, eng, inputs, err := prepareRun(c, opts.config, opts.enable, opts.disable, c.Args().Slice())
	if err != nil {
		return err
	}
	for _, hook := range engineHooks {
		if err := hook(c, eng, inputs); err != nil {
			return err
		}
	}
	a.openCache(c, eng)
	defer setRunMemoryLimit(inputs)()
	res, err := eng.Run(context.Background(), inputs)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if eng.Cache != nil {
		// a cache that cannot be written costs the next run time, not
		// this run its report
		_ = eng.Cache.Save()
	}
	findings, err := filterFindings(c, cfg, res)
	if err != nil {
		return err
	}
	if opts.fix {
		fixes, files, err := a.fix(res, findings, opts.diff)
		if err != nil {
			return err
		}
		a.sayFixes(fixes, files, opts.diff)
		if files > 0 && !opts.diff {
			// report the files as written: positions and messages of the
			// text before the fix would point at text that is gone
			eng, err = lint.NewEngine(cfg)
			if err != nil {
				return &exitErr{code: exitError, err: err}
			}
			for _, hook := range engineHooks {
				if err := hook(c, eng, inputs); err != nil {
					return err
				}
			}
			a.openCache(c, eng)
			if res, err = eng.Run(context.Background(), inputs); err != nil {
				return &exitErr{code: exitError, err: err}
			}
			if eng.Cache != nil {
				_ = eng.Cache.Save()
			}
			if findings, err = filterFindings(c, cfg, res); err != nil {
				return err
			}
		}
	}
	shown := atLeast(findings, opts.minSeverity)
	var ran []*lint.Rule
	for _, id := range eng.Enabled() {
		ran = append(ran, lint.Lookup(id))
	}
	rep := report.FromResult(res, shown, ran)
	if err := a.writeReports(c, opts, rep); err != nil {
		return err
	}
	for _, n := range res.Notes {
		fmt.Fprintf(a.Stderr, "ladderlint: note: %s\n", n.Message)
	}
	if len(res.Internal) > 0 {
		for _, e := range res.Internal[1:] {
			fmt.Fprintf(a.Stderr, "ladderlint: %s\n", oneLine(e.Error()))
		}
		return &exitErr{code: exitError, err: res.Internal[0]}
	}
	if opts.failOn > 0 {
		for _, f := range shown {
			if f.Severity >= opts.failOn {
				return &exitErr{code: exitFindings}
			}
		}
	}
	return nil
}

// filterFindings runs the finding filters (baseline, changed lines) over a
// run's findings.
// atLeast returns the findings of severity min or higher: findings itself
// when that is all of them (a large run's findings are not copied), nil when
// none.
func atLeast(findings []lint.Finding, min lint.Severity) []lint.Finding {
	for i, f := range findings {
		if f.Severity < min {
			shown := append([]lint.Finding(nil), findings[:i]...)
			for _, f := range findings[i+1:] {
				if f.Severity >= min {
					shown = append(shown, f)
				}
			}
			return shown
		}
	}
	if len(findings) == 0 {
		return nil
	}
	return findings
}

func filterFindings(c *cli.Context, cfg *lint.Config, res *lint.Result) ([]lint.Finding, error) {
	findings := res.Findings
	var err error
	for _, filter := range findingFilters {
		if findings, err = filter(c, cfg, res, findings); err != nil {
			return nil, err
		}
	}
	return findings, nil
}

// sayFixes tells on stderr how many fixes --fix applied in how many files
// (with --diff, would apply).
func (a *App) sayFixes(fixes, files int, diff bool) {
	if fixes == 0 {
		fmt.Fprintln(a.Stderr, "ladderlint: no fixes to apply")
		return
	}
	counts := fmt.Sprintf("%d %s in %d %s", fixes, plural(fixes, "fix", "fixes"), files, plural(files, "file", "files"))
	if diff {
		fmt.Fprintf(a.Stderr, "ladderlint: --diff: %s shown; nothing written\n", counts)
		return
	}
	fmt.Fprintf(a.Stderr, "ladderlint: applied %s\n", counts)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writeReports writes the --format report to stdout and each --output
// FORMAT=PATH report to its file.
func (a *App) writeReports(c *cli.Context, opts *lintOptions, rep *report.Report) error {
	ropts := report.Options{Color: a.color(c)}
	for _, hook := range reportHooks {
		if err := hook(c, &ropts); err != nil {
			return err
		}
	}
	fileOpts := ropts
	fileOpts.Color = false // files never get terminal colour
	if opts.fix && opts.diff {
		// --fix --diff prints the diff instead of the report
		return nil
	}
	main, err := report.New(opts.format, ropts)
	if err != nil {
		return usageErr("--format: %v", err)
	}
	type out struct {
		rep  report.Reporter
		path string
	}
	var outs []out
	for _, o := range opts.outputs {
		format, path, ok := strings.Cut(o, "=")
		if !ok || path == "" {
			return usageErr("--output %q: want FORMAT=PATH", o)
		}
		r, err := report.New(format, fileOpts)
		if err != nil {
			return usageErr("--output: %v", err)
		}
		outs = append(outs, out{r, path})
	}
	if err := main.Write(a.Stdout, rep); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	for _, o := range outs {
		if err := writeFileAtomic(o.path, func(w io.Writer) error { return o.rep.Write(w, rep) }, 0o644); err != nil {
			return &exitErr{code: exitError, err: fmt.Errorf("--output %s: %w", o.path, err)}
		}
	}
	return nil
}
