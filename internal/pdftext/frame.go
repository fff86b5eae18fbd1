package pdftext

import "math"

// advance moves m by tx along its baseline: m = [1 0 0 1 tx 0] × m,
// computed as matrix.mul computes it. The entries are read into
// variables and written one by one: copying the whole matrix to the
// stack and back, as a composite literal does, stalled on every glyph.
func (m *matrix) advance(tx float64) {
	n0, n1, n2, n3, n4, n5 := m[0], m[1], m[2], m[3], m[4], m[5]
	m[0] = 1*n0 + 0*n2
	m[1] = 1*n1 + 0*n3
	m[2] = 0*n0 + 1*n2
	m[3] = 0*n1 + 1*n3
	m[4] = tx*n0 + 0*n2 + n4
	m[5] = tx*n1 + 0*n3 + n5
}

// origin returns the translation of a × tm × ctm, the glyph's origin,
// computed as matrix.mul computes it.
func origin(a, tm, ctm *matrix) (x, y float64) {
	b4 := a[4]*tm[0] + a[5]*tm[2] + tm[4]
	b5 := a[4]*tm[1] + a[5]*tm[3] + tm[5]
	return b4*ctm[0] + b5*ctm[2] + ctm[4], b4*ctm[1] + b5*ctm[3] + ctm[5]
}

// A frame is what glyphs share while the text rendering matrix changes
// only by its translation: their size, horizontal scale and direction.
// key holds the entries of the matrices it was made from that these
// depend on.
type frame struct {
	key          [10]float64
	size, xscale float64
	rot          uint8
	upright      bool // the glyphs' boxes lie along the page's axes (quarter turns, no skew)
	valid        bool
}

// frameKey returns the entries of a, tm and ctm that a frame depends on
// (a's entries 1 and 2 are always 0).
func frameKey(a, tm, ctm *matrix) [10]float64 {
	return [10]float64{a[0], a[3], tm[0], tm[1], tm[2], tm[3], ctm[0], ctm[1], ctm[2], ctm[3]}
}

// newFrame computes the frame of the text rendering matrix a × tm × ctm.
func newFrame(a, tm, ctm *matrix) frame {
	trm := a.mul(*tm).mul(*ctm)
	return frame{
		key:     frameKey(a, tm, ctm),
		size:    math.Hypot(trm[2], trm[3]),
		xscale:  math.Hypot(trm[0], trm[1]),
		rot:     quarterTurns(trm[0], trm[1]),
		upright: alongAxes(&trm),
		valid:   true,
	}
}

// fitsTm reports whether fr was made for the entries of tm it depends
// on, bit for bit, given that it was made for the same a and ctm.
func (fr *frame) fitsTm(tm *matrix) bool {
	return math.Float64bits(fr.key[2]) == math.Float64bits(tm[0]) &&
		math.Float64bits(fr.key[3]) == math.Float64bits(tm[1]) &&
		math.Float64bits(fr.key[4]) == math.Float64bits(tm[2]) &&
		math.Float64bits(fr.key[5]) == math.Float64bits(tm[3])
}

// fits reports whether fr was made for these matrices, bit for bit.
func (fr *frame) fits(a, tm, ctm *matrix) bool {
	same := func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }
	return fr.valid && same(fr.key[0], a[0]) && same(fr.key[1], a[3]) && fr.fitsTm(tm) &&
		same(fr.key[6], ctm[0]) && same(fr.key[7], ctm[1]) && same(fr.key[8], ctm[2]) && same(fr.key[9], ctm[3])
}
