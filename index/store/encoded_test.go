package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/ntlnav/referat"
)

// TestRecordEncoded records the same changes twice, once with documents
// and once with them encoded already (Parsed.JSON and Stats, as the
// pipeline gives what workers sent): the stores must hold the same
// documents, docstats, records and queued deletes.
func TestRecordEncoded(t *testing.T) {
	analysed := func(sha string, cases int, topic string) *referat.Document {
		d := doc(sha, cases)
		d.TaxonomyVersion, d.Meeting.Date = "tax1", "2024-02-15"
		for i := range d.Cases {
			c := &d.Cases[i]
			c.Title, c.Statements = "Sak", make([]referat.Statement, i+1)
			c.Topics = []referat.Topic{{ID: topic}}
		}
		return d
	}
	encoded := func(p Parsed) Parsed {
		b, err := json.Marshal(p.Doc)
		must(t, err)
		p.JSON, p.Stats, p.Doc = b, statsOf(p.Doc), nil
		return p
	}
	steps := func(s *Store, enc func(Parsed) Parsed) {
		must(t, s.RecordParsed(enc(Parsed{Path: "a.pdf", Size: 1, Doc: analysed("aaa", 3, "budsjett")})))
		must(t, s.RecordParsed(enc(Parsed{Path: "b.pdf", Size: 2, Doc: analysed("bbb", 2, "lønn")})))
		// a changed file: the documents its old content made and the new
		// does not are queued for deletion
		must(t, s.RecordParsed(enc(Parsed{Path: "a.pdf", Size: 3, Doc: analysed("ccc", 1, "lønn")})))
		must(t, s.Batch(func(b *Batch) error {
			if err := b.Supersede(enc(Parsed{Path: "c.pdf", Size: 4, Doc: analysed("ddd", 2, "budsjett")}), "bbb", 0.9); err != nil {
				return err
			}
			return b.Reread(enc(Parsed{Path: "a.pdf", Size: 3, Doc: analysed("ccc", 2, "arbeidsmiljø"), ExtractorVersion: 2}))
		}))
	}
	plain, enc := openTemp(t), openTemp(t)
	steps(plain, func(p Parsed) Parsed { return p })
	steps(enc, encoded)
	for _, sha := range []string{"aaa", "bbb", "ccc", "ddd"} {
		want, err := plain.Document(sha)
		must(t, err)
		got, err := enc.Document(sha)
		must(t, err)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("document %s: got %+v, want %+v", sha, got, want)
		}
	}
	for _, path := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		want, err := plain.Source(path)
		must(t, err)
		got, err := enc.Source(path)
		must(t, err)
		if want == nil || got == nil {
			t.Fatalf("%s: no record (%v, %v)", path, want, got)
		}
		want.Updated = got.Updated
		if !reflect.DeepEqual(got, want) {
			t.Errorf("record %s: got %+v, want %+v", path, got, want)
		}
	}
	if got, want := pendingIDs(t, enc), pendingIDs(t, plain); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("queued deletes: got %v, want %v", got, want)
	}
	stats := func(s *Store) []*DocStats {
		var out []*DocStats
		must(t, s.EachDocStats(func(d *DocStats) bool { out = append(out, d); return true }))
		return out
	}
	if got, want := stats(enc), stats(plain); !reflect.DeepEqual(got, want) || len(want) != 2 {
		t.Errorf("docstats: got %+v, want %+v", got, want)
	}
}
