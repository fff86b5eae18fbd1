package ingest

import (
	"errors"
	"fmt"

	"github.com/ntlnav/referat/internal/isolate"
	"github.com/ntlnav/referat/internal/pdftext"
)

// Causes of a failed extraction. Every error returned by this package is an
// *Error whose Err is, or wraps, one of these, so callers can match them with
// errors.Is. The first six are pdftext's, the last two isolate's: the
// same values.
var (
	ErrEmpty     = pdftext.ErrEmpty
	ErrNotPDF    = pdftext.ErrNotPDF
	ErrDamaged   = pdftext.ErrDamaged
	ErrEncrypted = pdftext.ErrEncrypted
	ErrNoText    = pdftext.ErrNoText
	ErrTooLarge  = pdftext.ErrTooLarge
	ErrTimeout   = isolate.ErrTimeout
	ErrCrashed   = isolate.ErrCrashed
)

// An Error reports why a file could not be read, and where: pdftext's.
type Error = pdftext.Error

// ErrBlank wraps ErrNoText: OCR read the pages without a text layer and
// found no text on them either (blank pages, or pictures without words).
// Such a file is not tried again on every run, as a scan waiting for
// Tesseract is.
var ErrBlank = fmt.Errorf("%w: OCR found no text", ErrNoText)

// causes names each cause, for logs, JSON and the worker protocol, in the
// order CauseName tries them: a cause that wraps another comes first.
var causes = []struct {
	name string
	err  error
}{
	{"empty", ErrEmpty}, {"not-pdf", ErrNotPDF}, {"damaged", ErrDamaged}, {"encrypted", ErrEncrypted},
	{"blank", ErrBlank}, {"no-text", ErrNoText}, {"too-large", ErrTooLarge}, {"timeout", ErrTimeout},
	{"crashed", ErrCrashed},
}

// CauseName returns the name of err's cause: "empty", "not-pdf",
// "damaged", "encrypted", "blank", "no-text", "too-large", "timeout",
// "crashed", or "io" for anything else (a file that cannot be opened, say).
func CauseName(err error) string {
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return c.name
		}
	}
	return "io"
}

// CauseError returns the cause called name, or nil.
func CauseError(name string) error {
	for _, c := range causes {
		if c.name == name {
			return c.err
		}
	}
	return nil
}

// Advice returns one sentence telling a user what to do about err, or ""
// when there is nothing particular to say.
func Advice(err error) string {
	switch {
	case errors.Is(err, ErrEmpty):
		return "the file has no bytes; copy it again from its source"
	case errors.Is(err, ErrNotPDF):
		return "only PDF files can be read; check that this is the right file"
	case errors.Is(err, ErrEncrypted):
		return "give the document's password with --password"
	case errors.Is(err, ErrOCRUnavailable):
		return "install the Debian packages named, then run again: scans are recognised by OCR"
	case errors.Is(err, ErrBlank):
		return "the pages look blank or hold only pictures, also to OCR; check that this is the file of the minutes"
	case errors.Is(err, ErrNoText):
		return "this looks like a scan: with tesseract-ocr and tesseract-ocr-nor installed, referat recognises it (unless --ocr never)"
	case errors.Is(err, ErrTooLarge):
		return "the file's content is far larger than any minutes; check the file"
	case errors.Is(err, ErrTimeout):
		return "reading took too long; raise --timeout or check the file"
	case errors.Is(err, ErrDamaged), errors.Is(err, ErrCrashed):
		return "the file is damaged; open it in a PDF viewer and save or print it to a new PDF"
	}
	return ""
}
