package store

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// TestRecordRefs: a record's refs read back as they were written, short
// where they fit the short form and as they are where not; a record
// written before the short form reads as before; a bad short ref is
// damage.
func TestRecordRefs(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	d := &referat.Document{Source: referat.Source{SHA256: sha}, Cases: []referat.Case{
		{Seq: 1, Statements: make([]referat.Statement, 2), Topics: []referat.Topic{{ID: "budsjett"}, {ID: "lønn"}}},
		{Seq: 2},
	}}
	for _, tc := range []struct {
		name  string
		rec   SourceRecord
		short bool
	}{
		{name: "a document's refs", rec: SourceRecord{SHA256: sha, Refs: index.DocRefs(d)}, short: true},
		{name: "another index", rec: SourceRecord{SHA256: sha, Refs: []index.Ref{{Index: "other", ID: sha[:32]}}}},
		{name: "an id of other content", rec: SourceRecord{SHA256: sha, Refs: []index.Ref{{Index: index.Cases, ID: "x-001"}}}},
		{name: "no hash", rec: SourceRecord{Refs: []index.Ref{{Index: index.Cases, ID: "x"}}}},
		{name: "no refs", rec: SourceRecord{SHA256: sha}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(&tc.rec)
			must(t, err)
			if got := strings.Contains(string(b), `"refs_short"`); got != tc.short {
				t.Errorf("short form %v, want %v: %s", got, tc.short, b)
			}
			var back SourceRecord
			must(t, json.Unmarshal(b, &back))
			if !reflect.DeepEqual(back, tc.rec) {
				t.Errorf("read back %+v, want %+v", back, tc.rec)
			}
		})
	}
	old := `{"path":"a.pdf","sha256":"` + sha + `","status":"ok","refs":[{"index":"referat-cases","id":"` + sha[:32] + `-001"}],"synced":true}`
	var rec SourceRecord
	must(t, json.Unmarshal([]byte(old), &rec))
	if want := []index.Ref{{Index: index.Cases, ID: sha[:32] + "-001"}}; !reflect.DeepEqual(rec.Refs, want) || !rec.Synced {
		t.Errorf("an older record read as %+v", rec)
	}
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: d}))
	must(t, s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSources)
		v := strings.Replace(string(b.Get([]byte("a.pdf"))), `"c-001"`, `"x-001"`, 1)
		return b.Put([]byte("a.pdf"), []byte(v))
	}))
	var dmg *DamagedError
	if _, err := s.Source("a.pdf"); !errors.As(err, &dmg) {
		t.Errorf("a bad short ref: %v, want a *DamagedError", err)
	}
}

// TestPathLists: the lists of paths read back as written, by the plain
// reader or the JSON decoder, and what is not a list of strings is an
// error.
func TestPathLists(t *testing.T) {
	for _, l := range []pathList{{}, {"a.pdf"}, {"/x/a b.pdf", "/y/æøå.pdf", `q"uote.pdf`, `back\slash.pdf`, "<&>.pdf", "\xe6\xf8\xe5.pdf", "tab\t.pdf"}} {
		b, err := json.Marshal(l)
		must(t, err)
		var back pathList
		must(t, json.Unmarshal(b, &back))
		if !reflect.DeepEqual(back, l) {
			t.Errorf("%s read back as %q", b, back)
		}
	}
	for _, bad := range []string{`["a",]`, `["a"`, `["a" "b"]`, `[1]`, `"a"`, `["a",,"b"]`} {
		var l pathList
		if err := json.Unmarshal([]byte(bad), &l); err == nil {
			t.Errorf("%s read as %q, want an error", bad, l)
		}
	}
}
