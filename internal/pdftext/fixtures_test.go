package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenRealWorld reads the real-world fixtures of
// testdata/realworld-fixtures, each carrying its text one way real-world
// PDFs do, and compares the lines with the sidecar NAME.txt (white space
// within a line folded). two-column.pdf (reading order) is package
// ingest's and seg's concern and is not listed here.
func TestGoldenRealWorld(t *testing.T) {
	tests := []struct {
		file  string
		class string
	}{
		{file: "form.pdf", class: "form field values"},
		{file: "annotation.pdf", class: "annotation appearance"},
		{file: "type0-1byte-cmap.pdf", class: "Type0, embedded one-byte CMap"},
		{file: "type0-mixed-cmap.pdf", class: "Type0, embedded mixed-byte CMap"},
		{file: "type0-unijis.pdf", class: "Type0, predefined UniJIS-UCS2-H"},
		{file: "asciihex.pdf", class: "ASCIIHexDecode"},
		{file: "predictor1.pdf", class: "Predictor 1"},
		{file: "digits.pdf", class: "a page of digits is text"},
		{file: "type3-names.pdf", class: "Type3 glyph names"},
		{file: "tr7-clip.pdf", class: "render mode 7 kept"},
		{file: "rotated.pdf", class: "Rotate 90"},
		{file: "squeezed-spaces.pdf", class: "space glyphs squeezed by Tw, word gaps by Tc and TJ"},
		{file: "actualtext.pdf", class: "/ActualText replaces the glyphs of marked content"},
		{file: "rtl-hebrew.pdf", class: "right-to-left lines in logical order"},
		{file: "accents.pdf", class: "accent glyphs combined with their letter"},
		{file: "table-columns.pdf", class: "dense columns of short entries read column by column"},
		{file: "scripts.pdf", class: "sub- and superscripts kept in their line"},
		{file: "listing-column.pdf", class: "a code listing in a column does not hide the column"},
		{file: "offset-index.pdf", class: "columns of their own, rows not sharing baselines, read column by column"},
		{file: "letter-spaced.pdf", class: "letters evenly apart are one word; words placed apart, formulas and digits keep their spaces"},
		{file: "tex-glyphnames.pdf", class: "glyph names of TeX's math fonts outside the Adobe Glyph List"},
	}
	dir := filepath.Join("..", "..", "testdata", "realworld-fixtures")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(tt.file, ".pdf")+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(context.Background(), data, Options{})
			if err != nil {
				t.Fatalf("%s: %v", tt.class, err)
			}
			if got := docText(doc); got != foldLines(string(want)) {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tt.class, got, foldLines(string(want)))
			}
		})
	}
}

// docText returns the lines of doc, one a line, white space folded. The
// fixtures' text is what a person reads, so a table cell's separator
// (a form's label and value stand far apart) counts as white space.
func docText(doc *Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			b.WriteString(strings.ReplaceAll(l.Text(), CellSeparator, " "))
			b.WriteByte('\n')
		}
	}
	return foldLines(b.String())
}

// foldLines folds the white space within each line and drops empty lines.
func foldLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
