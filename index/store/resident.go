package store

import bolt "go.etcd.io/bbolt"

// A read of a value maps the pages around it too: the kernel maps up to
// 64 KB of the page cache around a page faulted in, so a thousand point
// reads of a 200 MB store (a run's lookups of entries, or relinking a
// content with a thousand files) leave tens of megabytes resident until
// the mapping is trimmed (trim_linux.go). The store therefore counts the
// values read, by read transactions and by the changes of write
// transactions, and trims after every trimReads of them, whichever
// transaction reads: a run's resident set stays within about
// trimReads × 64 KB of the store, however many files it looks at.
// (Scans trim on their own: scanTrim.)
const trimReads = 256

// touched counts n values read in tx, which pins the mapping, and trims
// it when trimReads have been read since the last trim.
func (s *Store) touched(tx *bolt.Tx, n int) {
	if s.reads.Add(int64(n)) >= trimReads {
		s.reads.Store(0)
		s.trimIn(tx)
	}
}
