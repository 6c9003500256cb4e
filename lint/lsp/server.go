package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// DefaultDebounce is how long the server waits after a change before it
// lints: typing a word should cost one lint, not one per key.
const DefaultDebounce = 150 * time.Millisecond

// Options configure a server.
type Options struct {
	// Config is the config file to use; "" finds .ladderlint.yml from the
	// workspace folder up to the repository root, as lint does from the
	// current folder.
	Config string
	// Debounce is the wait after a change; 0 means DefaultDebounce, a
	// negative value none.
	Debounce time.Duration
}

// ErrExitBeforeShutdown is Serve's error when the client sends exit without
// shutdown first; the protocol asks the server to exit with status 1 then.
var ErrExitBeforeShutdown = errors.New("lsp: exit before shutdown")

// Serve runs a language server on r and w until the client sends exit or
// closes the stream. It returns nil after shutdown and exit, an error
// otherwise.
func Serve(ctx context.Context, r io.Reader, w io.Writer, opts Options) error {
	s := newServer(w, opts)
	return s.run(ctx, newReader(r))
}

// document is an open page.
type document struct {
	uri     string
	path    string // absolute path
	lang    string // the client's languageId
	version int
	text    []byte
	starts  []int // line starts of text
	// published is what the last publishDiagnostics said about this
	// version of the text (nil before the first lint of it)
	published *published
	prepared  *lint.Prepared // this version's per-file run, for the other pages' cross-file rules
}

// published is one lint of one version of a document.
type published struct {
	version  int
	src      *model.Source
	findings []lint.Finding
	ranges   []Range
	family   *model.Family
}

type server struct {
	out  *writer
	opts Options

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	enc         string
	root        string
	docs        map[string]*document // by URI
	dirty       map[string]bool      // URIs waiting for a lint
	timers      map[string]*time.Timer
	wake        chan struct{}
	watchedReg  bool // the client can register file watchers

	// workspace state, used by the lint goroutine only (and reset under mu)
	ws *workspace
	// changed are pages changed on disk since the last lint, under mu; the
	// lint goroutine applies them to ws
	changed []string
	// gen counts config changes: a workspace loaded while the config
	// changed is not kept
	gen int
}

// workspace is the lint side: config, engine and the pages read from disk.
type workspace struct {
	root     string
	cfgPath  string // the config file read, "" for the defaults
	cfg      *lint.Config
	eng      *lint.Engine
	paths    []string                  // absolute paths of the include's pages
	prepared map[string]*lint.Prepared // by absolute path, for pages read from disk
	err      error                     // config error, shown once
}

func newServer(w io.Writer, opts Options) *server {
	if opts.Debounce == 0 {
		opts.Debounce = DefaultDebounce
	}
	return &server{
		out:    &writer{w: w},
		opts:   opts,
		enc:    encUTF16,
		docs:   map[string]*document{},
		dirty:  map[string]bool{},
		timers: map[string]*time.Timer{},
		wake:   make(chan struct{}, 1),
	}
}

func (s *server) run(ctx context.Context, r *reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.lintLoop(ctx)
	}()
	defer func() { cancel(); <-done }()
	for {
		body, err := r.read()
		if err == errTooLarge {
			s.logf(msgError, "ladderlint: dropped a message larger than %d bytes", MaxMessageSize)
			continue
		}
		if err == io.EOF {
			return errors.New("lsp: the client closed the stream without exit")
		}
		if err != nil {
			return fmt.Errorf("lsp: %w", err)
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			s.reply(json.RawMessage("null"), nil, &rpcError{Code: codeParseError, Message: "malformed JSON: " + err.Error()})
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			ok := s.shutdown
			s.mu.Unlock()
			if ok {
				return nil
			}
			return ErrExitBeforeShutdown
		}
		s.handle(ctx, &m)
	}
}

