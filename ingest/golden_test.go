package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden compares the extraction of every generated minutes PDF with
// its golden file, testdata/golden/PRODUCER/ID.json. Run with -update to
// rewrite them after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	for _, e := range loadExpected(t) {
		name := strings.TrimSuffix(strings.TrimPrefix(e.File, "testdata/pdf/"), ".pdf")
		t.Run(name, func(t *testing.T) { checkGolden(t, e.File, name, "TestGolden") })
	}
}

// checkGolden extracts file (relative to the repository) and compares
// the JSON with testdata/golden/NAME.json, or rewrites that under -update;
// test names the test to run with -update.
func checkGolden(t *testing.T, file, name, test string) {
	t.Helper()
	doc, err := ingest.ExtractFile(context.Background(), filepath.Join("..", file), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc.Source.Path = file // independent of the working folder
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./ingest -run %s -update)", err, test)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s differs from %s:\n%s", file, golden, lineDiff(string(want), got.String()))
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 6; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
