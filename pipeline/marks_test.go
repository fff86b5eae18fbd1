package pipeline

import (
	"fmt"
	"testing"
)

// TestPathMarks marks enough paths to grow the table off the heap several
// times, and checks every path marked and a path not marked after.
func TestPathMarks(t *testing.T) {
	var nilMarks *pathMarks
	if nilMarks.has("x") {
		t.Fatal("a nil *pathMarks has a path")
	}
	m := &pathMarks{}
	if m.has("/a") {
		t.Fatal("empty marks have a path")
	}
	const n = 50_000
	for i := range n {
		m.add(fmt.Sprintf("/corpus/%03d/file-%d.pdf", i%100, i))
	}
	m.add("/corpus/000/file-0.pdf") // again: no second mark
	if m.len() != n {
		t.Fatalf("%d marks, want %d", m.len(), n)
	}
	if len(m.tables) < 2 {
		t.Errorf("%d tables, want more than one", len(m.tables))
	}
	for _, tb := range m.tables {
		if !tb.mem.mapped {
			t.Errorf("a table of %d bytes is not mapped", 4*len(tb.slots))
		}
	}
	for i := range n {
		if p := fmt.Sprintf("/corpus/%03d/file-%d.pdf", i%100, i); !m.has(p) {
			t.Fatalf("%s not marked", p)
		}
	}
	for _, p := range []string{"/corpus/000/file-1.pdf", "/corpus/001/file-0.pdf", ""} {
		if m.has(p) {
			t.Errorf("%q marked", p)
		}
	}
	m.release()
	if m.has("/corpus/000/file-0.pdf") {
		t.Error("released marks have a path")
	}
	m.add("/b")
	if !m.has("/b") || m.len() != 1 {
		t.Error("marks not usable after release")
	}
}
