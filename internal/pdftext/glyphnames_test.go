package pdftext

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGlyphText maps glyph names to text the way the Adobe Glyph List
// specification and common producers name glyphs.
func TestGlyphText(t *testing.T) {
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{name: "aring", want: "å", ok: true},
		{name: "element", want: "∈", ok: true},
		{name: "uni00F8", want: "ø", ok: true},
		{name: "uni00480069", want: "Hi", ok: true},
		{name: "u1F600", want: "😀", ok: true},
		{name: "a.sc", want: "a", ok: true},
		{name: "f_i", want: "fi", ok: true},
		{name: "C65", want: "A", ok: true},
		{name: "g41", want: "A", ok: true},
		{name: "prime", want: "′", ok: true},
		{name: "bardbl", want: "∥", ok: true},
		{name: "summationdisplay", want: "∑", ok: true},
		{name: "parenleftBigg", want: "(", ok: true},
		{name: "integraltext", want: "∫", ok: true},
		{name: "angbracketrightbig", want: "⟩", ok: true},
		{name: "trianglerightsld", want: "▶", ok: true},
		{name: "lessorequalslant", want: "⩽", ok: true},
		{name: "notsubseteql", want: "⊈", ok: true},
		{name: "muchless", want: "≪", ok: true},
		{name: "hatwide", ok: false},
		{name: "context", ok: false},
		{name: "uniD800", ok: false},
		{name: "uni00f8", ok: false},
		{name: "glyph123", ok: false},
		{name: ".notdef", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := glyphText(tt.name)
			if ok != tt.ok || got != tt.want {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestCFFEncoding reads the built-in encoding of a bare CFF font
// (testdata/custom-encoding.cff, made with fontTools: glyphs element,
// arrowright and gamma at codes 0x32, 0x21 and 0x0D), as math fonts of
// pdfTeX files rewritten to Type1C carry it.
func TestCFFEncoding(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "custom-encoding.cff"))
	if err != nil {
		t.Fatal(err)
	}
	got := cffEncoding(data)
	want := map[int]string{0x32: "element", 0x21: "arrowright", 0x0D: "gamma"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for code, name := range want {
		if got[code] != name {
			t.Errorf("code %#x: got %q, want %q", code, got[code], name)
		}
	}
	for _, n := range []int{0, 3, 40, len(data) / 2} {
		if enc := cffEncoding(data[:n]); len(enc) > 0 {
			t.Errorf("the font cut at %d bytes gave an encoding: %v", n, enc)
		}
	}
}
