package pdftext

import (
	"context"
	"math"
	"strings"
	"testing"
)

// TestAnnotations checks which annotations give page text: appearance
// streams placed on their /Rect, the /AS state of a widget, a choice
// field's value without an appearance (through /Parent and /Opt), a text
// field's value whose appearance is empty (LibreOffice); not hidden or
// no-view annotations, nor sticky notes.
func TestAnnotations(t *testing.T) {
	ap := func(text string) string {
		return streamObj("/Type /XObject /Subtype /Form /BBox [0 0 200 40] /Resources << /Font << /F1 3 0 R >> >>",
			"BT /F1 10 Tf 4 10 Td ("+text+") Tj ET")
	}
	data := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >>"+
			" /Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 12 0 R 19 0 R] >>",
		streamObj("", "BT /F1 12 Tf 72 700 Td (Body) Tj ET"),
		"<< /Type /Annot /Subtype /FreeText /Rect [300 100 400 120] /F 4 /AP << /N 13 0 R >> >>",
		"<< /Type /Annot /Subtype /FreeText /Rect [72 200 272 240] /F 2 /AP << /N 14 0 R >> >>",
		"<< /Type /Annot /Subtype /FreeText /Rect [72 300 272 340] /F 32 /AP << /N 15 0 R >> >>",
		"<< /Type /Annot /Subtype /Text /Rect [72 400 272 440] /AP << /N 16 0 R >> >>",
		"<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [72 500 272 540] /AS /Yes /AP << /N << /Yes 17 0 R /Off 18 0 R >> >> >>",
		"<< /FT /Ch /V (k2) /Opt [[(k1) (One)] [(k2) (Two)]] /DA (/Helv 10 Tf 0 g) /Kids [12 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /Parent 11 0 R /Rect [72 600 272 620] >>",
		ap("Visible"), ap("Hidden"), ap("NoView"), ap("Sticky"), ap("Chosen"), ap("Unchosen"),
		"<< /Type /Annot /Subtype /Widget /FT /Tx /V <feff0041006c006900630065> /DA (/F3 11 Tf) /Rect [72 650 272 670] /AP << /N 20 0 R >> >>",
		streamObj("/Type /XObject /Subtype /Form /BBox [0 0 200 20]", "/Tx BMC\nEMC"),
	)
	doc, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := docText(doc)
	for _, want := range []string{"Body", "Visible", "Chosen", "Two", "Alice"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	for _, not := range []string{"Hidden", "NoView", "Sticky", "Unchosen", "k2", "One"} {
		if strings.Contains(got, not) {
			t.Errorf("text has %q:\n%s", not, got)
		}
	}
	// The appearance's BBox (200×40) is mapped onto the Rect (100×20):
	// the 10-point text at (4, 10) becomes 5 points at (302, 105).
	for _, l := range doc.Pages[0].Lines {
		if l.Text() == "Visible" && (math.Abs(l.X0-302) > 0.5 || math.Abs(l.Y-105) > 0.5 || math.Abs(l.Size-5) > 0.1) {
			t.Errorf("appearance placed at x %.1f y %.1f size %.1f, want 302 105 5", l.X0, l.Y, l.Size)
		}
	}
}
