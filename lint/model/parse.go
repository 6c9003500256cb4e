package model

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown is the goldmark configuration the model is read with: CommonMark
// plus the GFM tables, strikethrough and bare-URL links that Hugo enables by
// default, and heading attributes ({#custom-id}). Benchmarks compare the
// model builder against this same parser.
var Markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
	goldmark.WithParserOptions(parser.WithAttribute(), contentTabs),
)

// parses counts the pages Parse modelled in this process.
var parses atomic.Int64

// ParseCount returns how many pages Parse has modelled in this process:
// for tests that check that a run did not model a page (a warm cache's).
func ParseCount() int64 { return parses.Load() }

// Parse builds the model of one page. It never fails: problems in the page
// (a broken front matter, say) are recorded in Family.Issues for the rules
// to report. path is kept as given.
func Parse(path string, raw []byte) *Family {
	parses.Add(1)
	if len(raw) >= MaxSource {
		// the engine reads no such page (fsutil.Limit): its offsets
		// would not fit a block's segments
		f := &Family{Path: path, Source: NewSource(nil), Skipped: true}
		f.Issues = append(f.Issues, &ParseIssue{Kind: "input", Message: fmt.Sprintf("file is %d bytes, over the %d a page can be; not parsed", len(raw), MaxSource-1)})
		return f
	}
	src := NewSource(raw)
	f := &Family{Path: path, Source: src}
	f.FrontMatter = parseFrontMatter(src)
	md := src.Text
	if fm := f.FrontMatter; fm != nil {
		f.Code = append(f.Code, fm.Span)
		if fm.Err != nil {
			f.Issues = append(f.Issues, fm.Err)
		}
		if t, ok := fm.String("title"); ok {
			f.Title = strings.TrimSpace(t)
		}
	}
	// goldmark reads a copy in which the front matter is blanked out and the
	// spaces inside Hugo shortcodes are filled, so that a shortcode used as a
	// link destination is still a link. Offsets are unchanged.
	input, issues := prepare(md, f.FrontMatter)
	f.Issues = append(f.Issues, issues...)
	b := &builder{f: f, src: md, in: input}
	b.shortcodes = findShortcodes(md, f.FrontMatter)
	for _, sc := range b.shortcodes {
		f.Code = append(f.Code, sc.span)
	}
	// a long page is parsed a part at a time (parseChunks), so that
	// goldmark's tree of the whole page, some 30 bytes for each byte of a
	// page of short blocks, is never held at once
	start := 0
	for _, end := range append(chunkEnds(input, b.shortcodes), len(input)) {
		r := text.NewReader(input[:end])
		if start > 0 {
			r.SetPosition(0, text.NewSegment(start, start))
			r.AdvanceLine()
		}
		b.walkBlocks(Markdown.Parser().Parse(r), 0)
		start = end
	}
	b.bareShortcodeLinks()
	b.placeReferences()
	f.Code = mergeSpans(f.Code)
	sort.SliceStable(f.Links, func(i, j int) bool { return f.Links[i].Span.Start < f.Links[j].Span.Start })
	if f.Title == "" {
		for _, h := range f.Headings {
			if h.Level == 1 {
				f.Title = h.Text
				break
			}
		}
	}
	buildStructure(f, b.items)
	return f
}

// prepare returns the text goldmark reads, and input issues for what it
// blanked so that goldmark reads the page in linear time: lists and quotes
// nested too deeply, too many link reference definitions in a row.
func prepare(md []byte, fm *FrontMatter) ([]byte, []*ParseIssue) {
	in := make([]byte, len(md))
	copy(in, md)
	if fm != nil {
		for i := fm.Span.Start; i < fm.Span.End && i < len(in); i++ {
			if in[i] != '\n' {
				in[i] = ' '
			}
		}
	}
	for _, sc := range findShortcodes(md, fm) {
		for i := sc.span.Start; i < sc.span.End; i++ {
			if in[i] == ' ' || in[i] == '\t' {
				in[i] = '_'
			}
		}
	}
	deep, defs := -1, -1
	run := 0 // lines that may be link reference definitions, since a blank line
	for off := 0; off < len(in); off = lineEnd(in, off) + 1 {
		line := in[off:lineEnd(in, off)]
		if cut := blankDeepMarkers(line); cut >= 0 && deep < 0 {
			deep = off + cut
		}
		rest := line[markersLen(line):]
		switch {
		case len(bytes.TrimSpace(rest)) == 0:
			run = 0
		case rest[0] == '[' && bytes.Contains(rest, []byte("]:")):
			if run++; run > maxDefinitionRun {
				for i := range rest {
					rest[i] = ' '
				}
				run = 0
				if defs < 0 {
					defs = off
				}
			}
		}
	}
	var issues []*ParseIssue
	if deep >= 0 {
		issues = append(issues, &ParseIssue{Kind: "input", Span: Span{deep, lineEnd(md, deep)},
			Message: fmt.Sprintf("lists or block quotes nested more than %d deep; the deeper ones are not read as lists or quotes", maxNesting)})
	}
	if defs >= 0 {
		issues = append(issues, &ParseIssue{Kind: "input", Span: Span{defs, lineEnd(md, defs)},
			Message: fmt.Sprintf("more than %d link reference definitions without a blank line; every %dth is not read", maxDefinitionRun, maxDefinitionRun+1)})
	}
	return in, issues
}

