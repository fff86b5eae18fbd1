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

// TestUnconfirmedAfter: paging through the unconfirmed records, a few at
// a time from the last path got, gives what Unconfirmed gives, confirmed
// records left out, and CountUnconfirmed counts them.
func TestUnconfirmedAfter(t *testing.T) {
	s := openTemp(t)
	for _, p := range []string{"a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf", "f.pdf", "g.pdf"} {
		must(t, s.RecordParsed(Parsed{Path: p, Doc: doc("sha-"+p, 1)}))
	}
	must(t, s.RecordFailed(Failure{Path: "bad.pdf", Size: 1, MTime: 1, Cause: "damaged", Error: "x"})) // no document: never sent
	b, err := s.Source("b.pdf")
	must(t, err)
	f, err := s.Source("f.pdf")
	must(t, err)
	must(t, s.Confirm([]SourceRecord{*b, *f}, nil))
	want, err := s.Unconfirmed()
	must(t, err)
	if len(want) != 5 {
		t.Fatalf("%d unconfirmed, want 5", len(want))
	}
	for _, n := range []int{1, 2, 5, 10} {
		var got []SourceRecord
		for after := ""; ; {
			page, err := s.UnconfirmedAfter(after, n)
			must(t, err)
			if len(page) > n {
				t.Fatalf("a page of %d records, asked for %d", len(page), n)
			}
			if len(page) == 0 {
				break
			}
			got = append(got, page...)
			after = page[len(page)-1].Path
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("pages of %d: %v, want %v", n, paths(got), paths(want))
		}
	}
	if n, err := s.CountUnconfirmed(); err != nil || n != 5 {
		t.Errorf("CountUnconfirmed() = %d, %v; want 5", n, err)
	}
}

func paths(recs []SourceRecord) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.Path)
	}
	return out
}
