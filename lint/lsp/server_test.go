package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/internal/testtree"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	_ "gitlab.com/ladderlint/ladderlint/rules"
)

// client drives a server in process over pipes.
type client struct {
	t      testing.TB
	w      *writer
	in     io.WriteCloser
	mu     sync.Mutex
	msgs   []message
	cond   *sync.Cond
	nextID int
	done   chan error
}

func startServer(t testing.TB, opts Options) *client {
	t.Helper()
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	c := &client{t: t, w: &writer{w: cw}, in: cw, done: make(chan error, 1)}
	c.cond = sync.NewCond(&c.mu)
	go func() {
		err := Serve(context.Background(), sr, sw, opts)
		sw.Close()
		c.done <- err
	}()
	go func() {
		r := newReader(cr)
		for {
			body, err := r.read()
			if err != nil {
				c.mu.Lock()
				c.msgs = append(c.msgs, message{Method: "<closed>"})
				c.cond.Broadcast()
				c.mu.Unlock()
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server wrote malformed JSON: %v: %s", err, body)
				continue
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m)
			c.cond.Broadcast()
			c.mu.Unlock()
		}
	}()
	t.Cleanup(func() { cw.Close() })
	return c
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.w.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params}); err != nil {
		c.t.Fatal(err)
	}
}

// call sends a request and waits for its response.
func (c *client) call(method string, params any) message {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.mu.Unlock()
	if err := c.w.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		c.t.Fatal(err)
	}
	want := fmt.Sprint(id)
	return c.wait(func(m message) bool { return m.Method == "" && string(m.ID) == want }, method+" response")
}

// wait returns the first message (from the start) that pred accepts and
// removes it, failing after 20 s.
func (c *client) wait(pred func(message) bool, what string) message {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	timer := time.AfterFunc(20*time.Second, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, m := range c.msgs {
			if pred(m) {
				c.msgs = append(c.msgs[:i:i], c.msgs[i+1:]...)
				return m
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for %s", what)
		}
		c.cond.Wait()
	}
}

type diagParams struct {
	URI         string `json:"uri"`
	Version     int    `json:"version"`
	Diagnostics []struct {
		Range           Range  `json:"range"`
		Severity        int    `json:"severity"`
		Code            string `json:"code"`
		Source          string `json:"source"`
		Message         string `json:"message"`
		CodeDescription struct {
			Href string `json:"href"`
		} `json:"codeDescription"`
	} `json:"diagnostics"`
}

// diagnostics waits for a publishDiagnostics of uri at version.
func (c *client) diagnostics(uri string, version int) diagParams {
	c.t.Helper()
	var out diagParams
	c.wait(func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p diagParams
		if json.Unmarshal(m.Params, &p) != nil || p.URI != uri || p.Version != version {
			return false
		}
		out = p
		return true
	}, fmt.Sprintf("diagnostics of %s v%d", uri, version))
	return out
}

// workspaceCopy copies testdata/ws to a temporary folder and returns it.
func workspaceCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	testtree.Copy(t, "testdata/ws", dir)
	return dir
}

func (c *client) initialize(root string, caps map[string]any) map[string]any {
	c.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	resp := c.call("initialize", map[string]any{"processId": nil, "rootUri": pathURI(root), "capabilities": caps})
	if resp.Error != nil {
		c.t.Fatalf("initialize: %v", resp.Error.Message)
	}
	var r map[string]any
	json.Unmarshal(resp.Result, &r)
	c.notify("initialized", map[string]any{})
	return r
}

func (c *client) open(path string, version int, text string) string {
	uri := pathURI(path)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": version, "text": text}})
	return uri
}

func (c *client) change(uri string, version int, text string) {
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	})
}

