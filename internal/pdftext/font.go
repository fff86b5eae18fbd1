package pdftext

import (
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
	"golang.org/x/text/unicode/norm"
)

// A font is what the interpreter needs of a PDF font: how to split a shown
// string into character codes, the Unicode text and width of each code, and
// whether it is bold.
type font struct {
	name        string // BaseFont without a subset prefix
	bold        bool
	twoByte     bool             // Type0 font: codes split by cid
	cid         *cidEncoding     // Type0 font: its /Encoding CMap
	cidToGIDMap pdf.Value        // Type0 TrueType font: /CIDToGIDMap, read only when needed
	cidToGID    []uint16         // the map read, once asked for
	diffs       map[int]string   // simple font: glyph names of /Encoding /Differences
	builtin     bool             // simple font: the program's built-in encoding applies
	prog        *fontProgram     // the embedded font program, read only when needed
	coll        *collection      // Type0 font: the Adobe character collection of its CIDs
	macOrder    bool             // Type0 font: not embedded, glyph ids in the standard Mac order
	enc         pdf.TextEncoding // from ledongthuc/pdf; nil when there is none (see encoder)
	encLater    bool             // enc is simple.Encoder(), not read yet: see cmapsafe.go
	cmap        *toUnicode       // from the font's ToUnicode CMap; nil when there is none
	simple      pdf.Font
	first       int
	widths      []float64              // simple fonts, in glyph space units (1/1000 em)
	cidW        *cidWidths             // Type0 widths by CID
	dw          float64                // Type0 default width
	scale       float64                // glyph space to text space (Type 3 fonts differ)
	known       bool                   // widths come from the file
	simpleCache [4]*[64]codeInfo       // simple font: glyph's results by code, in pages made as codes are met
	cidCache    [16]*[64]*[64]codeInfo // Type 0 font: glyph's results by two-byte code, in pages made as codes are met (and their tables of 64 pages)
	codeCache   map[int]codeInfo       // Type 0 font: glyph's results by code, codes from 1<<16
	buf         []int                  // codes of the string being shown

	// Type0 font, Identity, not embedded, no ToUnicode: codes may be
	// Unicode, unless codes below U+0020 were shown (sawControl).
	guessUnicode, sawControl bool
}

// newFont reads the font dictionary v.
func newFont(v pdf.Value, src *source) *font {
	f := &font{scale: 0.001, dw: 1000}
	f.name = v.Key("BaseFont").Name()
	if i := strings.IndexByte(f.name, '+'); i >= 0 {
		f.name = f.name[i+1:]
	}
	f.simple = pdf.Font{V: v}
	// Every key is read once: each Key of an indirect object parses it
	// from the file again. (A panic anywhere here gives the same empty
	// font, whichever key it comes from.)
	tu := v.Key("ToUnicode")
	desc := v.Key("FontDescriptor")
	enc := v.Key("Encoding")
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		desc = d.Key("FontDescriptor")
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cidW = readCIDWidths(d.Key("W"))
		f.known = f.cidW.n > 0
		f.cid = newCIDEncoding(enc)
		isTrueType := d.Key("Subtype").Name() == "CIDFontType2"
		if isTrueType {
			f.prog = newFontProgram(desc)
			f.cidToGIDMap = d.Key("CIDToGIDMap")
		}
		f.coll = collectionOf(d)
		if f.cid.identity && tu.Kind() != pdf.Stream && noProgram(isTrueType, f.prog, desc) && f.coll == nil {
			f.macOrder = isTrueType && (isMacOrderFont(f.name) || isMacOrderFont(d.Key("BaseFont").Name()))
			f.guessUnicode = !f.macOrder
		}
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
		if f.name == "" {
			f.name = "Type3"
		}
		fallthrough
	default:
		f.first = int(v.Key("FirstChar").Int64())
		w := v.Key("Widths")
		for i := 0; i < w.Len() && i < 65536; i++ {
			f.widths = append(f.widths, w.Index(i).Float64())
		}
		f.known = len(f.widths) > 0
		f.simpleEncoding(enc, desc)
	}
	safe := false
	if tu.Kind() == pdf.Stream {
		f.cmap, safe = readToUnicode(tu, src)
	}
	// The library's encoder reads the ToUnicode CMap again when the font
	// has no /Encoding or /Identity-H; when that cannot panic (which
	// would empty the font), it is left until a code needs it.
	if safe && (enc.Kind() == pdf.Null || enc.Kind() == pdf.Name && enc.Name() == "Identity-H") {
		f.encLater = true
	} else {
		f.enc = f.simple.Encoder()
	}
	f.bold = isBoldName(f.name) || isBoldDescriptor(desc)
	return f
}

