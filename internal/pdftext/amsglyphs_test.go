package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/testpdf"
)

// TestBeamerBullets reads a beamer slide set nobody here made (pdfTeX,
// from pdfcpu's test files in the Go module cache): its bullets are
// msam's "trianglerightsld" in a Type 1 font without ToUnicode, which were
// read by their code as "I" before every item.
func TestBeamerBullets(t *testing.T) {
	data := pdfcpuTestFile(t, "go-lecture.pdf")
	doc, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) < 15 {
		t.Fatalf("%d pages, want 41", len(doc.Pages))
	}
	var lines []string
	for _, l := range doc.Pages[14].Lines { // page 15: "Interfaces : Towards Polymorphism"
		lines = append(lines, l.Text())
	}
	page := strings.Join(lines, "\n")
	for _, want := range []string{
		"▶ An example of interface:",
		"▶ Rule: Every data type T with associated functions as",
		"▶ ⇒ A type can satisfy more than one interface.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page 15 lacks %q:\n%s", want, page)
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "I ") {
			t.Errorf("a bullet read as the letter I: %q", l)
		}
	}
}

// pdfcpuTestFile returns a file of pdfcpu's pkg/testdata (real-world
// PDFs nobody here made) from the Go module cache.
func pdfcpuTestFile(t *testing.T, name string) []byte {
	t.Helper()
	dir, err := testpdf.PdfcpuTestdata()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
