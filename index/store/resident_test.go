package store

import (
	"fmt"
	"reflect"
	"testing"
)

// TestEntriesOf: the entries of many paths read in one transaction are
// those Entry reads one at a time, nil for a path without a record, in
// the order asked, also across the mapping's trims (more than trimReads
// of them).
func TestEntriesOf(t *testing.T) {
	s := openTemp(t)
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Size: 1, MTime: 1, Doc: doc("aaa", 2)}))
	var paths []string
	must(t, s.Batch(func(b *Batch) error {
		for i := range 2 * trimReads {
			p := fmt.Sprintf("d/%04d.pdf", i)
			paths = append(paths, p, fmt.Sprintf("gone/%04d.pdf", i))
			if err := b.RecordCopy(Copy{Path: p, Size: int64(i), MTime: int64(i), SHA256: "aaa"}); err != nil {
				return err
			}
		}
		return nil
	}))
	paths = append(paths, "a.pdf")
	got, err := s.EntriesOf(paths)
	must(t, err)
	if len(got) != len(paths) {
		t.Fatalf("%d entries for %d paths", len(got), len(paths))
	}
	for i, p := range paths {
		want, err := s.Entry(p)
		must(t, err)
		if !reflect.DeepEqual(got[i], want) {
			t.Fatalf("entry %d of %s: %+v, Entry gives %+v", i, p, got[i], want)
		}
		if (i%2 == 0 || p == "a.pdf") != (got[i] != nil) {
			t.Errorf("%s: entry %+v", p, got[i])
		}
	}
}
