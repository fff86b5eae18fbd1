package store

import (
	"errors"
	"math"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// The state changes of the store. Each is one transaction; the callers say
// what happened to a file, and the store keeps its buckets consistent: a
// path's record and the paths of its hash agree, a hash that no path has
// any more loses its document, a document that is wanted again is not
// deleted, and Elasticsearch deletes are queued for the documents that no
// path makes any more.

// A Parsed is a file whose content was read and analysed, or recognised
// as content the store already holds.
type Parsed struct {
	Path  string
	Size  int64
	MTime int64             // Unix nanoseconds
	Doc   *referat.Document // the analysed content; Doc.Source.SHA256 is its hash
	Moved []string          // recorded paths of the same content that are gone: their records go
	// ExtractorVersion is the version of the extractor that read Doc.
	ExtractorVersion int
	// JSON, when set, is the document encoded already (json.Marshal's
	// bytes, as a worker sent them) and Stats its DocStats (Stats.SHA256
	// its hash): the store writes them as they are and does not read Doc,
	// which may be nil. Default nil: Doc is encoded here.
	JSON  []byte
	Stats *DocStats
}

// RecordParsed records p in one transaction: the file's record (status
// ok, the ids of the documents Doc makes, not yet confirmed by
// Elasticsearch), the document, the removal of the records of p.Moved, and
// the deletes of the documents the file's previous content made that Doc
// does not make again, unless another path still has that content.
func (s *Store) RecordParsed(p Parsed) error {
	return s.update(func(t *txn) error { return t.recordParsed(p) })
}

// recordParsed is RecordParsed in the transaction t.
func (t *txn) recordParsed(p Parsed) error {
	if err := t.putParsed(p); err != nil {
		return err
	}
	c := Copy{Path: p.Path, Size: p.Size, MTime: p.MTime, SHA256: p.sha(), Moved: p.Moved, ExtractorVersion: p.ExtractorVersion}
	return t.recordFile(c, p.refs(), p.taxonomy())
}

// recordFile records c, a file whose document (of content c.SHA256) is
// stored and makes the documents refs, as RecordParsed says.
func (t *txn) recordFile(c Copy, refs []index.Ref, taxonomy string) error {
	for _, gone := range c.Moved {
		if _, err := t.unlink(gone); err != nil {
			return err
		}
	}
	prev, err := t.source(c.Path)
	if err != nil {
		return err
	}
	rec := &SourceRecord{Path: c.Path, Size: c.Size, MTime: c.MTime, SHA256: c.SHA256, Status: StatusOK, Refs: refs,
		PipelineVersion: referat.Version, TaxonomyVersion: taxonomy, Updated: now(), ExtractorVersion: c.ExtractorVersion}
	if err := t.put(rec); err != nil {
		return err
	}
	if prev == nil || prev.SHA256 == "" || prev.SHA256 == c.SHA256 {
		return nil
	}
	shared, err := t.hasPaths(prev.SHA256)
	if err != nil || shared {
		return err
	}
	return t.queue(staleDeletes(prev.Refs, refs))
}

// A Copy is a file whose content the store holds already: its document
// is stored under SHA256 (another path gave it).
type Copy struct {
	Path             string
	Size             int64
	MTime            int64 // Unix nanoseconds
	SHA256           string
	Moved            []string // recorded paths of the same content that are gone: their records go
	ExtractorVersion int      // of the extractor that read the stored document
}

// ErrNoDocument: RecordCopy found no stored document of the content.
var ErrNoDocument = errors.New("the document of the content is not stored")

// RecordCopy records c in one transaction, as RecordParsed records a
// file with the stored document of c.SHA256, without reading or writing
// that document: the ids of its documents come from its docstats. It
// fails with ErrNoDocument, and records nothing, when the document is not
// stored.
func (s *Store) RecordCopy(c Copy) error {
	return s.update(func(t *txn) error { return t.recordCopy(c) })
}

func (t *txn) recordCopy(c Copy) error {
	v := t.docs.Get([]byte(c.SHA256))
	if v == nil {
		return ErrNoDocument
	}
	st, err := t.s.docStatsIn(t.stats, []byte(c.SHA256), v)
	if err != nil {
		return err
	}
	return t.recordFile(c, st.refs(), st.TaxonomyVersion)
}

// refs returns the ids of the documents the document of st makes: those
// of index.DocRefs, which reads only what DocStats keep.
func (st *DocStats) refs() []index.Ref {
	d := &referat.Document{Source: referat.Source{SHA256: st.SHA256}, Cases: make([]referat.Case, len(st.Cases))}
	for i, c := range st.Cases {
		d.Cases[i].Seq, d.Cases[i].Statements = c.Seq, make([]referat.Statement, c.Statements)
		for _, id := range c.Topics {
			d.Cases[i].Topics = append(d.Cases[i].Topics, referat.Topic{ID: id})
		}
	}
	return index.DocRefs(d)
}

// A Failure is a file that could not be read or analysed.
type Failure struct {
	Path  string
	Size  int64
	MTime int64  // Unix nanoseconds
	Cause string // ingest.CauseName of the error
	Error string // the error, without the file name
	// ExtractorVersion is the version of the extractor that failed.
	ExtractorVersion int
}

// RecordFailed records that a file failed. What its earlier content gave
// (hash, documents, whether Elasticsearch has them) is kept: a file that
// becomes damaged loses no data. A file that was a duplicate gave no
// documents (its meeting is another file's), so nothing of it is kept:
// its hash alone would name a document that does not exist.
func (s *Store) RecordFailed(f Failure) error {
	return s.update(func(t *txn) error { return t.recordFailed(f) })
}

func (t *txn) recordFailed(f Failure) error {
	rec := &SourceRecord{Path: f.Path, Size: f.Size, MTime: f.MTime, Status: StatusFailed, Cause: f.Cause,
		Error: f.Error, PipelineVersion: referat.Version, Updated: now(), ExtractorVersion: f.ExtractorVersion}
	prev, err := t.source(f.Path)
	if err != nil {
		return err
	}
	if prev != nil && prev.Status != StatusDuplicate {
		rec.SHA256, rec.Refs, rec.Synced, rec.TaxonomyVersion = prev.SHA256, prev.Refs, prev.Synced, prev.TaxonomyVersion
	}
	return t.put(rec)
}

// Touch records a new size and modification time for a file whose content
// has not changed. A path without a record is left alone.
func (s *Store) Touch(path string, size, mtime int64) error {
	return s.update(func(t *txn) error { return t.touch(path, size, mtime) })
}

func (t *txn) touch(path string, size, mtime int64) error {
	rec, err := t.source(path)
	if err != nil || rec == nil {
		return err
	}
	rec.Size, rec.MTime, rec.Updated = size, mtime, now()
	return t.put(rec)
}

// Forget removes the record of a file that is gone, and queues the deletes
// of its documents unless another path still has the same content.
func (s *Store) Forget(path string) error {
	return s.update(func(t *txn) error {
		rec, err := t.unlink(path)
		if err != nil || rec == nil || rec.SHA256 == "" {
			return err
		}
		shared, err := t.hasPaths(rec.SHA256)
		if err != nil || shared {
			return err
		}
		return t.queue(staleDeletes(rec.Refs, nil))
	})
}

// Retag stores d, a stored content analysed again (with another taxonomy),
// and updates every record of that content: the ids of its documents, its
// taxonomy version, and not yet confirmed by Elasticsearch; the deletes of
// the documents d no longer makes are queued.
func (s *Store) Retag(d *referat.Document) error {
	return s.update(func(t *txn) error { return t.retag(d) })
}

func (t *txn) retag(d *referat.Document) error {
	if err := t.putDocument(d); err != nil {
		return err
	}
	prevs, err := t.sourcesOf(d.Source.SHA256)
	if err != nil {
		return err
	}
	refs := index.DocRefs(d)
	for _, prev := range prevs {
		if !prev.Synced && prev.TaxonomyVersion == d.TaxonomyVersion && sameRefs(prev.Refs, refs) {
			continue // pending already, with these ids: nothing to change (a first ingest's thread linking)
		}
		rec := *prev
		rec.Refs, rec.TaxonomyVersion, rec.Synced, rec.Updated = refs, d.TaxonomyVersion, false, now()
		if err := t.put(&rec); err != nil {
			return err
		}
		if err := t.queue(staleDeletes(prev.Refs, refs)); err != nil {
			return err
		}
	}
	return nil
}

// PendingDeletes returns up to n deletes that Elasticsearch has not
// confirmed, in key order.
func (s *Store) PendingDeletes(n int) ([]index.Action, error) {
	var out []index.Action
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketPending).Cursor()
		for k, v := c.First(); k != nil && len(out) < n; k, v = c.Next() {
			var a index.Action
			if err := s.decode(v, &a); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// Unconfirmed returns the records of the files whose documents
// Elasticsearch has not all confirmed, in path order. Failed files that
// never gave a document are not among them; a failed file that keeps the
// documents of its earlier content is.
func (s *Store) Unconfirmed() ([]SourceRecord, error) {
	return s.UnconfirmedAfter("", math.MaxInt)
}

// UnconfirmedAfter returns the first n of the records Unconfirmed
// returns whose paths come after the path after ("": from the first):
// a caller pages through them, giving the last path it got, and holds n
// at a time however many files there are.
func (s *Store) UnconfirmedAfter(after string, n int) ([]SourceRecord, error) {
	var out []SourceRecord
	err := s.scan(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSources).Cursor()
		k, v := c.Seek([]byte(after))
		if k != nil && after != "" && string(k) == after {
			k, v = c.Next()
		}
		trim := scanTrim{s: s, tx: tx}
		for ; k != nil && len(out) < n; k, v = c.Next() {
			trim.read(v)
			var rec SourceRecord
			if err := s.decode(v, &rec); err != nil {
				return err
			}
			if rec.unconfirmed() {
				rec.Path = string(k) // the key keeps the bytes JSON may not
				out = append(out, rec)
			}
		}
		return nil
	})
	return out, err
}

