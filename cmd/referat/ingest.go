package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/pipeline"
)

// ingestOptions are the options of `referat ingest`.
type ingestOptions struct {
	store    string         // store folder; default "referat-data" or $REFERAT_STORE
	lockWait time.Duration  // wait for a store another process holds; default store.DefaultLockTimeout
	workers  int            // parse workers; default: number of CPUs
	timeout  time.Duration  // per file; default 30s
	password string         // for protected PDFs; default ""
	taxonomy string         // default "": the built-in taxonomy
	prune    bool           // remove the documents of vanished files; default false
	retag    bool           // re-analyse stored text; default false
	quiet    bool           // only the summary; default false
	json     bool           // summary as JSON on stdout; default false
	es       elastic.Config // Elasticsearch; not configured by default
	interval time.Duration  // between progress lines when not on a terminal; default 10s
	ocr      ocrOptions     // OCR of scanned pages; default auto, nor, 60s
	cpuprof  string         // write a CPU profile of the run here (workers: FILE.worker-PID); default "": none
	memprof  string         // write a heap profile of the run's largest live heap here; default "": none
	stdout   io.Writer
	stderr   io.Writer
}

// esFlags are the options that reach Elasticsearch. withoutURL says what the
// command does when no URL is given; "" makes the URL required.
func esFlags(withoutURL string) []cli.Flag {
	url := &cli.StringFlag{Name: "es-url", EnvVars: []string{"ELASTICSEARCH_URL"}, DefaultText: withoutURL,
		Usage: "Elasticsearch `URL`(s), comma-separated (credentials: $ELASTICSEARCH_API_KEY, or $ELASTICSEARCH_USERNAME and $ELASTICSEARCH_PASSWORD; $ELASTIC_CLOUD_ID)"}
	if withoutURL == "" {
		url.Usage += " (required)"
	}
	return []cli.Flag{
		url,
		&cli.StringFlag{Name: "es-ca-cert", Usage: "PEM `FILE` of the CA that signed the cluster's certificate", DefaultText: "the system's CAs"},
		&cli.DurationFlag{Name: "es-timeout", Value: elastic.DefaultTimeout, Usage: "`DURATION` one Elasticsearch request may take, answer included; a request that times out is not retried"},
	}
}

func esConfig(c *cli.Context) elastic.Config {
	cfg := elastic.ConfigFromEnv()
	cfg.URLs = nil
	if u := c.String("es-url"); u != "" {
		cfg.URLs = strings.Split(u, ",")
	}
	cfg.CACert = c.String("es-ca-cert")
	cfg.Timeout = c.Duration("es-timeout")
	return cfg
}

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "extract, analyse and store PDF minutes, incrementally; and index them in Elasticsearch",
		ArgsUsage: "FILE|DIR|GLOB...",
		Description: `Reads every PDF in the files, folders (recursively) and glob patterns given,
analyses it, and keeps the result in a local store (--store). A second run parses
only what is new or changed: unchanged files (same size and modification time,
else the same SHA-256) are skipped, a moved or renamed file is recognised by its
content. Files that fail are listed with their reason and the run goes on.

With Elasticsearch configured (--es-url or ELASTICSEARCH_URL), the documents go
from the store to Elasticsearch; what could not be sent stays pending and is sent
by the next run. The run ends with a summary and a topic-by-year table.

EXIT STATUS beyond the common ones: 3 when Elasticsearch could not be reached
(the documents are kept pending).`,
		Flags: append(append(storeFlags(),
			&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "`N` PDFs read in parallel, each in its own worker process"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "`DURATION` allowed for one file"},
			&cli.StringFlag{Name: "password", EnvVars: []string{"REFERAT_PDF_PASSWORD"}, Usage: "user `PASSWORD` for protected PDFs", DefaultText: "none"},
			taxonomyFlag,
			&cli.BoolFlag{Name: "prune", Usage: "remove the documents of files that are gone from the folders given"},
			&cli.BoolFlag{Name: "retag", Usage: "analyse the stored text again where another analysis made it (another taxonomy, an older referat), reading no PDF"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but the summary"},
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of this process to `FILE`, and of each worker to FILE.worker-PID (go tool pprof -top referat FILE FILE.worker-*)", DefaultText: "none"},
			&cli.StringFlag{Name: "memprofile", Usage: "write a heap profile of this process to `FILE`, taken when its live heap was largest (go tool pprof -sample_index inuse_space -top referat FILE)", DefaultText: "none"},
		), append(ocrFlags(), esFlags("none: the local store only")...)...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("ingest needs files or folders of PDFs")
			}
			return ingestAction(c, c.Args().Slice())
		},
	}
}

// ingestAction runs ingest with the flags of c over paths.
func ingestAction(c *cli.Context, paths []string) error {
	return runIngest(c.Context, ingestOptions{
		store: c.String("store"), lockWait: lockTimeout(c), workers: c.Int("workers"), timeout: c.Duration("timeout"),
		password: c.String("password"), taxonomy: c.String("taxonomy"), prune: c.Bool("prune"),
		retag: c.Bool("retag"), quiet: c.Bool("quiet"), json: c.Bool("json"), es: esConfig(c),
		interval: 10 * time.Second, ocr: ocrFrom(c), stdout: c.App.Writer, stderr: c.App.ErrWriter, cpuprof: c.String("cpuprofile"),
		memprof: c.String("memprofile"),
	}, paths)
}

