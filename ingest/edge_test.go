package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/testpdf"
)

func allText(d *referat.Document) string {
	var b strings.Builder
	b.WriteString(d.Meeting.Title + "\n" + d.Intro + "\n")
	for _, c := range d.Cases {
		b.WriteString(c.Title + "\n" + c.Text + "\n")
	}
	return b.String()
}

// TestEdgeFiles reads every edge-case file through a worker pool: good
// ones must give their text, bad ones fail with the right cause and a
// message naming the file, and no file takes the pool down.
//
// Files that must time out go to a pool with a short deadline; the others
// get a long one, so that a loaded machine cannot turn a slow read (the
// inflate bomb's 256 MiB) into a timeout.
func TestEdgeFiles(t *testing.T) {
	short := &ingest.Pool{Command: workerCommand, Size: 1, Timeout: 3 * time.Second}
	defer short.Close()
	long := &ingest.Pool{Command: workerCommand, Size: 2, Timeout: 2 * time.Minute}
	defer long.Close()
	for _, e := range testpdf.Edges {
		t.Run(e.Name, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "pdf", "edge", e.Name)
			pool := long
			if strings.Contains(e.Cause, "timeout") {
				pool = short
			}
			doc, err := pool.Extract(context.Background(), path, ingest.Options{})
			if e.Cause == "" {
				if err != nil {
					t.Fatalf("%s (%s): %v", e.Name, e.Why, err)
				}
				if got := strings.Join(strings.Fields(allText(doc)), " "); !strings.Contains(got, e.Text) {
					t.Errorf("%s (%s): text lacks %q:\n%s", e.Name, e.Why, e.Text, got)
				}
				return
			}
			if err == nil {
				t.Fatalf("%s (%s): read without error, want %s", e.Name, e.Why, e.Cause)
			}
			var ie *ingest.Error
			if !errors.As(err, &ie) || ie.File != path {
				t.Errorf("error %v is not an *ingest.Error naming %s", err, path)
			}
			if strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "goroutine") {
				t.Errorf("error is not one clean line: %q", err)
			}
			ok := false
			for _, c := range strings.Split(e.Cause, "|") {
				ok = ok || errors.Is(err, ingest.CauseError(c))
			}
			if !ok {
				t.Errorf("%s (%s): got %v, want cause %s", e.Name, e.Why, err, e.Cause)
			}
			if ingest.Advice(err) == "" {
				t.Errorf("no advice for %v", err)
			}
		})
	}
}

func TestPassword(t *testing.T) {
	path := filepath.Join("..", "testdata", "pdf", "edge", "user-password.pdf")
	tests := []struct {
		name     string
		password string
		wantErr  error
	}{
		{name: "none", password: "", wantErr: ingest.ErrEncrypted},
		{name: "wrong", password: "feil", wantErr: ingest.ErrEncrypted},
		{name: "right", password: testpdf.UserPassword},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ingest.ExtractFile(context.Background(), path, ingest.Options{Password: tt.password})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Cases) != 5 {
				t.Errorf("got %d cases, want 5", len(doc.Cases))
			}
		})
	}
}

// TestPoolSurvivesCrashes alternates files that kill or hang a worker with
// good files: every good file must still be read.
func TestPoolSurvivesCrashes(t *testing.T) {
	pool := &ingest.Pool{Command: workerCommand, Size: 1, Timeout: 2 * time.Second}
	defer pool.Close()
	edge := func(n string) string { return filepath.Join("..", "testdata", "pdf", "edge", n) }
	good := filepath.Join("..", "testdata", "pdf", "fpdf", "2024-02-15.pdf")
	steps := []struct {
		file string
		want error
	}{
		{file: good},
		{file: edge("bogus-xref-size.pdf"), want: ingest.ErrCrashed},
		{file: good},
		{file: edge("objstm-loop.pdf"), want: ingest.ErrTimeout},
		{file: good},
		{file: edge("bogus-xref-size.pdf"), want: ingest.ErrCrashed},
		{file: edge("bogus-xref-size.pdf"), want: ingest.ErrCrashed},
		{file: good},
	}
	for i, s := range steps {
		doc, err := pool.Extract(context.Background(), s.file, ingest.Options{})
		if s.want == nil {
			if err != nil || len(doc.Cases) != 4 {
				t.Fatalf("step %d: %s: %v", i, s.file, err)
			}
			continue
		}
		if !errors.Is(err, s.want) {
			t.Fatalf("step %d: %s: got %v, want %v", i, s.file, err, s.want)
		}
	}
}

func TestPoolCancel(t *testing.T) {
	pool := &ingest.Pool{Command: workerCommand, Size: 1, Timeout: time.Minute}
	defer pool.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := pool.Extract(ctx, filepath.Join("..", "testdata", "pdf", "edge", "objstm-loop.pdf"), ingest.Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the context's error", err)
	}
}

// TestExtractStops checks that a context that ends stops in-process
// extraction with ErrTimeout, as the worker's deadline does.
func TestExtractStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ingest.ExtractFile(ctx, filepath.Join("..", "testdata", "pdf", "fpdf", "2024-02-15.pdf"), ingest.Options{})
	var e *ingest.Error
	if !errors.As(err, &e) || !errors.Is(err, ingest.ErrTimeout) || ingest.CauseName(err) != "timeout" {
		t.Fatalf("got %v, want an *ingest.Error with cause ErrTimeout", err)
	}
	if want := "deadline exceeded: context canceled"; !strings.HasSuffix(err.Error(), want) {
		t.Errorf("got %q, want it to end in %q", err, want)
	}
}
