package pdftext

import (
	"context"
	"testing"
)

// TestPageTreeCycle reads a page tree whose node lists itself among its
// kids: the page is read once, the cycle skipped.
func TestPageTreeCycle(t *testing.T) {
	data := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		streamObj("", "BT /F1 12 Tf 72 700 Td (Once) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
	doc, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 1 || docText(doc) != "Once" {
		t.Errorf("got %d pages %q, want 1 page \"Once\"", len(doc.Pages), docText(doc))
	}
}
