package pdftext

import (
	"cmp"
	"math"
	"slices"

	"github.com/ledongthuc/pdf"
)

// Occlusion: text that a shape painted later covers is not shown. A
// viewer paints in content order, so a glyph under an opaque fill drawn
// after it is hidden: a black box drawn over names in Word to "redact"
// them, a white panel laid over a slide's code, a form field's background
// over the page's placeholder. pdftotext and MuPDF print such text;
// referat reads what a viewer shows, so that a redacted name never
// reaches the store or Elasticsearch.
//
// Only vector fills hide text (f, F, f*, B, B*, b, b*). An image drawn over
// text does not: OCR tools put their text layer under the page's scan,
// and that layer is the text. A fill hides only when it is certainly
// opaque and its clipping is known exactly; whenever in doubt the text
// stays:
//   - the fill alpha (ExtGState /ca) is 1, the blend mode Normal or
//     Compatible and there is no soft mask;
//   - the fill colour is not a pattern (hatching leaves gaps);
//   - every clipping path in force is one rectangle (re) with its sides
//     along the page's axes;
//   - the fill is at least minOccluder points wide and high (rules,
//     underlines and strike-throughs are thinner and never hide text).
//
// A glyph is hidden when the centre of its box lies inside the filled
// area (nonzero or even-odd, as the operator says) and inside the clip.

// minOccluder is the least width and height, in points, of a fill that
// hides text.
const minOccluder = 3.0

// Bounds on what one page records, so that a page of vector art costs
// little: beyond them later fills hide nothing.
const (
	maxOccluders     = 4096    // fills recorded per page
	maxOccluderPts   = 1 << 20 // their points, all together
	maxPathPts       = 1 << 16 // points of one path under construction
	curveSegments    = 4       // straight segments a Bézier curve is flattened into
	clipRectTolerant = 1e-6    // how far an edge may lean and still be axis-aligned
)

// A point is a position in page space.
type point struct{ x, y float64 }

// A clip is the clipping region in force, as far as occlusion tracks it:
// the intersection of rectangles along the axes. The zero value is no
// clipping; inexact is a clip that is not such a rectangle.
type clip struct {
	set, inexact   bool
	x0, y0, x1, y1 float64
}

// paintState is the part of the graphics state occlusion needs.
type paintState struct {
	clip        clip
	translucent transparency // fill alpha below 1, a blend mode or a soft mask
	ink         uint16       // the fill colour (ink.go): pageReader.inks[ink-1]; 0 unknown
	space       int8         // components of the fill colour space: 1, 3 or 4; 0 unknown
	pattern     bool         // the fill colour is a pattern: hatching shows what lies under it
}

// A path is the current path under construction, in page space.
type path struct {
	pts      []point
	starts   []int // index in pts of each subpath's first point
	rect     bool  // one subpath made by re along the axes
	overflow bool  // more than maxPathPts points: never hides text
	clips    bool  // W or W* came: the path clips when painted
	// the box of pts
	x0, y0, x1, y1 float64
}

// An occluder is something painted on the page: a fill, an image or a
// shading. It hides glyphs drawn before it (index below upTo) when it is
// certain; it is the backdrop of glyphs drawn after it (ink.go).
type occluder struct {
	x0, y0, x1, y1 float64 // bounding box, within the clip
	from, to       int     // its points: pageReader.occPts[from:to]; none: all of its box
	sFrom, sTo     int     // its subpaths' starts (relative to from): pageReader.occStarts[sFrom:sTo]
	evenOdd        bool
	// certain: an opaque fill under an exact clip, whose ink is known
	// when ink is not 0. Images, shadings and other fills are not
	// certain: they hide nothing, and whatever they cover is not known
	// to be the backdrop of what is drawn later.
	certain bool
	ink     uint16
	upTo    int
}

