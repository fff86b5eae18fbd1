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
// the store's size, 600 MB. It runs in a read transaction, during which
// bbolt cannot remap the file. A failure only leaves the pages mapped.
func (s *Store) trim() {
	_ = s.view(func(tx *bolt.Tx) error {
		info := s.db.Info()
		// The address is bbolt's mapping, which the transaction pins;
		// SYS_MADVISE takes it as a number, without converting it back
		// to a pointer.
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
		if errno != 0 {
			return errno
		}
		return nil
	})
}
