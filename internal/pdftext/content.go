package pdftext

import (
	"fmt"
	"math"
	"slices"

	"github.com/ledongthuc/pdf"
)

// A glyph is one character drawn on a page, in page space (points, origin
// at the bottom left of the crop box, y up).
type glyph struct {
	x, y  float64 // origin on the baseline
	w     float64 // advance width, in points
	size  float64 // font size in points, after all transformations
	s     string  // Unicode text; " " for a space
	bold  bool
	known bool   // w comes from the font's widths, not an estimate
	rot   uint8  // direction of the baseline: 0 →, 1 ↑, 2 ←, 3 ↓ (quarter turns counterclockwise)
	ink   uint16 // the colour it is filled in (ink.go), 0 unknown or not filled
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type textState struct {
	ctm            matrix
	tc, tw, th, tl float64
	rise           float64
	font           *font
	size           float64
	mode           int
	paint          paintState // what occlusion needs (paint.go)
}

// A pageReader interprets the content streams of one page.
type pageReader struct {
	budget *int64    // decoded bytes still allowed for the whole file
	doc    *docCache // what the pages of the file share
	fonts  fontScope // of the resources being run; its named is nil until a font is asked for
	glyphs []glyph
	depth  int   // form XObject nesting
	frame  frame // of the glyph shown last
	// fills that may hide glyphs drawn before them, and their points (paint.go)
	occluders []occluder
	occPts    []point
	occStarts []int    // their subpaths' starts
	occFull   bool     // occluders reached their bounds: later ones are not recorded
	inkLimit  int      // with occFull: glyphs from this index have no known backdrop
	inks      []uint32 // the page's colours, 8-bit RGB, by ink number - 1 (ink.go)
	overlays  []overlay
	// edges walked by occlusion tests, and whether they passed maxPaintWork
	paintWork  int
	paintSpent bool
	scan       scanline // the last occluder's crossings (paint.go)
}

// maxFormDepth bounds form XObjects drawn inside form XObjects.
const maxFormDepth = 12

// readStream returns the decoded bytes of a stream value, charging them to
// the budget. The bytes are in a buffer from getBuf: give it back
// with putBuf once nothing points into it.
func (p *pageReader) readStream(v pdf.Value) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged(r, "reading a content stream")
		}
	}()
	data, err = p.doc.src.read(v, getBuf(), *p.budget+1)
	*p.budget -= int64(len(data))
	if *p.budget < 0 {
		return nil, fmt.Errorf("%w: content streams inflate to more than the limit", ErrTooLarge)
	}
	if err != nil && len(data) == 0 {
		return nil, fmt.Errorf("%w: content stream: %v", ErrDamaged, err)
	}
	return data, nil
}

// contents returns the page's content, the concatenation of its streams,
// in a buffer from getBuf.
func (p *pageReader) contents(v pdf.Value) ([]byte, error) {
	if v.Kind() == pdf.Array {
		all := getBuf()
		for i := 0; i < v.Len(); i++ {
			b, err := p.readStream(v.Index(i))
			if err != nil {
				return nil, err
			}
			all = append(all, b...)
			all = append(all, '\n')
			putBuf(b)
		}
		return all, nil
	}
	if v.Kind() != pdf.Stream {
		return nil, nil
	}
	return p.readStream(v)
}

func (p *pageReader) font(resources pdf.Value, name string) *font {
	if p.fonts.named == nil {
		p.fonts = p.doc.fontScope(resources)
	}
	if f, ok := p.fonts.named[name]; ok {
		return f
	}
	f := p.lookupFont(resources, name)
	p.fonts.named[name] = f
	return f
}

// lookupFont finds a font in resources. A damaged font dictionary gives
// a font without encoding or widths, so the page's other text survives.
func (p *pageReader) lookupFont(resources pdf.Value, name string) (f *font) {
	defer func() {
		if recover() != nil {
			f = newFont(pdf.Value{}, nil)
		}
	}()
	var v pdf.Value
	if p.fonts.ok {
		v = p.fonts.dict.Key(name)
	} else {
		v = resources.Key("Font").Key(name)
	}
	if v.Kind() != pdf.Dict {
		return nil
	}
	// Two font dictionaries that print alike are one font. Printing one
	// costs (a simple font's /Widths are printed number by number), so
	// fonts are first told apart by their BaseFont, which newFont reads
	// first anyway (a panic there gives the empty font either way): the
	// printed forms are compared only between fonts of one BaseFont, each
	// printed once.
	base := v.Key("BaseFont").Name()
	same := p.doc.fonts[base]
	var key string
	if len(same) > 0 {
		key = v.String()
		for i := range same {
			if same[i].key == "" {
				same[i].key = same[i].v.String()
			}
			if same[i].key == key {
				return same[i].f
			}
		}
	}
	f = newFont(v, p.doc.src)
	p.doc.fonts[base] = append(same, fontEntry{v: v, key: key, f: f})
	return f
}