// pathOp runs a path construction, painting or clipping operator and
// reports whether op was one.
func (in *interp) pathOp(op string) bool {
	pa := &in.path
	n := len(in.args)
	switch op {
	case "m":
		if n >= 2 {
			pa.starts = append(pa.starts, len(pa.pts))
			pa.rect = false
			in.addPoint(in.arg(n-2), in.arg(n-1))
		}
	case "l":
		if n >= 2 {
			in.ensureStart()
			pa.rect = false
			in.addPoint(in.arg(n-2), in.arg(n-1))
		}
	case "c", "v", "y":
		in.curve(op)
	case "h":
		// Subpaths are closed for filling anyway.
	case "re":
		if n >= 4 {
			x, y, w, h := in.arg(n-4), in.arg(n-3), in.arg(n-2), in.arg(n-1)
			first := len(pa.starts) == 0
			pa.starts = append(pa.starts, len(pa.pts))
			in.addPoint(x, y)
			in.addPoint(x+w, y)
			in.addPoint(x+w, y+h)
			in.addPoint(x, y+h)
			pa.rect = first && alongAxes(&in.gs.ctm)
		}
	case "W", "W*": // a rectangle clips alike by either rule
		pa.clips = true
	case "f", "F", "B", "b":
		in.fill(false)
	case "f*", "B*", "b*":
		in.fill(true)
	case "S", "s", "n":
		in.endPath()
	case "sh":
		// A shading fills the clip, or the whole page.
		if c := &in.gs.paint.clip; c.set {
			in.p.recordBox(c.x0, c.y0, c.x1, c.y1)
		} else {
			in.p.recordBox(math.Inf(-1), math.Inf(-1), math.Inf(1), math.Inf(1))
		}
	case "gs":
		if n >= 1 {
			if o := &in.args[n-1]; o.kind == kindName {
				in.extGState(in.lx.bytes(o))
			}
		}
	default:
		return false
	}
	return true
}

// addPoint appends (x, y), in user space, to the path in page space.
func (in *interp) addPoint(x, y float64) {
	pa := &in.path
	if len(pa.pts) >= maxPathPts {
		pa.overflow = true
		return
	}
	pa.add(in.gs.ctm.apply(x, y))
}

// add appends q to the path's points and its box.
func (pa *path) add(q point) {
	if len(pa.pts) == 0 {
		pa.x0, pa.y0, pa.x1, pa.y1 = q.x, q.y, q.x, q.y
	} else {
		pa.x0, pa.y0, pa.x1, pa.y1 = min(pa.x0, q.x), min(pa.y0, q.y), max(pa.x1, q.x), max(pa.y1, q.y)
	}
	pa.pts = append(pa.pts, q)
}

// apply returns (x, y) mapped by m.
func (m *matrix) apply(x, y float64) point {
	return point{x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]}
}

// ensureStart begins a subpath at the origin when a segment comes
// without a moveto (a damaged stream).
func (in *interp) ensureStart() {
	if len(in.path.starts) == 0 {
		in.path.starts = append(in.path.starts, len(in.path.pts))
		in.addPoint(0, 0)
	}
}

// curve flattens the Bézier curve of c, v or y into straight segments.
func (in *interp) curve(op string) {
	n := len(in.args)
	need := 6
	if op != "c" {
		need = 4
	}
	if n < need {
		return
	}
	in.ensureStart()
	pa := &in.path
	pa.rect = false
	if pa.overflow || len(pa.pts) == 0 {
		return
	}
	// The current point, back in user space, is not needed: flatten in
	// page space, where the control points go through the same affine map.
	p0 := pa.pts[len(pa.pts)-1]
	tr := in.gs.ctm.apply
	var p1, p2, p3 point
	switch op {
	case "c":
		p1, p2, p3 = tr(in.arg(n-6), in.arg(n-5)), tr(in.arg(n-4), in.arg(n-3)), tr(in.arg(n-2), in.arg(n-1))
	case "v":
		p1, p2, p3 = p0, tr(in.arg(n-4), in.arg(n-3)), tr(in.arg(n-2), in.arg(n-1))
	case "y":
		p1, p2, p3 = tr(in.arg(n-4), in.arg(n-3)), tr(in.arg(n-2), in.arg(n-1)), tr(in.arg(n-2), in.arg(n-1))
	}
	for i := 1; i <= curveSegments; i++ {
		if len(pa.pts) >= maxPathPts {
			pa.overflow = true
			return
		}
		t := float64(i) / curveSegments
		u := 1 - t
		a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		pa.add(point{a*p0.x + b*p1.x + c*p2.x + d*p3.x, a*p0.y + b*p1.y + c*p2.y + d*p3.y})
	}
}

