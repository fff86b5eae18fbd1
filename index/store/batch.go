package store

import (
	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
)

// A Batch is several changes of state in one transaction: Store.Batch
// commits them together, so that many files cost one commit (and its two
// fsyncs) instead of one each. Each change is still whole: a crash leaves
// the store as it was before the batch or after it, and every file's
// record, document and deletes agree either way. Its reads see the
// batch's own changes. A Batch is used by one goroutine, inside the
// function given to Store.Batch only.
type Batch struct{ t *txn }

// Batch runs fn with a Batch and commits what it did, in one transaction;
// when fn returns an error nothing it did is kept, and the error is
// returned.
func (s *Store) Batch(fn func(b *Batch) error) error {
	err := s.updateTx(func(tx *bolt.Tx) error { return fn(&Batch{t: s.newTxn(tx)}) })
	s.trim() // a run commits many batches: its resident set stays flat
	return err
}

// RecordParsed is Store.RecordParsed in the batch.
func (b *Batch) RecordParsed(p Parsed) error {
	return b.t.do(func(t *txn) error { return t.recordParsed(p) })
}

// RecordCopy is Store.RecordCopy in the batch. ErrNoDocument leaves the
// batch as it was.
func (b *Batch) RecordCopy(c Copy) error {
	return b.t.do(func(t *txn) error { return t.recordCopy(c) })
}

// RecordFailed is Store.RecordFailed in the batch.
func (b *Batch) RecordFailed(f Failure) error {
	return b.t.do(func(t *txn) error { return t.recordFailed(f) })
}

// Touch is Store.Touch in the batch.
func (b *Batch) Touch(path string, size, mtime int64) error {
	return b.t.do(func(t *txn) error { return t.touch(path, size, mtime) })
}

// RecordDuplicate is Store.RecordDuplicate in the batch.
func (b *Batch) RecordDuplicate(d Duplicate) error {
	return b.t.do(func(t *txn) error { return t.recordDuplicate(d) })
}

// Supersede is Store.Supersede in the batch.
func (b *Batch) Supersede(keep Parsed, old string, similarity float64) error {
	return b.t.do(func(t *txn) error { return t.supersede(keep, old, similarity) })
}

// Reread is Store.Reread in the batch.
func (b *Batch) Reread(p Parsed) error { return b.t.do(func(t *txn) error { return t.reread(p) }) }

// Retag is Store.Retag in the batch.
func (b *Batch) Retag(d *referat.Document) error {
	return b.t.do(func(t *txn) error { return t.retag(d) })
}

// Source is Store.Source in the batch.
func (b *Batch) Source(path string) (*SourceRecord, error) { return b.t.source(path) }

// PathsOf is Store.PathsOf in the batch.
func (b *Batch) PathsOf(sha string) ([]string, error) { return b.t.paths(sha) }

// Document is Store.Document in the batch.
func (b *Batch) Document(sha string) (*referat.Document, error) { return b.t.s.documentIn(b.t.tx, sha) }

// Documents is Store.Documents in the batch.
func (b *Batch) Documents(fn func(*referat.Document) bool) error {
	return b.t.s.eachDocument(b.t.tx, fn)
}
