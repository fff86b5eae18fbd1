package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
)

// ingestOptions are the options of `referat ingest`.
type ingestOptions struct {
	store    string         // store folder; default "referat-data"
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
	stdout   io.Writer
	stderr   io.Writer
}

func esFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "es-url", EnvVars: []string{"ELASTICSEARCH_URL"}, Usage: "Elasticsearch `URL`(s), comma-separated (credentials: $ELASTICSEARCH_API_KEY, or $ELASTICSEARCH_USERNAME and $ELASTICSEARCH_PASSWORD; $ELASTIC_CLOUD_ID)"},
		&cli.StringFlag{Name: "es-ca-cert", Usage: "PEM `FILE` of the CA that signed the cluster's certificate (default: the system's CAs)"},
	}
}

func esConfig(c *cli.Context) elastic.Config {
	cfg := elastic.ConfigFromEnv()
	cfg.URLs = nil
	if u := c.String("es-url"); u != "" {
		cfg.URLs = strings.Split(u, ",")
	}
	cfg.CACert = c.String("es-ca-cert")
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
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "store", Value: "referat-data", Usage: "folder of the local store"},
			&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "PDFs read in parallel, each in its own worker process"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "time allowed for one file"},
			&cli.StringFlag{Name: "password", EnvVars: []string{"REFERAT_PDF_PASSWORD"}, Usage: "user password for protected PDFs"},
			taxonomyFlag,
			&cli.BoolFlag{Name: "prune", Usage: "remove the documents of files that are gone from the folders given"},
			&cli.BoolFlag{Name: "retag", Usage: "analyse the stored text again (after a taxonomy change) without reading PDFs"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but the summary"},
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
		}, esFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("ingest needs files or folders of PDFs")
			}
			return runIngest(c.Context, ingestOptions{
				store: c.String("store"), workers: c.Int("workers"), timeout: c.Duration("timeout"),
				password: c.String("password"), taxonomy: c.String("taxonomy"), prune: c.Bool("prune"),
				retag: c.Bool("retag"), quiet: c.Bool("quiet"), json: c.Bool("json"), es: esConfig(c),
				interval: 10 * time.Second, stdout: c.App.Writer, stderr: c.App.ErrWriter,
			}, c.Args().Slice())
		},
	}
}

// Outcomes of one file.
const (
	outNew       = "new"
	outChanged   = "changed"
	outUnchanged = "unchanged"
	outMoved     = "moved"
	outFailed    = "failed"
)

// fileFailure is one failed file in the summary.
type fileFailure struct {
	Path   string `json:"path"`
	Cause  string `json:"cause"`
	Error  string `json:"error"`
	Advice string `json:"advice,omitempty"`
}

// esSummary is what happened in Elasticsearch.
type esSummary struct {
	URL     string        `json:"url"`
	Indexed int           `json:"indexed"`
	Deleted int           `json:"deleted"`
	Failed  int           `json:"failed"`
	Pending int           `json:"pending_files"` // files whose documents are not all confirmed
	Error   string        `json:"error,omitempty"`
	Items   []fileFailure `json:"item_failures,omitempty"`
}

// summary is the result of an ingest run.
type summary struct {
	Files        map[string]int         `json:"files"` // by outcome, and "skipped" (not PDF), "pruned", "retagged"
	Failures     []fileFailure          `json:"failures"`
	Meetings     int                    `json:"meetings"`
	Cases        int                    `json:"cases"`
	Statements   int                    `json:"statements"`
	Topics       int                    `json:"topics"`
	PagesParsed  int                    `json:"pages_parsed"`
	Seconds      float64                `json:"seconds"`
	TopicsByYear map[int]map[string]int `json:"topics_by_year"`
	ES           *esSummary             `json:"elasticsearch,omitempty"`
	Interrupted  bool                   `json:"interrupted,omitempty"`
	esErr        error
}

