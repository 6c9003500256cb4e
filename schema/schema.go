// Package schema holds ladderlint's JSON Schemas, embedded and compiled once:
// the config file, the job-family model, the JSON report and the default
// required-sections policy.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed *.schema.json
var files embed.FS

// Names of the embedded schema files.
const (
	ConfigFile           = "config.schema.json"
	FamilyFile           = "family.schema.json"
	ReportFile           = "report.schema.json"
	RequiredSectionsFile = "required-sections.schema.json"
	FrontMatterFile      = "frontmatter.schema.json"
)

// Names lists every embedded schema.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// Raw returns an embedded schema's text.
func Raw(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("schema: no embedded schema " + name)
	}
	return b
}

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// Get returns an embedded schema, compiled once.
func Get(name string) *jsonschema.Schema {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[name]; ok {
		return s
	}
	s, err := Compile(name, Raw(name))
	if err != nil {
		panic(fmt.Sprintf("schema: embedded %s does not compile: %v", name, err))
	}
	compiled[name] = s
	return s
}

// Compile compiles schema text; name is used in error messages.
func Compile(name string, text []byte) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.ExtractAnnotations = true
	url := "file:///" + strings.TrimPrefix(name, "/")
	if err := c.AddResource(url, bytes.NewReader(text)); err != nil {
		return nil, err
	}
	return c.Compile(url)
}

// Config is the schema of .ladderlint.yml.
func Config() *jsonschema.Schema { return Get(ConfigFile) }

// Family is the schema of `ladderlint model` output.
func Family() *jsonschema.Schema { return Get(FamilyFile) }

// Report is the schema of the JSON report.
func Report() *jsonschema.Schema { return Get(ReportFile) }

// FrontMatter is the schema of a job-family page's front matter.
func FrontMatter() *jsonschema.Schema { return Get(FrontMatterFile) }

// RequiredSections is the default required-sections policy.
func RequiredSections() *jsonschema.Schema { return Get(RequiredSectionsFile) }

// ToJSONValue round-trips v through encoding/json so that it holds only the
// values the validator accepts (maps, slices, strings, json.Number, bools).
func ToJSONValue(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// FirstError returns the instance location (a JSON pointer) and message of
// the most specific error in a validation failure.
func FirstError(err error) (string, string) {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return "", err.Error()
	}
	leaf := ve
	for len(leaf.Causes) > 0 {
		// prefer the deepest instance location: it names the key at fault
		best := leaf.Causes[0]
		for _, c := range leaf.Causes[1:] {
			if len(c.InstanceLocation) > len(best.InstanceLocation) {
				best = c
			}
		}
		leaf = best
	}
	return leaf.InstanceLocation, leaf.Message
}

// Leaves returns every leaf error of a validation failure.
func Leaves(err error) []*jsonschema.ValidationError {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}
