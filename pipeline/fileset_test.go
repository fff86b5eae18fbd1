package pipeline

import (
	"fmt"
	"testing"
)

func TestFileSet(t *testing.T) {
	var s *fileSet
	if s.len() != 0 || s.has("a.pdf") {
		t.Fatal("a nil set has something")
	}
	s = newFileSet()
	const n = 5000 // enough to grow the table many times
	for i := range n {
		if !s.add(fmt.Sprintf("d%d/%d.pdf", i%7, i)) {
			t.Fatalf("path %d not added", i)
		}
	}
	for i := range n { // again: none added
		if s.add(fmt.Sprintf("d%d/%d.pdf", i%7, i)) {
			t.Fatalf("path %d added twice", i)
		}
	}
	if s.len() != n {
		t.Fatalf("len %d, want %d", s.len(), n)
	}
	for i := range n {
		p := fmt.Sprintf("d%d/%d.pdf", i%7, i)
		if got := s.at(i); got != p {
			t.Fatalf("at(%d) = %q, want %q: not in the order added", i, got, p)
		}
		if !s.has(p) {
			t.Fatalf("%q not found", p)
		}
	}
	for _, p := range []string{"", "d0/0.pd", "d0/0.pdf/", "d1/0.pdf", "\xe6\xf8\xe5.pdf"} {
		if s.has(p) {
			t.Errorf("has(%q), never added", p)
		}
	}
	if !s.add("") || !s.has("") || s.at(n) != "" { // an empty path is a path
		t.Error("the empty path is not kept")
	}
}
