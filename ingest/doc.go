// Package ingest turns minutes ("Nytt fra etats-MBA") in PDF into
// referat.Documents. It reads PDF files (ExtractFile) or their bytes
// (Extract) and writes nothing: it returns the document, its meeting
// (date, body, title), its intro and its cases, each with its paragraphs
// and pages.
//
// The stages: package internal/pdftext reads the PDF into pages of lines
// with positions, font sizes and weights, and the document information;
// here, running headers, footers and page numbers are dropped
// (furniture), lines become paragraphs (vertical gaps, first-line
// indents, short last lines, changes of weight or size) that run over
// page breaks, line-end hyphenation is undone, the meeting is found in
// the heading, the first page, the CreationDate or the file name, and
// the paragraphs are split into cases at bold or title-like openings.
// Norwegian word lists come from internal/norsk.
//
// PDF libraries can crash a process on damaged files in ways no recover
// catches, so batch callers read through a Pool: worker processes
// (internal/isolate) that run ExtractFile, started from a program that
// calls ServeWorker. Errors are *Error values whose cause, one of the
// Err* values, errors.Is finds; CauseName and CauseError name the causes
// for logs, JSON, the store and the worker protocol, and Advice says what
// a user can do.
package ingest
