package ocr

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// onePagePDF returns a PDF whose one page (w×h points, turned by rotate)
// has content and draws from the XObjects given: name → stream
// dictionary entries (without /Length) and stream data.
func onePagePDF(w, h float64, rotate int, content string, xobjs map[string][2]string) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	stream := func(dict, data string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	var res strings.Builder
	for name, x := range xobjs {
		fmt.Fprintf(&res, "/%s %d 0 R ", name, add(stream(x[0], x[1])))
	}
	contents := add(stream("", content))
	page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Rotate %d /Resources << /XObject << %s>> >> /Contents %d 0 R >>",
		len(objs)+2, w, h, rotate, res.String(), contents))
	pages := add(fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	root := add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, root, xref)
	return b.Bytes()
}

// blocks is the test picture, 64×32: white, with a black block at the
// top left (16×8) and one at the bottom right (24×12).
func blocks(x, y int) bool { return x < 16 && y < 8 || x >= 40 && y >= 20 }

func flate(b []byte) string {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(b)
	zw.Close()
	return z.String()
}

// samples returns the picture as rows of samples: per pixel, ink or
// paper as given, of bpc bits.
func samples(bpc int, ink, paper []byte) []byte {
	var out []byte
	for y := 0; y < 32; y++ {
		var row []byte
		bit := 0
		for x := 0; x < 64; x++ {
			v := paper
			if blocks(x, y) {
				v = ink
			}
			for _, c := range v {
				if bpc == 8 {
					row = append(row, c)
					continue
				}
				if bit%8 == 0 {
					row = append(row, 0)
				}
				row[len(row)-1] |= c << (8 - bpc - bit%8)
				bit += bpc
			}
		}
		out = append(out, row...)
	}
	return out
}

// pngUp encodes rows of n bytes with the PNG Up predictor.
func pngUp(b []byte, n int) []byte {
	var out []byte
	prev := make([]byte, n)
	for i := 0; i < len(b); i += n {
		row := b[i : i+n]
		out = append(out, 2)
		for j := range row {
			out = append(out, row[j]-prev[j])
		}
		prev = row
	}
	return out
}

func jpegOf(m image.Image) string {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	return b.String()
}

func picture(rgb bool) image.Image {
	g := image.NewGray(image.Rect(0, 0, 64, 32))
	c := image.NewRGBA(image.Rect(0, 0, 64, 32))
	for y := 0; y < 32; y++ {
		for x := 0; x < 64; x++ {
			v := uint8(255)
			if blocks(x, y) {
				v = 0
			}
			g.SetGray(x, y, color.Gray{v})
			c.Set(x, y, color.RGBA{v, v, 255 - (255-v)/2, 255})
		}
	}
	if rgb {
		return c
	}
	return g
}

const imgDict = "/Type /XObject /Subtype /Image /Width 64 /Height 32 "

