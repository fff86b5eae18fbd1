package testpdf

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf16"
)

// cmapStream returns an embedded CMap or ToUnicode CMap program.
func cmapStream(name, dict, body string) string {
	return Stream(dict, []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /"+name+" def\n/CMapType 1 def\n"+body+
		"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"))
}

const cidFontHelvetica = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 556 /CIDToGIDMap /Identity /FontDescriptor 8 0 R >>"
const descHelvetica = "<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 1000 931] /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 >>"

func type0OneByte() []byte {
	lines := []string{"Budsjettet for 2024 er vedtatt.", "NTL støtter forslaget på vegne av de ansatte."}
	content := "BT /F1 12 Tf 16 TL 56 760 Td " + winAnsi(lines[0]) + " Tj T* " + winAnsi(lines[1]) + " Tj ET"
	return page(content, []string{
		"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding 6 0 R /DescendantFonts [7 0 R] /ToUnicode 9 0 R >>",
	}, "", "",
		cmapStream("Referat-OneByte", "/Type /CMap /CMapName /Referat-OneByte /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
			"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n1 begincidrange\n<00> <FF> 0\nendcidrange\n"),
		cidFontHelvetica, descHelvetica,
		cmapStream("Referat-OneByte-UCS", "", "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n1 beginbfrange\n<20> <FF> <0020>\nendbfrange\n"))
}

func type0Mixed() []byte {
	// ASCII in one byte; Æ Ø Å æ ø å in two, <8001>..<8006>.
	two := map[rune]string{'Æ': "\x80\x01", 'Ø': "\x80\x02", 'Å': "\x80\x03", 'æ': "\x80\x04", 'ø': "\x80\x05", 'å': "\x80\x06"}
	enc := func(s string) string {
		var b strings.Builder
		b.WriteByte('<')
		for _, r := range s {
			if c, ok := two[r]; ok {
				fmt.Fprintf(&b, "%X", c)
			} else {
				fmt.Fprintf(&b, "%02X", r)
			}
		}
		b.WriteByte('>')
		return b.String()
	}
	content := "BT /F1 12 Tf 16 TL 56 760 Td " + enc("Særavtale om reise på tjenestens vegne") + " Tj T* " + enc("Årlig økning: 3 prosent") + " Tj ET"
	return page(content, []string{
		"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding 6 0 R /DescendantFonts [7 0 R] /ToUnicode 9 0 R >>",
	}, "", "",
		cmapStream("Referat-Mixed", "/Type /CMap /CMapName /Referat-Mixed /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
			"2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n2 begincidrange\n<00> <7F> 0\n<8001> <8006> 198\nendcidrange\n"),
		cidFontHelvetica, descHelvetica,
		cmapStream("Referat-Mixed-UCS", "", "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n"+
			"1 beginbfrange\n<20> <7E> <0020>\nendbfrange\n6 beginbfchar\n<8001> <00C6>\n<8002> <00D8>\n<8003> <00C5>\n<8004> <00E6>\n<8005> <00F8>\n<8006> <00E5>\nendbfchar\n"))
}

func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

func type0UniJIS() []byte {
	ls := strings.Split(strings.TrimSpace(uniJISText), "\n")
	content := "BT /F1 14 Tf 20 TL 56 760 Td " + utf16Hex(ls[0]) + " Tj T* " + utf16Hex(ls[1]) + " Tj ET"
	return page(content, []string{
		"<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>",
	}, "", "",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /DW 1000 /FontDescriptor 7 0 R >>",
		"<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [-437 -340 1147 1317] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 742 /StemV 80 >>")
}

// codesFor numbers the distinct characters of text 1..n in order of first
// appearance and returns each line of text as such codes, and the
// characters.
func codesFor(text string) (lines [][]byte, chars []rune) {
	at := map[rune]int{}
	for _, l := range strings.Split(text, "\n") {
		var codes []byte
		for _, r := range l {
			if _, ok := at[r]; !ok {
				chars = append(chars, r)
				at[r] = len(chars)
			}
			codes = append(codes, byte(at[r]))
		}
		lines = append(lines, codes)
	}
	return lines, chars
}

// hexLines draws each line of codes with Tj and T*.
func hexLines(lines [][]byte) string {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "<%X> Tj T* ", l)
	}
	return b.String()
}

