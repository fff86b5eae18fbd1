package ocr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/ccitt"
)

// errRender is wrapped by the error of a page whose image is not taken
// directly: the page is rendered instead.
var errRender = errors.New("the page is rendered")

// renderf returns errRender with why.
func renderf(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errRender}, a...)...)
}

// Limits of an image decoded directly.
// Within the OCR worker's memory limit (1 GiB) an image of maxImagePixels
// takes at most about 400 MB decoded (a colour JPEG, then its grey copy);
// a 600 dpi A4 scan has 35M pixels. Larger images are rendered.
const (
	maxImagePixels = 80 << 20  // pixels of one image
	maxImageBytes  = 320 << 20 // bytes its filters may decode to
)

// filterAlias maps the abbreviated filter names to the full ones.
var filterAlias = map[string]string{
	"AHx": filter.ASCIIHex, "A85": filter.ASCII85, "LZW": filter.LZW,
	"Fl": filter.Flate, "RL": filter.RunLength, "CCF": filter.CCITTFax, "DCT": filter.DCT,
}

// An imageDict is what decoding needs of an image XObject.
type imageDict struct {
	w, h, bpc int
	mask      bool      // /ImageMask true: a stencil painted in the fill colour
	decode    []float64 // /Decode, nil when absent
	cs        colourSpace
}

// decodeImage decodes the image XObject sd to grey levels (0 black, 255
// white): DCT with image/jpeg, CCITT with golang.org/x/image/ccitt, the
// other filters (Flate and LZW with their predictors, ASCII, run-length)
// with pdfcpu's; samples of 1, 2, 4, 8 or 16 bits in DeviceGray, RGB,
// CMYK, ICC-based, calibrated or Indexed colour, with /Decode and
// /ImageMask. JBIG2, JPEG 2000, soft masks and other colour spaces give
// errRender.
func decodeImage(xt *model.XRefTable, sd *types.StreamDict) (*image.Gray, error) {
	d, err := readImageDict(xt, sd.Dict)
	if err != nil {
		return nil, err
	}
	data := sd.Raw
	pipe := sd.FilterPipeline
	for i, f := range pipe {
		name := f.Name
		if a, ok := filterAlias[name]; ok {
			name = a
		}
		last := i == len(pipe)-1
		switch name {
		case filter.DCT:
			if !last {
				return nil, renderf("DCTDecode before another filter")
			}
			return decodeJPEG(data, d)
		case filter.CCITTFax:
			if !last {
				return nil, renderf("CCITTFaxDecode before another filter")
			}
			if data, err = decodeCCITT(data, f.DecodeParms, d); err != nil {
				return nil, err
			}
			continue
		case filter.JBIG2, filter.JPX:
			return nil, renderf("%s images are rendered", name)
		}
		fi, err := filter.NewFilter(name, intParms(f.DecodeParms), decodeLimit(d))
		if err != nil {
			return nil, renderf("filter %s: %v", name, err)
		}
		r, err := fi.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, renderf("filter %s: %v", name, err)
		}
		if data, err = io.ReadAll(r); err != nil {
			return nil, renderf("filter %s: %v", name, err)
		}
	}
	return unpack(data, d)
}

// decodeLimit bounds the bytes the filters of image d may give: its
// samples, with room for a predictor's row tags and trailing padding.
func decodeLimit(d *imageDict) int64 {
	rowBytes := (int64(d.w)*int64(d.cs.n)*int64(max(d.bpc, 1)) + 7) / 8
	return min(maxImageBytes, rowBytes*int64(d.h)+int64(d.h)+1<<16)
}

// readImageDict reads and checks the entries of an image dictionary.
func readImageDict(xt *model.XRefTable, dict types.Dict) (*imageDict, error) {
	num := func(key string) int {
		o, _ := xt.Dereference(dict[key])
		switch v := o.(type) {
		case types.Integer:
			return v.Value()
		case types.Float:
			return int(v.Value())
		}
		return 0
	}
	d := &imageDict{w: num("Width"), h: num("Height"), bpc: num("BitsPerComponent")}
	if d.w <= 0 || d.h <= 0 || int64(d.w)*int64(d.h) > maxImagePixels {
		return nil, renderf("image of %d×%d pixels", d.w, d.h)
	}
	if o, _ := xt.Dereference(dict["SMask"]); o != nil {
		return nil, renderf("image with a soft mask")
	}
	if b, ok := deref(xt, dict["ImageMask"]).(types.Boolean); ok && b.Value() {
		d.mask, d.bpc, d.cs = true, 1, colourSpace{n: 1}
	} else {
		cs, err := readColourSpace(xt, dict["ColorSpace"], 0)
		if err != nil {
			return nil, err
		}
		d.cs = cs
	}
	if a, ok := deref(xt, dict["Decode"]).(types.Array); ok {
		for _, o := range a {
			d.decode = append(d.decode, number(deref(xt, o)))
		}
	}
	return d, nil
}

