// Package pipetest gives the tests of package pipeline and of the
// command line the same corpus of distinct minutes: it reads the
// generated test PDFs and writes copies under the test's t.TempDir().
package pipetest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// CorpusDir copies n distinct minutes PDFs into a new folder under
// t.TempDir(): the generated files in pdfs (testdata/pdf), each made
// unique by a comment line after its end. It returns the folder and the
// files, m000.pdf, m001.pdf, ….
func CorpusDir(t testing.TB, pdfs string, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var src []string
	for _, p := range []string{"libreoffice", "ghostscript", "fpdf"} {
		fs, err := filepath.Glob(filepath.Join(pdfs, p, "*.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, fs...)
	}
	if len(src) == 0 {
		t.Fatalf("no test PDFs under %s", pdfs)
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

// DefaultStore is the store folder commands and Run use when none is
// given, relative to the working directory (a package's folder in tests).
const DefaultStore = "referat-data"

// RunNoDefaultStore runs the tests (m.Run) and fails the run when they
// created DefaultStore in the working directory: tests must write their
// stores under t.TempDir(), naming them with --store or Options.Store.
func RunNoDefaultStore(m interface{ Run() int }) int {
	_, err := os.Stat(DefaultStore)
	existed := err == nil
	code := m.Run()
	if _, err := os.Stat(DefaultStore); err == nil && !existed {
		fmt.Fprintf(os.Stderr, "FAIL: a test wrote the default store ./%s; give it a store under t.TempDir()\n", DefaultStore)
		os.RemoveAll(DefaultStore)
		return 1
	}
	return code
}
