// Package lsp is ladderlint's language server: diagnostics, code actions,
// hover and completion for job-family pages, over the Language Server
// Protocol on a byte stream (standard input and output).
//
// The JSON-RPC framing is written here rather than taken from a library: of
// the Go LSP libraries the module proxy serves here, go.lsp.dev is not
// served, and github.com/tliron/glsp implements LSP 3.16 only (no
// positionEncoding negotiation) and brings a logging framework and a
// websocket server along. The framing is a header block with Content-Length
// and a JSON body; the server needs a dozen messages of the protocol.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// MaxMessageSize bounds one message's body. A larger message is read past
// and dropped, so that a huge document cannot exhaust memory.
const MaxMessageSize = 64 << 20

// maxHeaderLine bounds one header line.
const maxHeaderLine = 4096

// errTooLarge is a message over MaxMessageSize: skipped, the stream goes on.
var errTooLarge = errors.New("message larger than the limit")

// message is any JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// JSON-RPC and LSP error codes.
const (
	codeParseError     = -32700
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeInternalError  = -32603
	codeNotInitialized = -32002
)

// reader reads framed messages.
type reader struct{ r *bufio.Reader }

func newReader(r io.Reader) *reader { return &reader{r: bufio.NewReaderSize(r, 64<<10)} }

// read returns the next message body. io.EOF is the end of the stream;
// errTooLarge is a skipped message; any other error is a broken stream.
func (r *reader) read() ([]byte, error) {
	length := -1
	lines := 0
	for {
		line, err := r.readLine()
		if err != nil {
			if err == io.EOF && lines == 0 {
				return nil, io.EOF
			}
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		lines++
		if line == "" {
			if lines == 1 {
				// a stray blank line between messages
				lines = 0
				continue
			}
			break
		}
		if lines > 32 {
			return nil, errors.New("jsonrpc: too many header lines")
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("jsonrpc: malformed header %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("jsonrpc: bad Content-Length %q", strings.TrimSpace(value))
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("jsonrpc: message without Content-Length")
	}
	if length > MaxMessageSize {
		if _, err := io.CopyN(io.Discard, r.r, int64(length)); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, errTooLarge
	}
	// read as the bytes come rather than allocating the announced length:
	// a header that lies costs nothing
	body, err := io.ReadAll(io.LimitReader(r.r, int64(length)))
	if err != nil || len(body) < length {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// readLine reads one header line without its CRLF (a lone LF is accepted).
func (r *reader) readLine() (string, error) {
	var sb strings.Builder
	for {
		chunk, isPrefix, err := r.r.ReadLine()
		if err != nil {
			return "", err
		}
		sb.Write(chunk)
		if sb.Len() > maxHeaderLine {
			return "", errors.New("jsonrpc: header line too long")
		}
		if !isPrefix {
			return sb.String(), nil
		}
	}
}

// writer writes framed messages; safe for concurrent use.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *writer) write(m any) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := fmt.Fprintf(w.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = w.w.Write(body)
	return err
}
