package model

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Tab is a content tab as MkDocs Material writes it (the pymdownx.tabbed
// extension): a line `=== "Title"` (`===+` selects it, `===!` starts a new
// set) at the left of its container, after a blank line or a block's end,
// and the blocks indented four spaces under it. A plain CommonMark reader
// sees the title line as a paragraph and the body as indented code; the
// model reads the body as the markdown it is, at its own lines and columns,
// in every profile: the line is no prose in any of them (docs/profiles.md).
type Tab struct {
	Title     string // the title between the quotes, as written
	TitleSpan Span   // the title between the quotes
	Span      Span   // from "===" to the end of the body's last line
	Body      Span   // the body: from the line after the title to the end of its last line; empty (at the title line's end) when the tab has none
	Set       int    // the tab set, counted from 0 in document order: tabs written one after another make one
}

// tabLineRE is a tab's title line, without its indentation.
var tabLineRE = regexp.MustCompile(`^===([+!]?)[ \t]+"([^"\n]*)"[ \t]*\r?\n?$`)

// KindContentTab is the goldmark node kind of a content tab.
var KindContentTab = ast.NewNodeKind("ContentTab")

// contentTab is a content tab's node: its children are its body's blocks.
type contentTab struct {
	ast.BaseBlock
	line    Span // the title line, without its newline
	title   Span // the title between the quotes
	newSet  bool // "===!"
	bodyEnd int  // the end of the body's last non-blank line read so far
}

func (n *contentTab) Kind() ast.NodeKind { return KindContentTab }

func (n *contentTab) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Title": string(source[n.title.Start:n.title.End])}, nil)
}

// tabParser opens content tabs for goldmark. A tab interrupts no
// paragraph, as Python-Markdown's block processors read it only at the
// start of a block.
type tabParser struct{}

func (tabParser) Trigger() []byte { return []byte{'='} }

func (tabParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w > 3 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	m := tabLineRE.FindSubmatchIndex(line[pos:])
	if m == nil {
		return nil, parser.NoChildren
	}
	// the line read may open with spaces that stand for part of a tab
	// character (its padding): offsets in it are the source's less those
	base := seg.Start - seg.Padding
	if pos < seg.Padding {
		return nil, parser.NoChildren
	}
	k := len(line)
	for k > pos && (line[k-1] == '\n' || line[k-1] == '\r') {
		k--
	}
	n := &contentTab{
		line:   Span{base + pos, base + k},
		title:  Span{base + pos + m[4], base + pos + m[5]},
		newSet: m[3] > m[2] && line[pos+m[2]] == '!',
	}
	end := base + k
	n.bodyEnd = end
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (tabParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	if w, _ := util.IndentWidth(line, reader.LineOffset()); w < 4 {
		return parser.Close
	}
	end := len(line)
	for end > 0 && (line[end-1] == '\n' || line[end-1] == '\r') {
		end--
	}
	node.(*contentTab).bodyEnd = seg.Start - seg.Padding + end
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (tabParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (tabParser) CanInterruptParagraph() bool { return false }

func (tabParser) CanAcceptIndentedLine() bool { return false }

// contentTabs is the parser option that reads content tabs.
var contentTabs = parser.WithBlockParsers(util.Prioritized(tabParser{}, 550))

// tab records a content tab and reads its body's blocks.
func (b *builder) tab(n *contentTab, depth int) {
	b.recordTab(n)
	b.walkBlocks(n, depth+1)
}

// itemChildren returns a list item's blocks, each content tab's replaced
// by its body's blocks (the tab recorded): a tab inside an item holds
// part of the item's text and nested lists.
func (b *builder) itemChildren(n ast.Node, out []ast.Node) []ast.Node {
	prevTab := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*contentTab)
		if !ok {
			out = append(out, c)
			prevTab = false
			continue
		}
		b.afterTab = prevTab
		b.recordTab(t)
		out = b.itemChildren(t, out)
		prevTab = true
	}
	return out
}

// recordTab adds a content tab to the page's.
func (b *builder) recordTab(n *contentTab) {
	t := &Tab{
		Title:     string(b.src[n.title.Start:n.title.End]),
		TitleSpan: n.title,
		Span:      Span{n.line.Start, n.bodyEnd},
		Body:      Span{n.line.End, n.line.End},
		Set:       b.tabSets,
	}
	if n.bodyEnd > n.line.End {
		t.Body = Span{lineEnd(b.src, n.line.End) + 1, n.bodyEnd}
		if t.Body.Start > t.Body.End {
			t.Body.Start = t.Body.End
		}
	}
	if !b.afterTab || n.newSet {
		if len(b.f.Tabs) > 0 {
			b.tabSets++
		}
		t.Set = b.tabSets
	}
	b.f.Tabs = append(b.f.Tabs, t)
}
