package store

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// trim drops the store file's pages from this process's mapping of it
// (madvise MADV_DONTNEED on bbolt's read-only shared mapping): they stay
// in the page cache, and a later read maps them again at the cost of a
// minor fault. Without it every page a long run reads or writes stays
// counted in its resident set: a first ingest of 100,000 files grew to
// the store's size, 600 MB, and a scan of every entry mapped 200 MB
// around the few it read. A failure only leaves the pages mapped.
func (s *Store) trim() {
	_ = s.view(func(tx *bolt.Tx) error { s.trimIn(tx); return nil })
}

// trimIn is trim inside the transaction tx, which pins bbolt's mapping
// (bbolt cannot remap the file while a transaction is open).
func (s *Store) trimIn(tx *bolt.Tx) {
	// SYS_MADVISE takes the mapping's address as a number, which is
	// never converted back to a pointer.
	syscall.Syscall(syscall.SYS_MADVISE, s.db.Info().Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
