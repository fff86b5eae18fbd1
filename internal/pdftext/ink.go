package pdftext

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// Camouflage: text painted in the colour of what lies under it is not
// shown. The usual way to "redact" a name in Word or LibreOffice is to
// mark it black and leave the letters black: the exported PDF paints a
// black box, then the name in black on it. pdftotext prints the name; a
// reader sees a black bar. referat treats such glyphs as hidden
// (paint.go), as it does text under a box painted later.
//
// A glyph is camouflaged when it is filled (render mode 0 or 2) in a
// known colour and the topmost thing painted before it under the centre
// of its box is a certain fill (paint.go) of the same colour, to 1/255
// in RGB. Anything else there — an image, a shading, a translucent fill
// or one under a clip not known exactly — leaves the glyph visible, and
// so does the page itself: white text on no fill at all may stand on a
// background the viewer's page colour does not show.
//
// Colours are known in DeviceGray, DeviceRGB and DeviceCMYK (g, rg, k,
// and sc/scn after cs with a device space, CalGray, CalRGB or an
// ICCBased space of 1, 3 or 4 components, taken as gray, RGB and CMYK);
// patterns, separations, indexed and Lab colours are unknown.

// maxInks bounds the distinct colours a page records.
const maxInks = 1<<16 - 2

// defaultPaint is the graphics state a page's content starts in: black
// in DeviceGray, opaque, unclipped.
func (p *pageReader) defaultPaint() paintState {
	return paintState{ink: p.inkOf(0, 0, 0), space: 1}
}

// inkOf returns the ink number of the colour (r, g, b), each 0 to 1
// (0 when the page has too many colours).
func (p *pageReader) inkOf(r, g, b float64) uint16 {
	q := func(v float64) uint32 { return uint32(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
	key := q(r)<<16 | q(g)<<8 | q(b)
	for i, k := range p.inks {
		if k == key {
			return uint16(i + 1)
		}
	}
	if len(p.inks) >= maxInks {
		return 0
	}
	p.inks = append(p.inks, key)
	return uint16(len(p.inks))
}

// colourOp runs a fill-colour operator (g, rg, k, cs, sc, scn) and
// reports whether op was one. Stroking colours do not matter here.
func (in *interp) colourOp(op string) bool {
	n := len(in.args)
	ps := &in.gs.paint
	switch op {
	case "g":
		ps.space, ps.pattern = 1, false
		ps.ink = in.deviceInk(1, n)
	case "rg":
		ps.space, ps.pattern = 3, false
		ps.ink = in.deviceInk(3, n)
	case "k":
		ps.space, ps.pattern = 4, false
		ps.ink = in.deviceInk(4, n)
	case "cs":
		ps.space, ps.ink, ps.pattern = 0, 0, false
		if n >= 1 {
			if o := &in.args[n-1]; o.kind == kindName {
				ps.space, ps.pattern = in.colourSpace(string(in.lx.bytes(o)), 0)
			}
		}
		if ps.space != 0 { // the initial colour of a device space is black
			ps.ink = in.p.inkOf(0, 0, 0)
		}
	case "sc", "scn":
		ps.ink = 0
		if ps.space == 0 || n != int(ps.space) {
			return true // a pattern's name, or a colour of another space
		}
		for i := range in.args {
			if in.args[i].kind != kindNumber {
				return true
			}
		}
		ps.ink = in.deviceInk(int(ps.space), n)
	default:
		return false
	}
	return true
}

// deviceInk returns the ink of the last comps operands as a gray, RGB or
// CMYK colour; 0 when they are missing.
func (in *interp) deviceInk(comps, n int) uint16 {
	if n < comps {
		return 0
	}
	v := func(i int) float64 { return in.arg(n - comps + i) }
	switch comps {
	case 1:
		return in.p.inkOf(v(0), v(0), v(0))
	case 3:
		return in.p.inkOf(v(0), v(1), v(2))
	default:
		k := 1 - v(3)
		return in.p.inkOf((1-v(0))*k, (1-v(1))*k, (1-v(2))*k)
	}
}

// colourSpace returns the components of the named colour space when it
// is one whose colours are known (see above), else 0, and whether it is
// Pattern. A name may be a resource, which may name another (or itself):
// depth counts the names followed.
func (in *interp) colourSpace(name string, depth int) (comps int8, pattern bool) {
	switch name {
	case "DeviceGray", "G":
		return 1, false
	case "DeviceRGB", "RGB":
		return 3, false
	case "DeviceCMYK", "CMYK":
		return 4, false
	case "Pattern":
		return 0, true
	}
	defer func() {
		if recover() != nil { // a damaged resource: unknown
			comps, pattern = 0, false
		}
	}()
	cs := in.resources.Key("ColorSpace").Key(name)
	if cs.Kind() == pdf.Name {
		if depth >= 4 {
			return 0, false
		}
		return in.colourSpace(cs.Name(), depth+1)
	}
	if cs.Kind() != pdf.Array || cs.Len() < 1 {
		return 0, false
	}
	switch cs.Index(0).Name() {
	case "CalGray":
		return 1, false
	case "CalRGB":
		return 3, false
	case "ICCBased":
		if c := cs.Index(1).Key("N").Int64(); c == 1 || c == 3 || c == 4 {
			return int8(c), false
		}
	case "Pattern":
		return 0, true
	}
	return 0, false
}

// glyphInk returns the ink a glyph is drawn in under the text state: the
// fill colour when the render mode fills (0, 2), else 0.
func glyphInk(gs *textState) uint16 {
	if gs.mode == 0 || gs.mode == 2 {
		return gs.paint.ink
	}
	return 0
}

// camouflagedBy returns the certain fill that is the topmost thing
// painted under glyph i when the glyph has its colour (see above), or -1;
// ix indexes the page's occluders.
func (p *pageReader) camouflagedBy(i int, ix *occIndex) int {
	g := &p.glyphs[i]
	if g.ink == 0 || p.occFull && i >= p.inkLimit {
		return -1
	}
	cx, cy := g.centre()
	// The occluders painted before the glyph are those with upTo <= i,
	// the first ones of the list.
	w := ix.below(cx, cy, p.paintedBefore(i))
	for j := w.next(); j >= 0; j = w.next() {
		if o := &p.occluders[j]; p.inside(o, cx, cy) {
			if o.certain && o.ink == g.ink {
				return j
			}
			return -1
		}
	}
	return -1
}

// paintedBefore returns how many occluders were painted before glyph i:
// upTo grows along the list, so a binary search finds the first whose
// upTo passes i.
func (p *pageReader) paintedBefore(i int) int {
	lo, hi := 0, len(p.occluders)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p.occluders[m].upTo <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