func deref(xt *model.XRefTable, o types.Object) types.Object {
	if o == nil {
		return nil
	}
	r, err := xt.Dereference(o)
	if err != nil {
		return nil
	}
	return r
}

func number(o types.Object) float64 {
	switch v := o.(type) {
	case types.Integer:
		return float64(v.Value())
	case types.Float:
		return v.Value()
	}
	return 0
}

// intParms gives a filter's /DecodeParms as pdfcpu's filters take them.
func intParms(d types.Dict) map[string]int {
	m := map[string]int{}
	for k, v := range d {
		switch v := v.(type) {
		case types.Integer:
			m[k] = v.Value()
		case types.Boolean:
			if v.Value() {
				m[k] = 1
			} else {
				m[k] = 0
			}
		}
	}
	return m
}

// decodeJPEG decodes a DCT image: grey as it is, colour by its luma (the
// Y plane of YCbCr is the grey level); a /Decode of [1 0 …] inverts.
// CMYK JPEGs, whose inversion the PDF does not reliably say, are rendered.
func decodeJPEG(data []byte, d *imageDict) (*image.Gray, error) {
	m, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, renderf("DCTDecode: %v", err)
	}
	var g *image.Gray
	switch m := m.(type) {
	case *image.Gray:
		g = m
	case *image.YCbCr:
		r := m.Rect
		g = image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
		for y := 0; y < r.Dy(); y++ {
			copy(g.Pix[y*g.Stride:y*g.Stride+r.Dx()], m.Y[y*m.YStride:])
		}
	default:
		return nil, renderf("DCTDecode image of type %T", m)
	}
	if g.Rect.Dx() != d.w || g.Rect.Dy() != d.h {
		// The JPEG's own size is the truth; the dictionary's rarely differs.
		d.w, d.h = g.Rect.Dx(), g.Rect.Dy()
	}
	switch {
	case len(d.decode) >= 2 && d.decode[0] == 1 && d.decode[1] == 0:
		for i := range g.Pix {
			g.Pix[i] = 255 - g.Pix[i]
		}
	case len(d.decode) >= 2 && (d.decode[0] != 0 || d.decode[1] != 1):
		return nil, renderf("DCTDecode image with /Decode %v", d.decode)
	}
	return g, nil
}

// decodeCCITT decodes CCITT fax data (Group 4, or Group 3 one-dimensional)
// to 1-bit rows in which, as the PDF filter gives them, 0 is black unless
// /BlackIs1.
func decodeCCITT(data []byte, parms types.Dict, d *imageDict) ([]byte, error) {
	p := intParms(parms)
	k, cols, rows := p["K"], d.w, d.h
	if v, ok := p["Columns"]; ok {
		cols = v
	}
	if v, ok := p["Rows"]; ok && v > 0 {
		rows = v
	}
	if cols != d.w || rows < d.h {
		return nil, renderf("CCITT data of %d×%d for an image of %d×%d", cols, rows, d.w, d.h)
	}
	sf := ccitt.Group4
	switch {
	case k == 0:
		sf = ccitt.Group3
	case k > 0:
		return nil, renderf("CCITT Group 3 two-dimensional data")
	}
	opts := &ccitt.Options{Align: p["EncodedByteAlign"] == 1, Invert: p["BlackIs1"] == 1}
	out, err := io.ReadAll(io.LimitReader(ccitt.NewReader(bytes.NewReader(data), ccitt.MSB, sf, cols, d.h, opts), maxImageBytes))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, renderf("CCITTFaxDecode: %v", err)
	}
	d.bpc = 1
	return out, nil
}