func num(a any) float64 {
	if f, ok := a.(float64); ok && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	return 0
}

// form draws the form XObject called name. A damaged XObject is skipped.
func (p *pageReader) form(resources pdf.Value, name string, ctm matrix, paint paintState) (err error) {
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	x := resources.Key("XObject").Key(name)
	if x.Kind() != pdf.Stream {
		return nil
	}
	switch x.Key("Subtype").Name() {
	case "Image":
		p.recordUnitSquare(ctm) // paint.go
		return nil
	case "Form":
	default:
		return nil
	}
	if p.depth >= maxFormDepth {
		return fmt.Errorf("%w: form XObjects nested more than %d deep", ErrDamaged, maxFormDepth)
	}
	data, err := p.readStream(x)
	if err != nil {
		return err
	}
	m := identity
	if mv := x.Key("Matrix"); mv.Len() == 6 {
		for i := range m {
			m[i] = mv.Index(i).Float64()
		}
	}
	res := x.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = resources
	}
	p.depth++
	defer func() { p.depth-- }()
	defer putBuf(data) // operands point into data until run returns
	full := m.mul(ctm)
	if bb, ok := readRect(x.Key("BBox")); ok {
		paint.clip = paint.clip.and(bb, full)
	}
	return p.run(data, res, full, paint)
}

// show draws the string s with the current text state, advancing tm.
//
// The text rendering matrix of a glyph is [size×th 0 0 size 0 rise] ×
// tm × ctm. Within one string only tm's translation changes from glyph
// to glyph, so the parts that depend on the rest (size, horizontal
// scale, direction) are computed again only when tm's other entries
// change, and the position and the advance are computed as matrix.mul
// would, operation for operation, so that every glyph lands on exactly
// the same coordinates.
func (p *pageReader) show(gs *textState, tm *matrix, s opString) {
	f := gs.font
	if f == nil {
		return
	}
	a := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}
	ctm := &gs.ctm
	fr := &p.frame
	if !fr.fits(&a, tm, ctm) {
		*fr = newFrame(&a, tm, ctm)
	}
	// A simple font's codes are the bytes of s; a Type 0 font's are split
	// into the font's buffer.
	n := len(s)
	var codes []int
	if f.twoByte {
		codes = f.codes(s)
		n = len(codes)
	}
	for i := 0; i < n; i++ {
		var code int
		if f.twoByte {
			code = codes[i]
		} else {
			code = int(s[i])
		}
		// glyph's lookup of a simple font's code met before, inlined
		var text string
		var w0 float64
		var known bool
		if pg := f.simpleCache[code>>6&3]; !f.twoByte && pg != nil && pg[code&63].done {
			c := &pg[code&63]
			text, w0, known = c.text, c.w, c.known
		} else {
			text, w0, known = f.glyph(code)
		}
		if !fr.fitsTm(tm) { // only after an advance that changed more than the translation
			*fr = newFrame(&a, tm, ctm)
		}
		// Every render mode is kept, as pdftotext does: 3 (invisible) is
		// the text layer of OCRed scans, and 7 (add to clip, not painted)
		// shows the glyphs' shapes through whatever is painted next.
		if text != "" {
			x, y := origin(&a, tm, ctm)
			w := w0 / 1000 * fr.xscale
			if !clippedOut(&gs.paint.clip, x, y, w, fr) { // clipped.go
				g := p.newGlyph()
				g.x, g.y = x, y
				g.w, g.size = w, fr.size
				g.s, g.bold, g.known, g.rot = text, f.bold || gs.mode == 2, known, fr.rot
				g.ink = glyphInk(gs)
			}
		}
		tx := w0/1000*gs.size + gs.tc
		if f.wordSpace(code) {
			tx += gs.tw
		}
		tm.advance(tx * gs.th)
	}
}

