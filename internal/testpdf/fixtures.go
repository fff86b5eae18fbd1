package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A Fixture is a small PDF for golden tests of the text extractor: one
// way real-world PDFs carry their text (see internal/testpdf/torture/
// MISSES.md), built by hand so that the file holds exactly that and
// nothing else. Text is what a person reads on the page, in reading
// order, one printed line a line.
type Fixture struct {
	Name string // file name, NAME.pdf; the text goes to NAME.txt
	Why  string
	Text string
	PDF  func() []byte
}

// FixtureDir is where MakeFixtures writes, relative to the repository root.
const FixtureDir = "testdata/realworld-fixtures"

// Fixtures lists the fixture files.
var Fixtures = []Fixture{
	{Name: "two-column", Why: "two columns sharing baselines, drawn column after column (Helvetica, WinAnsi): lines must not be built across the page",
		Text: lines(twoColTitle, twoColLeft, twoColRight), PDF: twoColumn},
	{Name: "form", Why: "AcroForm: a filled text field with an appearance stream, and one with only /V and /NeedAppearances (no /AP)",
		Text: "Søknad om permisjon\nNavn: Kari Nordmann\nAvdeling: Ytelsesavdelingen\n", PDF: form},
	{Name: "annotation", Why: "a FreeText annotation whose text is only in its appearance stream",
		Text: "Referat fra møtet\nMerknad: tallene må kontrolleres\n", PDF: annotation},
	{Name: "rotated", Why: "a page with /Rotate 90 whose text is drawn turned, so it reads upright on screen",
		Text: lines([]string{"Tabell 1: Bemanning per avdeling", "Avdeling Oslo har 120 ansatte.", "Avdeling Bergen har 80 ansatte."}), PDF: rotated},
	{Name: "digits", Why: "a page of only digits and symbols (a table of figures): text, not a scan",
		Text: lines(digitLines), PDF: digits},
	{Name: "type0-1byte-cmap", Why: "Type0 font whose embedded CMap has a one-byte codespace <00>-<FF> (not Identity-H), ToUnicode with one-byte codes; the CIDFont is not embedded, so viewers draw substitute glyphs: the text is in the ToUnicode",
		Text: "Budsjettet for 2024 er vedtatt.\nNTL støtter forslaget på vegne av de ansatte.\n", PDF: type0OneByte},
	{Name: "type0-mixed-cmap", Why: "Type0 font whose embedded CMap mixes one-byte <00>-<7F> and two-byte <8000>-<FFFF> codes",
		Text: "Særavtale om reise på tjenestens vegne\nÅrlig økning: 3 prosent\n", PDF: type0Mixed},
	{Name: "type0-unijis", Why: "Type0 font with the predefined CMap UniJIS-UCS2-H, CIDFontType0 Adobe-Japan1, not embedded, no ToUnicode: codes are UCS-2",
		Text: uniJISText, PDF: type0UniJIS},
	{Name: "simple-uninames", Why: "Type1 font without ToUnicode whose /Differences name glyphs uniXXXX, at codes 1..n (not ASCII)",
		Text: uniNamesText, PDF: simpleUniNames},
	{Name: "truetype-symbolic", Why: "embedded TrueType subset, symbolic flag, no /Encoding, no ToUnicode, codes 1..n: Unicode only via the font's cmap (1,0)/(3,0) and post glyph names",
		Text: symbolicFont().Text + "\n", PDF: trueTypeSymbolic},
	{Name: "type3-names", Why: "Type3 font without ToUnicode, /Differences with standard glyph names (oslash, aring, ae) at codes 1..n",
		Text: type3Text, PDF: type3Names},
	{Name: "tr7-clip", Why: "text drawn with render mode 7 (add to clip) and filled by a rectangle: the text is visible",
		Text: "Viktig frist for innspill\n", PDF: clipText},
	{Name: "asciihex", Why: "content stream with /Filter /ASCIIHexDecode",
		Text: "Innholdet er kodet heksadesimalt.\n", PDF: asciiHex},
	{Name: "predictor1", Why: "content stream /FlateDecode with /DecodeParms << /Predictor 1 >> (no prediction)",
		Text: "Prediktor 1 betyr ingen prediksjon.\n", PDF: predictor1},
	{Name: "squeezed-spaces", Why: "justified text whose space glyphs are squeezed to nothing by a negative Tw, the word spaces made by Tc and TJ offsets (class L): words follow the drawn gaps",
		Text: "Arbeidsgiveren orienterte om budsjettet for neste år.\nOrdinære mellomrom teller.\n", PDF: squeezedSpaces},
	{Name: "actualtext", Why: "marked content with /ActualText replacing its glyphs (class Q): a flag drawn as a bullet (UTF-16), a letter via a named property list (PDFDocEncoding), an ornament removed by an empty ActualText",
		Text: "Flagget 🇳🇴 heises.\nMøtet i arbeidsgruppen.\n", PDF: actualText},
	{Name: "rtl-hebrew", Why: "Hebrew drawn glyph by glyph in visual order (class N): read right to left, with a number and a Latin acronym inside kept in their order, and a Hebrew name inside a Norwegian line turned around",
		Text: lines(rtlText), PDF: rtlHebrew},
	{Name: "accents", Why: "accents drawn as glyphs of their own over the letter (class M, TeX OT1 \\aa, \\'e, \\AA): combined with the letter into å, é, Å",
		Text: accentsText + "\n", PDF: accents},
	{Name: "table-columns", Why: "an index in two dense columns of short entries sharing baselines, drawn row by row: read column by column, as poppler does",
		Text: lines(registerTitle, registerLeft, registerRight), PDF: tableColumns},
	{Name: "scripts", Why: "superscripts and subscripts in a smaller size, raised or lowered by Ts and by Td: they stay in their line (m2, CO2, x2)",
		Text: lines(scriptsText), PDF: scripts},
	{Name: "listing-column", Why: "two columns sharing baselines, the left one holding a code listing in Courier (short lines, more than of prose): the listing is set aside when asking whether the column is filled, and the page is read column by column",
		Text: lines(listingTitle, listingLeft, nonEmpty(listingCode), listingAfter, listingRight), PDF: listingColumn},
	{Name: "offset-index", Why: "an index in two columns whose rows do not share baselines (one column half a line lower, blank lines between letter groups at other places): each column a left-aligned block of its own line spacing, read column by column",
		Text: lines(offsetIndexTitle, nonEmpty(offsetIndexLeft), nonEmpty(offsetIndexRight)), PDF: offsetIndex},
	{Name: "letter-spaced", Why: "letter-spaced text: a heading spaced by Tc with space glyphs (Chromium's CSS letter-spacing, Word's expanded spacing), words spaced by TJ offsets without space glyphs (TeX's \\so), and, unchanged, words placed apart by TJ, a formula and a row of digits: letters evenly apart are one word",
		Text: letterSpacedText, PDF: letterSpaced},
	{Name: "tex-glyphnames", Why: "Type1 font without ToUnicode whose glyph names are those of TeX's math fonts outside the Adobe Glyph List (prime, bardbl, triangle, summationdisplay, angbracketleft, mapsto): read as the symbols they draw, not by StandardEncoding (A′, not A0)",
		Text: texNamesText, PDF: texNames},
}

