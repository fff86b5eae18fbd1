package pipeline

import (
	"context"
	"sync"
	"time"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
)

// Results are committed in groups of up to groupFiles files, or what
// came within groupWait of the group's first: one transaction (one
// commit, two fsyncs) per group instead of one per file. A crash loses
// at most the group being committed, whose files the next run does again;
// every file is recorded whole or not at all.
const (
	groupFiles = 32
	groupWait  = 200 * time.Millisecond
)

// The dispatcher reads the entries of the next lookAhead files in one
// transaction (one per file cost 15 % of a run that changes nothing).
const lookAhead = 256

// A source hands paths to emit, in order, until emit returns false.
type source func(emit func(path string) bool)

// setSource hands on the paths of a fileSet.
func setSource(s *fileSet) source {
	return func(emit func(string) bool) {
		for i := range s.len() {
			if !emit(s.at(i)) {
				return
			}
		}
	}
}

// files looks at every file src gives (total of them, for the progress)
// and records what became of it. A dispatcher
// sends the files that may have changed to Workers goroutines, each of
// which hashes a file and, when its content is new, has a worker process
// parse and analyse it; one committer records the results, a group of
// them per transaction, while the next group gathers. It stops at the first error writing the store, and returns
// it.
func (r *run) files(ctx context.Context, total int, src source) error {
	r.opts.Progress.Start(total)
	pool := &ingest.Pool{Command: r.opts.Worker, Size: r.opts.Workers, Timeout: r.opts.Timeout, OCRMemoryLimit: r.opts.OCRMemoryLimit}
	defer pool.Close()
	// The first error writing the store (a full disk) stops the run: the
	// files not yet recorded are done by the next one.
	work, stop := context.WithCancel(ctx)
	defer stop()
	results := r.dispatch(work, src, pool)
	var commitErr error
	for group := range groups(results) {
		if commitErr != nil {
			continue // drained: not committed, the next run does them
		}
		done, err := r.commitGroup(work, group)
		if err != nil {
			commitErr = err
			stop()
			continue
		}
		for _, res := range done {
			if p, ok := r.opts.Progress.(OCRProgress); ok {
				p.OCRPages(res.ocrPages)
			}
			r.opts.Progress.File(res.pages)
		}
	}
	if commitErr == nil {
		r.opts.Progress.Finish()
	}
	return commitErr
}

// groups gathers results into groups of up to groupFiles, each sent once
// it is full, groupWait after its first result came, or when results
// ends.
func groups(results <-chan result) <-chan []result {
	out := make(chan []result)
	go func() {
		defer close(out)
		for first := range results {
			group := []result{first}
			timer := time.NewTimer(groupWait)
		gather:
			for len(group) < groupFiles {
				select {
				case res, ok := <-results:
					if !ok {
						break gather
					}
					group = append(group, res)
				case <-timer.C:
					break gather
				}
			}
			timer.Stop()
			out <- group
		}
	}()
	return out
}

// commitGroup commits the results of group that were not cut short, in
// one transaction when any of them writes, and returns them.
func (r *run) commitGroup(ctx context.Context, group []result) ([]result, error) {
	done := group[:0]
	write := false
	for _, res := range group {
		if !canceled(ctx, res.err) { // cut short by Ctrl-C: the next run does it
			done = append(done, res)
			write = write || writes(res)
		}
	}
	if !write {
		for _, res := range done {
			if err := r.commit(r.db, res); err != nil {
				return nil, err
			}
		}
		return done, nil
	}
	err := r.db.Batch(func(b *store.Batch) error {
		for _, res := range done {
			if err := r.commit(b, res); err != nil {
				return err
			}
		}
		return nil
	})
	return done, err
}

// dispatch starts the dispatcher and the hashing goroutines, one per
// worker, and returns the channel of their results, closed when all are
// done. (Two per worker, so that a worker's next request is ready when it
// answers, measured no faster on 2 cores: the time a worker waits, the
// parent uses the core.)
func (r *run) dispatch(ctx context.Context, src source, pool *ingest.Pool) <-chan result {
	n := r.opts.Workers
	jobs := make(chan job, 2*n)
	results := make(chan result, 2*n)
	var producers sync.WaitGroup // the dispatcher and the hashers
	pdf := ingest.Options{Password: r.opts.Password, OCR: r.opts.OCR, OCRLang: r.opts.OCRLang, OCRTimeout: r.opts.OCRTimeout, Analyzer: r.opts.Analyzer}
	for i := 0; i < n; i++ {
		producers.Add(1)
		go func() {
			defer producers.Done()
			for j := range jobs {
				results <- r.handle(ctx, j, pool, pdf)
			}
		}()
	}
	producers.Add(1)
	go func() { // unchanged files need no hasher
		defer producers.Done()
		defer close(jobs)
		chunk := make([]string, 0, lookAhead)
		ok := true
		src(func(p string) bool {
			if chunk = append(chunk, p); len(chunk) == lookAhead {
				ok = r.send(ctx, chunk, jobs, results)
				chunk = chunk[:0]
			}
			return ok
		})
		if ok && len(chunk) > 0 {
			r.send(ctx, chunk, jobs, results)
		}
	}()
	go func() {
		producers.Wait()
		close(results)
	}()
	return results
}

// send classifies the files of chunk, reading their entries in one
// transaction, and sends each to the hashers (jobs) or, when unchanged,
// straight to results. It reports false when ctx ended it.
func (r *run) send(ctx context.Context, chunk []string, jobs chan<- job, results chan<- result) bool {
	entries, err := r.db.EntriesOf(chunk)
	for i, p := range chunk {
		if ctx.Err() != nil {
			return false
		}
		var e *store.Entry
		if err == nil {
			e = entries[i]
		}
		j, unchanged := r.classify(p, e, err)
		if unchanged != nil {
			results <- *unchanged
			continue
		}
		select {
		case jobs <- j:
		case <-ctx.Done():
			return false
		}
	}
	return true
}
