package testpdf

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand"
	"os/exec"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"
)

// A ScanKind is a way of scanning a printed page: its resolution and
// what the scanner or copier does to it.
type ScanKind struct {
	Name    string
	DPI     int
	Rotate  float64 // degrees the sheet lies crooked, counter-clockwise
	Speckle float64 // share of pixels turned to dust (black or white)
	Copy    bool    // photocopy grey: grey paper, faded toner, blur
}

// ScanKinds are the kinds of scans the OCR tests use.
var ScanKinds = []ScanKind{
	{Name: "clean-150", DPI: 150},
	{Name: "clean-300", DPI: 300},
	{Name: "crooked-speckled-200", DPI: 200, Rotate: 1.5, Speckle: 0.002},
	{Name: "photocopy-200", DPI: 200, Copy: true, Speckle: 0.0005},
}

// Scan prints the PDF src to images with pdftoppm (poppler-utils) as a
// scanner of kind k would see them, and writes out, a PDF of one grey
// JPEG (quality 60) per page, as scanners make, dated created.
func Scan(src string, k ScanKind, created string, seed int64, out string) error {
	pages, err := pageCount(src)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(seed))
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt"})
	if t, err := time.Parse("2006-01-02", created); err == nil {
		pdf.SetCreationDate(t.Add(10 * time.Hour))
		pdf.SetModificationDate(t.Add(10 * time.Hour))
	}
	pdf.SetProducer("referat testpdf scanner ("+k.Name+")", true)
	for p := 1; p <= pages; p++ {
		n := strconv.Itoa(p)
		pgm, err := exec.Command("pdftoppm", "-r", strconv.Itoa(k.DPI), "-gray", "-f", n, "-l", n, src).Output()
		if err != nil {
			return fmt.Errorf("pdftoppm %s page %d: %w", src, p, err)
		}
		img, err := readPGM(pgm)
		if err != nil {
			return err
		}
		img = degrade(img, k, rng)
		var jb bytes.Buffer
		if err := jpeg.Encode(&jb, img, &jpeg.Options{Quality: 60}); err != nil {
			return err
		}
		w := float64(img.Rect.Dx()) * 72 / float64(k.DPI)
		h := float64(img.Rect.Dy()) * 72 / float64(k.DPI)
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: w, Ht: h})
		name := "p" + n
		opt := fpdf.ImageOptions{ImageType: "JPG"}
		pdf.RegisterImageOptionsReader(name, opt, &jb)
		pdf.ImageOptions(name, 0, 0, w, h, false, opt, 0, "")
	}
	return pdf.OutputFileAndClose(out)
}

// Mixed writes out: the text PDF text with page n replaced by page n of
// scan, with qpdf.
func Mixed(text, scan string, n int, out string) error {
	pages, err := pageCount(text)
	if err != nil {
		return err
	}
	args := []string{"--empty", "--pages"}
	if n > 1 {
		args = append(args, text, "1-"+strconv.Itoa(n-1))
	}
	args = append(args, scan, strconv.Itoa(n))
	if n < pages {
		args = append(args, text, strconv.Itoa(n+1)+"-z")
	}
	args = append(args, "--", out)
	if b, err := exec.Command("qpdf", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("qpdf: %v: %s", err, b)
	}
	return nil
}

func pageCount(path string) (int, error) {
	b, err := exec.Command("qpdf", "--show-npages", path).Output()
	if err != nil {
		return 0, fmt.Errorf("qpdf --show-npages %s: %w", path, err)
	}
	return strconv.Atoi(string(bytes.TrimSpace(b)))
}

// readPGM reads pdftoppm's binary PGM.
func readPGM(b []byte) (*image.Gray, error) {
	var w, h, max int
	var rest []byte
	r := bytes.NewReader(b)
	if _, err := fmt.Fscanf(r, "P5\n%d %d\n%d", &w, &h, &max); err != nil {
		return nil, fmt.Errorf("pdftoppm's image: %w", err)
	}
	rest = b[len(b)-r.Len()+1:]
	if len(rest) < w*h {
		return nil, fmt.Errorf("pdftoppm's image is truncated")
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	copy(img.Pix, rest[:w*h])
	return img, nil
}

// degrade does to img what a scanner of kind k does.
func degrade(img *image.Gray, k ScanKind, rng *rand.Rand) *image.Gray {
	if k.Rotate != 0 {
		img = turn(img, k.Rotate)
	}
	if k.Copy {
		// Grey paper, toner that does not reach black, a soft edge.
		out := image.NewGray(img.Rect)
		w, h := img.Rect.Dx(), img.Rect.Dy()
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				sum, n := 0, 0
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						if xx, yy := x+dx, y+dy; xx >= 0 && yy >= 0 && xx < w && yy < h {
							sum += int(img.Pix[yy*img.Stride+xx])
							n++
						}
					}
				}
				v := float64(sum) / float64(n) / 255
				paper := 192 + float64(((x/40)+(y/40))%3)*4 // uneven, not noisy
				out.Pix[y*out.Stride+x] = uint8(75 + v*(paper-75))
			}
		}
		img = out
	}
	for i := range img.Pix {
		if rng.Float64() < k.Speckle {
			if rng.Intn(3) == 0 {
				img.Pix[i] = 255
			} else {
				img.Pix[i] = uint8(rng.Intn(60))
			}
		}
	}
	return img
}

// turn rotates img by deg degrees about its centre, white outside.
func turn(img *image.Gray, deg float64) *image.Gray {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := image.NewGray(img.Rect)
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := int(math.Round(c*dx+s*dy+cx)), int(math.Round(-s*dx+c*dy+cy))
			v := uint8(255)
			if sx >= 0 && sy >= 0 && sx < w && sy < h {
				v = img.Pix[sy*img.Stride+sx]
			}
			out.Pix[y*out.Stride+x] = v
		}
	}
	return out
}