const (
	uniJISText   = "すべての人間は、生まれながらにして自由である。\n人間は、理性と良心とを授けられている。\n"
	uniNamesText = "Høring om ny særavtale\nSvarfrist: 15. mars\n"
	type3Text    = "Arbeidsgiver svarte på spørsmålet.\nNTL og arbeidsgiver er enige.\n"
)

func lines(groups ...any) string {
	var b strings.Builder
	for _, g := range groups {
		switch v := g.(type) {
		case string:
			b.WriteString(v + "\n")
		case []string:
			for _, l := range v {
				b.WriteString(l + "\n")
			}
		}
	}
	return b.String()
}

// FixturesReadme is the README.md MakeFixtures writes beside the fixtures.
func FixturesReadme() string {
	var b strings.Builder
	b.WriteString("# Real-world fixtures\n\nSmall PDFs, each carrying its text one way real-world PDFs do, for golden tests of the\n" +
		"text extractor. NAME.txt is what a person reads on the page, in reading order. Made by\n" +
		"`internal/testpdf/fixtures.go`; `go test ./internal/testpdf -run TestFixturesRegenerate -update`\n" +
		"writes them again, and the test checks the committed files are what the generator makes.\n\n" +
		"| file | what it holds |\n| --- | --- |\n")
	for _, f := range Fixtures {
		fmt.Fprintf(&b, "| `%s.pdf` | %s |\n", f.Name, f.Why)
	}
	return b.String()
}

