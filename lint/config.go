package lint

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"go.yaml.in/yaml/v3"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// ConfigFileName is the config file looked for from the current folder up.
const ConfigFileName = ".ladderlint.yml"

// Config is a run's configuration: .ladderlint.yml over the defaults (the
// GitLab handbook profile).
type Config struct {
	File string `yaml:"-"` // the file it was read from; "" for the defaults
	Dir  string `yaml:"-"` // the folder relative paths in it are taken from

	// Profile names the built-in profile the config refines: "gitlab"
	// (the default) or "generic" (lint/profiles/*.yml, docs/profiles.md).
	Profile string `yaml:"profile"`

	Include     []string `yaml:"include"`
	Exclude     []string `yaml:"exclude"`
	MaxFileSize int64    `yaml:"max_file_size"`
	// Cache keeps per-file summaries between local runs (not under CI;
	// the lint command's --cache).
	Cache bool `yaml:"cache"`

	Site   SiteConfig   `yaml:"site"`
	Grades GradesConfig `yaml:"grades"`
	// RequiredSections names a JSON Schema file (relative to the config)
	// over the role and family summaries; "" for the built-in one.
	RequiredSections string `yaml:"required_sections"`
	// Changes configures `ladderlint changes` (approval flows).
	Changes ChangesConfig `yaml:"changes"`
	// Sections maps a dimension kind (requirements, responsibilities,
	// nice-to-haves, anti-patterns) to more headings and bold labels that
	// name it, for ladders that do not use GitLab's section names.
	Sections map[string][]string `yaml:"sections"`

	Rules map[string]*RuleConfig `yaml:"rules"`

	// Positions of keys, for error messages: "rules.grade-order" -> line.
	lines map[string]int

	requiredSchema    *jsonschema.Schema
	requiredSchemaRaw []byte
}

// RequiredSectionsSchema returns the compiled required-sections schema (the
// config's, or the built-in one) and its text.
func (cfg *Config) RequiredSectionsSchema() (*jsonschema.Schema, []byte) {
	if cfg.requiredSchema != nil {
		return cfg.requiredSchema, cfg.requiredSchemaRaw
	}
	return schema.RequiredSections(), schema.Raw(schema.RequiredSectionsFile)
}

// SiteConfig says where pages live and how they are served.
type SiteConfig struct {
	// Layout is "hugo" (the default) or "middleman" (GitLab's handbook
	// before 2023).
	Layout string `yaml:"layout"`
	// Roots are content folders and the URL prefix each is served at. When
	// empty: Hugo, the nearest "content" folder above the linted files; the
	// Middleman preset, its source folders.
	Roots []RootConfig `yaml:"roots"`
	// PageFiles are the names a page's file can have within its folder;
	// "{name}" stands for the last path segment.
	PageFiles []string `yaml:"page_files"`
	// OwnURLs are the published site's own addresses: a link to one of them
	// should be root-relative.
	OwnURLs []OwnURL `yaml:"own_urls"`
	// Anchors is how heading IDs are generated: "github" (Hugo's default)
	// or "kramdown" (Middleman).
	Anchors string `yaml:"anchors"`
	// SourceURL links a file of the repository, "{path}" (from the
	// repository root) and "{line}" replaced; the ladder overview uses it.
	SourceURL string `yaml:"source_url"`
}

// RootConfig is a content folder served at a URL prefix.
type RootConfig struct {
	Dir    string `yaml:"dir"`
	Prefix string `yaml:"prefix"`
}

// OwnURL is a base URL of the site; with Paths, only those path prefixes
// are served there.
type OwnURL struct {
	URL   string   `yaml:"url"`
	Paths []string `yaml:"paths"`
}

