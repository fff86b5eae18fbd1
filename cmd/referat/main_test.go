package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/pipetest"
)

// The test binary serves as the worker the extract command starts.
// With REFERAT_TEST_AS_MAIN=1 it is the referat command itself, for tests
// that must kill a run.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "worker" {
		os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
	}
	if os.Getenv("REFERAT_TEST_AS_MAIN") == "1" {
		os.Exit(runMain(append([]string{"referat"}, os.Args[1:]...)))
	}
	os.Exit(pipetest.RunNoDefaultStore(m))
}

func runArgs(ctx context.Context, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(ctx, append([]string{"referat"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	good := "../../testdata/pdf/ghostscript/2021-09-16.pdf"
	bad := "../../testdata/pdf/edge/truncated.pdf"
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name       string
		ctx        context.Context
		args       []string
		wantCode   int
		wantStderr string
	}{
		{name: "help", args: []string{"--help"}, wantCode: 0},
		{name: "version", args: []string{"--version"}, wantCode: 0},
		{name: "unknown command", args: []string{"nope"}, wantCode: 2, wantStderr: `unknown command "nope"`},
		{name: "unknown flag", args: []string{"extract", "--nope", good}, wantCode: 2},
		{name: "no files", args: []string{"extract"}, wantCode: 2, wantStderr: "needs at least one"},
		{name: "good file", args: []string{"extract", good}, wantCode: 0},
		{name: "one bad file", args: []string{"extract", bad, good}, wantCode: 1, wantStderr: "truncated.pdf: damaged PDF: the file is truncated"},
		{name: "missing file", args: []string{"extract", "/no/such.pdf"}, wantCode: 1, wantStderr: "no such file"},
		{name: "interrupted", ctx: canceled, args: []string{"extract", good}, wantCode: 130, wantStderr: "interrupted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			code, _, stderr := runArgs(ctx, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantStderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("stderr has a stack trace:\n%s", stderr)
			}
		})
	}
}

func TestHelpHasExitStatus(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"extract", "--help"}} {
		_, out, _ := runArgs(context.Background(), args...)
		if !strings.Contains(out, "EXIT STATUS") || !strings.Contains(out, "130") {
			t.Errorf("%v: help lacks the EXIT STATUS section:\n%s", args, out)
		}
	}
}

// TestExtractJSON checks the contract: one JSON object per file and line,
// in the order given, with the documented fields.
func TestExtractJSON(t *testing.T) {
	files := []string{
		"../../testdata/pdf/libreoffice/2019-12-12.pdf",
		"../../testdata/pdf/edge/empty.pdf",
		"../../testdata/pdf/fpdf/seed-000.pdf",
	}
	code, out, stderr := runArgs(context.Background(), append([]string{"extract"}, files...)...)
	if code != 1 || strings.Count(stderr, "\n") != 2 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"source", "meeting", "intro", "cases"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in %s", k, lines[0])
		}
	}
	var docs [2]referat.Document
	for i := range docs {
		if err := json.Unmarshal([]byte(lines[i]), &docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	d := docs[0]
	if d.Source.Path != files[0] || d.Source.Pages != 2 || len(d.Source.SHA256) != 64 || d.Meeting.Date != "2019-12-12" ||
		d.Meeting.DateSource != "text" || d.Meeting.Body != "etats-MBA" || d.Meeting.Title != "Nytt fra etats-MBA 12. desember 2019" {
		t.Errorf("source/meeting: %+v %+v", d.Source, d.Meeting)
	}
	if len(d.Cases) != 5 || d.Cases[0].Seq != 1 || d.Cases[0].Title != "Linjevise budsjetter for 2020" ||
		d.Cases[0].Text != strings.Join(d.Cases[0].Paragraphs, "\n\n") {
		t.Errorf("cases: %+v", d.Cases)
	}
	if docs[1].Source.Path != files[2] || docs[1].Meeting.DateSource != "metadata" {
		t.Errorf("second document: %+v %+v", docs[1].Source, docs[1].Meeting)
	}
}

func TestExtractText(t *testing.T) {
	code, out, _ := runArgs(context.Background(), "extract", "--text", "../../testdata/pdf/ghostscript/2024-02-15.pdf")
	if code != 0 || !strings.Contains(out, "== 1. Tildelingsbrevet for 2024") || strings.Contains(out, `"cases"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
