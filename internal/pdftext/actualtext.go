package pdftext

import (
	"math"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Marked content with /ActualText (PDF 32000-1 §14.9.4): the glyphs drawn
// between "/Span << /ActualText (…) >> BDC" and its EMC are replaced by
// that text, as pdftotext does. Producers use it where the glyphs do not
// say what they mean: emoji drawn as Type 3 glyphs mapped to private-use
// code points (Chromium), ligatures and hyphens, formulas. The text takes
// the place of the first glyph, as wide as all of them; an empty one
// removes them. A sequence inside another one's ActualText is ignored.

// A mark is one open marked-content sequence (BMC or BDC).
type mark struct {
	actual bool   // it has /ActualText, which applies
	text   string // the ActualText, decoded
	start  int    // index in pageReader.glyphs of the first glyph drawn inside
}

// maxMarks bounds the nesting of marked content kept track of; deeper
// sequences are counted only.
const maxMarks = 256

// markedContent runs BMC, BDC and EMC.
func (in *interp) markedContent(op string) {
	switch op {
	case "BMC", "BDC":
		if len(in.marks) >= maxMarks {
			in.deepMarks++
			return
		}
		m := mark{start: len(in.p.glyphs)}
		if op == "BDC" && !in.inActualText() {
			m.text, m.actual = in.actualText()
		}
		in.marks = append(in.marks, m)
	case "EMC":
		if in.deepMarks > 0 {
			in.deepMarks--
			return
		}
		if n := len(in.marks); n > 0 {
			m := in.marks[n-1]
			in.marks = in.marks[:n-1]
			if m.actual {
				in.p.replaceGlyphs(m.start, m.text)
			}
		}
	}
}

// endMarks closes the sequences a content stream left open.
func (in *interp) endMarks() {
	for len(in.marks) > 0 {
		in.markedContent("EMC")
	}
}

func (in *interp) inActualText() bool {
	for _, m := range in.marks {
		if m.actual {
			return true
		}
	}
	return false
}

// actualText returns the /ActualText of BDC's property list: a
// dictionary written in the content stream, or the name of one in the
// resources' /Properties.
func (in *interp) actualText() (string, bool) {
	n := len(in.args)
	if n == 0 {
		return "", false
	}
	switch o := &in.args[n-1]; o.kind {
	case kindDict:
		if b, ok := dictString(in.lx.bytes(o), "ActualText"); ok {
			return decodeTextString(b), true
		}
	case kindName:
		v := in.properties(string(in.lx.bytes(o))).Key("ActualText")
		if v.Kind() == pdf.String {
			return decodeTextString([]byte(v.RawString())), true
		}
	}
	return "", false
}

// properties looks up a property list in the resources; a damaged one is
// none.
func (in *interp) properties(name string) (v pdf.Value) {
	defer func() {
		if recover() != nil {
			v = pdf.Value{}
		}
	}()
	return in.resources.Key("Properties").Key(name)
}

// dictString returns the string value of key in a dictionary written in
// a content stream ("<< … >>"), at its top level.
func dictString(dict []byte, key string) ([]byte, bool) {
	if len(dict) < 2 {
		return nil, false
	}
	inner := dict[2:]
	if n := len(inner); n >= 2 && inner[n-2] == '>' && inner[n-1] == '>' {
		inner = inner[:n-2]
	}
	lx := lexer{b: inner}
	var o operand
	found := false
	for {
		op, ok, err := lx.scan(1, &o)
		if err != nil || !ok {
			return nil, false
		}
		switch {
		case op != "":
			found = false
		case found && o.kind == kindString:
			return append([]byte(nil), lx.bytes(&o)...), true
		default:
			found = o.kind == kindName && string(lx.bytes(&o)) == key
		}
	}
}

// decodeTextString decodes a PDF text string (§7.9.2.2): UTF-16BE after
// a byte order mark, UTF-8 after one (PDF 2.0), else PDFDocEncoding.
func decodeTextString(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF && utf8.Valid(b[3:]):
		return string(b[3:])
	}
	r := make([]rune, 0, len(b))
	for _, c := range b {
		r = append(r, pdfDocRune(c))
	}
	return string(r)
}

// pdfDocRune is the character of byte c in PDFDocEncoding (Annex D): Latin-1
// but for 0x18–0x1F (spacing accents) and 0x80–0xA0 (typographic marks).
func pdfDocRune(c byte) rune {
	switch {
	case c >= 0x18 && c <= 0x1F:
		return []rune("˘ˇˆ˙˝˛˚˜")[c-0x18]
	case c >= 0x80 && c <= 0xA0:
		return []rune("•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\uFFFD€")[c-0x80]
	}
	return rune(c)
}

// replaceGlyphs replaces the glyphs drawn since index start by one glyph
// carrying text, where the first of them stands and as long as all of
// them along their baseline; no glyphs drawn, nothing replaced.
func (p *pageReader) replaceGlyphs(start int, text string) {
	if start >= len(p.glyphs) {
		return
	}
	defer p.clampOccluders()
	gs := p.glyphs[start:]
	g := gs[0]
	dx, dy := baselineDirection(g.rot)
	first := g.x*dx + g.y*dy
	lo, hi := first, first+g.w
	for _, o := range gs[1:] {
		pos := o.x*dx + o.y*dy
		lo, hi = math.Min(lo, pos), math.Max(hi, pos+o.w)
		g.known = g.known && o.known
	}
	p.glyphs = p.glyphs[:start]
	if g.s = cleanGlyphText(text); g.s == "" {
		return
	}
	g.x, g.y = g.x+(lo-first)*dx, g.y+(lo-first)*dy
	g.w = hi - lo
	p.glyphs = append(p.glyphs, g)
}

// clampOccluders keeps the occluders' glyph counts (paint.go) within
// the page's glyphs after glyphs were replaced.
func (p *pageReader) clampOccluders() {
	for i := len(p.occluders) - 1; i >= 0 && p.occluders[i].upTo > len(p.glyphs); i-- {
		p.occluders[i].upTo = len(p.glyphs)
	}
}

// baselineDirection is the unit vector of a baseline rot quarter turns
// counterclockwise from left to right.
func baselineDirection(rot uint8) (dx, dy float64) {
	switch rot % 4 {
	case 1:
		return 0, 1
	case 2:
		return -1, 0
	case 3:
		return 0, -1
	}
	return 1, 0
}
