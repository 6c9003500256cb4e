package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/report"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// --baseline FILE: report only the findings whose fingerprint is not in an
// earlier JSON report, so that a large handbook can adopt ladderlint and
// gate on new findings only.

func init() {
	extraLintFlags = append(extraLintFlags, &cli.StringFlag{
		Name:  "baseline",
		Usage: "report only findings whose fingerprint is not in this JSON report `FILE` (one written by --format json or -o json=FILE)",
	})
	findingFilters = append(findingFilters, func(c *cli.Context, _ *lint.Config, _ *lint.Result, fs []lint.Finding) ([]lint.Finding, error) {
		path := c.String("baseline")
		if path == "" {
			return fs, nil
		}
		known, err := readBaseline(path)
		if err != nil {
			return nil, &exitErr{code: exitError, err: fmt.Errorf("--baseline %s: %w", path, err)}
		}
		var out []lint.Finding
		for _, f := range fs {
			if !known[f.Fingerprint] {
				out = append(out, f)
			}
		}
		return out, nil
	})
}

// readBaseline reads the fingerprints of a JSON report, checked against
// schema/report.schema.json first so that a wrong file (a SARIF log, a
// Code Quality report) is an error rather than an empty baseline.
func readBaseline(path string) (map[string]bool, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file") // a named pipe would block for ever
	}
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var inst any
	if err := dec.Decode(&inst); err != nil {
		return nil, fmt.Errorf("not a JSON report: %v", err)
	}
	if err := schema.Report().Validate(inst); err != nil {
		ptr, msg := schema.FirstError(err)
		if ptr == "" {
			ptr = "/"
		}
		return nil, fmt.Errorf("not a ladderlint JSON report: at %s: %s", ptr, msg)
	}
	fs, err := report.ReadJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a JSON report: %v", err)
	}
	known := make(map[string]bool, len(fs))
	for _, f := range fs {
		known[f.Fingerprint] = true
	}
	return known, nil
}
