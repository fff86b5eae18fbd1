package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// held keeps TestMemProfile's allocation live.
var held []byte

// TestMemProfile checks that --memprofile's file holds the profile of the
// largest live heap: one taken after a large allocation, which names the
// function that made it.
func TestMemProfile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mem.prof")
	stop, err := startMemProfile(file)
	if err != nil {
		t.Fatal(err)
	}
	held = bytes.Repeat([]byte{1}, 64<<20)
	runtime.GC() // the live heap is known after a collection
	stop()
	held = nil
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("not a profile: %v", err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("bytes.Repeat")) {
		t.Error("the profile does not show the largest heap (no bytes.Repeat in it)")
	}
	if _, err := startMemProfile(filepath.Join(t.TempDir(), "no", "mem.prof")); err == nil {
		t.Error("no error for a file that cannot be written")
	}
}