// MakeFixtures writes every fixture, NAME.pdf and NAME.txt, and a
// README.md that says what each holds, into dir.
func MakeFixtures(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(FixturesReadme()), 0o644); err != nil {
		return err
	}
	for _, f := range Fixtures {
		if err := os.WriteFile(filepath.Join(dir, f.Name+".pdf"), f.PDF(), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name+".txt"), []byte(f.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// winAnsi writes s as a PDF literal string in WinAnsiEncoding (Latin-1
// for the letters used here).
func winAnsi(s string) string {
	return "(" + EscapeLatin1(s, func(r rune) string { panic(fmt.Sprintf("winAnsi: %q", r)) }) + ")"
}

// EscapeLatin1 escapes s for the inside of a PDF or PostScript literal
// string in Latin-1: parentheses and backslashes get a backslash, other
// ASCII stays, the rest of Latin-1 becomes an octal escape, and a rune
// beyond Latin-1 becomes what other returns for it.
func EscapeLatin1(s string, other func(rune) string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 128:
			b.WriteRune(r)
		case r < 256:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteString(other(r))
		}
	}
	return b.String()
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// page returns a one-page PDF with the content, fonts (name -> object
// body) and extra objects (numbered from 4+len(fonts)+1), page
// dictionary entries and catalog entries.
func page(content string, fonts []string, pageExtra, catalogExtra string, extra ...string) []byte {
	var fontRes strings.Builder
	for i := range fonts {
		fmt.Fprintf(&fontRes, "/F%d %d 0 R ", i+1, 5+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R " + catalogExtra + ">>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << " + fontRes.String() + ">> >> " + pageExtra + ">>",
		Stream("", []byte(content)),
	}
	objs = append(objs, fonts...)
	return Build(append(objs, extra...))
}

var (
	twoColTitle = "Nytt fra etats-MBA 14. desember 2023"
	twoColLeft  = []string{
		"Arbeidsgiver orienterte om budsjettet",
		"for 2024. Rammen er redusert med to",
		"prosent, og alle avdelinger må finne",
		"innsparinger i løpet av første halvår.",
		"NTL ba om en oversikt over hvilke",
		"stillinger som ikke blir besatt igjen.",
	}
	twoColRight = []string{
		"Partene drøftet også kontorstrukturen.",
		"NTL mener at ingen kontorer skal legges",
		"ned før evalueringen er ferdig, og ba",
		"om at de ansatte blir hørt tidlig.",
		"Arbeidsgiver tok innspillene med seg",
		"og kommer tilbake i neste møte.",
	}
)

func twoColumn() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 16 Tf 56 790 Td %s Tj ET\n", winAnsi(twoColTitle))
	for col, ls := range [][]string{twoColLeft, twoColRight} {
		fmt.Fprintf(&b, "BT /F1 10 Tf 13 TL %d 750 Td\n", 56+col*255)
		for _, l := range ls {
			fmt.Fprintf(&b, "%s Tj T*\n", winAnsi(l))
		}
		b.WriteString("ET\n")
	}
	return page(b.String(), []string{helvetica}, "", "")
}

func form() []byte {
	content := "BT /F1 16 Tf 56 760 Td " + winAnsi("Søknad om permisjon") + " Tj ET\n" +
		"BT /F1 11 Tf 56 700 Td (Navn:) Tj 0 -30 Td (Avdeling:) Tj ET\n"
	ap := Stream("/Type /XObject /Subtype /Form /BBox [0 0 270 20] /Resources << /Font << /Helv 5 0 R >> >>",
		[]byte("/Tx BMC q BT /Helv 11 Tf 0 g 2 5 Td (Kari Nordmann) Tj ET Q EMC"))
	return page(content, []string{helvetica}, "/Annots [6 0 R 7 0 R] ",
		"/AcroForm << /Fields [6 0 R 7 0 R] /NeedAppearances true /DR << /Font << /Helv 5 0 R >> >> /DA (/Helv 11 Tf 0 g) >> ",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (navn) /V (Kari Nordmann) /DA (/Helv 11 Tf 0 g) /Rect [130 695 400 715] /F 4 /P 3 0 R /AP << /N 8 0 R >> >>",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (avdeling) /V (Ytelsesavdelingen) /DA (/Helv 11 Tf 0 g) /Rect [130 665 400 685] /F 4 /P 3 0 R >>",
		ap)
}

func annotation() []byte {
	content := "BT /F1 14 Tf 56 760 Td " + winAnsi("Referat fra møtet") + " Tj ET\n"
	ap := Stream("/Type /XObject /Subtype /Form /BBox [0 0 300 24] /Resources << /Font << /F1 5 0 R >> >>",
		[]byte("q 1 1 0.6 rg 0 0 300 24 re f Q BT /F1 11 Tf 0 g 4 8 Td "+winAnsi("Merknad: tallene må kontrolleres")+" Tj ET"))
	return page(content, []string{helvetica}, "/Annots [6 0 R] ", "",
		"<< /Type /Annot /Subtype /FreeText /Rect [56 700 356 724] /F 4 /P 3 0 R /Contents "+winAnsi("Merknad: tallene må kontrolleres")+" /DA (/Helv 11 Tf 0 g) /AP << /N 7 0 R >> >>",
		ap)
}

func rotated() []byte {
	// The page is shown turned 90° clockwise, so text runs up the page
	// (0 1 -1 0 Tm) and each next line is further right.
	content := "BT /F1 14 Tf 16 TL 0 1 -1 0 100 72 Tm (Tabell 1: Bemanning per avdeling) Tj T* /F1 12 Tf " +
		"(Avdeling Oslo har 120 ansatte.) Tj T* (Avdeling Bergen har 80 ansatte.) Tj ET"
	return page(content, []string{helvetica}, "/Rotate 90 ", "")
}

var digitLines = []string{"2022 2023 2024", "1 234 567 1 301 220 1 402 998", "+5,4 % +7,8 %", "45 / 60 = 0,75", "§ 3-2 (1)", "12.03.2024 – 15.04.2024"}

func digits() []byte {
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf 18 TL 56 760 Td\n")
	for _, l := range digitLines {
		fmt.Fprintf(&b, "%s Tj T*\n", winAnsi(strings.ReplaceAll(l, "–", "\u0096")))
	}
	b.WriteString("ET")
	return page(b.String(), []string{helvetica}, "", "")
}

func clipText() []byte {
	content := "q BT /F1 36 Tf 7 Tr 56 700 Td (Viktig frist for innspill) Tj ET 0.8 0 0 rg 0 0 595 842 re f Q"
	return page(content, []string{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"}, "", "")
}

func asciiHex() []byte {
	content := []byte("BT /F1 12 Tf 56 760 Td (Innholdet er kodet heksadesimalt.) Tj ET")
	return Build([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		Stream("/Filter /ASCIIHexDecode", []byte(fmt.Sprintf("%X>", content))),
		helvetica,
	})
}

func predictor1() []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write([]byte("BT /F1 12 Tf 56 760 Td (Prediktor 1 betyr ingen prediksjon.) Tj ET"))
	w.Close()
	return Build([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		Stream("/Filter /FlateDecode /DecodeParms << /Predictor 1 >>", z.Bytes()),
		helvetica,
	})
}
