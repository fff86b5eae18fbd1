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

// TestFileSetOffHeap fills a set past mapMin, so that its arrays are
// mapped (where the system maps memory) and moved as they grow, and checks
// every path after each move, then that release empties the set.
func TestFileSetOffHeap(t *testing.T) {
	s := newFileSet()
	const n = 60000 // buf ~1 MB, ends 240 KB, table 512 KB: all past mapMin
	path := func(i int) string { return fmt.Sprintf("/srv/minutes/%04d/%d-nytt-fra-etats-mba.pdf", i%3000, i) }
	for i := range n {
		if !s.add(path(i)) {
			t.Fatalf("path %d not added", i)
		}
	}
	if mapped := s.mem.buf.mapped && s.mem.ends.mapped && s.mem.table.mapped; mapped != canMap() {
		t.Errorf("arrays mapped: %v, %v, %v, want %v", s.mem.buf.mapped, s.mem.ends.mapped, s.mem.table.mapped, canMap())
	}
	for i := range n {
		if got := s.at(i); got != path(i) {
			t.Fatalf("at(%d) = %q, want %q", i, got, path(i))
		}
		if !s.has(path(i)) || s.add(path(i)) {
			t.Fatalf("%q not found", path(i))
		}
	}
	if s.has(path(n)) {
		t.Errorf("has(%q), never added", path(n))
	}
	s.release()
	if s.len() != 0 || s.has(path(0)) || s.mem != nil {
		t.Fatal("a released set is not empty")
	}
	if !s.add("a.pdf") || !s.has("a.pdf") || s.at(0) != "a.pdf" { // usable again
		t.Fatal("a released set takes no path")
	}
	s.release()
}

// TestBlockFallsBackToHeap: a block under mapMin is an ordinary slice,
// zeroed, and viewed as uint32s like a mapped one.
func TestBlockFallsBackToHeap(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		mapped bool
	}{
		{name: "small", n: 64, mapped: false},
		{name: "under mapMin", n: mapMin - 4, mapped: false},
		{name: "mapMin", n: mapMin, mapped: canMap()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBlock(tc.n)
			defer b.free()
			if b.mapped != tc.mapped || len(b.b) != tc.n {
				t.Fatalf("mapped %v, %d bytes; want %v, %d", b.mapped, len(b.b), tc.mapped, tc.n)
			}
			v := b.uint32s()
			if len(v) != tc.n/4 {
				t.Fatalf("%d uint32s, want %d", len(v), tc.n/4)
			}
			for i := range v {
				if v[i] != 0 {
					t.Fatalf("uint32 %d is %d, not zeroed", i, v[i])
				}
				v[i] = uint32(i)
			}
			if v[len(v)-1] != uint32(len(v)-1) {
				t.Fatal("a write is not kept")
			}
		})
	}
}

// canMap reports whether this system maps memory (offheap_unix.go).
func canMap() bool {
	b, ok := mapBytes(mapMin)
	if ok {
		unmapBytes(b)
	}
	return ok
}
