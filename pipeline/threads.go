package pipeline

import (
	"context"
	"sort"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index/store"
)

// linkGroup is how many documents are stored again per transaction:
// fewer than files per group (scan.go), for each reads the records of
// every file of its content, all over the store (50 each in a folder of
// copies).
const linkGroup = 8

// link sets the thread of every stored case (analyze.Threads over all
// the stored cases: a case's meeting is its document) and stores again
// the documents whose threads changed, so that Elasticsearch gets them
// again.
func (r *run) link(ctx context.Context) error {
	type ref struct {
		sha string
		seq int
	}
	var cases []analyze.ThreadCase
	var refs []ref
	var old []string
	// Titles, dates and threads only: decoding every document whole
	// was a fifth of a run's time.
	err := r.db.EachDocStats(func(d *store.DocStats) bool {
		for _, c := range d.Cases {
			cases = append(cases, analyze.ThreadCase{Meeting: d.SHA256, Date: d.Date, Title: c.Title})
			refs = append(refs, ref{d.SHA256, c.Seq})
			old = append(old, c.Thread)
		}
		return true
	})
	if err != nil {
		return err
	}
	threads := r.opts.Analyzer.Threads(cases)
	changed := map[string]map[int]string{}
	for i, th := range threads {
		if th != old[i] {
			if changed[refs[i].sha] == nil {
				changed[refs[i].sha] = map[int]string{}
			}
			changed[refs[i].sha][refs[i].seq] = th
		}
	}
	shas := make([]string, 0, len(changed))
	for sha := range changed {
		shas = append(shas, sha)
	}
	sort.Strings(shas)
	// Decoding the documents is half the work: one goroutine decodes the
	// next ones while this one stores those decoded, linkGroup per
	// transaction. Nothing else writes the store meanwhile.
	stop := make(chan struct{})
	defer close(stop)
	docs := make(chan decoded, 2*linkGroup)
	go func() {
		defer close(docs)
		for _, sha := range shas {
			d, err := r.db.Document(sha)
			select {
			case docs <- decoded{d, err}:
			case <-stop:
				return
			}
		}
	}()
	for len(shas) > 0 && ctx.Err() == nil { // else the next run links the rest
		n := min(len(shas), linkGroup)
		err := r.db.Batch(func(b *store.Batch) error {
			for _, sha := range shas[:n] {
				x := <-docs
				if x.err != nil {
					return x.err
				}
				if x.d != nil {
					if err := relink(b, x.d, changed[sha]); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		shas = shas[n:]
	}
	return nil
}

// decoded is a stored document read ahead, or why it could not be.
type decoded struct {
	d   *referat.Document
	err error
}

// relink stores again the document d with the threads of its cases
// changed as threads (case seq → thread) says.
func relink(b *store.Batch, d *referat.Document, threads map[int]string) error {
	for i := range d.Cases {
		if th, ok := threads[d.Cases[i].Seq]; ok {
			d.Cases[i].Thread = th
		}
	}
	return b.Retag(d)
}
