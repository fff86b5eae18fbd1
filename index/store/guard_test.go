package store

import (
	"bytes"
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestDamagedValues: a stored value that no longer decodes — not only bad
// JSON but a field whose own decoder refuses it, as a flipped byte inside
// a time does — is a *DamagedError naming the file, from the readers and
// from the writes that read before they write.
func TestDamagedValues(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bucket []byte
		key    string
		damage func(v []byte) []byte
		run    func(s *Store) error
	}{
		{
			name: "time with a flipped byte, read", bucket: bucketSources, key: "a.pdf",
			damage: func(v []byte) []byte { return flipDigit(t, v, []byte(`"updated":"`)) },
			run:    func(s *Store) error { _, err := s.Source("a.pdf"); return err },
		},
		{
			name: "time with a flipped byte, every source", bucket: bucketSources, key: "a.pdf",
			damage: func(v []byte) []byte { return flipDigit(t, v, []byte(`"updated":"`)) },
			run:    func(s *Store) error { return s.Sources(func(*SourceRecord) bool { return true }) },
		},
		{
			name: "time with a flipped byte, forget", bucket: bucketSources, key: "a.pdf",
			damage: func(v []byte) []byte { return flipDigit(t, v, []byte(`"updated":"`)) },
			run:    func(s *Store) error { return s.Forget("a.pdf") },
		},
		{
			name: "paths of a hash not JSON, moved", bucket: bucketByHash, key: "abc",
			damage: func(v []byte) []byte { return append([]byte("\x00"), v...) },
			run: func(s *Store) error {
				return s.RecordParsed(Parsed{Path: "b.pdf", Doc: doc("abc", 1), Moved: []string{"a.pdf"}})
			},
		},
		{
			name: "document of the wrong shape", bucket: bucketDocuments, key: "abc",
			damage: func([]byte) []byte { return []byte(`[1,2]`) },
			run:    func(s *Store) error { _, err := s.Document("abc"); return err },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("abc", 1)}))
			must(t, s.db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(tc.bucket)
				v := b.Get([]byte(tc.key))
				if v == nil {
					t.Fatalf("no value %q in %s", tc.key, tc.bucket)
				}
				return b.Put([]byte(tc.key), tc.damage(bytes.Clone(v)))
			}))
			err := tc.run(s)
			var d *DamagedError
			if !errors.As(err, &d) || d.Path != s.path {
				t.Fatalf("got %v, want a *DamagedError of %s", err, s.path)
			}
		})
	}
}

// flipDigit changes the byte 15 after the first after in v (inside a
// time's minutes) to a non-digit that is not UTF-8 on its own.
func flipDigit(t *testing.T, v, after []byte) []byte {
	t.Helper()
	i := bytes.Index(v, after)
	if i < 0 {
		t.Fatalf("%q not in %s", after, v)
	}
	v[i+len(after)+15] = 0xe5
	return v
}