// fill paints the current path, recorded as an occluder, and ends the
// path.
func (in *interp) fill(evenOdd bool) {
	pa, ps := &in.path, &in.gs.paint
	if len(pa.pts) >= 3 && !pa.overflow {
		certain := ps.translucent == 0 && !ps.clip.inexact && !ps.pattern
		x0, y0, x1, y1 := ps.clip.within(pa.x0, pa.y0, pa.x1, pa.y1)
		if x1-x0 >= minOccluder && y1-y0 >= minOccluder {
			o := occluder{x0: x0, y0: y0, x1: x1, y1: y1, evenOdd: evenOdd, certain: certain, ink: ps.ink}
			if !certain || pa.rect || pa.isBox() {
				// A rectangle along the axes: its box is all of it. A fill
				// that is not certain counts only where it may be: its box.
				in.p.record(o, nil)
			} else {
				in.p.record(o, pa)
			}
		}
	}
	in.endPath()
}

// isBox reports whether the path is one subpath of four corners (a fifth
// closing it) whose sides run along the axes: a rectangle drawn with m
// and l, as PostScript drivers draw them.
func (pa *path) isBox() bool {
	pts := pa.pts
	if len(pts) == 5 && pts[4] == pts[0] {
		pts = pts[:4]
	}
	if len(pa.starts) != 1 || len(pts) != 4 {
		return false
	}
	for i := range pts {
		a, b := pts[i], pts[(i+1)%4]
		if a.x != b.x && a.y != b.y {
			return false
		}
	}
	return true
}

// record adds o to the page's occluders, with the points of pa (nil: o
// is its box), unless the page has recorded its fill already; from then
// on no glyph's backdrop is known (inkLimit).
func (p *pageReader) record(o occluder, pa *path) {
	n := 0
	if pa != nil {
		n = len(pa.pts)
	}
	if len(p.occluders) >= maxOccluders || len(p.occPts)+n > maxOccluderPts {
		if !p.occFull {
			p.occFull, p.inkLimit = true, len(p.glyphs)
		}
		return
	}
	o.from, o.to, o.upTo = len(p.occPts), len(p.occPts), len(p.glyphs)
	if pa != nil {
		p.occPts = append(p.occPts, pa.pts...)
		o.sFrom = len(p.occStarts)
		p.occStarts = append(p.occStarts, pa.starts...)
		o.to, o.sTo = len(p.occPts), len(p.occStarts)
	}
	p.occluders = append(p.occluders, o)
}

// recordBox records something painted over the box (x0 y0 x1 y1) of
// unknown shape or colour (an image, a shading): it hides nothing, but
// it is the backdrop of glyphs drawn after it, wherever its box is.
func (p *pageReader) recordBox(x0, y0, x1, y1 float64) {
	p.record(occluder{x0: x0, y0: y0, x1: x1, y1: y1}, nil)
}

// recordUnitSquare records an image, drawn in the unit square mapped by
// m (unclipped, in doubt).
func (p *pageReader) recordUnitSquare(m matrix) {
	p.recordBox(bounds([]point{m.apply(0, 0), m.apply(1, 0), m.apply(0, 1), m.apply(1, 1)}))
}

// endPath ends the current path, clipping by it first when W or W* came.
func (in *interp) endPath() {
	pa := &in.path
	if pa.clips {
		in.clipBy()
	}
	pa.pts, pa.starts = pa.pts[:0], pa.starts[:0]
	pa.rect, pa.overflow, pa.clips = false, false, false
}

