package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestBucketStoredAsValue: a flipped bit can turn a top-level bucket's
// entry into a plain value. Opening the store to write (which makes
// missing buckets) and reading it both end in a *DamagedError naming the
// file, not in bbolt's bare "incompatible value".
func TestBucketStoredAsValue(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	s, err := OpenStore(dir)
	must(t, err)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("abc", 1)}))
	must(t, s.Close())
	db := filepath.Join(dir, DBFile)
	b, err := os.ReadFile(db)
	must(t, err)
	if !clearBucketFlag(b, bucketDocuments) {
		t.Fatalf("no bucket element %q in %s", bucketDocuments, db)
	}
	must(t, os.WriteFile(db, b, 0o644))

	for _, tc := range []struct {
		name string
		open func() (*Store, error)
	}{
		{name: "writer", open: func() (*Store, error) { return OpenStore(dir) }},
		{name: "reader", open: func() (*Store, error) { return Open(dir, Options{ReadOnly: true}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.open()
			if err == nil {
				err = s.Sources(func(*SourceRecord) bool { return true })
				if err == nil {
					_, err = s.Document("abc")
				}
				s.Close()
			}
			var d *DamagedError
			if !errors.As(err, &d) || !errors.Is(err, ErrDamagedStore) || d.Path != db {
				t.Fatalf("got %v (%T), want a *DamagedError of %s", err, err, db)
			}
		})
	}
}

// clearBucketFlag finds, in the leaf pages of a bbolt file, the elements
// whose key is name and whose flags mark a bucket (the live root and any
// older copy), and clears the flag, as a flipped bit would. It reports
// whether it found one.
func clearBucketFlag(b, name []byte) bool {
	found := false
	const (
		pageSize   = 4096
		headerSize = 16 // id 8, flags 2, count 2, overflow 4
		leafFlag   = 0x02
		elemSize   = 16 // flags 4, pos 4, ksize 4, vsize 4
		bucketLeaf = 0x01
	)
	for p := 0; p+pageSize <= len(b); p += pageSize {
		if binary.LittleEndian.Uint16(b[p+8:]) != leafFlag {
			continue
		}
		n := int(binary.LittleEndian.Uint16(b[p+10:]))
		for i := 0; i < n; i++ {
			e := p + headerSize + i*elemSize
			if e+elemSize > len(b) {
				break
			}
			flags := binary.LittleEndian.Uint32(b[e:])
			pos := int(binary.LittleEndian.Uint32(b[e+4:]))
			ksize := int(binary.LittleEndian.Uint32(b[e+8:]))
			if k := e + pos; flags&bucketLeaf != 0 && k+ksize <= len(b) && bytes.Equal(b[k:k+ksize], name) {
				binary.LittleEndian.PutUint32(b[e:], flags&^bucketLeaf)
				found = true
			}
		}
	}
	return found
}
