// Package lint is ladderlint's engine: rules as values, one registry, the
// run that reads and models every file once and applies per-file and
// cross-file rules, and the findings it turns their diagnostics into
// (position, severity, fingerprint, suppression).
package lint

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Severity of a finding. The zero value means "not set".
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// MarshalText encodes a severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads "error", "warning", "info" or "off" (which gives 0).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	case "off", "never", "none":
		return 0, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// Category groups rules in the docs.
type Category string

// Rule categories, in the order the docs list them.
const (
	Structure Category = "structure"
	Grades    Category = "grades"
	Links     Category = "links"
	Wording   Category = "wording"
	Policy    Category = "policy"
)

// Categories lists the categories in doc order.
var Categories = []Category{Structure, Grades, Links, Wording, Policy}

// Doc is a rule's documentation: the source of `ladderlint explain`, the
// SARIF rule catalog and docs/rules.md.
type Doc struct {
	Description string      // what the rule checks and why, a paragraph or two of markdown
	Bad         string      // a markdown excerpt the rule reports
	Good        string      // the same excerpt, fixed
	Options     []OptionDoc // documented options, in the order shown
	// Excerpt marks examples that are not whole pages on their own (they
	// need other files, a content tree or the network): the registry test
	// then does not lint them.
	Excerpt bool
}

// OptionDoc documents one option.
type OptionDoc struct {
	Name    string
	Default string // as YAML
	Text    string
}

// Rule is a check. Exactly one of Check and CheckAll is set.
type Rule struct {
	ID       string   // stable kebab-case ID
	Title    string   // one line
	Category Category //
	Severity Severity // default severity
	Optional bool     // off unless enabled (network rules, say)
	Fixable  bool     // reports fixes that --fix applies
	// OnSkipped rules also run on files that were not parsed (too large,
	// binary); their model is empty but for Issues.
	OnSkipped bool
	Doc       Doc

	// Options returns a pointer to the rule's options filled with their
	// defaults; config values are decoded into it (unknown keys rejected).
	// Validate, when set, checks the decoded value.
	Options  func() any
	Validate func(opts any) error

	// Check runs on one file.
	Check func(p *Pass)
	// CheckAll runs once on all files, after every file is modelled.
	CheckAll func(p *SetPass)

	// A cross-file rule runs in two stages when it can. Collect is its
	// per-file stage: it runs in the parallel phase, right after the
	// page's per-file rules, and returns the small summary of the page
	// that CheckAll needs (SetPass.Summary hands it back), so that the
	// work on each page is done alongside the other per-file work and
	// the page's cached words need not be kept until the end.
	Collect func(p *Pass) any
	// Local, when set and true for the rule's options, says that CheckAll
	// looks at each file on its own (term-consistency with scope: page):
	// the engine then runs CheckAll on one file at a time in the parallel
	// phase instead of on all files at the end. The findings are the same.
	Local func(opts any) bool
	// SlimModels says that CheckAll reads of each file only what
	// model.Family.Slim keeps (path, source, roles and grades, comments),
	// and its per-file summaries. When every cross-file rule of a run that
	// is not Local says so, the engine slims each page right after its
	// per-file stage (unless Engine.KeepModels), and the run's memory no
	// longer holds every page's prose until the end.
	SlimModels bool
	// FewMemos says that the rule's per-file stage (Collect, or CheckAll
	// of a Local rule) asks the memos (model.Block.Memo, Family.Memo: the
	// words of blocks, ...) of few of a page's blocks. The engine runs such
	// stages after the others (Engine.crossOrder) and releases the page's
	// memos before them (unless Engine.KeepModels): the
	// words of every block are not held while it builds its own index of
	// the page. A memo it asks for is built again; only time is at stake.
	FewMemos bool
	// EncodeSummary and DecodeSummary, when set, let the engine keep a
	// file's Collect summary between local runs (Engine.Cache): encode
	// returns false for a summary it does not keep; decode gets the run's
	// environment (for what summaries share within a run) and returns an
	// error for bytes it cannot read, and the file is then collected.
	// Decoding what EncodeSummary wrote must give a summary that CheckAll
	// treats as the one Collect returned. When every cross-file rule of a
	// run has one cached for a file whose findings are not reported, the
	// file is not read: its model is a stand-in with the path only
	// (FileResult.Summarized). CheckAll must then take from the summary
	// everything of a file that decides another file's findings; what it
	// reads of the stand-in can only change the file's own findings,
	// which are dropped.
	EncodeSummary func(v any) ([]byte, bool)
	DecodeSummary func(env *Env, data []byte) (any, error)
	// Prefetch, when set, is started in the background when a run that
	// has a page to report begins: it builds what the rule needs for such
	// a page (misspelling's dictionary) while the files are read. It must
	// be safe to run alongside the rule's stages (build once, with a
	// sync.Once).
	Prefetch func()
}

// CrossFile reports whether the rule runs over all files at once.
func (r *Rule) CrossFile() bool { return r.CheckAll != nil }

var (
	registryMu sync.Mutex
	registry   = map[string]*Rule{}
)

// Register adds rules to the registry. It panics on a duplicate or
// malformed rule: that is a programming error caught by the tests.
func Register(rules ...*Rule) {
	registryMu.Lock()
	defer registryMu.Unlock()
	for _, r := range rules {
		if r.ID == "" || r.Title == "" || r.Severity == 0 || (r.Check == nil) == (r.CheckAll == nil) {
			panic(fmt.Sprintf("lint: malformed rule %q", r.ID))
		}
		if _, dup := registry[r.ID]; dup {
			panic(fmt.Sprintf("lint: rule %q registered twice", r.ID))
		}
		registry[r.ID] = r
	}
}

