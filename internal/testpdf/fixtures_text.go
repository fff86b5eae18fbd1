package testpdf

import (
	"fmt"
	"strings"
)

// Fixtures for how a line's glyphs become words and characters: spacing,
// marked content, accents, right-to-left scripts (internal/pdftext's
// lines.go and order.go).

// squeezedSpaces draws justified text the way some typesetters do (the
// Go book's MinionPro pages): a line cut into pieces whose space glyphs
// are squeezed to nothing by a negative Tw, with the real word spaces
// made by Tc and TJ offsets instead. Helvetica 11: a space is 3.06 pt;
// -2.9 Tw leaves 0.16 pt, no gap a reader sees.
func squeezedSpaces() []byte {
	content := "BT /F1 11 Tf 56 760 Td\n" +
		"-2.9 Tw [(Arbeidsgiv eren) -300 (orien terte) -300 (o)] TJ\n" +
		"2.5 Tc (m) Tj 0 Tc (budsj et) Tj\n" +
		"(te) Tj 2.5 Tc (t) Tj 0 Tc (for) Tj\n" +
		"0 Tw ( neste ) Tj " + winAnsi("år.") + " Tj ET\n" +
		"BT /F1 11 Tf 56 740 Td -1.2 Tw " + winAnsi("Ordinære mellomrom teller.") + " Tj ET\n"
	return page(content, []string{helvetica}, "", "")
}

// letterSpacedText is the fixture letter-spaced's text as a person
// reads it.
const letterSpacedText = "REFERAT FRA ETATS-MBA 2024\nNTL mener at\nSperret tekst med ord i, av og på\n" +
	"Tallene 1 2 3 4 og x = a + b står som før.\nx = a + b\n1 2 3 4\n"

// letterSpaced draws letter-spaced text (Helvetica) the ways producers
// do, and lines that must keep their word spaces beside it:
//   - a heading of 14 pt spaced by 4.2 Tc (0.3 em), with space glyphs, as
//     Chromium prints CSS letter-spacing and Word expanded spacing;
//   - words of 11 pt whose letters are 0.25 em apart by TJ offsets and
//     whose words are 0.8 em apart, without space glyphs (TeX's \so);
//   - a line at 0.15 em (1.65 Tc), narrower than a word gap;
//   - words placed 0.333 em apart by TJ, as TeX does, with one-letter
//     words, a formula and digits among them; the formula and the digits
//     again, alone on their lines.
func letterSpaced() []byte {
	spaced := func(words ...string) string {
		var b strings.Builder
		b.WriteByte('[')
		for i, w := range words {
			if i > 0 {
				b.WriteString(" -800 ")
			}
			for j, r := range w {
				if j > 0 {
					b.WriteString(" -250 ")
				}
				b.WriteString("(" + string(r) + ")")
			}
		}
		return b.String() + "] TJ"
	}
	placed := func(words ...string) string {
		for i, w := range words {
			words[i] = winAnsi(w)
		}
		return "[" + strings.Join(words, " -333 ") + "] TJ"
	}
	content := "BT /F1 14 Tf 56 780 Td 4.2 Tc (REFERAT FRA ETATS-MBA 2024) Tj ET\n" +
		"BT /F1 11 Tf 56 750 Td 0 Tc " + spaced("NTL", "mener", "at") + " ET\n" +
		"BT /F1 11 Tf 56 730 Td 1.65 Tc (Sperret tekst med ord i, av og p) Tj " + winAnsi("å") + " Tj ET\n" +
		"BT /F1 11 Tf 56 710 Td 0 Tc " + placed(strings.Fields("Tallene 1 2 3 4 og x = a + b står som før.")...) + " ET\n" +
		"BT /F1 11 Tf 56 690 Td " + placed("x", "=", "a", "+", "b") + " ET\n" +
		"BT /F1 11 Tf 56 670 Td " + placed("1", "2", "3", "4") + " ET\n"
	return page(content, []string{helvetica}, "", "")
}

