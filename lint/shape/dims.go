package shape

import (
	"bytes"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// builtinKinds are the dimension names every profile knows.
var builtinKinds = map[string]string{
	"responsibilities": "responsibilities", "requirements": "requirements",
	"nice-to-haves": "nice-to-haves", "nice to haves": "nice-to-haves",
	"anti-patterns": "anti-patterns",
}

// Kind returns the dimension kind a name gives, or "".
func (o Options) Kind(name string) string {
	k := normKey(name)
	if v, ok := builtinKinds[k]; ok {
		return v
	}
	for kind, names := range o.Sections {
		for _, n := range names {
			if normKey(n) == k {
				return kind
			}
		}
	}
	return ""
}

// dimKey is what makes two dimensions the same: their kind when the
// profile names one ("Should have" and "Requirements"), else their name.
func dimKey(o Options, name string) string {
	if k := o.Kind(name); k != "" {
		return "kind:" + k
	}
	return normKey(name)
}

func normKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, ":.")
	// "Pre-requisites" and "Prerequisites" name one dimension
	s = strings.ReplaceAll(s, "-", "")
	return strings.Join(strings.Fields(s), " ")
}

// dimensions reads a level's dimensions: its sub-headings of the first
// level below it, and bold labels opening a paragraph or a bullet.
func dimensions(f *model.Family, o Options, l *Level) []*Dimension {
	var out []*Dimension
	sub := 7
	inBody := HeadingsIn(f, l.Body)
	for _, h := range inBody {
		if h.Level < sub {
			sub = h.Level
		}
	}
	var subHeads []*model.Heading
	for _, h := range inBody {
		if h.Level == sub {
			subHeads = append(subHeads, h)
		}
	}
	for i, h := range subHeads {
		end := l.Body.End
		if i+1 < len(subHeads) {
			end = subHeads[i+1].Span.Start
		}
		d := &Dimension{Name: h.Text, Key: dimKey(o, h.Text), Kind: o.Kind(h.Text), Span: h.TextSpan, Body: model.Span{Start: h.Span.End, End: end}}
		d.Text = textIn(f, d.Body)
		out = append(out, d)
	}
	// bold labels: only where no sub-heading splits the level, or inside
	// the text before the first sub-heading
	limit := l.Body.End
	if len(subHeads) > 0 {
		limit = subHeads[0].Span.Start
	}
	var bold []*Dimension
	var blocks []*model.Block
	for _, b := range BlocksIn(f, model.Span{Start: l.Body.Start, End: limit}) {
		if lines := labelLines(f, b); lines != nil {
			blocks = append(blocks, lines...)
		} else {
			blocks = append(blocks, b)
		}
	}
	for _, b := range blocks {
		if b.Kind == model.BlockHeading || b.Kind == model.BlockCell {
			continue
		}
		name, span, rest, ok := boldLabel(f, b)
		if !ok {
			continue
		}
		d := &Dimension{Name: name, Key: dimKey(o, name), Kind: o.Kind(name), Span: span, Block: b}
		d.Body = model.Span{Start: span.End, End: b.Span.End}
		d.Text = rest
		bold = append(bold, d)
	}
	// a label alone on its line owns what follows, up to the next label
	for i, d := range bold {
		if strings.TrimSpace(d.Text) != "" {
			continue
		}
		end := limit
		if i+1 < len(bold) {
			end = bold[i+1].Block.Span.Start
		}
		d.Body = model.Span{Start: d.Block.Span.End, End: end}
		d.Text = textIn(f, d.Body)
	}
	return append(bold, out...)
}

