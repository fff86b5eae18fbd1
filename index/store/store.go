package store

import (
	"encoding/json"
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// A Store is the local store: an embedded database (bbolt) in one file,
// DIR/referat.db, that holds
//
//	sources    path → SourceRecord: size, mtime, sha256, status, last error,
//	           the ids of its documents, pipeline and taxonomy versions
//	documents  sha256 → the extracted, analysed referat.Document
//	byhash     sha256 → the paths whose content it is
//	pending    index/id → a delete not yet confirmed by Elasticsearch
//	entries    path → Entry, docstats sha256 → DocStats: derived, see derived.go
//
// Every change of state is one method and one transaction (see
// record.go; a Batch commits several in one), so a crash leaves the previous state or the new one, never a
// torn one. Only one process may open a Store: a second gets ErrLocked.
type Store struct {
	Dir string // the folder
	// Snapshot is, for a reader that found a writer at work, the time of
	// the snapshot it reads (see the package documentation); else zero.
	Snapshot time.Time
	Writer   string // then: the writer, "pid N since TIME", or ""

	db     *bolt.DB
	path   string       // the database file read
	writer bool         // opened for writing
	dirty  bool         // written since opened
	reads  atomic.Int64 // values read since the mapping was last trimmed (resident.go)

	// mu is held shared by every transaction and exclusive by a reopen
	// of db (reopen.go) and by Close.
	mu          sync.RWMutex
	dirLock     *os.File      // the lock of the folder (lockDir), or nil
	lockTimeout time.Duration // the writer's Options.LockTimeout
	allocated   atomic.Int64  // bytes of pages allocated since db was opened
	reopens     int           // reopens of db so far
	broken      error         // a reopen failed: db is closed
}

var (
	bucketSources   = []byte("sources")
	bucketDocuments = []byte("documents")
	bucketByHash    = []byte("byhash")
	bucketPending   = []byte("pending")
	allBuckets      = [][]byte{bucketSources, bucketDocuments, bucketByHash, bucketPending}
)

// Source statuses.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// A SourceRecord is what the store knows of one source file.
type SourceRecord struct {
	Path   string      `json:"path"`
	Size   int64       `json:"size"`
	MTime  int64       `json:"mtime"` // Unix nanoseconds
	SHA256 string      `json:"sha256"`
	Status string      `json:"status"` // StatusOK or StatusFailed
	Cause  string      `json:"cause,omitempty"`
	Error  string      `json:"error,omitempty"`
	Refs   []index.Ref `json:"refs,omitempty"` // the documents it makes in Elasticsearch
	// Synced is true once Elasticsearch has confirmed every document of
	// the record's current content; until then they are pending.
	Synced          bool      `json:"synced"`
	PipelineVersion string    `json:"pipeline_version"`
	TaxonomyVersion string    `json:"taxonomy_version,omitempty"`
	Updated         time.Time `json:"updated"`
	// ExtractorVersion is the extractor version (pipeline.ExtractorVersion)
	// that read the file; 0 in records written before it was kept.
	ExtractorVersion int `json:"extractor_version,omitempty"`
	// DuplicateOf, DuplicateOfSHA256 and Similarity: for StatusDuplicate,
	// the path whose document holds the same meeting, that document's
	// content hash, and how alike the texts are.
	DuplicateOf       string  `json:"duplicate_of,omitempty"`
	DuplicateOfSHA256 string  `json:"duplicate_of_sha256,omitempty"`
	Similarity        float64 `json:"similarity,omitempty"`
}

// Source returns the record of path, or nil.
func (s *Store) Source(path string) (*SourceRecord, error) {
	rec, err := get[SourceRecord](s, bucketSources, path)
	if rec != nil {
		rec.Path = path // the key keeps the bytes JSON may not
	}
	return rec, err
}

// PathsOf returns the recorded paths whose content has the given hash.
func (s *Store) PathsOf(sha string) ([]string, error) {
	var paths pathList
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketByHash).Get([]byte(sha)); b != nil {
			return s.decode(b, &paths)
		}
		return nil
	})
	return paths, err
}

// Document returns the stored document with the given content hash, or nil.
// Its cases' threads are those of its docstats (threads.go).
func (s *Store) Document(sha string) (*referat.Document, error) {
	var d *referat.Document
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		d, err = s.documentIn(tx, sha)
		return err
	})
	return d, err
}

// setPaths adds path to, or removes it from, the paths of sha, in the
// database file db.
func setPaths(db string, byHash *bolt.Bucket, sha, path string, add bool) error {
	var paths pathList
	if b := byHash.Get([]byte(sha)); b != nil {
		if err := decodeIn(db, b, &paths); err != nil {
			return err
		}
	}
	out := paths[:0]
	for _, p := range paths {
		if p != path {
			out = append(out, p)
		}
	}
	if add {
		out = append(out, path)
	}
	if len(out) == 0 {
		return byHash.Delete([]byte(sha))
	}
	b, err := json.Marshal(pathList(out))
	if err != nil {
		return err
	}
	return byHash.Put([]byte(sha), b)
}

func pendingKey(a index.Action) []byte { return []byte(a.Index + "\x00" + a.ID) }

// Sources calls fn for every source record, in path order, until fn
// returns false.
func (s *Store) Sources(fn func(*SourceRecord) bool) error {
	return each(s, bucketSources, func(k []byte, rec *SourceRecord) bool {
		rec.Path = string(k) // the key keeps the bytes JSON may not
		return fn(rec)
	})
}

// Documents calls fn for every stored document, in hash order, until fn
// returns false. Documents are decoded one at a time, with their
// threads as Document gives them.
func (s *Store) Documents(fn func(*referat.Document) bool) error {
	return s.scan(func(tx *bolt.Tx) error { return s.eachDocument(tx, fn) })
}

// each decodes every value of a bucket in key order and calls fn with it,
// until fn returns false.
func each[T any](s *Store, bucket []byte, fn func(key []byte, v *T) bool) error {
	return s.scan(func(tx *bolt.Tx) error {
		return s.eachTrimmed(tx, tx.Bucket(bucket), func(k, v []byte) error {
			var x T
			if err := s.decode(v, &x); err != nil {
				return err
			}
			if !fn(k, &x) {
				return errStop
			}
			return nil
		})
	})
}

// get decodes the value of key in a bucket, or returns nil.
func get[T any](s *Store, bucket []byte, key string) (*T, error) {
	var x *T
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucket).Get([]byte(key)); b != nil {
			x = new(T)
			return s.decode(b, x)
		}
		return nil
	})
	return x, err
}

var errStop = errors.New("stop")