// clipBy intersects the clip with the current path: exactly when the
// path is one rectangle along the axes, else the clip becomes inexact.
func (in *interp) clipBy() {
	pa, c := &in.path, &in.gs.paint.clip
	if len(pa.pts) == 0 {
		return
	}
	if !pa.rect || pa.overflow {
		c.inexact = true
		return
	}
	c.narrow(pa.x0, pa.y0, pa.x1, pa.y1)
}

// within returns the box x0 y0 x1 y1 cut to the clip's rectangle (empty
// when they do not meet: x1 < x0 or y1 < y0).
func (c *clip) within(x0, y0, x1, y1 float64) (float64, float64, float64, float64) {
	if !c.set {
		return x0, y0, x1, y1
	}
	return math.Max(x0, c.x0), math.Max(y0, c.y0), math.Min(x1, c.x1), math.Min(y1, c.y1)
}

// narrow intersects the clip with the box x0 y0 x1 y1.
func (c *clip) narrow(x0, y0, x1, y1 float64) {
	c.x0, c.y0, c.x1, c.y1 = c.within(x0, y0, x1, y1)
	c.set = true
}

// and returns c intersected with the rectangle r (x0 y0 x1 y1, a form's
// /BBox) mapped by m: exactly when m keeps it along the axes.
func (c clip) and(r [4]float64, m matrix) clip {
	if c.inexact {
		return c
	}
	if !alongAxes(&m) {
		c.inexact = true
		return c
	}
	c.narrow(bounds([]point{m.apply(r[0], r[1]), m.apply(r[2], r[3])}))
	return c
}

// alongAxes reports whether m maps a rectangle along the axes to one
// along the axes (scaled, flipped or turned by quarter turns).
func alongAxes(m *matrix) bool {
	return math.Abs(m[1]) < clipRectTolerant && math.Abs(m[2]) < clipRectTolerant ||
		math.Abs(m[0]) < clipRectTolerant && math.Abs(m[3]) < clipRectTolerant
}

// transparency holds the ExtGState parameters that keep a fill from
// hiding what is under it, a bit each; 0 is opaque.
type transparency uint8

const (
	lowAlpha  transparency = 1 << iota // /ca below 1
	blendMode                          // /BM other than Normal or Compatible
	softMask                           // /SMask other than None
)

// extGState applies the graphics state parameters of the named
// ExtGState that occlusion needs: fill alpha, blend mode and soft mask,
// each only when the state names it. Producers name the same few states
// again and again (cairo before every shape), so the stream's last two
// are remembered.
func (in *interp) extGState(name []byte) {
	var s *seenState
	for i := range in.gsSeen {
		if in.gsSeen[i].ok && string(in.gsSeen[i].name) == string(name) {
			s = &in.gsSeen[i]
		}
	}
	if s == nil {
		s = &in.gsSeen[in.gsNext]
		in.gsNext = (in.gsNext + 1) % len(in.gsSeen)
		s.name, s.ok = append(s.name[:0], name...), true
		s.mask, s.value = in.readExtGState(string(name))
	}
	t := &in.gs.paint.translucent
	*t = *t&^s.mask | s.value
}

// A seenState is an ExtGState's name and the transparency parameters it
// sets (mask) to which values (see extGState).
type seenState struct {
	name        []byte
	ok          bool
	mask, value transparency
}

// readExtGState returns which transparency parameters the named
// ExtGState sets (mask), and to what (value).
func (in *interp) readExtGState(name string) (mask, value transparency) {
	defer func() {
		if recover() != nil { // a damaged dictionary changes nothing
			mask, value = 0, 0
		}
	}()
	d := in.resources.Key("ExtGState").Key(name)
	if d.Kind() != pdf.Dict {
		return 0, 0
	}
	if ca := d.Key("ca"); ca.Kind() == pdf.Real || ca.Kind() == pdf.Integer {
		mask |= lowAlpha
		if ca.Float64() < 0.999 {
			value |= lowAlpha
		}
	}
	if bm := d.Key("BM"); bm.Kind() != pdf.Null {
		mask |= blendMode
		name := bm.Name()
		if bm.Kind() == pdf.Array && bm.Len() > 0 {
			name = bm.Index(0).Name()
		}
		if name != "Normal" && name != "Compatible" {
			value |= blendMode
		}
	}
	if sm := d.Key("SMask"); sm.Kind() != pdf.Null {
		mask |= softMask
		if !(sm.Kind() == pdf.Name && sm.Name() == "None") {
			value |= softMask
		}
	}
	return mask, value
}

