package store

import (
	"encoding/json"
	"errors"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
)

// # Threads
//
// A case's thread is the one its document's docstats hold (CaseStats.Thread),
// not the one inside the stored document: thread linking, which runs over
// every stored case after the files of a run, writes only the docstats of
// the documents whose threads changed (Relink), a few hundred bytes each,
// instead of decoding and encoding the whole documents (tens of
// kilobytes). Every read of a document (Document, Documents and the
// Batch's) puts the threads of its docstats into its cases, so readers see
// the linked threads. A document stored whole (putDocument) writes its
// docstats from itself, so both agree again; a store whose documents have
// no docstats yet (not opened by a writer since they were kept) has its
// threads in the documents, as every store written before Relink.

// While documents changed and their cases were not linked since, the
// store holds the mark threadsStale in its meta bucket: every
// transaction that stores or removes a document sets it, and the last of
// linking's transactions clears it (Batch.Linked), so that a run killed
// while linking (several transactions) has the next run link again.
var (
	bucketMeta   = []byte("meta")
	threadsStale = []byte("threads-stale")
)

// ThreadsStale reports whether documents were stored or removed since
// their cases were last linked into threads.
func (s *Store) ThreadsStale() (bool, error) {
	stale := false
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil { // none: a store older than the mark, linked
			stale = b.Get(threadsStale) != nil
		}
		return nil
	})
	return stale, err
}

// Linked clears the mark ThreadsStale reports: the cases of every
// document are linked, as of this batch.
func (b *Batch) Linked() error { return b.t.meta.Delete(threadsStale) }

// markStale sets the mark ThreadsStale reports.
func (t *txn) markStale() error { return t.meta.Put(threadsStale, []byte{1}) }

// caseThreads is the part of DocStats a read of a document needs.
type caseThreads struct {
	Cases []struct {
		Seq    int    `json:"seq"`
		Thread string `json:"thread"`
	} `json:"cases"`
}

// decodeDocument decodes the stored document v of content sha, with the
// threads of its docstats in stats (which may be nil).
func (s *Store) decodeDocument(stats *bolt.Bucket, sha, v []byte) (*referat.Document, error) {
	var d referat.Document
	if err := s.decode(v, &d); err != nil {
		return nil, err
	}
	if stats == nil {
		return &d, nil
	}
	b := stats.Get(sha)
	if b == nil {
		return &d, nil
	}
	var th caseThreads
	if err := s.decode(b, &th); err != nil {
		return nil, err
	}
	if len(th.Cases) != len(d.Cases) {
		return nil, &DamagedError{Path: s.path, Detail: "the docstats of " + string(sha) + " do not match its document"}
	}
	for i, c := range th.Cases {
		if c.Seq != d.Cases[i].Seq {
			return nil, &DamagedError{Path: s.path, Detail: "the docstats of " + string(sha) + " do not match its document"}
		}
		d.Cases[i].Thread = c.Thread
	}
	return &d, nil
}

// documentIn returns the document of content sha in tx, or nil.
func (s *Store) documentIn(tx *bolt.Tx, sha string) (*referat.Document, error) {
	v := tx.Bucket(bucketDocuments).Get([]byte(sha))
	if v == nil {
		return nil, nil
	}
	return s.decodeDocument(tx.Bucket(bucketDocStats), []byte(sha), v)
}

// eachDocument calls fn with every document in tx, in hash order, until
// fn returns false, trimming the mapping as it goes (a write
// transaction's changes are not in the mapping: trimming is safe in
// either kind).
func (s *Store) eachDocument(tx *bolt.Tx, fn func(*referat.Document) bool) error {
	stats := tx.Bucket(bucketDocStats)
	each := func(k, v []byte) error {
		d, err := s.decodeDocument(stats, k, v)
		if err != nil {
			return err
		}
		if !fn(d) {
			return errStop
		}
		return nil
	}
	err := s.eachTrimmed(tx, tx.Bucket(bucketDocuments), each)
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// Relink sets the threads of the cases of the stored document of content
// sha as threads (case seq → thread id) says, the other cases keeping
// theirs, and marks the records of its files unconfirmed, so that
// Elasticsearch gets the document again, as Retag does (records already
// unconfirmed with the document's ids are left as they are). It returns
// how many records the content has: each was read, and written when
// confirmed. Only the docstats are written (see Threads above); a
// content with no document stored is left alone.
func (b *Batch) Relink(sha string, threads map[int]string) (int, error) {
	n := 0
	err := b.t.do(func(t *txn) error {
		var err error
		n, err = t.relink(sha, threads)
		return err
	})
	return n, err
}

func (t *txn) relink(sha string, threads map[int]string) (int, error) {
	// A document has its docstats in a writer's store (derived.go):
	// reading them alone leaves the document's pages unmapped.
	v := t.stats.Get([]byte(sha))
	if v == nil {
		return 0, nil
	}
	st := &DocStats{SHA256: sha}
	if err := t.s.decode(v, st); err != nil {
		return 0, err
	}
	for i := range st.Cases {
		if th, ok := threads[st.Cases[i].Seq]; ok {
			st.Cases[i].Thread = th
		}
	}
	b, err := json.Marshal(st)
	if err != nil {
		return 0, err
	}
	if err := t.stats.Put([]byte(sha), b); err != nil {
		return 0, err
	}
	refs := st.refs() // as retag does, with the document unchanged
	// One record at a time: a content of many files holds none of them.
	return t.eachSourceOf(sha, func(prev *SourceRecord) error {
		if !prev.Synced && prev.TaxonomyVersion == st.TaxonomyVersion && sameRefs(prev.Refs, refs) {
			return nil // pending already, with these ids (a first ingest's thread linking)
		}
		rec := *prev
		rec.Refs, rec.TaxonomyVersion, rec.Synced, rec.Updated = refs, st.TaxonomyVersion, false, now()
		if err := t.put(&rec); err != nil {
			return err
		}
		return t.queue(staleDeletes(prev.Refs, refs))
	})
}