// A job is one file to look at; a result what became of it.
type (
	job struct {
		path        string
		size, mtime int64
		prev        *store.SourceRecord
	}
	result struct {
		job
		outcome string
		sha     string
		doc     *referat.Document // parsed or reused; nil when failed
		err     error
		pages   int
		parsed  bool
		gone    []string // paths of the same content that no longer exist (a move)
	}
)

func runIngest(ctx context.Context, opts ingestOptions, args []string) error {
	t0 := time.Now()
	analyzer, err := newAnalyzer(opts.taxonomy)
	if err != nil {
		return err
	}
	db, err := store.OpenStore(opts.store)
	if err != nil {
		if errors.Is(err, store.ErrLocked) {
			return fmt.Errorf("%w: wait for the other run to end", err)
		}
		return err
	}
	defer db.Close()
	in := expand(args)
	sum := &summary{Files: map[string]int{}, Failures: []fileFailure{}}
	sum.Files["skipped"] = in.nonPDF
	for _, m := range in.missing {
		sum.Files[outFailed]++
		sum.Failures = append(sum.Failures, fileFailure{Path: m, Cause: "missing", Error: "no such file or folder"})
	}
	prog := newProgress(opts.stderr, opts.quiet || opts.json, opts.interval)
	prog.start(len(in.files))

	pool := &ingest.Pool{Command: workerCmd, Size: max(1, opts.workers), Timeout: opts.timeout}
	defer pool.Close()
	jobs := make(chan job, 2*max(1, opts.workers))
	results := make(chan result, 2*max(1, opts.workers))
	var producers sync.WaitGroup // the dispatcher and the workers
	for i := 0; i < max(1, opts.workers); i++ {
		producers.Add(1)
		go func() {
			defer producers.Done()
			for j := range jobs {
				results <- handle(ctx, j, db, pool, analyzer, ingest.Options{Password: opts.password})
			}
		}()
	}
	producers.Add(1)
	go func() { // the dispatcher: unchanged files need no worker
		defer producers.Done()
		defer close(jobs)
		for _, p := range in.files {
			if ctx.Err() != nil {
				return
			}
			j, unchanged := classify(p, db)
			if unchanged != nil {
				results <- *unchanged
				continue
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		producers.Wait()
		close(results)
	}()
	// One committer: each file's change is one transaction.
	var commitErr error
	for r := range results {
		if commitErr != nil || ctx.Err() != nil && (errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded)) {
			continue // cut short by Ctrl-C: not committed, the next run does it
		}
		if err := commit(db, r, sum); err != nil {
			commitErr = fmt.Errorf("writing the store: %w", err)
			continue
		}
		prog.file(r.pages)
	}
	if commitErr != nil {
		return commitErr
	}
	prog.finish()
	if ctx.Err() == nil && opts.prune {
		if err := prune(db, in, sum); err != nil {
			return err
		}
	}
	if ctx.Err() == nil && opts.retag {
		if err := retag(ctx, db, analyzer, sum); err != nil {
			return err
		}
	}
	if ctx.Err() == nil && opts.es.Configured() {
		sum.ES = syncES(ctx, db, analyzer, opts.es)
	}
	if err := tally(db, sum); err != nil {
		return err
	}
	sum.Seconds = time.Since(t0).Seconds()
	sum.Interrupted = ctx.Err() != nil
	printSummary(opts, sum)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case sum.esErr != nil:
		return sum.esErr
	case len(sum.Failures) > 0 || sum.ES != nil && sum.ES.Failed > 0:
		return &someFailed{len(sum.Failures), len(in.files)}
	}
	return nil
}

