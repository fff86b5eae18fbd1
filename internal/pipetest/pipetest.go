// Package pipetest gives the tests of package pipeline and of the
// command line the same corpus of distinct minutes: it reads the
// generated test PDFs and writes copies, and more meetings, under the
// test's t.TempDir().
package pipetest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/testpdf"
)

// CorpusDir writes n distinct minutes PDFs into a new folder under
// t.TempDir(): first copies of the eight meetings LibreOffice made in
// pdfs (testdata/pdf), each made unique by a comment line after its end;
// then, as the bundled producers' files are the same meetings (which a
// store keeps once), the annotated meetings with a date held again one
// week later, two weeks later, …, written with fpdf (package testpdf).
// It returns the folder and the files, m000.pdf, m001.pdf, ….
func CorpusDir(t testing.TB, pdfs string, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	src, err := filepath.Glob(filepath.Join(pdfs, "libreoffice", "*.pdf"))
	if err != nil || len(src) == 0 {
		t.Fatalf("no test PDFs under %s: %v", pdfs, err)
	}
	var names []string
	for i := 0; i < n; i++ {
		name := filepath.Join(dir, fmt.Sprintf("m%03d.pdf", i))
		names = append(names, name)
		if i >= len(src) {
			continue
		}
		b, err := os.ReadFile(src[i])
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, []byte(fmt.Sprintf("\n%% copy %d\n%%%%EOF\n", i))...)
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n > len(src) {
		later(t, pdfs, names[len(src):])
	}
	return dir, names
}

var months = []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}

// later writes the annotated meetings that have a date, held again a week
// later, then two weeks later, …, one per name.
func later(t testing.TB, pdfs string, names []string) {
	all, err := testpdf.LoadMeetings(filepath.Join(pdfs, "..", "samples"), filepath.Join(pdfs, "..", "meetings"))
	if err != nil {
		t.Fatal(err)
	}
	var dated []testpdf.Meeting
	for _, m := range all {
		if _, err := time.Parse("2006-01-02", m.Date); err == nil && m.Body != "" {
			dated = append(dated, m)
		}
	}
	if len(dated) == 0 {
		t.Fatalf("no annotated meetings with a date beside %s", pdfs)
	}
	for i, name := range names {
		m := dated[i%len(dated)]
		day, _ := time.Parse("2006-01-02", m.Date)
		d := day.AddDate(0, 0, 7*(1+i/len(dated)))
		m.Date = d.Format("2006-01-02")
		m.Header = fmt.Sprintf("Nytt fra %s %d. %s %d", m.Body, d.Day(), months[d.Month()-1], d.Year())
		if err := testpdf.FPDF(m, testpdf.LayoutFor(i), m.Date, name); err != nil {
			t.Fatal(err)
		}
	}
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
