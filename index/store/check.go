package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// maxProblems bounds the problems Check lists.
const maxProblems = 50

// A CheckReport is what Check found.
type CheckReport struct {
	Path      string   `json:"path"` // the database file checked
	Sources   int      `json:"sources"`
	Documents int      `json:"documents"`
	Pending   int      `json:"pending_deletes"`
	Problems  []string `json:"problems"` // empty: the store is sound; at most 50
}

// Check verifies the store: it reads every record and document (each must
// decode), checks referat's invariants (a recorded file's document
// exists, the paths of a content agree with the records, pending deletes
// are well formed and under their own key, every record has a pipeline
// version), then runs bbolt's consistency check of the pages. Damage it
// meets while reading is a problem, not a crash; the error is non-nil only
// when the store could not be read at all.
func (s *Store) Check() (*CheckReport, error) {
	r := &CheckReport{Path: s.path, Problems: []string{}}
	add := func(format string, args ...any) {
		for i, a := range args {
			var d *DamagedError
			if err, ok := a.(error); ok && errors.As(err, &d) {
				args[i] = d.Detail
			}
		}
		if len(r.Problems) < maxProblems {
			r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
		}
	}
	err := s.view(func(tx *bolt.Tx) error {
		s.checkSources(tx, r, add)
		s.checkDocuments(tx, r, add)
		s.checkPending(tx, r, add)
		s.checkDerived(tx, add)
		return nil
	})
	if err != nil {
		add("%v", err)
		return r, nil
	}
	err = s.view(func(tx *bolt.Tx) error {
		if err := s.inFile(tx); err != nil {
			add("pages: %v", err) // bbolt's check could fault on it
			return nil
		}
		for e := range tx.Check(bolt.WithKVStringer(lengthsOnly{})) {
			// bbolt reports a page it could not follow as "panic: …";
			// to the user it is one more thing found wrong.
			add("pages: %s", strings.TrimPrefix(e.Error(), "panic: "))
		}
		return nil
	})
	if err != nil {
		add("%v", err)
	}
	return r, nil
}

func (s *Store) checkSources(tx *bolt.Tx, r *CheckReport, add func(string, ...any)) {
	docs, byHash := tx.Bucket(bucketDocuments), tx.Bucket(bucketByHash)
	_ = tx.Bucket(bucketSources).ForEach(func(k, v []byte) error { // never fails: problems are listed
		r.Sources++
		var rec SourceRecord
		if err := s.decode(v, &rec); err != nil {
			add("source %q: %v", k, err)
			return nil
		}
		if rec.PipelineVersion == "" {
			add("source %q: no pipeline version", k)
		}
		if rec.Status != StatusOK && rec.Status != StatusFailed && rec.Status != StatusDuplicate {
			add("source %q: status %q", k, rec.Status)
		}
		if rec.SHA256 == "" {
			if rec.Status == StatusOK {
				add("source %q: recorded as read but without a content hash", k)
			}
			return nil
		}
		if rec.Status != StatusDuplicate && docs.Get([]byte(rec.SHA256)) == nil { // a duplicate's meeting is another's document
			add("source %q: its document %s is missing", k, rec.SHA256)
		}
		var paths pathList
		if b := byHash.Get([]byte(rec.SHA256)); b == nil || s.decode(b, &paths) != nil || !containsPath(paths, k) {
			add("source %q: not among the paths of its content %s", k, rec.SHA256)
		}
		return nil
	})
}

func containsPath(paths []string, k []byte) bool {
	for _, p := range paths {
		if p == string(k) {
			return true
		}
	}
	return false
}

func (s *Store) checkDocuments(tx *bolt.Tx, r *CheckReport, add func(string, ...any)) {
	byHash := tx.Bucket(bucketByHash)
	_ = tx.Bucket(bucketDocuments).ForEach(func(k, v []byte) error { // never fails
		r.Documents++
		var d referat.Document
		if err := s.decode(v, &d); err != nil {
			add("document %s: %v", k, err)
			return nil
		}
		if d.Source.SHA256 != string(k) {
			add("document %s: holds the content %s", k, d.Source.SHA256)
		}
		if byHash.Get(k) == nil {
			add("document %s: no file has this content", k)
		}
		return nil
	})
}

