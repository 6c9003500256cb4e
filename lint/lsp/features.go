package lsp

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/report"
)

// RuleDocURL is the documentation link of a rule (codeDescription): its
// section of docs/rules.md on the project's repository, the same reference
// SARIF reports link to.
func RuleDocURL(rule string) string { return report.RulesDocURL + "#" + rule }

// Source names ladderlint in diagnostics.
const Source = "ladderlint"

func lspSeverity(s lint.Severity) int {
	switch s {
	case lint.Error:
		return 1
	case lint.Warning:
		return 2
	}
	return 3 // information
}

func diagnostic(f lint.Finding, r Range) map[string]any {
	return map[string]any{
		"range":           r,
		"severity":        lspSeverity(f.Severity),
		"code":            f.Rule,
		"codeDescription": map[string]any{"href": RuleDocURL(f.Rule)},
		"source":          Source,
		"message":         f.Message,
		"data":            map[string]any{"fingerprint": f.Fingerprint},
	}
}

type textDocumentID struct {
	URI string `json:"uri"`
}

// current returns the document's last lint if it is of the text the client
// holds now (a stale lint's offsets would edit the wrong place).
func (s *server) current(uri string) (*document, *published, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil || d.published == nil || d.published.version != d.version {
		return d, nil, s.enc
	}
	return d, d.published, s.enc
}

type textEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

func (s *server) codeAction(raw json.RawMessage) (any, *rpcError) {
	var p struct {
		TextDocument textDocumentID `json:"textDocument"`
		Range        Range          `json:"range"`
		Context      struct {
			Only []string `json:"only"`
		} `json:"context"`
	}
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	actions := []any{}
	_, pub, enc := s.current(p.TextDocument.URI)
	if pub == nil {
		return actions, nil
	}
	wants := func(kind string) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, o := range p.Context.Only {
			if kind == o || strings.HasPrefix(kind, o+".") {
				return true
			}
		}
		return false
	}
	nl := "\n"
	if pub.src.CRLF {
		nl = "\r\n"
	}
	uri := p.TextDocument.URI
	edit := func(edits []textEdit) map[string]any {
		return map[string]any{"changes": map[string][]textEdit{uri: edits}}
	}
	disabled := map[string]bool{} // one disable action per rule and line
	for i, f := range pub.findings {
		r := pub.ranges[i]
		if !overlaps(r, p.Range) {
			continue
		}
		diag := diagnostic(f, r)
		if len(f.Fixes) > 0 && wants("quickfix") {
			if edits := fixEdits(pub.src, enc, f.Fixes, nl); edits != nil {
				actions = append(actions, map[string]any{
					"title": "Fix: " + f.Message, "kind": "quickfix", "isPreferred": true,
					"diagnostics": []any{diag}, "edit": edit(edits),
				})
			}
		}
		key := fmt.Sprintf("%s:%d", f.Rule, f.Line)
		if f.Rule != lint.DirectiveRuleID && !disabled[key] && wants("quickfix") {
			if e, ok := disableEdit(pub, enc, f, nl); ok {
				disabled[key] = true
				actions = append(actions, map[string]any{
					"title": "Disable " + f.Rule + " for this line", "kind": "quickfix",
					"diagnostics": []any{diag}, "edit": edit([]textEdit{e}),
				})
			}
		}
	}
	if wants("source.fixAll.ladderlint") {
		var fixable []lint.Finding
		for _, f := range pub.findings {
			if len(f.Fixes) > 0 {
				fixable = append(fixable, f)
			}
		}
		if len(fixable) > 0 {
			// the same application of fixes as --fix, as one edit of the page
			out, applied := lint.ApplyFixes(pub.src.Text, fixable)
			if len(applied) > 0 {
				whole := Range{End: sourcePosition(pub.src, enc, len(pub.src.Text))}
				text := strings.ReplaceAll(string(out), "\n", nl)
				actions = append(actions, map[string]any{
					"title": fmt.Sprintf("Fix all ladderlint problems (%d)", len(applied)), "kind": "source.fixAll.ladderlint",
					"edit": edit([]textEdit{{Range: whole, NewText: text}}),
				})
			}
		}
	}
	return actions, nil
}

// overlaps reports whether two ranges share a position (an empty range
// touching the other counts: a cursor on a finding's edge).
func overlaps(a, b Range) bool {
	return !a.End.before(b.Start) && !b.End.before(a.Start)
}

