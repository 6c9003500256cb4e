package main

import (
	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// --external turns on link-external, the network check of external links
// (off by default; its options are set under rules: link-external: in the
// config).
func init() {
	extraLintFlags = append(extraLintFlags, &cli.BoolFlag{
		Name:  "external",
		Usage: "also check external links over the network (rule link-external)",
	})
	configHooks = append(configHooks, func(c *cli.Context, cfg *lint.Config) error {
		if !c.Bool("external") {
			return nil
		}
		if cfg.Severity(lint.Lookup("link-external")) != 0 {
			return nil // already on, at the configured severity
		}
		return cfg.Enable("link-external")
	})
}
