package lsp

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// panicMarker makes the test rule below panic on a page that holds it.
const panicMarker = "PANIC-IN-A-RULE"

func init() {
	lint.Register(&lint.Rule{
		ID: "test-panics", Title: "a rule that panics on pages holding " + panicMarker,
		Category: lint.Wording, Severity: lint.Warning,
		Check: func(p *lint.Pass) {
			if bytes.Contains(p.File.Source.Text, []byte(panicMarker)) {
				panic("the test rule panics")
			}
		},
	})
}

func TestFraming(t *testing.T) {
	in := "Content-Length: 2\r\n\r\n{}" +
		"\r\n" + // a stray blank line
		"content-length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":1}" +
		"Content-Length: 3\n\n[1]"
	r := newReader(strings.NewReader(in))
	for _, want := range []string{"{}", `{"a":1}`, "[1]"} {
		got, err := r.read()
		if err != nil || string(got) != want {
			t.Fatalf("read %q, %v; want %q", got, err, want)
		}
	}
	if _, err := r.read(); err != io.EOF {
		t.Fatalf("at the end: %v, want EOF", err)
	}
	for _, bad := range []string{
		"Content-Type: x\r\n\r\n{}",        // no length
		"Content-Length: -1\r\n\r\n",       // negative
		"Content-Length: abc\r\n\r\n",      // not a number
		"Content-Length 2\r\n\r\n{}",       // no colon
		"Content-Length: 10\r\n\r\n{}",     // cut short
		strings.Repeat("x", 5000) + "\r\n", // a header line without end
	} {
		if _, err := newReader(strings.NewReader(bad)).read(); err == nil || err == io.EOF {
			t.Errorf("%.30q: got %v, want an error", bad, err)
		}
	}
}