// Pages longer than parseChunkMin bytes are parsed in parts of about
// parseChunk bytes (variables for the tests).
var (
	parseChunkMin = 256 << 10
	parseChunk    = 64 << 10
)

// chunkEnds returns where goldmark may stop reading a long page and start
// again with a new document, the same blocks read: the starts of ATX
// headings at the left margin after a blank line, at least parseChunk
// bytes apart. Such a heading closes every block before it (paragraphs,
// lists, quotes, tables, HTML blocks that end at a blank line), except
// fenced code and the HTML blocks that run to an end marker (comments,
// <pre>, <script>, ...); and link reference definitions hold for the
// whole document. A page with a line that may open one of those, or that
// may define a link reference, is parsed whole, as is a heading inside a
// shortcode. nil for a page shorter than parseChunkMin.
func chunkEnds(in []byte, shortcodes []shortcode) []int {
	if len(in) <= parseChunkMin {
		return nil
	}
	var ends []int
	last, blank, sc := 0, true, 0
	for off := 0; off < len(in); {
		end := lineEnd(in, off)
		line := in[off:end]
		rest := bytes.TrimLeft(line[markersLen(line):], " \t")
		if len(rest) > 0 && (rest[0] == '`' || rest[0] == '~' || rest[0] == '<' || rest[0] == '[') && mayOpenLong(rest) {
			return nil
		}
		if blank && off-last >= parseChunk && atxStart(line) {
			for sc < len(shortcodes) && shortcodes[sc].span.End <= off {
				sc++
			}
			if sc == len(shortcodes) || shortcodes[sc].span.Start > off {
				ends = append(ends, off)
				last = off
			}
		}
		blank = len(bytes.TrimSpace(line)) == 0
		off = end + 1
	}
	return ends
}

// mayOpenLong reports whether a line's text after its indentation and
// container markers may open fenced code or an HTML block that runs past
// a blank line, or define a link reference.
func mayOpenLong(rest []byte) bool {
	switch rest[0] {
	case '`', '~':
		return len(rest) >= 3 && rest[1] == rest[0] && rest[2] == rest[0]
	case '[':
		return bytes.Contains(rest, []byte("]:"))
	}
	if len(rest) >= 2 && (rest[1] == '!' || rest[1] == '?') {
		return true
	}
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if len(rest) > len(tag) && strings.EqualFold(string(rest[1:1+len(tag)]), tag) {
			return true
		}
	}
	return false
}

// atxStart reports whether line starts, at the left margin, an ATX
// heading: one to six '#' and then a blank or the end of the line.
func atxStart(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t')
}

// maxDefinitionRun is the most link reference definitions goldmark reads
// in a row: it takes time quadratic in their number (it copies the rest of
// the paragraph for each one), so every line past this many that may start
// one is blanked, which ends the run. A real page has a few.
const maxDefinitionRun = 256

