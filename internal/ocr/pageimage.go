package ocr

import (
	"bytes"
	"fmt"
	"image"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// minCover is the share of the page an image must cover to be taken as
// the page: scanners draw the scan over the whole page, some with a
// margin.
const minCover = 0.85

// An image is read at its own resolution when that lies between
// nativeDPI and the resolution asked for, each give or take nearDPI (as
// a share): resampling by a few per cent only blurs, and Tesseract reads
// 150 dpi scans as well as the same scaled up to 200 dpi (measured on the
// clean-150 test scans: word similarity 0.977, 0.988, 0.999 against
// 0.977, 0.982, 0.999) for a tenth less CPU. Finer images are scaled down
// (200 dpi reads as well as 300 for a quarter less CPU), coarser ones up.
const (
	nativeDPI = 150
	nearDPI   = 0.1
)

// pageImage returns the grey image of page (1-indexed) of the PDF in
// data, as pdftoppm would render it (crop box, /Rotate), when the page is
// one image XObject drawn over (nearly) all of it and nothing drawn over
// it: the image is decoded directly and scaled to dpi, or kept at its
// own resolution when that is between nativeDPI and dpi; res is the
// resolution of the result. An encrypted file is opened with password (the empty user
// password when ""). Anything else gives errRender, and the page is
// rendered.
func pageImage(data []byte, page, dpi int, password string) (img *image.Gray, res float64, err error) {
	defer func() {
		if r := recover(); r != nil { // pdfcpu panics on some damage
			img, err = nil, renderf("reading the page: %v", r)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.UserPW, conf.OwnerPW = password, password
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, 0, renderf("reading the file: %v", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, 0, renderf("counting pages: %v", err)
	}
	pd, _, inh, err := ctx.PageDict(page, false)
	if err != nil || pd == nil || inh == nil {
		return nil, 0, renderf("page %d: %v", page, err)
	}
	box := inh.MediaBox
	if inh.CropBox != nil {
		box = inh.CropBox
	}
	if box == nil || box.Width() <= 0 || box.Height() <= 0 {
		return nil, 0, renderf("page %d has no size", page)
	}
	content, err := pageContent(ctx.XRefTable, pd)
	if err != nil {
		return nil, 0, err
	}
	res0, _ := ctx.DereferenceDict(pd["Resources"])
	if res0 == nil {
		res0 = inh.Resources
	}
	sc := &scanner{xt: ctx.XRefTable}
	sc.run(content, res0, identity, 0)
	if sc.why != "" {
		return nil, 0, renderf("%s", sc.why)
	}
	if len(sc.images) != 1 {
		return nil, 0, renderf("%d images on the page", len(sc.images))
	}
	pl, err := newPlacement(sc.images[0].ctm, box, inh.Rotate)
	if err != nil {
		return nil, 0, err
	}
	g, err := decodeImage(ctx.XRefTable, sc.images[0].sd)
	if err != nil {
		return nil, 0, err
	}
	return pl.draw(g, float64(dpi))
}

// maxContent bounds the decoded content of a page and of each form it
// draws: a scan's is a few dozen bytes, and a page with more is drawn,
// not scanned, so it is rendered rather than decoded (an inflate bomb
// would otherwise fill the worker's memory).
const maxContent = 1 << 20

// pageContent returns the decoded content streams of page dictionary pd.
func pageContent(xt *model.XRefTable, pd types.Dict) ([]byte, error) {
	var streams []types.Object
	switch c := deref(xt, pd["Contents"]).(type) {
	case types.StreamDict:
		streams = []types.Object{c}
	case types.Array:
		streams = c
	default:
		return nil, renderf("the page has no content")
	}
	var out []byte
	for _, o := range streams {
		sd, _, err := xt.DereferenceStreamDict(o)
		if err != nil || sd == nil {
			continue
		}
		if err := sd.DecodeWithLimit(maxContent - int64(len(out))); err != nil {
			return nil, renderf("the page's content: %v", err)
		}
		out = append(append(out, sd.Content...), '\n')
	}
	return out, nil
}

// A matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m then n: a point is transformed by m, the result by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// A placement says where an image lands on the page as displayed: its
// rectangle in display points (origin top left, y down) once turned so
// that its columns run left to right and its rows top to bottom.
type placement struct {
	swap, flipX, flipY bool    // transpose, then mirror
	x0, y0, x1, y1     float64 // the image's rectangle
	pageW, pageH       float64 // the displayed page
}

// newPlacement works out where the image drawn with ctm lands on a page
// of box turned by rotate degrees clockwise, and checks that it is upright
// or turned by a multiple of 90° and covers most of the page.
func newPlacement(ctm matrix, box *types.Rectangle, rotate int) (*placement, error) {
	rotate = ((rotate % 360) + 360) % 360
	bx0, by0, bx1, by1 := box.LL.X, box.LL.Y, box.UR.X, box.UR.Y
	w, h := bx1-bx0, by1-by0
	// display maps user space to display points.
	display := func(x, y float64) (float64, float64) {
		switch rotate {
		case 90:
			return y - by0, x - bx0
		case 180:
			return bx1 - x, y - by0
		case 270:
			return by1 - y, bx1 - x
		}
		return x - bx0, by1 - y
	}
	p := &placement{pageW: w, pageH: h}
	if rotate == 90 || rotate == 270 {
		p.pageW, p.pageH = h, w
	} else if rotate != 0 && rotate != 180 {
		return nil, renderf("page turned by %d°", rotate)
	}
	ox, oy := display(ctm.apply(0, 0))
	ux, uy := display(ctm.apply(1, 0))
	vx, vy := display(ctm.apply(0, 1))
	du := [2]float64{ux - ox, uy - oy} // along the image's columns
	dv := [2]float64{vx - ox, vy - oy} // up the image's rows
	const eps = 0.01
	switch {
	case math.Abs(du[1]) <= eps*math.Abs(du[0]) && math.Abs(dv[0]) <= eps*math.Abs(dv[1]):
		p.flipX = du[0] < 0
		p.flipY = dv[1] > 0 // row 0 is the top of the image (v = 1)
	case math.Abs(du[0]) <= eps*math.Abs(du[1]) && math.Abs(dv[1]) <= eps*math.Abs(dv[0]):
		// The image's rows run across the page: its row j is column j,
		// or column H-1-j when v runs to the right.
		p.swap, p.flipX, p.flipY = true, dv[0] > 0, du[1] < 0
	default:
		return nil, renderf("image drawn at an angle")
	}
	p.x0, p.y0, p.x1, p.y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{ox, oy}, {ux, uy}, {vx, vy}, {ox + du[0] + dv[0], oy + du[1] + dv[1]}} {
		p.x0, p.x1 = math.Min(p.x0, c[0]), math.Max(p.x1, c[0])
		p.y0, p.y1 = math.Min(p.y0, c[1]), math.Max(p.y1, c[1])
	}
	cw := math.Max(0, math.Min(p.x1, p.pageW)-math.Max(p.x0, 0))
	ch := math.Max(0, math.Min(p.y1, p.pageH)-math.Max(p.y0, 0))
	if cw*ch < minCover*p.pageW*p.pageH {
		return nil, renderf("the image covers %.0f%% of the page", 100*cw*ch/(p.pageW*p.pageH))
	}
	return p, nil
}

// draw turns img as p says and draws it on a white page at dpi, or at
// the image's own resolution when that is between nativeDPI and dpi; it
// returns the page and its resolution.
func (p *placement) draw(img *image.Gray, dpi float64) (*image.Gray, float64, error) {
	img = orient(img, p.swap, p.flipX, p.flipY)
	own := float64(img.Rect.Dx()) * 72 / (p.x1 - p.x0)
	ownY := float64(img.Rect.Dy()) * 72 / (p.y1 - p.y0)
	res := dpi
	lo, hi := math.Min(dpi, nativeDPI)*(1-nearDPI), dpi*(1+nearDPI)
	if own >= lo && own <= hi && ownY >= lo && ownY <= hi && math.Abs(own-ownY) <= nearDPI*own {
		res = own
	}
	cw, ch := int(math.Round(p.pageW*res/72)), int(math.Round(p.pageH*res/72))
	if cw <= 0 || ch <= 0 || int64(cw)*int64(ch) > maxImagePixels {
		return nil, 0, renderf("page of %d×%d pixels", cw, ch)
	}
	k := res / 72
	xs := weights(cw, img.Rect.Dx(), p.x0*k, (p.x1-p.x0)*k)
	ys := weights(ch, img.Rect.Dy(), p.y0*k, (p.y1-p.y0)*k)
	return resample(img, xs, ys), res, nil
}

// String describes p, for test failures.
func (p *placement) String() string {
	return fmt.Sprintf("swap %v flip %v,%v at (%.1f,%.1f)-(%.1f,%.1f) on %.1f×%.1f",
		p.swap, p.flipX, p.flipY, p.x0, p.y0, p.x1, p.y1, p.pageW, p.pageH)
}
