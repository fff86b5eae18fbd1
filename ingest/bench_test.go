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

// BenchmarkIsolation measures the cost of the worker boundary with both
// sides interleaved pass by pass: all files read and encoded in this
// process (the work the pipeline needs of a worker), then all read by a
// pool of one worker, and again, so that both see the same machine. On a
// shared machine the speed of a processor drifts over seconds, which a
// comparison of whole benchmarks, one after the other, takes for a
// difference between them. The worker's time is read from /proc while
// it runs (Linux), and only while it works: the pipeline keeps its
// workers busy (what an idle worker spends, waiting, is reported apart as
// a share of the isolated side: worker-idle-%). It reports the pages per
// CPU second of each side and the overhead of isolation, 1 - in process /
// isolated in CPU time, against extraction and encoding (overhead-%) and
// against extraction alone (overhead-extract-%). One pass through the
// pool starts the worker before the clock: a run's workers live for
// thousands of files. The control runs the same with the second side in
// this process too: its overhead is the method's own error.
func BenchmarkIsolation(b *testing.B) {
	files, pages := benchFiles(b)
	self := func() time.Duration {
		t, err := cputime.Self()
		if err != nil {
			b.Fatal(err)
		}
		return t
	}
	inprocess := func() (extract time.Duration) {
		for _, f := range files {
			t := self()
			doc, err := ingest.ExtractFile(context.Background(), f, ingest.Options{})
			if err != nil {
				b.Fatal(err)
			}
			extract += self() - t
			if _, err := ingest.Encode(doc); err != nil {
				b.Fatal(err)
			}
		}
		return extract
	}
	for _, side := range []string{"worker", "control"} {
		b.Run(side, func(b *testing.B) {
			pool := &ingest.Pool{Command: workerCommand, Size: 1}
			defer func() {
				if err := pool.Close(); err != nil {
					b.Error(err)
				}
			}()
			second := func() {
				for _, f := range files {
					if _, err := pool.ExtractEncoded(context.Background(), f, ingest.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
			second() // starts the worker
			kids, err := cputime.Children()
			if err != nil {
				b.Skipf("the worker's time cannot be read: %v", err)
			}
			if len(kids) != 1 {
				b.Fatalf("%d children running (%v): want the one worker", len(kids), kids)
			}
			worker := func() time.Duration {
				t, err := cputime.Process(kids[0])
				if err != nil {
					b.Fatal(err)
				}
				return t
			}
			if side == "control" {
				second = func() { inprocess() }
			}
			var extract, encoded, iso, idle time.Duration
			w3 := worker()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := self()
				extract += inprocess()
				t1 := self()
				w1 := worker() // read outside the clock of either side
				t2 := self()
				second()
				t3 := self()
				idle += w1 - w3 // the worker's time while this process worked alone
				w3 = worker()
				encoded += t1 - t0
				iso += t3 - t2 + w3 - w1
			}
			n := float64(pages * b.N)
			b.ReportMetric(n/encoded.Seconds(), "inprocess-pages/cpu-s")
			b.ReportMetric(n/iso.Seconds(), side+"-pages/cpu-s")
			b.ReportMetric(100*(1-encoded.Seconds()/iso.Seconds()), "overhead-%")
			b.ReportMetric(100*(1-extract.Seconds()/iso.Seconds()), "overhead-extract-%")
			b.ReportMetric(100*idle.Seconds()/iso.Seconds(), "worker-idle-%")
		})
	}
}