// lintFindings is what lint reports for page with text in place of its
// file, among the workspace's pages: the reference the server must match.
func lintFindings(t *testing.T, root, page, text string) []lint.Finding {
	t.Helper()
	cfg := lint.DefaultConfig()
	cfg.Dir = root // as the server does without a config
	if p := filepath.Join(root, lint.ConfigFileName); fileExists(p) {
		var err error
		if cfg, err = lint.LoadConfig(p); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := lint.Collect(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range inputs {
		// by absolute path, as the server names the pages it lints (lint
		// shows a path below the current folder relative to it)
		abs, _ := filepath.Abs(inputs[i].Path)
		inputs[i].Path = abs
		if abs == page {
			inputs[i].Data = []byte(text)
			found = true
		}
	}
	if !found { // a page outside the include, as the server lints it
		inputs = append(inputs, lint.Input{Path: page, Data: []byte(text)})
	}
	res := linttest.RunInputs(t, cfg, inputs)
	var out []lint.Finding
	for _, f := range res.Findings {
		if abs, _ := filepath.Abs(f.Path); abs == page {
			out = append(out, f)
		}
	}
	return out
}

// sameAsLint compares diagnostics with lint's findings: rule, severity,
// message and position (lint's columns count characters from 1; the test
// pages' text before a finding on its line has no character beyond the
// Basic Multilingual Plane unless noted, where UTF-16 counts it twice).
func sameAsLint(t *testing.T, got diagParams, want []lint.Finding, text string, enc string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	col := func(line, c int) int { // 1-based character column -> LSP units
		runes := []rune(lines[line-1])
		return units(enc, []byte(string(runes[:c-1])))
	}
	var g, w []string
	for _, d := range got.Diagnostics {
		if d.Source != "ladderlint" || d.CodeDescription.Href != RuleDocURL(d.Code) {
			t.Errorf("diagnostic without source or link: %+v", d)
		}
		g = append(g, fmt.Sprintf("%d:%d-%d:%d %s %d %s", d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, d.Code, d.Severity, d.Message))
	}
	for _, f := range want {
		w = append(w, fmt.Sprintf("%d:%d-%d:%d %s %d %s", f.Line-1, col(f.Line, f.Column), f.EndLine-1, col(f.EndLine, f.EndColumn), f.Rule, lspSeverity(f.Severity), f.Message))
	}
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("diagnostics differ from lint's\ngot:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	if len(w) == 0 {
		t.Errorf("the test page must have findings")
	}
}

func readText(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDiagnosticsMatchLint(t *testing.T) {
	for _, enc := range []string{encUTF16, encUTF8, encUTF32} {
		t.Run(enc, func(t *testing.T) {
			root := workspaceCopy(t)
			c := startServer(t, Options{Debounce: 20 * time.Millisecond})
			caps := map[string]any{}
			if enc != encUTF16 {
				caps["general"] = map[string]any{"positionEncodings": []string{enc, encUTF16}}
			}
			init := c.initialize(root, caps)
			if got := init["capabilities"].(map[string]any)["positionEncoding"]; got != enc {
				t.Fatalf("positionEncoding %v, want %s", got, enc)
			}
			page := filepath.Join(root, "pages", "backend.md")
			text := readText(t, page)
			uri := c.open(page, 1, text)
			d := c.diagnostics(uri, 1)
			sameAsLint(t, d, lintFindings(t, root, page, text), text, enc)
			// the cross-file finding is there: the other page was read from disk
			found := false
			for _, x := range d.Diagnostics {
				if x.Code == "grade-consistency" && strings.Contains(x.Message, "backend-senior.md") {
					found = true
				}
			}
			if !found {
				t.Errorf("no grade-consistency finding against the other page: %+v", d.Diagnostics)
			}

			// an edit: the grade agrees with the other page now, and a new misspelling
			text2 := strings.Replace(text, "grade 7", "grade 8", 1)
			text2 = strings.Replace(text2, "writes code", "writes teh code", 1)
			c.change(uri, 2, text2)
			d = c.diagnostics(uri, 2)
			sameAsLint(t, d, lintFindings(t, root, page, text2), text2, enc)
			for _, x := range d.Diagnostics {
				if x.Code == "grade-consistency" {
					t.Errorf("grade-consistency still reported after the edit: %+v", x)
				}
			}
			c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
			d = c.diagnostics(uri, 2)
			sameAsLint(t, d, lintFindings(t, root, page, text2), text2, enc)
		})
	}
}

// TestUnsavedOtherPage: the cross-file rules see an open page's unsaved
// text, not its file.
func TestUnsavedOtherPage(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(root, nil)
	senior := filepath.Join(root, "pages", "backend-senior.md")
	stext := readText(t, senior)
	suri := c.open(senior, 1, strings.Replace(stext, "grade 8", "grade 7", 1))
	c.diagnostics(suri, 1)
	page := filepath.Join(root, "pages", "backend.md")
	uri := c.open(page, 1, readText(t, page))
	for _, x := range c.diagnostics(uri, 1).Diagnostics {
		if x.Code == "grade-consistency" {
			t.Errorf("the other page's unsaved grade 7 agrees with this page: %+v", x)
		}
	}
}

type codeAction struct {
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Edit  struct {
		Changes map[string][]textEdit `json:"changes"`
	} `json:"edit"`
}

// applyEdits applies LSP edits to text (as a client does).
func applyEdits(t *testing.T, text string, enc string, edits []textEdit) string {
	t.Helper()
	b := []byte(text)
	starts := lineStarts(b)
	type span struct {
		a, b int
		s    string
	}
	var ss []span
	for _, e := range edits {
		ss = append(ss, span{offsetOf(b, starts, enc, e.Range.Start), offsetOf(b, starts, enc, e.Range.End), e.NewText})
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].a > ss[j].a })
	for _, s := range ss {
		b = append(b[:s.a:s.a], append([]byte(s.s), b[s.b:]...)...)
	}
	return string(b)
}

func actionsAt(t *testing.T, c *client, uri string, r Range) []codeAction {
	t.Helper()
	resp := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": r, "context": map[string]any{"diagnostics": []any{}}})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	var as []codeAction
	if err := json.Unmarshal(resp.Result, &as); err != nil {
		t.Fatal(err)
	}
	return as
}

func TestCodeActions(t *testing.T) {
	for _, enc := range []string{encUTF16, encUTF8} {
		t.Run(enc, func(t *testing.T) {
			root := workspaceCopy(t)
			c := startServer(t, Options{Debounce: 10 * time.Millisecond})
			caps := map[string]any{}
			if enc != encUTF16 {
				caps["general"] = map[string]any{"positionEncodings": []string{enc}}
			}
			c.initialize(root, caps)
			page := filepath.Join(root, "pages", "backend.md")
			text := readText(t, page)
			uri := c.open(page, 1, text)
			d := c.diagnostics(uri, 1)
			var miss Range
			for _, x := range d.Diagnostics {
				if x.Code == "misspelling" {
					miss = x.Range
				}
			}
			as := actionsAt(t, c, uri, miss)
			var fix, disable *codeAction
			for i := range as {
				switch {
				case strings.HasPrefix(as[i].Title, "Fix: "):
					fix = &as[i]
				case as[i].Title == "Disable misspelling for this line":
					disable = &as[i]
				}
			}
			if fix == nil || disable == nil {
				t.Fatalf("want a fix and a disable action, got %+v", as)
			}
			// the fix, after an emoji (two UTF-16 units, four bytes)
			fixed := applyEdits(t, text, enc, fix.Edit.Changes[uri])
			if want := strings.Replace(text, "😀 teh users", "😀 the users", 1); fixed != want {
				t.Errorf("fix gave\n%s\nwant\n%s", fixed, want)
			}
			disabled := applyEdits(t, text, enc, disable.Edit.Changes[uri])
			if want := strings.Replace(text, "The Backend Engineer writes", "<!-- ladderlint-disable-next-line misspelling -->\nThe Backend Engineer writes", 1); disabled != want {
				t.Errorf("disable gave\n%s\nwant\n%s", disabled, want)
			}
			// the disabled text has no misspelling finding any more
			c.change(uri, 2, disabled)
			d = c.diagnostics(uri, 2)
			for _, x := range d.Diagnostics {
				if x.Code == "misspelling" || x.Code == "directive" {
					t.Errorf("after the disable action: %+v", x)
				}
			}
			c.change(uri, 3, text)
			c.diagnostics(uri, 3)
			// fix all: the same edit as --fix would make
			resp := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": Range{}, "context": map[string]any{"only": []string{"source.fixAll"}}})
			var all []codeAction
			json.Unmarshal(resp.Result, &all)
			if len(all) != 1 || all[0].Kind != "source.fixAll.ladderlint" {
				t.Fatalf("fix all: %+v", all)
			}
			if got, want := applyEdits(t, text, enc, all[0].Edit.Changes[uri]), strings.Replace(text, "😀 teh", "😀 the", 1); got != want {
				t.Errorf("fix all gave\n%s", got)
			}
		})
	}
}

// A code action asked for a text changed since its last lint gets no edit
// (its positions are the old text's). The server's debounce is far longer
// than the test, so the change is never linted: with a short one, a lint
// that finishes before the request arrives (a loaded machine) would make
// the request current.
func TestCodeActionsStale(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: time.Hour})
	c.initialize(root, map[string]any{})
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page)
	uri := c.open(page, 1, text) // an opened page is linted at once
	d := c.diagnostics(uri, 1)
	var miss Range
	for _, x := range d.Diagnostics {
		if x.Code == "misspelling" {
			miss = x.Range
		}
	}
	if as := actionsAt(t, c, uri, miss); len(as) == 0 {
		t.Fatal("no actions for the linted text: the near miss below would prove nothing")
	}
	c.change(uri, 2, text+"\n")
	if as := actionsAt(t, c, uri, miss); len(as) != 0 {
		t.Errorf("actions for a text not linted yet: %+v", as)
	}
}