// CountUnconfirmed returns how many records Unconfirmed returns.
func (s *Store) CountUnconfirmed() (int, error) {
	n := 0
	err := s.Sources(func(rec *SourceRecord) bool {
		if rec.unconfirmed() {
			n++
		}
		return true
	})
	return n, err
}

// unconfirmed reports whether rec has documents Elasticsearch has not
// all confirmed.
func (rec *SourceRecord) unconfirmed() bool {
	return (rec.Status == StatusOK || rec.SHA256 != "") && !rec.Synced
}

// Confirm records that Elasticsearch has the documents of recs, as they
// are now (a record whose content or taxonomy changed since is left
// alone), and has carried out the deletes.
func (s *Store) Confirm(recs []SourceRecord, deletes []index.Action) error {
	return s.update(func(t *txn) error {
		for _, r := range recs {
			cur, err := t.source(r.Path)
			if err != nil {
				return err
			}
			if cur == nil || cur.SHA256 != r.SHA256 || cur.TaxonomyVersion != r.TaxonomyVersion {
				continue
			}
			cur.Synced = true
			if err := t.write(cur); err != nil {
				return err
			}
		}
		for _, a := range deletes {
			if err := t.pend.Delete(pendingKey(a)); err != nil {
				return err
			}
		}
		return nil
	})
}

// sameRefs reports whether a and b are the same refs in the same order.
func sameRefs(a, b []index.Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// staleDeletes returns the deletes of the documents in old that now lacks.
func staleDeletes(old, now []index.Ref) []index.Action {
	keep := map[index.Ref]bool{}
	for _, r := range now {
		keep[r] = true
	}
	var stale []index.Ref
	for _, r := range old {
		if !keep[r] {
			stale = append(stale, r)
		}
	}
	return index.Deletes(stale)
}

func now() time.Time { return time.Now().UTC() }
