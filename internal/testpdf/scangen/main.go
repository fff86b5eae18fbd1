// Command scangen makes the scanned test PDFs under testdata/pdf/scan
// from the generated text PDFs under testdata/pdf: each source printed to
// images as a kind of scanner sees them (testpdf.ScanKinds: clean at 150
// and 300 dpi, crooked and speckled, photocopy grey) and wrapped into a
// PDF of JPEGs, and one mixed file (text pages with one scanned page).
// It writes testdata/pdf/scan/expected.json, what a perfect extraction
// of each gives (the expectation of its source). Run from the repository
// root after internal/testpdf/gen:
//
//	go run ./internal/testpdf/scangen
//
// It needs pdftoppm (poppler-utils) and qpdf; the files it makes are
// committed, so tests do not.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/ntlnav/referat/internal/testpdf"
)

// sources are the text PDFs scanned, by kind: a few pages each, of
// several producers, page sizes and title styles.
var sources = map[string][]string{
	"clean-150":            {"libreoffice/2019-12-12.pdf", "fpdf/2023-10-19.pdf"},
	"clean-300":            {"ghostscript/2023-10-19.pdf"},
	"crooked-speckled-200": {"fpdf/2021-09-16.pdf", "libreoffice/2023-10-19.pdf"},
	"photocopy-200":        {"ghostscript/2024-02-15.pdf", "fpdf/2022-03-10.pdf"},
}

// mixed is the text PDF whose second page is replaced by its scan.
const mixed = "libreoffice/2025-02-13.pdf"

func main() {
	in, out := "testdata/pdf", "testdata/pdf/scan"
	b, err := os.ReadFile(filepath.Join(in, "expected.json"))
	if err != nil {
		log.Fatal(err)
	}
	var all []testpdf.Expected
	if err := json.Unmarshal(b, &all); err != nil {
		log.Fatal(err)
	}
	byFile := map[string]testpdf.Expected{}
	for _, e := range all {
		byFile[e.File] = e
	}
	var made []testpdf.Expected
	expect := func(src, file, kind string) {
		e, ok := byFile[filepath.ToSlash(filepath.Join(in, src))]
		if !ok {
			log.Fatalf("%s is not in expected.json", src)
		}
		e.File, e.Producer = filepath.ToSlash(file), kind
		made = append(made, e)
		fmt.Println(file)
	}
	seed := int64(1)
	for _, k := range testpdf.ScanKinds {
		for _, src := range sources[k.Name] {
			dir := filepath.Join(out, k.Name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				log.Fatal(err)
			}
			file := filepath.Join(dir, strings.ReplaceAll(src, "/", "-"))
			e := byFile[filepath.ToSlash(filepath.Join(in, src))]
			if err := testpdf.Scan(filepath.Join(in, src), k, e.Date, seed, file); err != nil {
				log.Fatal(err)
			}
			seed++
			expect(src, file, k.Name)
		}
	}
	tmp := filepath.Join(os.TempDir(), "referat-mixed-scan.pdf")
	defer os.Remove(tmp)
	e := byFile[filepath.ToSlash(filepath.Join(in, mixed))]
	if err := testpdf.Scan(filepath.Join(in, mixed), testpdf.ScanKinds[0], e.Date, seed, tmp); err != nil {
		log.Fatal(err)
	}
	dir := filepath.Join(out, "mixed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	file := filepath.Join(dir, strings.ReplaceAll(mixed, "/", "-"))
	if err := testpdf.Mixed(filepath.Join(in, mixed), tmp, 2, file); err != nil {
		log.Fatal(err)
	}
	expect(mixed, file, "mixed")
	b, _ = json.MarshalIndent(made, "", " ")
	if err := os.WriteFile(filepath.Join(out, "expected.json"), append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}