// GradesConfig describes the grade ladder.
type GradesConfig struct {
	Min float64 `yaml:"min"`
	Max float64 `yaml:"max"`
	// Table is the link target of the grade table, as a site path with a
	// fragment; a Hugo ref to its page name with the same fragment counts.
	Table string `yaml:"table"`
	// Tracks order titles by seniority, lowest first; each step lists the
	// keywords that name it. The most specific keyword wins.
	Tracks []Track `yaml:"tracks"`
	// Tables are the handbook's grade tables given as data. When neither
	// Tables nor TablesFile is set, the tables are read from the page the
	// grade sentences link to (Table), below the heading its fragment names.
	Tables []GradeTable `yaml:"tables"`
	// TablesFile is a YAML file (relative to the config) holding a list of
	// grade tables, for handbooks that keep them outside the site.
	TablesFile string `yaml:"tables_file"`
	// TableFolders maps a table's name to the family paths it grades (path
	// globs, or folder names matched as whole path segments), for tables
	// read from the site; a family no mapping names is checked against the
	// table that fits its grades best.
	TableFolders map[string][]string `yaml:"table_folders"`
}

// GradeTable is one grade table: which titles each grade holds, on the
// management and the individual-contributor track.
type GradeTable struct {
	Name    string   `yaml:"name"`
	Folders []string `yaml:"folders"`
	// Families names the families the table grades, as the handbook names
	// them ("Channel Sales", "Sales Development"): a family whose title,
	// path or level titles name one of them is checked against this table.
	// Read from the site, they are the families the table above excludes
	// and sends to "the table below".
	Families []string `yaml:"families"`
	// Excludes names the families the table does not grade ("This table
	// excludes Enterprise Sales, ..."): such a family never takes it.
	Excludes []string   `yaml:"excludes"`
	Rows     []GradeRow `yaml:"rows"`
	// Anchor is the ID of the heading that names the table, read from the
	// site: a page that links to it there ("the specific grades are
	// [here](...#customer-success)") is checked against this table.
	Anchor string `yaml:"-"`
	Source string `yaml:"-"` // where it was read: a file, or the config
	Line   int    `yaml:"-"` // line of the table in Source
}

// GradeRow is a table row: a grade and the titles it holds.
type GradeRow struct {
	Grade      float64  `yaml:"grade"`
	Management []string `yaml:"management"`
	Individual []string `yaml:"individual"`
}

// Track is one seniority ladder (individual contributors, managers).
type Track struct {
	Name  string     `yaml:"name"`
	Steps [][]string `yaml:"steps"`
	// Open says the track's lowest step is open to anyone (a project's
	// community participants): that level has no requirements, privileges
	// or promotion to describe, and is not checked for dimensions the
	// other levels have.
	Open bool `yaml:"open"`
	// Qualified lets an anchored step word in the singular follow one
	// qualifier in a two-word title: "Core Contributor", "Designated
	// Reviewer" (an open-source project's roles; job titles such as
	// "Product Manager" are why steps are anchored).
	Qualified bool `yaml:"qualified"`
}

// RuleConfig configures one rule: severity ("off" disables) and options.
type RuleConfig struct {
	Severity string `yaml:"severity"`
	// Enabled turns an optional rule on at its own severities (--enable);
	// unlike Severity it does not override the severities a rule gives
	// particular findings.
	Enabled bool      `yaml:"-"`
	Options yaml.Node `yaml:"-"`
	Line    int       `yaml:"-"`
}

// DefaultConfig returns the GitLab handbook profile.
func DefaultConfig() *Config {
	return &Config{
		Include:     []string{"content/job-families/**/*.md"},
		MaxFileSize: fsutil.DefaultMaxSize,
		Site: SiteConfig{
			Layout:    "hugo",
			PageFiles: []string{"_index.md", "index.md", "{name}.md"},
			OwnURLs: []OwnURL{
				{URL: "https://handbook.gitlab.com"},
				{URL: "https://about.gitlab.com", Paths: []string{"/handbook/", "/job-families/"}},
			},
			Anchors: "github",
		},
		Grades: GradesConfig{
			Min:   1,
			Max:   20,
			Table: "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades",
			Tracks: []Track{
				{Name: "individual contributor", Steps: [][]string{
					{"Intern", "Apprentice"}, {"Associate", "Junior"}, {"Intermediate"}, {"Senior"}, {"Staff"},
					{"Principal"}, {"Distinguished"}, {"Fellow"},
				}},
				{Name: "manager", Steps: [][]string{
					{"^Associate Manager"},
					{"^Manager", "Engineering Manager"},
					{"Senior Manager", "Senior Engineering Manager", "Group Manager"},
					{"Director"}, {"Senior Director"},
					{"VP", "Vice President"}, {"Senior VP", "Senior Vice President", "SVP"},
					{"Executive VP", "Executive Vice President", "EVP", "Chief"},
				}},
			},
		},
		Changes: DefaultChangesConfig(),
		Rules:   map[string]*RuleConfig{},
	}
}

