package rules

import (
	"encoding/binary"
	"errors"
	"math"
)

// The byte form of the per-file summaries the cache keeps
// (lint.Rule.EncodeSummary): lengths and numbers as varints, floats by
// their bits. A reader stops at the first malformed value and says so.

type summaryWriter struct{ b []byte }

func (w *summaryWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *summaryWriter) int(v int)     { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *summaryWriter) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *summaryWriter) float(v float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
}
func (w *summaryWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

var errBadSummary = errors.New("bad cached summary")

type summaryReader struct {
	b   []byte
	err error
}

func (r *summaryReader) fail() { r.err, r.b = errBadSummary, nil }

func (r *summaryReader) uint() uint64 {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *summaryReader) int() int {
	v, k := binary.Varint(r.b)
	if k <= 0 || v < math.MinInt32 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

// count reads a number of items, each at least min bytes long.
func (r *summaryReader) count(min int) int {
	n := r.uint()
	if n > uint64(len(r.b)/max(min, 1)) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *summaryReader) str() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *summaryReader) float() float64 {
	if len(r.b) < 8 {
		r.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

func (r *summaryReader) bool() bool {
	if len(r.b) < 1 || r.b[0] > 1 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// done returns the reader's error, or one for bytes left over.
func (r *summaryReader) done() error {
	if r.err == nil && len(r.b) != 0 {
		return errBadSummary
	}
	return r.err
}
