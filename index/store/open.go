package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// File names in a store folder.
const (
	DBFile       = "referat.db"          // the store
	SnapshotFile = "referat.snapshot.db" // a consistent copy for readers, written by the writer
	holderFile   = "writer.pid"          // the pid of the process that has the store open for writing
)

// DefaultLockTimeout is how long Open waits for a lock another process
// holds when Options.LockTimeout is 0.
const DefaultLockTimeout = time.Minute

// The store's causes of failure; errors.Is classifies them.
var (
	// ErrLocked: another process holds the lock longer than the lock
	// timeout (a *LockedError names the store and the process).
	ErrLocked = errors.New("the store is in use by another referat process")
	// ErrNoStore: a read-only Open of a folder that holds no store.
	ErrNoStore = errors.New("no store")
	// ErrDamagedStore: the store file is damaged (truncated, garbage
	// pages, bytes that do not decode); a *DamagedError names the file.
	ErrDamagedStore = errors.New("the store is damaged")
)

// Options say how Open opens a store.
type Options struct {
	// ReadOnly opens for reading only: nothing is created or written, a
	// folder without a store gives ErrNoStore, and while a writer holds
	// the store the snapshot it left is read. Default false: open for
	// writing, creating the store when there is none.
	ReadOnly bool
	// LockTimeout bounds the wait for a lock another process holds.
	// Default (0): DefaultLockTimeout.
	LockTimeout time.Duration
}

// A LockedError reports a store another process held for longer than the
// lock timeout.
type LockedError struct {
	Path    string        // the database file
	Holder  string        // "pid N since TIME" of the writer, or "" when unknown
	Waited  time.Duration // the lock timeout
	Writing bool          // the lock was wanted for writing
}

func (e *LockedError) Error() string {
	who := "another referat process"
	if e.Holder != "" {
		who += " (" + e.Holder + ")"
	}
	return fmt.Sprintf("the store %s is in use by %s; gave up after waiting %s", e.Path, who, e.Waited)
}

func (e *LockedError) Unwrap() error { return ErrLocked }

// A DamagedError reports a damaged store file.
type DamagedError struct {
	Path   string // the database file
	Detail string // what was found, one line
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("the store %s is damaged (%s)", e.Path, e.Detail)
}

func (e *DamagedError) Unwrap() error { return ErrDamagedStore }

// A NoStoreError reports a folder without a store.
type NoStoreError struct{ Dir string }

func (e *NoStoreError) Error() string {
	return fmt.Sprintf("no store in %s", e.Dir)
}

func (e *NoStoreError) Unwrap() error { return ErrNoStore }

// OpenStore opens the store in dir for writing, creating it if need be;
// it is Open(dir, Options{}).
func OpenStore(dir string) (*Store, error) { return Open(dir, Options{}) }

// Open opens the store in dir as opts say. See the package documentation
// for how readers and the writer share a store.
func Open(dir string, opts Options) (*Store, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	if opts.ReadOnly {
		return openReader(dir, opts)
	}
	return openWriter(dir, opts)
}

func openWriter(dir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, DBFile)
	lock, err := lockDir(dir, true, opts.LockTimeout)
	if err == nil {
		var s *Store
		if s, err = openFile(path, &bolt.Options{Timeout: opts.LockTimeout}); err == nil {
			s.dirLock, s.lockTimeout = lock, opts.LockTimeout
			return s.startWriter(dir)
		}
		closeLock(lock)
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, &LockedError{Path: path, Holder: holder(dir), Waited: opts.LockTimeout, Writing: true}
	}
	return nil, err
}

// closeLock releases a lock of lockDir.
func closeLock(lock *os.File) {
	if lock != nil {
		lock.Close()
	}
}

// startWriter makes what a writer needs in s, just opened; on an error
// it closes s.
func (s *Store) startWriter(dir string) (*Store, error) {
	s.Dir, s.writer = dir, true
	err := s.makeBuckets()
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, holderFile), []byte(fmt.Sprintf("pid %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))), 0o644)
	}
	if err == nil {
		err = s.snapshotIfStale()
	}
	if err != nil {
		s.db.Close()
		closeLock(s.dirLock)
		return nil, err
	}
	s.dirty = false
	return s, nil
}

func openReader(dir string, opts Options) (*Store, error) {
	path := filepath.Join(dir, DBFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, &NoStoreError{Dir: dir}
	}
	// One try at once; a writer holding the store leaves a snapshot. The
	// folder's lock is tried first: a writer holds it across its reopens
	// of the file (reopen.go).
	s, err := openLive(dir, path, time.Millisecond)
	if errors.Is(err, bolterrors.ErrTimeout) {
		snap := filepath.Join(dir, SnapshotFile)
		if fi, serr := os.Stat(snap); serr == nil {
			s, err = openFile(snap, &bolt.Options{ReadOnly: true, Timeout: opts.LockTimeout})
			if err == nil {
				s.Snapshot, s.Writer = fi.ModTime(), holder(dir)
			}
		} else {
			s, err = openLive(dir, path, opts.LockTimeout)
		}
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, &LockedError{Path: path, Holder: holder(dir), Waited: opts.LockTimeout}
	}
	if err != nil {
		return nil, err
	}
	s.Dir = dir
	return s, nil
}

