package pdftext

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Causes of a failed reading. Every error Read returns is an *Error whose
// Err is, or wraps, one of these (or ctx.Err()), so callers can match them
// with errors.Is.
var (
	ErrEmpty     = errors.New("file is empty")
	ErrNotPDF    = errors.New("not a PDF file")
	ErrDamaged   = errors.New("damaged PDF")
	ErrEncrypted = errors.New("password required")
	ErrNoText    = errors.New("no text layer")
	ErrTooLarge  = errors.New("content too large")
	// ErrNoUnicode is the ErrNoText of a file whose glyphs are drawn in
	// fonts that carry no Unicode information, or mostly not (U+FFFD,
	// private-use code points): the page has letters, but only an image
	// of it (OCR) can tell which. errors.Is(err, ErrNoText) holds too.
	ErrNoUnicode = fmt.Errorf("%w: the fonts carry no Unicode mapping", ErrNoText)
)

// An Error reports why a file could not be read, and where.
type Error struct {
	File string // path of the file; Read leaves it "" for the caller to set
	Page int    // 1-indexed page where reading failed, or 0 for the whole file
	Err  error  // the cause; wraps one of the Err* values above
}

// Error returns one line: messages from PDF libraries may quote raw file
// bytes, so control characters are shown as spaces.
func (e *Error) Error() string {
	if e.Page > 0 {
		return oneLine(fmt.Sprintf("%s: page %d: %v", e.File, e.Page, e.Err))
	}
	return oneLine(fmt.Sprintf("%s: %v", e.File, e.Err))
}

// oneLine folds control characters and runs of white space into single
// spaces and makes s valid UTF-8.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "?")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

func (e *Error) Unwrap() error { return e.Err }
