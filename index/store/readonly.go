package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrNoStore is returned by OpenReadOnly when dir holds no store.
var ErrNoStore = errors.New("no store")

// OpenReadOnly opens the store in dir for reading only: nothing is
// created or written, and other readers may have it open at the same
// time. A store that does not exist is ErrNoStore; one that a writer (a
// running ingest) holds is ErrLocked.
func OpenReadOnly(dir string) (*Store, error) {
	path := filepath.Join(dir, "referat.db")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w in %s (make one with 'referat ingest --store %s PDFS')", ErrNoStore, dir, dir)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true, Timeout: 500 * time.Millisecond})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%w (%s)", ErrLocked, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("opening the store %s: %w", dir, err)
	}
	err = db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSources, bucketDocuments, bucketByHash, bucketPending} {
			if tx.Bucket(b) == nil {
				return fmt.Errorf("opening the store %s: no %s bucket: not a referat store", dir, b)
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, Dir: dir}, nil
}
