package ingest_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ntlnav/referat/ingest"
)

// benchFiles returns the generated minutes PDFs and their page count.
func benchFiles(b *testing.B) ([]string, int) {
	files, _ := filepath.Glob("../testdata/pdf/*/*.pdf")
	var keep []string
	pages := 0
	for _, f := range files {
		if filepath.Base(filepath.Dir(f)) == "edge" {
			continue
		}
		doc, err := ingest.ExtractFile(context.Background(), f, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		keep = append(keep, f)
		pages += doc.Source.Pages
	}
	return keep, pages
}

// BenchmarkExtract reads every generated minutes PDF: in this process, in
// an isolated worker pool of one worker (the cost of isolation), and with
// pdftotext, one process per file, for the ratio. Compare pages/s within
// one run.
func BenchmarkExtract(b *testing.B) {
	files, pages := benchFiles(b)
	report := func(b *testing.B) {
		b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	}
	b.Run("inprocess", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				if _, err := ingest.ExtractFile(context.Background(), f, ingest.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("isolated", func(b *testing.B) {
		pool := &ingest.Pool{Command: workerCommand, Size: 1}
		defer pool.Close()
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				if _, err := pool.Extract(context.Background(), f, ingest.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("pdftotext", func(b *testing.B) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			b.Skip("pdftotext is not installed (Debian package poppler-utils)")
		}
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				if err := exec.Command("pdftotext", f, "/dev/null").Run(); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
}
