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
	"net/url"
	"sort"
	"strconv"
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
	LadderFile           = "ladder.schema.json"
	ChangesFile          = "changes.schema.json"
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

// Ladder returns the schema of `ladderlint ladder --format json`.
func Ladder() *jsonschema.Schema { return Get(LadderFile) }

// Changes is the schema of `ladderlint changes --format json`.
func Changes() *jsonschema.Schema { return Get(ChangesFile) }

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

// KeywordPointer returns the JSON pointer in an error's absolute keyword
// location ("file:///x.json#/properties/a/required" gives
// "/properties/a/required").
func KeywordPointer(e *jsonschema.ValidationError) string {
	abs := e.AbsoluteKeywordLocation
	if i := strings.IndexByte(abs, '#'); i >= 0 {
		frag := abs[i+1:]
		if u, err := url.PathUnescape(frag); err == nil {
			return u
		}
		return frag
	}
	return abs
}

// Resolve returns the value a JSON pointer names in a JSON value, or nil.
func Resolve(v any, ptr string) any {
	if ptr == "" || ptr == "/" {
		return v
	}
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		part = UnescapePointer(part)
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// pointerEscapes undoes the escapes of a JSON pointer's reference token.
var pointerEscapes = strings.NewReplacer("~1", "/", "~0", "~")

// UnescapePointer returns a JSON pointer token unescaped ("~1" is '/',
// "~0" is '~'); a token without '~' is returned as it is, without the
// replacer's work.
func UnescapePointer(part string) string {
	if strings.IndexByte(part, '~') < 0 {
		return part
	}
	return pointerEscapes.Replace(part)
}

// Offending returns the property names a "required" or
// "additionalProperties" error is about, computed from the schema document
// (doc, decoded JSON) and the instance rather than from the message: the
// required properties the instance object lacks, or the instance's
// properties the schema does not allow. It returns nil for other errors.
func Offending(doc, inst any, e *jsonschema.ValidationError) []string {
	ptr := KeywordPointer(e)
	obj, _ := Resolve(inst, e.InstanceLocation).(map[string]any)
	if obj == nil {
		return nil
	}
	var out []string
	switch {
	case strings.HasSuffix(ptr, "/required"):
		req, _ := Resolve(doc, ptr).([]any)
		for _, r := range req {
			if s, ok := r.(string); ok {
				if _, has := obj[s]; !has {
					out = append(out, s)
				}
			}
		}
	case strings.HasSuffix(ptr, "/additionalProperties"):
		parent, _ := Resolve(doc, strings.TrimSuffix(ptr, "/additionalProperties")).(map[string]any)
		props, _ := parent["properties"].(map[string]any)
		for k := range obj {
			if _, ok := props[k]; !ok {
				out = append(out, k)
			}
		}
	default:
		return nil
	}
	sort.Strings(out)
	return out
}