// noProgram reports whether the font descriptor desc has no embedded
// program; prog is the one read already for a TrueType font.
func noProgram(isTrueType bool, prog *fontProgram, desc pdf.Value) bool {
	if isTrueType {
		return prog == nil
	}
	return newFontProgram(desc) == nil
}

func isBoldName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", ",bd", "-bd"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func isBoldDescriptor(d pdf.Value) bool {
	if d.Kind() != pdf.Dict {
		return false
	}
	if w := d.Key("FontWeight"); w.Kind() != pdf.Null && w.Float64() >= 600 {
		return true
	}
	const forceBold = 1 << 18
	return d.Key("Flags").Int64()&forceBold != 0
}

// codes splits a string shown in a Type 0 font into character codes
// (a simple font's codes are the string's bytes). The slice is the
// font's own buffer, valid until the next call: show uses it at once,
// and a string needs no allocation.
func (f *font) codes(s []byte) []int {
	f.buf = f.cidCodes(s, f.buf[:0])
	return f.buf
}

// codeInfo is what glyph returns for one code.
type codeInfo struct {
	text  string
	w     float64
	known bool
	done  bool
}

// glyph returns the text of code and its advance in glyph space units
// (text and width), looking each code up once: a simple font keeps them
// by code in 256 slots (in pages of 64), a Type 0 font those of its
// two-byte codes in pages of 64 too (a map lookup per glyph cost more
// than the rest of the lookup), and other codes in a map. A Type 0
// font's codes carry their length in bytes above bit 32 (cidEncoding.split:
// <0041> is 2<<32|0x41, <41> 1<<32|0x41), so a two-byte code is one
// from 2<<32 to 2<<32|0xFFFF, and its slot is its low 16 bits.
func (f *font) glyph(code int) (text string, w float64, known bool) {
	var c *codeInfo
	switch {
	case f.twoByte && code>>16 == 2<<16:
		table := &f.cidCache[code>>12&15]
		if *table == nil {
			*table = new([64]*[64]codeInfo) // 512 bytes, where a table of all 1,024 pages took 8 KiB a font
		}
		c = codePage(&(*table)[code>>6&63], code)
	case f.twoByte || code < 0 || code > 255:
		if c, ok := f.codeCache[code]; ok {
			return c.text, c.w, c.known
		}
		c := codeInfo{done: true}
		c.w, c.known = f.width(code)
		c.text = f.text(code)
		if f.codeCache == nil {
			f.codeCache = map[int]codeInfo{}
		}
		f.codeCache[code] = c
		return c.text, c.w, c.known
	default:
		c = codePage(&f.simpleCache[code>>6], code)
	}
	if !c.done {
		c.w, c.known = f.width(code)
		c.text = f.text(code)
		c.done = true
	}
	return c.text, c.w, c.known
}

// codePage returns code's slot in the page *page, made when it is nil
// (fonts use a few pages of their codes).
func codePage(page **[64]codeInfo, code int) *codeInfo {
	if *page == nil {
		*page = new([64]codeInfo)
	}
	return &(*page)[code&63]
}

// width returns the advance of code in glyph space units (1/1000 em for all
// but Type 3 fonts), and whether it comes from the file.
func (f *font) width(code int) (float64, bool) {
	if f.twoByte {
		cid, ok := f.cid.cid(code)
		if w, found := f.cidW.get(cid); ok && found {
			return w, true
		}
		return f.dw, f.known
	}
	i := code - f.first
	if i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i] * f.scale * 1000, true
	}
	// The standard 14 fonts may come without widths: use their metrics.
	if core := coreFont(f.name, f.bold); core != "" && code < 256 {
		if w, err := pdffont.CharWidth(core, rune(code)); err == nil && w > 0 {
			return float64(w), true
		}
	}
	if code == ' ' {
		return 250, false
	}
	return 500, false
}

