package store

import (
	"errors"
	"reflect"
	"testing"
)

// A writer is a Store or a Batch.
type writer interface {
	RecordParsed(Parsed) error
	RecordCopy(Copy) error
	RecordFailed(Failure) error
	Touch(string, int64, int64) error
}

// TestBatch: changes in a batch give the store that the same changes one
// at a time give; the batch's reads see its own changes; an error from the
// batch's function keeps none of them.
func TestBatch(t *testing.T) {
	change := func(w writer) error {
		if err := w.RecordParsed(Parsed{Path: "a.pdf", Size: 1, MTime: 1, Doc: doc("aaa", 2)}); err != nil {
			return err
		}
		if err := w.RecordCopy(Copy{Path: "b.pdf", Size: 2, MTime: 2, SHA256: "aaa"}); err != nil {
			return err
		}
		if err := w.RecordParsed(Parsed{Path: "a.pdf", Size: 3, MTime: 3, Doc: doc("ccc", 1)}); err != nil {
			return err
		}
		if err := w.RecordFailed(Failure{Path: "d.pdf", Size: 4, MTime: 4, Cause: "damaged", Error: "x"}); err != nil {
			return err
		}
		return w.Touch("b.pdf", 5, 5)
	}
	one, batched := openTemp(t), openTemp(t)
	must(t, change(one))
	must(t, batched.Batch(func(b *Batch) error {
		if err := change(b); err != nil {
			return err
		}
		if rec, err := b.Source("b.pdf"); err != nil || rec == nil || rec.MTime != 5 {
			t.Errorf("the batch reads b.pdf as %+v, %v", rec, err)
		}
		if d, err := b.Document("ccc"); err != nil || d == nil {
			t.Errorf("the batch reads document ccc as %v, %v", d, err)
		}
		return nil
	}))
	if got, want := entriesOf(t, batched), entriesOf(t, one); !reflect.DeepEqual(got, want) {
		t.Errorf("entries after the batch %+v, one at a time %+v", got, want)
	}
	if r, err := batched.Check(); err != nil || len(r.Problems) > 0 {
		t.Errorf("check: %v %v", err, r.Problems)
	}
	boom := errors.New("boom")
	err := batched.Batch(func(b *Batch) error {
		must(t, b.RecordParsed(Parsed{Path: "e.pdf", Doc: doc("eee", 1)}))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Batch returned %v, want the function's error", err)
	}
	if e, _ := batched.Entry("e.pdf"); e != nil {
		t.Errorf("a failed batch kept %+v", e)
	}
}

// TestRetagPending: storing a document again (new threads, the same ids)
// leaves the records of its files that are pending as they are, and
// makes those Elasticsearch had confirmed pending again.
func TestRetagPending(t *testing.T) {
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("aaa", 2)}))
	must(t, s.RecordCopy(Copy{Path: "b.pdf", SHA256: "aaa"}))
	a, _ := s.Source("a.pdf")
	must(t, s.Confirm([]SourceRecord{*a}, nil))
	b, _ := s.Source("b.pdf")
	d, _ := s.Document("aaa")
	d.Cases[0].Thread = "t1"
	must(t, s.Retag(d))
	a2, _ := s.Source("a.pdf")
	b2, _ := s.Source("b.pdf")
	if a2.Synced {
		t.Errorf("a.pdf, confirmed before, is still confirmed: %+v", a2)
	}
	if !reflect.DeepEqual(b2, b) {
		t.Errorf("b.pdf, pending, was rewritten: %+v, was %+v", b2, b)
	}
	if got, _ := s.Document("aaa"); got.Cases[0].Thread != "t1" {
		t.Errorf("the document's thread %q, want t1", got.Cases[0].Thread)
	}
}
