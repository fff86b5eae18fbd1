package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadDuringIngest runs a real ingest process that stays busy (a PDF
// that keeps its worker looping) and asks trends meanwhile: it answers
// from the snapshot the last ingest left, and says so. Without a snapshot
// it waits --lock-timeout and exits 5, naming the store and the ingest's
// pid.
func TestReadDuringIngest(t *testing.T) {
	st, corpus := sampleStore(t, 4)
	loop, err := os.ReadFile(filepath.Join(pdfs, "edge", "objstm-loop.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(corpus, "zz-loop.pdf"), loop, 0o644)
	cmd := exec.Command(os.Args[0], "ingest", "--quiet", "--workers", "1", "--timeout", "10m", "--store", st, corpus)
	cmd.Env = append(os.Environ(), "REFERAT_TEST_AS_MAIN=1", "ELASTICSEARCH_URL=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	}()
	pid := strconv.Itoa(cmd.Process.Pid)
	waitFor(t, 2*time.Minute, "the ingest to hold the store", func() bool {
		b, _ := os.ReadFile(filepath.Join(st, "writer.pid"))
		return strings.HasPrefix(string(b), "pid "+pid+" ")
	})
	code, out, stderr := runArgs(context.Background(), "trends", "--store", st)
	if code != 0 || !strings.Contains(out, "all cases") || !strings.Contains(stderr, "reading its snapshot") || !strings.Contains(stderr, "pid "+pid) {
		t.Errorf("trends during an ingest: exit %d\n%s\n%s", code, out, stderr)
	}
	os.Remove(filepath.Join(st, "referat.snapshot.db"))
	code, _, stderr = runArgs(context.Background(), "trends", "--lock-timeout", "300ms", "--store", st)
	if code != exitLocked || !strings.Contains(stderr, filepath.Join(st, "referat.db")) || !strings.Contains(stderr, "pid "+pid) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("trends without a snapshot: exit %d, want %d; %s", code, exitLocked, stderr)
	}
}

// waitFor polls cond until it holds, failing the test after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s after %s", what, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