// markersLen returns the length of the blanks and list and quote markers
// that start a line.
func markersLen(line []byte) int {
	i := 0
	for i < len(line) {
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// maxNesting is the most lists and block quotes one line may open.
// goldmark takes time quadratic in the containers a line opens (">>>>..."
// or "- - - ...") or sits in (a list nested by indentation, a staircase
// of "- " lines); a real page nests a few.
const maxNesting = 100

// blankDeepMarkers blanks the list and quote markers that start a line past
// the first maxNesting, or past maxNesting columns of indentation, so
// that goldmark reads the rest of the line as the content of the deepest
// container. It returns the offset of the first marker blanked, or -1.
func blankDeepMarkers(line []byte) int {
	depth, indent, cut := 0, 0, -1
	for i := 0; i < len(line); {
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		switch line[i] {
		case ' ':
			indent++
		case '\t':
			indent += 4
		default:
			depth++
			if cut < 0 && (depth > maxNesting || indent > maxNesting) {
				cut = i
			}
			if cut >= 0 {
				for k := i; k < i+n; k++ {
					line[k] = ' '
				}
			}
		}
		i += n
	}
	return cut
}

// markerLen returns the length of the blank, block quote marker ('>') or
// list marker ("-", "*", "+", "1." or "1)" followed by a blank or the end of
// the line) at the start of s, or 0.
func markerLen(s []byte) int {
	switch c := s[0]; {
	case c == ' ' || c == '\t' || c == '>':
		return 1
	case c == '-' || c == '*' || c == '+':
		if len(s) == 1 || s[1] == ' ' || s[1] == '\t' {
			return 1
		}
	case c >= '0' && c <= '9':
		j := 1
		for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t') {
			return j + 1
		}
	}
	return 0
}

// shortcode is a Hugo shortcode call: {{< name args >}} or {{% name args %}}.
type shortcode struct {
	span Span
	name string
	arg  string // first argument, unquoted
}

var shortcodeRE = regexp.MustCompile(`\{\{([<%])\s*(/?\*?/?)\s*([A-Za-z0-9_./-]+)((?:[^\n}]|\}[^}\n])*?)\s*(\*/)?\s*([>%])\}\}`)
var shortcodeArgRE = regexp.MustCompile(`^\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))`)

func findShortcodes(md []byte, fm *FrontMatter) []shortcode {
	if !bytes.Contains(md, []byte("{{")) {
		return nil
	}
	var out []shortcode
	start := 0
	if fm != nil {
		start = fm.Span.End
	}
	for _, m := range shortcodeRE.FindAllSubmatchIndex(md[start:], -1) {
		sc := shortcode{span: Span{start + m[0], start + m[1]}, name: string(md[start+m[6] : start+m[7]])}
		if a := shortcodeArgRE.FindSubmatch(md[start+m[8] : start+m[9]]); a != nil {
			for _, g := range a[1:] {
				if g != nil {
					sc.arg = string(g)
					break
				}
			}
		}
		if m[4] != m[5] { // an escaped shortcode, {{</* ... */>}}: shown, not run
			sc.name = ""
		}
		out = append(out, sc)
	}
	return out
}

// item is one top-level block in document order, the input to the
// structure pass.
// An item is 72 bytes: the text and place of a paragraph that is only bold
// text, which few are, apart (the builder holds one an item, some 40,000 on
// a page of 20,000 graded headings, to the end of the structure pass: 96
// bytes an item with them inline).
type item struct {
	heading *Heading
	block   *Block    // paragraph prose
	bullets []*Bullet // a list's items, flattened
	table   *Table
	span    Span
	bold    *boldPara // a paragraph that is only bold text
}

// boldPara is a paragraph that is only bold text: the text, and the place
// of its emphasis.
type boldPara struct {
	text string
	em   Span
}

// boldText is the text of a paragraph that is only bold text, else "".
func (it *item) boldText() string {
	if it.bold == nil {
		return ""
	}
	return it.bold.text
}

type builder struct {
	f          *Family
	tabSets    int    // content tab sets before the one being read, less one
	afterTab   bool   // the block being read follows a content tab
	src        []byte // normalized source
	in         []byte // what goldmark read
	items      []item
	shortcodes []shortcode
	code       []Span // code spans and blocks only
	codeMerged bool   // code is sorted and merged, for inCode

	// the blocks' maps to the source, packed: a block's segments are
	// gathered in a scratch slice (blocks nest: a heading in a list item),
	// then copied to the end of segArena, whose chunks the blocks share
	segScratch [][]textSeg
	segArena   []textSeg

	refs []refUse // reference links, placed at their definitions once the page is read
}

// refUse is a reference link and the label it names.
type refUse struct {
	link  *Link
	label []byte
}

// startSegs gives blk a scratch slice for its segments.
func (b *builder) startSegs(blk *Block) {
	if n := len(b.segScratch); n > 0 {
		blk.segs = b.segScratch[n-1][:0]
		b.segScratch = b.segScratch[:n-1]
	}
}

// endSegs moves blk's segments from its scratch slice to the arena, with
// no room to grow: a block's map is written once, while it is built.
func (b *builder) endSegs(blk *Block) {
	segs := blk.segs
	if cap(segs) == 0 {
		return
	}
	b.segScratch = append(b.segScratch, segs[:0])
	if len(segs) == 0 {
		blk.segs = nil
		return
	}
	if cap(b.segArena)-len(b.segArena) < len(segs) {
		// chunks grow with the page, so that a short page does not hold
		// a long page's chunk
		b.segArena = make([]textSeg, 0, max(min(2*cap(b.segArena), segChunk), 64, len(segs)))
	}
	at := len(b.segArena)
	b.segArena = append(b.segArena, segs...)
	blk.segs = b.segArena[at:len(b.segArena):len(b.segArena)]
}

// segChunk is how many segments an arena chunk holds at most (12 kB).
const segChunk = 1024

func (b *builder) addCode(sp Span) {
	b.code = append(b.code, sp)
	b.codeMerged = false
	b.f.Code = append(b.f.Code, sp)
}

func (b *builder) walkBlocks(parent ast.Node, depth int) {
	prevTab := false
	for n := parent.FirstChild(); n != nil; {
		next := n.NextSibling()
		b.afterTab = prevTab
		_, prevTab = n.(*contentTab)
		b.walkBlock(n, depth)
		if depth == 0 {
			// the model holds what it needs of the block: unlinked from
			// the document, the block's tree is garbage, and a long page
			// is never held twice over, as a tree and as a model
			parent.RemoveChild(parent, n)
		}
		n = next
	}
}

func (b *builder) walkBlock(n ast.Node, depth int) {
	{
		switch n := n.(type) {
		case *ast.Heading:
			h := b.heading(n)
			b.items = append(b.items, item{heading: h, span: h.Span})
		case *ast.Paragraph:
			blk := b.block(n, BlockParagraph)
			it := item{block: blk, span: blk.Span}
			if t, em, ok := boldOnly(n, b.src); ok {
				it.bold = &boldPara{text: t, em: em}
			}
			b.items = append(b.items, it)
		case *ast.TextBlock:
			blk := b.block(n, BlockParagraph)
			b.items = append(b.items, item{block: blk, span: blk.Span})
		case *ast.List:
			var bullets []*Bullet
			b.list(n, 0, &bullets)
			if len(bullets) > 0 {
				b.items = append(b.items, item{bullets: bullets, span: Span{bullets[0].Span.Start, bullets[len(bullets)-1].Span.End}})
				b.f.Lists = append(b.f.Lists, bullets)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b.addCode(b.codeBlockSpan(n))
		case *ast.HTMLBlock:
			b.htmlBlock(n)
		case *ast.Blockquote:
			b.walkBlocks(n, depth+1)
		case *east.Table:
			b.table(n)
		case *contentTab:
			b.tab(n, depth)
		case *ast.LinkReferenceDefinition, *ast.ThematicBreak:
		default:
			b.walkBlocks(n, depth+1)
		}
	}
}

// linesSpan returns the span covered by a block's lines.
func linesSpan(n ast.Node) Span {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		p := n.Pos()
		return Span{p, p}
	}
	return Span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop}
}