func runIngest(ctx context.Context, opts ingestOptions, args []string) error {
	analyzer, err := newAnalyzer(opts.taxonomy)
	if err != nil {
		return err
	}
	if opts.cpuprof != "" {
		stop, err := startCPUProfile(opts.cpuprof)
		if err != nil {
			return err
		}
		defer stop()
	}
	if opts.memprof != "" {
		stop, err := startMemProfile(opts.memprof)
		if err != nil {
			return err
		}
		defer stop()
	}
	sum, err := pipeline.Run(ctx, pipeline.Options{
		Paths: args, Store: opts.store, LockTimeout: opts.lockWait, Workers: max(1, opts.workers), Timeout: opts.timeout, Password: opts.password,
		Analyzer: analyzer, Prune: opts.prune, Retag: opts.retag, ES: opts.es,
		OCR: opts.ocr.mode, OCRLang: opts.ocr.lang, OCRTimeout: opts.ocr.timeout,
		Progress: newProgress(opts.stderr, opts.quiet || opts.json, opts.interval),
		Worker:   selfWorker(),
	})
	if sum == nil {
		return err
	}
	printSummary(opts, sum)
	if err != nil {
		return err
	}
	if len(sum.Failures) > 0 || sum.ES != nil && sum.ES.Failed > 0 {
		return &someFailed{len(sum.Failures), sum.Handled()}
	}
	return nil
}

func printSummary(opts ingestOptions, s *pipeline.Summary) {
	if opts.json {
		writeJSON(opts.stdout, s)
		return
	}
	w := opts.stdout
	f := s.Files
	fmt.Fprintf(w, "files: %d new, %d changed, %d unchanged, %d moved, %d failed", f[pipeline.New], f[pipeline.Changed], f[pipeline.Unchanged], f[pipeline.Moved], f[pipeline.Failed])
	if f[pipeline.Skipped] > 0 {
		fmt.Fprintf(w, ", %d skipped (not PDF, or not a regular file)", f[pipeline.Skipped])
	}
	if f[pipeline.Pruned] > 0 {
		fmt.Fprintf(w, ", %d pruned", f[pipeline.Pruned])
	}
	if f[pipeline.Retagged] > 0 {
		fmt.Fprintf(w, ", %d retagged", f[pipeline.Retagged])
	}
	fmt.Fprintf(w, "\nstore:  %d meetings, %d cases, %d statements, %d topic tags (%s)\n", s.Meetings, s.Cases, s.Statements, s.Topics, opts.store)
	if s.OtherAnalysis > 0 {
		fmt.Fprintf(opts.stderr, "referat: note: %d stored meeting(s) were analysed by another version of the analysis (another taxonomy, or an older referat); 'referat ingest --retag' analyses them again\n", s.OtherAnalysis)
	}
	writeArchiveNotes(w, s) // ingest_archive.go
	if s.PagesParsed > 0 {
		fmt.Fprintf(w, "parsed: %d pages in %.1fs (%.0f pages/s)\n", s.PagesParsed, s.Seconds, float64(s.PagesParsed)/s.Seconds)
		if s.PagesOCR > 0 {
			fmt.Fprintf(w, "recognised by OCR: %d of those pages\n", s.PagesOCR)
		}
	}
	if s.ES != nil {
		if s.ES.Error != "" {
			fmt.Fprintf(w, "elasticsearch %s: NOT REACHED, %d file(s) pending\n", s.ES.URL, s.ES.Pending)
		} else {
			fmt.Fprintf(w, "elasticsearch %s: %d indexed, %d deleted, %d failed, %d file(s) pending\n", s.ES.URL, s.ES.Indexed, s.ES.Deleted, s.ES.Failed, s.ES.Pending)
		}
		for _, l := range s.ES.Lost {
			fmt.Fprintf(opts.stderr, "referat: elasticsearch: %s; %d file(s) sent again\n", l, s.ES.Resent)
		}
		for _, it := range s.ES.Items {
			fmt.Fprintf(opts.stderr, "referat: elasticsearch refused %s: %s %s\n", it.Path, it.Cause, it.Error)
		}
	}
	for _, sk := range s.Skips {
		fmt.Fprintf(opts.stderr, "referat: skipped %s: a %s, not a regular file\n", oneLine(sk.Path), sk.Kind)
	}
	for _, fl := range s.Failures {
		line := fmt.Sprintf("referat: %s: %s", oneLine(fl.Path), oneLine(fl.Error))
		if fl.Advice != "" {
			line += " (" + fl.Advice + ")"
		}
		fmt.Fprintln(opts.stderr, line)
	}
	writeTopicTable(w, s.TopicsByYear)
}

// writeTopicTable prints cases per topic per year.
func writeTopicTable(w io.Writer, m map[int]map[string]int) {
	if len(m) == 0 {
		return
	}
	var years []int
	topics := map[string]int{}
	for y, ts := range m {
		years = append(years, y)
		for t, n := range ts {
			topics[t] += n
		}
	}
	sort.Ints(years)
	names := make([]string, 0, len(topics))
	for t := range topics {
		names = append(names, t)
	}
	sort.Slice(names, func(i, j int) bool {
		return topics[names[i]] > topics[names[j]] || topics[names[i]] == topics[names[j]] && names[i] < names[j]
	})
	fmt.Fprintf(w, "\ncases per topic and year\n%-18s", "topic")
	for _, y := range years {
		label := fmt.Sprint(y)
		if y == 0 {
			label = "?"
		}
		fmt.Fprintf(w, "%6s", label)
	}
	fmt.Fprintln(w)
	for _, t := range names {
		fmt.Fprintf(w, "%-18s", t)
		for _, y := range years {
			fmt.Fprintf(w, "%6d", m[y][t])
		}
		fmt.Fprintln(w)
	}
}