// handle dispatches one message; a panic in a handler is logged and answered
// with an internal error.
func (s *server) handle(ctx context.Context, m *message) {
	isRequest := len(m.ID) > 0 && m.Method != ""
	if m.Method == "" {
		return // a response to one of our requests
	}
	defer func() {
		if r := recover(); r != nil {
			s.logf(msgError, "ladderlint: internal error in %s: %v\n%s", m.Method, r, debug.Stack())
			if isRequest {
				s.reply(m.ID, nil, &rpcError{Code: codeInternalError, Message: fmt.Sprint(r)})
			}
		}
	}()
	s.mu.Lock()
	init := s.initialized
	s.mu.Unlock()
	if !init && m.Method != "initialize" {
		if isRequest {
			s.reply(m.ID, nil, &rpcError{Code: codeNotInitialized, Message: "initialize first"})
		}
		return
	}
	var result any
	var rerr *rpcError
	switch m.Method {
	case "initialize":
		result, rerr = s.initialize(m.Params)
	case "initialized":
		s.registerWatchers()
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
	case "textDocument/didOpen":
		s.didOpen(m.Params)
	case "textDocument/didChange":
		s.didChange(m.Params)
	case "textDocument/didSave":
		s.didSave(m.Params)
	case "textDocument/didClose":
		s.didClose(m.Params)
	case "workspace/didChangeWatchedFiles":
		s.didChangeWatchedFiles(m.Params)
	case "textDocument/codeAction":
		result, rerr = s.codeAction(m.Params)
	case "textDocument/hover":
		result, rerr = s.hover(m.Params)
	case "textDocument/completion":
		result, rerr = s.completion(m.Params)
	default:
		if isRequest {
			rerr = &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + m.Method}
		}
	}
	if isRequest {
		s.reply(m.ID, result, rerr)
	}
}

func (s *server) reply(id json.RawMessage, result any, rerr *rpcError) {
	m := map[string]any{"jsonrpc": "2.0", "id": id}
	if rerr != nil {
		m["error"] = rerr
	} else {
		m["result"] = result
	}
	s.out.write(m)
}

func (s *server) notify(method string, params any) {
	s.out.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// window/logMessage types.
const (
	msgError   = 1
	msgWarning = 2
)

func (s *server) logf(typ int, format string, args ...any) {
	s.notify("window/logMessage", map[string]any{"type": typ, "message": fmt.Sprintf(format, args...)})
}

func decode(params json.RawMessage, v any) *rpcError {
	if err := json.Unmarshal(params, v); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	return nil
}

type initializeParams struct {
	RootURI          string `json:"rootUri"`
	RootPath         string `json:"rootPath"`
	WorkspaceFolders []struct {
		URI string `json:"uri"`
	} `json:"workspaceFolders"`
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		// the clangd extension LSP 3.17 standardized; Neovim before 0.9 sends it
		OffsetEncoding []string `json:"offsetEncoding"`
		Workspace      struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	} `json:"capabilities"`
}

func (s *server) initialize(raw json.RawMessage) (any, *rpcError) {
	var p initializeParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	root := ""
	if len(p.WorkspaceFolders) > 0 {
		root = uriPath(p.WorkspaceFolders[0].URI)
	}
	if root == "" && p.RootURI != "" {
		root = uriPath(p.RootURI)
	}
	if root == "" {
		root = p.RootPath
	}
	if root == "" {
		root, _ = os.Getwd()
	}
	enc := encUTF16
	offered := p.Capabilities.General.PositionEncodings
	legacy := len(offered) == 0 && len(p.Capabilities.OffsetEncoding) > 0
	if legacy {
		offered = p.Capabilities.OffsetEncoding
	}
	for _, e := range offered {
		if e == encUTF8 || e == encUTF32 || e == encUTF16 {
			enc = e // the client lists them in its order of preference
			break
		}
	}
	s.mu.Lock()
	s.initialized = true
	s.enc = enc
	s.root = root
	s.watchedReg = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.mu.Unlock()
	result := map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": enc,
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    1, // full text: an edit that arrives out of order cannot corrupt the text
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix", "source.fixAll.ladderlint"}},
			"hoverProvider":      true,
			"completionProvider": map[string]any{"triggerCharacters": []string{" ", ",", "-"}},
		},
		"serverInfo": map[string]any{"name": "ladderlint", "version": lint.Version},
	}
	if legacy {
		result["offsetEncoding"] = enc
	}
	return result, nil
}

// registerWatchers asks the client to report changes to pages and configs.
func (s *server) registerWatchers() {
	s.mu.Lock()
	ok := s.watchedReg
	s.mu.Unlock()
	if !ok {
		return
	}
	s.out.write(map[string]any{
		"jsonrpc": "2.0", "id": "ladderlint-watch", "method": "client/registerCapability",
		"params": map[string]any{"registrations": []any{map[string]any{
			"id": "ladderlint-watch", "method": "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{"watchers": []any{
				map[string]any{"globPattern": "**/*.md"},
				map[string]any{"globPattern": "**/" + lint.ConfigFileName},
			}},
		}}},
	})
}

// uriPath turns a file URI into an absolute path ("" for another scheme).
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" && strings.HasPrefix(p, "/") && len(p) > 2 && p[2] == ':' {
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// pathURI turns an absolute path into a file URI.
func pathURI(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

type textDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int    `json:"version"`
	Text       string `json:"text"`
}