// ConfigError is a config problem with its file, line and key.
type ConfigError struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// FindConfig looks for .ladderlint.yml from dir upward, stopping at the
// repository root (a folder holding .git). It returns "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// RepoRoot returns the repository root at or above dir (the nearest folder
// holding .git), or "" when dir is not in a repository. Without a config
// file, the default include is taken from it, as a config's paths are
// taken from the config's folder, so that `ladderlint lint` works from any
// folder of the repository.
func RepoRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// maxConfigSize bounds a config file; a larger one is an error, not a read.
const maxConfigSize = 1 << 20

// LoadConfig reads a config file over the defaults.
func LoadConfig(path string) (*Config, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, &ConfigError{File: path, Msg: "is a folder, not a config file"}
	}
	raw, err := readLimited(path, maxConfigSize)
	if err != nil {
		return nil, &ConfigError{File: path, Msg: "cannot read the config: " + unwrapPathError(err).Error()}
	}
	return ParseConfig(path, raw)
}

// ParseConfig reads config text over the defaults: it checks the YAML, the
// schema (schema/config.schema.json), rule IDs, severities and options.
func ParseConfig(path string, raw []byte) (*Config, error) {
	cfg := DefaultConfig()
	cfg.File = path
	cfg.Dir = filepath.Dir(path)
	cfg.lines = map[string]int{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return cfg, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, &ConfigError{File: path, Line: line, Msg: "not valid YAML: " + msg}
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &ConfigError{File: path, Line: root.Line, Msg: "the config must be a mapping of keys to values"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "profile" && v.Kind == yaml.ScalarNode {
			base, err := ProfileConfig(v.Value)
			if err != nil {
				return nil, &ConfigError{File: path, Line: v.Line, Key: "profile", Msg: err.Error()}
			}
			*cfg = *base
			cfg.File, cfg.Dir, cfg.lines = path, filepath.Dir(path), map[string]int{}
		}
	}
	inst, err := yamlToJSON(root, 0)
	if err != nil {
		return nil, &ConfigError{File: path, Line: root.Line, Msg: err.Error()}
	}
	// after yamlToJSON, which bounds the depth
	if ce := checkDuplicateKeys(root, ""); ce != nil {
		ce.File = path
		return nil, ce
	}
	if err := schema.Config().Validate(inst); err != nil {
		return nil, configSchemaError(path, root, inst, err)
	}
	// decode everything but rules into the struct over the defaults
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		cfg.lines[k.Value] = k.Line
		var err error
		switch k.Value {
		case "rules":
			err = cfg.decodeRules(v)
		case "include":
			cfg.Include = nil
			err = v.Decode(&cfg.Include)
		case "exclude":
			cfg.Exclude = nil
			err = v.Decode(&cfg.Exclude)
		case "sections":
			err = decodeSections(v, cfg)
		case "max_file_size":
			err = v.Decode(&cfg.MaxFileSize)
		case "cache":
			err = v.Decode(&cfg.Cache)
		case "required_sections":
			err = v.Decode(&cfg.RequiredSections)
		case "site":
			err = decodeOver(v, &cfg.Site)
		case "grades":
			err = decodeOver(v, &cfg.Grades)
		case "changes":
			err = decodeOver(v, &cfg.Changes)
		}
		if err != nil {
			var ce *ConfigError
			if errors.As(err, &ce) {
				ce.File = path
				return nil, ce
			}
			line, msg := yamlErrorLine(err)
			if line == 0 {
				line = k.Line
			}
			return nil, &ConfigError{File: path, Line: line, Key: k.Value, Msg: msg}
		}
	}
	for i, r := range cfg.Site.Roots {
		// a root that is not there would make every link into it "no page"
		d := cfg.Resolve(r.Dir)
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			line, key := nodeAt(root, fmt.Sprintf("/site/roots/%d/dir", i))
			return nil, &ConfigError{File: path, Line: line, Key: key, Msg: fmt.Sprintf("no folder %s: expected the content folder served at %s", d, cmp.Or(r.Prefix, "/"))}
		}
	}
	if cfg.Grades.Min > cfg.Grades.Max {
		line, key := cfg.lines["grades"], "grades.min"
		if hasKey(root, "grades", "max") {
			key = "grades.max"
		}
		if l, _ := nodeAt(root, "/"+strings.ReplaceAll(key, ".", "/")); l > 0 {
			line = l
		}
		return nil, &ConfigError{File: path, Line: line, Key: key, Msg: fmt.Sprintf(
			"grades.min (%g) is above grades.max (%g): expected min at most max", cfg.Grades.Min, cfg.Grades.Max)}
	}
	if cfg.RequiredSections != "" {
		p := cfg.Resolve(cfg.RequiredSections)
		raw, err := readLimited(p, maxConfigSize)
		if err != nil {
			return nil, &ConfigError{File: path, Line: cfg.lines["required_sections"], Key: "required_sections", Msg: "cannot read " + p + ": " + unwrapPathError(err).Error()}
		}
		sch, err := schema.Compile(p, raw)
		if err != nil {
			return nil, &ConfigError{File: path, Line: cfg.lines["required_sections"], Key: "required_sections", Msg: "schema " + p + " does not compile: " + oneLineErr(err)}
		}
		cfg.requiredSchema, cfg.requiredSchemaRaw = sch, raw
	}
	if cfg.Site.Layout == "middleman" && !hasKey(root, "include") {
		cfg.Include = MiddlemanInclude()
	}
	if err := cfg.loadGradeTables(); err != nil {
		return nil, err
	}
	if cfg.Site.Layout == "middleman" && len(cfg.Site.PageFiles) == len(DefaultConfig().Site.PageFiles) && !hasKey(root, "site", "page_files") {
		cfg.Site.PageFiles = MiddlemanPageFiles
		if !hasKey(root, "site", "anchors") {
			cfg.Site.Anchors = "kramdown"
		}
	}
	return cfg, nil
}

