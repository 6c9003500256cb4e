package model

import (
	"regexp"
	"strings"
)

// Diagram is a mermaid flowchart in a fenced code block (```mermaid with
// "graph" or "flowchart"): a career ladder drawn as nodes and arrows.
type Diagram struct {
	Span   Span // the fenced block, fences included
	Header Span // the "graph LR" line
	Nodes  []*DiagramNode
	Edges  []*DiagramEdge
	Clicks []*DiagramClick
}

// DiagramNode is a node, with the label it is first given.
type DiagramNode struct {
	ID        string
	Label     string // the text shown; the ID when no label is given
	Span      Span   // the label (or the ID) where first given
	IDSpan    Span
	Commented bool
}

// DiagramEdge is an arrow between two nodes ("A --> B"); Directed is false
// for a plain line ("A --- B").
type DiagramEdge struct {
	From, To *DiagramNode
	Directed bool
	Span     Span // from the first node's ID to the second's end
}

// DiagramClick is a "click ID "url"" line: the node links to a page.
type DiagramClick struct {
	Node   *DiagramNode
	Target string
	Span   Span // the URL, without its quotes
}

var (
	fenceOpenRE  = regexp.MustCompile("^[ \t]{0,3}(```+|~~~+)[ \t]*mermaid\\b")
	graphLineRE  = regexp.MustCompile(`^\s*(?:graph|flowchart)\b`)
	nodeIDRE     = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_:.\-]*`)
	clickLineRE  = regexp.MustCompile(`^\s*click\s+([A-Za-z0-9_][A-Za-z0-9_:.\-]*)\s+(?:href\s+)?"([^"]*)"`)
	skipLineRE   = regexp.MustCompile(`^\s*(?:%%|subgraph\b|end\b|style\b|classDef\b|class\b|linkStyle\b|direction\b|click\b)`)
	arrowRE      = regexp.MustCompile(`^\s*(?:<?(?:-{2,}|={2,}|-\.+-?)(?:>|o|x)?|--\s*[^->|]*?\s*-->|==\s*[^=>|]*?\s*==>|-\.\s*[^.>|]*?\s*\.->)(?:\|[^|]*\|)?\s*`)
	shapeOpeners = []struct{ open, close string }{
		{"([", "])"}, {"[[", "]]"}, {"[(", ")]"}, {"((", "))"}, {"{{", "}}"}, {"[/", "/]"}, {"[\\", "\\]"},
		{"[", "]"}, {"(", ")"}, {"{", "}"}, {">", "]"},
	}
)

// mayOpenFence reports whether line has a backtick or tilde where
// fenceOpenRE's fence can start: after the leading spaces and tabs, at most
// three of them ([ \t]{0,3} stopped sooner leaves a space or tab there).
// Most lines have not, and were each copied to a string and asked of the
// expression.
func mayOpenFence(line []byte) bool {
	k := 0
	for k < 3 && k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	return k < len(line) && (line[k] == '`' || line[k] == '~')
}

// Diagrams returns the page's mermaid flowcharts, read on each call (only
// the rules that check diagrams ask).
func (f *Family) Diagrams() []*Diagram {
	src := f.Source.Text
	var out []*Diagram
	off := 0
	for off < len(src) {
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		next := end + 1
		if !mayOpenFence(src[off:end]) {
			off = next
			continue
		}
		line := string(src[off:end])
		if m := fenceOpenRE.FindStringSubmatch(line); m != nil && f.InCode(off) {
			fence := m[1]
			d := &Diagram{}
			start := off
			body := next
			closeAt := len(src)
			for p := next; p < len(src); {
				e := p
				for e < len(src) && src[e] != '\n' {
					e++
				}
				if strings.HasPrefix(strings.TrimSpace(string(src[p:e])), fence) {
					closeAt = e
					next = e + 1
					break
				}
				p = e + 1
				next = p
			}
			d.Span = Span{start, min(closeAt, len(src))}
			if parseDiagram(d, src, body, min(closeAt, len(src))) {
				out = append(out, d)
			}
			if len(out) >= 100 {
				break
			}
		}
		off = next
	}
	return out
}