// classify looks at a file without reading it: the same size and
// modification time as recorded means unchanged.
func classify(path string, db *store.Store) (job, *result) {
	j := job{path: path}
	fi, err := os.Stat(path)
	if err != nil {
		return j, &result{job: j, outcome: outFailed, err: &ingest.Error{File: path, Err: err}}
	}
	j.size, j.mtime = fi.Size(), fi.ModTime().UnixNano()
	prev, err := db.Source(path)
	if err != nil {
		return j, &result{job: j, outcome: outFailed, err: err}
	}
	j.prev = prev
	if prev != nil && prev.Size == j.size && prev.MTime == j.mtime && prev.PipelineVersion == referat.Version {
		r := &result{job: j, outcome: outUnchanged, sha: prev.SHA256}
		if prev.Status == store.StatusFailed {
			r.outcome, r.err = outFailed, recordedError(prev)
		}
		return j, r
	}
	return j, nil
}

// recordedError is the error a failed file had last time, with its cause.
func recordedError(rec *store.SourceRecord) error {
	if c := ingest.CauseError(rec.Cause); c != nil {
		return &ingest.Error{File: rec.Path, Err: fmt.Errorf("%w%s", c, strings.TrimPrefix(rec.Error, c.Error()))}
	}
	return &ingest.Error{File: rec.Path, Err: errors.New(rec.Error)}
}

// handle hashes a file and parses it when its content is new.
func handle(ctx context.Context, j job, db *store.Store, pool *ingest.Pool, a *analyze.Analyzer, opts ingest.Options) result {
	r := result{job: j}
	f, err := os.Open(j.path)
	if err != nil {
		r.outcome, r.err = outFailed, &ingest.Error{File: j.path, Err: err}
		return r
	}
	h := sha256.New()
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		r.outcome, r.err = outFailed, &ingest.Error{File: j.path, Err: err}
		return r
	}
	r.sha = hex.EncodeToString(h.Sum(nil))
	if j.prev != nil && j.prev.SHA256 == r.sha && j.prev.PipelineVersion == referat.Version {
		r.outcome = outUnchanged // touched, not changed
		if j.prev.Status == store.StatusFailed {
			r.outcome, r.err = outFailed, recordedError(j.prev)
		}
		return r
	}
	if doc, err := db.Document(r.sha); err == nil && doc != nil && doc.Source.SHA256 == r.sha {
		r.doc = doc
		r.outcome = outNew
		paths, _ := db.PathsOf(r.sha)
		for _, p := range paths {
			if p == j.path {
				continue
			}
			if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
				r.gone = append(r.gone, p)
			}
		}
		if len(r.gone) > 0 {
			r.outcome = outMoved
		}
		if j.prev != nil {
			r.outcome = outChanged
		}
		return r
	}
	doc, err := pool.Extract(ctx, j.path, opts)
	if err != nil {
		r.outcome, r.err = outFailed, err
		return r
	}
	if doc.Source.SHA256 != r.sha {
		// The file changed while it was read: hash what was parsed.
		r.sha = doc.Source.SHA256
	}
	a.Document(doc)
	r.doc, r.parsed, r.pages = doc, true, doc.Source.Pages
	r.outcome = outNew
	if j.prev != nil {
		r.outcome = outChanged
	}
	return r
}

// commit records one result in the store, in one transaction.
func commit(db *store.Store, r result, sum *summary) error {
	sum.Files[r.outcome]++
	sum.PagesParsed += r.pages
	switch r.outcome {
	case outUnchanged:
		if r.prev != nil && (r.prev.Size != r.size || r.prev.MTime != r.mtime) {
			return db.Touch(r.path, r.size, r.mtime)
		}
		return nil
	case outFailed:
		cause := "io"
		var ie *ingest.Error
		msg := r.err.Error()
		if errors.As(r.err, &ie) {
			cause = ingest.CauseName(r.err)
			msg = ie.Err.Error()
		}
		sum.Failures = append(sum.Failures, fileFailure{Path: r.path, Cause: cause, Error: msg, Advice: ingest.Advice(r.err)})
		if r.size == 0 && r.mtime == 0 {
			return nil // could not even be looked at
		}
		return db.RecordFailed(store.Failure{Path: r.path, Size: r.size, MTime: r.mtime, Cause: cause, Error: msg})
	}
	return db.RecordParsed(store.Parsed{Path: r.path, Size: r.size, MTime: r.mtime, Doc: r.doc, Moved: r.gone})
}