// newGlyph appends a glyph to the page's and returns it, for the caller
// to set every field: the slot may hold a glyph of an earlier page.
// Setting the fields one by one writes the one pointer among them with a
// plain write barrier, where appending a glyph value copied it with a
// bulk barrier over the whole struct while a collection ran.
// (TestNewGlyphFields fails when glyph gains a field.)
func (p *pageReader) newGlyph() *glyph {
	if len(p.glyphs) == cap(p.glyphs) {
		p.glyphs = slices.Grow(p.glyphs, 1)
	}
	p.glyphs = p.glyphs[:len(p.glyphs)+1]
	return &p.glyphs[len(p.glyphs)-1]
}

// readPage returns the glyphs on page v, in page space, with the page's
// overlays (paint.go) apart.
func readPage(v pdf.Value, budget *int64, doc *docCache) (glyphs []glyph, overlays []overlay, box [4]float64, err error) {
	anc := &ancestry{nodes: []pdf.Value{v}}
	box = pageBox(anc)
	p := &pageReader{budget: budget, doc: doc, glyphs: getGlyphs(), occluders: occBufs.get(64), occPts: pointBufs.get(256), occStarts: intBufs.get(64)}
	defer func() { // nothing points into them once the page's glyphs are hidden
		occBufs.put(p.occluders)
		pointBufs.put(p.occPts)
		intBufs.put(p.occStarts)
	}()
	data, err := p.contents(v.Key("Contents"))
	if err != nil {
		return nil, nil, box, err
	}
	res := anc.inherited("Resources")
	ctm := matrix{1, 0, 0, 1, -box[0], -box[1]}
	if rot := int(anc.inherited("Rotate").Int64()) % 360; rot != 0 {
		ctm = ctm.mul(rotation(rot, box))
	}
	// A damaged stream keeps what was read before the damage.
	err = p.run(data, res, ctm, p.defaultPaint())
	putBuf(data) // operands pointed into data until run returned
	p.annotations(v, ctm)
	p.hideOccluded()
	return p.glyphs, p.overlays, box, err
}

// rotation maps a page rotated by deg degrees clockwise to upright space.
func rotation(deg int, box [4]float64) matrix {
	w, h := box[2]-box[0], box[3]-box[1]
	switch (deg + 360) % 360 {
	case 90:
		return matrix{0, -1, 1, 0, 0, w}
	case 180:
		return matrix{-1, 0, 0, -1, w, h}
	case 270:
		return matrix{0, 1, -1, 0, h, 0}
	}
	return identity
}

// inherited looks up key on the page or its ancestors.
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && v.Kind() == pdf.Dict; i++ {
		if x := v.Key(key); x.Kind() != pdf.Null {
			return x
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// An ancestry is a page and the page tree nodes above it, as far as
// lookups of inherited keys have read them: inherited reads each node
// from the file again, and a page asks for four keys.
type ancestry struct {
	nodes []pdf.Value // nodes[0] is the page, nodes[i+1] the /Parent of nodes[i]
}

// inherited is inherited(nodes[0], key), reading each node once.
func (a *ancestry) inherited(key string) pdf.Value {
	v := a.nodes[0]
	for i := 0; i < 32 && v.Kind() == pdf.Dict; i++ {
		if x := v.Key(key); x.Kind() != pdf.Null {
			return x
		}
		if i+1 == len(a.nodes) {
			a.nodes = append(a.nodes, v.Key("Parent"))
		}
		v = a.nodes[i+1]
	}
	return pdf.Value{}
}

// pageBox returns the page's crop box (or media box), as x0 y0 x1 y1.
func pageBox(a *ancestry) [4]float64 {
	b := a.inherited("CropBox")
	if b.Len() != 4 {
		b = a.inherited("MediaBox")
	}
	box, ok := readRect(b)
	if !ok || box[2]-box[0] < 1 || box[3]-box[1] < 1 {
		return [4]float64{0, 0, 612, 792}
	}
	return box
}

// quarterTurns rounds the direction of the baseline (dx, dy) to quarter
// turns counterclockwise from left to right.
func quarterTurns(dx, dy float64) uint8 {
	a := math.Atan2(dy, dx) / (math.Pi / 2)
	return uint8((int(math.Round(a)) + 4) % 4)
}
