package ocr

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/ntlnav/referat/internal/cputime"
	"github.com/ntlnav/referat/internal/textsim"
)

// similarity is 2·LCS/(len(a)+len(b)) over word sequences.
func similarity(a, b []string) float64 { return textsim.WordF1(a, b) }

// TestCleaningFigures measures what deskewing and despeckling are worth
// beside Tesseract's own handling: page 1 of the crooked and speckled
// test scans recognised with and without cleaning, its words compared
// with pdftotext's of the text PDF it was made of. Slow; it runs only
// with REFERAT_OCR_FIGURES=1:
//
//	REFERAT_OCR_FIGURES=1 go test ./internal/ocr -run TestCleaningFigures -v
func TestCleaningFigures(t *testing.T) {
	if os.Getenv("REFERAT_OCR_FIGURES") != "1" {
		t.Skip("set REFERAT_OCR_FIGURES=1 to measure (slow)")
	}
	if err := Check(context.Background(), "nor"); err != nil {
		t.Skip(err)
	}
	for _, c := range [][2]string{
		{"../../testdata/pdf/scan/crooked-speckled-200/fpdf-2021-09-16.pdf", "../../testdata/pdf/fpdf/2021-09-16.pdf"},
		{"../../testdata/pdf/scan/crooked-speckled-200/libreoffice-2023-10-19.pdf", "../../testdata/pdf/libreoffice/2023-10-19.pdf"},
	} {
		ref, err := exec.Command("pdftotext", "-f", "1", "-l", "1", c[1], "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", c[1], err)
		}
		want := strings.Fields(string(ref))
		data, err := os.ReadFile(c[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, noClean := range []bool{false, true} {
			t0 := time.Now()
			p, err := Recognise(context.Background(), data, 1, Options{NoClean: noClean})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range p.Lines {
				got = append(got, strings.Fields(l.Text())...)
			}
			conf := 0.0
			for _, w := range p.Words {
				conf += w.Conf
			}
			t.Logf("%s noClean=%v skew=%.2f despeckled=%v: similarity %.4f, mean conf %.1f, %.1fs", c[0], noClean, p.Skew, p.Clean, similarity(got, want), conf/float64(len(p.Words)), time.Since(t0).Seconds())
		}
	}
}

// cpuNow returns the CPU time (user and system) of this process and of
// its children that have been waited for.
func cpuNow(t *testing.T) float64 {
	d, err := cputime.WithChildren()
	if err != nil {
		t.Fatal(err)
	}
	return d.Seconds()
}

// TestStageFigures measures where the CPU time of a page goes: taking
// its image directly, rendering it with pdftoppm instead, cleaning, and
// Tesseract, over every page of the test scans, one stage after the
// other on the same page. Slow; it runs only with REFERAT_OCR_FIGURES=1:
//
//	REFERAT_OCR_FIGURES=1 go test ./internal/ocr -run TestStageFigures -v
func TestStageFigures(t *testing.T) {
	if os.Getenv("REFERAT_OCR_FIGURES") != "1" {
		t.Skip("set REFERAT_OCR_FIGURES=1 to measure (slow)")
	}
	if err := Check(context.Background(), "nor"); err != nil {
		t.Skip(err)
	}
	files, _ := filepath.Glob("../../testdata/pdf/scan/*/*.pdf")
	stages := []string{"direct image", "pdftoppm", "cleaning", "tesseract"}
	sum := map[string]float64{}
	pages := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := api.PageCount(bytes.NewReader(data), nil)
		if err != nil {
			t.Fatal(err)
		}
		for page := 1; page <= n; page++ {
			c := cpuNow(t)
			img, res, err := pageImage(data, page, DefaultDPI, "")
			if err != nil {
				continue // a text page of the mixed file
			}
			sum["direct image"] += cpuNow(t) - c
			c = cpuNow(t)
			if _, _, _, err := pageImageOr(context.Background(), data, page, DefaultDPI, Options{Render: true}); err != nil {
				t.Fatal(err)
			}
			sum["pdftoppm"] += cpuNow(t) - c
			c = cpuNow(t)
			img = clean(img, res, &Page{})
			sum["cleaning"] += cpuNow(t) - c
			c = cpuNow(t)
			if _, err := run(context.Background(), encodePGM(img), "tesseract", tesseractArgs("nor", res)...); err != nil {
				t.Fatal(err)
			}
			sum["tesseract"] += cpuNow(t) - c
			pages++
		}
	}
	for _, s := range stages {
		t.Logf("%-12s %.2f s CPU per page (%d pages)", s, sum[s]/float64(pages), pages)
	}
}
