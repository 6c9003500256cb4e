package model

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FrontMatter is the YAML block between the leading '---' lines.
type FrontMatter struct {
	Span   Span       // from the opening '---' to the end of the closing one
	Body   Span       // the YAML text between the delimiters
	Node   *yaml.Node // the root mapping; nil when the YAML does not parse or is empty
	Closed bool       // a closing delimiter was found
	Err    *ParseIssue
	src    *Source
}

// Value returns the value node of a top-level key, or nil.
func (fm *FrontMatter) Value(key string) *yaml.Node {
	if fm == nil || fm.Node == nil || fm.Node.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(fm.Node.Content); i += 2 {
		if fm.Node.Content[i].Value == key {
			return fm.Node.Content[i+1]
		}
	}
	return nil
}

// KeySpan returns the span of a top-level key (not its value), or an invalid span.
func (fm *FrontMatter) KeySpan(key string) Span {
	if fm == nil || fm.Node == nil || fm.Node.Kind != yaml.MappingNode {
		return Span{-1, -1}
	}
	for i := 0; i+1 < len(fm.Node.Content); i += 2 {
		if k := fm.Node.Content[i]; k.Value == key {
			return fm.NodeSpan(k)
		}
	}
	return Span{-1, -1}
}

// String returns the string value of a top-level scalar key.
func (fm *FrontMatter) String(key string) (string, bool) {
	v := fm.Value(key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", false
	}
	return v.Value, true
}

// Strings returns a top-level key's value as a list of strings: a sequence of
// scalars, or a single scalar.
func (fm *FrontMatter) Strings(key string) []string {
	v := fm.Value(key)
	if v == nil {
		return nil
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Value == "" {
			return nil
		}
		return []string{v.Value}
	case yaml.SequenceNode:
		var out []string
		for _, c := range v.Content {
			if c.Kind == yaml.ScalarNode {
				out = append(out, c.Value)
			}
		}
		return out
	}
	return nil
}

// NodeSpan returns the source span of a YAML node: its start, up to the end
// of its line for scalars.
func (fm *FrontMatter) NodeSpan(n *yaml.Node) Span {
	if n == nil || fm.src == nil {
		return Span{-1, -1}
	}
	start := fm.yamlOffset(n.Line, n.Column)
	end := start
	if n.Kind == yaml.ScalarNode {
		end = start + len(n.Value)
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			end += 2
		}
	}
	if nl := bytes.IndexByte(fm.src.Text[start:], '\n'); nl >= 0 && start+nl < end {
		end = start + nl
	}
	if end > len(fm.src.Text) {
		end = len(fm.src.Text)
	}
	return Span{start, end}
}

// yamlOffset converts a YAML line and column (1-based, relative to the body)
// to a source offset.
func (fm *FrontMatter) yamlOffset(line, col int) int {
	first := fm.src.Position(fm.Body.Start).Line
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	off := fm.src.Offset(Position{Line: first + line - 1, Column: col})
	if off > fm.Body.End {
		off = fm.Body.End
	}
	return off
}

var yamlLineRE = regexp.MustCompile(`^line (\d+): (.*)`)

// parseFrontMatter reads a leading YAML block. It returns nil when the page
// has none.
func parseFrontMatter(src *Source) *FrontMatter {
	text := src.Text
	if !bytes.HasPrefix(text, []byte("---")) {
		return nil
	}
	first := lineEnd(text, 0)
	if len(bytes.TrimRight(text[3:first], " \t")) != 0 {
		return nil // "---x" or a table row, not a delimiter
	}
	fm := &FrontMatter{src: src}
	bodyStart := first + 1
	if bodyStart > len(text) {
		bodyStart = len(text)
	}
	for off := bodyStart; off < len(text); {
		end := lineEnd(text, off)
		line := bytes.TrimRight(text[off:end], " \t")
		if bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("...")) {
			fm.Closed = true
			fm.Body = Span{bodyStart, off}
			fm.Span = Span{0, end}
			break
		}
		off = end + 1
	}
	if !fm.Closed {
		fm.Body = Span{bodyStart, len(text)}
		fm.Span = Span{0, len(text)}
		fm.Err = &ParseIssue{Kind: "frontmatter", Message: "front matter is not closed: no line '---' ends it", Span: Span{0, first}}
		return fm
	}
	body := text[fm.Body.Start:fm.Body.End]
	if len(bytes.TrimSpace(body)) == 0 {
		return fm
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		fm.Err = fm.yamlIssue(err)
		return fm
	}
	if len(doc.Content) == 0 {
		return fm
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		fm.Err = &ParseIssue{Kind: "frontmatter", Message: "front matter is not a mapping of keys to values", Span: fm.NodeSpan(root)}
		return fm
	}
	// go.yaml.in/yaml takes quadratic time (or worse, with duplicate keys)
	// to decode large mappings: check the shape first, in linear time.
	budget := maxFrontMatterNodes
	if issue := fm.checkShape(root, &budget, 0); issue != nil {
		fm.Err = issue
		return fm
	}
	fm.Node = root
	return fm
}