func (b *builder) heading(n *ast.Heading) *Heading {
	blk := b.block(n, BlockHeading)
	h := &Heading{Level: n.Level, Text: strings.TrimSpace(blk.Text)}
	if strings.TrimSpace(h.Text) == "" {
		h.Text = ""
	}
	start := n.Pos()
	ts := linesSpan(n)
	if start < 0 || start > ts.Start {
		start = ts.Start
	}
	h.Span = Span{start, lineEnd(b.src, ts.Start)}
	h.TextSpan = blk.Span
	if !h.TextSpan.Valid() || h.TextSpan.End <= h.TextSpan.Start {
		h.TextSpan = Span{ts.Start, ts.Start}
	}
	if id, ok := n.AttributeString("id"); ok {
		switch v := id.(type) {
		case []byte:
			h.ID = string(v)
		case string:
			h.ID = v
		}
	}
	b.f.Headings = append(b.f.Headings, h)
	return h
}

// block collects the prose of a block's inline children.
func (b *builder) block(n ast.Node, kind BlockKind) *Block {
	blk := &Block{Kind: kind}
	var tb strings.Builder
	if ls := linesSpan(n); ls.End > ls.Start {
		tb.Grow(ls.End - ls.Start)
	}
	b.startSegs(blk)
	b.inlines(n, blk, &tb)
	b.endSegs(blk)
	blk.Text = tb.String()
	ls := linesSpan(n)
	blk.Span = ls
	if len(blk.segs) > 0 {
		first, last := -1, -1
		for _, s := range blk.segs {
			if s.src < 0 {
				continue
			}
			if first < 0 {
				first = int(s.src)
			}
			last = int(s.src) + int(s.n)
		}
		if first >= 0 {
			blk.Span = Span{min(first, ls.Start), max(last, ls.End)}
		}
	}
	if kind == BlockHeading && len(blk.segs) > 0 {
		// a heading's text span is its text, without trailing '#'s or attributes
		blk.Span = Span{blk.SourceOffset(0), blk.SourceOffset(len(blk.Text)-1) + 1}
	}
	b.f.Blocks = append(b.f.Blocks, blk)
	return blk
}

func appendSeg(blk *Block, tb *strings.Builder, s string, src int) {
	if s == "" {
		return
	}
	blk.segs = append(blk.segs, textSeg{text: int32(tb.Len()), src: int32(src), n: int32(len(s))})
	tb.WriteString(s)
}

// appendSrc appends source text without converting it to a string first.
func appendSrc(blk *Block, tb *strings.Builder, src []byte, start, stop int) {
	if stop <= start {
		return
	}
	if n := len(blk.segs); n > 0 {
		// goldmark splits a run of text in several nodes ("Role", " 1
		// Responsibilities"): one segment maps them as well
		if last := &blk.segs[n-1]; last.src >= 0 && int(last.text)+int(last.n) == tb.Len() && int(last.src)+int(last.n) == start {
			last.n += int32(stop - start)
			tb.Write(src[start:stop])
			return
		}
	}
	if blk.segs == nil {
		blk.segs = make([]textSeg, 0, 4) // a scratch slice (builder.startSegs) once the block is done
	}
	blk.segs = append(blk.segs, textSeg{text: int32(tb.Len()), src: int32(start), n: int32(stop - start)})
	tb.Write(src[start:stop])
}

func (b *builder) inlines(parent ast.Node, blk *Block, tb *strings.Builder) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			seg := n.Segment
			b.textSegment(blk, tb, seg.Start, seg.Stop)
			if n.SoftLineBreak() || n.HardLineBreak() {
				appendSeg(blk, tb, " ", -1)
			}
		case *ast.String:
			appendSeg(blk, tb, string(n.Value), -1)
		case *ast.CodeSpan:
			b.addCode(b.codeSpanSpan(n))
			appendSeg(blk, tb, string(CodeMark), -1)
		case *ast.Link:
			start := tb.Len()
			b.inlines(n, blk, tb)
			l := b.link(n, n.Destination, n.Reference != nil, LinkInline)
			if n.Reference != nil {
				b.refs = append(b.refs, refUse{l, n.Reference.Value})
			}
			l.Text = strings.TrimSpace(tb.String()[start:])
			l.Block = blk
			l.TextIn = Span{start, tb.Len()}
			blk.Links = append(blk.Links, l)
		case *ast.Image:
			l := b.link(n, n.Destination, n.Reference != nil, LinkImage)
			if n.Reference != nil {
				b.refs = append(b.refs, refUse{l, n.Reference.Value})
			}
			var alt strings.Builder
			collectText(n, b.in, &alt)
			l.Text = alt.String()
			l.Block = blk
			l.TextIn = Span{tb.Len(), tb.Len() + len(string(CodeMark))}
			blk.Links = append(blk.Links, l)
			appendSeg(blk, tb, string(CodeMark), -1)
		case *ast.AutoLink:
			b.autoLink(n, blk, tb)
		case *ast.RawHTML:
			b.rawHTML(n, blk, tb)
		default:
			b.inlines(n, blk, tb)
		}
	}
}

