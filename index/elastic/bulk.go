package elastic

import (
	"bytes"
	"context"
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
func (w *Writer) round(ctx context.Context, acts []index.Action) (st Stats, failures []Failure, requeue []index.Action, fatal error) {
	var mu sync.Mutex
	workers := w.Workers
	if workers <= 0 {
		workers = 2
	}
	flush := w.FlushBytes
	if flush <= 0 {
		flush = 2 << 20
	}
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{
		Client:        w.Client,
		NumWorkers:    workers,
		FlushBytes:    flush,
		FlushInterval: time.Second,
		OnError: func(_ context.Context, err error) {
			mu.Lock()
			if fatal == nil {
				fatal = classify(err)
			}
			mu.Unlock()
		},
	})
	if err != nil {
		return st, nil, nil, err
	}
	confirmed := make([]bool, len(acts))
	for i, a := range acts {
		item := esutil.BulkIndexerItem{Index: a.Index, DocumentID: a.ID, Action: "index"}
		if a.Delete {
			item.Action = "delete"
		} else {
			item.Body = bytes.NewReader(a.Doc)
		}
		i, a := i, a
		item.OnSuccess = func(_ context.Context, _ esutil.BulkIndexerItem, _ esutil.BulkIndexerResponseItem) {
			mu.Lock()
			confirmed[i] = true
			if a.Delete {
				st.Deleted++
			} else {
				st.Indexed++
			}
			mu.Unlock()
		}
		item.OnFailure = func(_ context.Context, _ esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem, err error) {
			mu.Lock()
			defer mu.Unlock()
			confirmed[i] = true
			switch {
			case err != nil:
				// The whole request failed; the action is not confirmed.
				confirmed[i] = false
				if fatal == nil {
					fatal = classify(err)
				}
			case res.Status == 429:
				requeue = append(requeue, a)
			case a.Delete && res.Status == 404:
				st.Deleted++ // already gone
			default:
				failures = append(failures, Failure{Action: a, Status: res.Status, Reason: strings.TrimSpace(res.Error.Type + ": " + res.Error.Reason)})
			}
		}
		if err := bi.Add(ctx, item); err != nil {
			mu.Lock()
			if fatal == nil {
				fatal = classify(err)
			}
			mu.Unlock()
			break
		}
	}
	if err := bi.Close(context.WithoutCancel(ctx)); err != nil && fatal == nil {
		fatal = classify(err)
	}
	st.Requests = int(bi.Stats().NumRequests)
	if fatal != nil {
		for i, ok := range confirmed {
			if !ok {
				requeue = append(requeue, acts[i])
			}
		}
	}
	return st, failures, requeue, fatal
}

// classify turns a bulk indexer's error into ErrUnreachable,
// ErrUnauthorized or the context's error.
func classify(err error) error {
	msg := redactMessage(err.Error())
	switch {
	case strings.Contains(msg, "context canceled"), strings.Contains(msg, "deadline exceeded"):
		return context.Canceled
	case strings.Contains(msg, "401"), strings.Contains(msg, "403"), strings.Contains(msg, "security_exception"):
		return fmt.Errorf("%w: %s", ErrUnauthorized, msg)
	}
	return fmt.Errorf("%w: %s", ErrUnreachable, msg)
}