type versionedDoc struct {
	URI     string `json:"uri"`
	Version int    `json:"version"`
}

func (s *server) didOpen(raw json.RawMessage) {
	var p struct {
		TextDocument textDocumentItem `json:"textDocument"`
	}
	if decode(raw, &p) != nil {
		return
	}
	path := uriPath(p.TextDocument.URI)
	if path == "" {
		return // an unsaved buffer or another scheme: no page to lint
	}
	text := []byte(p.TextDocument.Text)
	s.mu.Lock()
	s.docs[p.TextDocument.URI] = &document{uri: p.TextDocument.URI, path: path, lang: p.TextDocument.LanguageID, version: p.TextDocument.Version, text: text, starts: lineStarts(text)}
	s.mu.Unlock()
	s.schedule(p.TextDocument.URI, 0)
}

func (s *server) didChange(raw json.RawMessage) {
	var p struct {
		TextDocument   versionedDoc `json:"textDocument"`
		ContentChanges []struct {
			Range *Range `json:"range"`
			Text  string `json:"text"`
		} `json:"contentChanges"`
	}
	if decode(raw, &p) != nil {
		return
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil || p.TextDocument.Version <= d.version {
		// not open, or an edit older than the text held: dropped
		s.mu.Unlock()
		return
	}
	text := d.text
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		// an incremental change, though the server asked for full text
		starts := lineStarts(text)
		a := offsetOf(text, starts, s.enc, c.Range.Start)
		b := offsetOf(text, starts, s.enc, c.Range.End)
		if b < a {
			a, b = b, a
		}
		nt := make([]byte, 0, len(text)-(b-a)+len(c.Text))
		nt = append(append(append(nt, text[:a]...), c.Text...), text[b:]...)
		text = nt
	}
	d.text, d.starts, d.version = text, lineStarts(text), p.TextDocument.Version
	d.prepared = nil
	var others []string
	for uri := range s.docs {
		if uri != p.TextDocument.URI {
			others = append(others, uri)
		}
	}
	s.mu.Unlock()
	s.schedule(p.TextDocument.URI, s.opts.Debounce)
	// the other open pages' cross-file findings may change with this text:
	// they are linted again after it
	for _, uri := range others {
		s.schedule(uri, 2*s.opts.Debounce)
	}
}

func (s *server) didSave(raw json.RawMessage) {
	var p struct {
		TextDocument versionedDoc `json:"textDocument"`
	}
	if decode(raw, &p) != nil {
		return
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	s.mu.Unlock()
	if d == nil {
		return
	}
	// the page on disk changed: the next lint of the others reads it again
	s.invalidate([]string{d.path})
	s.schedule(p.TextDocument.URI, 0)
}

func (s *server) didClose(raw json.RawMessage) {
	var p struct {
		TextDocument versionedDoc `json:"textDocument"`
	}
	if decode(raw, &p) != nil {
		return
	}
	s.mu.Lock()
	delete(s.docs, p.TextDocument.URI)
	delete(s.dirty, p.TextDocument.URI)
	if t := s.timers[p.TextDocument.URI]; t != nil {
		t.Stop()
		delete(s.timers, p.TextDocument.URI)
	}
	// a closed page's findings go away with it
	s.notify("textDocument/publishDiagnostics", map[string]any{"uri": p.TextDocument.URI, "diagnostics": []any{}})
	s.mu.Unlock()
}

func (s *server) didChangeWatchedFiles(raw json.RawMessage) {
	var p struct {
		Changes []struct {
			URI string `json:"uri"`
		} `json:"changes"`
	}
	if decode(raw, &p) != nil {
		return
	}
	var paths []string
	for _, c := range p.Changes {
		if path := uriPath(c.URI); path != "" {
			paths = append(paths, path)
		}
	}
	if len(paths) == 0 {
		return
	}
	s.invalidate(paths)
	// every open page is linted again against the new state of the others
	s.mu.Lock()
	var uris []string
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	for _, uri := range uris {
		s.schedule(uri, s.opts.Debounce)
	}
}

// invalidate records files changed on disk. A changed config starts the
// workspace afresh. A changed page is read again at the next lint, and the
// engine is made anew so that the link index (which pages exist, their
// anchors) is built again; the other pages' models are kept: they do not
// depend on it, and only the open page's findings are published.
func (s *server) invalidate(paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		if filepath.Base(p) == lint.ConfigFileName || s.ws != nil && p == s.ws.cfgPath {
			s.ws = nil
			s.gen++
			s.changed = nil
			for _, d := range s.docs {
				d.prepared = nil
			}
			return
		}
	}
	s.changed = append(s.changed, paths...)
}

