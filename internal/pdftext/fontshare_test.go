package pdftext

import (
	"fmt"
	"strings"
	"testing"
)

// TestFontsSharedByPrintedForm: font dictionaries that print alike are
// one font (its state, such as sawControl, shared), whatever their
// resource names and objects; dictionaries of one BaseFont that print
// differently, or of another BaseFont, are fonts of their own.
func TestFontsSharedByPrintedForm(t *testing.T) {
	simple := func(base, widths string) string {
		return "<< /Type /Font /Subtype /TrueType /BaseFont /" + base + " /FirstChar 65 /LastChar 67 /Widths [" + widths + "] >>"
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 5 0 R /F5 8 0 R /F6 9 0 R >> >> >>",
		"", // the content stream
		simple("Arial", "500 600 700"),
		simple("Arial", "500 600 700"), // prints as 5 does
		simple("Arial", "500 600 701"), // one width differs
		simple("Times", "500 600 700"), // another BaseFont
		simple("Arial", "500 600 701"), // prints as 7 does
	}
	content := ""
	for i := 1; i <= 6; i++ {
		content += fmt.Sprintf("BT /F%d 12 Tf 10 %d Td (ABC) Tj ET\n", i, 20*i)
	}
	var b strings.Builder
	b.WriteString("%PDF-1.7\n")
	for i, o := range objs {
		if i == 3 {
			fmt.Fprintf(&b, "4 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(content), content)
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	b.WriteString("trailer\n<< /Root 1 0 R >>\n%%EOF\n")
	data, err := rebuildXref([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := newReader(data)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pageTree(r, 10)
	if err != nil || len(pages) != 1 {
		t.Fatalf("pageTree: %d pages, %v", len(pages), err)
	}
	doc := newDocCache()
	doc.src = newSource(r, data)
	budget := int64(1 << 20)
	gs, _, _, err := readPage(pages[0], &budget, doc)
	if err != nil || len(gs) != 18 {
		t.Fatalf("readPage: %d glyphs, %v", len(gs), err)
	}
	if len(doc.named) != 1 {
		t.Fatalf("%d font scopes, want 1", len(doc.named))
	}
	for _, named := range doc.named {
		f := func(n int) *font { return named[fmt.Sprintf("F%d", n)] }
		for n := 1; n <= 6; n++ {
			if f(n) == nil {
				t.Fatalf("F%d not read", n)
			}
		}
		if f(1) != f(2) || f(1) != f(4) {
			t.Errorf("F1, F2 and F4 print alike but are fonts %p, %p, %p", f(1), f(2), f(4))
		}
		if f(3) != f(6) {
			t.Errorf("F3 and F6 print alike but are fonts %p and %p", f(3), f(6))
		}
		if f(1) == f(3) || f(1) == f(5) || f(3) == f(5) {
			t.Errorf("F1, F3 and F5 differ but share fonts: %p, %p, %p", f(1), f(3), f(5))
		}
		if w := f(3).widths; len(w) != 3 || w[2] != 701 {
			t.Errorf("F3's widths are %v, want [500 600 701]", w)
		}
	}
}
