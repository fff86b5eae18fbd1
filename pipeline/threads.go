package pipeline

import (
	"context"
	"sort"

	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index/store"
)

// Relinking writes a document's docstats (a few hundred bytes) and reads
// the records of its files (about a kilobyte each; a content may have
// many files), writing those Elasticsearch had confirmed: one transaction
// relinks up to linkDocs documents, or fewer once it read linkRecords
// records, so that the pages it touches and dirties stay few (the store
// trims its mapping after each). A first ingest of 2,000 files relinks
// them in two transactions.
const (
	linkDocs    = 1024
	linkRecords = 1024
)

// link sets the thread of every stored case (analyze.Threads over all
// the stored cases: a case's meeting is its document) and relinks the
// documents whose threads changed (store.Batch.Relink: their docstats
// take the new threads, their records are unconfirmed so that
// Elasticsearch gets them again).
func (r *run) link(ctx context.Context) error {
	type ref struct {
		sha string
		seq int
	}
	var cases []analyze.ThreadCase
	var refs []ref
	var old []string
	// Titles, headings, topics, dates and threads only: decoding every document whole
	// was a fifth of a run's time.
	err := r.db.EachDocStats(func(d *store.DocStats) bool {
		for _, c := range d.Cases {
			cases = append(cases, analyze.ThreadCase{Meeting: d.SHA256, Date: d.Date, Title: c.Title, Heading: d.Heading, Topics: c.Topics})
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
	// The last transaction clears the store's mark of stale threads: a
	// run killed before it has the next one link again.
	for ctx.Err() == nil { // else the next run links the rest
		n := 0
		err := r.db.Batch(func(b *store.Batch) error {
			records := 0
			for n < len(shas) && n < linkDocs && records < linkRecords {
				w, err := b.Relink(shas[n], changed[shas[n]])
				if err != nil {
					return err
				}
				records += w
				n++
			}
			if n == len(shas) {
				return b.Linked()
			}
			return nil
		})
		if err != nil {
			return err
		}
		if shas = shas[n:]; len(shas) == 0 {
			return nil
		}
	}
	return nil
}
