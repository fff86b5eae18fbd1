package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestCheckKeyBeyondFile damages a leaf element's key length to say 15
// MB, as a flipped byte did in CI (bbolt's page check, in a goroutine of
// its own, printed the key whole and the process died of a fault), in a
// bucket no other part of Check reads: Check must list the damaged page.
func TestCheckKeyBeyondFile(t *testing.T) {
	for _, tt := range []struct {
		name string
		keys int // 3: the bucket is inline; 200: it has pages of its own
	}{
		{name: "inline bucket", keys: 3},
		{name: "bucket of its own", keys: 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "s")
			s, err := OpenStore(dir)
			if err != nil {
				t.Fatal(err)
			}
			must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("abc", 1)}))
			must(t, s.db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("zz-extra"))
				if err != nil {
					return err
				}
				for i := 0; i < tt.keys; i++ {
					if err := b.Put([]byte(fmt.Sprintf("zz-damaged-key-%04d", i)), bytes.Repeat([]byte{'v'}, 40)); err != nil {
						return err
					}
				}
				return nil
			}))
			path := s.path
			must(t, s.Close())
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !setKeyLength(b, []byte("zz-damaged-key-0001"), 0x00ef002c) {
				t.Fatal("no leaf element found for the key")
			}
			must(t, os.WriteFile(path, b, 0o600))
			s, err = Open(dir, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			r, err := s.Check()
			if err != nil {
				t.Fatalf("check: %v", err)
			}
			if got := strings.Join(r.Problems, "; "); !strings.Contains(got, "pages: bucket zz-extra") || len(got) > 1000 {
				t.Errorf("check found %.1000q, want the damaged page of zz-extra, in one short line", got)
			}
		})
	}
}

// setKeyLength finds the leaf element (flags, pos, ksize, vsize: four
// uint32; pos counts from the element) whose key is key, where the key
// is first stored in b, and sets its ksize.
func setKeyLength(b, key []byte, n uint32) bool {
	k := bytes.Index(b, key)
	if k < 0 {
		return false
	}
	for e := k - 16; e >= 0 && k-e < 64<<10; e-- {
		flags := binary.LittleEndian.Uint32(b[e:])
		pos := binary.LittleEndian.Uint32(b[e+4:])
		ksize := binary.LittleEndian.Uint32(b[e+8:])
		if flags == 0 && e+int(pos) == k && int(ksize) == len(key) {
			binary.LittleEndian.PutUint32(b[e+8:], n)
			return true
		}
	}
	return false
}
