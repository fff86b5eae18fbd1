package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := OpenStore(filepath.Join(t.TempDir(), "s"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// doc is a document of content sha with n cases.
func doc(sha string, n int) *referat.Document {
	d := &referat.Document{Source: referat.Source{SHA256: sha, Path: sha + ".pdf"}}
	for i := 1; i <= n; i++ {
		d.Cases = append(d.Cases, referat.Case{Seq: i})
	}
	return d
}

func TestStoreKeepsSharedDocuments(t *testing.T) {
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("abc", 0)}))
	// Re-recording the same path keeps the document.
	must(t, s.Touch("a.pdf", 2, 0))
	if d, _ := s.Document("abc"); d == nil {
		t.Fatal("document lost when its record was rewritten")
	}
	// A move: the new path comes, the old goes, in one change.
	must(t, s.RecordParsed(Parsed{Path: "b.pdf", Doc: doc("abc", 0), Moved: []string{"a.pdf"}}))
	if d, _ := s.Document("abc"); d == nil {
		t.Fatal("document lost in a move")
	}
	if paths, _ := s.PathsOf("abc"); len(paths) != 1 || paths[0] != "b.pdf" {
		t.Fatalf("paths %v", paths)
	}
	// The last path goes: so does the document.
	must(t, s.Forget("b.pdf"))
	if d, _ := s.Document("abc"); d != nil {
		t.Fatal("an orphaned document stayed")
	}
	// A second writer is refused when the lock timeout is over.
	if _, err := Open(s.Dir, Options{LockTimeout: 100 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second open: %v, want ErrLocked", err)
	}
}

// pendingIDs returns the ids of the queued deletes.
func pendingIDs(t *testing.T, s *Store) []string {
	t.Helper()
	dels, err := s.PendingDeletes(100)
	must(t, err)
	var ids []string
	for _, a := range dels {
		if !a.Delete {
			t.Errorf("queued action %v is not a delete", a)
		}
		ids = append(ids, a.ID)
	}
	return ids
}

func TestStoreQueuesDeletes(t *testing.T) {
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("old", 2)}))
	must(t, s.RecordParsed(Parsed{Path: "copy.pdf", Doc: doc("old", 2)}))
	// a.pdf changes; copy.pdf still has the old content: nothing to delete.
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("new", 1)}))
	if ids := pendingIDs(t, s); len(ids) != 0 {
		t.Fatalf("deletes queued while another path has the content: %v", ids)
	}
	// copy.pdf is gone: its documents go.
	must(t, s.Forget("copy.pdf"))
	want := []string{index.CaseID("old", 1), index.CaseID("old", 2), index.MeetingID("old")} // in key order: index, then id
	if ids := pendingIDs(t, s); !reflect.DeepEqual(ids, want) {
		t.Fatalf("deletes %v, want %v", ids, want)
	}
	// A failure keeps what the file gave before.
	must(t, s.RecordFailed(Failure{Path: "a.pdf", Size: 9, Cause: "damaged", Error: "truncated"}))
	rec, err := s.Source("a.pdf")
	must(t, err)
	if rec.Status != StatusFailed || rec.SHA256 != "new" || len(rec.Refs) != 2 {
		t.Fatalf("failed record %+v", rec)
	}
	if d, _ := s.Document("new"); d == nil {
		t.Fatal("a failure lost the earlier document")
	}
}

func TestStoreConfirm(t *testing.T) {
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("one", 1)}))
	must(t, s.RecordParsed(Parsed{Path: "b.pdf", Doc: doc("two", 1)}))
	recs, err := s.Unconfirmed()
	must(t, err)
	if len(recs) != 2 {
		t.Fatalf("unconfirmed %v", recs)
	}
	// b.pdf changes after it was sent: its confirmation does not count.
	must(t, s.RecordParsed(Parsed{Path: "b.pdf", Doc: doc("three", 1)}))
	dels := pendingIDs(t, s)
	must(t, s.Confirm(recs, index.Deletes([]index.Ref{{Index: index.Cases, ID: dels[0]}})))
	recs, err = s.Unconfirmed()
	must(t, err)
	if len(recs) != 1 || recs[0].Path != "b.pdf" || recs[0].SHA256 != "three" {
		t.Fatalf("unconfirmed after Confirm: %+v", recs)
	}
	if left := pendingIDs(t, s); len(left) != len(dels)-1 {
		t.Errorf("pending deletes %v after confirming %s", left, dels[0])
	}
	// Retag: the records of the content are unconfirmed again.
	d, _ := s.Document("one")
	d.TaxonomyVersion = "t2"
	must(t, s.Retag(d))
	rec, _ := s.Source("a.pdf")
	if rec.Synced || rec.TaxonomyVersion != "t2" {
		t.Errorf("retagged record %+v", rec)
	}
}
