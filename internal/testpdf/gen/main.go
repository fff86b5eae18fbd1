// Command gen makes the test PDFs under testdata/pdf from the annotated
// meetings in testdata/samples and testdata/meetings, with every producer
// in package testpdf, and writes testdata/pdf/expected.json, what a perfect
// extraction of each gives. Run from the repository root:
//
//	go run ./internal/testpdf/gen [-samples testdata/samples]
//
// It needs soffice (libreoffice-writer), gs (ghostscript), qpdf, hyphen-no
// and fonts-dejavu-core; the files it makes are committed, so tests do not.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/ntlnav/referat/internal/testpdf"
)

// metadataDates are the dates written as CreationDate for meetings whose
// text carries none (the two real extracts): the dates of those meetings.
var metadataDates = map[string]string{"seed-000": "2023-06-15", "seed-002": "2023-12-14"}

func main() {
	samples := flag.String("samples", "testdata/samples", "folder of annotated meetings")
	out := flag.String("out", "testdata/pdf", "output folder")
	flag.Parse()
	meetings, err := testpdf.LoadMeetings(*samples, "testdata/meetings")
	if err != nil {
		log.Fatal(err)
	}
	producers := []struct {
		name string
		make func(testpdf.Meeting, testpdf.Layout, string, string) error
	}{
		{"libreoffice", testpdf.LibreOffice},
		{"ghostscript", testpdf.Ghostscript},
		{"fpdf", testpdf.FPDF},
	}
	var all []testpdf.Expected
	for _, p := range producers {
		dir := filepath.Join(*out, p.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		for i, m := range meetings {
			created := m.Date
			if d, ok := metadataDates[m.ID]; ok {
				created = d
			}
			file := filepath.Join(dir, m.ID+".pdf")
			if err := p.make(m, testpdf.LayoutFor(i), created, file); err != nil {
				log.Fatalf("%s: %v", file, err)
			}
			all = append(all, testpdf.Expect(m, p.name, filepath.ToSlash(file), created))
			fmt.Println(file)
		}
	}
	good, err := os.ReadFile(filepath.Join(*out, "libreoffice", "2019-12-12.pdf"))
	if err != nil {
		log.Fatal(err)
	}
	edge := filepath.Join(*out, "edge")
	if err := os.MkdirAll(edge, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := testpdf.MakeEdges(good, edge); err != nil {
		log.Fatal(err)
	}
	if err := testpdf.MakeFixtures(testpdf.FixtureDir); err != nil {
		log.Fatal(err)
	}
	b, _ := json.MarshalIndent(all, "", " ")
	if err := os.WriteFile(filepath.Join(*out, "expected.json"), append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}
