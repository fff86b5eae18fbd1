package main

import (
	"context"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/pipetest"
)

// referatProc runs the referat command line in a process of its own (the
// test binary as main), so that a crash in it cannot take the test with
// it, and returns its exit status and output.
func referatProc(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "REFERAT_TEST_AS_MAIN=1", "ELASTICSEARCH_URL="), env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("referat %v did not end within 2 minutes", args)
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// sampleStore ingests n meetings into a new store and returns its folder
// and that of the PDFs.
func sampleStore(t *testing.T, n int) (st, corpus string) {
	t.Helper()
	t.Setenv("ELASTICSEARCH_URL", "")
	dir, _ := pipetest.CorpusDir(t, pdfs, n)
	st = filepath.Join(t.TempDir(), "store")
	if code, _, stderr := runArgs(context.Background(), "ingest", "--quiet", "--workers", "2", "--store", st, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	return st, dir
}

// damage copies the store file of src into a new store folder and
// damages it with fn.
func damage(t *testing.T, src string, fn func(b []byte) []byte) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(src, "referat.db"))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "damaged")
	os.MkdirAll(dst, 0o755)
	if err := os.WriteFile(filepath.Join(dst, "referat.db"), fn(b), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// checkCleanEnd fails the test unless a command ended with one of the
// exit statuses wanted and, when it failed, one line on stderr without a
// Go trace.
func checkCleanEnd(t *testing.T, what string, code int, stderr string, want ...int) {
	t.Helper()
	ok := false
	for _, w := range want {
		ok = ok || code == w
	}
	if !ok {
		t.Errorf("%s: exit %d, want one of %v; stderr:\n%s", what, code, want, stderr)
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") || strings.Contains(stderr, "SIGBUS") || strings.Contains(stderr, "SIGSEGV") {
		t.Errorf("%s: a Go trace on stderr:\n%s", what, stderr)
	}
	if code == exitDamaged && (strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "referat.db is damaged") || !strings.Contains(stderr, "referat store rebuild")) {
		t.Errorf("%s: want one line naming the file and what to do:\n%s", what, stderr)
	}
}

