package pipeline

import (
	"context"
	"fmt"

	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
)

// batchSize is about how many actions go in one Write.
const batchSize = 2000

// A syncer sends what the store has that Elasticsearch has not confirmed.
type syncer struct {
	db    *store.Store
	w     *elastic.Writer
	stems index.Stemmer
	es    *ESSummary
	batch []store.SourceRecord // the records whose documents are in acts
	acts  []index.Action
}

// syncES sends the queued deletes, checks that the cluster holds what
// the store confirmed (see checkCluster), then sends the documents of
// every record not yet confirmed. What could not be sent stays pending, and the reason is
// in the ESSummary's Error.
func (r *run) syncES(ctx context.Context) *ESSummary {
	es := &ESSummary{URL: r.opts.ES.Where()}
	if err := r.sync(ctx, es); err != nil {
		r.esErr = err
		es.Error = elastic.RedactText(err.Error())
	}
	return es
}

func (r *run) sync(ctx context.Context, es *ESSummary) error {
	client, err := elastic.NewClient(r.opts.ES)
	if err != nil {
		return err
	}
	if _, err := elastic.Setup(ctx, client); err != nil {
		return err
	}
	s := &syncer{db: r.db, w: &elastic.Writer{Client: client, Refresh: true}, stems: r.opts.Analyzer.Stems, es: es}
	if r.opts.Resync {
		if _, err := r.db.Unconfirm(elastic.Aliases, nil); err != nil {
			return err
		}
		if es.Resent, err = r.db.CountUnconfirmed(); err != nil {
			return err
		}
	}
	if err := s.deletes(ctx); err != nil {
		return err
	}
	if err := s.checkCluster(ctx, client); err != nil {
		return err
	}
	return s.documents(ctx)
}

// deletes sends the queued deletes, batchSize at a time, and confirms
// those Elasticsearch carried out.
func (s *syncer) deletes(ctx context.Context) error {
	for {
		dels, err := s.db.PendingDeletes(batchSize)
		if err != nil || len(dels) == 0 {
			return err
		}
		st, fails, err := s.w.Write(ctx, dels)
		s.es.Deleted += st.Deleted
		if err != nil {
			return err
		}
		failed := map[index.Ref]bool{}
		for _, f := range fails {
			failed[index.Ref{Index: f.Action.Index, ID: f.Action.ID}] = true
			s.es.Failed++
		}
		done := dels[:0]
		for _, d := range dels {
			if !failed[index.Ref{Index: d.Index, ID: d.ID}] {
				done = append(done, d)
			}
		}
		if err := s.db.Confirm(nil, done); err != nil {
			return err
		}
		if len(done) == 0 {
			return nil // the rest failed: they stay queued for the next run
		}
	}
}

// documents sends the documents of every unconfirmed record, in batches
// of about batchSize actions. The records are read unconfirmedPage at a
// time: a first sync of many files holds a page and a batch, not them
// all.
func (s *syncer) documents(ctx context.Context) error {
	for after := ""; ; {
		page, err := s.db.UnconfirmedAfter(after, unconfirmedPage)
		if err != nil || len(page) == 0 {
			if err == nil {
				err = s.flush(ctx)
			}
			return err
		}
		after = page[len(page)-1].Path
		for _, rec := range page {
			d, err := s.db.Document(rec.SHA256)
			if err != nil {
				return err
			}
			if d == nil {
				continue
			}
			d.Source.Path = rec.Path
			s.batch = append(s.batch, rec)
			s.acts = append(s.acts, index.Docs(d, s.stems)...)
			if len(s.acts) >= batchSize {
				if err := s.flush(ctx); err != nil {
					return err
				}
			}
		}
	}
}

// unconfirmedPage is how many unconfirmed records documents reads at a
// time.
const unconfirmedPage = 512

// flush writes the batch and confirms the records all of whose documents
// Elasticsearch took.
func (s *syncer) flush(ctx context.Context) error {
	if len(s.acts) == 0 {
		return nil
	}
	st, fails, err := s.w.Write(ctx, s.acts)
	s.es.Indexed += st.Indexed
	if err != nil {
		return err
	}
	bad := map[string]bool{}
	for _, f := range fails {
		s.es.Failed++
		if len(s.es.Items) < 20 {
			s.es.Items = append(s.es.Items, Failure{Path: f.Action.Index + "/" + f.Action.ID, Cause: fmt.Sprint(f.Status), Error: f.Reason})
		}
		bad[f.Action.ID] = true
	}
	var ok []store.SourceRecord
	for _, rec := range s.batch {
		good := true
		for _, r := range rec.Refs {
			good = good && !bad[r.ID]
		}
		if good {
			ok = append(ok, rec)
		}
	}
	s.batch, s.acts = s.batch[:0], s.acts[:0]
	return s.db.Confirm(ok, nil)
}
