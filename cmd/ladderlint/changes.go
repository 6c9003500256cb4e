package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/internal/gitlabnote"
	"gitlab.com/ladderlint/ladderlint/lint/changes"
)

// `ladderlint changes --from REV [PATH...]`: what the work tree changes in
// the job families since REV, for the people who approve a merge request.
// The comparison is lint/changes; this file reads the flags, writes the
// report and, with --post-note, posts it on the merge request.

func (a *App) changesCommand() *cli.Command {
	return &cli.Command{
		Name:      "changes",
		Usage:     "summarise what the work tree changes in the job families since a git revision (levels, grades, sections, bullets, findings, approval flow)",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "from", Required: true, Usage: "the git `REV` to compare with (in a merge request, its diff base)"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .ladderlint.yml from the current folder up to the repository root)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text, markdown, json"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "also write the markdown summary to `FILE` (for a CI artifact)"},
			&cli.BoolFlag{Name: "post-note", Usage: "post the markdown summary as one note on the GitLab merge request, updating the note of an earlier run (CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID; token from LADDERLINT_GITLAB_TOKEN, else CI_JOB_TOKEN)"},
		},
		Action: a.changes,
	}
}

func (a *App) changes(c *cli.Context) error {
	cfg, err := loadConfig(c.String("config"))
	if err != nil {
		return err
	}
	format := c.String("format")
	if !validFormat(format) {
		return usageErr("--format: unknown format %q (want %s)", format, strings.Join(changes.Formats, ", "))
	}
	ctx := context.Background()
	rep, err := changes.Run(ctx, changes.Options{Config: cfg, From: c.String("from"), Paths: c.Args().Slice()})
	if err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("changes: %w", err)}
	}
	if err := changes.Write(a.Stdout, rep, format); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if path := c.String("output"); path != "" {
		err := writeFileAtomic(path, func(w io.Writer) error { return changes.Write(w, rep, "markdown") }, 0o644)
		if err != nil {
			return &exitErr{code: exitError, err: fmt.Errorf("--output %s: %w", path, err)}
		}
	}
	if c.Bool("post-note") {
		var body bytes.Buffer
		if err := changes.Write(&body, rep, "markdown"); err != nil {
			return &exitErr{code: exitError, err: err}
		}
		target, err := gitlabnote.FromEnv(a.Getenv)
		if err != nil {
			return &exitErr{code: exitError, err: fmt.Errorf("--post-note: %w", err)}
		}
		// a merge request that changes no job family gets no note, but a
		// note an earlier push needed is updated to say so
		action, err := target.Upsert(ctx, changes.Marker, body.String(), len(rep.Families) > 0)
		if err != nil {
			return &exitErr{code: exitError, err: fmt.Errorf("--post-note: %w", err)}
		}
		if action == "left alone" {
			fmt.Fprintf(a.Stderr, "ladderlint: no job family changed: no note posted on merge request !%s\n", target.MergeRequest)
		} else {
			fmt.Fprintf(a.Stderr, "ladderlint: %s the note on merge request !%s\n", action, target.MergeRequest)
		}
	}
	return nil
}

func validFormat(f string) bool {
	for _, g := range changes.Formats {
		if f == g {
			return true
		}
	}
	return f == "md"
}
