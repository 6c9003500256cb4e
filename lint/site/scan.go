package site

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// scanAnchors is the fast path of ComputeAnchors: it reads a page line by
// line and finds the headings, their IDs and HTML anchors as goldmark
// would, several times faster than a parse. It gives up (ok false) on any
// heading-like line whose place it cannot be sure of (deeply indented, in a
// list paragraph, after an HTML tag that may be inline, with an attribute
// list it does not read), and the parse decides then. A test holds it to
// the parser's answers on every page of the corpus.
func scanAnchors(body []byte, style string) (a *Anchors, ok bool) {
	s := &scanner{style: style, a: &Anchors{ids: map[string]bool{}}}
	if style == Kramdown {
		s.ids = newKramdownIDs()
	} else {
		s.ids = newGitHubIDs(style)
	}
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		if !s.line(bytes.TrimSuffix(line, []byte("\r"))) {
			return nil, false
		}
	}
	s.commit()
	if s.fence != 0 && s.doubt {
		return nil, false
	}
	return s.a, true
}

type scanner struct {
	style string
	a     *Anchors
	ids   parser.IDs

	fence    byte // '`' or '~' while in a fenced block
	fenceLen int
	doubt    bool // an unsure fence was seen: where fences end is in doubt from there on

	html     int    // 1: until a closing tag (htmlEnd), 2: comment, 6: until a blank line, 7: unsure, until a blank line
	htmlEnd  string // for type 1
	para     bool   // the previous line is paragraph text
	paraTop  bool   // that paragraph started at the top level (no list, quote or indentation)
	paraLast []byte // its last line
	ialLine  bool   // the previous line was an attribute list
	pending  string // the ID of a heading on the previous line, not yet recorded: a kramdown attribute list below may replace it
}

// commit records the pending heading ID.
func (s *scanner) commit() {
	if s.pending != "" {
		s.a.ids[s.pending] = true
		s.pending = ""
	}
}

// line reads one line; false gives up.
func (s *scanner) line(raw []byte) bool {
	if s.pending != "" {
		if m := ialRE.FindSubmatch(bytes.TrimSpace(raw)); m != nil && s.style == Kramdown && s.fence == 0 && s.html == 0 {
			// kramdown: an attribute list below a heading sets its ID
			s.pending = ""
			s.ialLine = true
			s.a.ids[string(m[1])] = true
			s.para = false
			return true
		}
		s.commit()
	}
	if s.ialLine {
		s.ialLine = false
		if setextLike(bytes.TrimLeft(raw, " ")) {
			return false // the parser reads the attribute list as a heading's text
		}
	}
	if bytes.IndexByte(raw, '\t') >= 0 && headingLike(bytes.TrimLeft(raw, " \t>")) {
		return false // tabs change indentation: leave it to the parser
	}
	// fenced code: any indentation, inside quotes too
	content := stripQuotes(raw)
	trimmed := bytes.TrimLeft(content, " ")
	indent := len(content) - len(trimmed)
	if s.doubt && (headingLike(bytes.TrimLeft(trimmed, "-*+0123456789.) ")) || setextLike(trimmed)) {
		return false // inside or outside a fence? the parser knows
	}
	if s.fence != 0 {
		if n := fenceRun(trimmed, s.fence); n >= s.fenceLen && len(bytes.TrimSpace(trimmed[n:])) == 0 {
			s.fence = 0
		}
		return true
	}
	if s.html != 0 {
		return s.inHTML(raw, trimmed)
	}
	blank := len(bytes.TrimSpace(raw)) == 0
	if blank || len(bytes.TrimSpace(trimmed)) == 0 {
		s.para = false
		return true
	}
	quoted := isQuoted(raw)
	// a heading or a fence after list markers or quotes belongs to the
	// item or quote
	item := trimmed
	container := quoted
	for {
		n := listMarker(item)
		if n == 0 {
			break
		}
		container = true
		item = bytes.TrimLeft(item[n:], " ")
	}
	if len(item) == 0 {
		item = trimmed
	}
	if c := item[0]; c == '`' || c == '~' {
		if n := fenceRun(item, c); n >= 3 && (c == '~' || bytes.IndexByte(item[n:], '`') < 0) {
			s.fence, s.fenceLen = c, n
			// indented, it may be code or a paragraph's text; after a list
			// marker or in a quote, its end is the container's business
			if indent >= 4 || container {
				s.doubt = true
			}
			s.para = false
			return true
		}
	}
	if !quoted && indent <= 3 && trimmed[0] == '<' {
		if t := htmlStart(trimmed, s.para); t != 0 {
			s.para = false
			s.html = t
			if t == 1 {
				s.htmlEnd = htmlCloser(trimmed)
			}
			return s.inHTML(raw, trimmed)
		}
	}
	if len(item) > 0 && headingLike(item) {
		if indent >= 4 || bytes.IndexByte(item, '\t') >= 0 {
			return false // code or a list's continuation: unsure
		}
		id, ok := s.atx(item)
		if !ok {
			return false
		}
		s.pending = id
		s.para = false
		return true
	}
	if setextLike(trimmed) && s.para && (!s.paraTop || quoted) {
		return false // a list's or quote's paragraph: underline or item? the parser knows
	}
	if setextLike(trimmed) && indent <= 3 {
		if s.para {
			id, ok := s.headingID(bytes.TrimSpace(s.paraLast))
			if !ok {
				return false
			}
			s.pending = id
			s.para = false
			return true
		}
		if trimmed[0] == '-' && !container {
			s.para = false // a thematic break
			return true
		}
	}
	if thematicBreak(trimmed) && indent <= 3 {
		s.para = false
		return true
	}
	if s.style == Kramdown {
		if m := ialRE.FindSubmatch(bytes.TrimSpace(raw)); m != nil {
			s.a.ids[string(m[1])] = true
		}
	}
	s.htmlAnchors(content)
	// paragraph text (or a list item, a quote, indented code)
	if !s.para {
		s.para = true
		s.paraTop = !container && indent <= 3 && trimmed[0] != '|'
		if indent >= 4 {
			s.para = false // indented code
		}
	} else if container {
		s.paraTop = false
	}
	s.paraLast = content
	return true
}