// bounds returns the bounding box of pts.
func bounds(pts []point) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		x0, y0, x1, y1 = min(x0, q.x), min(y0, q.y), max(x1, q.x), max(y1, q.y)
	}
	return x0, y0, x1, y1
}

// hideOccluded removes the glyphs that a fill painted after them covers
// (or camouflages, ink.go) and returns how many it removed. Spaces are
// removed only inside a hidden run of letters: a hidden space shows
// nothing either way, and word processors leave many under their boxes.
// A hidden run (hidden in a row of drawing order) with visible letters
// on its baseline right before and after it, outside what hides it (a
// name under a black box in a sentence), leaves one Hidden glyph in its
// place, so that the sentence keeps its hole and its words are not cut
// apart as cells.
func (p *pageReader) hideOccluded() int {
	hider := p.findHidden() // 1 + the occluder that hides the glyph; 0 shown; -1 an overlay's
	if hider == nil {
		return 0 // nothing hidden, or too much work to be sure of any
	}
	defer int32Bufs.put(hider)
	var marks []glyph
	var shown []int32 // the shown letters set left to right, by baseline (holeMark)
	for i := 0; i < len(p.glyphs); {
		if hider[i] == 0 {
			i++
			continue
		}
		// The run: hidden letters, and the spaces between them.
		j, last := i+1, i
		for j < len(p.glyphs) && (hider[j] != 0 || isBlank(p.glyphs[j].s)) {
			if hider[j] != 0 {
				last = j
			}
			j++
		}
		for k := i; k <= last; k++ {
			if hider[k] == 0 {
				hider[k] = hider[i]
			}
		}
		if len(marks) < maxHoleMarks {
			if shown == nil {
				shown = p.shownByBaseline(hider)
			}
			if m, ok := p.holeMark(hider, shown, i, last+1); ok {
				marks = append(marks, m)
			}
		}
		i = last + 1
	}
	p.liftOverlays(hider)
	kept := p.glyphs[:0]
	n := 0
	for i := range p.glyphs {
		switch {
		case hider[i] == 0:
			kept = append(kept, p.glyphs[i])
		case hider[i] > 0:
			n++
		}
	}
	p.glyphs = append(kept, marks...)
	return n
}

// An overlay is text drawn on a box that was painted over other text: a
// panel laid over a slide's code, a text box in front of a paragraph.
// Its lines are not the lines of the text under it: they are built on
// their own and read after the lines above the box's bottom edge.
type overlay struct {
	glyphs []glyph
	bottom float64 // the box's lowest y
}

// maxOverlays bounds the overlays of a page; the text of others stays
// with the page's.
const maxOverlays = 16

// liftOverlays moves the shown glyphs drawn on an occluder that hides
// letters by covering them (not by camouflage) into the page's
// overlays, marking them in hider with -1. An occluder is one overlay.
func (p *pageReader) liftOverlays(hider []int32) {
	var covering []int // occluders that hid a letter painted before them
	for i, h := range hider {
		if h > 0 && p.occluders[h-1].upTo > i && !slices.Contains(covering, int(h-1)) && len(covering) < maxOverlays {
			covering = append(covering, int(h-1))
		}
	}
	if len(covering) == 0 {
		return
	}
	slices.Sort(covering)
	byBox := make([][]glyph, len(covering))
	for i := range p.glyphs {
		if hider[i] != 0 {
			continue
		}
		cx, cy := p.glyphs[i].centre()
		for k := len(covering) - 1; k >= 0 && !p.paintSpent; k-- {
			if o := &p.occluders[covering[k]]; o.upTo <= i && p.inside(o, cx, cy) {
				byBox[k] = append(byBox[k], p.glyphs[i])
				hider[i] = -1
				break
			}
		}
	}
	for k, gs := range byBox {
		if len(gs) > 0 {
			p.overlays = append(p.overlays, overlay{glyphs: gs, bottom: p.occluders[covering[k]].y0})
		}
	}
}