// TestDecoders: each way of storing a scan decodes to the same picture,
// and what cannot be decoded falls back to rendering.
func TestDecoders(t *testing.T) {
	g4, err := os.ReadFile("testdata/blocks.g4") // made by PIL: Group 4, 64×32
	if err != nil {
		t.Fatal(err)
	}
	ink, paper := []byte{0}, []byte{255}
	for _, tt := range []struct {
		name, dict, data string
		inverted         bool   // the picture comes out as a negative
		fallback         string // errRender expected, with this text
	}{
		{name: "DCT grey", dict: "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", data: jpegOf(picture(false))},
		{name: "DCT RGB", dict: "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode", data: jpegOf(picture(true))},
		{name: "DCT grey Decode [1 0]", dict: "/ColorSpace /DeviceGray /BitsPerComponent 8 /Decode [1 0] /Filter /DCTDecode", data: jpegOf(picture(false)), inverted: true},
		{name: "raw grey 8", dict: "/ColorSpace /DeviceGray /BitsPerComponent 8", data: string(samples(8, ink, paper))},
		{name: "Flate grey 8", dict: "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", data: flate(samples(8, ink, paper))},
		{name: "Flate PNG Up", dict: "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 64 >>", data: flate(pngUp(samples(8, ink, paper), 64))},
		{name: "Flate RGB 8", dict: "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter [/Fl]", data: flate(samples(8, []byte{0, 0, 0}, []byte{255, 255, 255}))},
		{name: "ICC RGB", dict: "/ColorSpace [/ICCBased 99 0 R] /BitsPerComponent 8", data: string(samples(8, []byte{0, 0, 0}, []byte{255, 255, 255})), fallback: "colour space"},
		{name: "grey 1 bit", dict: "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode", data: flate(samples(1, []byte{0}, []byte{1}))},
		{name: "grey 1 bit Decode [1 0]", dict: "/ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0]", data: string(samples(1, []byte{1}, []byte{0}))},
		{name: "grey 4 bit", dict: "/ColorSpace /DeviceGray /BitsPerComponent 4", data: string(samples(4, []byte{0}, []byte{15}))},
		{name: "Indexed RGB", dict: "/ColorSpace [/Indexed /DeviceRGB 1 <FFFFFF000000>] /BitsPerComponent 1", data: string(samples(1, []byte{1}, []byte{0}))},
		{name: "Indexed Decode flips", dict: "/ColorSpace [/Indexed /DeviceRGB 1 <FFFFFF000000>] /BitsPerComponent 1 /Decode [1 0]", data: string(samples(1, []byte{0}, []byte{1}))},
		{name: "CMYK", dict: "/ColorSpace /DeviceCMYK /BitsPerComponent 8", data: string(samples(8, []byte{0, 0, 0, 255}, []byte{0, 0, 0, 0}))},
		{name: "ImageMask", dict: "/ImageMask true", data: string(samples(1, []byte{0}, []byte{1}))},
		{name: "ImageMask Decode [1 0]", dict: "/ImageMask true /Decode [1 0]", data: string(samples(1, []byte{1}, []byte{0}))},
		{name: "CCITT G4", dict: "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 /Rows 32 >>", data: string(g4)},
		{name: "CCITT G4 BlackIs1", dict: "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 /BlackIs1 true >>", data: string(g4), inverted: true},
		{name: "JBIG2", dict: "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", data: "x", fallback: "JBIG2Decode"},
		{name: "soft mask", dict: "/ColorSpace /DeviceGray /BitsPerComponent 8 /SMask 3 0 R", data: string(samples(8, ink, paper)), fallback: "soft mask"},
		{name: "Separation", dict: "/ColorSpace [/Separation /Black /DeviceCMYK 3 0 R] /BitsPerComponent 8", data: string(samples(8, ink, paper)), fallback: "Separation"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// 64×32 pixels at 200 dpi: 23.04×11.52 points.
			data := onePagePDF(23.04, 11.52, 0, "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q",
				map[string][2]string{"Im0": {imgDict + tt.dict, tt.data}})
			img, res, err := pageImage(data, 1, 200, "")
			if tt.fallback != "" {
				if !errors.Is(err, errRender) || !strings.Contains(err.Error(), tt.fallback) {
					t.Fatalf("err %v, want errRender with %q", err, tt.fallback)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if img.Rect.Dx() != 64 || img.Rect.Dy() != 32 || res < 199.9 || res > 200.1 {
				t.Fatalf("image %v at %.1f dpi, want 64×32 at 200", img.Rect, res)
			}
			checkBlocks(t, img, func(x, y int) bool { return blocks(x, y) != tt.inverted })
		})
	}
}

// checkBlocks checks the ink of img against want; a few pixels may be
// wrong on the edges of the blocks, where JPEG rings and scaling blends.
func checkBlocks(t *testing.T, img *image.Gray, want func(x, y int) bool) {
	t.Helper()
	bad := 0
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			v := img.Pix[y*img.Stride+x]
			if want(x, y) && v > 60 || !want(x, y) && v < 195 {
				bad++
			}
		}
	}
	if bad > img.Rect.Dx()*img.Rect.Dy()/25 {
		t.Errorf("%d of %d pixels wrong", bad, img.Rect.Dx()*img.Rect.Dy())
	}
}

