package pipeline

import (
	"context"
	"sort"

	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index/store"
)

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
	for _, sha := range shas {
		if ctx.Err() != nil {
			return nil // the next run links the rest
		}
		d, err := r.db.Document(sha)
		if err != nil || d == nil {
			return err
		}
		for i := range d.Cases {
			if th, ok := changed[sha][d.Cases[i].Seq]; ok {
				d.Cases[i].Thread = th
			}
		}
		if err := r.db.Retag(d); err != nil {
			return err
		}
	}
	return nil
}