// labelLines splits a paragraph whose later lines open with a bold label
// ("**Timeframe:** 12 weeks" and, after a line break, "**Requirements:**")
// into one block per label, so that each is a dimension of its own. Nil
// when no line but the first opens with one: the paragraph stays whole.
// The parts are plain text and spans only (no links, no map to the source).
func labelLines(f *model.Family, b *model.Block) []*model.Block {
	if b.Kind != model.BlockParagraph {
		return nil
	}
	src := f.Source.Text[b.Span.Start:b.Span.End]
	bounds := []int{b.Span.Start}
	for i := 0; i < len(src); i++ {
		if src[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if bytes.HasPrefix(src[j:], []byte("**")) || bytes.HasPrefix(src[j:], []byte("__")) {
			bounds = append(bounds, b.Span.Start+i+1)
		}
	}
	if len(bounds) == 1 {
		return nil
	}
	bounds = append(bounds, b.Span.End)
	// the text offset of a source offset: the first text byte at or after it
	at := func(off int) int {
		return sort.Search(len(b.Text), func(i int) bool { return b.SourceOffset(i) >= off })
	}
	out := make([]*model.Block, 0, len(bounds)-1)
	for k := 0; k+1 < len(bounds); k++ {
		out = append(out, &model.Block{Kind: b.Kind, Text: strings.TrimSpace(b.Text[at(bounds[k]):at(bounds[k+1])]),
			Span: model.Span{Start: bounds[k], End: bounds[k+1]}, Role: b.Role, Section: b.Section})
	}
	return out
}

// boldLabel reads "**Impact:** text", "**Impact**: text" or a paragraph
// that is only "**Scope**" as a label; "__x__" the same. It returns the
// label, its source span and the text after it.
func boldLabel(f *model.Family, b *model.Block) (string, model.Span, string, bool) {
	src := f.Source.Text[b.Span.Start:b.Span.End]
	off := 0
	trim := func() {
		for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
			off++
		}
	}
	trim()
	// list markers
	if off < len(src) && (src[off] == '-' || src[off] == '*' || src[off] == '+') && off+1 < len(src) && src[off+1] == ' ' {
		off += 2
	} else {
		k := off
		for k < len(src) && src[k] >= '0' && src[k] <= '9' {
			k++
		}
		if k > off && k+1 < len(src) && (src[k] == '.' || src[k] == ')') && src[k+1] == ' ' {
			off = k + 2
		}
	}
	trim()
	var mark []byte
	switch {
	case bytes.HasPrefix(src[off:], []byte("**")):
		mark = []byte("**")
	case bytes.HasPrefix(src[off:], []byte("__")):
		mark = []byte("__")
	default:
		return "", model.Span{}, "", false
	}
	inner := off + 2
	end := bytes.Index(src[inner:], mark)
	if end < 0 {
		return "", model.Span{}, "", false
	}
	label := string(src[inner : inner+end])
	after := strings.TrimSpace(string(src[inner+end+2:]))
	labelEnd := inner + end
	switch {
	case strings.HasSuffix(strings.TrimSpace(label), ":"):
	case strings.HasPrefix(after, ":"):
		after = strings.TrimSpace(after[1:])
	case after == "":
		// the whole line is bold: a label alone, or "Experience: text" in bold
		if i := strings.Index(label, ":"); i > 0 && i < len(label)-1 {
			after = strings.TrimSpace(label[i+1:])
			label = label[:i]
			labelEnd = inner + i
		}
	default:
		return "", model.Span{}, "", false
	}
	label = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(label), ":"))
	if label == "" || len(label) > 60 || len(strings.Fields(label)) > 6 {
		return "", model.Span{}, "", false
	}
	if strings.ContainsAny(label, ".!?") {
		return "", model.Span{}, "", false
	}
	// the rest as plain text (markup, comments and HTML dropped)
	if t := b.Text; strings.HasPrefix(strings.TrimSpace(t), label) {
		t = strings.TrimSpace(t)[len(label):]
		after = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), ":"))
	}
	s := model.Span{Start: b.Span.Start + inner, End: b.Span.Start + labelEnd}
	if s.End > s.Start+len(label) {
		s.End = s.Start + len(strings.TrimRight(string(src[inner:labelEnd]), ": "))
	}
	return label, s, after, true
}

// textIn is the plain text of the prose blocks within a span.
func textIn(f *model.Family, s model.Span) string {
	var parts []string
	for _, b := range BlocksIn(f, s) {
		if b.Kind == model.BlockHeading {
			continue
		}
		parts = append(parts, b.Text)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// DimKey is the key a dimension of this name gets: its normalised name, or
// its kind's when the profile names the kind ("Should have" and "Must
// have" are both requirements).
func (o Options) DimKey(name string) string { return dimKey(o, name) }