// maxFrontMatterNodes bounds the YAML values (aliases expanded) a front
// matter may hold; real ones hold a few dozen.
const maxFrontMatterNodes = 5000

// checkShape walks the YAML tree once: it rejects keys that are not names,
// duplicate keys, deep nesting and more than maxFrontMatterNodes values (an
// alias bomb).
func (fm *FrontMatter) checkShape(n *yaml.Node, budget *int, depth int) *ParseIssue {
	*budget--
	if *budget < 0 {
		return &ParseIssue{Kind: "frontmatter", Message: fmt.Sprintf("front matter is too large: more than %d values (aliases expanded); not read", maxFrontMatterNodes), Span: fm.NodeSpan(n)}
	}
	if depth > 50 {
		return &ParseIssue{Kind: "frontmatter", Message: "front matter is nested too deeply; not read", Span: fm.NodeSpan(n)}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			return fm.checkShape(n.Alias, budget, depth+1)
		}
	case yaml.MappingNode:
		seen := make(map[string]*yaml.Node, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				// a list, mapping or alias as a key: never a front matter
				// field, and decoding many of them takes quadratic time and
				// memory
				return &ParseIssue{Kind: "frontmatter", Message: "front matter key is not a name: a list, a mapping or an alias", Span: fm.NodeSpan(k)}
			}
			if first, dup := seen[k.Value]; dup {
				return &ParseIssue{Kind: "frontmatter", Message: fmt.Sprintf("front matter key %q is defined twice (first on line %d)", k.Value, fm.src.Position(fm.yamlOffset(first.Line, first.Column)).Line), Span: fm.NodeSpan(k)}
			}
			seen[k.Value] = k
			if issue := fm.checkShape(n.Content[i+1], budget, depth+1); issue != nil {
				return issue
			}
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			if issue := fm.checkShape(c, budget, depth+1); issue != nil {
				return issue
			}
		}
	}
	return nil
}

// yamlIssue turns a YAML error into an issue at its file line.
func (fm *FrontMatter) yamlIssue(err error) *ParseIssue {
	line, msg := YAMLErrorLine(err)
	if line < 1 {
		line = 1
	}
	off := fm.yamlOffset(line, 1)
	return &ParseIssue{Kind: "frontmatter", Message: fmt.Sprintf("front matter is not valid YAML: %s", msg), Span: Span{off, lineEnd(fm.src.Text, off)}}
}

// YAMLErrorLine reads the 1-based line and the message of a go.yaml.in/yaml
// error; the line is 0 when the error names none. The library numbers
// parser errors ("did not find expected ...") from 0 and scanner errors from
// 1; both come back 1-based.
func YAMLErrorLine(err error) (int, string) {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	n, _ := strconv.Atoi(m[1])
	msg = m[2]
	if strings.HasPrefix(msg, "did not find expected") {
		n++
	}
	return n, msg
}

func lineEnd(text []byte, off int) int {
	if off >= len(text) {
		return len(text)
	}
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(text)
}

// TextBlock returns the prose of a top-level scalar key ("title",
// "description") as a block of the given kind, so that the wording rules
// read it as they read the page's text: only when the value is written
// verbatim on its line (plain or quoted, no escapes, not folded), so that
// every offset in it maps to the source. Otherwise, or when the key is
// missing or empty, nil.
func (fm *FrontMatter) TextBlock(key string, kind BlockKind) *Block {
	n := fm.Value(key)
	if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" || n.Tag != "!!str" {
		return nil
	}
	span := fm.NodeSpan(n)
	if span.Start < 0 {
		return nil
	}
	base := span.Start
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		base++
	} else if n.Style != 0 {
		return nil // a literal or folded block
	}
	end := base + len(n.Value)
	if end > len(fm.src.Text) || string(fm.src.Text[base:end]) != n.Value || bytes.IndexByte(fm.src.Text[base:end], '\n') >= 0 {
		return nil
	}
	return &Block{Kind: kind, Text: n.Value, Span: Span{base, end}, segs: []textSeg{{text: 0, src: int32(base), n: int32(len(n.Value))}}}
}