// prune removes the records of files under the inputs that no longer exist.
func prune(db *store.Store, in inputs, sum *summary) error {
	var gone []*store.SourceRecord
	err := db.Sources(func(rec *store.SourceRecord) bool {
		if under(rec.Path, in.roots) {
			if _, err := os.Stat(rec.Path); errors.Is(err, os.ErrNotExist) {
				r := *rec
				gone = append(gone, &r)
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	for _, rec := range gone {
		if err := db.Forget(rec.Path); err != nil {
			return err
		}
		sum.Files["pruned"]++
	}
	return nil
}

// retag analyses every stored document again whose taxonomy differs.
func retag(ctx context.Context, db *store.Store, a *analyze.Analyzer, sum *summary) error {
	var shas []string
	db.Documents(func(d *referat.Document) bool {
		if d.TaxonomyVersion != a.Taxonomy().Version {
			shas = append(shas, d.Source.SHA256)
		}
		return true
	})
	for _, sha := range shas {
		if ctx.Err() != nil {
			return nil
		}
		d, err := db.Document(sha)
		if err != nil || d == nil {
			return err
		}
		a.Document(d)
		if err := db.Retag(d); err != nil {
			return err
		}
		sum.Files["retagged"]++
	}
	return nil
}

// syncES sends what the store has that Elasticsearch has not confirmed:
// queued deletes, then the documents of every record not yet synced.
func syncES(ctx context.Context, db *store.Store, a *analyze.Analyzer, cfg elastic.Config) *esSummary {
	es := &esSummary{URL: cfg.Where()}
	fail := func(err error) *esSummary {
		es.Error = err.Error()
		return es
	}
	client, err := elastic.NewClient(cfg)
	if err != nil {
		return fail(err)
	}
	if _, err := elastic.Setup(ctx, client); err != nil {
		return fail(err)
	}
	w := &elastic.Writer{Client: client, Refresh: true}
	for {
		dels, err := db.PendingDeletes(2000)
		if err != nil || len(dels) == 0 {
			break
		}
		st, fails, err := w.Write(ctx, dels)
		es.Deleted += st.Deleted
		if err != nil {
			return fail(err)
		}
		done := dels[:0]
		failed := map[index.Ref]bool{}
		for _, f := range fails {
			failed[index.Ref{Index: f.Action.Index, ID: f.Action.ID}] = true
			es.Failed++
		}
		for _, d := range dels {
			if !failed[index.Ref{Index: d.Index, ID: d.ID}] {
				done = append(done, d)
			}
		}
		if err := db.Confirm(nil, done); err != nil {
			return fail(err)
		}
		if len(done) == 0 {
			break
		}
	}
	// Records to send, in batches of about 2000 actions.
	var batch []store.SourceRecord
	var acts []index.Action
	flush := func() error {
		if len(acts) == 0 {
			return nil
		}
		st, fails, err := w.Write(ctx, acts)
		es.Indexed += st.Indexed
		if err != nil {
			return err
		}
		bad := map[string]bool{}
		for _, f := range fails {
			es.Failed++
			if len(es.Items) < 20 {
				es.Items = append(es.Items, fileFailure{Path: f.Action.Index + "/" + f.Action.ID, Cause: fmt.Sprint(f.Status), Error: f.Reason})
			}
			bad[f.Action.ID] = true
		}
		var ok []store.SourceRecord
		for _, rec := range batch {
			good := true
			for _, r := range rec.Refs {
				good = good && !bad[r.ID]
			}
			if good {
				ok = append(ok, rec)
			}
		}
		batch, acts = batch[:0], acts[:0]
		return db.Confirm(ok, nil)
	}
	unsynced, err := db.Unconfirmed()
	if err != nil {
		return fail(err)
	}
	for _, rec := range unsynced {
		d, err := db.Document(rec.SHA256)
		if err != nil || d == nil {
			continue
		}
		d.Source.Path = rec.Path
		batch = append(batch, rec)
		acts = append(acts, index.Docs(d, a.Stems)...)
		if len(acts) >= 2000 {
			if err := flush(); err != nil {
				return fail(err)
			}
		}
	}
	if err := flush(); err != nil {
		return fail(err)
	}
	return es
}

// tally counts what the store holds.
func tally(db *store.Store, sum *summary) error {
	sum.TopicsByYear = map[int]map[string]int{}
	unconfirmed, err := db.Unconfirmed()
	if err != nil {
		return err
	}
	pending := len(unconfirmed)
	if sum.ES != nil {
		sum.ES.Pending = pending
		if sum.ES.Error != "" {
			sum.esErr = &esDown{msg: sum.ES.Error, pending: pending}
		}
	}
	return db.Documents(func(d *referat.Document) bool {
		sum.Meetings++
		sum.Cases += len(d.Cases)
		year := 0
		if len(d.Meeting.Date) >= 4 {
			fmt.Sscanf(d.Meeting.Date[:4], "%d", &year)
		}
		for _, c := range d.Cases {
			sum.Statements += len(c.Statements)
			sum.Topics += len(c.Topics)
			for _, t := range c.Topics {
				if sum.TopicsByYear[year] == nil {
					sum.TopicsByYear[year] = map[string]int{}
				}
				sum.TopicsByYear[year][t.ID]++
			}
		}
		return true
	})
}

// esDown reports that Elasticsearch could not be used; exit status 3.
type esDown struct {
	msg     string
	pending int
}

func (e *esDown) Error() string {
	return fmt.Sprintf("Elasticsearch could not be used: %s; %d file(s) kept pending for the next run", e.msg, e.pending)
}

func printSummary(opts ingestOptions, s *summary) {
	if opts.json {
		writeJSON(opts.stdout, s)
		return
	}
	w := opts.stdout
	f := s.Files
	fmt.Fprintf(w, "files: %d new, %d changed, %d unchanged, %d moved, %d failed", f[outNew], f[outChanged], f[outUnchanged], f[outMoved], f[outFailed])
	if f["skipped"] > 0 {
		fmt.Fprintf(w, ", %d not PDF (skipped)", f["skipped"])
	}
	if f["pruned"] > 0 {
		fmt.Fprintf(w, ", %d pruned", f["pruned"])
	}
	if f["retagged"] > 0 {
		fmt.Fprintf(w, ", %d retagged", f["retagged"])
	}
	fmt.Fprintf(w, "\nstore:  %d meetings, %d cases, %d statements, %d topic tags (%s)\n", s.Meetings, s.Cases, s.Statements, s.Topics, opts.store)
	if s.PagesParsed > 0 {
		fmt.Fprintf(w, "parsed: %d pages in %.1fs (%.0f pages/s)\n", s.PagesParsed, s.Seconds, float64(s.PagesParsed)/s.Seconds)
	}
	if s.ES != nil {
		if s.ES.Error != "" {
			fmt.Fprintf(w, "elasticsearch %s: NOT REACHED, %d file(s) pending\n", s.ES.URL, s.ES.Pending)
		} else {
			fmt.Fprintf(w, "elasticsearch %s: %d indexed, %d deleted, %d failed, %d file(s) pending\n", s.ES.URL, s.ES.Indexed, s.ES.Deleted, s.ES.Failed, s.ES.Pending)
		}
		for _, it := range s.ES.Items {
			fmt.Fprintf(opts.stderr, "referat: elasticsearch refused %s: %s %s\n", it.Path, it.Cause, it.Error)
		}
	}
	for _, fl := range s.Failures {
		line := fmt.Sprintf("referat: %s: %s", fl.Path, fl.Error)
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