func oneLineErr(err error) string {
	s := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// configSchemaError turns the first schema error into a ConfigError on the
// offending key: an unknown key is named and located itself, not its parent.
func configSchemaError(path string, root *yaml.Node, inst any, err error) error {
	ptr, msg := schema.FirstError(err)
	msg = schemaMessage(msg)
	var doc any
	_ = json.Unmarshal(schema.Raw(schema.ConfigFile), &doc)
	for _, leaf := range schema.Leaves(err) {
		kp := schema.KeywordPointer(leaf)
		if keys := schema.Offending(doc, inst, leaf); len(keys) > 0 && strings.HasSuffix(kp, "/additionalProperties") {
			ptr = strings.TrimSuffix(leaf.InstanceLocation, "/") + "/" + keys[0]
			parent, _ := schema.Resolve(doc, strings.TrimSuffix(kp, "/additionalProperties")).(map[string]any)
			props, _ := parent["properties"].(map[string]any)
			var names []string
			for k := range props {
				names = append(names, k)
			}
			sort.Strings(names)
			msg = "unknown key" + suggestFrom(keys[0], names) + "; keys here: " + strings.Join(names, ", ")
			break
		}
	}
	if strings.Contains(msg, ", got a ") {
		switch v := schema.Resolve(inst, ptr).(type) {
		case string:
			msg += fmt.Sprintf(" (%q)", v)
		case float64, bool:
			msg += fmt.Sprintf(" (%v)", v)
		}
	}
	line, key := nodeAt(root, ptr)
	if rule, ok := strings.CutPrefix(key, "rules."); ok && !strings.Contains(rule, ".") && Lookup(rule) == nil {
		msg += SuggestRule(rule)
	}
	return &ConfigError{File: path, Line: line, Key: key, Msg: msg}
}

// schemaMessage words a schema validator's message as the rest of the
// config errors are: what was expected, what was found.
func schemaMessage(msg string) string {
	r := strings.NewReplacer(
		"expected array", "expected a list", "expected object", "expected a mapping of keys to values",
		"expected string", "expected a string", "expected integer", "expected a whole number",
		"expected number", "expected a number", "expected boolean", "expected true or false",
		"but got array", "got a list", "but got object", "got a mapping", "but got string", "got a string",
		"but got number", "got a number", "but got boolean", "got true or false", "but got null", "got nothing",
		"value must be one of", "expected one of",
		"must be >=", "expected at least", "must be <=", "expected at most",
		"missing properties: ", "missing the required key ", "missing property: ", "missing the required key ",
		"does not match pattern '^https?://'", "expected a URL starting with http:// or https://",
		"does not match pattern '^/'", "expected a path starting with /",
		"does not match pattern '^[a-z][a-z0-9-]*$'", "expected a rule ID (lower case; ladderlint rules lists them)",
		"length must be >= 1, but got 0", "expected a non-empty string",
	)
	return r.Replace(msg)
}

// MiddlemanPageFiles are the page files of GitLab's pre-2023 Middleman site.
var MiddlemanPageFiles = []string{"index.html.md", "index.html.md.erb", "{name}.html.md", "{name}.html.md.erb", "index.html.erb", "index.html.haml", "{name}.html.haml", "index.html"}

// MiddlemanRoots are the source folders of GitLab's pre-2023 site, relative
// to the repository root; each is served at "/".
var MiddlemanRoots = []string{"sites/handbook/source", "sites/uncategorized/source", "sites/marketing/source", "source"}

// MiddlemanInclude is the Middleman preset's include: the job-family pages
// of each source folder (markdown, and markdown with ERB).
func MiddlemanInclude() []string {
	var out []string
	for _, r := range MiddlemanRoots {
		out = append(out, r+"/job-families/**/*.md", r+"/job-families/**/*.md.erb")
	}
	return out
}

func hasKey(root *yaml.Node, keys ...string) bool {
	n := root
	for _, k := range keys {
		if n == nil || n.Kind != yaml.MappingNode {
			return false
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n != nil
}

// decodeOver decodes a mapping into v, keeping defaults for absent keys.
func decodeOver(n *yaml.Node, v any) error {
	return n.Decode(v)
}

func (cfg *Config) decodeRules(n *yaml.Node) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := k.Value
		r := Lookup(id)
		if r == nil {
			return &ConfigError{Line: k.Line, Key: "rules." + id, Msg: "unknown rule" + SuggestRule(id)}
		}
		rc := &RuleConfig{Line: k.Line}
		switch v.Kind {
		case yaml.ScalarNode:
			rc.Severity = v.Value
		case yaml.MappingNode:
			opts := &yaml.Node{Kind: yaml.MappingNode, Line: v.Line, Column: v.Column}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == "severity" {
					rc.Severity = v.Content[j+1].Value
					continue
				}
				opts.Content = append(opts.Content, v.Content[j], v.Content[j+1])
			}
			rc.Options = *opts
		}
		if rc.Severity != "" {
			if _, err := ParseSeverity(rc.Severity); err != nil {
				return &ConfigError{Line: v.Line, Key: "rules." + id + ".severity", Msg: err.Error()}
			}
		}
		if len(rc.Options.Content) > 0 {
			if _, err := ruleOptions(r, rc); err != nil {
				return err
			}
		}
		cfg.Rules[id] = rc
	}
	return nil
}

