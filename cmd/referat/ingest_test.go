package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/pipetest"
	"github.com/ntlnav/referat/pipeline"
)

const pdfs = "../../testdata/pdf"

func ingestJSON(t *testing.T, ctx context.Context, args ...string) (int, pipeline.Summary, string) {
	t.Helper()
	code, out, stderr := runArgs(ctx, append([]string{"ingest", "--json", "--workers", "2"}, args...)...)
	var s pipeline.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary is not JSON (%v): %s\n%s", err, out, stderr)
	}
	return code, s, stderr
}

func TestIngestBadFiles(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "") // the local store alone
	dir, _ := pipetest.CorpusDir(t, pdfs, 3)
	for _, bad := range []string{"empty.pdf", "truncated.pdf", "not-a-pdf.pdf", "user-password.pdf", "garbage.pdf", "bogus-xref-size.pdf"} {
		b, _ := os.ReadFile(filepath.Join(pdfs, "edge", bad))
		os.WriteFile(filepath.Join(dir, bad), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("x"), 0o644)
	storeDir := filepath.Join(t.TempDir(), "store")
	code, s, stderr := ingestJSON(t, context.Background(), "--store", storeDir, dir)
	if code != 1 || s.Files[pipeline.New] != 3 || s.Files[pipeline.Failed] != 6 || s.Files[pipeline.Skipped] != 1 || len(s.Failures) != 6 {
		t.Fatalf("exit %d, %+v\n%s", code, s, stderr)
	}
	want := map[string]string{"empty.pdf": "empty", "truncated.pdf": "damaged", "not-a-pdf.pdf": "not-pdf",
		"user-password.pdf": "encrypted", "garbage.pdf": "damaged", "bogus-xref-size.pdf": "crashed"}
	for _, f := range s.Failures {
		if c := want[filepath.Base(f.Path)]; c != f.Cause || f.Error == "" || f.Advice == "" {
			t.Errorf("%s: cause %q (want %q), error %q, advice %q", f.Path, f.Cause, c, f.Error, f.Advice)
		}
	}
	// The text report names each file with its reason, one line each.
	code, _, stderr = runArgs(context.Background(), "ingest", "--store", storeDir, dir)
	if code != 1 || strings.Count(stderr, "referat: "+dir) != 6 || strings.Contains(stderr, "goroutine") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestIngestLock(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "") // the local store alone
	storeDir := filepath.Join(t.TempDir(), "store")
	s, err := store.OpenStore(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, _, stderr := runArgs(context.Background(), "ingest", "--lock-timeout", "200ms", "--store", storeDir, filepath.Join(pdfs, "fpdf"))
	if code != exitLocked || !strings.Contains(stderr, "in use by another referat process (pid ") || !strings.Contains(stderr, storeDir) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestIngestElasticsearchUnreachable: with no Elasticsearch where
// --es-url points, the run still records every file, says how many are
// pending, and exits with status 3.
func TestIngestElasticsearchUnreachable(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 2)
	storeDir := filepath.Join(t.TempDir(), "store")
	code, s, stderr := ingestJSON(t, context.Background(), "--store", storeDir, "--es-url", "http://127.0.0.1:1", dir)
	if code != 3 || s.ES == nil || s.ES.Pending != 2 || s.Meetings != 2 || !strings.Contains(stderr, "kept pending") {
		t.Fatalf("exit %d, %+v %+v\n%s", code, s, s.ES, stderr)
	}
}

// TestIngestInterrupted sends SIGINT (Ctrl-C) in the middle of a run: it
// stops with exit status 130, no file is recorded as failed, and the next
// run completes the store.
func TestIngestInterrupted(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	dir, _ := pipetest.CorpusDir(t, pdfs, 16)
	// A file that keeps a worker busy until its deadline: the run is sure
	// to be in the middle of something when Ctrl-C comes.
	loop, _ := os.ReadFile(filepath.Join(pdfs, "edge", "objstm-loop.pdf"))
	os.WriteFile(filepath.Join(dir, "zz-loop.pdf"), loop, 0o644)
	storeDir := filepath.Join(t.TempDir(), "store")
	cmd := exec.Command(os.Args[0], "ingest", "--json", "--workers", "2", "--timeout", "5s", "--store", storeDir, dir)
	cmd.Env = append(os.Environ(), "REFERAT_TEST_AS_MAIN=1")
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit %d (%v), want 130; %s", code, err, out.String())
	}
	var s pipeline.Summary
	json.Unmarshal([]byte(out.String()), &s)
	if !s.Interrupted || s.Files[pipeline.Failed] != 0 {
		t.Errorf("interrupted run: %+v", s)
	}
	os.Remove(filepath.Join(dir, "zz-loop.pdf"))
	code, s2, stderr := ingestJSON(t, context.Background(), "--store", storeDir, dir)
	if code != 0 || s2.Meetings != 16 || s2.Files[pipeline.Failed] != 0 {
		t.Fatalf("the run after: exit %d %+v %s", code, s2, stderr)
	}
}
