package lint

import (
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
	if len(f.Comments) == 0 || len(fs) == 0 {
		return fs
	}
	ds := ParseDirectives(f)
	if len(ds) == 0 {
		return fs
	}
	out := fs[:0]
	for _, fd := range fs {
		if fd.Rule == DirectiveRuleID || !suppressed(ds, fd) {
			out = append(out, fd)
		}
	}
	return out
}

func names(d Directive, rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

func suppressed(ds []Directive, fd Finding) bool {
	off := false
	for _, d := range ds {
		if d.Bad != "" || !names(d, fd.Rule) {
			continue
		}
		switch d.Kind {
		case DisableFile:
			return true
		case DisableNextLine:
			if fd.Line == d.EndLine+1 {
				return true
			}
		case Disable:
			if d.Line <= fd.Line {
				off = true
			}
		case Enable:
			if d.Line <= fd.Line {
				off = false
			}
		}
	}
	return off
}
