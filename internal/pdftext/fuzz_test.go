package pdftext

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzRead feeds arbitrary bytes to the reader boundary. It must return
// a document or an *Error with one of the package's causes, never panic,
// and finish quickly. Inputs that make the PDF library itself die of a
// fatal error are what the worker pool (internal/isolate) is for; those
// are kept in testdata/fuzz as they are found, and ingest's pool tests
// cover them.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"../../testdata/pdf/edge", "../../testdata/pdf/fpdf"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 64<<10 && !strings.Contains(file, "bogus-xref") && !strings.Contains(file, "objstm-loop") {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() {
			_, err := Read(ctx, data, Options{MaxInflated: 8 << 20, MaxPages: 50})
			done <- err
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("reading took more than 10 s (%d bytes): a hang the worker's deadline must catch", len(data))
		}
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("not an *Error: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error has several lines: %q", err)
		}
	})
}
