package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/pipetest"
)

// TestFailedNamesOneLine: a failing file whose name is Latin-1, or holds
// a newline, is reported on one line, its name escaped.
func TestFailedNamesOneLine(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	dir := t.TempDir()
	bad, _ := os.ReadFile(filepath.Join(pdfs, "edge", "truncated.pdf"))
	os.WriteFile(filepath.Join(dir, "\xe6\xf8\xe5.pdf"), bad, 0o644)
	os.WriteFile(filepath.Join(dir, "to\nlinjer.pdf"), bad, 0o644)
	code, _, stderr := runArgs(context.Background(), "ingest", "--quiet", "--store", filepath.Join(t.TempDir(), "s"), dir)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if code != exitFailed || len(lines) != 3 { // two files and the count
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), stderr)
	}
	for _, want := range []string{`/\xe6\xf8\xe5.pdf: damaged PDF`, `/to\nlinjer.pdf: damaged PDF`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr)
		}
	}
}

// TestIngestDiskFull: a store on a full disk (a real 256 KiB tmpfs) ends
// the run with one line that says so, and exit status 1.
func TestIngestDiskFull(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	mnt := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt).Run(); err != nil {
		t.Skipf("cannot mount a tmpfs here (needs root, or CAP_SYS_ADMIN): %v", err)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	dir, _ := pipetest.CorpusDir(t, pdfs, 40)
	code, _, stderr := runArgs(context.Background(), "ingest", "--quiet", "--workers", "2", "--store", filepath.Join(mnt, "s"), dir)
	if code != exitFailed || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no space left on device") ||
		!strings.Contains(stderr, "the disk is full") || strings.Contains(stderr, "goroutine") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}