// helveticaWidths are Helvetica's advance widths (1/1000 em) of the
// characters the simple and Type3 fixtures use.
var helveticaWidths = map[rune]int{' ': 278, '.': 278, ':': 278, '1': 556, '5': 556,
	'A': 667, 'H': 722, 'L': 556, 'N': 722, 'S': 667, 'T': 611,
	'a': 556, 'b': 556, 'd': 556, 'e': 556, 'f': 278, 'g': 556, 'i': 222, 'l': 222, 'm': 833, 'n': 556,
	'o': 556, 'p': 556, 'r': 333, 's': 500, 't': 278, 'v': 500, 'y': 500, 'å': 556, 'æ': 889, 'ø': 611}

// widthsOf returns the /Widths array of chars at codes 1..n.
func widthsOf(chars []rune) string {
	var ws []string
	for _, r := range chars {
		w, ok := helveticaWidths[r]
		if !ok {
			panic(fmt.Sprintf("no width for %q", r))
		}
		ws = append(ws, fmt.Sprint(w))
	}
	return "[" + strings.Join(ws, " ") + "]"
}

func simpleUniNames() []byte {
	codes, chars := codesFor(strings.TrimSpace(uniNamesText))
	var diff strings.Builder
	diff.WriteString("[1")
	for _, r := range chars {
		fmt.Fprintf(&diff, " /uni%04X", r)
	}
	diff.WriteString("]")
	content := "BT /F1 14 Tf 18 TL 56 760 Td " + hexLines(codes) + "ET"
	return page(content, []string{
		fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar %d /Widths %s /Encoding << /Type /Encoding /Differences %s >> >>",
			len(chars), widthsOf(chars), diff.String()),
	}, "", "")
}

//go:embed fixturefont/symbolic.ttf
var symbolicTTF []byte

//go:embed fixturefont/symbolic.json
var symbolicJSON []byte

type symbolic struct {
	Text   string `json:"text"`
	Codes  []int  `json:"codes"`
	Widths []int  `json:"widths"`
}

func symbolicFont() symbolic {
	var s symbolic
	if err := json.Unmarshal(symbolicJSON, &s); err != nil {
		panic(err)
	}
	return s
}

func trueTypeSymbolic() []byte {
	s := symbolicFont()
	var codes []byte
	for _, c := range s.Codes {
		codes = append(codes, byte(c))
	}
	widths := strings.Trim(fmt.Sprint(s.Widths), "[]")
	content := fmt.Sprintf("BT /F1 14 Tf 56 760 Td <%X> Tj ET", codes)
	return page(content, []string{
		fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /RFXAAA+DejaVuSans /FirstChar 1 /LastChar %d /Widths [%s] /FontDescriptor 6 0 R >>", len(s.Widths), widths),
	}, "", "",
		"<< /Type /FontDescriptor /FontName /RFXAAA+DejaVuSans /Flags 4 /FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 /FontFile2 7 0 R >>",
		Stream(fmt.Sprintf("/Length1 %d", len(symbolicTTF)), symbolicTTF))
}

// glyphNames are the standard names of the letters type3Names uses.
var glyphNames = map[rune]string{' ': "space", '.': "period", 'ø': "oslash", 'å': "aring", 'æ': "ae"}

func type3Names() []byte {
	text := strings.TrimSpace(type3Text)
	codes, chars := codesFor(text)
	var diff, procs strings.Builder
	diff.WriteString("[1")
	var extra []string
	for i, r := range chars {
		name := glyphNames[r]
		if name == "" {
			name = string(r)
		}
		fmt.Fprintf(&diff, " /%s", name)
		// Each glyph draws itself with Helvetica (object 6).
		extra = append(extra, Stream("", []byte(fmt.Sprintf("%d 0 d0 BT /H 1000 Tf 0 0 Td %s Tj ET", helveticaWidths[r], winAnsi(string(r))))))
		fmt.Fprintf(&procs, "/%s %d 0 R ", name, 7+i)
	}
	diff.WriteString("]")
	content := "BT /F1 12 Tf 16 TL 56 760 Td " + hexLines(codes) + "ET"
	return page(content, []string{
		fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 -250 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 1 /LastChar %d /Widths %s /Encoding << /Type /Encoding /Differences %s >> /CharProcs << %s>> /Resources << /Font << /H 6 0 R >> >> >>",
			len(chars), widthsOf(chars), diff.String(), procs.String()),
	}, "", "", append([]string{helvetica}, extra...)...)
}
