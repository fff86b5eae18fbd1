// Package pdftext reads the text of a PDF with its layout. It reads the
// bytes of one file (Read) and writes nothing: it returns a Document, the
// file's pages in order, each a list of Lines top to bottom with their
// positions (left and right ends, baseline), font size and runs of bold
// and regular text (Spans), and the document information callers need
// (Producer, CreationDate).
//
// Under Read: the file is prepared so that github.com/ledongthuc/pdf opens
// it (junk around the header and after %%EOF, %PDF-2.0, encryption through
// pdfcpu, a rebuilt cross-reference table, mended stream lengths and
// checksums), the page tree is walked with bounds, and each page's content
// streams are run by our own interpreter (text state, TJ offsets, form
// XObjects, ToUnicode CMaps, glyph widths, standard-14 metrics) into
// glyphs, which are grouped into lines by baseline and split into words by
// the gaps between glyphs.
//
// The boundary is the line: everything that needs the PDF's objects,
// fonts and coordinates is here, and what follows — dropping running
// headers and page numbers, paragraphs from gaps and indents, undoing
// hyphenation, case titles, meeting dates — works on lines and is
// language and domain knowledge, which stays in package ingest. Lines
// are the natural unit to hand over: they are what every later step
// (furniture, paragraphs, reading order) measures, and they are small
// enough to test by hand, while glyphs would tie callers to the
// interpreter. Later work on real-world files (annotations, more CMaps,
// fonts without ToUnicode, reading order of columns, OCR input) belongs
// here and should keep this boundary.
//
// Errors are *Error values whose Err wraps one of the Err* causes, so
// callers classify them with errors.Is; a cancelled ctx gives ctx.Err().
// Damaged files can make the PDF library panic (recovered here), loop or
// die of a Go fatal error (not recoverable): batch callers run Read in a
// child process (package internal/isolate).
package pdftext
