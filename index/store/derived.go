package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
)

// Two buckets are derived from the others, so that a run that changes
// nothing reads a few bytes per file instead of decoding every record
// (refs make a record several kilobytes) and every document (tens):
//
//	entries   path → Entry: size, modification time, hash, status and
//	          extractor version of the record, in a fixed binary layout
//	docstats  sha256 → DocStats of the document, JSON
//
// They are written in the same transaction as what they derive from
// (txn.write, txn.unlink, txn.putDocument, txn.deleteDocument), so they
// never disagree with it, except that thread linking writes the threads
// of cases into docstats alone, which then win over the document's
// (threads.go); a store written before they existed gets them
// when a writer opens it (fillDerived). Check verifies them.
var (
	bucketEntries  = []byte("entries")
	bucketDocStats = []byte("docstats")
	derivedBuckets = [][]byte{bucketEntries, bucketDocStats}
)

// An Entry is the part of a SourceRecord that tells whether a file
// changed: enough for a run that changes nothing.
type Entry struct {
	Path             string
	Size             int64
	MTime            int64 // Unix nanoseconds
	SHA256           string
	Status           string // StatusOK, StatusFailed or StatusDuplicate
	ExtractorVersion int
}

// entry layout: format byte 1, size and mtime (8 bytes each, big
// endian), status byte, extractor version (uvarint), then the hash.
const entryFormat = 1

var statusCodes = []string{StatusOK, StatusFailed, StatusDuplicate}

func encodeEntry(rec *SourceRecord) []byte {
	b := make([]byte, 0, 19+binary.MaxVarintLen64+len(rec.SHA256))
	b = append(b, entryFormat)
	b = binary.BigEndian.AppendUint64(b, uint64(rec.Size))
	b = binary.BigEndian.AppendUint64(b, uint64(rec.MTime))
	code := byte(len(statusCodes)) // an unknown status: Check lists it
	for i, s := range statusCodes {
		if s == rec.Status {
			code = byte(i)
		}
	}
	b = append(b, code)
	b = binary.AppendUvarint(b, uint64(rec.ExtractorVersion))
	return append(b, rec.SHA256...)
}

// decodeEntry decodes an entry of path; one that does not decode is
// damage.
func decodeEntry(db, path string, b []byte) (*Entry, error) {
	e := &Entry{}
	if err := decodeEntryInto(e, db, path, b); err != nil {
		return nil, err
	}
	return e, nil
}

// decodeEntryInto is decodeEntry into e, which it overwrites.
func decodeEntryInto(e *Entry, db, path string, b []byte) error {
	bad := func(what string) error {
		return &DamagedError{Path: db, Detail: fmt.Sprintf("the entry of %q %s", path, what)}
	}
	if len(b) < 19 || b[0] != entryFormat {
		return bad("is not an entry")
	}
	*e = Entry{Path: path, Size: int64(binary.BigEndian.Uint64(b[1:])), MTime: int64(binary.BigEndian.Uint64(b[9:]))}
	if int(b[17]) >= len(statusCodes) {
		return bad("has an unknown status")
	}
	e.Status = statusCodes[b[17]]
	v, n := binary.Uvarint(b[18:])
	if n <= 0 || v > 1<<31 {
		return bad("has a bad extractor version")
	}
	e.ExtractorVersion, e.SHA256 = int(v), string(b[18+n:])
	return nil
}

// trimEvery is how many values a scan reads between trims of the mapping
// (trim_linux.go): the pages around each are mapped too; trimBytes how
// many bytes of values (a document is tens of kilobytes).
const (
	trimEvery = 2048
	trimBytes = 4 << 20
)

// Entries calls fn with the entry of every recorded file, in path order,
// until fn returns false; all are read in one transaction. The *Entry is
// fn's only during the call (the next reuses it: a scan of every file
// allocates no Entry a file); its strings may be kept.
func (s *Store) Entries(fn func(*Entry) bool) error {
	return s.scan(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEntries)
		if b == nil { // a store a writer has not opened since entries were kept
			return s.entriesFromSources(tx, fn)
		}
		e := &Entry{}
		return s.eachTrimmed(tx, b, func(k, v []byte) error {
			if err := decodeEntryInto(e, s.path, string(k), v); err != nil {
				return err
			}
			if !fn(e) {
				return errStop
			}
			return nil
		})
	})
}

// scan runs fn in a read transaction that may read every value of a
// bucket: the mapping is trimmed afterwards, and fn ends the scan early
// by returning errStop.
func (s *Store) scan(fn func(tx *bolt.Tx) error) error {
	err := s.view(fn)
	s.trim()
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// eachTrimmed is b.ForEach(fn), trimming the mapping as a scanTrim says.
func (s *Store) eachTrimmed(tx *bolt.Tx, b *bolt.Bucket, fn func(k, v []byte) error) error {
	t := scanTrim{s: s, tx: tx}
	return b.ForEach(func(k, v []byte) error {
		t.read(v)
		return fn(k, v)
	})
}

// A scanTrim trims a scan's mapping every trimEvery values it reads, or
// trimBytes of them, whichever comes first.
type scanTrim struct {
	s        *Store
	tx       *bolt.Tx
	n, bytes int // since the last trim
}

// read counts v, read in the scan, and trims when it is time.
func (t *scanTrim) read(v []byte) {
	if t.n, t.bytes = t.n+1, t.bytes+len(v); t.n == trimEvery || t.bytes >= trimBytes {
		t.s.trimIn(t.tx)
		t.n, t.bytes = 0, 0
	}
}

func (s *Store) entriesFromSources(tx *bolt.Tx, fn func(*Entry) bool) error {
	return tx.Bucket(bucketSources).ForEach(func(k, v []byte) error {
		var rec SourceRecord
		if err := s.decode(v, &rec); err != nil {
			return err
		}
		rec.Path = string(k)
		if !fn(rec.entry()) {
			return errStop
		}
		return nil
	})
}

func (rec *SourceRecord) entry() *Entry {
	return &Entry{Path: rec.Path, Size: rec.Size, MTime: rec.MTime, SHA256: rec.SHA256, Status: rec.Status, ExtractorVersion: rec.ExtractorVersion}
}

// Entry returns the entry of path, or nil.
func (s *Store) Entry(path string) (*Entry, error) {
	var e *Entry
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		e, err = s.entryIn(tx, path)
		return err
	})
	return e, err
}