// fixEdits converts a finding's edits; nil when they overlap each other.
func fixEdits(src *model.Source, enc string, fixes []lint.Edit, nl string) []textEdit {
	sorted := append([]lint.Edit(nil), fixes...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
	last := 0
	var out []textEdit
	for _, e := range sorted {
		if e.Span.Start < last || e.Span.End < e.Span.Start || e.Span.End > len(src.Text) {
			return nil
		}
		last = e.Span.End
		out = append(out, textEdit{Range: sourceRange(src, enc, e.Span), NewText: strings.ReplaceAll(e.New, "\n", nl)})
	}
	return out
}

// disableEdit writes a ladderlint-disable-next-line directive for the
// finding's rule on the line before the finding's first line, keeping the
// page's structure: at the end of that line when it is text of the same
// block (a paragraph's line, a list item; a table row's last cell), since a comment on
// a line of its own would split a paragraph or a list in two; on a line of
// its own, indented like the finding's line, after a blank line, a heading
// or a rule. A directive already there gets the rule added. Findings in the
// front matter get none (a comment there would be YAML), nor do findings
// on a table's first row (a comment after the delimiter row would break the
// table).
func disableEdit(pub *published, enc string, f lint.Finding, nl string) (textEdit, bool) {
	src := pub.src
	if fm := pub.family.FrontMatter; fm != nil && f.Offset < fm.Span.End {
		return textEdit{}, false
	}
	for _, d := range lint.ParseDirectives(pub.family) {
		if d.Kind != lint.DisableNextLine || d.Bad != "" || d.EndLine != f.Line-1 || len(d.Rules) == 0 || len(d.Spans) != len(d.Rules) {
			continue
		}
		if strings.Contains(d.Comment.Text, " -- ") {
			continue // a reason is written for the rules there
		}
		at := d.Spans[len(d.Spans)-1].End
		p := sourcePosition(src, enc, at)
		return textEdit{Range: Range{Start: p, End: p}, NewText: " " + f.Rule}, true
	}
	directive := "<!-- " + lint.DirectivePrefix + string(lint.DisableNextLine) + " " + f.Rule + " -->"
	if f.Line > 1 {
		prev := strings.TrimRight(src.LineText(f.Line-1), " \t")
		switch {
		case strings.Contains(prev, "|") && tableDelimiterRE.MatchString(prev):
			return textEdit{}, false
		case strings.HasSuffix(prev, "|") && !strings.HasSuffix(prev, "\\|"):
			// a table row: in its last cell (after the row the comment
			// would be a cell of its own, which tables drop)
			p := sourcePosition(src, enc, src.LineStart(f.Line-1)+len(prev)-1)
			return textEdit{Range: Range{Start: p, End: p}, NewText: directive + " "}, true
		case strings.TrimSpace(prev) != "" && !standaloneRE.MatchString(prev):
			// before any trailing spaces or backslash, a hard line break
			at := len(prev)
			if strings.HasSuffix(prev, "\\") && !strings.HasSuffix(prev, "\\\\") {
				at--
			}
			p := sourcePosition(src, enc, src.LineStart(f.Line-1)+at)
			return textEdit{Range: Range{Start: p, End: p}, NewText: " " + directive}, true
		}
	}
	line := src.LineText(f.Line)
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	p := sourcePosition(src, enc, src.LineStart(f.Line))
	return textEdit{Range: Range{Start: p, End: p}, NewText: indent + directive + nl}, true
}

var (
	// a line after which a comment goes on a line of its own: an ATX
	// heading (a comment in it could change its anchor), a thematic break,
	// a setext underline or the front matter's end, a code fence, an HTML
	// comment block
	standaloneRE = regexp.MustCompile(`^ {0,3}(#|[-=*_ ]+$|` + "```" + `|~~~|<!--)|^\s*-->$`)
	// a table's delimiter row
	tableDelimiterRE = regexp.MustCompile(`^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$`)
)

type positionParams struct {
	TextDocument textDocumentID `json:"textDocument"`
	Position     Position       `json:"position"`
}

func (s *server) hover(raw json.RawMessage) (any, *rpcError) {
	var p positionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	_, pub, enc := s.current(p.TextDocument.URI)
	if pub == nil {
		return nil, nil
	}
	var parts []string
	seen := map[string]bool{}
	var hit *Range
	for i, f := range pub.findings {
		r := pub.ranges[i]
		if p.Position.before(r.Start) || r.End.before(p.Position) {
			continue
		}
		if hit == nil {
			hit = &pub.ranges[i]
		}
		parts = append(parts, fmt.Sprintf("**%s** (%s): %s", f.Rule, f.Severity, f.Message))
		if rule := lint.Lookup(f.Rule); rule != nil && !seen[f.Rule] {
			seen[f.Rule] = true
			parts = append(parts, lint.Explain(rule)+"\n["+f.Rule+" in the rule reference]("+RuleDocURL(f.Rule)+")")
		}
	}
	if hit == nil {
		// a rule named in an inline directive
		for _, d := range lint.ParseDirectives(pub.family) {
			for i, sp := range d.Spans {
				r := sourceRange(pub.src, enc, sp)
				rule := lint.Lookup(d.Rules[i])
				if rule == nil || p.Position.before(r.Start) || r.End.before(p.Position) {
					continue
				}
				return map[string]any{
					"contents": map[string]any{"kind": "markdown", "value": lint.Explain(rule) + "\n[" + rule.ID + " in the rule reference](" + RuleDocURL(rule.ID) + ")"},
					"range":    r,
				}, nil
			}
		}
		return nil, nil
	}
	return map[string]any{
		"contents": map[string]any{"kind": "markdown", "value": strings.Join(parts, "\n\n---\n\n")},
		"range":    *hit,
	}, nil
}

var (
	// a directive being written: the verb, then rule IDs so far
	directiveRE = regexp.MustCompile(`<!--\s*ladderlint-(disable-next-line|disable-file|disable|enable)((?:[ \t,]+[A-Za-z0-9-]*)*)$`)
	// the verb being written
	verbRE = regexp.MustCompile(`<!--\s*(ladderlint-[a-z-]*)$`)
)

func (s *server) completion(raw json.RawMessage) (any, *rpcError) {
	var p positionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	var text []byte
	var starts []int
	enc := s.enc
	if d != nil {
		text, starts = d.text, d.starts
	}
	s.mu.Unlock()
	empty := map[string]any{"isIncomplete": false, "items": []any{}}
	if d == nil || p.Position.Line < 0 || p.Position.Line >= len(starts) {
		return empty, nil
	}
	off := offsetOf(text, starts, enc, p.Position)
	before := string(text[starts[p.Position.Line]:off])
	open := strings.LastIndex(before, "<!--")
	if open < 0 || strings.Contains(before[open:], "-->") {
		return empty, nil
	}
	before = before[open:]
	replace := func(word string) Range {
		return Range{Start: Position{Line: p.Position.Line, Character: p.Position.Character - units(enc, []byte(word))}, End: p.Position}
	}
	var items []any
	if m := verbRE.FindStringSubmatch(before); m != nil {
		for _, v := range []lint.DirectiveKind{lint.Disable, lint.Enable, lint.DisableNextLine, lint.DisableFile} {
			label := lint.DirectivePrefix + string(v)
			if strings.HasPrefix(label, m[1]) {
				items = append(items, map[string]any{"label": label, "kind": 14, "textEdit": textEdit{Range: replace(m[1]), NewText: label}})
			}
		}
	} else if m := directiveRE.FindStringSubmatch(before); m != nil && m[2] != "" {
		written := strings.FieldsFunc(m[2], func(r rune) bool { return r == ' ' || r == '\t' || r == ',' })
		partial := ""
		if !strings.ContainsAny(m[2][len(m[2])-1:], " \t,") && len(written) > 0 {
			partial = written[len(written)-1]
			written = written[:len(written)-1]
		}
		have := map[string]bool{}
		for _, w := range written {
			have[w] = true
		}
		for _, id := range lint.RuleIDs() {
			if have[id] || !strings.HasPrefix(id, partial) {
				continue
			}
			r := lint.Lookup(id)
			items = append(items, map[string]any{
				"label": id, "kind": 21, "detail": r.Title,
				"documentation": map[string]any{"kind": "markdown", "value": lint.Explain(r)},
				"textEdit":      textEdit{Range: replace(partial), NewText: id},
			})
		}
	}
	if items == nil {
		return empty, nil
	}
	return map[string]any{"isIncomplete": false, "items": items}, nil
}