// inHTML reads a line of an HTML block.
func (s *scanner) inHTML(raw, trimmed []byte) bool {
	switch s.html {
	case 1:
		s.htmlAnchors(raw)
		if bytes.Contains(bytes.ToLower(raw), []byte(s.htmlEnd)) {
			s.html = 0
		}
	case 2:
		if bytes.Contains(raw, []byte("-->")) {
			s.html = 0
		}
	default:
		if len(bytes.TrimSpace(raw)) == 0 {
			s.html = 0
			return true
		}
		if s.html == 7 && (headingLike(trimmed) || setextLike(trimmed)) {
			return false // the tag may have been inline, the line a heading
		}
		s.htmlAnchors(raw)
	}
	return true
}

// htmlAnchors records id and name attributes of raw HTML on a line, code
// spans left out.
func (s *scanner) htmlAnchors(line []byte) {
	if bytes.IndexByte(line, '<') < 0 || bytes.IndexByte(line, '=') < 0 {
		return
	}
	if bytes.IndexByte(line, '`') >= 0 {
		line = stripCodeSpans(line)
	}
	for _, m := range htmlAnchorRE.FindAllSubmatch(line, -1) {
		for _, g := range m[1:] {
			if g != nil {
				s.a.ids[string(g)] = true
				break
			}
		}
	}
}

// atx reads an ATX heading ("## Text {#id} ##") and records its ID.
func (s *scanner) atx(item []byte) (string, bool) {
	n := 0
	for n < len(item) && item[n] == '#' {
		n++
	}
	text := bytes.TrimSpace(item[n:])
	if bytes.IndexByte(text, '<') >= 0 && bytes.IndexByte(text, '=') >= 0 && !bytes.Contains(text, []byte("<!--")) {
		// an HTML anchor inside the heading ("## Maintainers <a
		// name="maintainers"></a>") is one of the page's too
		for _, m := range htmlAnchorRE.FindAllSubmatch(text, -1) {
			for _, g := range m[1:] {
				if g != nil {
					s.a.ids[string(g)] = true
					break
				}
			}
		}
	}
	return s.headingID(text)
}

// headingID records the ID of a heading whose text (its last line) is
// given: an {#id} attribute, or one generated from the text as goldmark
// hands it to the ID generator (attributes and a closing '#' sequence
// removed).
func (s *scanner) headingID(text []byte) (string, bool) {
	var id []byte
	if i := bytes.IndexByte(text, '{'); i >= 0 {
		attrID, rest, ok := headingAttributes(text)
		if !ok {
			return "", false
		}
		text, id = rest, attrID
	}
	if id == nil && len(text) > 0 {
		// the closing sequence: '#'s preceded by a space, or the whole text
		j := len(text) - 1
		for j > 0 && text[j] == '#' {
			j--
		}
		switch {
		case j == 0 && text[0] == '#':
			text = nil
		case j != len(text)-1 && (text[j] == ' ' || text[j] == '\t'):
			text = bytes.TrimRight(text[:j], " \t")
		}
	}
	if id != nil {
		s.ids.Put(id)
		return string(id), true
	}
	return string(s.ids.Generate(text, ast.KindHeading)), true
}

// headingAttributes reads a trailing attribute list: "Text {#id .class
// key=value}". It returns the ID (nil when none), the text before the list,
// and false when the braces are not a list it reads with certainty.
func headingAttributes(text []byte) ([]byte, []byte, bool) {
	open := bytes.IndexByte(text, '{')
	if bytes.IndexByte(text[open+1:], '{') >= 0 || bytes.IndexByte(text, '\\') >= 0 {
		return nil, nil, false
	}
	end := bytes.IndexByte(text[open:], '}')
	if end < 0 || len(bytes.TrimSpace(text[open+end+1:])) != 0 {
		return nil, nil, false
	}
	var id []byte
	for _, f := range strings.Fields(string(text[open+1 : open+end])) {
		switch {
		case (f[0] == '#' || f[0] == '.') && len(f) > 1:
			if !attrName(f[1:]) {
				return nil, text, true // goldmark does not read the list: it stays text
			}
			if f[0] == '#' {
				id = []byte(f[1:])
			}
		default:
			return nil, nil, false
		}
	}
	return id, bytes.TrimRight(text[:open], " \t"), true
}

