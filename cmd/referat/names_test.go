package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