func (s *Store) checkPending(tx *bolt.Tx, r *CheckReport, add func(string, ...any)) {
	_ = tx.Bucket(bucketPending).ForEach(func(k, v []byte) error { // never fails
		r.Pending++
		var a index.Action
		if err := s.decode(v, &a); err != nil {
			add("pending delete %q: %v", k, err)
			return nil
		}
		if !a.Delete || a.Index == "" || a.ID == "" || !bytes.Equal(pendingKey(a), k) {
			add("pending delete %q: not a well-formed delete (%s/%s)", k, a.Index, a.ID)
		}
		return nil
	})
}

// Salvage returns the paths recorded in the store in dir, as far as they
// can be read from the store file and from its snapshot: for rebuilding a
// damaged store. It reads only keys and never fails on damage; the error
// is non-nil when another process holds the store (ErrLocked) or neither
// file could be read.
func Salvage(dir string, lockTimeout time.Duration) ([]string, error) {
	seen := map[string]bool{}
	var paths []string
	var firstErr error
	for _, name := range []string{DBFile, SnapshotFile} {
		path := filepath.Join(dir, name)
		_, err := os.Stat(path)
		if err != nil {
			continue
		}
		var s *Store
		if name == DBFile {
			s, err = openLive(dir, path, lockTimeout) // the folder's lock too: see reopen.go
		} else {
			s, err = openFile(path, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
		}
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, &LockedError{Path: path, Holder: holder(dir), Waited: lockTimeout}
		}
		if err != nil {
			firstErr = err
			continue
		}
		// Damage part way keeps the paths read before it.
		_ = s.view(func(tx *bolt.Tx) error {
			if b := tx.Bucket(bucketSources); b != nil {
				return b.ForEach(func(k, _ []byte) error {
					if !seen[string(k)] {
						seen[string(k)] = true
						paths = append(paths, string(k))
					}
					return nil
				})
			}
			return nil
		})
		_ = s.db.Close() // read-only
		closeLock(s.dirLock)
	}
	if len(paths) == 0 && firstErr != nil {
		return nil, firstErr
	}
	return paths, nil
}

// SetAside renames the store file in dir to referat.db.damaged-TIME (UTC)
// and returns the new name; it is never deleted. It returns "" when there
// is no store file, and fails with ErrLocked when another process has the
// store open.
func SetAside(dir string, lockTimeout time.Duration) (string, error) {
	path := filepath.Join(dir, DBFile)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	lock, err := lockDir(dir, true, lockTimeout) // a writer holds it across its reopens
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return "", &LockedError{Path: path, Holder: holder(dir), Waited: lockTimeout, Writing: true}
		}
		return "", err
	}
	defer closeLock(lock)
	deadline := time.Now().Add(lockTimeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if err != syscall.EWOULDBLOCK || time.Now().After(deadline) {
			return "", &LockedError{Path: path, Holder: holder(dir), Waited: lockTimeout, Writing: true}
		}
		time.Sleep(50 * time.Millisecond)
	}
	aside := fmt.Sprintf("%s.damaged-%s", path, time.Now().UTC().Format("20060102T150405Z"))
	if err := os.Rename(path, aside); err != nil {
		return "", err
	}
	return aside, nil
}

// lengthsOnly is the key and value printer of bbolt's page check: it
// names their lengths and reads none of their bytes. bbolt prints a key
// it finds out of order, and a damaged branch page (which inFile's walk
// of the leaves does not see) can give a key a length that reaches past
// the mapping: its default printer, hex of the whole key, then faulted in
// the check's own goroutine, where no recover helps, and ended the
// process (seen in TestDamagedStore, 1 run in ~100, "flipped bytes").
type lengthsOnly struct{}

func (lengthsOnly) KeyToString(k []byte) string { return fmt.Sprintf("(a key of %d bytes)", len(k)) }
func (lengthsOnly) ValueToString(v []byte) string {
	return fmt.Sprintf("(a value of %d bytes)", len(v))
}
