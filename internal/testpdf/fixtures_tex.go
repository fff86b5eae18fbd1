package testpdf

import (
	"fmt"
	"strings"
)

// texNamesText uses the glyphs of TeX's math fonts that the Adobe Glyph
// List does not name (prime, bardbl, triangle, summationdisplay,
// angbracketleft, angbracketright, mapsto).
const texNamesText = "Punkt A′ und Norm ∥x∥\nSumme ∑ und Dreieck △ABC\nKlammer ⟨x⟩ und x ↦ y\n"

// texGlyphNames names the glyphs of texNamesText: TeX's names for the
// math symbols, the letter itself for a letter.
var texGlyphNames = map[rune]string{' ': "space", '′': "prime", '∥': "bardbl", '∑': "summationdisplay",
	'△': "triangle", '⟨': "angbracketleft", '⟩': "angbracketright", '↦': "mapsto"}

// texNames is a Type1 font without ToUnicode whose /Differences give the
// glyph names of TeX's math fonts at codes 1..n, as a pdfTeX file's
// embedded cmsy or cmex font gives them in its built-in encoding.
func texNames() []byte {
	codes, chars := codesFor(strings.TrimSpace(texNamesText))
	var diff, widths strings.Builder
	diff.WriteString("[1")
	widths.WriteString("[")
	for _, r := range chars {
		name, ok := texGlyphNames[r]
		if !ok {
			name = string(r)
		}
		fmt.Fprintf(&diff, " /%s", name)
		widths.WriteString(" 556")
	}
	diff.WriteString("]")
	widths.WriteString("]")
	content := "BT /F1 14 Tf 18 TL 56 760 Td " + hexLines(codes) + "ET"
	return page(content, []string{
		fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /CMSY10 /FirstChar 1 /LastChar %d /Widths %s /Encoding << /Type /Encoding /Differences %s >> >>",
			len(chars), widths.String(), diff.String()),
	}, "", "")
}