func headingLike(b []byte) bool {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(b) || b[n] == ' ' || b[n] == '\t')
}

func setextLike(b []byte) bool {
	b = bytes.TrimRight(b, " \t")
	if len(b) == 0 || b[0] != '=' && b[0] != '-' {
		return false
	}
	for _, c := range b {
		if c != b[0] {
			return false
		}
	}
	return true
}

func thematicBreak(b []byte) bool {
	if len(b) == 0 || b[0] != '-' && b[0] != '*' && b[0] != '_' {
		return false
	}
	n := 0
	for _, c := range b {
		switch c {
		case b[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

func fenceRun(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// listMarker returns the length of a list item marker and the space after
// it ("- ", "12. ", "3) "), or 0.
func listMarker(b []byte) int {
	if len(b) >= 2 && (b[0] == '-' || b[0] == '*' || b[0] == '+') && (b[1] == ' ' || b[1] == '\t') {
		return 2
	}
	i := 0
	for i < len(b) && i < 9 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(b) && (b[i] == '.' || b[i] == ')') && (b[i+1] == ' ' || b[i+1] == '\t') {
		return i + 2
	}
	return 0
}

func isQuoted(raw []byte) bool {
	t := bytes.TrimLeft(raw, " ")
	return len(raw)-len(t) <= 3 && len(t) > 0 && t[0] == '>'
}

// stripQuotes drops leading blockquote markers.
func stripQuotes(raw []byte) []byte {
	for {
		t := bytes.TrimLeft(raw, " ")
		if len(raw)-len(t) > 3 || len(t) == 0 || t[0] != '>' {
			return raw
		}
		raw = t[1:]
		if len(raw) > 0 && raw[0] == ' ' {
			raw = raw[1:]
		}
	}
}

// blockTags are the HTML block tags (CommonMark type 6): such a line
// starts an HTML block even within a paragraph.
var blockTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`address article aside base basefont blockquote body caption center col
		colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3
		h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p
		param search section summary table tbody td tfoot th thead title tr track ul`) {
		blockTags[t] = true
	}
}

// htmlStart returns the HTML block type a line starts (1, 2, 6 or 7 for
// any other tag, whose block is unsure), or 0.
func htmlStart(t []byte, inPara bool) int {
	lower := bytes.ToLower(t)
	switch {
	case bytes.HasPrefix(lower, []byte("<!--")):
		return 2
	case bytes.HasPrefix(lower, []byte("<script")), bytes.HasPrefix(lower, []byte("<pre")),
		bytes.HasPrefix(lower, []byte("<style")), bytes.HasPrefix(lower, []byte("<textarea")):
		return 1
	case bytes.HasPrefix(lower, []byte("<?")), bytes.HasPrefix(lower, []byte("<!")):
		return 7
	}
	name := lower[1:]
	name = bytes.TrimPrefix(name, []byte("/"))
	n := 0
	for n < len(name) && (name[n] >= 'a' && name[n] <= 'z' || name[n] >= '0' && name[n] <= '9' || name[n] == '-') {
		n++
	}
	if n == 0 {
		return 0
	}
	if blockTags[string(name[:n])] && (n == len(name) || name[n] == ' ' || name[n] == '>' || name[n] == '/' || name[n] == '\t') {
		return 6
	}
	if inPara || !type7RE.Match(t) {
		return 0 // any other tag does not interrupt a paragraph, nor start a block unless alone on its line
	}
	return 7
}

func htmlCloser(t []byte) string {
	lower := bytes.ToLower(t)
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if bytes.HasPrefix(lower, []byte("<"+tag)) {
			return "</" + tag + ">"
		}
	}
	return ">"
}

// stripCodeSpans blanks `code` on a line.
func stripCodeSpans(line []byte) []byte {
	out := append([]byte(nil), line...)
	for i := 0; i < len(out); {
		if out[i] != '`' {
			i++
			continue
		}
		n := fenceRun(out[i:], '`')
		closeAt := bytes.Index(out[i+n:], bytes.Repeat([]byte("`"), n))
		if closeAt < 0 {
			i += n
			continue
		}
		for j := i; j < i+n+closeAt+n; j++ {
			out[j] = ' '
		}
		i += n + closeAt + n
	}
	return out
}

// attrName reports whether goldmark reads s as an #id or .class name: no
// ASCII punctuation but '_', '-', ':' and '.'.
func attrName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~') &&
			c != '_' && c != '-' && c != ':' && c != '.' {
			return false
		}
	}
	return true
}

// type7RE is a line that is one complete HTML tag (CommonMark HTML block
// type 7).
var type7RE = regexp.MustCompile(`^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + "`" + `]+|'[^']*'|"[^"]*"))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`)
