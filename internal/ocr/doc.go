// Package ocr recognises the text of scanned PDF pages. It reads one page
// of a PDF (its bytes) and gets a grey image of it: when the page is one
// image XObject drawn over (nearly) all of it, as scanners make them, the
// image is decoded directly (DCT with image/jpeg, CCITT with
// golang.org/x/image/ccitt, Flate and the other filters with pdfcpu's) and
// turned and scaled as the page shows it; any other page (JBIG2 or JPEG
// 2000 images, text or drawings beside the image) is rendered by poppler's
// pdftoppm, the bytes piped to it. It cleans the image (specks, skew) and
// runs the Tesseract OCR engine on it; it writes nothing but returns the
// page as pdftext lines (positions in PDF points, bottom-left origin, as
// pdftext gives them), so that recognised text flows through the same
// paragraph and case building as a text PDF. It also returns every word with Tesseract's
// confidence (0–100).
//
// Tesseract runs as a command (`tesseract stdin stdout -l nor tsv`), not
// through a cgo binding (gosseract and the like): a binding would make
// the referat binary depend on libtesseract and leptonica at link time,
// ending the single static binary that runs on any Linux, and a crash or
// a runaway allocation in the C library would take the worker process
// with it, where a command is one more child with its own deadline and
// memory limit that we can kill. The cost, a process start and one image
// written to a pipe per page, is small beside recognition itself (seconds
// per page). TSV output gives word boxes, the line structure Tesseract
// found and each word's confidence.
//
// Children run in their own process group with a minimal environment (no
// secrets reach them), are killed with their group when ctx ends, and get
// SIGKILL when the worker that started them dies (so Ctrl-C, which kills
// the workers, stops them too). They inherit the worker's address-space
// limit.
//
// Errors: ErrUnavailable (a program or a language is not installed; the
// message names the Debian package to install), ctx.Err() wrapped when
// the deadline passes, else ErrFailed.
package ocr
