package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/estest"
)

const pdfs = "../../testdata/pdf"

// corpusDir copies n distinct minutes PDFs into a new folder: the
// generated files, each made unique by a comment line after its end.
func corpusDir(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var src []string
	for _, p := range []string{"libreoffice", "ghostscript", "fpdf"} {
		fs, _ := filepath.Glob(filepath.Join(pdfs, p, "*.pdf"))
		src = append(src, fs...)
	}
	var names []string
	for i := 0; i < n; i++ {
		b, err := os.ReadFile(src[i%len(src)])
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, []byte(fmt.Sprintf("\n%% copy %d\n%%%%EOF\n", i))...)
		name := filepath.Join(dir, fmt.Sprintf("m%03d.pdf", i))
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return dir, names
}

func ingestJSON(t *testing.T, ctx context.Context, args ...string) (int, summary, string) {
	t.Helper()
	code, out, stderr := runArgs(ctx, append([]string{"ingest", "--json", "--workers", "2"}, args...)...)
	var s summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary is not JSON (%v): %s\n%s", err, out, stderr)
	}
	return code, s, stderr
}

func TestIngestIncremental(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "") // the local store alone
	dir, names := corpusDir(t, 6)
	storeDir := filepath.Join(t.TempDir(), "store")
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a pdf"), 0o644)
	ctx := context.Background()

	code, s, stderr := ingestJSON(t, ctx, "--store", storeDir, dir)
	if code != 0 || s.Files[outNew] != 6 || s.Files["skipped"] != 1 || s.Meetings != 6 || s.PagesParsed == 0 {
		t.Fatalf("first run: exit %d, %+v\n%s", code, s, stderr)
	}
	cases := s.Cases

	// A second run over the unchanged folder parses nothing.
	code, s, _ = ingestJSON(t, ctx, "--store", storeDir, dir)
	if code != 0 || s.Files[outUnchanged] != 6 || s.PagesParsed != 0 || s.Cases != cases {
		t.Fatalf("second run: exit %d, %+v", code, s)
	}

	// Touched but not changed: recognised by its hash, not parsed.
	now := time.Now().Add(time.Minute)
	os.Chtimes(names[0], now, now)
	_, s, _ = ingestJSON(t, ctx, "--store", storeDir, dir)
	if s.Files[outUnchanged] != 6 || s.PagesParsed != 0 {
		t.Fatalf("touched: %+v", s)
	}

	// Moved: recognised by its content, not parsed again.
	moved := filepath.Join(dir, "sub", "renamed.pdf")
	os.MkdirAll(filepath.Dir(moved), 0o755)
	if err := os.Rename(names[1], moved); err != nil {
		t.Fatal(err)
	}
	_, s, _ = ingestJSON(t, ctx, "--store", storeDir, dir)
	if s.Files[outMoved] != 1 || s.PagesParsed != 0 || s.Meetings != 6 {
		t.Fatalf("moved: %+v", s)
	}

	// Changed: parsed again, its old case replaced.
	other, _ := os.ReadFile(filepath.Join(pdfs, "fpdf", "2025-02-13.pdf"))
	os.WriteFile(names[2], other, 0o644)
	_, s, _ = ingestJSON(t, ctx, "--store", storeDir, dir)
	if s.Files[outChanged] != 1 || s.PagesParsed == 0 || s.Meetings != 6 {
		t.Fatalf("changed: %+v", s)
	}

	// Pruned: a deleted file's documents go with --prune.
	os.Remove(names[3])
	_, s, _ = ingestJSON(t, ctx, "--store", storeDir, dir)
	if s.Meetings != 6 {
		t.Fatalf("without --prune a vanished file's documents stay: %+v", s)
	}
	_, s, _ = ingestJSON(t, ctx, "--store", storeDir, "--prune", dir)
	if s.Files["pruned"] != 1 || s.Meetings != 5 {
		t.Fatalf("prune: %+v", s)
	}
}

