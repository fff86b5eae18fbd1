package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/pipetest"
)

// pagesSeen counts the files recorded.
type pagesSeen struct{ files, pages int }

func (p *pagesSeen) Start(int)      {}
func (p *pagesSeen) File(pages int) { p.files++; p.pages += pages }
func (p *pagesSeen) Finish()        {}

// TestDiskFull ingests into a store on a real 256 KiB tmpfs: the run must
// stop at the first write that fails (not parse the rest), say so with
// ENOSPC as the cause, and leave a store that checks sound and that the
// next run, with room, completes.
func TestDiskFull(t *testing.T) {
	mnt := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt).Run(); err != nil {
		t.Skipf("cannot mount a tmpfs here (needs root, or CAP_SYS_ADMIN): %v", err)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	const files = 150 // several groups more than the pipeline holds in flight
	dir, _ := pipetest.CorpusDir(t, pdfs, files)
	jobs := filepath.Join(t.TempDir(), "jobs")
	t.Setenv(envJobLog, jobs)
	db := filepath.Join(mnt, "store")
	o := options(db, "", dir)
	seen := &pagesSeen{}
	o.Progress = seen
	s, err := Run(context.Background(), o)
	if !errors.Is(err, syscall.ENOSPC) || s != nil {
		t.Fatalf("a full disk: %v, %+v; want ENOSPC and no summary", err, s)
	}
	t.Logf("stopped after %d files recorded: %v", seen.files, err)
	// Files in flight when the write failed may be parsed (the group
	// being committed, the next group gathered meanwhile, the results
	// queue, the handlers and the workers' jobs), the rest not.
	b, _ := os.ReadFile(jobs)
	parsed := bytes.Count(b, []byte("\n"))
	t.Logf("%d of %d files parsed", parsed, files)
	if seen.files >= files || parsed > seen.files+2*groupFiles+1+4*o.Workers {
		t.Fatalf("%d files parsed, %d recorded before the disk was full: the run went on parsing", parsed, seen.files)
	}
	t.Setenv(envJobLog, "")
	// The store is intact.
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Check()
	st.Close()
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("the store after a full disk: %v %v", err, r.Problems)
	}
	// With room, the next run does the rest.
	if err := exec.Command("mount", "-o", "remount,size=64m", mnt).Run(); err != nil {
		t.Fatal(err)
	}
	s, err = runT(t, context.Background(), options(db, "", dir))
	if err != nil || s.Meetings != files || s.Files[Unchanged] != r.Sources {
		t.Fatalf("the run with room: %v %+v (recorded before: %d)", err, s, r.Sources)
	}
	os.RemoveAll(db)
}
