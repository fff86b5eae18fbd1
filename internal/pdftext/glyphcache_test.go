package pdftext

import (
	"math/rand"
	"testing"
)

// TestGlyphCacheByCode holds font.glyph to width and text for a Type 0
// font whose codespace has one- and two-byte codes (<80> and <0080> are
// different codes, with different CIDs and widths), and for a simple
// font: every code met in random shown
// strings, looked up first and again from the cache.
func TestGlyphCacheByCode(t *testing.T) {
	e := &cidEncoding{cidChar: map[int]int{}}
	e.parse([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
2 begincodespacerange <80> <FF> <0000> <7FFF> endcodespacerange
1 begincidrange <80> <FF> 1 endcidrange
1 begincidrange <0000> <7FFF> 200 endcidrange
endcmap end end`))
	wide := &cidEncoding{cidChar: map[int]int{}} // two-byte codes only, all of them
	wide.parse([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
1 begincidrange <0000> <FFFF> 0 endcidrange
endcmap end end`))
	w := &cidWidths{}
	for cid := 0; cid < 1<<16; cid += 2 {
		w.set(cid, float64(cid%997))
	}
	fonts := map[string]*font{
		"type0":  {twoByte: true, cid: e, cidW: w, dw: 1000, known: true, scale: 0.001},
		"wide":   {twoByte: true, cid: wide, cidW: w, dw: 1000, known: true, scale: 0.001},
		"simple": {first: 32, widths: []float64{250, 333, 408, 500}, known: true, scale: 0.001},
	}
	rng := rand.New(rand.NewSource(1))
	for name, f := range fonts {
		fresh := *f // the same font without caches, to look each code up anew
		for range 2000 {
			s := make([]byte, rng.Intn(8))
			for i := range s { // bytes that make <80> and <0080> alike
				s[i] = []byte{0x00, 0x01, 0x7F, 0x80, 0x81, 0xFF, byte(rng.Intn(256))}[rng.Intn(7)]
			}
			codes := []int{}
			if f.twoByte {
				codes = append(codes, f.codes(s)...)
			} else {
				for _, c := range s {
					codes = append(codes, int(c))
				}
			}
			for _, c := range codes {
				for range 2 {
					text, w, known := f.glyph(c)
					wantW, wantKnown := fresh.width(c)
					if wantText := fresh.text(c); text != wantText || w != wantW || known != wantKnown {
						t.Fatalf("%s: glyph(%#x) = %q %v %v, want %q %v %v", name, c, text, w, known, wantText, wantW, wantKnown)
					}
				}
			}
		}
	}
}
