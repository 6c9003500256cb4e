// Package fsutil reads the files ladderlint is given or finds: pages,
// configs, redirect lists. One reader serves them all, so that every read
// is bounded in size and refuses what is not a regular file (a named pipe
// would block the run forever).
package fsutil

import (
	"errors"
	"io"
	"os"
	"strconv"
)

// TooLargeError is a file larger than the limit it was read with.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return "larger than the size limit (max_file_size " + strconv.FormatInt(e.Limit, 10) + " bytes)"
}

// ReadLimited reads a regular file, refusing one larger than max bytes
// without reading it all (a *TooLargeError). A folder or any other
// non-regular file is an *os.PathError.
func ReadLimited(path string, max int64) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
		return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("is a directory")}
	}
	if !st.Mode().IsRegular() {
		return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	}
	if st.Size() > max {
		return nil, &TooLargeError{max}
	}
	// room for the size the file had, and a byte more to see the end in
	// one more read (a page is kept all run: no room to spare); a file
	// that grew since is read whole all the same, up to max+1
	buf := make([]byte, 0, st.Size()+1)
	r := io.LimitReader(fh, max+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > max {
		return nil, &TooLargeError{max}
	}
	return buf, nil
}

// DefaultMaxSize is the size limit of a page when the config sets none
// (max_file_size).
const DefaultMaxSize = 5 << 20

// MaxLimit is the largest size limit: a page's model keeps offsets in its
// text in 32 bits, with room for the marks it inserts (model.MaxSource is
// one byte more), so a max_file_size over it reads as MaxLimit.
const MaxLimit = 1<<30 - 1

// Limit is max, or DefaultMaxSize when max is not set, and at most
// MaxLimit.
func Limit(max int64) int64 {
	if max <= 0 {
		return DefaultMaxSize
	}
	return min(max, MaxLimit)
}

// IsTooLarge reports whether err is (or wraps) a *TooLargeError.
func IsTooLarge(err error) bool {
	var t *TooLargeError
	return errors.As(err, &t)
}