// coreFont names the standard 14 font whose metrics fit a font without
// widths, or "".
func coreFont(name string, bold bool) string {
	if pdffont.IsCoreFont(name) {
		return name
	}
	n := strings.ToLower(name)
	family := ""
	switch {
	case strings.Contains(n, "arial") || strings.Contains(n, "helvetica"):
		family = "Helvetica"
	case strings.Contains(n, "times"):
		family = "Times"
	case strings.Contains(n, "courier"):
		family = "Courier"
	default:
		return ""
	}
	switch {
	case family == "Times" && bold:
		return "Times-Bold"
	case family == "Times":
		return "Times-Roman"
	case bold:
		return family + "-Bold"
	}
	return family
}

// text returns the Unicode text of code, NFKC-normalised so that ligatures
// such as "ﬁ" come out as "fi". glyph keeps what it returns: a code's
// text is the one first found for it (a guess may change later, see
// guessUnicode).
func (f *font) text(code int) string {
	var s string
	if f.twoByte {
		s = f.cidText(code)
	} else if t, ok := f.cmap.lookup(code); ok {
		s = t
	} else {
		s = f.simpleText(code)
	}
	return cleanGlyphText(s)
}

// cleanGlyphText normalises the text of one glyph.
func cleanGlyphText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	switch s {
	case "\u00AD", "\u2212", "\u2010", "\u2011":
		// Soft hyphen (WinAnsi's 0xAD is the hyphen glyph), minus sign,
		// hyphen, non-breaking hyphen: all read as "-"; at a line end the
		// dehyphenation rules decide.
		return "-"
	case "\u00A0", "\t":
		return " "
	}
	// Codes 0x80–0x9F decoded as C1 controls are the Windows characters
	// in those slots (a simple font whose encoding adds to WinAnsi).
	if r, n := utf8.DecodeRuneInString(s); n == len(s) && r >= 0x80 && r <= 0x9F {
		if w := winAnsiC1[r-0x80]; w != 0 {
			s = string(w)
		}
	}
	s = norm.NFKC.String(s)
	// Control characters other than the marker above carry no text.
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F {
			return -1
		}
		return r
	}, s)
}

// winAnsiC1 holds the characters of WinAnsiEncoding at 0x80–0x9F.
var winAnsiC1 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

func (c *toUnicode) lookup(code int) (string, bool) {
	if c == nil {
		return "", false
	}
	if s, ok := c.m[code]; ok {
		return s, true
	}
	for i := len(c.ranges) - 1; i >= 0; i-- { // later definitions win
		r := c.ranges[i]
		if code >= r.lo && code <= r.hi {
			out := make([]rune, len(r.base))
			copy(out, r.base)
			out[len(out)-1] += rune(code - r.lo)
			return string(out), true
		}
	}
	return "", false
}

// encoder returns the library's encoder of the font, reading it when
// newFont left it for later.
func (f *font) encoder() pdf.TextEncoding {
	if f.encLater {
		f.encLater = false
		f.enc = f.simple.Encoder()
	}
	return f.enc
}

// maxToUnicode bounds the bytes of a ToUnicode stream read.
const maxToUnicode = 4 << 20

// readToUnicode reads a ToUnicode stream, at most maxToUnicode bytes of
// it. safe reports that the stream was read to its end without an error
// and that the library's readCmap of it cannot panic (cmapSafe).
func readToUnicode(v pdf.Value, src *source) (cm *toUnicode, safe bool) {
	defer func() {
		if recover() != nil {
			cm, safe = nil, false
		}
	}()
	data, err := src.read(v, getBuf(), maxToUnicode)
	defer putBuf(data) // parseToUnicode and cmapSafe keep no part of data
	if err != nil && len(data) == 0 {
		return nil, false
	}
	safe = err == nil && len(data) < maxToUnicode && cmapSafe(data)
	cm = parseToUnicode(data)
	if cm.size() == 0 {
		return nil, safe
	}
	return cm, safe
}
