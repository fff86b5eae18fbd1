package pipeline

import (
	"context"
	"sync"

	"github.com/ntlnav/referat/ingest"
)

// files looks at every file and records what became of it. A dispatcher
// sends the files that may have changed to Workers goroutines, each of
// which hashes a file and, when its content is new, has a worker process
// parse it; one committer records the results, a transaction each. It
// stops at the first error writing the store, and returns it.
func (r *run) files(ctx context.Context, paths []string) error {
	r.opts.Progress.Start(len(paths))
	pool := &ingest.Pool{Command: r.opts.Worker, Size: r.opts.Workers, Timeout: r.opts.Timeout}
	defer pool.Close()
	// The first error writing the store (a full disk) stops the run: the
	// files not yet recorded are done by the next one.
	work, stop := context.WithCancel(ctx)
	defer stop()
	results := r.dispatch(work, paths, pool)
	var commitErr error
	for res := range results {
		if commitErr != nil || canceled(work, res.err) {
			continue // cut short by Ctrl-C or a store error: not committed, the next run does it
		}
		if err := r.commit(res); err != nil {
			commitErr = err
			stop()
			continue
		}
		r.opts.Progress.File(res.pages)
	}
	if commitErr == nil {
		r.opts.Progress.Finish()
	}
	return commitErr
}

// dispatch starts the dispatcher and the hashing goroutines and returns
// the channel of their results, closed when all are done.
func (r *run) dispatch(ctx context.Context, paths []string, pool *ingest.Pool) <-chan result {
	n := r.opts.Workers
	jobs := make(chan job, 2*n)
	results := make(chan result, 2*n)
	var producers sync.WaitGroup // the dispatcher and the hashers
	pdf := ingest.Options{Password: r.opts.Password}
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
		for _, p := range paths {
			if ctx.Err() != nil {
				return
			}
			j, unchanged := r.classify(p)
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
	return results
}
