package pdftext

import (
	"context"
	"strings"
	"testing"
)

// TestClipped: a glyph drawn wholly outside an exact clip is not read; a
// glyph the clip cuts through, and every glyph under a clip not known
// exactly, is.
func TestClipped(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	page := func(content string) []byte {
		return buildPDF(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
			font,
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >>"+
				" /XObject << /Box 6 0 R >> >> >>",
			streamObj("", content),
			// a text box of a form: its BBox cuts the line after "Kort"
			streamObj("/Type /XObject /Subtype /Form /BBox [0 0 26 20] /Resources << /Font << /F1 3 0 R >> >>",
				"BT /F1 12 Tf 2 5 Td (Kort tekst som flyter over) Tj ET"),
		)
	}
	// Helvetica 12 at x 72: the digits begin at 106.0 and are 6.67
	// points wide each; the glyph box reaches 12 points above the baseline.
	line := "BT /F1 12 Tf 72 700 Td (Saldo 946274279) Tj ET"
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{name: "no clip", content: line, want: "Saldo 946274279"},
		{name: "a panel's clip cuts a long number", content: "q 60 690 63 30 re W n " + line + " Q", want: "Saldo 946"},
		{name: "a glyph the clip's edge cuts through stays", content: "q 60 690 55 30 re W n " + line + " Q", want: "Saldo 94"},
		{name: "a line below the clip is not read", content: "q 60 713 300 30 re W n " + line + " Q BT /F1 12 Tf 72 650 Td (Neste) Tj ET", want: "Neste"},
		{name: "a sliver of the line inside the clip keeps it", content: "q 60 706 300 30 re W n " + line + " Q", want: "Saldo 946274279"},
		{name: "the clip ends with Q", content: "q 60 710 300 30 re W n Q " + line, want: "Saldo 946274279"},
		{name: "a clip that is no rectangle: kept, in doubt", content: "q 60 710 m 300 710 l 200 760 l h W n " + line + " Q", want: "Saldo 946274279"},
		{name: "a clip in a turned space (45°): kept, in doubt", content: "q 0.7071 0.7071 -0.7071 0.7071 0 0 cm 600 100 30 30 re W n Q " + line, want: "Saldo 946274279"},
		{name: "text turned a quarter, clipped below", content: "q 60 640 100 60 re W n BT /F1 12 Tf 0 1 -1 0 100 650 Tm (Opp og ut av boksen) Tj ET Q", want: "Opp og ut"},
		{name: "text box of a form: the BBox cuts the line", content: "q 1 0 0 1 72 600 cm /Box Do Q", want: "Kort"},
		{name: "skewed text near the edge stays, in doubt", content: "q 60 690 63 30 re W n BT /F1 12 Tf 1 0 0.5 1 72 700 Tm (Saldo 946274279) Tj ET Q", want: "Saldo 946274"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(firstPageLines(t, page(tt.content)), " | ")
			if got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}

// TestClippedSlides reads a slide set nobody here made (cairo, pdfcpu's
// FOSDEM14 talk): a program's output panel cuts a 54-digit number after
// 35 digits, and a code box cuts a line of code at its right edge. The
// readers of the rendered pages wrote what shows (BASELINE.md, wave 12);
// pdftotext and MuPDF print the whole number and the whole line.
func TestClippedSlides(t *testing.T) {
	doc, err := Read(context.Background(), pdfcpuTestFile(t, "FOSDEM14_HPC_devroom_14_GoCUDA.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page       int // 1-indexed
		want, gone string
	}{
		{page: 4, want: "Bi(666, 333) = 94627427937349739136904337970206130", gone: "2514484178751053564"},
		{page: 9, want: "cfg.Block.Y, cfg.Blo", gone: "stream0"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, l := range doc.Pages[tt.page-1].Lines {
			b.WriteString(l.Text() + "\n")
		}
		page := b.String()
		if !strings.Contains(page, tt.want) {
			t.Errorf("page %d lacks %q:\n%s", tt.page, tt.want, page)
		}
		if strings.Contains(page, tt.gone) {
			t.Errorf("page %d holds %q, clipped away on the slide:\n%s", tt.page, tt.gone, page)
		}
	}
}
