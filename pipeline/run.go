package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/ntlnav/referat/index/store"
)

// Run ingests the PDFs under opts.Paths into the store, then prunes,
// retags and sends to Elasticsearch as opts say, and returns what it did.
//
// Per-file failures do not make an error: they are in Summary.Failures.
// The error is non-nil when opts.ES is wrong (an error matching
// elastic.ErrConfig, returned before any file is read, with no Summary),
// when the run could not go on (the store cannot be
// opened, store.ErrLocked when another run has it, or written: the
// Summary is then nil), when ctx was cancelled (ctx.Err(), with the
// Summary of what was done; the rest is done by the next run), or when
// Elasticsearch could not be used (an *ESError, with the Summary).
func Run(ctx context.Context, opts Options) (*Summary, error) {
	t0 := time.Now()
	opts = opts.withDefaults()
	if opts.ES.Configured() {
		if err := opts.ES.Check(); err != nil {
			return nil, err // before any file is read
		}
	}
	r := &run{opts: opts, version: extractorVersion, marks: &pathMarks{}}
	defer r.marks.release() // the marks' memory (marks.go): every use is over when Run returns
	if opts.Worker == nil && anyPDF(opts.Paths) {
		return nil, ErrNoWorker
	}
	db, err := store.Open(opts.Store, store.Options{LockTimeout: opts.LockTimeout})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	sum := &Summary{Files: map[string]int{Skipped: 0}, Failures: []Failure{}}
	r.db, r.sum = db, sum
	total := 0
	if _, quiet := opts.Progress.(NoProgress); !quiet { // the total shown: a walk more
		walkInputs(opts.Paths, func(p string) bool { r.marks.add(p); total++; return true })
	}
	if err := r.outdatedGone(); err != nil {
		return nil, err
	}
	// withOutdated needs every file found marked; gonePaths asks for the
	// marks when it is first called (marks.go).
	r.marking.Store(r.outdated > 0 || total > 0)
	var in inputs
	src := func(emit func(string) bool) {
		done := true
		in = walkInputs(opts.Paths, func(p string) bool {
			if r.marking.Load() {
				r.marks.add(p)
			}
			done = emit(p)
			return done
		})
		if done {
			r.withOutdated(emit)
		}
	}
	if err := r.files(ctx, total+r.outdated, src); err != nil {
		return nil, fmt.Errorf("writing the store %s: %w", opts.Store, err)
	}
	if r.outdatedErr != nil {
		return nil, r.outdatedErr
	}
	r.found(in)
	if err := r.maintain(ctx, in); err != nil {
		return nil, err
	}
	var esErr error
	if ctx.Err() == nil && opts.ES.Configured() {
		sum.ES = r.syncES(ctx)
	}
	if err := r.tally(); err != nil {
		return nil, err
	}
	if sum.ES != nil && sum.ES.Error != "" {
		esErr = &ESError{Msg: sum.ES.Error, Pending: sum.ES.Pending, Err: r.esErr}
	}
	sum.Seconds = time.Since(t0).Seconds()
	sum.Interrupted = ctx.Err() != nil
	if ctx.Err() != nil {
		return sum, ctx.Err()
	}
	return sum, esErr
}

// A run is the state of one Run.
type run struct {
	opts     Options
	db       *store.Store
	sum      *Summary
	esErr    error        // why Elasticsearch could not be used
	version  int          // the extractor's (ExtractorVersion)
	meetings meetingIndex // stored documents by body and date (dupes.go)
	pruned   []string     // files whose records Prune removed
	marks    *pathMarks   // the files given and found, and those read again for an older extractor (marks.go)
	marking  atomic.Bool  // files found are marked: from the start, or since gonePaths was first called
	outdated int          // recorded files an older extractor read, not given, still there (version.go)
	// outdatedErr is why the store's entries could not be read for them.
	outdatedErr error
}

// found adds to the Summary what the walk found besides PDFs: files
// skipped, and paths missing, whose failures come first (before those of
// the files), as the arguments are the first things looked at.
func (r *run) found(in inputs) {
	r.sum.Files[Skipped] += in.nonPDF + len(in.skipped)
	r.sum.Skips = in.skipped
	if len(in.missing) == 0 {
		return
	}
	missing := make([]Failure, 0, len(in.missing)+len(r.sum.Failures))
	for _, m := range in.missing {
		missing = append(missing, Failure{Path: m, Cause: "missing", Error: "no such file or folder"})
	}
	r.sum.Files[Failed] += len(in.missing)
	r.sum.Failures = append(missing, r.sum.Failures...)
}

// anyPDF reports whether args name a PDF, walking them until one is
// found.
func anyPDF(args []string) bool {
	found := false
	walkInputs(args, func(string) bool { found = true; return false })
	return found
}

// maintain prunes and retags, as the options say, and links the cases
// of the stored documents into threads when any of them changed.
func (r *run) maintain(ctx context.Context, in inputs) error {
	if ctx.Err() == nil && r.opts.Prune {
		if err := r.prune(in); err != nil {
			return err
		}
		if err := r.promote(ctx); err != nil { // dupes.go
			return err
		}
	}
	if ctx.Err() == nil {
		if err := r.rereadOrphans(ctx); err != nil { // dupes.go
			return err
		}
	}
	if ctx.Err() == nil && r.opts.Retag {
		if err := r.retag(ctx); err != nil {
			return err
		}
	}
	// Threads change only when the stored documents do: in this run, or
	// in one killed before it linked them (the store's mark).
	f := r.sum.Files
	if ctx.Err() != nil {
		return nil
	}
	stale, err := r.db.ThreadsStale()
	if err != nil {
		return err
	}
	if stale || f[New]+f[Changed]+f[Pruned]+f[Retagged]+f[Reread] > 0 {
		return r.link(ctx)
	}
	return nil
}

// canceled reports whether err is a file cut short by ctx (Ctrl-C), not a
// failure of the file.
func canceled(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
}