// refresh applies the changes invalidate recorded; lint goroutine only.
func (s *server) refresh(ws *workspace, changed []string) {
	if len(changed) == 0 {
		return
	}
	for _, p := range changed {
		delete(ws.prepared, p)
	}
	if eng, err := lint.NewEngine(ws.cfg); err == nil {
		eng.KeepModels = true // prepared pages are finished again with others
		ws.eng = eng
	}
	ws.paths = s.collect(ws.cfg)
}

// schedule queues a lint of a document after a delay.
func (s *server) schedule(uri string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.timers[uri]; t != nil {
		t.Stop()
		delete(s.timers, uri)
	}
	if delay <= 0 {
		s.dirty[uri] = true
		s.poke()
		return
	}
	var t *time.Timer
	t = time.AfterFunc(delay, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.timers[uri] != t {
			return // replaced by a later change
		}
		delete(s.timers, uri)
		if s.docs[uri] != nil {
			s.dirty[uri] = true
			s.poke()
		}
	})
	s.timers[uri] = t
}

// poke wakes the lint goroutine; s.mu is held.
func (s *server) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// lintLoop lints the dirty documents one at a time, until ctx ends.
func (s *server) lintLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		for {
			s.mu.Lock()
			var uris []string
			for uri := range s.dirty {
				uris = append(uris, uri)
			}
			sort.Strings(uris)
			var uri string
			if len(uris) > 0 {
				uri = uris[0]
				delete(s.dirty, uri)
			}
			s.mu.Unlock()
			if uri == "" || ctx.Err() != nil {
				break
			}
			s.lintSafely(uri)
		}
	}
}

func (s *server) lintSafely(uri string) {
	defer func() {
		if r := recover(); r != nil {
			s.logf(msgError, "ladderlint: internal error while linting %s: %v\n%s", uri, r, debug.Stack())
		}
	}()
	s.lintDoc(uri)
}

// loadWorkspace reads the config and lists the include's pages.
func (s *server) loadWorkspace(root string) *workspace {
	ws := &workspace{root: root, prepared: map[string]*lint.Prepared{}}
	cfgPath := s.opts.Config
	if cfgPath == "" {
		cfgPath = lint.FindConfig(root)
	}
	if abs, err := filepath.Abs(cfgPath); err == nil && cfgPath != "" {
		cfgPath = abs
	}
	ws.cfgPath = cfgPath
	// the defaults' include and content roots are found from the
	// workspace folder, as lint run there finds them
	defaults := func() *lint.Config {
		c := lint.DefaultConfig()
		c.Dir = root
		return c
	}
	cfg := defaults()
	if cfgPath != "" {
		if c, err := lint.LoadConfig(cfgPath); err != nil {
			ws.err = err
		} else {
			cfg = c
		}
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		ws.err = err
		cfg = defaults()
		eng, _ = lint.NewEngine(cfg)
	}
	if eng != nil {
		eng.KeepModels = true // prepared pages are finished again with others
	}
	ws.cfg, ws.eng = cfg, eng
	ws.paths = s.collect(cfg)
	return ws
}

// collect lists the absolute paths of the include's pages.
func (s *server) collect(cfg *lint.Config) []string {
	inputs, err := lint.Collect(cfg, nil)
	if err != nil {
		s.logf(msgWarning, "ladderlint: listing the include: %v", err)
	}
	var paths []string
	for _, in := range inputs {
		if abs, err := filepath.Abs(in.Path); err == nil {
			paths = append(paths, abs)
		}
	}
	return paths
}

