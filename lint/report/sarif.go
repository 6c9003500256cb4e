package report

import (
	"io"
	"net/url"
	"path"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// SARIF writes a SARIF 2.1.0 log with one run: the rules that ran as the
// tool's rule catalog (from their docs), and one result per finding with
// its location (a URI relative to the source root, columns counted in
// characters from 1) and its fingerprint.
type SARIF struct{}

func init() { register("sarif", func(Options) Reporter { return SARIF{} }) }

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// FingerprintKey names ladderlint's fingerprint in partialFingerprints;
	// the version changes when the fingerprint's derivation does.
	FingerprintKey = "ladderlint/v1"
	// sarifSourceRoot is the base the relative artifact URIs are resolved
	// against: the folder ladderlint ran in, usually the repository root.
	sarifSourceRoot = "%SRCROOT%"
	// InformationURI is ladderlint's home page.
	InformationURI = "https://gitlab.com/ladderlint/ladderlint"
	// RulesDocURL is the rule reference; a rule's section is #<rule-id>.
	RulesDocURL = InformationURI + "/-/blob/main/docs/rules.md"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	ShortDescription     *sarifMessage   `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage   `json:"fullDescription,omitempty"`
	Help                 *sarifMessage   `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifConfig    `json:"defaultConfiguration,omitempty"`
	Properties           *sarifRuleProps `json:"properties,omitempty"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Role string `json:"role,omitempty"`
	Diff string `json:"diff,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// sarifLevel maps a severity to a SARIF result level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// Write implements Reporter.
func (SARIF) Write(w io.Writer, r *Report) error {
	driver := sarifDriver{Name: r.Tool, Version: r.Version, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(d sarifRule) {
		if _, ok := index[d.ID]; !ok {
			index[d.ID] = len(driver.Rules)
			driver.Rules = append(driver.Rules, d)
		}
	}
	for _, rule := range r.Rules {
		if rule != nil {
			addRule(sarifRuleOf(rule))
		}
	}
	for _, f := range r.Findings {
		if _, ok := index[f.Rule]; !ok {
			// a finding of a rule outside the catalog (read from elsewhere)
			if rule := lint.Lookup(f.Rule); rule != nil {
				addRule(sarifRuleOf(rule))
			} else {
				addRule(sarifRule{ID: f.Rule})
			}
		}
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:       sarifTool{Driver: driver},
			ColumnKind: "unicodeCodePoints", // our columns count characters
			Results:    []sarifResult{},     // streamed in its place (jsonWithArray)
		}},
	}
	return jsonWithArray(w, log, "results", 3, len(r.Findings), func(i int) any {
		f := r.Findings[i]
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactOf(f.Path),
				Region:           sarifRegionOf(f),
			}}},
			PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint},
		}
		if f.Role != "" || f.Diff != "" {
			res.Properties = &sarifResultProps{Role: f.Role, Diff: f.Diff}
		}
		return &res
	})
}

// sarifRuleOf is a rule's catalog entry: its title, description and the
// whole of `ladderlint explain` as help.
func sarifRuleOf(r *lint.Rule) sarifRule {
	d := sarifRule{
		ID:                   r.ID,
		ShortDescription:     &sarifMessage{Text: r.Title},
		HelpURI:              RulesDocURL + "#" + r.ID,
		DefaultConfiguration: &sarifConfig{Level: sarifLevel(r.Severity)},
		Properties:           &sarifRuleProps{Tags: []string{string(r.Category)}},
	}
	if desc := strings.TrimSpace(r.Doc.Description); desc != "" {
		d.FullDescription = &sarifMessage{Text: desc}
		d.Help = &sarifMessage{Text: desc, Markdown: lint.Explain(r)}
	}
	return d
}

// sarifArtifactOf turns a report path into a URI: a relative path (the
// usual case) is escaped segment by segment and resolved against the
// source root; an absolute one becomes a file URI.
func sarifArtifactOf(p string) sarifArtifact {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		// a colon would read as a URI scheme in a first segment
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	escaped := strings.Join(segs, "/")
	if path.IsAbs(p) {
		return sarifArtifact{URI: "file://" + escaped}
	}
	return sarifArtifact{URI: escaped, URIBaseID: sarifSourceRoot}
}

// sarifRegionOf is a finding's region, lines and columns clamped to 1; the
// end column is exclusive, as SARIF's is.
func sarifRegionOf(f lint.Finding) sarifRegion {
	reg := sarifRegion{StartLine: max(f.Line, 1), StartColumn: max(f.Column, 1)}
	if f.EndLine > reg.StartLine || f.EndLine == reg.StartLine && f.EndColumn >= reg.StartColumn {
		reg.EndLine, reg.EndColumn = f.EndLine, max(f.EndColumn, 1)
	}
	return reg
}
