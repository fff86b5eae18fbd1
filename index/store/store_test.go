package store

import (
	"path/filepath"
	"testing"

	"github.com/ntlnav/referat"
)

func TestStoreKeepsSharedDocuments(t *testing.T) {
	s, err := OpenStore(filepath.Join(t.TempDir(), "s"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := &referat.Document{Source: referat.Source{SHA256: "abc", Path: "a.pdf"}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Apply(Change{Put: &SourceRecord{Path: "a.pdf", SHA256: "abc", Status: StatusOK}, Document: doc}))
	// Re-recording the same path keeps the document.
	must(s.Apply(Change{Put: &SourceRecord{Path: "a.pdf", SHA256: "abc", Status: StatusOK, Size: 2}}))
	if d, _ := s.Document("abc"); d == nil {
		t.Fatal("document lost when its record was rewritten")
	}
	// A move: the new path comes, the old goes, in one change.
	must(s.Apply(Change{Put: &SourceRecord{Path: "b.pdf", SHA256: "abc", Status: StatusOK}, Remove: []string{"a.pdf"}}))
	if d, _ := s.Document("abc"); d == nil {
		t.Fatal("document lost in a move")
	}
	if paths, _ := s.PathsOf("abc"); len(paths) != 1 || paths[0] != "b.pdf" {
		t.Fatalf("paths %v", paths)
	}
	// The last path goes: so does the document.
	must(s.Apply(Change{Remove: []string{"b.pdf"}}))
	if d, _ := s.Document("abc"); d != nil {
		t.Fatal("an orphaned document stayed")
	}
	// A second opener is refused.
	if _, err := OpenStore(s.Dir); err == nil {
		t.Fatal("a second open succeeded")
	}
}
