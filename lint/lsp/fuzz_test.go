package lsp

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// lockedBuffer collects the server's output.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// FuzzServer feeds a stream of messages after initialize: the server must
// come back from every one, and neither a handler nor a rule may fail (a
// panic is logged as an internal error, which the target looks for).
func FuzzServer(f *testing.F) {
	page := `{"uri":"file:///nonexistent/ws/p.md","languageId":"markdown","version":1,"text":"# T\n\n<!-- ladderlint-disable-next-line teh -->\nteh teh 😀 x\r\n| a |\n|---|\n"}`
	f.Add(frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":`+page+`}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///nonexistent/ws/p.md"},"range":{"start":{"line":0,"character":0},"end":{"line":99,"character":0}},"context":{}}}`) +
		frame(`{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nonexistent/ws/p.md"},"position":{"line":3,"character":1}}}`) +
		frame(`{"jsonrpc":"2.0","id":4,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///nonexistent/ws/p.md"},"position":{"line":2,"character":38}}}`))
	f.Add(frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":`+page+`}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nonexistent/ws/p.md","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":-4},"end":{"line":0,"character":99}},"text":"x\r"}]}}`) +
		frame(`{"jsonrpc":"2.0","id":5,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///nonexistent/ws/p.md"},"position":{"line":-1,"character":-1}}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///nonexistent/ws/p.md"}}}`))
	f.Add(frame(`{"jsonrpc":"2.0","id":null,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`))
	f.Add("Content-Length: 3\r\n\r\n[1]" + frame(`{"id":{},"method":7}`))
	init := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file:///nonexistent/ws","capabilities":{"general":{"positionEncodings":["utf-8"]}}}}`)
	f.Fuzz(func(t *testing.T, stream string) {
		if len(stream) > 1<<16 {
			return
		}
		out := &lockedBuffer{}
		done := make(chan struct{})
		go func() {
			defer close(done)
			Serve(context.Background(), strings.NewReader(init+stream), out, Options{Debounce: -1})
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			buf := make([]byte, 1<<20)
			t.Fatalf("the server did not come back in 20 s\n%s", buf[:runtime.Stack(buf, true)])
		}
		out.mu.Lock()
		defer out.mu.Unlock()
		if bytes.Contains(out.b.Bytes(), []byte("internal error")) {
			t.Fatalf("a handler failed:\n%s", out.b.String())
		}
	})
}

// FuzzPositions: an offset of a page turned into an LSP position and back is
// the same offset, in every encoding, whatever the line endings.
func FuzzPositions(f *testing.F) {
	f.Add("a\r\nb😀c\rd\n", 5)
	f.Add("\xef\xbb\xbfé\n", 2)
	f.Add("x\xffy", 2)
	f.Fuzz(func(t *testing.T, raw string, off int) {
		src := model.NewSource([]byte(raw))
		if len(src.Text) == 0 || !utf8.Valid(src.Text) {
			return
		}
		if off < 0 {
			off = -off
		}
		off %= len(src.Text) + 1
		for off > 0 && off < len(src.Text) && !utf8.RuneStart(src.Text[off]) {
			off--
		}
		// the client holds the text with its line endings, without the BOM
		// the position counts (editors keep it out of the buffer) when it
		// has one: the normalized text with the client's line breaks
		client := []byte(raw)
		if src.BOM {
			client = client[3:]
		}
		for _, enc := range []string{encUTF16, encUTF8, encUTF32} {
			p := sourcePosition(src, enc, off)
			if src.BOM && p.Line == 0 {
				p.Character -= units(enc, []byte("\ufeff"))
			}
			back := offsetOf(client, lineStarts(client), enc, p)
			// map the client offset to the normalized one: drop the CRs of CRLF before it
			norm := model.NewSource(client[:back])
			if len(norm.Text) != off {
				t.Fatalf("%s: offset %d -> %+v -> client offset %d (normalized %d) in %q", enc, off, p, back, len(norm.Text), raw)
			}
		}
	})
}