// openLive opens the database file path of the store in dir for reading,
// with the folder's lock held shared until the Store is closed, each
// lock waited for up to timeout.
func openLive(dir, path string, timeout time.Duration) (*Store, error) {
	lock, err := lockDir(dir, false, timeout)
	if err != nil {
		return nil, err
	}
	s, err := openFile(path, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		closeLock(lock)
		return nil, err
	}
	s.dirLock = lock
	return s, nil
}

// openFile opens one database file and checks that its pages lie inside
// it: a damaged file gives a *DamagedError, never a crash.
func openFile(path string, o *bolt.Options) (s *Store, err error) {
	defer recoverDamage(path, &err)
	db, err := bolt.Open(path, 0o644, o)
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, err
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum),
		errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrInvalidMapping):
		return nil, &DamagedError{Path: path, Detail: err.Error()}
	case err != nil:
		if strings.Contains(err.Error(), "file size too small") {
			return nil, &DamagedError{Path: path, Detail: err.Error()}
		}
		return nil, fmt.Errorf("opening the store %s: %w", path, err)
	}
	s = &Store{db: db, path: path}
	if err := s.checkSize(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkSize fails when the file is shorter than the pages its meta page
// counts (a truncated file), which would fault when mapped pages past its
// end are read.
func (s *Store) checkSize() error {
	fi, err := os.Stat(s.path)
	if err != nil {
		return err
	}
	return s.view(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return &DamagedError{Path: s.path, Detail: fmt.Sprintf("truncated: %d bytes of %d", fi.Size(), tx.Size())}
		}
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil && s.db.IsReadOnly() { // a writer makes them
				return &DamagedError{Path: s.path, Detail: fmt.Sprintf("no bucket %q", b)}
			}
		}
		return nil
	})
}

// makeBuckets makes the buckets a new store lacks, and the derived
// buckets (derived.go) a store written before them lacks; a store that
// has them all is not written.
func (s *Store) makeBuckets() error {
	missing := false
	err := s.view(func(tx *bolt.Tx) error {
		for _, b := range append(append(allBuckets, derivedBuckets...), bucketMeta) {
			missing = missing || tx.Bucket(b) == nil
		}
		return nil
	})
	if err != nil || !missing {
		return err
	}
	return s.updateTx(func(tx *bolt.Tx) error {
		for _, b := range append(allBuckets, bucketMeta) {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return s.fillDerived(tx)
	})
}

// holder describes the process that has the store in dir open for
// writing, from the file it leaves, or returns "".
func holder(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, holderFile))
	if err != nil {
		return ""
	}
	h := strings.TrimSpace(string(b))
	if f := strings.Fields(h); len(f) >= 2 {
		if pid, err := strconv.Atoi(f[1]); err == nil {
			if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); errors.Is(err, fs.ErrNotExist) {
				h += ", not running any more"
			}
		}
	}
	return h
}

// snapshotIfStale writes the snapshot when there is none or it is older
// than the store.
func (s *Store) snapshotIfStale() error {
	db, err := os.Stat(s.path)
	if err != nil {
		return err
	}
	snap, err := os.Stat(filepath.Join(s.Dir, SnapshotFile))
	if err == nil && !snap.ModTime().Before(db.ModTime()) {
		return nil
	}
	return s.writeSnapshot()
}

// writeSnapshot writes a consistent copy of the store to SnapshotFile,
// through a temporary file renamed over it: readers that have the old
// one open keep reading it.
func (s *Store) writeSnapshot() (err error) {
	old, _ := filepath.Glob(filepath.Join(s.Dir, "snapshot-*.tmp"))
	for _, o := range old {
		os.Remove(o) // left by a writer that was killed
	}
	f, err := os.CreateTemp(s.Dir, "snapshot-*.tmp")
	if err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("writing the snapshot %s: %w", filepath.Join(s.Dir, SnapshotFile), err)
		}
	}()
	if err := s.view(func(tx *bolt.Tx) error { _, err := tx.WriteTo(f); return err }); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(s.Dir, SnapshotFile))
}

// Close closes the store and releases its lock. A writer that changed
// the store first writes the snapshot readers use while the next writer
// runs; an error doing so is returned, the store itself being closed and
// intact.
func (s *Store) Close() error {
	var snapErr error
	if s.writer {
		if s.dirty {
			snapErr = s.writeSnapshot()
		}
		os.Remove(filepath.Join(s.Dir, holderFile))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer closeLock(s.dirLock) // after the file's lock
	if s.broken != nil {
		return s.broken
	}
	if err := s.db.Close(); err != nil {
		return err
	}
	return snapErr
}
