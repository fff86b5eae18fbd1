package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

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
//
// Every change of state is one method and one transaction (see
// record.go), so a crash leaves the previous state or the new one, never a
// torn one. Only one process may open a Store: a second gets ErrLocked.
type Store struct {
	db  *bolt.DB
	Dir string
}

// ErrLocked is returned by OpenStore when another process has the store open.
var ErrLocked = errors.New("the store is in use by another referat process")

var (
	bucketSources   = []byte("sources")
	bucketDocuments = []byte("documents")
	bucketByHash    = []byte("byhash")
	bucketPending   = []byte("pending")
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

// OpenStore opens (creating it if need be) the store in dir.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	db, err := bolt.Open(filepath.Join(dir, "referat.db"), 0o644, &bolt.Options{Timeout: 500 * time.Millisecond})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%w (%s)", ErrLocked, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("opening the store %s: %w", dir, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSources, bucketDocuments, bucketByHash, bucketPending} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("opening the store %s: %w", dir, err)
	}
	return &Store{db: db, Dir: dir}, nil
}

// Close closes the store and releases its lock.
func (s *Store) Close() error { return s.db.Close() }

// Source returns the record of path, or nil.
func (s *Store) Source(path string) (*SourceRecord, error) {
	return get[SourceRecord](s.db, bucketSources, path)
}

// PathsOf returns the recorded paths whose content has the given hash.
func (s *Store) PathsOf(sha string) ([]string, error) {
	var paths []string
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketByHash).Get([]byte(sha)); b != nil {
			return json.Unmarshal(b, &paths)
		}
		return nil
	})
	return paths, err
}

// Document returns the stored document with the given content hash, or nil.
func (s *Store) Document(sha string) (*referat.Document, error) {
	return get[referat.Document](s.db, bucketDocuments, sha)
}

// setPaths adds path to, or removes it from, the paths of sha.
func setPaths(byHash *bolt.Bucket, sha, path string, add bool) error {
	var paths []string
	if b := byHash.Get([]byte(sha)); b != nil {
		if err := json.Unmarshal(b, &paths); err != nil {
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
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return byHash.Put([]byte(sha), b)
}

func pendingKey(a index.Action) []byte { return []byte(a.Index + "\x00" + a.ID) }

// Sources calls fn for every source record, in path order, until fn
// returns false.
func (s *Store) Sources(fn func(*SourceRecord) bool) error {
	return each(s.db, bucketSources, fn)
}

// Documents calls fn for every stored document, in hash order, until fn
// returns false. Documents are decoded one at a time.
func (s *Store) Documents(fn func(*referat.Document) bool) error {
	return each(s.db, bucketDocuments, fn)
}

// each decodes every value of a bucket in key order and calls fn with it,
// until fn returns false.
func each[T any](db *bolt.DB, bucket []byte, fn func(*T) bool) error {
	err := db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).ForEach(func(k, v []byte) error {
			var x T
			if err := json.Unmarshal(v, &x); err != nil {
				return err
			}
			if !fn(&x) {
				return errStop
			}
			return nil
		})
	})
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// get decodes the value of key in a bucket, or returns nil.
func get[T any](db *bolt.DB, bucket []byte, key string) (*T, error) {
	var x *T
	err := db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucket).Get([]byte(key)); b != nil {
			x = new(T)
			return json.Unmarshal(b, x)
		}
		return nil
	})
	return x, err
}

var errStop = errors.New("stop")