// actualText wraps glyphs that do not say what they mean in marked
// content with /ActualText: a flag drawn as a bullet (UTF-16 with a byte
// order mark, as Chromium writes emoji), a letter whose property list is
// named in the resources (PDFDocEncoding), and an ornament whose
// ActualText is empty.
func actualText() []byte {
	content := "BT /F1 12 Tf 56 760 Td (Flagget ) Tj /Span << /Lang (nb) /ActualText <FEFFD83CDDF3D83CDDF4> >> BDC (\\225) Tj EMC ( heises.) Tj ET\n" +
		"BT /F1 12 Tf 56 740 Td (M) Tj /Span /MC0 BDC (o) Tj EMC (tet i arbeidsgruppen.) Tj /Span << /ActualText () >> BDC ( \\267) Tj EMC ET\n"
	return Build([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Properties << /MC0 << /ActualText (\\370) >> >> >> >>",
		Stream("", []byte(content)),
		helvetica,
	})
}

// rtlVisual and rtlText are the fixture rtl-hebrew's lines as drawn, left
// to right on the page, and as read: a Hebrew line, one with a number
// and a Latin acronym inside, and a Norwegian line with a Hebrew place
// name.
var (
	rtlVisual = []string{".םכלוכל םולש", "NTL םע 2024-ב השיגפ", "Møtet i ביבא לת ble avlyst."}
	rtlText   = []string{"שלום לכולכם.", "פגישה ב-2024 עם NTL", "Møtet i תל אביב ble avlyst."}
)

// rtlHebrew draws right-to-left text as every producer does, glyph by
// glyph from left to right in visual order, with a simple font whose
// ToUnicode maps codes 1..n to the letters (not embedded: the text is in
// the ToUnicode).
func rtlHebrew() []byte {
	codes, chars := codesFor(strings.Join(rtlVisual, "\n"))
	var ws, bf strings.Builder
	for i, r := range chars {
		w := 556
		if r == ' ' || r == '.' {
			w = 278
		}
		fmt.Fprintf(&ws, " %d", w)
		fmt.Fprintf(&bf, "<%02X> %s\n", i+1, utf16Hex(string(r)))
	}
	content := "BT /F1 14 Tf 20 TL 56 760 Td " + hexLines(codes) + "ET"
	return page(content, []string{
		fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar %d /Widths [%s] /ToUnicode 6 0 R >>", len(chars), ws.String()),
	}, "", "",
		cmapStream("Referat-RTL-UCS", "", fmt.Sprintf("1 begincodespacerange\n<00> <FF>\nendcodespacerange\n%d beginbfchar\n%sendbfchar\n", len(chars), bf.String())))
}

// accentsText is what the fixture accents reads; accentsDrawn is how it
// is drawn: an accent in braces is a glyph of its own centred over the
// letter after it, as TeX's OT1 \aa, \'e and \AA do (the ring over a
// capital raised).
const (
	accentsText  = "Vi får kafé på Ålesund."
	accentsDrawn = "Vi f{ring}ar kaf{acute}e p{ring}a {RING}Alesund."
)

// accents draws accentsDrawn in Helvetica with the ring (code 1) and the
// acute accent (WinAnsi 0xB4) as glyphs of their own.
func accents() []byte {
	widths := map[rune]float64{'V': 667, 'i': 222, ' ': 278, 'f': 278, 'a': 556, 'r': 333, 'k': 500,
		'e': 556, 'p': 556, 'A': 667, 'l': 222, 's': 500, 'u': 556, 'n': 556, 'd': 556, '.': 278}
	const size = 12.0
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf\n")
	x, y := 56.0, 760.0
	rs := []rune(accentsDrawn)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '{' {
			fmt.Fprintf(&b, "1 0 0 1 %.3f %.3f Tm %s Tj\n", x, y, winAnsi(string(r)))
			x += widths[r] * size / 1000
			continue
		}
		end := i + strings.IndexRune(string(rs[i:]), '}')
		name := string(rs[i+1 : end])
		i = end
		code, raise := `\001`, 0.0
		switch name {
		case "acute":
			code = `\264`
		case "RING":
			raise = 2.6
		}
		next := widths[rs[i+1]] * size / 1000
		fmt.Fprintf(&b, "1 0 0 1 %.3f %.3f Tm (%s) Tj\n", x+(next-333*size/1000)/2, y+raise, code)
	}
	b.WriteString("ET")
	// Widths as TeX writes them, the accents' included: codes 1..0xB4.
	ws := make([]string, 0xB4)
	for i := range ws {
		ws[i] = fmt.Sprint(widths[rune(i+1)])
	}
	ws[0], ws[0xB3] = "333", "333"
	return page(b.String(), []string{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 180 /Widths [" + strings.Join(ws, " ") + "] " +
		"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /ring] >> >>"}, "", "")
}
