package ocr

import (
	"bytes"
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// meanDiff returns the mean absolute difference of the grey levels of a
// and b over the area both cover.
func meanDiff(a, b *image.Gray) float64 {
	r := a.Rect.Intersect(b.Rect)
	sum := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			d := int(a.Pix[y*a.Stride+x]) - int(b.Pix[y*b.Stride+x])
			sum += max(d, -d)
		}
	}
	return float64(sum) / float64(r.Dx()*r.Dy())
}

// TestDirectMatchesRendering: on every scanned page of the test scans,
// the image taken directly is the page pdftoppm renders at the same
// resolution: same size within a pixel (pdftoppm rounds up), grey levels
// within a few steps (pdftoppm smooths; speckles make the most of it).
func TestDirectMatchesRendering(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip(err)
	}
	files, _ := filepath.Glob("../../testdata/pdf/scan/*/*.pdf")
	if len(files) == 0 {
		t.Fatal("no test scans")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := api.PageCount(bytes.NewReader(data), nil)
		if err != nil {
			t.Fatal(err)
		}
		for page := 1; page <= pages; page++ {
			img, res, err := pageImage(data, page, DefaultDPI, "")
			if err != nil {
				// The text pages of the mixed file are rendered; all
				// others are one JPEG each.
				if !strings.Contains(f, "mixed") || page == 2 {
					t.Errorf("%s page %d: %v", f, page, err)
				}
				continue
			}
			n := strconv.Itoa(page)
			pgm, err := run(context.Background(), data, "pdftoppm", "-r", strconv.FormatFloat(res, 'f', 3, 64), "-gray", "-f", n, "-l", n, "-")
			if err != nil {
				t.Fatal(err)
			}
			want, err := decodePGM(pgm)
			if err != nil {
				t.Fatal(err)
			}
			d := meanDiff(img, want)
			t.Logf("%s page %d: %v at %.1f dpi, rendered %v, mean difference %.2f", f, page, img.Rect.Size(), res, want.Rect.Size(), d)
			if dx, dy := img.Rect.Dx()-want.Rect.Dx(), img.Rect.Dy()-want.Rect.Dy(); dx*dx > 1 || dy*dy > 1 || d > 12 {
				t.Errorf("%s page %d: direct %v differs from rendered %v by %.2f on average", f, page, img.Rect.Size(), want.Rect.Size(), d)
			}
		}
	}
}
