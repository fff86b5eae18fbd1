package store

import (
	"reflect"
	"testing"

	"github.com/ntlnav/referat/index"
)

// TestConfirmedAndUnconfirm: Confirmed counts each confirmed document
// once, however many files share it, and not the documents of files not
// confirmed or gone; Unconfirm marks the files with documents in the lost
// indices and records the new indices in the same change.
func TestConfirmedAndUnconfirm(t *testing.T) {
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: doc("aaa", 2)}))
	must(t, s.RecordParsed(Parsed{Path: "a-copy.pdf", Doc: doc("aaa", 2)})) // shared content
	must(t, s.RecordParsed(Parsed{Path: "b.pdf", Doc: doc("bbb", 1)}))
	must(t, s.RecordParsed(Parsed{Path: "gone.pdf", Doc: doc("ggg", 3)}))
	recs, err := s.Unconfirmed()
	must(t, err)
	must(t, s.Confirm(recs, nil))
	must(t, s.RecordParsed(Parsed{Path: "c.pdf", Doc: doc("ccc", 4)})) // not confirmed
	must(t, s.Forget("gone.pdf"))                                      // its deletes are queued
	got, err := s.Confirmed()
	must(t, err)
	want := map[string]int{index.Meetings: 2, index.Cases: 3}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Confirmed() = %v, want %v", got, want)
	}

	uuids := map[string]string{index.Cases: "referat-cases-v1/new"}
	n, err := s.Unconfirm([]string{index.Cases}, uuids)
	must(t, err)
	// a.pdf, a-copy.pdf and b.pdf have cases; c.pdf was not confirmed.
	if n != 3 {
		t.Errorf("Unconfirm marked %d files, want 3", n)
	}
	if got, _ := s.Confirmed(); len(got) != 0 {
		t.Errorf("after Unconfirm, Confirmed() = %v", got)
	}
	if un, _ := s.Unconfirmed(); len(un) != 4 {
		t.Errorf("%d files to send, want 4", len(un))
	}
	if known, _ := s.ClusterIndices(); !reflect.DeepEqual(known, uuids) {
		t.Errorf("ClusterIndices() = %v, want %v", known, uuids)
	}
}