// textSegment appends source text, with shortcodes replaced by CodeMark.
func (b *builder) textSegment(blk *Block, tb *strings.Builder, start, stop int) {
	for start < stop {
		sc := b.shortcodeAt(start, stop)
		if sc == nil {
			appendSrc(blk, tb, b.src, start, stop)
			return
		}
		if sc.span.Start > start {
			appendSrc(blk, tb, b.src, start, sc.span.Start)
		}
		appendSeg(blk, tb, string(CodeMark), -1)
		if sc.span.End > stop {
			return
		}
		start = sc.span.End
	}
}

// shortcodeAt returns the first shortcode overlapping [start, stop).
func (b *builder) shortcodeAt(start, stop int) *shortcode {
	i := sort.Search(len(b.shortcodes), func(i int) bool { return b.shortcodes[i].span.End > start })
	if i < len(b.shortcodes) && b.shortcodes[i].span.Start < stop {
		return &b.shortcodes[i]
	}
	return nil
}

func collectText(n ast.Node, src []byte, sb *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			sb.Write(t.Segment.Value(src))
			continue
		}
		collectText(c, src, sb)
	}
}

// codeSpanSpan returns the span of a code span, backticks included.
func (b *builder) codeSpanSpan(n *ast.CodeSpan) Span {
	start := n.Pos()
	end := start
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Stop > end {
			end = t.Segment.Stop
		}
	}
	if start < 0 {
		start = end
	}
	for end < len(b.src) && (b.src[end] == '`' || b.src[end] == ' ') {
		if b.src[end] == ' ' && (end+1 >= len(b.src) || b.src[end+1] != '`') {
			break
		}
		end++
	}
	return Span{start, end}
}

func (b *builder) codeBlockSpan(n ast.Node) Span {
	start := n.Pos()
	ls := linesSpan(n)
	if start < 0 {
		start = ls.Start
	}
	// an empty fence ("```" alone) has no lines: positions may be -1 or 0
	start = min(max(start, 0), len(b.src))
	end := ls.End
	if _, fenced := n.(*ast.FencedCodeBlock); fenced {
		// include the closing fence line
		off := end
		if off > 0 && off < len(b.src) && b.src[off-1] != '\n' {
			off = lineEnd(b.src, off) + 1
		}
		if off >= 0 && off < len(b.src) {
			line := bytes.TrimSpace(b.src[off:lineEnd(b.src, off)])
			if bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
				end = lineEnd(b.src, off)
			}
		}
		if end < start {
			end = lineEnd(b.src, start)
		}
	}
	return Span{start, min(max(end, start), len(b.src))}
}

// link records a link of any markdown kind and returns it.
func (b *builder) link(n ast.Node, dest []byte, isRef bool, kind LinkKind) *Link {
	start := n.Pos()
	l := &Link{Kind: kind}
	if isRef && kind == LinkInline {
		l.Kind = LinkReference
	}
	textEnd := b.linkTextEnd(start)
	l.Span = Span{start, textEnd}
	l.DestSpan = l.Span
	l.Raw = string(dest)
	if textEnd > 0 && textEnd < len(b.in) && b.in[textEnd-1] == ']' && b.in[textEnd] == '(' && !isRef {
		ds, de, end := scanDestination(b.in, textEnd+1)
		if ds >= 0 {
			l.DestSpan = Span{ds, de}
			l.Raw = string(b.src[ds:de])
			if strings.HasPrefix(l.Raw, "<") && strings.HasSuffix(l.Raw, ">") {
				l.Raw = l.Raw[1 : len(l.Raw)-1]
			}
			l.Span.End = end
		}
	} else if isRef && textEnd < len(b.in) && b.in[textEnd] == '[' {
		if e := bytes.IndexByte(b.in[textEnd:], ']'); e >= 0 && !bytes.Contains(b.in[textEnd:textEnd+e], []byte("\n\n")) {
			l.Span.End = textEnd + e + 1
		}
	}
	l.Target = l.Raw
	if sc := b.shortcodeIn(l.DestSpan); sc != nil && (sc.name == "ref" || sc.name == "relref") {
		l.Kind = LinkRef
		if sc.name == "relref" {
			l.Kind = LinkRelref
		}
		l.Target = sc.arg
	}
	l.Path, l.Fragment = splitTarget(l.Target)
	b.f.Links = append(b.f.Links, l)
	return l
}

func (b *builder) shortcodeIn(s Span) *shortcode {
	sc := b.shortcodeAt(s.Start, s.End)
	if sc != nil && sc.span.Within(s) {
		return sc
	}
	return nil
}

