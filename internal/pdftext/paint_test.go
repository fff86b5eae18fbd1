package pdftext

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// occlusionPage is a one-page PDF whose content runs before, draws
// "Visible" at (72, 700) and "Secret" at (72, 650) in 12-point
// Helvetica, then runs after, with the ExtGStates /Half (fill alpha 0.5), /Mul (blend mode
// Multiply), /Soft (a soft mask), /Opaque (alpha 1, blend mode Normal),
// /Alpha1 (alpha 1 alone) and /Width (a line width alone), the form
// XObject /Fm (a white box over "Secret", its BBox given) and the
// image /Im, and the colour spaces /Gray (DeviceGray), /Pat (an uncoloured pattern)
// and /Self (itself).
func occlusionPage(before, after, formBBox string) []byte {
	content := before + "\nBT /F1 12 Tf 72 700 Td (Visible) Tj ET\nBT /F1 12 Tf 72 650 Td (Secret) Tj ET\n" + after
	return buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >>"+
			" /ExtGState << /Half << /ca 0.5 >> /Mul << /BM /Multiply >> /Soft << /SMask << /S /Luminosity /G 6 0 R >> >> /Opaque << /ca 1 /BM /Normal >> /Width << /LW 2 >> /Alpha1 << /ca 1 >> >>"+
			" /XObject << /Fm 6 0 R /Im 7 0 R >> /ColorSpace << /Self /Self /Gray /DeviceGray /Pat [/Pattern /DeviceRGB] >> >> >>",
		streamObj("", content),
		streamObj("/Type /XObject /Subtype /Form /BBox "+formBBox, "1 g 60 640 200 30 re f"),
		streamObj("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\xff"),
	)
}

// firstPageLines reads the PDF data and returns the text of its first
// page's lines.
func firstPageLines(t *testing.T, data []byte) []string {
	t.Helper()
	doc, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range doc.Pages[0].Lines {
		lines = append(lines, l.Text())
	}
	return lines
}

