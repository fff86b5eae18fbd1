package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
)

// threadsOf returns the threads of d's cases.
func threadsOf(d *referat.Document) []string {
	var out []string
	for _, c := range d.Cases {
		out = append(out, c.Thread)
	}
	return out
}

// TestRelink: relinking a document gives every read of it (Document,
// Documents, a Batch's, EachDocStats) the new threads, and leaves the
// store as storing the document again with them (Retag) leaves it:
// the same documents read, the same records, the same pending deletes.
func TestRelink(t *testing.T) {
	setup := func(s *Store) {
		d := doc("aaa", 3)
		d.Cases[0].Thread = "t0"
		must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: d}))
		must(t, s.RecordCopy(Copy{Path: "b.pdf", SHA256: "aaa"}))
		a, err := s.Source("a.pdf")
		must(t, err)
		must(t, s.Confirm([]SourceRecord{*a}, nil))
	}
	relinked, retagged := openTemp(t), openTemp(t)
	setup(relinked)
	setup(retagged)
	threads := map[int]string{1: "", 2: "t2"}
	want := []string{"", "t2", ""}
	must(t, relinked.Batch(func(b *Batch) error {
		if n, err := b.Relink("aaa", threads); err != nil || n != 2 {
			t.Errorf("Relink read %d records, %v; want 2 (a.pdf and b.pdf)", n, err)
		}
		if n, err := b.Relink("zzz", threads); err != nil || n != 0 { // no such document: nothing
			t.Errorf("Relink of no document read %d records, %v", n, err)
		}
		d, err := b.Document("aaa")
		if err != nil || !reflect.DeepEqual(threadsOf(d), want) {
			t.Errorf("the batch reads threads %q, %v; want %q", threadsOf(d), err, want)
		}
		return nil
	}))
	d, err := retagged.Document("aaa")
	must(t, err)
	d.Cases[0].Thread, d.Cases[1].Thread = "", "t2"
	must(t, retagged.Retag(d))

	for _, s := range []*Store{relinked, retagged} {
		got, err := s.Document("aaa")
		if err != nil || !reflect.DeepEqual(threadsOf(got), want) {
			t.Errorf("Document reads threads %q, %v; want %q", threadsOf(got), err, want)
		}
		var all []*referat.Document
		must(t, s.Documents(func(d *referat.Document) bool { all = append(all, d); return true }))
		if len(all) != 1 || !reflect.DeepEqual(all[0], got) {
			t.Errorf("Documents reads %+v, Document %+v", all, got)
		}
		var st []string
		must(t, s.EachDocStats(func(d *DocStats) bool {
			for _, c := range d.Cases {
				st = append(st, c.Thread)
			}
			return true
		}))
		if !reflect.DeepEqual(st, want) {
			t.Errorf("docstats threads %q, want %q", st, want)
		}
		if r, err := s.Check(); err != nil || len(r.Problems) > 0 {
			t.Errorf("check: %v %v", err, r.Problems)
		}
	}
	for _, p := range []string{"a.pdf", "b.pdf"} {
		x, _ := relinked.Source(p)
		y, _ := retagged.Source(p)
		x.Updated = y.Updated // the times differ
		if !reflect.DeepEqual(x, y) {
			t.Errorf("%s relinked %+v, retagged %+v", p, x, y)
		}
		if x.Synced {
			t.Errorf("%s is confirmed after relinking", p)
		}
	}
	if x, y := pendingIDs(t, relinked), pendingIDs(t, retagged); !reflect.DeepEqual(x, y) {
		t.Errorf("pending deletes relinked %q, retagged %q", x, y)
	}
}

// TestThreadsOfOlderStores: a store without docstats (written before
// they were kept) has its threads in its documents, and a writer's open
// derives docstats that keep them; docstats that do not match their
// document are damage.
func TestThreadsOfOlderStores(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	s, err := OpenStore(dir)
	must(t, err)
	d := doc("aaa", 2)
	d.Cases[1].Thread = "t1"
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: d}))
	must(t, s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketDocStats) }))
	want := []string{"", "t1"}
	if got, err := s.Document("aaa"); err != nil || !reflect.DeepEqual(threadsOf(got), want) {
		t.Errorf("without docstats: threads %q, %v; want %q", threadsOf(got), err, want)
	}
	must(t, s.Close())
	s, err = OpenStore(dir)
	must(t, err)
	defer s.Close()
	if got, err := s.Document("aaa"); err != nil || !reflect.DeepEqual(threadsOf(got), want) {
		t.Errorf("docstats derived: threads %q, %v; want %q", threadsOf(got), err, want)
	}
	must(t, s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDocStats).Put([]byte("aaa"), []byte(`{"cases":[{"seq":1}]}`))
	}))
	var de *DamagedError
	if _, err := s.Document("aaa"); !errors.As(err, &de) {
		t.Errorf("docstats of another document: %v, want a *DamagedError", err)
	}
}