// splitTarget splits a link target into path and fragment; a query is
// dropped from the path.
func splitTarget(t string) (string, string) {
	frag := ""
	if i := strings.IndexByte(t, '#'); i >= 0 {
		t, frag = t[:i], t[i+1:]
	}
	if i := strings.IndexByte(t, '?'); i >= 0 {
		t = t[:i]
	}
	return t, frag
}

// placeReferences points each reference link's DestSpan at the destination
// of its definition ("[values]: /handbook/values/"), where its target is
// written: a finding about the target belongs there, and a fix edits it
// there. The first definition of a label wins, as in CommonMark; a
// definition whose destination is not written as the link's target
// (escapes, entities, a destination on the next line) leaves DestSpan at
// the link.
func (b *builder) placeReferences() {
	if len(b.refs) == 0 {
		return
	}
	defs := map[string]Span{}
	for off := 0; off < len(b.src); off = lineEnd(b.src, off) + 1 {
		line := b.src[off:lineEnd(b.src, off)]
		m := markersLen(line)
		label, ds, de, ok := definitionLine(line[m:])
		if !ok || b.inCode(off+m) {
			continue
		}
		if key := util.ToLinkReference(label); key != "" {
			if _, seen := defs[key]; !seen {
				defs[key] = Span{off + m + ds, off + m + de}
			}
		}
	}
	for _, r := range b.refs {
		if d, ok := defs[util.ToLinkReference(r.label)]; ok && string(b.src[d.Start:d.End]) == r.link.Raw {
			r.link.DestSpan = d
		}
	}
	b.refs = nil
}

// definitionLine reads a link reference definition on one line ("[label]:
// destination"): its label and where its destination starts and ends
// (inside angle brackets, when it has them).
func definitionLine(line []byte) ([]byte, int, int, bool) {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '[' {
		return nil, 0, 0, false
	}
	rb := bytes.IndexByte(line[i:], ']')
	if rb < 0 || i+rb+1 >= len(line) || line[i+rb+1] != ':' {
		return nil, 0, 0, false
	}
	label := line[i+1 : i+rb]
	j := i + rb + 2
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j >= len(line) {
		return nil, 0, 0, false
	}
	if line[j] == '<' {
		e := bytes.IndexByte(line[j:], '>')
		if e < 0 {
			return nil, 0, 0, false
		}
		return label, j + 1, j + e, true
	}
	e := j
	for e < len(line) && line[e] != ' ' && line[e] != '\t' {
		e++
	}
	return label, j, e, true
}

// linkTextEnd returns the offset just after the ']' that closes the link text
// opened at start ('[' or '![').
func (b *builder) linkTextEnd(start int) int {
	in := b.in
	if start < 0 || start >= len(in) {
		return start
	}
	i := start
	if in[i] == '!' {
		i++
	}
	if i >= len(in) || in[i] != '[' {
		return start
	}
	depth := 0
	for ; i < len(in); i++ {
		switch in[i] {
		case '\\':
			i++
		case '`':
			j := i
			for j < len(in) && in[j] == '`' {
				j++
			}
			fence := in[i:j]
			if k := bytes.Index(in[j:], fence); k >= 0 {
				i = j + k + len(fence) - 1
			} else {
				i = j - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '\n':
			if i+1 < len(in) && in[i+1] == '\n' {
				return start
			}
		}
	}
	return start
}

// scanDestination reads an inline link destination starting after '('.
// It returns the destination span and the offset after the closing ')'.
func scanDestination(in []byte, i int) (int, int, int) {
	for i < len(in) && (in[i] == ' ' || in[i] == '\t' || in[i] == '\n') {
		i++
	}
	ds := i
	if i < len(in) && in[i] == '<' {
		for i < len(in) && in[i] != '>' && in[i] != '\n' {
			i++
		}
		if i < len(in) {
			i++
		}
	} else {
		depth := 0
		for ; i < len(in); i++ {
			c := in[i]
			if c == '\\' {
				i++
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' {
				break
			}
			if c == '(' {
				depth++
			}
			if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
		}
	}
	de := min(i, len(in))
	// skip an optional title up to the closing parenthesis
	for i < len(in) && in[i] != ')' {
		if in[i] == '\n' && i+1 < len(in) && in[i+1] == '\n' {
			return -1, -1, -1
		}
		i++
	}
	if i >= len(in) {
		return -1, -1, -1
	}
	return ds, de, i + 1
}

func (b *builder) autoLink(n *ast.AutoLink, blk *Block, tb *strings.Builder) {
	label := n.Label(b.in)
	url := string(n.URL(b.in))
	start := n.Pos()
	if off := subsliceOffset(b.in, label); off >= 0 {
		start = off
	} else if start >= 0 {
		if i := bytes.Index(b.in[start:], label); i >= 0 {
			start += i
		}
	}
	end := start + len(label)
	sp := Span{start, end}
	if start > 0 && b.in[start-1] == '<' && end < len(b.in) && b.in[end] == '>' {
		sp = Span{start - 1, end + 1}
	}
	l := &Link{Kind: LinkAuto, Text: string(label), Raw: url, Target: url, Span: sp, DestSpan: Span{start, end}, Block: blk}
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
		l.Target = "mailto:" + url
	}
	l.Path, l.Fragment = splitTarget(l.Target)
	l.TextIn = Span{tb.Len(), tb.Len() + len(string(CodeMark))}
	blk.Links = append(blk.Links, l)
	b.f.Links = append(b.f.Links, l)
	appendSeg(blk, tb, string(CodeMark), -1)
}

