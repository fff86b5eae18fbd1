package elastic

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/elastic/go-elasticsearch/v8/esutil"
	"github.com/ntlnav/referat/index"
)

// A Writer sends actions to Elasticsearch in bulk. Requests answered 429,
// 502, 503 or 504 are retried by the client with backoff; items refused
// with 429 (a full queue) are sent again, outside the bulk callbacks, up to
// Rounds times. Every other failed item is reported with its reason.
type Writer struct {
	Client *elasticsearch.Client // required, passed in explicitly
	// Workers is the number of bulk workers. Default (0): 2.
	Workers int
	// FlushBytes is the size of one bulk request. Default (0): 2 MiB.
	FlushBytes int
	// Rounds bounds the re-sending of items refused with 429.
	// Default (0): 6.
	Rounds int
	// Refresh makes the written documents searchable before Write returns.
	// Default false.
	Refresh bool
}

// A Failure is one action Elasticsearch did not carry out.
type Failure struct {
	Action index.Action
	Status int    // the item's HTTP status, or 0 when the request failed
	Reason string // Elasticsearch's reason
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s/%s: %d %s", f.Action.Index, f.Action.ID, f.Status, f.Reason)
}

// Stats counts what a Write did.
type Stats struct {
	Indexed, Deleted, Failed int
	Retried                  int // items sent again after a 429
	Requests                 int
	Duration                 time.Duration
}

// DocsPerSecond is the rate of successful actions.
func (s Stats) DocsPerSecond() float64 {
	if s.Duration <= 0 {
		return 0
	}
	return float64(s.Indexed+s.Deleted) / s.Duration.Seconds()
}

// Write carries out acts. It returns the failures, one per action that did
// not succeed (a delete of a missing document succeeds), and an error when
// the cluster could not be used at all (unreachable, credentials refused,
// ctx cancelled); then the actions not confirmed are among the failures.
func (w *Writer) Write(ctx context.Context, acts []index.Action) (Stats, []Failure, error) {
	start := time.Now()
	var st Stats
	var failures []Failure
	pending := acts
	rounds := w.Rounds
	if rounds <= 0 {
		rounds = 6
	}
	var fatal error
	for round := 0; len(pending) > 0; round++ {
		if round > 0 {
			st.Retried += len(pending)
			select {
			case <-time.After(time.Duration(100<<min(round, 5)) * time.Millisecond):
			case <-ctx.Done():
				fatal = ctx.Err()
			}
		}
		if fatal != nil || round > rounds {
			for _, a := range pending {
				failures = append(failures, Failure{Action: a, Status: 429, Reason: "still refused after retries"})
			}
			break
		}
		var again []index.Action
		rs, fails, requeue, err := w.round(ctx, pending)
		st.Indexed += rs.Indexed
		st.Deleted += rs.Deleted
		st.Requests += rs.Requests
		failures = append(failures, fails...)
		again = append(again, requeue...)
		if err != nil {
			fatal = err
			for _, a := range again {
				failures = append(failures, Failure{Action: a, Reason: err.Error()})
			}
			break
		}
		pending = again
	}
	if fatal == nil && w.Refresh {
		if _, err := do(ctx, w.Client, esapi.IndicesRefreshRequest{Index: Aliases}); err != nil && !IsNotFound(err) {
			fatal = err
		}
	}
	st.Failed = len(failures)
	st.Duration = time.Since(start)
	return st, failures, fatal
}

// round sends acts once with a BulkIndexer.
func (w *Writer) round(ctx context.Context, acts []index.Action) (Stats, []Failure, []index.Action, error) {
	workers := w.Workers
	if workers <= 0 {
		workers = 2
	}
	flush := w.FlushBytes
	if flush <= 0 {
		flush = 2 << 20
	}
	r := &roundState{ctx: ctx, confirmed: make([]bool, len(acts))}
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{
		Client:        w.Client,
		NumWorkers:    workers,
		FlushBytes:    flush,
		FlushInterval: time.Second,
		OnError:       func(_ context.Context, err error) { r.fail(err) },
	})
	if err != nil {
		return r.st, nil, nil, err
	}
	for i, a := range acts {
		if r.failed() {
			break // the cluster is gone: the rest are not sent, and stay unconfirmed
		}
		if err := bi.Add(ctx, r.item(i, a)); err != nil {
			r.fail(err)
			break
		}
	}
	if err := bi.Close(context.WithoutCancel(ctx)); err != nil {
		r.fail(err)
	}
	r.st.Requests = int(bi.Stats().NumRequests)
	if r.fatal != nil {
		r.fatal = w.settle(ctx, r.fatal)
		for i, ok := range r.confirmed {
			if !ok {
				r.requeue = append(r.requeue, acts[i])
			}
		}
	}
	return r.st, r.failures, r.requeue, r.fatal
}

