package ocr

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

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