// subsliceOffset returns the offset of sub within s when sub is a subslice
// of s, or -1.
func subsliceOffset(s, sub []byte) int {
	if len(sub) == 0 || cap(sub) > cap(s) {
		return -1
	}
	off := cap(s) - cap(sub)
	if off < 0 || off+len(sub) > len(s) || &s[off] != &sub[0] {
		return -1
	}
	return off
}

var (
	commentRE = regexp.MustCompile(`(?s)<!--(.*?)-->`)
	hrefRE    = regexp.MustCompile(`(?i)<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	anchorRE  = regexp.MustCompile(`(?i)<[a-z][a-z0-9]*\s[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// rawHTML records inline HTML. A comment leaves nothing in the prose (it
// does not render); a tag leaves a space, as word boundary.
func (b *builder) rawHTML(n *ast.RawHTML, blk *Block, tb *strings.Builder) {
	if n.Segments.Len() == 0 {
		return
	}
	sp := Span{n.Segments.At(0).Start, n.Segments.At(n.Segments.Len() - 1).Stop}
	b.html(sp)
	if !bytes.HasPrefix(b.src[sp.Start:], []byte("<!--")) {
		appendSeg(blk, tb, " ", -1)
	}
}

func (b *builder) htmlBlock(n *ast.HTMLBlock) {
	sp := linesSpan(n)
	if n.HasClosure() {
		c := n.ClosureLine
		if c.Stop > sp.End {
			sp.End = c.Stop
		}
	}
	if p := n.Pos(); p >= 0 && p < sp.Start {
		sp.Start = p
	}
	if sp.End > len(b.src) {
		sp.End = len(b.src)
	}
	b.html(sp)
}

// html records raw HTML: it is code for text rules; its comments, anchors and
// <a href> links are kept.
func (b *builder) html(sp Span) {
	b.f.Code = append(b.f.Code, sp)
	raw := b.src[sp.Start:sp.End]
	for _, m := range commentRE.FindAllSubmatchIndex(raw, -1) {
		b.f.Comments = append(b.f.Comments, &Comment{Text: string(raw[m[2]:m[3]]), Span: Span{sp.Start + m[0], sp.Start + m[1]}})
	}
	if !bytes.Contains(raw, []byte("=")) {
		return
	}
	for _, m := range anchorRE.FindAllSubmatchIndex(raw, -1) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		b.f.HTMLAnchors = append(b.f.HTMLAnchors, Anchor{ID: string(raw[m[g]:m[g+1]]), Span: Span{sp.Start + m[0], sp.Start + m[1]}})
	}
	var comments *commentBounds
	for _, m := range hrefRE.FindAllSubmatchIndex(raw, -1) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		ds := Span{sp.Start + m[g], sp.Start + m[g+1]}
		if comments == nil {
			comments = findCommentBounds(raw)
		}
		if comments.inComment(m[0]) {
			continue
		}
		t := string(b.src[ds.Start:ds.End])
		l := &Link{Kind: LinkHTML, Raw: t, Target: t, Span: Span{sp.Start + m[0], sp.Start + m[1]}, DestSpan: ds}
		l.Path, l.Fragment = splitTarget(t)
		b.f.Links = append(b.f.Links, l)
	}
}

// commentBounds are the offsets of every "<!--" and "-->" in a piece of
// HTML, found once, so that an HTML block of many links takes linear time.
type commentBounds struct{ opens, closes []int }

func findCommentBounds(raw []byte) *commentBounds {
	return &commentBounds{opens: indexAll(raw, []byte("<!--")), closes: indexAll(raw, []byte("-->"))}
}

// indexAll returns the offset of every occurrence of sep in s, overlapping
// ones included.
func indexAll(s, sep []byte) []int {
	var out []int
	for from := 0; ; {
		i := bytes.Index(s[from:], sep)
		if i < 0 {
			return out
		}
		out = append(out, from+i)
		from += i + 1
	}
}

// inComment reports whether off lies after the last "<!--" before it, with
// no "-->" in between.
func (cb *commentBounds) inComment(off int) bool {
	i := sort.Search(len(cb.opens), func(i int) bool { return cb.opens[i]+len("<!--") > off }) - 1
	if i < 0 {
		return false
	}
	open := cb.opens[i]
	j := sort.Search(len(cb.closes), func(j int) bool { return cb.closes[j] >= open })
	return j == len(cb.closes) || cb.closes[j]+len("-->") > off
}

// bareShortcodeLinks records ref/relref shortcodes written outside a link
// destination, e.g. "see {{< ref "values" >}}".
func (b *builder) bareShortcodeLinks() {
	if len(b.shortcodes) == 0 {
		return
	}
	taken := map[int]bool{}
	for _, l := range b.f.Links {
		taken[l.DestSpan.Start] = true
	}
	for _, sc := range b.shortcodes {
		if sc.name != "ref" && sc.name != "relref" || taken[sc.span.Start] || b.inCode(sc.span.Start) {
			continue
		}
		l := &Link{Kind: LinkRef, Raw: string(b.src[sc.span.Start:sc.span.End]), Target: sc.arg, Span: sc.span, DestSpan: sc.span}
		if sc.name == "relref" {
			l.Kind = LinkRelref
		}
		l.Path, l.Fragment = splitTarget(sc.arg)
		b.f.Links = append(b.f.Links, l)
	}
}

// inCode reports whether off lies in a code span or block, in logarithmic
// time: a line of many shortcodes and code spans stays linear.
func (b *builder) inCode(off int) bool {
	if !b.codeMerged {
		b.code = mergeSpans(b.code)
		b.codeMerged = true
	}
	i := sort.Search(len(b.code), func(i int) bool { return b.code[i].End > off })
	return i < len(b.code) && b.code[i].Contains(off)
}

func (b *builder) list(n *ast.List, depth int, out *[]*Bullet) {
	marker := string([]byte{n.Marker})
	if n.IsOrdered() {
		marker = "1" + marker
	}
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		item, ok := li.(*ast.ListItem)
		if !ok {
			continue
		}
		bl := &Bullet{Depth: depth, Marker: marker}
		blk := &Block{Kind: BlockItem}
		var tb strings.Builder
		var nested []*ast.List
		b.startSegs(blk)
		for _, c := range b.itemChildren(item, nil) {
			switch c := c.(type) {
			case *ast.List:
				nested = append(nested, c)
			case *ast.Paragraph, *ast.TextBlock:
				if tb.Len() > 0 {
					appendSeg(blk, &tb, " ", -1)
				}
				b.inlines(c, blk, &tb)
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				b.addCode(b.codeBlockSpan(c))
			case *ast.HTMLBlock:
				b.htmlBlock(c)
			case *ast.Heading:
				h := b.heading(c)
				b.items = append(b.items, item2(h))
			default:
				b.inlines(c, blk, &tb)
			}
		}
		b.endSegs(blk)
		blk.Text = tb.String()
		start := item.Pos()
		if start < 0 {
			start = blk.SourceOffset(0)
		}
		end := start
		for _, s := range blk.segs {
			if s.src >= 0 && int(s.src)+int(s.n) > end {
				end = int(s.src) + int(s.n)
			}
		}
		if end == start {
			end = lineEnd(b.src, start)
		}
		blk.Span = Span{start, end}
		bl.Span = blk.Span
		bl.Text = strings.TrimSpace(blk.Text)
		bl.Block = blk
		b.f.Blocks = append(b.f.Blocks, blk)
		*out = append(*out, bl)
		for _, l := range nested {
			b.list(l, depth+1, out)
		}
	}
}