func TestDisableAddsToDirective(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "backend.md")
	text := strings.Replace(readText(t, page), "The Backend Engineer writes code", "<!-- ladderlint-disable-next-line repeated-word -->\nThe Backend Engineer writes code", 1)
	uri := c.open(page, 1, text)
	var miss Range
	for _, x := range c.diagnostics(uri, 1).Diagnostics {
		if x.Code == "misspelling" {
			miss = x.Range
		}
	}
	for _, a := range actionsAt(t, c, uri, miss) {
		if a.Title == "Disable misspelling for this line" {
			got := applyEdits(t, text, encUTF16, a.Edit.Changes[uri])
			if want := strings.Replace(text, "repeated-word -->", "repeated-word misspelling -->", 1); got != want {
				t.Errorf("got\n%s", got)
			}
			return
		}
	}
	t.Fatal("no disable action")
}

func TestHover(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "backend.md")
	uri := c.open(page, 1, readText(t, page))
	var miss Range
	for _, x := range c.diagnostics(uri, 1).Diagnostics {
		if x.Code == "misspelling" {
			miss = x.Range
		}
	}
	pos := Position{Line: miss.Start.Line, Character: miss.Start.Character + 1}
	resp := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos})
	var h struct {
		Contents struct {
			Kind, Value string
		}
	}
	json.Unmarshal(resp.Result, &h)
	if want := lint.Explain(lint.Lookup("misspelling")); !strings.Contains(h.Contents.Value, want) || h.Contents.Kind != "markdown" {
		t.Errorf("hover %q does not hold the explanation", h.Contents.Value)
	}
	// a near miss: a line without a finding
	resp = c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{Line: 3, Character: 0}})
	if string(resp.Result) != "null" {
		t.Errorf("hover on an empty line: %s", resp.Result)
	}
}

