package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755))
	for _, f := range []string{"a/1.pdf", "a/b/2.PDF", "a/notes.txt", "c.pdf"} {
		must(os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644))
	}
	// A symbolic link back up the tree: a loop that must not be followed twice.
	must(os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "a", "b", "up")))
	// c.pdf is given twice (by name and by the glob), a/1.pdf by name and in its folder.
	args := []string{filepath.Join(dir, "a"), filepath.Join(dir, "*.pdf"), filepath.Join(dir, "missing"), filepath.Join(dir, "c.pdf"), filepath.Join(dir, "a", "1.pdf"), filepath.Join(dir, "a", "b")}
	var got []string
	in := walkInputs(args, func(p string) bool { got = append(got, p); return true })
	want := []string{filepath.Join(dir, "a", "1.pdf"), filepath.Join(dir, "a", "b", "2.PDF"), filepath.Join(dir, "c.pdf")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	if in.nonPDF != 1 || len(in.missing) != 1 || len(in.roots) != 5 {
		t.Errorf("nonPDF %d, missing %v, roots %v", in.nonPDF, in.missing, in.roots)
	}
	if !under(filepath.Join(dir, "a", "x.pdf"), in.roots) || under(filepath.Join(dir, "other.pdf"), in.roots) {
		t.Errorf("under() is wrong for %v", in.roots)
	}
}

// TestWalkStops checks that the walk ends when emit says so.
func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"1.pdf", "2.pdf", "3.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	walkInputs([]string{dir, filepath.Join(dir, "3.pdf")}, func(p string) bool { got = append(got, p); return len(got) < 2 })
	if want := []string{filepath.Join(dir, "1.pdf"), filepath.Join(dir, "2.pdf")}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
}