func item2(h *Heading) item { return item{heading: h, span: h.Span} }

func (b *builder) table(n *east.Table) {
	t := &Table{Span: Span{n.Pos(), n.Pos()}}
	at := max(n.Pos(), 0) // where the last cell ended
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []*Block
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			blk := b.block(cell, BlockCell)
			if blk.Span.Start < 0 { // an empty cell has no position
				blk.Span = Span{at, at}
			}
			at = max(at, blk.Span.End)
			cells = append(cells, blk)
			if blk.Span.End > t.Span.End {
				t.Span.End = blk.Span.End
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	if t.Span.Start < 0 {
		t.Span.Start = 0
	}
	t.Span.End = lineEnd(b.src, max(t.Span.End, t.Span.Start))
	b.f.Tables = append(b.f.Tables, t)
	b.items = append(b.items, item{table: t, span: t.Span})
}

// boldOnly reports whether a paragraph is a single bold (or emphasised)
// phrase, optionally followed by a colon, like "**Nice-to-haves**".
func boldOnly(p ast.Node, src []byte) (string, Span, bool) {
	c := p.FirstChild()
	if c == nil {
		return "", Span{}, false
	}
	em, ok := c.(*ast.Emphasis)
	if !ok {
		return "", Span{}, false
	}
	// after the bold text only a colon, spaces or HTML comments may follow
	for next := em.NextSibling(); next != nil; next = next.NextSibling() {
		switch n := next.(type) {
		case *ast.Text:
			if strings.Trim(string(n.Segment.Value(src)), ": \t") != "" {
				return "", Span{}, false
			}
		case *ast.RawHTML:
			if n.Segments.Len() == 0 || !bytes.HasPrefix(src[n.Segments.At(0).Start:], []byte("<!--")) {
				return "", Span{}, false
			}
		default:
			return "", Span{}, false
		}
	}
	var sb strings.Builder
	collectText(em, src, &sb)
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sb.String()), ":"))
	if s == "" || utf8.RuneCountInString(s) > 80 {
		return "", Span{}, false
	}
	start := em.Pos()
	ls := linesSpan(p)
	if start < 0 {
		start = ls.Start
	}
	return s, Span{start, lineEnd(src, ls.Start)}, true
}

// Anchor is an HTML id or name attribute: a fragment target.
type Anchor struct {
	ID   string
	Span Span
}

// Dir returns the folder of the page's path.
func (f *Family) Dir() string { return path.Dir(f.Path) }
