package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/pipetest"
)

// TestManyCopies: a folder in which every content has many paths (hard
// links, as a mirror of an archive has) is parsed once per content and
// recorded once per path, in groups of files per transaction: every
// copy's record has its content's document ids, the store checks sound,
// a second run finds every file unchanged, and a copy moved out of the
// folder is recognised and its gone path forgotten.
func TestManyCopies(t *testing.T) {
	_, names := pipetest.CorpusDir(t, pdfs, 3)
	dir := t.TempDir()
	const copies = 40 // more than a group of files
	for i := 0; i < copies; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("c%02d", i))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if err := os.Link(n, filepath.Join(sub, filepath.Base(n))); err != nil {
				t.Skipf("no hard links here: %v", err)
			}
		}
	}
	db := tempStore(t)
	ctx := context.Background()
	s, err := runT(t, ctx, options(db, "", dir))
	if err != nil || s.Files[New] != copies*len(names) || s.Meetings != len(names) {
		t.Fatalf("first run: %v %+v", err, s)
	}
	s, err = runT(t, ctx, options(db, "", dir))
	if err != nil || s.Files[Unchanged] != copies*len(names) || s.PagesParsed != 0 {
		t.Fatalf("second run: %v %+v", err, s)
	}
	moved := filepath.Join(dir, "c00", "moved.pdf")
	if err := os.Rename(filepath.Join(dir, "c01", filepath.Base(names[0])), moved); err != nil {
		t.Fatal(err)
	}
	s, err = runT(t, ctx, options(db, "", dir))
	if err != nil || s.Files[Moved] != 1 || s.Files[Unchanged] != copies*len(names)-1 || s.PagesParsed != 0 {
		t.Fatalf("after a move: %v %+v", err, s)
	}
	st := openChecked(t, db)
	defer st.Close()
	refs := map[string]string{}
	n := 0
	err = st.Sources(func(rec *store.SourceRecord) bool {
		n++
		got := fmt.Sprint(rec.Refs)
		if rec.Status != store.StatusOK || len(rec.Refs) == 0 {
			t.Errorf("%s: %s with %d refs", rec.Path, rec.Status, len(rec.Refs))
		}
		if want, ok := refs[rec.SHA256]; ok && got != want {
			t.Errorf("%s: refs %s, another copy has %s", rec.Path, got, want)
		}
		refs[rec.SHA256] = got
		return true
	})
	if err != nil || n != copies*len(names) || len(refs) != len(names) {
		t.Errorf("%d records of %d contents (%v), want %d of %d", n, len(refs), err, copies*len(names), len(names))
	}
}