// findHidden returns, per glyph, 1 + the occluder that hides it: a
// certain fill that covers it (the latest that does) or camouflages it.
// Only letters are marked (spaces are hidden only inside a hidden run,
// by hideOccluded). It returns nil when nothing is hidden, or when the
// page's work was spent (in doubt, nothing is). It goes fill by fill over
// the letters in the fill's box: a page has far fewer fills that may
// hide than letters, and most lie beside the text.
func (p *pageReader) findHidden() []int32 {
	// The letters' area and inks, then the certain fills over that area
	// that may hide some: painted after a letter, or in a letter's ink.
	centres := zeroed(pointBufs, len(p.glyphs))
	defer pointBufs.put(centres)
	area := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	inks := make([]bool, len(p.inks)+1)
	for i := range p.glyphs {
		g := &p.glyphs[i]
		cx, cy := g.centre()
		centres[i] = point{cx, cy}
		area[0], area[1], area[2], area[3] = min(area[0], cx), min(area[1], cy), max(area[2], cx), max(area[3], cy)
		if int(g.ink) < len(inks) {
			inks[g.ink] = true
		}
	}
	inkOf := func(o *occluder) bool { return o.ink != 0 && int(o.ink) < len(inks) && inks[o.ink] }
	var fills []int
	for j := range p.occluders {
		o := &p.occluders[j]
		if o.certain && o.x1 >= area[0] && o.x0 <= area[2] && o.y1 >= area[1] && o.y0 <= area[3] && (o.upTo > 0 || inkOf(o)) {
			fills = append(fills, j)
		}
	}
	if len(fills) == 0 {
		return nil
	}
	lf := &letterFinder{p: p, centres: centres}
	if len(fills) > directFills {
		lf.grid = newGlyphGrid(p.glyphs, centres)
	}
	hider := zeroed(int32Bufs, len(p.glyphs))
	// Covered: a certain fill painted after letters, over them.
	for _, j := range fills {
		if o := &p.occluders[j]; o.upTo > 0 {
			lf.each(o, 0, o.upTo, 0, func(i int32) { hider[i] = int32(j) + 1 })
		}
	}
	// Camouflaged: a letter in the ink of a certain fill painted before
	// it, over it; the letter is hidden when that fill is the topmost
	// thing under it (camouflagedBy).
	var candidates []int32
	var isCandidate []bool
	for _, j := range fills {
		if o := &p.occluders[j]; inkOf(o) && o.upTo < len(p.glyphs) {
			lf.each(o, o.upTo, len(p.glyphs), o.ink, func(i int32) {
				if hider[i] == 0 && (isCandidate == nil || !isCandidate[i]) {
					if isCandidate == nil {
						isCandidate = make([]bool, len(p.glyphs))
					}
					candidates, isCandidate[i] = append(candidates, i), true
				}
			})
		}
	}
	if len(candidates) > 0 {
		ix := newOccIndex(p)
		for _, i := range candidates {
			if b := p.camouflagedBy(int(i), ix); b >= 0 {
				hider[i] = int32(b) + 1
			}
		}
	}
	if p.paintSpent || !slices.ContainsFunc(hider, func(h int32) bool { return h != 0 }) {
		int32Bufs.put(hider)
		return nil
	}
	return hider
}

// A letterFinder finds a page's letters in an occluder's box: by their
// centres, looked through one by one, or through a glyphGrid when the
// page has more than directFills fills to look for.
type letterFinder struct {
	p       *pageReader
	centres []point // of every glyph
	grid    *glyphGrid
}