// EntriesOf returns the entries of paths, nil for a path with none, read
// in one transaction.
func (s *Store) EntriesOf(paths []string) ([]*Entry, error) {
	entries := make([]*Entry, len(paths))
	err := s.view(func(tx *bolt.Tx) error {
		for i, p := range paths {
			var err error
			if entries[i], err = s.entryIn(tx, p); err != nil {
				return err
			}
		}
		s.touched(tx, len(paths))
		return nil
	})
	return entries, err
}

func (s *Store) entryIn(tx *bolt.Tx, path string) (*Entry, error) {
	b := tx.Bucket(bucketEntries)
	if b == nil {
		v := tx.Bucket(bucketSources).Get([]byte(path))
		if v == nil {
			return nil, nil
		}
		var rec SourceRecord
		if err := s.decode(v, &rec); err != nil {
			return nil, err
		}
		rec.Path = path
		return rec.entry(), nil
	}
	v := b.Get([]byte(path))
	if v == nil {
		return nil, nil
	}
	return decodeEntry(s.path, path, v)
}

// HasDocument reports whether the document of content sha is stored,
// without decoding it.
func (s *Store) HasDocument(sha string) (bool, error) {
	var ok bool
	err := s.view(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bucketDocuments).Get([]byte(sha)) != nil
		return nil
	})
	return ok, err
}

// statsOf returns the DocStats of d, as stored in docstats.
func statsOf(d *referat.Document) *DocStats {
	st := &DocStats{SHA256: d.Source.SHA256, Date: d.Meeting.Date, Heading: d.Meeting.Title, TaxonomyVersion: d.TaxonomyVersion, Cases: make([]CaseStats, len(d.Cases))}
	for i, c := range d.Cases {
		cs := &st.Cases[i]
		cs.Seq, cs.Title, cs.Thread, cs.Statements = c.Seq, c.Title, c.Thread, len(c.Statements)
		for _, t := range c.Topics {
			cs.Topics = append(cs.Topics, t.ID)
		}
	}
	return st
}

// fillDerived makes the derived buckets a store lacks, from the records
// and documents, in the writer's transaction tx.
func (s *Store) fillDerived(tx *bolt.Tx) error {
	if tx.Bucket(bucketEntries) == nil {
		b, err := tx.CreateBucket(bucketEntries)
		if err != nil {
			return err
		}
		var putErr error
		err = s.entriesFromSources(tx, func(e *Entry) bool {
			rec := SourceRecord{Size: e.Size, MTime: e.MTime, SHA256: e.SHA256, Status: e.Status, ExtractorVersion: e.ExtractorVersion}
			putErr = b.Put([]byte(e.Path), encodeEntry(&rec))
			return putErr == nil
		})
		if putErr != nil {
			return putErr
		}
		if err != nil && err != errStop {
			return err
		}
	}
	if tx.Bucket(bucketDocStats) == nil {
		b, err := tx.CreateBucket(bucketDocStats)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketDocuments).ForEach(func(k, v []byte) error {
			var d statsDoc
			if err := s.decode(v, &d); err != nil {
				return err
			}
			st, err := json.Marshal(d.stats(string(k)))
			if err != nil {
				return err
			}
			return b.Put(k, st)
		})
	}
	return nil
}

// checkDerived lists where the derived buckets disagree with what they
// derive from: an entry that differs from its record, or is missing, or
// has no record; docstats missing, not decoding, or without a document.
func (s *Store) checkDerived(tx *bolt.Tx, add func(string, ...any)) {
	src, docs := tx.Bucket(bucketSources), tx.Bucket(bucketDocuments)
	if entries := tx.Bucket(bucketEntries); entries != nil {
		_ = src.ForEach(func(k, v []byte) error { // never fails: problems are listed
			var rec SourceRecord
			if s.decode(v, &rec) != nil {
				return nil // checkSources lists it
			}
			rec.Path = string(k)
			e, err := s.entryIn(tx, rec.Path)
			switch {
			case err != nil:
				add("source %q: %v", k, err)
			case e == nil:
				add("source %q: no entry", k)
			case *e != *rec.entry():
				add("source %q: its entry differs from its record", k)
			}
			return nil
		})
		_ = entries.ForEach(func(k, _ []byte) error {
			if src.Get(k) == nil {
				add("entry %q: no record", k)
			}
			return nil
		})
	}
	if stats := tx.Bucket(bucketDocStats); stats != nil {
		_ = docs.ForEach(func(k, _ []byte) error {
			var st DocStats
			if b := stats.Get(k); b == nil {
				add("document %s: no docstats", k)
			} else if err := s.decode(b, &st); err != nil {
				add("document %s: docstats: %v", k, err)
			}
			return nil
		})
		_ = stats.ForEach(func(k, _ []byte) error {
			if docs.Get(k) == nil {
				add("docstats %s: no document", k)
			}
			return nil
		})
	}
}
