package ingest_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/ntlnav/referat/ingest"
)

// TestExtractFileKeepsNoBytes: ExtractFile reads each file into a buffer
// that the next file reuses, so nothing in a document (or an error) may
// point into its file's bytes: every document and error is the same
// after the other files were read into its buffer as when it was made.
func TestExtractFileKeepsNoBytes(t *testing.T) {
	all, _ := filepath.Glob("../testdata/pdf/*/*.pdf")
	more, _ := filepath.Glob("../testdata/pdf/*/*/*.pdf")
	var files []string
	for _, f := range append(all, more...) {
		// edge holds files that only an isolated worker survives (an
		// xref /Size that allocates gigabytes)
		if filepath.Base(filepath.Dir(f)) != "edge" {
			files = append(files, f)
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d test PDFs", len(files))
	}
	type result struct {
		doc  any
		json string
		err  error
		msg  string
	}
	var results []result
	for _, f := range files {
		doc, err := ingest.ExtractFile(context.Background(), f, ingest.Options{OCR: ingest.OCRNever})
		b, jerr := json.Marshal(doc)
		if jerr != nil {
			t.Fatal(jerr)
		}
		r := result{doc: doc, json: string(b), err: err}
		if err != nil {
			r.msg = err.Error()
		}
		results = append(results, r)
	}
	for i, r := range results {
		b, err := json.Marshal(r.doc)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != r.json {
			t.Errorf("%s: the document changed after other files were read", files[i])
		}
		if r.err != nil && r.err.Error() != r.msg {
			t.Errorf("%s: the error changed after other files were read: %q, was %q", files[i], r.err.Error(), r.msg)
		}
	}
}