// each calls fn with the letters i, from <= i < to, in the ink (any, when
// 0), whose centres lie in o's box and in its fill.
func (lf *letterFinder) each(o *occluder, from, to int, ink uint16, fn func(i int32)) {
	if lf.grid == nil {
		for i := from; i < to; i++ {
			lf.test(o, int32(i), ink, fn)
		}
		return
	}
	c0, r0, c1, r1 := lf.grid.span(o.x0, o.y0, o.x1, o.y1)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			for _, i := range lf.grid.in(c, r) {
				if int(i) >= from && int(i) < to {
					lf.test(o, i, ink, fn)
				}
			}
		}
	}
}

// test calls fn with letter i when it is in the ink (any, when 0) and its
// centre lies in o.
func (lf *letterFinder) test(o *occluder, i int32, ink uint16, fn func(i int32)) {
	c := lf.centres[i]
	if c.x < o.x0 || c.x > o.x1 || c.y < o.y0 || c.y > o.y1 {
		return
	}
	if g := &lf.p.glyphs[i]; (ink == 0 || g.ink == ink) && !isBlank(g.s) && lf.p.inside(o, c.x, c.y) {
		fn(i)
	}
}

// directFills is the most fills findHidden tests against every letter
// before it builds a glyphGrid.
const directFills = 8

// Hidden is the text of a hole in a line where text lies under a shape
// painted over it (U+2588 FULL BLOCK: what a reader of a redacted line
// sees).
const Hidden = "\u2588"

// maxHoleMarks bounds the Hidden glyphs of a page (each costs a pass over
// its glyphs); further hidden runs leave no mark.
const maxHoleMarks = 256

// holeMark returns the glyph that stands for the hidden glyphs
// p.glyphs[i:j] (letters at both ends) when visible letters stand on
// their baseline right before and after them (within two font sizes),
// outside the occluders that hide the run's ends: one Hidden glyph from
// the first hidden letter to the end of the last. Text that continues on
// what hides it (a panel laid over a line, with text of its own) is not
// the line's. Only text set left to right is marked.
func (p *pageReader) holeMark(hider, shown []int32, i, j int) (glyph, bool) {
	gs := p.glyphs
	first, last := &gs[i], &gs[j-1]
	if first.rot != 0 || last.rot != 0 {
		return glyph{}, false
	}
	h1, h2 := &p.occluders[hider[i]-1], &p.occluders[hider[j-1]-1]
	size := first.size
	start, end := first.x, last.x+last.w
	left, right := false, false
	// The shown letters within half a size of the run's baseline.
	from, _ := slices.BinarySearchFunc(shown, first.y-size/2, func(k int32, y float64) int { return cmp.Compare(gs[k].y, y) })
	for _, k := range shown[from:] {
		g := &gs[k]
		if g.y > first.y+size/2 {
			break
		}
		if cx, cy := g.centre(); p.inside(h1, cx, cy) || p.inside(h2, cx, cy) || p.paintSpent {
			continue
		}
		if e := g.x + g.w; e <= start+size/4 && e >= start-2*size {
			left = true
		}
		if g.x >= end-size/4 && g.x <= end+2*size {
			right = true
		}
		if left && right {
			mark := *first
			mark.s, mark.w, mark.known = Hidden, end-start, true
			return mark, true
		}
	}
	return glyph{}, false
}

// shownByBaseline returns the glyphs hider leaves shown that are
// letters set left to right, ordered by baseline.
func (p *pageReader) shownByBaseline(hider []int32) []int32 {
	shown := make([]int32, 0, len(p.glyphs))
	for k := range p.glyphs {
		if g := &p.glyphs[k]; hider[k] == 0 && g.rot == 0 && !isBlank(g.s) && g.y == g.y {
			shown = append(shown, int32(k))
		}
	}
	slices.SortFunc(shown, func(a, b int32) int { return cmp.Compare(p.glyphs[a].y, p.glyphs[b].y) })
	return shown
}

// maxPaintWork bounds the edges a page's occlusion tests walk, so that
// a page of huge paths painted over its text costs little: once spent,
// nothing more is hidden (paintSpent).
const maxPaintWork = 20_000_000

