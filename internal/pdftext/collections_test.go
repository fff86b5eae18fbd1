package pdftext

import (
	"context"
	"testing"
)

// TestIdentityWithoutToUnicode reads Type 0 fonts with Identity-H and no
// ToUnicode: CIDs of the Adobe-Japan1 collection, glyph ids of Arial
// (not embedded, standard Macintosh glyph order), codes that are Unicode
// in a font that is not embedded, and glyph ids of such a font, which
// stay unknown.
func TestIdentityWithoutToUnicode(t *testing.T) {
	tests := []struct {
		name    string
		cidFont string
		shown   string
		want    string
	}{
		{name: "Adobe-Japan1 CIDs", cidFont: "/Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >>",
			shown: "<034b034d>", want: "あい"},
		{name: "Arial glyph ids", cidFont: "/Subtype /CIDFontType2 /BaseFont /ArialMT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
			shown: "<002b0048004f004f0052>", want: "Hello"},
		{name: "Unicode codes", cidFont: "/Subtype /CIDFontType2 /BaseFont /SomeSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
			shown: "<004800e50020004b>", want: "Hå K"},
		{name: "glyph ids of an unknown font", cidFont: "/Subtype /CIDFontType2 /BaseFont /SomeSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
			shown: "<002b00030048>", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildPDF(
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				streamObj("", "BT /F1 12 Tf 72 700 Td "+tt.shown+" Tj ET"),
				"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
				"<< /Type /Font "+tt.cidFont+" /FontDescriptor 7 0 R /DW 1000 >>",
				"<< /Type /FontDescriptor /FontName /X /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
			)
			doc, err := Read(context.Background(), data, Options{})
			if tt.want == "" {
				if err == nil {
					t.Fatalf("read %q, want no text", docText(doc))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := docText(doc); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