// TestOcclusion: text a later opaque fill covers is not read, and every
// fill that might not hide it leaves it.
func TestOcclusion(t *testing.T) {
	const both, visibleOnly = "Visible Secret", "Visible"
	tests := []struct {
		name   string
		before string // content run before the two lines
		after  string // content run after them
		bbox   string // the form's BBox
		want   string
	}{
		{name: "nothing over the text", want: both},
		{name: "black box over a name (re f)", after: "0 g 70 645 60 16 re f", want: visibleOnly},
		{name: "white box drawn with moveto and lineto, even-odd", after: "1 g 70 645 m 130 645 l 130 661 l 70 661 l h f*", want: visibleOnly},
		{name: "rounded panel of Bézier corners, filled and stroked", after: "1 1 1 rg 0 G 75 640 m 125 640 l 130 640 130 645 130 650 c 130 660 l 130 665 125 665 120 665 c 75 665 l 70 665 70 660 70 655 c 70 645 l 70 640 72 640 75 640 c h B", want: visibleOnly},
		{name: "box in a transformed space", after: "q 2 0 0 2 0 0 cm 35 322 30 9 re f Q", want: visibleOnly},
		{name: "shading drawn before the text hides nothing", before: "0.9 g 70 645 60 16 re f 0 g", want: both},
		// Camouflage (ink.go): text in the colour of the fill under it.
		{name: "black text on a black box (marked black in Word)", before: "0 g 70 645 60 16 re f", want: visibleOnly},
		{name: "black on a CMYK black box", before: "0 0 0 1 k 70 645 60 16 re f 0 g", want: visibleOnly},
		{name: "black on a box in an RGB space set by cs", before: "/DeviceRGB cs 0 0 0 sc 70 645 60 16 re f 0 g", want: visibleOnly},
		{name: "white on white box", before: "1 g 70 645 60 16 re f 1 g", want: visibleOnly},
		{name: "white on a black bar (an inverted heading)", before: "0 g 70 645 60 16 re f 1 g", want: both},
		{name: "white on the bare page: the page may have a colour", before: "1 g", want: both},
		{name: "black box, an image over it, black text", before: "0 g 70 645 60 16 re f q 200 0 0 100 50 600 cm /Im Do Q", want: both},
		{name: "black box, a shading over it, black text", before: "0 g 70 645 60 16 re f /Sh sh", want: both},
		{name: "black box, a translucent fill over it", before: "0 g 70 645 60 16 re f q /Half gs 1 g 70 645 60 16 re f Q", want: both},
		{name: "black box, then a white box, black text", before: "0 g 70 645 60 16 re f 1 g 70 645 60 16 re f 0 g", want: both},
		{name: "box in a gray space named by the resources", before: "/Gray cs 0 sc 70 645 60 16 re f 0 g", want: visibleOnly},
		{name: "colour space whose resource names itself", before: "/Self cs 0 sc 70 645 60 16 re f 0 g", want: both},
		{name: "hatching (a pattern) over the text", after: "/Pattern cs /P1 scn 70 645 60 16 re f", want: both},
		{name: "hatching in a pattern space named by the resources", after: "/Pat cs /P1 scn 70 645 60 16 re f", want: both},
		{name: "pattern fill under black text", before: "/Pattern cs /P1 scn 70 645 60 16 re f 0 g", want: both},
		{name: "outlined text (render mode 1) on a black box", before: "0 g 70 645 60 16 re f 1 Tr", want: both},
		{name: "black box under an unexactly clipped fill", before: "0 g 70 645 60 16 re f q 60 640 m 200 640 l 130 700 l h W n 1 g 0 0 612 792 re f Q 0 g", want: both},
		{name: "half-transparent box", after: "/Half gs 0 g 70 645 60 16 re f", want: both},
		{name: "highlight in blend mode Multiply", after: "/Mul gs 1 1 0 rg 70 645 60 16 re f", want: both},
		{name: "soft mask", after: "/Soft gs 0 g 70 645 60 16 re f", want: both},
		{name: "opaque again after q/Q", after: "q /Half gs Q /Opaque gs 0 g 70 645 60 16 re f", want: visibleOnly},
		{name: "opaque again: /ca 1 after /ca 0.5", after: "/Half gs /Opaque gs 0 g 70 645 60 16 re f", want: visibleOnly},
		{name: "a state without alpha keeps the alpha before it", after: "/Half gs /Width gs /Half gs /Width gs 0 g 70 645 60 16 re f", want: both},
		{name: "a blend mode stays when alpha comes back to 1", after: "/Mul gs /Alpha1 gs 0 g 70 645 60 16 re f", want: both},
		{name: "strike-through rule", after: "0 g 70 653 60 1 re f", want: both},
		{name: "stroked only", after: "0 G 10 w 70 645 60 16 re S", want: both},
		{name: "path ended without painting", after: "70 645 60 16 re n", want: both},
		{name: "box with a hole around the name (even-odd)", after: "0 g 60 630 100 50 re 70 645 60 16 re f*", want: both},
		{name: "box with a hole, nonzero, same direction", after: "0 g 60 630 100 50 re 70 645 60 16 re f", want: visibleOnly},
		{name: "box clipped away from the name", after: "q 300 300 100 100 re W n 0 g 70 645 60 16 re f Q", want: both},
		{name: "box clipped to the name", after: "q 60 640 200 30 re W n 0 g 0 0 612 792 re f Q", want: visibleOnly},
		{name: "clip that is no rectangle: kept, in doubt", after: "q 60 640 m 200 640 l 130 700 l h W n 0 g 0 0 612 792 re f Q", want: both},
		{name: "clip ends with Q", after: "q 300 300 100 100 re W n Q 0 g 70 645 60 16 re f", want: visibleOnly},
		{name: "an image over the text (OCR layers lie under the scan)", after: "q 200 0 0 100 50 600 cm /Im Do Q", want: both},
		{name: "text used as a clip, then painted", after: "BT 7 Tr /F1 12 Tf 72 600 Td (Clip) Tj ET 0 g 0 0 612 792 re f", want: both + " Clip"},
		{name: "form drawing a box over the name", after: "/Fm Do", bbox: "[0 0 612 792]", want: visibleOnly},
		{name: "form whose BBox clips its box away", after: "/Fm Do", bbox: "[0 0 50 50]", want: both},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bbox := tt.bbox
			if bbox == "" {
				bbox = "[0 0 612 792]"
			}
			got := firstPageLines(t, occlusionPage(tt.before, tt.after, bbox))
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("text %q, want %q", g, tt.want)
			}
		})
	}
}

// TestOcclusionAnnotation: an annotation's appearance is painted over
// the page, so its opaque background hides the page's text under it.
func TestOcclusionAnnotation(t *testing.T) {
	data := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> /Annots [6 0 R] >>",
		streamObj("", "BT /F1 12 Tf 72 700 Td (Visible) Tj ET BT /F1 12 Tf 72 650 Td (Placeholder) Tj ET"),
		"<< /Type /Annot /Subtype /FreeText /Rect [60 640 260 670] /AP << /N 7 0 R >> >>",
		streamObj("/Type /XObject /Subtype /Form /BBox [0 0 200 30] /Resources << /Font << /F1 3 0 R >> >>",
			"1 g 0 0 200 30 re f 0 g BT /F1 12 Tf 4 10 Td (Answer) Tj ET"),
	)
	got := firstPageLines(t, data)
	if g, want := strings.Join(got, " | "), "Visible | Answer"; g != want {
		t.Errorf("text %q, want %q", g, want)
	}
}

