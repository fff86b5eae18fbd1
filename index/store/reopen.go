package store

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// bbolt keeps, for as long as a database is open, a map of every page it
// handed out again from its freelist to the transaction that took it
// (the freelist's allocs); only Close empties it. A first ingest rewrites
// the store copy-on-write all the way, so the map grew with the files:
// 1 MB live at 100,000 files, 4 MB at 500,000, twice that resident under
// the collector's goal. The writer therefore closes and reopens its
// database once its transactions have allocated reopenAlloc bytes of
// pages since it was opened, which bounds the map at reopenAlloc / 4 KB
// pages.
//
// No transaction crosses a reopen: every transaction holds Store.mu
// shared (view, updateTx), and the reopen takes it exclusive with
// TryLock after a write transaction has ended, so it never waits: when a
// transaction is open (another goroutine's read, or the caller's own
// outer one) the reopen is left to a later commit. Nothing ever waits
// for mu exclusively but Close, so transactions inside transactions
// cannot deadlock on it.
//
// bbolt releases its flock of the file on Close; the store's own lock of
// its folder (lockDir), which every writer and reader of this package
// takes first and holds while the store is open, is held across the
// reopen, so another process can neither write nor read the live file
// in between (a reader reads the snapshot then, as whenever a writer is
// at work).
var reopenAlloc int64 = 64 << 20

// envReopen, when set to a number of bytes, replaces reopenAlloc: for
// tests in other packages and processes (pipeline's chaos test reopens
// every few commits with it), never needed in use.
const envReopen = "REFERAT_TEST_STORE_REOPEN"

func init() {
	if n, err := strconv.ParseInt(os.Getenv(envReopen), 10, 64); err == nil && n > 0 {
		reopenAlloc = n
	}
}

// reopenHook, when set (tests), runs between the close and the open of
// a reopen.
var reopenHook func()

// noteAlloc records, inside a transaction, how many bytes of pages the
// database's write transactions have allocated since it was opened.
func (s *Store) noteAlloc() {
	st := s.db.Stats()
	s.allocated.Store(st.TxStats.GetPageAlloc())
}

// maybeReopen reopens the writer's database when its transactions have
// allocated reopenAlloc bytes of pages since it was opened and no
// transaction is open; else it does nothing.
func (s *Store) maybeReopen() {
	if s.dirLock == nil || s.allocated.Load() < reopenAlloc || !s.mu.TryLock() {
		return
	}
	defer s.mu.Unlock()
	if st := s.db.Stats(); s.broken != nil || st.TxStats.GetPageAlloc() < reopenAlloc {
		return
	}
	if err := s.db.Close(); err != nil {
		s.broken = fmt.Errorf("reopening the store %s: %w", s.path, err)
		return
	}
	if reopenHook != nil {
		reopenHook()
	}
	db, err := bolt.Open(s.path, 0o644, &bolt.Options{Timeout: s.lockTimeout})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout): // a reader of an older referat took the file
		s.broken = &LockedError{Path: s.path, Holder: "a reader", Waited: s.lockTimeout, Writing: true}
	case err != nil:
		s.broken = fmt.Errorf("reopening the store %s: %w", s.path, err)
	default:
		s.db = db
		s.reopens++
		s.allocated.Store(0)
	}
}