func TestCompletion(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "new.md")
	cases := []struct {
		line string
		want []string // labels that must be there
		not  []string // labels that must not
	}{
		{"<!-- ladderlint-disable-next-line grade-c", []string{"grade-consistency"}, []string{"grade-order", "misspelling"}},
		{"<!-- ladderlint-disable misspelling, ", []string{"grade-order", "repeated-word"}, []string{"misspelling"}},
		{"<!-- ladderlint-dis", []string{"ladderlint-disable", "ladderlint-disable-next-line", "ladderlint-disable-file"}, []string{"ladderlint-enable"}},
		{"Some text grade-c", nil, []string{"grade-consistency"}},
		{"<!-- ladderlint-disable x --> grade-c", nil, []string{"grade-consistency"}},
	}
	for i, tc := range cases {
		text := "# Page\n\n" + tc.line + "\n"
		uri := c.open(page, i+1, text)
		resp := c.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{Line: 2, Character: units(encUTF16, []byte(tc.line))}})
		var list struct {
			Items []struct {
				Label    string
				TextEdit textEdit
			}
		}
		json.Unmarshal(resp.Result, &list)
		got := map[string]textEdit{}
		for _, it := range list.Items {
			got[it.Label] = it.TextEdit
		}
		for _, w := range tc.want {
			e, ok := got[w]
			if !ok {
				t.Errorf("%q: no %s among %d items", tc.line, w, len(list.Items))
				continue
			}
			if done := applyEdits(t, text, encUTF16, []textEdit{e}); !strings.Contains(done, w+"\n") {
				t.Errorf("%q: completing %s gives %q", tc.line, w, done)
			}
		}
		for _, n := range tc.not {
			if _, ok := got[n]; ok {
				t.Errorf("%q: %s offered", tc.line, n)
			}
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	}
}

