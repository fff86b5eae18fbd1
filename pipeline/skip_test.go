package pipeline

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/pipetest"
)

// TestNotRegularFiles gives Run real named pipes called *.pdf (opening one
// for reading blocks until a writer comes: forever), directly, through a
// glob and inside a folder, with a socket, a dangling link and a link
// loop beside them. The run must end, read the PDFs, and report each
// with its kind.
func TestNotRegularFiles(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 2)
	other := t.TempDir()
	fifo := filepath.Join(other, "pipe.pdf")
	for _, p := range []string{fifo, filepath.Join(dir, "in-folder.pdf")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(dir, "s.pdf")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	os.Symlink(filepath.Join(dir, "nowhere.pdf"), filepath.Join(dir, "dangling.pdf"))
	os.Symlink(filepath.Join(dir, "loop-b"), filepath.Join(dir, "loop-a"))
	os.Symlink(filepath.Join(dir, "loop-a"), filepath.Join(dir, "loop-b"))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	hung := time.AfterFunc(4*time.Minute, func() { panic("Run hung on a named pipe") })
	defer hung.Stop()
	s, err := runT(t, ctx, options(tempStore(t), "", fifo, filepath.Join(other, "*.pdf"), dir))
	if err != nil || ctx.Err() != nil {
		t.Fatalf("run: %v (%v)", err, ctx.Err())
	}
	if s.Files[New] != 2 || s.Files[Failed] != 0 {
		t.Errorf("files %v, failures %+v", s.Files, s.Failures)
	}
	kinds := map[string]string{}
	for _, sk := range s.Skips {
		kinds[filepath.Base(sk.Path)] += sk.Kind + ";"
	}
	want := map[string]string{
		"pipe.pdf":      "named pipe;named pipe;", // given, and through the glob
		"in-folder.pdf": "named pipe;",
		"s.pdf":         "socket;",
		"dangling.pdf":  "dangling symbolic link;",
		"loop-a":        "symbolic link loop;",
		"loop-b":        "symbolic link loop;",
	}
	for name, k := range want {
		if kinds[name] != k {
			t.Errorf("%s: skipped as %q, want %q (all: %+v)", name, kinds[name], k, s.Skips)
		}
	}
	if s.Files[Skipped] != len(s.Skips) {
		t.Errorf("skipped %d, %d reported", s.Files[Skipped], len(s.Skips))
	}
	// A file replaced by a pipe after it was found fails, and never blocks.
	if _, err := hashFile(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Errorf("hashing a named pipe: %v", err)
	}
}