// ruleOptions decodes a rule's options from config over its defaults.
func ruleOptions(r *Rule, rc *RuleConfig) (any, error) {
	if r.Options == nil {
		if rc != nil && len(rc.Options.Content) > 0 {
			k := rc.Options.Content[0]
			return nil, &ConfigError{Line: k.Line, Key: "rules." + r.ID + "." + k.Value, Msg: "this rule takes no options"}
		}
		return nil, nil
	}
	opts := r.Options()
	if rc != nil && len(rc.Options.Content) > 0 {
		if ce := checkTypes(&rc.Options, reflect.TypeOf(opts), "rules."+r.ID); ce != nil {
			return nil, ce
		}
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		if err := enc.Encode(&rc.Options); err != nil {
			return nil, &ConfigError{Line: rc.Line, Key: "rules." + r.ID, Msg: err.Error()}
		}
		dec := yaml.NewDecoder(&buf)
		dec.KnownFields(true)
		if err := dec.Decode(opts); err != nil {
			line, msg := yamlErrorLine(err)
			key := "rules." + r.ID
			if f := unknownFieldRE(msg); f != "" {
				key += "." + f
				for j := 0; j+1 < len(rc.Options.Content); j += 2 {
					if rc.Options.Content[j].Value == f {
						line = rc.Options.Content[j].Line
					}
				}
			} else if line > 0 {
				line = rc.Options.Line + line - 1
			}
			if line <= 0 {
				line = rc.Line
			}
			return nil, &ConfigError{Line: line, Key: key, Msg: strings.TrimPrefix(msg, "yaml: ")}
		}
	}
	if r.Validate != nil {
		if err := r.Validate(opts); err != nil {
			if rc == nil {
				return nil, &ConfigError{Key: "rules." + r.ID, Msg: err.Error()}
			}
			line, key, msg := locateOptionError(&rc.Options, "rules."+r.ID, rc.Line, err)
			return nil, &ConfigError{Line: line, Key: key, Msg: msg}
		}
	}
	return opts, nil
}