func TestFramingTooLarge(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("Content-Length: " + itoa(MaxMessageSize+1) + "\r\n\r\n")
	buf.Write(bytes.Repeat([]byte{' '}, MaxMessageSize+1))
	buf.WriteString("Content-Length: 2\r\n\r\n{}")
	r := newReader(&buf)
	if _, err := r.read(); err != errTooLarge {
		t.Fatalf("got %v, want errTooLarge", err)
	}
	if got, err := r.read(); err != nil || string(got) != "{}" {
		t.Fatalf("the message after a skipped one: %q, %v", got, err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestLifecycle(t *testing.T) {
	c := startServer(t, Options{})
	resp := c.call("textDocument/hover", map[string]any{})
	if resp.Error == nil || resp.Error.Code != codeNotInitialized {
		t.Errorf("a request before initialize: %+v", resp)
	}
	c.initialize(t.TempDir(), nil)
	if resp := c.call("workspace/symbol", map[string]any{}); resp.Error == nil || resp.Error.Code != codeMethodNotFound {
		t.Errorf("an unknown method: %+v", resp)
	}
	// malformed JSON: an error answer, and the server goes on
	c.w.mu.Lock()
	io.WriteString(c.in, "Content-Length: 5\r\n\r\n{nope")
	c.w.mu.Unlock()
	c.wait(func(m message) bool { return m.Error != nil && m.Error.Code == codeParseError }, "parse error")
	// wrong parameter types
	if resp := c.call("textDocument/hover", "x"); resp.Error == nil || resp.Error.Code != codeInvalidParams {
		t.Errorf("bad params: %+v", resp)
	}
	if resp := c.call("shutdown", nil); resp.Error != nil {
		t.Fatalf("shutdown: %v", resp.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("exit after shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop on exit")
	}
}

// TestOutOfOrder: an edit older than the text held is dropped, and the
// diagnostics are those of the newest text.
func TestOutOfOrder(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 30 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page)
	uri := c.open(page, 1, text)
	c.diagnostics(uri, 1)
	newest := strings.Replace(text, "writes code", "writes teh teh code", 1)
	c.change(uri, 3, newest)
	c.change(uri, 2, text) // late
	d := c.diagnostics(uri, 3)
	sameAsLint(t, d, lintFindings(t, root, page, newest), newest, encUTF16)
	n := 0
	for _, x := range d.Diagnostics {
		if x.Code == "misspelling" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("want the newest text's 3 misspellings, got %d", n)
	}
}

// TestCloseMidLint: changes then a close before the debounce ends, and a
// close while a lint runs; the server answers afterwards and the last
// word on the page is an empty list.
func TestCloseMidLint(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page)
	for i := 0; i < 20; i++ {
		uri := c.open(page, 1, text)
		for v := 2; v < 6; v++ {
			c.change(uri, v, text+strings.Repeat("teh ", v))
		}
		if i%2 == 0 {
			time.Sleep(time.Duration(i) * time.Millisecond)
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	}
	if resp := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": pathURI(page)}, "position": Position{}}); resp.Error != nil {
		t.Fatalf("after closes: %v", resp.Error)
	}
	time.Sleep(50 * time.Millisecond)
	// the last publish for the page clears it
	c.mu.Lock()
	last := ""
	for _, m := range c.msgs {
		if m.Method == "textDocument/publishDiagnostics" {
			last = string(m.Params)
		}
	}
	c.mu.Unlock()
	if !strings.Contains(last, `"diagnostics":[]`) {
		t.Errorf("the last publish after close is %s", last)
	}
}

// TestPanickingRule: a rule's panic is a log message and the other rules'
// diagnostics still arrive.
func TestPanickingRule(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page) + "\n" + panicMarker + "\n"
	uri := c.open(page, 1, text)
	d := c.diagnostics(uri, 1)
	found := false
	for _, x := range d.Diagnostics {
		if x.Code == "misspelling" {
			found = true
		}
	}
	if !found {
		t.Errorf("the other rules' findings are missing: %+v", d.Diagnostics)
	}
	c.wait(func(m message) bool {
		return m.Method == "window/logMessage" && strings.Contains(string(m.Params), "test-panics panicked")
	}, "a log message naming the panicking rule")
}

// TestHostileDocuments: huge, binary, broken front matter, empty: each gets
// diagnostics (the input rule's for the first two) and the server lives.
func TestHostileDocuments(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "other.md")
	docs := []struct{ name, text, rule string }{
		{"huge", "# Big\n\n" + strings.Repeat("word ", 6<<20/5), "input"},
		{"binary", "# Page\x00\x01\x02", "input"},
		{"front matter", "---\ntitle: [unclosed\n---\n\n## A\n", "frontmatter"},
		{"empty", "", ""},
		{"lone CRs", "---\r\ntitle: \"X\"\r\n---\r\r## A teh\r", "misspelling"},
	}
	for i, d := range docs {
		uri := c.open(page, i+1, d.text)
		got := c.diagnostics(uri, i+1)
		if d.rule != "" {
			ok := false
			for _, x := range got.Diagnostics {
				ok = ok || x.Code == d.rule
			}
			if !ok {
				t.Errorf("%s: no %s finding: %+v", d.name, d.rule, got.Diagnostics)
			}
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	}
}

// TestLoneCRPositions: a page with CR line endings gets the lines the
// client counts (LSP ends lines at CR too).
func TestLoneCRPositions(t *testing.T) {
	src := model.NewSource([]byte("a\rb teh\r"))
	p := sourcePosition(src, encUTF16, 4) // "teh" in the normalized "a\nb teh\n"
	if p != (Position{Line: 1, Character: 2}) {
		t.Errorf("got %+v", p)
	}
	text := []byte("a\rb teh\r\nc")
	if got := offsetOf(text, lineStarts(text), encUTF16, Position{Line: 1, Character: 2}); got != 4 {
		t.Errorf("offset %d", got)
	}
	if got := offsetOf(text, lineStarts(text), encUTF16, Position{Line: 1, Character: 99}); got != 7 {
		t.Errorf("past the line's end: %d, want its end 7", got)
	}
	if got := offsetOf(text, lineStarts(text), encUTF16, Position{Line: 9}); got != len(text) {
		t.Errorf("past the last line: %d", got)
	}
	bom := model.NewSource([]byte("\xef\xbb\xbfab"))
	if p := sourcePosition(bom, encUTF16, 1); p != (Position{Line: 0, Character: 2}) {
		t.Errorf("after a BOM: %+v", p)
	}
}

// TestDebounce: changes in quick succession are linted once, at the last
// version.
func TestDebounce(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 500 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page)
	uri := c.open(page, 1, text)
	c.diagnostics(uri, 1)
	start := time.Now()
	for v := 2; v <= 6; v++ {
		c.change(uri, v, text+strings.Repeat("teh ", v))
	}
	d := c.diagnostics(uri, 6)
	if el := time.Since(start); el < 500*time.Millisecond {
		t.Errorf("diagnostics after %v, before the debounce", el)
	}
	n := 0
	for _, x := range d.Diagnostics {
		if x.Code == "misspelling" {
			n++
		}
	}
	if n != 7 {
		t.Errorf("%d misspellings, want the last version's 7", n)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.msgs {
		if m.Method == "textDocument/publishDiagnostics" {
			t.Errorf("an intermediate version was linted: %.100s", m.Params)
		}
	}
}

// TestNotAPage: a file the client sends that is neither markdown nor in the
// include gets no findings.
func TestNotAPage(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	uri := pathURI(filepath.Join(root, "notes.txt"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": "teh teh\n"}})
	if d := c.diagnostics(uri, 1); len(d.Diagnostics) != 0 {
		t.Errorf("a text file got %+v", d.Diagnostics)
	}
	// the same text as markdown is a page
	uri = c.open(filepath.Join(root, "notes.md"), 1, "teh\n")
	if d := c.diagnostics(uri, 1); len(d.Diagnostics) == 0 {
		t.Errorf("a markdown file outside the include got no findings")
	}
}
