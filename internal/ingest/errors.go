package ingest

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Kinds of bad input, for errors.Is on what Read reports. The messages
// users see are more specific; these only classify them.
var (
	ErrEmpty    = errors.New("empty")
	ErrTooLarge = errors.New("too large")
	ErrBinary   = errors.New("binary file, not an article")
	ErrEncoding = errors.New("bad character encoding")
)

// reasonError is a user-facing message that still classifies as one of the
// kinds above.
type reasonError struct {
	msg  string
	kind error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.kind }

var errEmpty = &reasonError{msg: "empty", kind: ErrEmpty}

// tooLarge reports a document over the limit. size < 0 means the size is
// unknown beyond being over the limit (a stream or a decompressed file).
func tooLarge(size, limit int64, what string) error {
	if size < 0 {
		return &reasonError{msg: fmt.Sprintf("is over the %s limit for %s", fmtLimit(limit), what), kind: ErrTooLarge}
	}
	return &reasonError{msg: fmt.Sprintf("is %s, over the %s limit for %s", fmtSize(size), fmtLimit(limit), what), kind: ErrTooLarge}
}

func fmtSize(n int64) string {
	const (
		kib = 1 << 10
		mib = 1 << 20
		gib = 1 << 30
	)
	switch {
	case n >= gib:
		return fmt.Sprintf("%.1f GiB", float64(n)/gib)
	case n >= mib:
		return fmt.Sprintf("%.1f MiB", float64(n)/mib)
	case n >= kib:
		return fmt.Sprintf("%.1f KiB", float64(n)/kib)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fmtLimit prints a round limit without a decimal ("8 MiB").
func fmtLimit(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmtSize(n)
}

// invalidUTF8 reports the first byte of b that is not valid UTF-8, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
