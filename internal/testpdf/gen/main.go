// Command gen makes the test PDFs under testdata/pdf from the annotated
// meetings in testdata/samples and testdata/meetings, with every producer
// in package testpdf, and writes testdata/pdf/expected.json, what a perfect
// extraction of each gives. Run from the repository root:
//
//	go run ./internal/testpdf/gen [-samples testdata/samples]
//
// With -layouts-only it renders only the annotated meetings of
// testdata/annotated in their layouts (Chromium and LibreOffice) into
// testdata/pdf/layouts.
//
// It needs chromium for those, soffice (libreoffice-writer), gs (ghostscript), qpdf, hyphen-no
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

// layoutProducers render the annotated meetings in their layouts.
var layoutProducers = []struct {
	name string
	make func(testpdf.Annotated, string, string) error
}{
	{"chromium", testpdf.Chromium},
	{"libreoffice", testpdf.LibreOfficeAnnotated},
}

// rotatedLayouts are layout files turned by /Rotate.
var rotatedLayouts = []struct {
	producer, meeting string
	degrees           int
}{
	{"chromium", "2019-10-17-etats-mba", 90},
	{"libreoffice", "2023-09-21-hamu", 270},
}

// makeLayouts renders every annotated meeting with every layout producer
// into dir/PRODUCER/ID.pdf and lists them in dir/expected.json.
func makeLayouts(annotated, dir string) error {
	meetings, err := testpdf.LoadAnnotated(annotated)
	if err != nil {
		return err
	}
	var all []testpdf.LayoutFile
	for _, p := range layoutProducers {
		if err := os.MkdirAll(filepath.Join(dir, p.name), 0o755); err != nil {
			return err
		}
		for _, m := range meetings {
			file := filepath.Join(dir, p.name, m.ID+".pdf")
			if err := p.make(m, m.Date, file); err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			all = append(all, testpdf.LayoutFile{File: filepath.ToSlash(file), Producer: p.name, Meeting: m.ID, Layout: m.Layout})
			fmt.Println(file)
		}
	}
	// Pages turned by /Rotate (qpdf), so that the text runs down or up.
	if err := os.MkdirAll(filepath.Join(dir, "rotated"), 0o755); err != nil {
		return err
	}
	for _, r := range rotatedLayouts {
		src := filepath.Join(dir, r.producer, r.meeting+".pdf")
		file := filepath.Join(dir, "rotated", fmt.Sprintf("%s-%d.pdf", r.meeting, r.degrees))
		if err := testpdf.Rotate(src, file, r.degrees); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		for _, m := range meetings {
			if m.ID == r.meeting {
				all = append(all, testpdf.LayoutFile{File: filepath.ToSlash(file), Producer: "rotated", Meeting: m.ID, Layout: m.Layout})
			}
		}
		fmt.Println(file)
	}
	b, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "expected.json"), append(b, '\n'), 0o644)
}

// metadataDates are the dates written as CreationDate for meetings whose
// text carries none (the two real extracts): the dates of those meetings.
var metadataDates = map[string]string{"seed-000": "2023-06-15", "seed-002": "2023-12-14"}

func main() {
	samples := flag.String("samples", "testdata/samples", "folder of annotated meetings")
	out := flag.String("out", "testdata/pdf", "output folder")
	annotated := flag.String("annotated", "testdata/annotated", "folder of annotated meetings with layouts")
	layoutsOnly := flag.Bool("layouts-only", false, "make only the layout files (testdata/pdf/layouts)")
	flag.Parse()
	if err := makeLayouts(*annotated, filepath.Join(*out, "layouts")); err != nil {
		log.Fatal(err)
	}
	if *layoutsOnly {
		return
	}
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