func unknownFieldRE(msg string) string {
	const marker = "field "
	i := strings.Index(msg, marker)
	if i < 0 || !strings.Contains(msg, "not found") {
		return ""
	}
	rest := msg[i+len(marker):]
	if j := strings.IndexByte(rest, ' '); j >= 0 {
		return rest[:j]
	}
	return rest
}

// SuggestRule returns ` (did you mean "x"?)` for a near miss of a rule ID, or "".
func SuggestRule(id string) string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	return suggestFrom(id, ids)
}

// Severity returns a rule's effective severity: configured, else default;
// 0 when the rule is off (configured off, or optional and not enabled).
func (cfg *Config) Severity(r *Rule) Severity {
	if rc := cfg.Rules[r.ID]; rc != nil && rc.Severity != "" {
		s, _ := ParseSeverity(rc.Severity)
		return s
	}
	if r.Optional && (cfg.Rules[r.ID] == nil || !cfg.Rules[r.ID].Enabled) {
		return 0
	}
	return r.Severity
}

// Configured reports whether the config sets the rule's severity.
func (cfg *Config) Configured(r *Rule) bool {
	rc := cfg.Rules[r.ID]
	return rc != nil && rc.Severity != ""
}

// Enable turns a rule on at its default severity (for --enable).
func (cfg *Config) Enable(id string) error {
	r := Lookup(id)
	if r == nil {
		return fmt.Errorf("--enable %s: unknown rule%s", id, SuggestRule(id))
	}
	rc := cfg.Rules[id]
	if rc == nil {
		rc = &RuleConfig{}
		cfg.Rules[id] = rc
	}
	if s, _ := ParseSeverity(rc.Severity); rc.Severity != "" && s == 0 {
		rc.Severity = "" // configured off: --enable wins, at the rule's own severities
	}
	rc.Enabled = true
	return nil
}

// Disable turns a rule off (for --disable).
func (cfg *Config) Disable(id string) error {
	if Lookup(id) == nil {
		return fmt.Errorf("--disable %s: unknown rule%s", id, SuggestRule(id))
	}
	rc := cfg.Rules[id]
	if rc == nil {
		rc = &RuleConfig{}
		cfg.Rules[id] = rc
	}
	rc.Severity = "off"
	rc.Enabled = false
	return nil
}

// RuleOptions returns a rule's decoded options (defaults when unset).
func (cfg *Config) RuleOptions(r *Rule) (any, error) {
	opts, err := ruleOptions(r, cfg.Rules[r.ID])
	if err != nil {
		var ce *ConfigError
		if errors.As(err, &ce) {
			ce.File = cfg.File
		}
	}
	return opts, err
}

// Resolve turns a config-relative path into one usable from the current folder.
func (cfg *Config) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || cfg.Dir == "" {
		return p
	}
	return filepath.Join(cfg.Dir, p)
}

// yamlToJSON converts a YAML node to JSON-model values for schema
// validation. Aliases are expanded with a budget, so an alias bomb is an
// error rather than a hang.
func yamlToJSON(n *yaml.Node, depth int) (any, error) {
	budget := 100000
	return yamlToJSONBudget(n, depth, &budget)
}

