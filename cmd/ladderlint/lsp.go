package main

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint/lsp"
)

// lspInput is where the server reads the client's messages (tests replace it).
var lspInput = func() io.Reader { return os.Stdin }

// lspCommand runs the language server on standard input and output; see
// docs/editors.md.
func (a *App) lspCommand() *cli.Command {
	return &cli.Command{
		Name:  "lsp",
		Usage: "run a language server (LSP) on standard input and output, for editors",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .ladderlint.yml from the workspace folder up to the repository root)"},
			&cli.BoolFlag{Name: "stdio", Usage: "talk over standard input and output (the default; accepted for clients that pass it)"},
		},
		Action: func(c *cli.Context) error {
			// the protocol owns standard output: anything else printed
			// there would corrupt it, so it goes to standard error
			proto := a.Stdout
			if proto == io.Writer(os.Stdout) {
				os.Stdout = os.Stderr
				defer func() { os.Stdout = proto.(*os.File) }()
			}
			err := lsp.Serve(context.Background(), lspInput(), proto, lsp.Options{Config: c.String("config")})
			if errors.Is(err, lsp.ErrExitBeforeShutdown) {
				return &exitErr{code: 1} // the protocol's status for it
			}
			if err != nil {
				return &exitErr{code: exitError, err: err}
			}
			return nil
		},
	}
}
