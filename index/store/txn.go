package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// A txn is one read-write transaction on the store's buckets. It remembers
// the hashes that lost a path, so that a hash no path has any more loses
// its document when the transaction ends.
type txn struct {
	s                       *Store
	tx                      *bolt.Tx
	src, docs, byHash, pend *bolt.Bucket
	entries, stats          *bolt.Bucket // derived.go
	meta                    *bolt.Bucket // threads.go
	touched                 map[string]bool
}

// update runs fn in one transaction.
func (s *Store) update(fn func(t *txn) error) error {
	return s.updateTx(func(tx *bolt.Tx) error { return s.newTxn(tx).do(fn) })
}

func (s *Store) newTxn(tx *bolt.Tx) *txn {
	t := &txn{s: s, tx: tx, src: tx.Bucket(bucketSources), docs: tx.Bucket(bucketDocuments), byHash: tx.Bucket(bucketByHash),
		pend: tx.Bucket(bucketPending), entries: tx.Bucket(bucketEntries), stats: tx.Bucket(bucketDocStats), meta: tx.Bucket(bucketMeta)}
	// Paths come mostly in order (a folder's files, sorted): pages
	// split half full, bbolt's default, stay half empty.
	t.src.FillPercent, t.entries.FillPercent = pathFill, pathFill
	return t
}

// pathFill is how full a page of the buckets keyed by path is left when
// it splits.
const pathFill = 0.9

// do runs fn, one change of state, and then removes the documents of the
// hashes that lost their last path in it.
func (t *txn) do(fn func(t *txn) error) error {
	t.touched = map[string]bool{}
	err := fn(t)
	t.s.touched(t.tx, 1)
	if err != nil {
		return err
	}
	for sha := range t.touched {
		if t.byHash.Get([]byte(sha)) == nil {
			if err := t.deleteDocument(sha); err != nil {
				return err
			}
		}
	}
	return nil
}

// source returns the record of path, or nil.
func (t *txn) source(path string) (*SourceRecord, error) {
	b := t.src.Get([]byte(path))
	if b == nil {
		return nil, nil
	}
	var rec SourceRecord
	err := t.s.decode(b, &rec)
	rec.Path = path // the key keeps the bytes JSON may not
	return &rec, err
}

// paths returns the recorded paths whose content has hash sha.
func (t *txn) paths(sha string) ([]string, error) {
	var paths pathList
	if b := t.byHash.Get([]byte(sha)); b != nil {
		return paths, t.s.decode(b, &paths)
	}
	return nil, nil
}

// sourcesOf returns the records of the paths whose content has hash sha
// (a path without a record is left out).
func (t *txn) sourcesOf(sha string) ([]*SourceRecord, error) {
	var recs []*SourceRecord
	_, err := t.eachSourceOf(sha, func(rec *SourceRecord) error {
		recs = append(recs, rec)
		return nil
	})
	return recs, err
}

// eachSourceOf calls fn with the record of each path whose content has
// hash sha (a path without a record is left out), one at a time, and
// returns how many it read. Each read counts towards the next trim of
// the mapping (resident.go) as it is made: a content of a thousand files
// maps no more of the store than trimReads reads do.
func (t *txn) eachSourceOf(sha string, fn func(*SourceRecord) error) (int, error) {
	paths, err := t.paths(sha)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range paths {
		rec, err := t.source(p)
		t.s.touched(t.tx, 1)
		if err != nil {
			return n, err
		}
		if rec == nil {
			continue
		}
		n++
		if err := fn(rec); err != nil {
			return n, err
		}
	}
	return n, nil
}

// hasPaths reports whether any recorded path has the content sha.
func (t *txn) hasPaths(sha string) (bool, error) {
	paths, err := t.paths(sha)
	return len(paths) > 0, err
}

// unlink removes the record of path and returns it (nil when there was
// none).
func (t *txn) unlink(path string) (*SourceRecord, error) {
	rec, err := t.source(path)
	if err != nil || rec == nil {
		return nil, err
	}
	if rec.SHA256 != "" {
		t.touched[rec.SHA256] = true
		if err := setPaths(t.s.path, t.byHash, rec.SHA256, path, false); err != nil {
			return nil, err
		}
	}
	if err := t.entries.Delete([]byte(path)); err != nil {
		return nil, err
	}
	return rec, t.src.Delete([]byte(path))
}

// put replaces the record of rec.Path with rec: the paths of the old and
// the new hash follow, and the deletes of the documents rec makes are no
// longer queued (a document that is wanted again is not to be deleted).
func (t *txn) put(rec *SourceRecord) error {
	if _, err := t.unlink(rec.Path); err != nil {
		return err
	}
	if err := t.write(rec); err != nil {
		return err
	}
	if rec.SHA256 != "" {
		if err := setPaths(t.s.path, t.byHash, rec.SHA256, rec.Path, true); err != nil {
			return err
		}
	}
	for _, r := range rec.Refs {
		if err := t.pend.Delete(pendingKey(index.Action{Index: r.Index, ID: r.ID})); err != nil {
			return err
		}
	}
	return nil
}

// write writes rec as it is, under its path.
func (t *txn) write(rec *SourceRecord) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := t.entries.Put([]byte(rec.Path), encodeEntry(rec)); err != nil {
		return err
	}
	return t.src.Put([]byte(rec.Path), b)
}

// putDocument stores d under its content hash.
func (t *txn) putDocument(d *referat.Document) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return t.putEncoded(b, statsOf(d))
}

// putEncoded stores a document encoded, b, with its DocStats st, under
// its content hash st.SHA256.
func (t *txn) putEncoded(b []byte, st *DocStats) error {
	sb, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if err := t.stats.Put([]byte(st.SHA256), sb); err != nil {
		return err
	}
	if err := t.markStale(); err != nil {
		return err
	}
	return t.docs.Put([]byte(st.SHA256), b)
}

// putParsed stores the document of p, encoded here or already.
func (t *txn) putParsed(p Parsed) error {
	if p.JSON != nil {
		return t.putEncoded(p.JSON, p.Stats)
	}
	return t.putDocument(p.Doc)
}

// deleteDocument removes the document of content sha and its docstats.
func (t *txn) deleteDocument(sha string) error {
	if t.docs.Get([]byte(sha)) != nil {
		if err := t.markStale(); err != nil {
			return err
		}
	}
	if err := t.stats.Delete([]byte(sha)); err != nil {
		return err
	}
	return t.docs.Delete([]byte(sha))
}

// queue queues deletes for Elasticsearch, replacing queued ones with the
// same index and id.
func (t *txn) queue(acts []index.Action) error {
	for _, a := range acts {
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if err := t.pend.Put(pendingKey(a), b); err != nil {
			return err
		}
	}
	return nil
}