// lintDoc lints one open document with the other pages of the include, and
// publishes the document's findings if its text did not change meanwhile.
func (s *server) lintDoc(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return // closed before its turn
	}
	version, path, text, lang := d.version, d.path, d.text, d.lang
	ws := s.ws
	root := s.root
	changed := s.changed
	s.changed = nil
	gen := s.gen
	others := map[string]*document{}
	for _, o := range s.docs {
		if o != d {
			others[o.path] = o
		}
	}
	s.mu.Unlock()

	if ws == nil {
		ws = s.loadWorkspace(root)
		if ws.err != nil {
			s.notify("window/showMessage", map[string]any{"type": msgError, "message": "ladderlint: " + ws.err.Error() + " (the defaults apply)"})
		}
		s.mu.Lock()
		if s.gen == gen {
			s.ws = ws
		}
		s.mu.Unlock()
	} else {
		s.refresh(ws, changed)
	}

	// the pages: the include's, this document's unsaved text in place of
	// its file, the other open documents' unsaved texts in place of theirs
	paths := ws.paths
	in := false
	for _, p := range paths {
		if p == path {
			in = true
			break
		}
	}
	if !in {
		if lang != "markdown" && !ws.cfg.MarkdownFile(path) {
			// not a page (a client that sends every file): nothing to say
			s.mu.Lock()
			if s.docs[uri] == d && d.version == version {
				s.notify("textDocument/publishDiagnostics", map[string]any{"uri": uri, "version": version, "diagnostics": []any{}})
			}
			s.mu.Unlock()
			return
		}
		paths = append(append([]string(nil), paths...), path)
	}
	prepared := make([]*lint.Prepared, len(paths))
	var todo []int
	mine := -1
	for i, p := range paths {
		switch {
		case p == path:
			mine = i
			todo = append(todo, i)
		case others[p] != nil:
			s.mu.Lock()
			prepared[i] = others[p].prepared
			s.mu.Unlock()
			if prepared[i] == nil {
				todo = append(todo, i)
			}
		default:
			prepared[i] = ws.prepared[p]
			if prepared[i] == nil {
				todo = append(todo, i)
			}
		}
	}
	s.prepare(ws, paths, prepared, todo, path, text, others)
	// the other pages take part through their models only: their own
	// findings are not published, so they are not sorted and fingerprinted
	// again (a finding's fingerprint depends on its own page's findings
	// only)
	var keep []*lint.Prepared
	for i, p := range prepared {
		switch {
		case p == nil:
		case i == mine:
			keep = append(keep, p)
		default:
			keep = append(keep, &lint.Prepared{File: p.File})
		}
	}
	res := ws.eng.Finish(keep)
	mineP := prepared[mine]
	// this page's rules' errors and the cross-file rules'; the other
	// pages' were logged when they were read
	for _, err := range res.Internal {
		s.logf(msgError, "ladderlint: %v", err)
	}
	var pub *published
	if mineP != nil && mineP.File != nil && mineP.File.Family != nil {
		fam := mineP.File.Family
		pub = &published{version: version, src: fam.Source, family: fam}
		for _, f := range res.Findings {
			if f.Path == mineP.File.Path {
				pub.findings = append(pub.findings, f)
			}
		}
	}

	s.mu.Lock()
	enc := s.enc
	s.mu.Unlock()
	diags := []any{}
	if pub != nil {
		pub.ranges = make([]Range, len(pub.findings))
		for i, f := range pub.findings {
			pub.ranges[i] = sourceRange(pub.src, enc, model.Span{Start: f.Offset, End: f.EndOff})
			diags = append(diags, diagnostic(f, pub.ranges[i]))
		}
	}

	s.mu.Lock()
	if s.docs[uri] != d || d.version != version {
		s.mu.Unlock()
		return // closed (or closed and opened again) or changed during the lint: a newer lint follows
	}
	d.prepared = mineP
	d.published = pub
	// under the lock, so that a didClose's clearing cannot come before it
	s.notify("textDocument/publishDiagnostics", map[string]any{"uri": uri, "version": version, "diagnostics": diags})
	s.mu.Unlock()
}

// prepare runs the per-file half of the lint for the pages in todo, in
// parallel, and caches what was read from disk.
func (s *server) prepare(ws *workspace, paths []string, prepared []*lint.Prepared, todo []int, path string, text []byte, others map[string]*document) {
	var wg sync.WaitGroup
	jobs := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), max(1, len(todo)))
	var mu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p := paths[i]
				in := lint.Input{Path: p}
				var od *document
				odVersion := 0
				switch {
				case p == path:
					in.Data = nonNil(text)
				case others[p] != nil:
					od = others[p]
					s.mu.Lock()
					in.Data, odVersion = nonNil(od.text), od.version
					s.mu.Unlock()
				}
				pr, err := ws.eng.Prepare(in)
				if err != nil {
					// a page that vanished or cannot be read: left out, as
					// the next watched-files event will tell
					continue
				}
				prepared[i] = pr
				if p != path {
					for _, err := range pr.Internal {
						s.logf(msgError, "ladderlint: %v", err)
					}
				}
				switch {
				case p == path:
				case od != nil:
					s.mu.Lock()
					if od.version == odVersion {
						od.prepared = pr
					}
					s.mu.Unlock()
				default:
					mu.Lock()
					ws.prepared[p] = pr
					mu.Unlock()
				}
			}
		}()
	}
	for _, i := range todo {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// nonNil keeps an empty text from meaning "read the file".
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
