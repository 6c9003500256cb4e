package site

import (
	"bytes"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Anchor ID styles: how a site generator derives a heading's ID from its
// text.
const (
	// GitHub is Hugo's default (goldmark autoHeadingID, type "github"):
	// lower-cased letters, digits and '_' kept, spaces and '-' become '-',
	// anything else dropped; a repeated ID gets "-1", "-2", ... appended,
	// skipping IDs already taken (explicit ones included).
	GitHub = "github"
	// Kramdown is kramdown's GFM parser, which GitLab's Middleman site used:
	// word characters, '-', spaces and tabs kept, spaces and tabs become
	// '-'; the n-th repeat of an ID gets "-n", counted per ID. Block
	// attribute lists ({: #id}) set IDs too.
	Kramdown = "kramdown"
	// GitHubRendered is GitHub's own view of a repository's markdown: IDs
	// made as GitHub's are, but from the heading's rendered text, so a
	// link in a heading gives its text ("## [Member](#member)": "member")
	// and an HTML tag nothing ("## Maintainers <a name="m"></a>":
	// "maintainers"), where Hugo's goldmark slugs the heading's source.
	GitHubRendered = "github-rendered"
)

// Anchors are the fragment targets of one page: heading IDs (generated or
// set with {#id}) and id/name attributes in raw HTML.
type Anchors struct {
	ids map[string]bool
	// Partial reports a page whose content is partly generated when the
	// site is built (ERB tags, Hugo shortcodes that may render headings):
	// it may have anchors its source does not show.
	Partial bool
}

// inertShortcodes are Hugo shortcodes that render no headings of their
// own (content between a paired shortcode's tags is markdown of the page
// and is read as such).
var inertShortcodes = map[string]bool{
	"ref": true, "relref": true, "youtube": true, "vimeo": true, "figure": true, "img": true, "image": true,
	"alert": true, "note": true, "warning": true, "tip": true, "details": true, "card": true, "cardpane": true,
	"panel": true, "tab": true, "tabs": true, "highlight": true, "param": true, "icon": true, "badge": true,
}

var shortcodeNameRE = regexp.MustCompile(`\{\{[<%]-?\s*/?\s*([A-Za-z0-9_./-]+)`)

// generated reports whether a page body has template code that may add
// headings when the site is built.
func generated(body []byte) bool {
	if bytes.Contains(body, []byte("<%")) {
		return true
	}
	if !bytes.Contains(body, []byte("{{")) {
		return false
	}
	for _, m := range shortcodeNameRE.FindAllSubmatch(body, -1) {
		if !inertShortcodes[strings.ToLower(string(m[1]))] {
			return true
		}
	}
	return false
}

// Has reports whether the page has the fragment.
func (a *Anchors) Has(id string) bool { return a != nil && a.ids[id] }

// Len is the number of anchors.
func (a *Anchors) Len() int {
	if a == nil {
		return 0
	}
	return len(a.ids)
}

// List returns the anchors, sorted.
func (a *Anchors) List() []string {
	if a == nil {
		return nil
	}
	out := make([]string, 0, len(a.ids))
	for id := range a.ids {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Closest returns the anchor most like id, or "": one with the same letters
// and digits (ignoring case and punctuation), else the shortest one that
// extends id or that id extends (by at most its own length), else the one
// sharing most of its words (at least half of them).
func (a *Anchors) Closest(id string) string {
	if a == nil || id == "" {
		return ""
	}
	want := foldID(id)
	words := strings.FieldsFunc(strings.ToLower(id), isSep)
	prefix, best, bestScore := "", "", 0.0
	for _, c := range a.List() {
		if foldID(c) == want {
			return c
		}
		if short, long := min(len(c), len(id)), max(len(c), len(id)); short >= 4 && 2*short >= long &&
			(strings.HasPrefix(c, id) || strings.HasPrefix(id, c)) {
			if prefix == "" || len(c) < len(prefix) {
				prefix = c
			}
		}
		if score := wordOverlap(words, strings.FieldsFunc(c, isSep)); score >= 0.5 && score > bestScore {
			best, bestScore = c, score
		}
	}
	if prefix != "" {
		return prefix
	}
	return best
}

func isSep(r rune) bool { return r == '-' || r == '_' }

// wordOverlap is the share of words two IDs have in common, over the longer.
func wordOverlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	in := map[string]int{}
	for _, w := range a {
		in[w]++
	}
	common := 0
	for _, w := range b {
		if in[w] > 0 {
			in[w]--
			common++
		}
	}
	return float64(common) / float64(max(len(a), len(b)))
}

func foldID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchorParser reads only what anchors need: blocks (headings with their
// attributes and generated IDs, HTML blocks, code that hides look-alikes),
// code spans and inline HTML. Links, emphasis and the like are left as text,
// which makes it several times cheaper than a full parse.
var anchorParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(parser.NewRawHTMLParser(), 400),
	),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	parser.WithAutoHeadingID(),
	parser.WithAttribute(),
)

var htmlAnchorRE = regexp.MustCompile(`(?i)<[a-z][a-z0-9-]*\s[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

var commentRE = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)

// ialRE is a kramdown block attribute list with an ID: {: #id} or {:#id}.
var ialRE = regexp.MustCompile(`^\{:\s*(?:[^}]*\s)?#([^\s}#.]+)[^}]*\}\s*$`)

// ComputeAnchors returns the anchors of a page's markdown source, with
// heading IDs generated in the given style (GitHub or Kramdown). Front
// matter is skipped. A line scan answers for most pages; a goldmark parse
// for the others.
func ComputeAnchors(src []byte, style string) *Anchors {
	body := src[FrontMatterEnd(src):]
	a, ok := scanAnchors(body, style)
	if !ok {
		a = parseAnchors(body, style)
	}
	a.Partial = generated(body)
	return a
}

// parseAnchors finds the anchors of a page body with goldmark.
func parseAnchors(body []byte, style string) *Anchors {
	var ids parser.IDs
	if style == Kramdown {
		ids = newKramdownIDs()
	} else {
		ids = newGitHubIDs(style)
	}
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := anchorParser.Parse(text.NewReader(body), parser.WithContext(ctx))
	a := &Anchors{ids: map[string]bool{}}
	addHTML := func(raw []byte) {
		if !bytes.Contains(raw, []byte("=")) {
			return
		}
		if bytes.Contains(raw, []byte("<!--")) {
			raw = commentRE.ReplaceAll(raw, nil) // an anchor in a comment is no anchor
		}
		for _, m := range htmlAnchorRE.FindAllSubmatch(raw, -1) {
			for _, g := range m[1:] {
				if g != nil {
					a.ids[string(g)] = true
					break
				}
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id := headingID(n)
			if style == Kramdown {
				if ial := nextIAL(n, body); ial != "" {
					id = ial // kramdown: the attribute list below a header sets its ID
				}
			}
			if id != "" {
				a.ids[id] = true
			}
			// an HTML anchor inside the heading ("## Maintainers <a
			// name="maintainers"></a>") is one of the page's too
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				if v := seg.Value(body); bytes.IndexByte(v, '<') >= 0 {
					addHTML(v)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			var buf bytes.Buffer
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				buf.Write(seg.Value(body))
			}
			addHTML(buf.Bytes())
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				addHTML(seg.Value(body))
			}
		case *ast.Paragraph:
			if style == Kramdown && n.Lines().Len() > 0 {
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					line := bytes.TrimSpace(seg.Value(body))
					if m := ialRE.FindSubmatch(line); m != nil {
						a.ids[string(m[1])] = true
					}
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return a
}

func headingID(n *ast.Heading) string {
	v, ok := n.AttributeString("id")
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// nextIAL returns the ID of a kramdown attribute list written on the line
// right below a heading, or "".
func nextIAL(h *ast.Heading, src []byte) string {
	p, ok := h.NextSibling().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 || p.HasBlankPreviousLines() {
		return "" // after a blank line it belongs to the next block
	}
	seg := p.Lines().At(0)
	line := bytes.TrimSpace(seg.Value(src))
	if m := ialRE.FindSubmatch(line); m != nil {
		return string(m[1])
	}
	return ""
}

// Inline markup of a heading that renders as text of its own (a link's or
// an image's text) or as none (an HTML tag).
var (
	renderedImageRE = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?`)
	renderedLinkRE  = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	renderedTagRE   = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
)

// renderedText is a heading's source as GitHub renders it to text: an
// image and an HTML tag give none, a link its text.
func renderedText(value []byte) []byte {
	if bytes.IndexByte(value, '[') < 0 && bytes.IndexByte(value, '<') < 0 {
		return value
	}
	value = renderedImageRE.ReplaceAll(value, nil)
	value = renderedLinkRE.ReplaceAll(value, []byte("$1"))
	return renderedTagRE.ReplaceAll(value, nil)
}

// GitHubID returns the ID Hugo generates for a heading's text (without
// de-duplication).
func GitHubID(s string) string { return string(githubSlug([]byte(s))) }

func githubSlug(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		switch {
		case r == '-' || r == ' ': // only these: Hugo drops a tab ("Tab\tSpace" is "tabspace")
			out = append(out, '-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
	}
	return out
}

// githubIDs generates heading IDs as Hugo does.
type githubIDs struct {
	taken    map[string]bool
	rendered bool // GitHubRendered: from the heading's rendered text
}

func newGitHubIDs(style string) *githubIDs {
	return &githubIDs{taken: map[string]bool{}, rendered: style == GitHubRendered}
}

func (g *githubIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	if g.rendered {
		value = renderedText(value)
	}
	id := githubSlug(value)
	if len(id) == 0 {
		if kind == ast.KindHeading {
			id = []byte("heading")
		} else {
			id = []byte("id")
		}
	}
	s := string(id)
	if g.taken[s] {
		for i := 1; ; i++ {
			c := s + "-" + strconv.Itoa(i)
			if !g.taken[c] {
				s = c
				break
			}
		}
	}
	g.taken[s] = true
	return []byte(s)
}

func (g *githubIDs) Put(value []byte) { g.taken[string(value)] = true }

// KramdownID returns the ID kramdown's GFM parser generates for a heading's
// source text (without de-duplication).
func KramdownID(s string) string { return string(kramdownSlug(kramdownText([]byte(s)))) }

// kramdownText is the text kramdown's GFM parser makes a heading's ID from
// (its option auto_id_stripping): the text of the heading's spans without
// their markup. Link and emphasis text stays, code spans keep their
// content, images, HTML tags and link destinations go, entities are
// decoded, and smart typography ("--", "...") turns into characters the ID
// then drops.
func kramdownText(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && isASCIIPunct(src[i+1]):
			out = append(out, src[i+1])
			i += 2
		case c == '`':
			n := fenceRun(src[i:], '`')
			end := bytes.Index(src[i+n:], src[i:i+n])
			if end < 0 {
				out = append(out, src[i:i+n]...)
				i += n
				continue
			}
			out = append(out, bytes.TrimSpace(src[i+n:i+n+end])...)
			i += n + end + n
		case c == '!' && i+1 < len(src) && src[i+1] == '[':
			if j := linkEnd(src, i+1); j > 0 {
				i = j // an image adds no text
				continue
			}
			out = append(out, c)
			i++
		case c == '[':
			if close := bytes.IndexByte(src[i:], ']'); close > 0 {
				out = append(out, kramdownText(src[i+1:i+close])...)
				i += close + 1
				if j := destEnd(src, i); j > i {
					i = j
				}
				continue
			}
			out = append(out, c)
			i++
		case c == '<':
			end := bytes.IndexByte(src[i:], '>')
			if end < 0 {
				out = append(out, c)
				i++
				continue
			}
			inner := src[i+1 : i+end]
			if bytes.Contains(inner, []byte("://")) || bytes.HasPrefix(inner, []byte("mailto:")) {
				out = append(out, inner...) // an autolink's text is its URL
			}
			i += end + 1 // an HTML tag adds no text
		case c == '&':
			if end := bytes.IndexByte(src[i:min(len(src), i+12)], ';'); end > 1 {
				out = append(out, html.UnescapeString(string(src[i:i+end+1]))...)
				i += end + 1
				continue
			}
			out = append(out, c)
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			out = append(out, '\x00') // an en or em dash: not a word character
			i += 2
			if i < len(src) && src[i] == '-' {
				i++
			}
		case c == '_' && emphasisUnderscore(src, i):
			i++
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// emphasisUnderscore reports whether the '_' at i opens or closes emphasis
// (at a word boundary) rather than standing inside a word.
func emphasisUnderscore(src []byte, i int) bool {
	j := i
	for j > 0 && src[j-1] == '_' {
		j--
	}
	k := i
	for k < len(src) && src[k] == '_' {
		k++
	}
	before := j == 0 || !isWordByte(src[j-1])
	after := k == len(src) || !isWordByte(src[k])
	return before || after
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// linkEnd returns the offset after "[text](dest)" or "[text][ref]" opening
// at i, or -1.
func linkEnd(src []byte, i int) int {
	close := bytes.IndexByte(src[i:], ']')
	if close < 0 {
		return -1
	}
	j := destEnd(src, i+close+1)
	if j < 0 {
		return i + close + 1
	}
	return j
}

// destEnd returns the offset after a link destination "(...)" or reference
// "[...]" starting at i, or -1 when there is none.
func destEnd(src []byte, i int) int {
	if i >= len(src) {
		return -1
	}
	var open, shut byte
	switch src[i] {
	case '(':
		open, shut = '(', ')'
	case '[':
		open, shut = '[', ']'
	default:
		return -1
	}
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case open:
			depth++
		case shut:
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

func kramdownSlug(b []byte) []byte {
	b = bytes.ToLower(b)
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		switch {
		case r == ' ': // kramdown's GFM IDs turn only spaces into '-': a tab is dropped
			out = append(out, '-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || unicode.Is(unicode.Pc, r):
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}

// kramdownIDs generates heading IDs as kramdown's GFM parser does: the n-th
// repeat of an ID gets "-n", whatever other IDs exist.
type kramdownIDs struct{ count map[string]int }

func newKramdownIDs() *kramdownIDs { return &kramdownIDs{count: map[string]int{}} }

func (k *kramdownIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	s := string(kramdownSlug(kramdownText(bytes.TrimSpace(value))))
	n, seen := k.count[s]
	if !seen {
		k.count[s] = 0
		return []byte(s)
	}
	n++
	k.count[s] = n
	return []byte(s + "-" + strconv.Itoa(n))
}

func (k *kramdownIDs) Put([]byte) {}
