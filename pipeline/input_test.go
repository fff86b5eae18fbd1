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
	in := expand([]string{filepath.Join(dir, "a"), filepath.Join(dir, "*.pdf"), filepath.Join(dir, "missing")})
	want := []string{filepath.Join(dir, "a", "1.pdf"), filepath.Join(dir, "a", "b", "2.PDF"), filepath.Join(dir, "c.pdf")}
	var got []string
	for i := range in.files.len() {
		got = append(got, in.files.at(i))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	if in.nonPDF != 1 || len(in.missing) != 1 || len(in.roots) != 2 {
		t.Errorf("nonPDF %d, missing %v, roots %v", in.nonPDF, in.missing, in.roots)
	}
	if !under(filepath.Join(dir, "a", "x.pdf"), in.roots) || under(filepath.Join(dir, "other.pdf"), in.roots) {
		t.Errorf("under() is wrong for %v", in.roots)
	}
}
