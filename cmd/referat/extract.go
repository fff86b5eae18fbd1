package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/ingest"
)

// extractOptions are the options of `referat extract`.
type extractOptions struct {
	text     bool          // print cleaned text instead of JSON; default false
	password string        // user password for protected files; default ""
	timeout  time.Duration // per file; default 30s
	workers  int           // parallel workers; default: number of CPUs
	isolate  bool          // read in worker processes; default true
	analyze  bool          // add topics, statements and keywords; default true
	taxonomy string        // taxonomy file; default "": the built-in one
	ocr      ocrOptions    // OCR of scanned pages; default auto, nor, 60s
	stdout   io.Writer
	stderr   io.Writer
}

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the meeting and cases of each PDF as one JSON object per line",
		ArgsUsage: "FILE.pdf...",
		Description: `Reads each PDF in an isolated worker process and prints one JSON object per
file, in the order given (see README.md for the fields). A file that cannot be
read is reported on stderr with its reason, and the others are still printed.`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "text", Usage: "print the cleaned text for a human to read, instead of JSON"},
			&cli.StringFlag{Name: "password", Usage: "user `PASSWORD` for protected PDFs", DefaultText: "none", EnvVars: []string{"REFERAT_PDF_PASSWORD"}},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "`DURATION` allowed for one file"},
			&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "`N` files read in parallel"},
			&cli.BoolFlag{Name: "isolate", Value: true, Usage: "read each file in a worker process (--isolate=false: in this process, for debugging)"},
			&cli.BoolFlag{Name: "analyze", Value: true, Usage: "add topics, statements and keywords to each case (--analyze=false: text only)"},
			taxonomyFlag,
		}, ocrFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("extract needs at least one FILE.pdf")
			}
			return runExtract(c.Context, extractOptions{
				text: c.Bool("text"), password: c.String("password"), timeout: c.Duration("timeout"),
				workers: c.Int("workers"), isolate: c.Bool("isolate"),
				analyze: c.Bool("analyze"), taxonomy: c.String("taxonomy"), ocr: ocrFrom(c),
				stdout: c.App.Writer, stderr: c.App.ErrWriter,
			}, c.Args().Slice())
		},
	}
}

// extractor reads one file; it is a worker pool or, without isolation,
// this process.
type extractor func(ctx context.Context, path string) (*referat.Document, error)

func newExtractor(opts extractOptions, files int) (extractor, func()) {
	iopts := ingest.Options{Password: opts.password, OCR: opts.ocr.mode, OCRLang: opts.ocr.lang, OCRTimeout: opts.ocr.timeout}
	if !opts.isolate {
		return func(ctx context.Context, path string) (*referat.Document, error) {
			ctx, cancel := context.WithTimeout(ctx, opts.timeout)
			defer cancel()
			return ingest.ExtractFile(ctx, path, iopts)
		}, func() {}
	}
	pool := &ingest.Pool{Command: selfWorker(), Size: max(1, min(opts.workers, files)), Timeout: opts.timeout}
	return func(ctx context.Context, path string) (*referat.Document, error) {
		return pool.Extract(ctx, path, iopts)
	}, func() { pool.Close() }
}

func runExtract(ctx context.Context, opts extractOptions, files []string) error {
	var analyzer *analyze.Analyzer
	if opts.analyze {
		var err error
		if analyzer, err = newAnalyzer(opts.taxonomy); err != nil {
			return err
		}
	}
	extract, done := newExtractor(opts, len(files))
	defer done()
	type result struct {
		doc *referat.Document
		err error
	}
	results := make([]chan result, len(files))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	sem := make(chan struct{}, max(1, opts.workers))
	var wg sync.WaitGroup
	go func() {
		for i, f := range files {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i] <- result{err: ctx.Err()}
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				doc, err := extract(ctx, f)
				if err == nil && analyzer != nil {
					analyzer.Document(doc)
				}
				results[i] <- result{doc, err}
			}()
		}
	}()
	enc := json.NewEncoder(opts.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for i := range files {
		r := <-results[i]
		if r.err != nil {
			if ctx.Err() != nil {
				wg.Wait()
				return ctx.Err()
			}
			failed++
			fmt.Fprintf(opts.stderr, "referat: %s\n", describe(r.err))
			continue
		}
		if opts.text {
			io.WriteString(opts.stdout, documentText(r.doc))
			continue
		}
		if err := enc.Encode(r.doc); err != nil {
			return err
		}
	}
	wg.Wait()
	if failed > 0 {
		return &someFailed{failed, len(files)}
	}
	return nil
}

// documentText renders a document as plain text for a human to check.
func documentText(d *referat.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", d.Source.Path)
	fmt.Fprintf(&b, "# %s, %s (%s), %d pages\n\n", d.Meeting.Body, d.Meeting.Date, d.Meeting.DateSource, d.Source.Pages)
	if d.Meeting.Title != "" {
		fmt.Fprintf(&b, "%s\n\n", d.Meeting.Title)
	}
	writeAttendance(&b, d.Meeting)
	if d.Intro != "" {
		fmt.Fprintf(&b, "%s\n\n", d.Intro)
	}
	for _, c := range d.Cases {
		fmt.Fprintf(&b, "== %d. %s (pages %v)\n", c.Seq, numbered(c.Number, c.Title), c.Pages)
		if c.Decision != "" {
			fmt.Fprintf(&b, "   decision: %s\n", c.Decision)
		}
		for _, t := range c.Topics {
			fmt.Fprintf(&b, "   topic %s (%.0f)\n", t.ID, t.Score)
		}
		b.WriteString("\n")
		for _, p := range c.Paragraphs {
			fmt.Fprintf(&b, "%s\n\n", p)
		}
		for _, s := range c.Statements {
			fmt.Fprintf(&b, "   [%s/%s] %s\n", s.Actor, s.Kind, s.Text)
		}
		if len(c.Statements) > 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}
