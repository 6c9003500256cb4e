package report

import (
	"encoding/json"
	"io"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// JSON writes the report described by schema/report.schema.json.
type JSON struct{}

func init() { register("json", func(Options) Reporter { return JSON{} }) }

type jsonReport struct {
	Tool     jsonTool       `json:"tool"`
	Files    int            `json:"files"`
	Findings []lint.Finding `json:"findings"`
	Summary  jsonSummary    `json:"summary"`
	Notes    []lint.Note    `json:"notes,omitempty"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonSummary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Write implements Reporter.
func (JSON) Write(w io.Writer, r *Report) error {
	sum := lint.Summary(r.Findings)
	out := jsonReport{
		Tool:     jsonTool{Name: r.Tool, Version: r.Version},
		Files:    len(r.Files),
		Findings: []lint.Finding{}, // streamed in its place (jsonWithArray)
		Summary:  jsonSummary{Error: sum[lint.Error], Warning: sum[lint.Warning], Info: sum[lint.Info]},
		Notes:    r.Notes,
	}
	return jsonWithArray(w, out, "findings", 1, len(r.Findings), func(i int) any { return &r.Findings[i] })
}

// ReadJSON reads a JSON report (for --baseline).
func ReadJSON(r io.Reader) ([]lint.Finding, error) {
	var rep jsonReport
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return nil, err
	}
	return rep.Findings, nil
}
