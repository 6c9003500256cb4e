package model

import (
	"go.yaml.in/yaml/v3"
)

// JSON returns the model as plain JSON values (maps, slices, strings,
// numbers), the form `ladderlint model` prints and schema/family.schema.json
// describes. Every element carries its 1-based line and character column.
func (f *Family) JSON() map[string]any {
	src := f.Source
	pos := func(m map[string]any, s Span) map[string]any {
		p := src.Position(s.Start)
		m["line"], m["column"] = p.Line, p.Column
		return m
	}
	sentence := func(s *Sentence) any {
		if s == nil {
			return nil
		}
		return pos(map[string]any{"text": s.Text}, s.Span)
	}
	links := func(ls []*Link) []any {
		out := make([]any, 0, len(ls))
		for _, l := range ls {
			m := map[string]any{"text": l.Text, "target": l.Target, "kind": string(l.Kind)}
			if l.Path != "" {
				m["path"] = l.Path
			}
			if l.Fragment != "" {
				m["fragment"] = l.Fragment
			}
			if l.Raw != l.Target {
				m["raw"] = l.Raw
			}
			out = append(out, pos(m, l.Span))
		}
		return out
	}
	section := func(s *Section) map[string]any {
		m := map[string]any{"kind": string(s.Kind), "name": s.Name, "style": string(s.Style)}
		if s.Prefix != "" {
			m["prefix"] = s.Prefix
		}
		bullets := make([]any, 0, len(s.Bullets))
		for _, b := range s.Bullets {
			bm := pos(map[string]any{"text": b.Text, "depth": b.Depth}, b.Span)
			if len(b.Links) > 0 {
				bm["links"] = links(b.Links)
			}
			bullets = append(bullets, bm)
		}
		m["bullets"] = bullets
		paras := make([]any, 0, len(s.Paragraphs))
		for _, p := range s.Paragraphs {
			paras = append(paras, pos(map[string]any{"text": p.Text}, p.Span))
		}
		m["paragraphs"] = paras
		return pos(m, s.Span)
	}
	sections := func(ss []*Section) []any {
		out := make([]any, 0, len(ss))
		for _, s := range ss {
			out = append(out, section(s))
		}
		return out
	}

	out := map[string]any{"path": f.Path, "title": f.Title}
	if fm := f.FrontMatter; fm != nil {
		m := pos(map[string]any{}, fm.Span)
		m["end_line"] = src.Position(fm.Span.End).Line
		if fm.Node != nil {
			if data, err := fm.Data(); err == nil {
				m["data"] = data
			}
		}
		if fm.Err != nil {
			m["error"] = fm.Err.Message
		}
		out["front_matter"] = m
	} else {
		out["front_matter"] = nil
	}
	intro := make([]any, 0, len(f.Intro))
	for _, b := range f.Intro {
		intro = append(intro, pos(map[string]any{"text": b.Text}, b.Span))
	}
	out["intro"] = intro
	out["sections"] = sections(f.Sections)
	if h := f.Overview; h != nil {
		out["overview"] = pos(map[string]any{"level": h.Level, "text": h.Text}, h.Span)
	}

	roles := make([]any, 0, len(f.Roles))
	for _, r := range f.Roles {
		m := pos(map[string]any{"title": r.Title, "kind": string(r.Kind), "base": nil, "grade": nil, "heading": nil}, r.TitleSpan)
		m["end_line"] = src.Position(r.Span.End).Line
		if r.Base != "" {
			m["base"] = r.Base
		}
		if r.Heading != nil {
			m["heading"] = pos(map[string]any{"level": r.Heading.Level, "text": r.Heading.Text}, r.Heading.Span)
		}
		if r.Placement != "" {
			m["placement"] = r.Placement
		}
		if r.Parent != nil {
			m["parent"] = r.Parent.Title
		}
		if r.SharesWith != nil {
			m["shares_with"] = r.SharesWith.Title
		}
		if g := r.Grade; g != nil {
			gm := map[string]any{"number": nil, "raw": g.Raw, "target": g.Target, "subject": g.Subject, "in_table": g.InTable}
			if g.Listed {
				gm["listed"] = true
			}
			if g.Number != nil {
				gm["number"] = *g.Number
			}
			if g.Max != nil {
				gm["max"] = *g.Max
			}
			if g.Sentence != nil {
				gm["sentence"] = g.Sentence.Text
			}
			m["grade"] = pos(gm, g.Span)
		}
		m["intro"] = sentence(r.Intro)
		m["reports_to"] = sentence(r.ReportsTo)
		m["inheritance"] = sentence(r.Inheritance)
		m["no_grade"] = sentence(r.NoGrade)
		if r.Status != "" {
			m["status"] = string(r.Status)
			m["status_note"] = sentence(r.StatusNote)
		}
		if len(r.Extends) > 0 {
			exts := make([]any, 0, len(r.Extends))
			for _, e := range r.Extends {
				kinds := make([]any, len(e.Kinds))
				for i, k := range e.Kinds {
					kinds[i] = string(k)
				}
				em := map[string]any{"kinds": kinds, "target": e.Target, "from": nil, "sentence": sentence(e.Sentence)}
				if e.From != nil {
					em["from"] = e.From.Title
				}
				exts = append(exts, em)
			}
			m["extends"] = exts
		}
		m["sections"] = sections(r.Sections)
		roles = append(roles, m)
	}
	out["roles"] = roles
	heads := make([]any, 0, len(f.Headings))
	for _, h := range f.Headings {
		m := pos(map[string]any{"level": h.Level, "text": h.Text}, h.Span)
		if h.ID != "" {
			m["id"] = h.ID
		}
		heads = append(heads, m)
	}
	out["headings"] = heads
	out["links"] = links(f.Links)
	issues := make([]any, 0, len(f.Issues))
	for _, is := range f.Issues {
		issues = append(issues, pos(map[string]any{"kind": is.Kind, "message": is.Message}, is.Span))
	}
	out["issues"] = issues
	return out
}

// JSONSafe converts decoded YAML (which may hold map[any]any, times, ...) to
// values encoding/json and the schema validator accept.
func JSONSafe(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = JSONSafe(x)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if ks, ok := k.(string); ok {
				out[ks] = JSONSafe(x)
			} else {
				b, _ := yaml.Marshal(k)
				out[string(b)] = JSONSafe(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = JSONSafe(x)
		}
		return out
	case string, bool, nil, float64:
		return v
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case uint64:
		return float64(v)
	default:
		b, err := yaml.Marshal(v)
		if err != nil {
			return nil
		}
		var s string
		if yaml.Unmarshal(b, &s) == nil {
			return s
		}
		return string(b)
	}
}

// Data decodes the front matter into JSON-safe values.
func (fm *FrontMatter) Data() (map[string]any, error) {
	if fm == nil || fm.Node == nil {
		return nil, nil
	}
	var data map[string]any
	if err := fm.Node.Decode(&data); err != nil {
		return nil, err
	}
	m, _ := JSONSafe(data).(map[string]any)
	return m, nil
}
