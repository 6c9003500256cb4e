package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/overview"
	"gitlab.com/ladderlint/ladderlint/rules"
)

// ladderCommand writes the overview of every family's ladder: one
// self-contained HTML page, or its data as JSON.
func (a *App) ladderCommand() *cli.Command {
	return &cli.Command{
		Name:      "ladder",
		Usage:     "write one self-contained HTML page of every family, grade and inconsistency",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .ladderlint.yml from the current folder up to the repository root)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "ladders.html", Usage: "write the page to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "html", Usage: "html, or json for the data (schema/ladder.schema.json)"},
			&cli.StringSliceFlag{Name: "root", Usage: "content root `DIR` for links, served at / (repeatable)"},
		},
		Action: a.ladder,
	}
}

func (a *App) ladder(c *cli.Context) error {
	format := c.String("format")
	if format != "html" && format != "json" {
		return usageErr("--format: want html or json, not %q", format)
	}
	run, err := a.runEngine(c, c.String("config"), c.Args().Slice())
	if err != nil {
		return err
	}
	opts := overview.Options{
		URL:       func(p string) string { return rules.PageURL(run.engine.Env, run.cfg, p) },
		SourceURL: run.cfg.Site.SourceURL,
	}
	if len(run.cfg.Site.OwnURLs) > 0 {
		opts.BaseURL = run.cfg.Site.OwnURLs[0].URL
	}
	if opts.SourceURL != "" {
		if opts.RepoRoot = lint.RepoRoot("."); opts.RepoRoot == "" && run.cfg.Dir != "" {
			opts.RepoRoot, _ = filepath.Abs(run.cfg.Dir)
		}
	}
	ov := overview.Build(run.result, run.cfg, opts)
	write := ov.WriteHTML
	if format == "json" {
		write = ov.WriteJSON
	}
	out := c.String("output")
	if format == "json" && !c.IsSet("output") {
		out = "-"
	}
	if out == "-" {
		if err := write(a.Stdout); err != nil {
			return &exitErr{code: exitError, err: err}
		}
		return nil
	}
	if err := writeFileAtomic(out, func(w io.Writer) error { return write(w) }, 0o644); err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("%s: %w", out, err)}
	}
	fmt.Fprintf(a.Stdout, "wrote %s: %d families, %d findings\n", out, len(ov.Families), ov.Summary.Total())
	return nil
}

// engineRun is a finished run of the engine over the inputs of a command.
type engineRun struct {
	cfg    *lint.Config
	engine *lint.Engine
	result *lint.Result
}

// runEngine makes the run `lint` makes (prepareRun), keeping the models,
// for the commands that present its results differently.
func (a *App) runEngine(c *cli.Context, configPath string, args []string) (*engineRun, error) {
	cfg, eng, inputs, err := prepareRun(c, configPath, nil, nil, args)
	if err != nil {
		return nil, err
	}
	eng.KeepModels = true // the overview reads the models after the run
	res, err := eng.Run(context.Background(), inputs)
	if err != nil {
		return nil, &exitErr{code: exitError, err: err}
	}
	for _, e := range res.Internal {
		fmt.Fprintf(a.Stderr, "ladderlint: %s\n", oneLine(e.Error()))
	}
	return &engineRun{cfg: cfg, engine: eng, result: res}, nil
}
