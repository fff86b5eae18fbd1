package ocr

import (
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"strconv"

	"github.com/ntlnav/referat/internal/pdftext"
)

// Options control recognition. The zero value is ready to use.
type Options struct {
	// Lang is Tesseract's language: "nor", "eng", or several joined by
	// "+" ("nor+eng"). Default "": DefaultLang.
	Lang string
	// DPI is the resolution pages are rendered at. Default (0):
	// DefaultDPI.
	DPI int
	// NoClean turns off despeckling and deskewing. Default false.
	NoClean bool
	// Password opens an encrypted file whose page images are taken
	// directly (pdftoppm is never given it: a command line is visible to
	// every user of the machine). Default "": the empty user password.
	Password string
	// Render has every page rendered by pdftoppm, even one that is a
	// single image that could be taken directly. Default false.
	Render bool
}

// DefaultLang is the language used when Options.Lang is "".
const DefaultLang = "nor"

// DefaultDPI is the resolution pages are rendered at when Options.DPI is
// 0; a page image taken directly is scaled to it when finer, and read at
// its own resolution from 150 dpi up to it (see nativeDPI). Measured on the test scans (TestCleaningFigures' method), 200 dpi
// reads as well as 300 or better (photocopy 0.979 against 0.951 word
// similarity, crooked 0.991 against 0.988, clean 150 dpi equal) with a
// quarter less CPU: Tesseract's models are trained on text of that size.
const DefaultDPI = 200

// Limits of cleaning.
const (
	maxSkew      = 5.0    // degrees looked for either way
	minSkew      = 0.15   // degrees below which a page is left as it is
	speckled     = 0.02   // share of lone ink pixels above which a page is despeckled
	blankInk     = 0.0003 // share of ink below which a page is blank
	renderFormat = "-gray"
)

// A Word is one recognised word and Tesseract's confidence in it, 0–100.
type Word struct {
	Text string  `json:"t"`
	Conf float64 `json:"c"`
}

// A Page is one recognised page.
type Page struct {
	Number int            `json:"number"` // 1-indexed
	Box    [4]float64     `json:"box"`    // the page in points: 0, 0, width, height
	Lines  []pdftext.Line `json:"lines"`  // top to bottom, as pdftext builds them
	Words  []Word         `json:"words"`  // every word, in reading order
	Skew   float64        `json:"skew"`   // degrees the page was turned back by, 0 when not
	Clean  bool           `json:"clean"`  // the page was despeckled
	// Direct is true when the page's image was taken from the PDF, false
	// when the page was rendered.
	Direct bool `json:"direct,omitempty"`
}

// Recognise renders page (1-indexed) of the PDF in data, cleans the image
// and recognises its text. A blank page gives a Page without lines.
func Recognise(ctx context.Context, data []byte, page int, opts Options) (*Page, error) {
	dpi := opts.DPI
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	lang := opts.Lang
	if lang == "" {
		lang = DefaultLang
	}
	img, res, direct, err := pageImageOr(ctx, data, page, dpi, opts)
	if err != nil {
		return nil, err
	}
	scale := 72 / res
	p := &Page{Number: page, Box: [4]float64{0, 0, float64(img.Rect.Dx()) * scale, float64(img.Rect.Dy()) * scale}, Direct: direct}
	if inkShare(img) < blankInk {
		return p, nil
	}
	if !opts.NoClean {
		img = clean(img, res, p)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("cleaning the page image: %w", err)
	}
	tsv, err := run(ctx, encodePGM(img), "tesseract", tesseractArgs(lang, res)...)
	if err != nil {
		return nil, err
	}
	words, err := parseTSV(tsv)
	if err != nil {
		return nil, err
	}
	markBold(img, words)
	p.Lines, p.Words = lines(page, words, scale, p.Box[3])
	return p, nil
}

// tesseractArgs are the arguments of tesseract reading a page image of
// res dpi from its standard input and writing TSV.
func tesseractArgs(lang string, res float64) []string {
	return []string{"stdin", "stdout", "-l", lang, "--dpi", strconv.Itoa(int(math.Round(res))), "--psm", "3", "tsv"}
}

// pageImageOr returns the page's image taken directly (pageImage) or,
// when that cannot be done or opts.Render is true, rendered by pdftoppm at
// dpi; res is its resolution.
func pageImageOr(ctx context.Context, data []byte, page, dpi int, opts Options) (img *image.Gray, res float64, direct bool, err error) {
	if !opts.Render {
		img, res, err = pageImage(data, page, dpi, opts.Password)
		if err == nil {
			return img, res, true, nil
		}
		if !errors.Is(err, errRender) {
			return nil, 0, false, err
		}
	}
	n := strconv.Itoa(page)
	pgm, err := run(ctx, data, "pdftoppm", "-r", strconv.Itoa(dpi), renderFormat, "-f", n, "-l", n, "-")
	if err != nil {
		return nil, 0, false, err
	}
	img, err = decodePGM(pgm)
	return img, float64(dpi), false, err
}

// clean despeckles and deskews img, a page at res dpi, where it needs it,
// noting what was done in p: specks are removed, and a page still
// speckled after that goes through a median filter.
func clean(img *image.Gray, res float64, p *Page) *image.Gray {
	p.Clean = removeSpecks(img, res)
	if speckleShare(img) > speckled {
		img = median3(img)
		p.Clean = true
	}
	if a := skewAngle(img, maxSkew); math.Abs(a) >= minSkew {
		img = rotate(img, a)
		p.Skew = a
	}
	return img
}