func yamlToJSONBudget(n *yaml.Node, depth int, budget *int) (any, error) {
	*budget--
	if *budget < 0 {
		return nil, errors.New("the config is too large (aliases expand beyond 100000 values)")
	}
	if depth > 64 {
		return nil, errors.New("the config is nested too deeply")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlToJSONBudget(n.Content[0], depth, budget)
	case yaml.AliasNode:
		return yamlToJSONBudget(n.Alias, depth+1, budget)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlToJSONBudget(n.Content[i+1], depth+1, budget)
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := yamlToJSONBudget(c, depth+1, budget)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
			if err == nil {
				return f, nil
			}
			var v any
			if n.Decode(&v) == nil {
				if i, ok := v.(int); ok {
					return float64(i), nil
				}
			}
			return n.Value, nil
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b, nil
			}
		case "!!null":
			return nil, nil
		}
		return n.Value, nil
	}
	return nil, nil
}

// nodeAt finds the YAML node a JSON pointer names, for the line and the
// dotted key of a schema error.
func nodeAt(root *yaml.Node, ptr string) (int, string) {
	n := root
	line := root.Line
	var keys []string
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if part == "" {
			continue
		}
		part = schema.UnescapePointer(part)
		keys = append(keys, part)
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == part {
					line = n.Content[i].Line
					next = n.Content[i+1]
				}
			}
			if next == nil {
				return line, joinKeys(keys)
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(part)
			if err != nil || i >= len(n.Content) {
				return line, joinKeys(keys)
			}
			keys[len(keys)-1] = "[" + part + "]"
			n = n.Content[i]
			line = n.Line
		default:
			return line, joinKeys(keys)
		}
	}
	return line, joinKeys(keys)
}

// joinKeys writes a key path: "grades.tracks[0].steps".
func joinKeys(keys []string) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 && !strings.HasPrefix(k, "[") {
			b.WriteByte('.')
		}
		b.WriteString(k)
	}
	return b.String()
}

func yamlErrorLine(err error) (int, string) { return model.YAMLErrorLine(err) }

// RuleIDs lists registered rule IDs, sorted.
func RuleIDs() []string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return ids
}

// loadGradeTables reads grades.tables_file, when set, and marks where the
// config's grade tables come from.
func (cfg *Config) loadGradeTables() error {
	g := &cfg.Grades
	for i := range g.Tables {
		g.Tables[i].Source = cfg.File
	}
	if g.TablesFile == "" {
		return nil
	}
	p := cfg.Resolve(g.TablesFile)
	line := cfg.lines["grades"]
	raw, err := readLimited(p, maxConfigSize)
	if err != nil {
		return &ConfigError{File: cfg.File, Line: line, Key: "grades.tables_file", Msg: err.Error()}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		l, msg := yamlErrorLine(err)
		return &ConfigError{File: p, Line: l, Msg: "not valid YAML: " + msg}
	}
	var tables []GradeTable
	if len(doc.Content) > 0 {
		n := doc.Content[0]
		if n.Kind == yaml.MappingNode {
			// also accept {tables: [...]}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "tables" {
					n = n.Content[i+1]
					break
				}
			}
		}
		if n.Kind != yaml.SequenceNode {
			return &ConfigError{File: p, Line: n.Line, Msg: "grade tables: want a list of tables (name, rows: grade, management, individual)"}
		}
		for _, item := range n.Content {
			var t GradeTable
			if err := decodeStrict(item, &t); err != nil {
				_, msg := yamlErrorLine(err)
				return &ConfigError{File: p, Line: item.Line, Msg: "grade table: " + msg}
			}
			if t.Name == "" {
				return &ConfigError{File: p, Line: item.Line, Msg: "grade table: a table needs a name"}
			}
			t.Source, t.Line = p, item.Line
			tables = append(tables, t)
		}
	}
	g.Tables = append(g.Tables, tables...)
	return nil
}

// decodeStrict decodes a YAML node into v, rejecting unknown keys.
func decodeStrict(n *yaml.Node, v any) error {
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(n); err != nil {
		return err
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	return dec.Decode(v)
}