// parseDiagram reads the flowchart between from and to; false when the
// block is not a flowchart.
func parseDiagram(d *Diagram, src []byte, from, to int) bool {
	nodes := map[string]*DiagramNode{}
	graph := false
	for off := from; off < to; {
		end := off
		for end < to && src[end] != '\n' {
			end++
		}
		line := string(src[off:end])
		lineOff := off
		off = end + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !graph {
			if graphLineRE.MatchString(line) {
				graph = true
				d.Header = Span{lineOff, end}
				continue
			}
			return false
		}
		if m := clickLineRE.FindStringSubmatchIndex(line); m != nil {
			id := line[m[2]:m[3]]
			n := nodes[id]
			if n == nil {
				n = &DiagramNode{ID: id, Label: id, Span: Span{lineOff + m[2], lineOff + m[3]}, IDSpan: Span{lineOff + m[2], lineOff + m[3]}}
				nodes[id] = n
				d.Nodes = append(d.Nodes, n)
			}
			d.Clicks = append(d.Clicks, &DiagramClick{Node: n, Target: line[m[4]:m[5]], Span: Span{lineOff + m[4], lineOff + m[5]}})
			continue
		}
		if skipLineRE.MatchString(line) {
			continue
		}
		// statements separated by ';'
		for _, st := range splitStatements(line) {
			parseStatement(d, nodes, line, lineOff, st[0], st[1])
		}
		if len(d.Nodes) > 2000 {
			break
		}
	}
	return graph
}

// splitStatements splits a line at ';' outside labels.
func splitStatements(line string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	quoted := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[' || c == '(' || c == '{':
			depth++
		case (c == ']' || c == ')' || c == '}') && depth > 0:
			depth--
		case c == ';' && depth == 0:
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return append(out, [2]int{start, len(line)})
}

// parseStatement reads "A[label] --> B(label) --> C" (with "A & B" groups).
func parseStatement(d *Diagram, nodes map[string]*DiagramNode, line string, lineOff, i, end int) {
	var prev []*DiagramNode
	directed := false
	prevStart := 0
	for i < end {
		for i < end && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= end {
			return
		}
		group, groupStart, next, ok := readNodeGroup(nodes, d, line, lineOff, i, end)
		if !ok {
			return
		}
		for _, a := range prev {
			for _, b := range group {
				d.Edges = append(d.Edges, &DiagramEdge{From: a, To: b, Directed: directed, Span: Span{lineOff + prevStart, lineOff + next}})
			}
		}
		i = next
		m := arrowRE.FindStringIndex(line[i:end])
		if m == nil || m[1] == 0 {
			return
		}
		arrow := line[i : i+m[1]]
		directed = strings.Contains(arrow, ">")
		prev, prevStart = group, groupStart
		i += m[1]
	}
}

// readNodeGroup reads "A[label] & B" at i.
func readNodeGroup(nodes map[string]*DiagramNode, d *Diagram, line string, lineOff, i, end int) ([]*DiagramNode, int, int, bool) {
	var group []*DiagramNode
	start := i
	for {
		n, next, ok := readNode(nodes, d, line, lineOff, i, end)
		if !ok {
			return group, start, i, len(group) > 0
		}
		group = append(group, n)
		i = next
		j := i
		for j < end && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		if j < end && line[j] == '&' {
			i = j + 1
			for i < end && (line[i] == ' ' || line[i] == '\t') {
				i++
			}
			continue
		}
		return group, start, i, true
	}
}

// readNode reads one node at i: its ID and an optional shaped label.
func readNode(nodes map[string]*DiagramNode, d *Diagram, line string, lineOff, i, end int) (*DiagramNode, int, bool) {
	loc := nodeIDRE.FindStringIndex(line[i:end])
	if loc == nil {
		return nil, i, false
	}
	id := line[i : i+loc[1]]
	// an ID runs into an arrow written without spaces ("A-->B"): cut it
	if k := strings.Index(id, "--"); k > 0 {
		id = id[:k]
	} else if k := strings.Index(id, "-."); k > 0 {
		id = id[:k]
	}
	idSpan := Span{lineOff + i, lineOff + i + len(id)}
	i += len(id)
	label, labelSpan := "", Span{-1, -1}
	for _, sh := range shapeOpeners {
		if !strings.HasPrefix(line[i:end], sh.open) {
			continue
		}
		inner := i + len(sh.open)
		k := strings.Index(line[inner:end], sh.close)
		if k < 0 {
			continue
		}
		ls, le := inner, inner+k
		raw := line[ls:le]
		if t := strings.TrimSpace(raw); len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
			q := strings.Index(raw, "\"")
			ls += q + 1
			le = ls + len(t) - 2
		}
		label = strings.TrimSpace(line[ls:le])
		lead := len(line[ls:le]) - len(strings.TrimLeft(line[ls:le], " "))
		labelSpan = Span{lineOff + ls + lead, lineOff + ls + lead + len(label)}
		i = inner + k + len(sh.close)
		break
	}
	n := nodes[id]
	if n == nil {
		n = &DiagramNode{ID: id, Label: id, Span: idSpan, IDSpan: idSpan}
		nodes[id] = n
		d.Nodes = append(d.Nodes, n)
	}
	if label != "" && (n.Label == n.ID) {
		n.Label, n.Span = label, labelSpan
	}
	return n, i, true
}
