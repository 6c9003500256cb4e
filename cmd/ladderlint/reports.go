package main

import (
	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/report"
)

// reportHooks tune the reporters' options from flags before any report is
// written (standard output and every --output file alike).
var reportHooks []func(*cli.Context, *report.Options) error

func init() {
	extraLintFlags = append(extraLintFlags, &cli.StringSliceFlag{
		Name:  "codequality-severity",
		Usage: "map a severity to a GitLab Code Quality one, `SEVERITY=LEVEL` (repeatable; default error=major, warning=minor, info=info)",
	})
	reportHooks = append(reportHooks, func(c *cli.Context, o *report.Options) error {
		for _, s := range c.StringSlice("codequality-severity") {
			sev, cq, err := report.ParseCodeQualitySeverity(s)
			if err != nil {
				return usageErr("--codequality-severity %v", err)
			}
			if o.CodeQualitySeverity == nil {
				o.CodeQualitySeverity = map[lint.Severity]string{}
			}
			o.CodeQualitySeverity[sev] = cq
		}
		return nil
	})
}
