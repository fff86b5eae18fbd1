package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ntlnav/referat/internal/pipetest"
)

// TestFileNamesAsBytes ingests files whose names are not UTF-8 (Latin-1
// æøå, as from an old Windows share) or hold a newline: they are read by
// the workers, recognised unchanged, moved and pruned like any other.
func TestFileNamesAsBytes(t *testing.T) {
	dir, names := pipetest.CorpusDir(t, pdfs, 3)
	latin1 := filepath.Join(dir, "\xe6\xf8\xe5.pdf")
	newline := filepath.Join(dir, "to\nlinjer.pdf")
	if err := os.Rename(names[0], latin1); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(names[1], newline); err != nil {
		t.Fatal(err)
	}
	db := tempStore(t)
	ctx := context.Background()
	o := options(db, "", dir)
	s, err := runT(t, ctx, o)
	if err != nil || s.Files[New] != 3 || len(s.Failures) != 0 {
		t.Fatalf("first run: %v %v %+v", err, s.Files, s.Failures)
	}
	s, _ = runT(t, ctx, o)
	if s.Files[Unchanged] != 3 || s.PagesParsed != 0 {
		t.Fatalf("second run: %v", s.Files)
	}
	// Moved to another non-UTF-8 name: recognised by content.
	moved := filepath.Join(dir, "m\xf8te.pdf")
	if err := os.Rename(latin1, moved); err != nil {
		t.Fatal(err)
	}
	s, _ = runT(t, ctx, o)
	if s.Files[Moved] != 1 || s.PagesParsed != 0 || s.Meetings != 3 {
		t.Fatalf("moved: %v, %d meetings", s.Files, s.Meetings)
	}
	os.Remove(newline)
	o.Prune = true
	s, _ = runT(t, ctx, o)
	if s.Files[Pruned] != 1 || s.Meetings != 2 || s.Files[Unchanged] != 2 {
		t.Fatalf("pruned: %v, %d meetings", s.Files, s.Meetings)
	}
}
