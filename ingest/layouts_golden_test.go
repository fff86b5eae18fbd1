package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/ingest"
)

// TestLayoutGolden compares the extraction of a two-column page, a
// participants table with numbered agenda headings, and pages turned by
// 90 and 270 degrees with their golden files in testdata/golden/layouts.
// Run with -update to rewrite them after a deliberate change.
func TestLayoutGolden(t *testing.T) {
	files := []string{
		"testdata/pdf/layouts/chromium/2019-10-17-etats-mba.pdf",      // two columns, a heading over both
		"testdata/pdf/layouts/libreoffice/2025-12-11-sentral-mba.pdf", // a two-column section
		"testdata/pdf/layouts/libreoffice/2023-09-21-hamu.pdf",        // participants table, "Sak 20/23"
		"testdata/pdf/layouts/chromium/2020-09-10-hamu.pdf",           // bold "Vedtak:" labels
		"testdata/pdf/layouts/rotated/2019-10-17-etats-mba-90.pdf",    // /Rotate 90
		"testdata/pdf/layouts/rotated/2023-09-21-hamu-270.pdf",        // /Rotate 270
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "testdata/pdf/"), ".pdf")
		t.Run(name, func(t *testing.T) {
			doc, err := ingest.ExtractFile(context.Background(), filepath.Join("..", f), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc.Source.Path = f
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", " ")
			if err := enc.Encode(doc); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestLayoutGolden -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, lineDiff(string(want), got.String()))
			}
		})
	}
}
