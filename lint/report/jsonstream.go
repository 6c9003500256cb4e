package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// A large run's JSON reports (JSON, Code Quality, SARIF) are written a finding at
// a time rather than encoded whole: encoding/json builds a document in
// memory, and again indented, which for the 23,000 findings of a 1,460-page
// handbook was 90 MB at the end of a run. The bytes are those of encoding
// the whole document with SetIndent("", "  ") and SetEscapeHTML(false).

// jsonArray writes n elements as an array of the document at depth (0:
// the document itself), as an indented encoding of the whole would: "[]"
// for none, else each element on its own lines; no newline after "]".
func jsonArray(w *bufio.Writer, depth, n int, elem func(i int) any) error {
	if n == 0 {
		_, err := w.WriteString("[]")
		return err
	}
	inner := strings.Repeat("  ", depth+1)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(inner, "  ")
	w.WriteString("[\n")
	for i := 0; i < n; i++ {
		buf.Reset()
		if err := enc.Encode(elem(i)); err != nil {
			return err
		}
		w.WriteString(inner)
		w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < n-1 {
			w.WriteString(",\n")
		} else {
			w.WriteString("\n")
		}
	}
	_, err := w.WriteString(strings.Repeat("  ", depth) + "]")
	return err
}

// jsonWithArray writes doc, whose field key is an empty array in doc, with
// that array's n elements streamed in its place. The field is the first
// of that name at depth (1: a field of the document's own object).
func jsonWithArray(w io.Writer, doc any, key string, depth, n int, elem func(i int) any) error {
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	// a string value holding the marker would have its quotes escaped:
	// the first match is the key
	marker := []byte("\n" + strings.Repeat("  ", depth) + "\"" + key + "\": []")
	at := bytes.Index(head.Bytes(), marker)
	if at < 0 {
		return errors.New("report: no " + key + " array to write")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head.Bytes()[:at+len(marker)-2])
	if err := jsonArray(bw, depth, n, elem); err != nil {
		return err
	}
	bw.Write(head.Bytes()[at+len(marker):])
	return bw.Flush()
}
