package ingest_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/cputime"
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

// BenchmarkExtract reads every generated minutes PDF: in this process
// (the document as Extract gives it, or encoded as the pipeline stores
// it), in an isolated worker pool of one worker (the cost of isolation: the
// document decoded by the parent, as Extract gives it, or left encoded,
// as the pipeline takes it), and with pdftotext, one process per file,
// for the ratio. Compare pages/s within one run.
func BenchmarkExtract(b *testing.B) {
	files, pages := benchFiles(b)
	var cpu0 time.Duration
	start := func(b *testing.B) { cpu0 = cpuTime(b) }
	report := func(b *testing.B) {
		b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		// On a loaded machine wall time says little: pages per CPU second
		// (this process and its finished children, user and system) is
		// the figure to compare.
		b.ReportMetric(float64(pages*b.N)/(cpuTime(b)-cpu0).Seconds(), "pages/cpu-s")
	}
	b.Run("inprocess", func(b *testing.B) {
		start(b)
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				if _, err := ingest.ExtractFile(context.Background(), f, ingest.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	// In process, the document encoded as the pipeline stores it: the
	// work the isolated pool does, without the worker boundary.
	b.Run("inprocess-encoded", func(b *testing.B) {
		start(b)
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				doc, err := ingest.ExtractFile(context.Background(), f, ingest.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ingest.Encode(doc); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	// Isolated: the document decoded by the parent as Extract gives it, or
	// left encoded as the pipeline takes it (ExtractEncoded: the worker's
	// JSON goes to the store as it came).
	for _, iso := range []struct {
		name    string
		extract func(p *ingest.Pool, f string) error
	}{
		{name: "isolated", extract: func(p *ingest.Pool, f string) error {
			_, err := p.Extract(context.Background(), f, ingest.Options{})
			return err
		}},
		{name: "isolated-encoded", extract: func(p *ingest.Pool, f string) error {
			_, err := p.ExtractEncoded(context.Background(), f, ingest.Options{})
			return err
		}},
	} {
		b.Run(iso.name, func(b *testing.B) {
			start(b)
			pool := &ingest.Pool{Command: workerCommand, Size: 1}
			for i := 0; i < b.N; i++ {
				for _, f := range files {
					if err := iso.extract(pool, f); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := pool.Close(); err != nil { // the worker's CPU time counts once it has exited
				b.Fatal(err)
			}
			report(b)
		})
	}
	b.Run("pdftotext", func(b *testing.B) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			b.Skip("pdftotext is not installed (Debian package poppler-utils)")
		}
		start(b)
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

// cpuTime returns the user and system time of this process and of its
// children that have exited.
func cpuTime(b *testing.B) time.Duration {
	t, err := cputime.WithChildren()
	if err != nil {
		b.Fatal(err)
	}
	return t
}
