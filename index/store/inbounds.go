package store

import (
	"fmt"
	"os"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// inFile walks every key and value of every bucket, nested ones too, and
// returns an error naming the first whose bytes do not lie within the
// database file. It runs in the caller's goroutine (under view, where a
// fault is damage, not a crash) before bbolt's page check: that check
// runs in a goroutine of its own and prints a key it finds out of order
// whole, so a key whose length a damaged page gives as megabytes made a
// fault there that ended the process (seen in CI: "unexpected fault
// address" in hexKvStringer.KeyToString).
func (s *Store) inFile(tx *bolt.Tx) error {
	fi, err := os.Stat(s.path)
	if err != nil {
		return err
	}
	info := s.db.Info()
	lo, hi := info.Data, info.Data+uintptr(fi.Size())
	inside := func(b []byte) bool {
		if len(b) == 0 {
			return true
		}
		p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		end := p + uintptr(len(b))
		return p >= lo && end <= hi && end > p
	}
	// An inline bucket (root 0) lives in its parent's value, which bbolt
	// copies to the heap when it is not aligned: its keys and values are
	// then not in the file, but an inline bucket is smaller than a page.
	page := info.PageSize
	var walk func(b *bolt.Bucket, path string) error
	walk = func(b *bolt.Bucket, path string) error {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if b.Root() == 0 && len(k)+len(v) > page || b.Root() != 0 && (!inside(k) || !inside(v)) {
				return fmt.Errorf("bucket %s: a key of %d bytes and its value of %d bytes do not lie within the file", path, len(k), len(v))
			}
			if v != nil {
				continue
			}
			if nb := b.Bucket(k); nb != nil {
				if err := walk(nb, path+"/"+string(k)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(b, string(name)) })
}