func TestIngestBadFiles(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "") // the local store alone
	dir, _ := corpusDir(t, 3)
	for _, bad := range []string{"empty.pdf", "truncated.pdf", "not-a-pdf.pdf", "user-password.pdf", "garbage.pdf", "bogus-xref-size.pdf"} {
		b, _ := os.ReadFile(filepath.Join(pdfs, "edge", bad))
		os.WriteFile(filepath.Join(dir, bad), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("x"), 0o644)
	storeDir := filepath.Join(t.TempDir(), "store")
	code, s, stderr := ingestJSON(t, context.Background(), "--store", storeDir, dir)
	if code != 1 || s.Files[outNew] != 3 || s.Files[outFailed] != 6 || s.Files["skipped"] != 1 || len(s.Failures) != 6 {
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
	code, _, stderr := runArgs(context.Background(), "ingest", "--store", storeDir, filepath.Join(pdfs, "fpdf"))
	if code != 1 || !strings.Contains(stderr, "in use by another referat process") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestIngestRetag(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "") // the local store alone
	dir, _ := corpusDir(t, 2)
	storeDir := filepath.Join(t.TempDir(), "store")
	ctx := context.Background()
	if code, _, stderr := ingestJSON(t, ctx, "--store", storeDir, dir); code != 0 {
		t.Fatal(stderr)
	}
	_, def, _ := runArgs(ctx, "taxonomy")
	tax := filepath.Join(t.TempDir(), "tax.yaml")
	// A new topic the stored cases have words for.
	own := def + `
  - id: rapportering
    label: Rapportering
    label_en: Reporting
    terms: [rapportering, rapporteringskrav]
`
	own = strings.Replace(own, "\nactors:", `
  - id: rapportering
    label: Rapportering
    label_en: Reporting
    terms: [rapportering, rapporteringskrav]

actors:`, 1)
	own = own[:strings.LastIndex(own, "\n  - id: rapportering")]
	os.WriteFile(tax, []byte(own), 0o644)
	code, s, stderr := ingestJSON(t, ctx, "--store", storeDir, "--taxonomy", tax, "--retag", dir)
	if code != 0 || s.Files["retagged"] != 2 || s.PagesParsed != 0 {
		t.Fatalf("retag: exit %d, %+v %s", code, s, stderr)
	}
	found := false
	for _, ts := range s.TopicsByYear {
		found = found || ts["rapportering"] > 0
	}
	if !found {
		t.Errorf("no case got the new topic: %v", s.TopicsByYear)
	}
}

// esCounts returns the documents per alias, and the cases by id.
func esCases(t *testing.T, ctx context.Context) (int, int) {
	es := estest.Client(t)
	n, err := elastic.Count(ctx, es, elastic.Cases, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := elastic.Count(ctx, es, elastic.Meetings, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n, m
}

// storeCases counts the cases the store holds.
func storeCases(t *testing.T, storeDir string) (cases, meetings int) {
	t.Helper()
	s, err := store.OpenStore(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Documents(func(d *referat.Document) bool {
		meetings++
		cases += len(d.Cases)
		return true
	})
	return cases, meetings
}

// TestIngestKilled kills ingest runs with SIGKILL at random points; the
// next run must complete, and the store and Elasticsearch must hold every
// case exactly once.
func TestIngestKilled(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	dir, names := corpusDir(t, 16)
	storeDir := filepath.Join(t.TempDir(), "store")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "ingest", "--quiet", "--workers", "2", "--store", storeDir, "--es-url", url, dir)
		cmd.Env = append(os.Environ(), "REFERAT_TEST_AS_MAIN=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	kills := 10
	for i := 0; i < kills; i++ {
		cmd := start()
		time.Sleep(time.Duration(rng.Intn(1500)) * time.Millisecond)
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the run and its workers
		cmd.Wait()
		if i%3 == 2 { // a file changes between runs, too
			other, _ := os.ReadFile(filepath.Join(pdfs, "ghostscript", "2019-12-12.pdf"))
			os.WriteFile(names[i], append(other, []byte(fmt.Sprintf("\n%% v%d\n%%%%EOF\n", i))...), 0o644)
		}
	}
	cmd := exec.Command(os.Args[0], "ingest", "--json", "--workers", "2", "--store", storeDir, "--es-url", url, dir)
	cmd.Env = append(os.Environ(), "REFERAT_TEST_AS_MAIN=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the run after the kills: %v\n%s", err, out)
	}
	var s summary
	json.Unmarshal(out, &s)
	if s.Meetings != 16 || s.ES == nil || s.ES.Pending != 0 || s.ES.Error != "" {
		t.Fatalf("after %d kills: %+v %+v", kills, s, s.ES)
	}
	wantCases, _ := storeCases(t, storeDir)
	gotCases, gotMeetings := esCases(t, context.Background())
	if gotCases != wantCases || gotMeetings != 16 || wantCases != s.Cases {
		t.Errorf("Elasticsearch has %d cases and %d meetings; the store %d cases (summary %d), 16 meetings", gotCases, gotMeetings, wantCases, s.Cases)
	}
}

// proxy forwards loopback connections to the Elasticsearch node until
// closed: closing it is Elasticsearch going away in the middle of a run.
// With dieOn set, it closes itself when a request holding that text comes
// (the first bulk request, say), so the outage lands at the same point in
// every run.
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
	dieOn string
}

func newProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() {
				buf := make([]byte, 32<<10)
				for {
					n, err := c.Read(buf)
					if n > 0 && p.dieOn != "" && strings.Contains(string(buf[:n]), p.dieOn) {
						p.Close()
						return
					}
					if n > 0 {
						if _, werr := u.Write(buf[:n]); werr != nil {
							break
						}
					}
					if err != nil {
						break
					}
				}
				u.Close()
			}()
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
	return p
}

func (p *proxy) URL() string { return "http://" + p.ln.Addr().String() }

func (p *proxy) Close() {
	p.ln.Close()
	p.mu.Lock()
	for _, c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
}

func TestIngestElasticsearchDown(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	host := strings.TrimPrefix(strings.TrimPrefix(url, "http://"), "https://")
	p := newProxy(t, strings.TrimSuffix(host, "/"))
	p.dieOn = "/_bulk" // Elasticsearch goes away when the documents are sent
	dir, _ := corpusDir(t, 6)
	storeDir := filepath.Join(t.TempDir(), "store")
	ctx := context.Background()
	code, s, stderr := ingestJSON(t, ctx, "--store", storeDir, "--es-url", p.URL(), dir)
	if code != 3 || s.ES == nil || s.ES.Pending != 6 || s.Meetings != 6 {
		t.Fatalf("while down: exit %d, %+v %+v\n%s", code, s, s.ES, stderr)
	}
	// Elasticsearch is back: the next run sends what was pending, once.
	code, s, stderr = ingestJSON(t, ctx, "--store", storeDir, "--es-url", url, dir)
	if code != 0 || s.ES.Pending != 0 || s.PagesParsed != 0 {
		t.Fatalf("after: exit %d, %+v %+v\n%s", code, s, s.ES, stderr)
	}
	wantCases, _ := storeCases(t, storeDir)
	if got, meetings := esCases(t, ctx); got != wantCases || meetings != 6 {
		t.Errorf("Elasticsearch has %d cases, %d meetings; want %d and 6", got, meetings, wantCases)
	}
	// And a third run sends nothing again.
	_, s, _ = ingestJSON(t, ctx, "--store", storeDir, "--es-url", url, dir)
	if s.ES.Indexed != 0 {
		t.Errorf("third run indexed %d documents again", s.ES.Indexed)
	}
}

// TestIngestInterrupted sends SIGINT (Ctrl-C) in the middle of a run: it
// stops with exit status 130, no file is recorded as failed, and the next
// run completes the store.
func TestIngestInterrupted(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	dir, _ := corpusDir(t, 16)
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
	var s summary
	json.Unmarshal([]byte(out.String()), &s)
	if !s.Interrupted || s.Files[outFailed] != 0 {
		t.Errorf("interrupted run: %+v", s)
	}
	os.Remove(filepath.Join(dir, "zz-loop.pdf"))
	code, s2, stderr := ingestJSON(t, context.Background(), "--store", storeDir, dir)
	if code != 0 || s2.Meetings != 16 || s2.Files[outFailed] != 0 {
		t.Fatalf("the run after: exit %d %+v %s", code, s2, stderr)
	}
}