// Rules returns every registered rule, sorted by category then ID.
func Rules() []*Rule {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	order := map[Category]int{}
	for i, c := range Categories {
		order[c] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if order[out[i].Category] != order[out[j].Category] {
			return order[out[i].Category] < order[out[j].Category]
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Lookup returns a registered rule by ID.
func Lookup(id string) *Rule {
	registryMu.Lock()
	defer registryMu.Unlock()
	return registry[id]
}

// Edit replaces a span of a file's normalized source.
type Edit struct {
	Span model.Span
	New  string
}

// Diagnostic is what a rule reports: a subject in a file and a message. The
// engine turns it into a Finding.
type Diagnostic struct {
	File    *model.Family // for cross-file rules; a Pass fills it in
	Span    model.Span    // the offending text
	Message string
	// Role the finding is about. When nil the engine takes the innermost
	// role around Span.
	Role *model.Role
	// Subject identifies the finding for its fingerprint, stable across
	// edits elsewhere: the offending text, a rule-specific key. When empty
	// the text at Span is used.
	Subject string
	// Diff is a word diff ([-old-]{+new+}) for findings that compare texts.
	Diff string
	// Severity overrides the rule's default (not a configured severity).
	Severity Severity
	Fixes    []Edit
	// Covers names other rules whose defect this finding also reports, so
	// that one defect is one finding (a broken full URL to the site is
	// link-target's, and says it is also link-style's).
	Covers []string
	// AlsoRoles names other roles of the file that have the defect because
	// Role has it (levels that inherit Role's requirements): the finding
	// is reported once, on Role, and is about them too.
	AlsoRoles []string
	// Extent, when set, is the whole text the finding stands for where it
	// is wider than Span: a run of bullets reported once, at its first
	// (the message names the run's lines). Span stays what a reader's eye
	// is sent to.
	Extent model.Span
	// Places, when set, are the other places the finding reports at once,
	// apart from Span (a name written wrong in a role's heading, its
	// grade sentence and a section heading: one finding, on the first; the
	// message names their lines). Unlike Extent, the text between them is
	// not part of the finding.
	Places []model.Span
}

// Pass is one rule's run on one file.
type Pass struct {
	Rule    *Rule
	File    *model.Family
	Options any // the rule's options, as Rule.Options returned them after config
	Config  *Config
	Env     *Env
	// Unreported is set, for a Collect stage, on a file whose findings
	// the run drops (--new-from-rev: a file without changes): the summary
	// then needs only what the other files' findings depend on.
	Unreported bool
	report     func(Diagnostic)
}

// Report records a diagnostic.
func (p *Pass) Report(d Diagnostic) {
	if d.File == nil {
		d.File = p.File
	}
	p.report(d)
}

// Reportf records a diagnostic with a formatted message.
func (p *Pass) Reportf(span model.Span, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

// SetPass is one cross-file rule's run on every file.
type SetPass struct {
	Rule    *Rule
	Files   []*model.Family // sorted by path
	Options any
	Config  *Config
	Env     *Env
	report  func(Diagnostic)
	// unlisted counts a page's findings that ReportHeld left out, by
	// their diagnostics' severity
	unlisted func(*model.Family, map[Severity]int)
	// summaries are the rule's Collect results, by file
	summaries map[*model.Family]any
	// reported is Engine.Reported (nil: every file)
	reported func(path string) bool
}

// Reports reports whether the run keeps f's findings (Engine.Reported):
// a rule may skip the work of finding defects on a file it does not, after
// taking from it what the other files' findings depend on.
func (p *SetPass) Reports(f *model.Family) bool { return p.reported == nil || p.reported(f.Path) }

// Summary returns what the rule's Collect returned for f, or nil when it
// has none (no Collect, or a file the engine did not collect: the rule
// then computes it from the model).
func (p *SetPass) Summary(f *model.Family) any { return p.summaries[f] }

// Report records a diagnostic; d.File must be set.
func (p *SetPass) Report(d Diagnostic) {
	if d.File == nil {
		panic("lint: cross-file diagnostic without a file")
	}
	p.report(d)
}

// Env holds what rules share within one run: values built once on first
// use (a link index, say) and the run's files.
type Env struct {
	Config *Config
	mu     sync.Mutex
	values map[string]*envValue
}

type envValue struct {
	once sync.Once
	v    any
}

// NewEnv returns an environment for a run with the given config.
func NewEnv(cfg *Config) *Env { return &Env{Config: cfg, values: map[string]*envValue{}} }

// Shared returns the value stored under key, building it with build on first
// use. Concurrent callers wait for the one build.
func (e *Env) Shared(key string, build func() any) any {
	e.mu.Lock()
	v, ok := e.values[key]
	if !ok {
		v = &envValue{}
		e.values[key] = v
	}
	e.mu.Unlock()
	v.once.Do(func() { v.v = build() })
	return v.v
}

// Options returns a pass's options as *T. It panics when the rule declared
// other options: a programming error.
func Options[T any](opts any) *T {
	return opts.(*T)
}

// Version is ladderlint's version.
const Version = "0.1.0"
