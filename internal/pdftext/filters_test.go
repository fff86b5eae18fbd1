package pdftext

import (
	"context"
	"encoding/hex"
	"strings"
	"testing"
)

// TestOddFilters reads content streams in filters ledongthuc/pdf lacks:
// an abbreviated ASCIIHexDecode and a form XObject in RunLengthDecode.
func TestOddFilters(t *testing.T) {
	page := "BT /F1 12 Tf 72 700 Td (Hex) Tj ET /X1 Do"
	form := "BT /F1 12 Tf 72 600 Td (Runs) Tj ET"
	rl := string(rune(len(form)-1)) + form + "\x80"
	data := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> >>",
		streamObj("/Filter /AHx", hex.EncodeToString([]byte(page))+">"),
		streamObj("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter [/RunLengthDecode] /DecodeParms [null]", rl),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
	doc, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := docText(doc); got != "Hex\nRuns" {
		t.Errorf("got %q, want %q", got, "Hex\nRuns")
	}
}

// TestWithoutKeys drops entries, indirect references and nested
// dictionaries included, from a stream dictionary's text.
func TestWithoutKeys(t *testing.T) {
	got := string(withoutKeys([]byte("<< /Length 12 0 R /Filter [/AHx /Fl] /DecodeParms [null << /Predictor 1 >>] /Type /XObject /BBox [0 0 1 1] >>"), "Filter", "DecodeParms", "Length"))
	if want := "<< /Type /XObject /BBox [0 0 1 1]"; strings.TrimSpace(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
