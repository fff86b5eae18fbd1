package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ntlnav/referat/pipeline"
)

// TestNamedPipeArguments: a named pipe called x.pdf, given to extract or
// ingest, fails or is skipped at once (each command runs in a process of
// its own, with a deadline) and is named with its kind.
func TestNamedPipeArguments(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := referatProc(t, nil, "extract", fifo)
	if code != exitFailed || !strings.Contains(stderr, "pipe.pdf") || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("extract: exit %d %s", code, stderr)
	}
	st := filepath.Join(t.TempDir(), "store")
	code, out, stderr := referatProc(t, nil, "ingest", "--json", "--store", st, fifo, filepath.Join(filepath.Dir(fifo), "*.pdf"))
	var s pipeline.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != 0 || len(s.Skips) != 2 || s.Skips[0].Kind != "named pipe" {
		t.Errorf("ingest --json: exit %d, %v, %s\n%s", code, err, out, stderr)
	}
	code, _, stderr = referatProc(t, nil, "ingest", "--store", st, fifo)
	if code != 0 || !strings.Contains(stderr, "skipped "+fifo+": a named pipe, not a regular file") {
		t.Errorf("ingest: exit %d %s", code, stderr)
	}
}