// TestOverlay: a panel painted over the end of a line, with text of its
// own (a slide's output panel laid over its code, as in pdfcpu's
// FOSDEM14 deck), is read as a block after the lines above its bottom
// edge: the covered end of the line is gone, and the panel's text is not
// joined to the line it covers.
func TestOverlay(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (First line of code) Tj ET\n" +
		"BT /F1 12 Tf 72 680 Td (Second line covered by the panel) Tj ET\n" +
		"BT /F1 12 Tf 72 660 Td (Third line) Tj ET\n" +
		"BT /F1 12 Tf 72 600 Td (Text under the panel's bottom) Tj ET\n" +
		// the panel: a rounded white box over x 140–400, y 640–690
		"1 g 145 640 m 395 640 l 400 640 400 645 400 650 c 400 685 l 400 690 395 690 390 690 c 145 690 l 140 690 140 685 140 680 c 140 645 l 140 640 142 640 145 640 c h f\n" +
		"0 g BT /F1 12 Tf 210 680 Td (PASS) Tj ET BT /F1 12 Tf 210 664 Td (Program exited.) Tj ET"
	data := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
		streamObj("", content),
	)
	got := firstPageLines(t, data)
	want := []string{"First line of code", "Second line", "Third line", "PASS", "Program exited.", "Text under the panel's bottom"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines\n%q\nwant\n%q", got, want)
	}
}

// TestOcclusionBounded: a page whose text lies under a fill of very
// many points costs a bounded amount of work (each line of letters walks
// the fill's edges once), and when the bound is met nothing is hidden
// (in doubt, text stays) rather than part of the text.
func TestOcclusionBounded(t *testing.T) {
	var b strings.Builder
	const lines = 400 // each on a baseline of its own: a walk each
	for i := range lines {
		fmt.Fprintf(&b, "BT /F1 1 Tf 72 %.1f Td (Line) Tj ET\n", 200+float64(i)*1.3)
	}
	// A rectangle over all of it, its edges drawn in 60,000 short segments.
	b.WriteString("0 g 60 195 m\n")
	for i := 1; i <= 15000; i++ {
		fmt.Fprintf(&b, "%.3f 195 l\n", 60+float64(i)*0.03)
	}
	for i := 1; i <= 15000; i++ {
		fmt.Fprintf(&b, "510 %.3f l\n", 195+float64(i)*0.035)
	}
	for i := 1; i <= 15000; i++ {
		fmt.Fprintf(&b, "%.3f 720 l\n", 510-float64(i)*0.03)
	}
	for i := 1; i <= 15000; i++ {
		fmt.Fprintf(&b, "60 %.3f l\n", 720-float64(i)*0.035)
	}
	b.WriteString("h f\n")
	data := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
		streamObj("", b.String()),
	)
	if n := strings.Count(strings.Join(firstPageLines(t, data), " "), "Line"); n != lines {
		t.Errorf("%d of %d lines kept", n, lines)
	}
}

// FuzzPaint runs arbitrary content (its bytes before the first NUL
// before a line of glyphs, the rest after it) and then hides what the
// content covers. The interpreter may give up on a damaged stream (a
// panic that page recovers), but hiding must not panic on whatever
// state the stream left, must keep every glyph it does not hide, and
// adds at most one Hidden glyph per glyph it hides.
func FuzzPaint(f *testing.F) {
	for _, s := range []string{
		"\x000 g 70 645 60 16 re f",
		"\x001 1 1 rg 75 640 m 125 640 l 130 640 130 645 130 650 c h B",
		"\x00q 60 640 200 30 re W n 0 g 0 0 612 792 re f Q",
		"0 g 70 645 60 16 re f\x00",
		"0 g 60 630 100 50 re 70 645 60 16 re f*\x001 g 200 640 m 0 0 l h f 0 0 1 0 k 1 2 3 4 5 6 cm 0 0 9 9 re b*",
		"BI /W 1 /H 1 ID x EI\x00 q 0 0 0 0 0 0 cm 0 g 0 0 1 1 re f Q",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		before, after, _ := bytes.Cut(content, []byte{0})
		budget := int64(1 << 20)
		p := &pageReader{budget: &budget, doc: newDocCache()}
		run := func(b []byte) {
			defer func() { recover() }() // a damaged stream: the page keeps what was read
			p.run(b, pdf.Value{}, identity, p.defaultPaint())
		}
		run(before)
		x := 72.0
		for _, c := range "Secret name, and more" {
			g := p.newGlyph()
			g.x, g.y, g.w, g.size, g.s, g.ink = x, 650, 6, 12, string(c), p.defaultPaint().ink
			x += 6
		}
		run(after)
		n := len(p.glyphs)
		hidden := p.hideOccluded()
		if hidden < 0 || hidden > n {
			t.Fatalf("%d hidden of %d", hidden, n)
		}
		marks := 0
		for _, g := range p.glyphs {
			if g.s == Hidden {
				marks++
			}
		}
		lifted := 0
		for _, ov := range p.overlays {
			lifted += len(ov.glyphs)
		}
		if len(p.glyphs)-marks+lifted+hidden != n {
			t.Fatalf("%d glyphs, %d marks, %d in overlays, %d hidden, of %d", len(p.glyphs), marks, lifted, hidden, n)
		}
		if marks > hidden {
			t.Fatalf("%d marks for %d hidden glyphs", marks, hidden)
		}
	})
}