// inside reports whether (x, y) is in occluder o: in its box, and in its
// filled area when it has points. It is false once the page's work is
// spent.
func (p *pageReader) inside(o *occluder, x, y float64) bool {
	if x < o.x0 || x > o.x1 || y < o.y0 || y > o.y1 {
		return false
	}
	if o.from == o.to { // a box, or what it covers is not known: all its box
		return true
	}
	// The letters of a line share their centres' y: the fill's edges are
	// crossed once for the line (remembered while the same fill is
	// asked), and each letter looks up its x.
	sc := &p.scan
	if sc.o != o {
		sc.o, sc.xs = o, sc.xs[:0]
		clear(sc.lines)
	}
	span, ok := sc.lines[y]
	if !ok {
		if p.paintWork += o.to - o.from; p.paintWork > maxPaintWork {
			p.paintSpent = true
			return false
		}
		from := len(sc.xs)
		sc.xs = crossings(sc.xs, p.occPts[o.from:o.to], p.occStarts[o.sFrom:o.sTo], y)
		span = [2]int{from, len(sc.xs)}
		if sc.lines == nil {
			sc.lines = map[float64][2]int{}
		}
		sc.lines[y] = span
	}
	return covers(sc.xs[span[0]:span[1]], x, o.evenOdd)
}

// A scanline holds, for one occluder, where the edges of its subpaths
// cross the horizontal lines asked so far: x and the edge's direction
// (+1 up, -1 down), sorted by x, a line's run in xs each.
type scanline struct {
	o     *occluder
	lines map[float64][2]int // y: its crossings, xs[from:to]
	xs    []crossing
}

type crossing struct {
	x   float64
	dir int
}

// crossings appends to xs where the subpaths pts (each starting at its
// index in starts, each closed) cross the line at y, sorted by x (the
// ones appended).
func crossings(xs []crossing, pts []point, starts []int, y float64) []crossing {
	from := len(xs)
	for k, s := range starts {
		e := len(pts)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		sub := pts[s:e]
		for i := range sub {
			a, b := sub[i], sub[(i+1)%len(sub)]
			if (a.y <= y) == (b.y <= y) {
				continue
			}
			c := crossing{x: a.x + (y-a.y)*(b.x-a.x)/(b.y-a.y), dir: -1}
			if b.y > a.y {
				c.dir = 1
			}
			xs = append(xs, c)
		}
	}
	slices.SortFunc(xs[from:], func(a, b crossing) int { return cmp.Compare(a.x, b.x) })
	return xs
}

// covers reports whether x is inside the filled area on a scanline
// whose crossings, sorted by x, are xs: by the winding rule (even-odd or
// nonzero) of the crossings right of x.
func covers(xs []crossing, x float64, evenOdd bool) bool {
	winding, n := 0, 0
	for i := len(xs) - 1; i >= 0 && xs[i].x > x; i-- {
		winding += xs[i].dir
		n++
	}
	if evenOdd {
		return n%2 == 1
	}
	return winding != 0
}

// centre returns the middle of the glyph's box: half its advance along
// the baseline, and a third of its size above it (up is the baseline's
// direction turned a quarter counterclockwise).
func (g *glyph) centre() (x, y float64) {
	dx, dy := baselineDirection(g.rot)
	along, up := g.w/2, g.size/3
	return g.x + dx*along - dy*up, g.y + dy*along + dx*up
}

// insertOverlay returns the page's lines with an overlay's lines (ov,
// whose box's lowest y is bottom) read after the last line that stands
// above the box's bottom edge, or first when none does.
func insertOverlay(lines, ov []Line, bottom float64) []Line {
	if len(ov) == 0 {
		return lines
	}
	at := 0
	for i := range lines {
		if lines[i].Y >= bottom {
			at = i + 1
		}
	}
	out := make([]Line, 0, len(lines)+len(ov))
	out = append(append(append(out, lines[:at]...), ov...), lines[at:]...)
	return out
}