// TestPlacement: the image lands on the page as pdftoppm shows it,
// whatever the matrix it is drawn with and the page's /Rotate; a page
// that is not one image is rendered.
func TestPlacement(t *testing.T) {
	raw := [2]string{imgDict + "/ColorSpace /DeviceGray /BitsPerComponent 8", string(samples(8, []byte{0}, []byte{255}))}
	// A form without resources of its own uses the page's.
	form := [2]string{"/Type /XObject /Subtype /Form /BBox [0 0 1 1]", "/Im0 Do"}
	for _, tt := range []struct {
		name     string
		w, h     float64
		rotate   int
		content  string
		form     bool
		dpi      int
		wantW    int
		want     func(x, y int) bool
		fallback string
	}{
		{name: "upright", w: 23.04, h: 11.52, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", wantW: 64, want: blocks},
		{name: "mirrored", w: 23.04, h: 11.52, content: "q -23.04 0 0 11.52 23.04 0 cm /Im0 Do Q", wantW: 64, want: func(x, y int) bool { return blocks(63-x, y) }},
		{name: "turned by its matrix", w: 11.52, h: 23.04, content: "q 0 23.04 -11.52 0 11.52 0 cm /Im0 Do Q", wantW: 32, want: func(x, y int) bool { return blocks(63-y, x) }},
		{name: "Rotate 90", w: 23.04, h: 11.52, rotate: 90, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", wantW: 32, want: func(x, y int) bool { return blocks(y, 31-x) }},
		{name: "Rotate 180", w: 23.04, h: 11.52, rotate: 180, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", wantW: 64, want: func(x, y int) bool { return blocks(63-x, 31-y) }},
		{name: "Rotate 270", w: 23.04, h: 11.52, rotate: 270, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", wantW: 32, want: func(x, y int) bool { return blocks(63-y, x) }},
		{name: "scaled up", w: 46.08, h: 23.04, content: "q 2 0 0 2 0 0 cm q 23.04 0 0 11.52 0 0 cm /Im0 Do Q Q", wantW: 128, want: func(x, y int) bool { return blocks(x/2, y/2) }},
		{name: "150 dpi kept", w: 30.72, h: 15.36, content: "q 30.72 0 0 15.36 0 0 cm /Im0 Do Q", wantW: 64, want: blocks},
		{name: "scaled down", w: 23.04, h: 11.52, dpi: 100, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", wantW: 32, want: func(x, y int) bool { return blocks(2*x, 2*y) }},
		{name: "in a form", w: 23.04, h: 11.52, form: true, content: "q 23.04 0 0 11.52 0 0 cm /Fm0 Do Q", wantW: 64, want: blocks},
		{name: "invisible text", w: 23.04, h: 11.52, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q BT 3 Tr (hidden) Tj ET", wantW: 64, want: blocks},
		{name: "white fill under it", w: 23.04, h: 11.52, content: "1 g 0 0 23.04 11.52 re f q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", wantW: 64, want: blocks},
		{name: "visible text", w: 23.04, h: 11.52, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q BT (seen) Tj ET", fallback: "draws text"},
		{name: "drawn over", w: 23.04, h: 11.52, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q 0 0 5 5 re f", fallback: "draws over"},
		{name: "two images", w: 23.04, h: 11.52, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", fallback: "2 images"},
		{name: "small image", w: 46.08, h: 23.04, content: "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", fallback: "covers 25%"},
		{name: "at an angle", w: 23.04, h: 11.52, content: "q 0.9 0.1 -0.1 0.9 0 0 cm 23.04 0 0 11.52 0 0 cm /Im0 Do Q", fallback: "angle"},
		{name: "no image", w: 23.04, h: 11.52, content: "0 0 5 5 re f", fallback: "0 images"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := map[string][2]string{"Im0": raw}
			if tt.form {
				x = map[string][2]string{"Fm0": form, "Im0": raw}
			}
			dpi := tt.dpi
			if dpi == 0 {
				dpi = 200
			}
			data := onePagePDF(tt.w, tt.h, tt.rotate, tt.content, x)
			img, _, err := pageImage(data, 1, dpi, "")
			if tt.fallback != "" {
				if !errors.Is(err, errRender) || !strings.Contains(err.Error(), tt.fallback) {
					t.Fatalf("err %v, want errRender with %q", err, tt.fallback)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if img.Rect.Dx() != tt.wantW {
				t.Fatalf("image %v, want %d wide", img.Rect, tt.wantW)
			}
			checkBlocks(t, img, tt.want)
		})
	}
}

// TestEncrypted: the image of an encrypted file's page is taken with its
// password; without it the page goes to the renderer.
func TestEncrypted(t *testing.T) {
	raw := [2]string{imgDict + "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", flate(samples(8, []byte{0}, []byte{255}))}
	plain := onePagePDF(23.04, 11.52, 0, "q 23.04 0 0 11.52 0 0 cm /Im0 Do Q", map[string][2]string{"Im0": raw})
	conf := model.NewAESConfiguration("secret", "owner", 256)
	var enc bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(plain), &enc, conf); err != nil {
		t.Fatal(err)
	}
	img, _, err := pageImage(enc.Bytes(), 1, 200, "secret")
	if err != nil {
		t.Fatal(err)
	}
	checkBlocks(t, img, blocks)
	if _, _, err := pageImage(enc.Bytes(), 1, 200, ""); !errors.Is(err, errRender) {
		t.Errorf("without the password: %v, want errRender", err)
	}
}

// TestContentBomb: a form whose content inflates past maxContent sends
// the page to the renderer at once, instead of filling the worker's
// memory.
func TestContentBomb(t *testing.T) {
	bomb := flate(make([]byte, 2*maxContent))
	data := onePagePDF(23.04, 11.52, 0, "/Fm0 Do", map[string][2]string{
		"Fm0": {"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Filter /FlateDecode", bomb},
	})
	if _, _, err := pageImage(data, 1, 200, ""); !errors.Is(err, errRender) || !strings.Contains(err.Error(), "form XObject") {
		t.Errorf("err %v, want errRender for the form", err)
	}
}