// TestWatchedFiles: a page changed on disk and a changed config reach the
// open page's diagnostics once the client reports them.
func TestWatchedFiles(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	reg := c.wait(func(m message) bool { return m.Method == "client/registerCapability" }, "watcher registration")
	if !strings.Contains(string(reg.Params), "workspace/didChangeWatchedFiles") {
		t.Errorf("registration %s", reg.Params)
	}
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page)
	uri := c.open(page, 1, text)
	has := func(d diagParams, rule string) bool {
		for _, x := range d.Diagnostics {
			if x.Code == rule {
				return true
			}
		}
		return false
	}
	if d := c.diagnostics(uri, 1); !has(d, "grade-consistency") || !has(d, "misspelling") {
		t.Fatalf("the sample's findings are missing: %+v", d.Diagnostics)
	}
	senior := filepath.Join(root, "pages", "backend-senior.md")
	if err := os.WriteFile(senior, []byte(strings.Replace(readText(t, senior), "grade 8", "grade 7", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathURI(senior), "type": 2}}})
	d := c.diagnostics(uri, 1)
	if has(d, "grade-consistency") || !has(d, "misspelling") {
		t.Errorf("after the other page changed on disk: %+v", d.Diagnostics)
	}
	sameAsLint(t, d, lintFindings(t, root, page, text), text, encUTF16)

	cfg := filepath.Join(root, lint.ConfigFileName)
	if err := os.WriteFile(cfg, []byte(readText(t, cfg)+"rules:\n  misspelling: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathURI(cfg), "type": 2}}})
	if d := c.diagnostics(uri, 1); has(d, "misspelling") {
		t.Errorf("after the config turned misspelling off: %+v", d.Diagnostics)
	}

	// a config with an error: a message, and the defaults apply
	if err := os.WriteFile(cfg, []byte("rules: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathURI(cfg), "type": 2}}})
	c.wait(func(m message) bool {
		return m.Method == "window/showMessage" && strings.Contains(string(m.Params), lint.ConfigFileName)
	}, "a message about the broken config")
	if d := c.diagnostics(uri, 1); !has(d, "misspelling") {
		t.Errorf("with the defaults: %+v", d.Diagnostics)
	}
}

// TestNoConfig: without a config the defaults' include is found from the
// workspace folder, whatever the server's current folder: a page there is
// compared with the others.
func TestNoConfig(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content", "job-families")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"backend.md", "backend-senior.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(readText(t, filepath.Join("testdata/ws/pages", name))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	uri := c.open(filepath.Join(dir, "backend.md"), 1, readText(t, filepath.Join(dir, "backend.md")))
	found := false
	for _, x := range c.diagnostics(uri, 1).Diagnostics {
		found = found || x.Code == "grade-consistency"
	}
	if !found {
		t.Errorf("no cross-file finding: the other page of content/job-families was not read")
	}
}

func TestHoverDirective(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	line := "<!-- ladderlint-disable-next-line grade-order, misspelling -->"
	uri := c.open(filepath.Join(root, "pages", "new.md"), 1, "# Page\n\n"+line+"\nteh\n")
	c.diagnostics(uri, 1)
	hover := func(col int) string {
		resp := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{Line: 2, Character: col}})
		var h struct{ Contents struct{ Value string } }
		json.Unmarshal(resp.Result, &h)
		return h.Contents.Value
	}
	if got := hover(strings.Index(line, "misspelling") + 3); !strings.Contains(got, lint.Explain(lint.Lookup("misspelling"))) {
		t.Errorf("hover on a directive's rule: %q", got)
	}
	if got := hover(strings.Index(line, "grade-order")); !strings.Contains(got, lint.Explain(lint.Lookup("grade-order"))) {
		t.Errorf("hover on the first rule: %q", got)
	}
	if got := hover(2); got != "" {
		t.Errorf("hover on the comment's start: %q", got)
	}
}

// TestDisablePlacement: the disable action keeps the page's structure and
// turns the finding off.
func TestDisablePlacement(t *testing.T) {
	const d = "<!-- ladderlint-disable-next-line misspelling -->"
	cases := []struct{ name, body, want string }{
		{"after a blank line", "Intro.\n\nteh start.\n", "Intro.\n\n" + d + "\nteh start.\n"},
		{"indented after a blank line", "- a\n\n  teh more.\n", "- a\n\n  " + d + "\n  teh more.\n"},
		{"paragraph's second line", "One line\nand teh next.\n", "One line " + d + "\nand teh next.\n"},
		{"hard break kept", "One line  \nand teh next.\n", "One line " + d + "  \nand teh next.\n"},
		{"backslash break kept", "One line\\\nand teh next.\n", "One line " + d + "\\\nand teh next.\n"},
		{"tight list", "- a\n- teh b\n", "- a " + d + "\n- teh b\n"},
		{"after a thematic break", "Intro.\n\n---\nteh text.\n", "Intro.\n\n---\n" + d + "\nteh text.\n"},
		{"after a heading", "### Head\nteh text.\n", "### Head\n" + d + "\nteh text.\n"},
		{"after a comment line", "<!-- note -->\nteh text.\n", "<!-- note -->\n" + d + "\nteh text.\n"},
		{"table row", "| a | b |\n|---|---|\n| x | y |\n| teh | z |\n", "| a | b |\n|---|---|\n| x | y " + d + " |\n| teh | z |\n"},
		{"table row without pipes", "a | b\n--|--\nx | y\nteh | z\n", "a | b\n--|--\nx | y " + d + "\nteh | z\n"},
		{"table's first row", "| a | b |\n|---|---|\n| teh | z |\n", ""},
	}
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	page := filepath.Join(root, "pages", "new.md")
	head := "---\ntitle: \"X\"\n---\n\n## X\n\n"
	for i, tc := range cases {
		text := head + tc.body
		uri := c.open(page, i+1, text)
		var miss *Range
		for _, x := range c.diagnostics(uri, i+1).Diagnostics {
			if x.Code == "misspelling" {
				r := x.Range
				miss = &r
			}
		}
		if miss == nil {
			t.Fatalf("%s: no misspelling finding", tc.name)
		}
		var got string
		for _, a := range actionsAt(t, c, uri, *miss) {
			if a.Title == "Disable misspelling for this line" {
				got = applyEdits(t, text, encUTF16, a.Edit.Changes[uri])
			}
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
		if tc.want == "" {
			if got != "" {
				t.Errorf("%s: offered, giving\n%s", tc.name, got)
			}
			continue
		}
		if got != head+tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, head+tc.want)
			continue
		}
		for _, f := range lintFindings(t, root, page, got) {
			if f.Rule == "misspelling" || f.Rule == "directive" {
				t.Errorf("%s: after the action lint reports %s: %s", tc.name, f.Rule, f.Message)
			}
		}
	}
}

// TestOtherOpenPageUpdated: an edit of one open page updates the
// cross-file findings of another open page.
func TestOtherOpenPageUpdated(t *testing.T) {
	root := workspaceCopy(t)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(root, nil)
	senior := filepath.Join(root, "pages", "backend-senior.md")
	suri := c.open(senior, 1, readText(t, senior))
	page := filepath.Join(root, "pages", "backend.md")
	text := readText(t, page)
	uri := c.open(page, 1, text)
	has := func(d diagParams) bool {
		for _, x := range d.Diagnostics {
			if x.Code == "grade-consistency" {
				return true
			}
		}
		return false
	}
	if !has(c.diagnostics(suri, 1)) || !has(c.diagnostics(uri, 1)) {
		t.Fatal("the sample pages disagree on a grade: want grade-consistency on both")
	}
	c.change(uri, 2, strings.Replace(text, "grade 7", "grade 8", 1))
	if has(c.diagnostics(uri, 2)) {
		t.Error("the edited page still disagrees")
	}
	if d := c.diagnostics(suri, 1); has(d) {
		t.Errorf("the other open page kept its grade-consistency finding: %+v", d.Diagnostics)
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestFixActionsAsFix: on every page of the sample handbook, each fix code
// action changes the text as --fix changes it for that finding alone.
func TestFixActionsAsFix(t *testing.T) {
	root, err := filepath.Abs("../../testdata/handbook")
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	filepath.Walk(filepath.Join(root, "content", "job-families"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return nil
	})
	c := startServer(t, Options{Debounce: 5 * time.Millisecond})
	c.initialize(root, nil)
	checked := 0
	version := 0
	for _, page := range pages {
		text := readText(t, page)
		if strings.Contains(text, "\r") {
			continue // the expected text below is the normalized one
		}
		lines := strings.Split(text, "\n")
		col := func(line, c int) int { return units(encUTF16, []byte(string([]rune(lines[line-1])[:c-1]))) }
		findings := lintFindings(t, root, page, text)
		// the page as it is, and with CRLF line endings: the edits keep them
		for _, nl := range []string{"\n", "\r\n"} {
			client := strings.ReplaceAll(text, "\n", nl)
			version++
			uri := c.open(page, version, client)
			c.diagnostics(uri, version)
			for _, f := range findings {
				if len(f.Fixes) == 0 {
					continue
				}
				want, _ := lint.ApplyFixes([]byte(text), []lint.Finding{f})
				r := Range{Start: Position{f.Line - 1, col(f.Line, f.Column)}, End: Position{f.EndLine - 1, col(f.EndLine, f.EndColumn)}}
				got := ""
				for _, a := range actionsAt(t, c, uri, r) {
					if a.Title == "Fix: "+f.Message {
						got = applyEdits(t, client, encUTF16, a.Edit.Changes[uri])
						break
					}
				}
				if w := strings.ReplaceAll(string(want), "\n", nl); got != w {
					t.Errorf("%s:%d:%d %s (%q): the fix action gives\n%s\nwant\n%s", filepath.Base(page), f.Line, f.Column, f.Rule, nl, got, w)
				}
				checked++
			}
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
		}
	}
	if checked < 10 {
		t.Fatalf("only %d fixes checked: the sample handbook should have more", checked)
	}
	t.Logf("%d fix actions checked on %d pages", checked, len(pages))
}