// TestDamagedStore damages a real store file (truncated, garbage pages,
// flipped bytes, several seeds each, logged) and runs the readers and
// ingest over it, each in a process of its own: they end with exit status
// 4 and one line naming the file and what to do, or, where the damage
// missed what they read, normally; never with a crash.
func TestDamagedStore(t *testing.T) {
	src, _ := sampleStore(t, 8)
	const page = 4096
	seed := time.Now().UnixNano()
	if env := os.Getenv("REFERAT_DAMAGE_SEED"); env != "" {
		var err error
		if seed, err = strconv.ParseInt(env, 10, 64); err != nil {
			t.Fatalf("REFERAT_DAMAGE_SEED: %v", err)
		}
	}
	t.Logf("seed %d (set REFERAT_DAMAGE_SEED to repeat)", seed)
	rng := rand.New(rand.NewSource(seed))
	type damaged struct {
		name      string
		fn        func(b []byte) []byte
		mustCheck bool // store check must find it
	}
	cases := []damaged{
		{name: "truncated to half", fn: func(b []byte) []byte { return b[:len(b)/2] }, mustCheck: true},
		{name: "truncated to one page", fn: func(b []byte) []byte { return b[:page] }, mustCheck: true},
		{name: "every page after the meta pages garbage", mustCheck: true, fn: func(b []byte) []byte {
			rng.Read(b[2*page:])
			return b
		}},
	}
	for i := 0; i < 4; i++ {
		s := rng.Int63()
		cases = append(cases, damaged{name: "garbage pages, seed " + itoa(s), fn: func(b []byte) []byte {
			r := rand.New(rand.NewSource(s))
			for j := 0; j < 3; j++ {
				p := 2 + r.Intn(len(b)/page-2)
				r.Read(b[p*page : (p+1)*page])
			}
			return b
		}})
		f := rng.Int63()
		cases = append(cases, damaged{name: "flipped bytes, seed " + itoa(f), fn: func(b []byte) []byte {
			r := rand.New(rand.NewSource(f))
			for j := 0; j < 32; j++ {
				b[r.Intn(len(b))] ^= byte(1 + r.Intn(255))
			}
			return b
		}})
	}
	corpus, _ := pipetest.CorpusDir(t, pdfs, 2)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dst := damage(t, src, tc.fn)
			code, _, stderr := referatProc(t, nil, "store", "check", "--store", dst)
			if tc.mustCheck {
				checkCleanEnd(t, "store check", code, stderr, exitDamaged)
			} else {
				checkCleanEnd(t, "store check", code, stderr, exitOK, exitDamaged)
			}
			t.Logf("store check: exit %d", code)
			for _, args := range [][]string{{"trends"}, {"cases", "--limit", "0"}, {"search", "budsjett"}, {"ingest", "--quiet", "--workers", "1", corpus}} {
				args = append([]string{args[0], "--store", dst}, args[1:]...)
				code, _, stderr := referatProc(t, nil, args...)
				checkCleanEnd(t, args[0], code, stderr, exitOK, exitDamaged)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestReadCommandsNeverCreate: the analysts' commands open the store
// read-only: a folder that holds none is an error naming it, and nothing
// is created.
func TestReadCommandsNeverCreate(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	typo := filepath.Join(t.TempDir(), "typo-dir")
	html := filepath.Join(t.TempDir(), "r.html")
	for _, args := range [][]string{
		{"trends"}, {"compare", "--topic", "budsjett"}, {"search", "budsjett"}, {"cases"}, {"show", "x-001"},
		{"report", "--html", html}, {"store", "check"},
	} {
		t.Run(args[0], func(t *testing.T) {
			i := len(args)
			if args[0] == "search" || args[0] == "show" {
				i = 1
			}
			full := append(append(append([]string{}, args[:i]...), "--store", typo), args[i:]...)
			if args[0] == "store" {
				full = []string{"store", "check", "--store", typo}
			}
			code, _, stderr := runArgs(context.Background(), full...)
			if code != exitFailed || !strings.Contains(stderr, "no store in "+typo) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
			if _, err := os.Stat(typo); err == nil {
				t.Errorf("%s created %s", args[0], typo)
			}
		})
	}
}

// TestStoreEnv: $REFERAT_STORE is the default store of every command;
// --store wins over it.
func TestStoreEnv(t *testing.T) {
	st, _ := sampleStore(t, 2)
	t.Setenv("REFERAT_STORE", st)
	if code, out, stderr := runArgs(context.Background(), "cases", "--json"); code != 0 || !strings.Contains(out, `"id"`) {
		t.Errorf("cases from $REFERAT_STORE: exit %d %s %s", code, out, stderr)
	}
	if code, out, _ := runArgs(context.Background(), "store", "check"); code != 0 || !strings.Contains(out, "2 files") {
		t.Errorf("store check from $REFERAT_STORE: exit %d %s", code, out)
	}
	// Elasticsearch unreachable: resync says what the store holds and
	// keeps it pending (exit 3), from the store $REFERAT_STORE names.
	if code, out, stderr := runArgs(context.Background(), "index", "resync", "--es-url", "http://127.0.0.1:1", "--es-timeout", "2s"); code != 3 ||
		!strings.Contains(out, "store:  2 meetings") || !strings.Contains(out, st) {
		t.Errorf("index resync from $REFERAT_STORE: exit %d %s %s", code, out, stderr)
	}
	t.Setenv("REFERAT_STORE", filepath.Join(t.TempDir(), "elsewhere"))
	if code, _, stderr := runArgs(context.Background(), "cases", "--store", st); code != 0 {
		t.Errorf("--store does not win over $REFERAT_STORE: exit %d %s", code, stderr)
	}
}

// TestStoreRebuild damages a store and rebuilds it: from the paths its
// snapshot still holds, and from paths given; the damaged file is kept.
func TestStoreRebuild(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	dir, _ := pipetest.CorpusDir(t, pdfs, 4)
	st := filepath.Join(t.TempDir(), "store")
	if code, _, stderr := runArgs(context.Background(), "ingest", "--quiet", "--store", st, dir); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	garbage := func(b []byte) []byte {
		rand.New(rand.NewSource(1)).Read(b[2*4096:])
		return b
	}
	// With the snapshot: the recorded files are found again.
	dst := damage(t, st, garbage)
	snap, _ := os.ReadFile(filepath.Join(st, "referat.snapshot.db"))
	os.WriteFile(filepath.Join(dst, "referat.snapshot.db"), snap, 0o644)
	code, _, stderr := runArgs(context.Background(), "store", "rebuild", "--json", "--store", dst)
	if code != 0 || !strings.Contains(stderr, "rebuilding from 4 recorded file(s)") {
		t.Fatalf("rebuild: exit %d %s", code, stderr)
	}
	aside, _ := filepath.Glob(filepath.Join(dst, "referat.db.damaged-*"))
	if len(aside) != 1 {
		t.Errorf("the damaged file was not kept: %v", aside)
	}
	if code, out, _ := runArgs(context.Background(), "store", "check", "--store", dst); code != 0 || !strings.Contains(out, "4 files, 4 documents") {
		t.Errorf("the rebuilt store: exit %d %s", code, out)
	}
	// Without: the paths must be given.
	dst = damage(t, st, garbage)
	if code, _, stderr := runArgs(context.Background(), "store", "rebuild", "--store", dst); code == 0 || strings.Contains(stderr, "goroutine") {
		t.Errorf("rebuild from nothing: exit %d %s", code, stderr)
	}
	code, _, stderr = runArgs(context.Background(), "store", "rebuild", "--quiet", "--store", dst, dir)
	if code != 0 {
		t.Fatalf("rebuild from a folder: exit %d %s", code, stderr)
	}
	if code, out, _ := runArgs(context.Background(), "store", "check", "--store", dst); code != 0 || !strings.Contains(out, "4 files, 4 documents") {
		t.Errorf("the rebuilt store: exit %d %s", code, out)
	}
}
