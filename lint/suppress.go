package lint

import (
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// DirectiveKind is the verb of an inline directive.
type DirectiveKind string

// Directive verbs, as written after "ladderlint-".
const (
	Disable         DirectiveKind = "disable"
	Enable          DirectiveKind = "enable"
	DisableNextLine DirectiveKind = "disable-next-line"
	DisableFile     DirectiveKind = "disable-file"
)

// Directive is an inline comment such as
// <!-- ladderlint-disable-next-line grade-order -->.
type Directive struct {
	Kind    DirectiveKind
	Rules   []string // empty: every rule
	Spans   []model.Span
	Comment *model.Comment
	Line    int    // line of the comment's start
	EndLine int    // line of the comment's end
	Bad     string // a malformed directive: what is wrong
}

// DirectivePrefix starts every directive.
const DirectivePrefix = "ladderlint-"

// ParseDirectives reads the inline directives of a page, in order.
func ParseDirectives(f *model.Family) []Directive {
	var out []Directive
	for _, c := range f.Comments {
		text := strings.TrimSpace(c.Text)
		if !strings.HasPrefix(text, DirectivePrefix) {
			continue
		}
		body := text
		if i := strings.Index(body, " -- "); i >= 0 { // a reason follows
			body = body[:i]
		}
		fields := strings.FieldsFunc(body, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
		verb := strings.TrimPrefix(fields[0], DirectivePrefix)
		d := Directive{Comment: c, Line: f.Source.Position(c.Span.Start).Line, EndLine: f.Source.Position(c.Span.End).Line}
		switch DirectiveKind(verb) {
		case Disable, Enable, DisableNextLine, DisableFile:
			d.Kind = DirectiveKind(verb)
		default:
			d.Bad = "unknown directive " + fields[0] + " (want ladderlint-disable, -enable, -disable-next-line or -disable-file)"
		}
		// locate each rule ID in the comment, for precise findings
		raw := f.Source.Text[c.Span.Start:c.Span.End]
		from := strings.Index(string(raw), fields[0]) + len(fields[0])
		for _, id := range fields[1:] {
			d.Rules = append(d.Rules, id)
			at := strings.Index(string(raw[from:]), id)
			if at < 0 {
				d.Spans = append(d.Spans, c.Span)
				continue
			}
			s := c.Span.Start + from + at
			d.Spans = append(d.Spans, model.Span{Start: s, End: s + len(id)})
			from += at + len(id)
		}
		out = append(out, d)
	}
	return out
}

// DirectiveRuleID is the rule that reports bad directives; its findings are
// never suppressed.
const DirectiveRuleID = "directive"

// Suppress drops the findings that inline directives turn off.
func Suppress(f *model.Family, fs []Finding) []Finding {
	if len(fs) == 0 {
		return fs
	}
	off := suppressor(f)
	if off == nil {
		return fs
	}
	out := fs[:0]
	for _, fd := range fs {
		if fd.Rule == DirectiveRuleID || !off(fd) {
			out = append(out, fd)
		}
	}
	return out
}

// suppressor returns what tells whether a page's directives turn a finding
// off (findings of the directive rule aside), or nil when the page has no
// directive.
func suppressor(f *model.Family) func(Finding) bool {
	if len(f.Comments) == 0 {
		return nil
	}
	ds := ParseDirectives(f)
	if len(ds) == 0 {
		return nil
	}
	return newSuppressIndex(ds).suppressed
}

// toggle is a disable or enable directive, in document order.
type toggle struct {
	line, seq int
	off       bool
}

// suppressIndex answers "is this finding turned off?" in logarithmic time,
// however many directives and findings a page has.
type suppressIndex struct {
	fileAll   bool
	fileRules map[string]bool
	nextLine  map[int]map[string]bool // line -> rules ("" for every rule)
	toggles   map[string][]toggle     // rule ("" for every rule) -> toggles in order
}

func newSuppressIndex(ds []Directive) *suppressIndex {
	idx := &suppressIndex{fileRules: map[string]bool{}, nextLine: map[int]map[string]bool{}, toggles: map[string][]toggle{}}
	for seq, d := range ds {
		if d.Bad != "" {
			continue
		}
		rules := d.Rules
		if len(rules) == 0 {
			rules = []string{""}
		}
		for _, r := range rules {
			switch d.Kind {
			case DisableFile:
				if r == "" {
					idx.fileAll = true
				}
				idx.fileRules[r] = true
			case DisableNextLine:
				m := idx.nextLine[d.EndLine+1]
				if m == nil {
					m = map[string]bool{}
					idx.nextLine[d.EndLine+1] = m
				}
				m[r] = true
			case Disable, Enable:
				idx.toggles[r] = append(idx.toggles[r], toggle{line: d.Line, seq: seq, off: d.Kind == Disable})
			}
		}
	}
	return idx
}

func (idx *suppressIndex) suppressed(fd Finding) bool {
	if idx.fileAll || idx.fileRules[fd.Rule] {
		return true
	}
	if m := idx.nextLine[fd.Line]; m[""] || m[fd.Rule] {
		return true
	}
	// the last disable/enable at or before the finding's line decides
	a, okA := lastToggle(idx.toggles[fd.Rule], fd.Line)
	b, okB := lastToggle(idx.toggles[""], fd.Line)
	switch {
	case okA && okB:
		if a.seq > b.seq {
			return a.off
		}
		return b.off
	case okA:
		return a.off
	case okB:
		return b.off
	}
	return false
}

func lastToggle(ts []toggle, line int) (toggle, bool) {
	i := sort.Search(len(ts), func(i int) bool { return ts[i].line > line }) - 1
	if i < 0 {
		return toggle{}, false
	}
	return ts[i], true
}