// A roundState is what the callbacks of one round gather.
type roundState struct {
	ctx       context.Context // the caller's
	mu        sync.Mutex
	st        Stats
	failures  []Failure
	requeue   []index.Action // refused with 429, or not confirmed when the round failed
	fatal     error          // the first error of the whole round, classified
	confirmed []bool         // by action: Elasticsearch answered for it
}

// fail records err as the round's error, unless it has one.
func (r *roundState) fail(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failLocked(err)
}

func (r *roundState) failLocked(err error) {
	if r.fatal == nil {
		r.fatal = classify(r.ctx, err)
	}
}

// failed reports whether the round has failed as a whole.
func (r *roundState) failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.fatal != nil
}

// item returns the bulk item of action i, whose callbacks record the
// answer.
func (r *roundState) item(i int, a index.Action) esutil.BulkIndexerItem {
	item := esutil.BulkIndexerItem{Index: a.Index, DocumentID: a.ID, Action: "index"}
	if a.Delete {
		item.Action = "delete"
	} else {
		item.Body = bytes.NewReader(a.Doc)
	}
	item.OnSuccess = func(_ context.Context, _ esutil.BulkIndexerItem, _ esutil.BulkIndexerResponseItem) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.confirmed[i] = true
		if a.Delete {
			r.st.Deleted++
		} else {
			r.st.Indexed++
		}
	}
	item.OnFailure = func(_ context.Context, _ esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem, err error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.confirmed[i] = true
		switch {
		case err != nil:
			// The whole request failed; the action is not confirmed.
			r.confirmed[i] = false
			r.failLocked(err)
		case res.Status == 429:
			r.requeue = append(r.requeue, a)
		case a.Delete && res.Status == 404:
			r.st.Deleted++ // already gone
		default:
			r.failures = append(r.failures, Failure{Action: a, Status: res.Status, Reason: strings.TrimSpace(res.Error.Type + ": " + res.Error.Reason)})
		}
	}
	return item
}

// classify turns a bulk indexer's error into the caller's context error
// (when ctx is done), an ErrUnreachable for a request that timed out (a
// NoAnswerError: unreachable, not an interruption), or else a *bulkError.
// The bulk indexer keeps only the text of the answers it refuses, so a
// *bulkError is classified afterwards by asking the cluster (see settle),
// never by reading that text.
func classify(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var na *NoAnswerError
	if errors.As(err, &na) {
		return fmt.Errorf("%w: %w", ErrUnreachable, na)
	}
	return &bulkError{msg: RedactText(err.Error())}
}

// A bulkError is a failed bulk request whose cause is not yet known.
type bulkError struct{ msg string }

func (e *bulkError) Error() string { return e.msg }

// settle classifies a round's *bulkError by one request of our own: when
// the cluster refuses the credentials it is ErrUnauthorized, else (it does
// not answer, or answers and the bulk request failed all the same)
// ErrUnreachable, so the documents stay pending for the next run.
func (w *Writer) settle(ctx context.Context, err error) error {
	var b *bulkError
	if !errors.As(err, &b) {
		return err
	}
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if perr := Ping(pctx, w.Client); errors.Is(perr, ErrUnauthorized) {
		return fmt.Errorf("bulk request: %w", perr)
	}
	msg := b.msg
	if len(msg) > 300 { // an answer's whole body: its start says enough
		msg = strings.ToValidUTF8(msg[:300], "") + "…"
	}
	return fmt.Errorf("%w: %s", ErrUnreachable, msg)
}
