package pdftext

import "math"

// Code listings. A column of a paper often holds a listing set in a
// monospaced font: short lines, indented, far narrower than the column.
// gutter's test for columns of running text (most lines nearly as wide
// as the column) then fails, and the page is read across both columns
// line by line. pdftotext and MuPDF find the columns anyway. A line of a
// listing is recognised by its glyphs, as a typewriter font shows itself
// to a reader: every glyph of the fragment has the same advance. Such
// fragments are left out when gutter asks whether a side is filled with
// running text.
//
// A fragment is surely monospaced when it has at least monoGlyphs glyphs
// (spaces aside) of at least monoDistinct different characters, all of
// one advance: in a proportional font a run that long always mixes
// widths (i and m, e and t). Shorter fragments ("}", "Move()") count as
// listing lines when all their glyphs have an advance, relative to their
// size, that a sure one on the same page has.
const (
	monoGlyphs   = 8
	monoDistinct = 5
	monoTol      = 0.01 // font sizes: advances closer than this are equal
)

// pitch returns the common advance of the glyphs of f in font sizes and
// how many distinct characters and glyphs it has; ok is false when the
// advances differ, a width is a guess, or sizes differ.
func pitch(f *fragment) (p float64, distinct, n int, ok bool) {
	var seen [8]string
	for i := range f.gs {
		g := &f.gs[i]
		if isBlank(g.s) {
			continue
		}
		if !g.known || g.size <= 0 || math.Abs(g.size-f.size) > monoTol*f.size {
			return 0, 0, 0, false
		}
		q := g.w / g.size
		if n == 0 {
			p = q
		} else if math.Abs(q-p) > monoTol {
			return 0, 0, 0, false
		}
		n++
		if distinct < len(seen) {
			dup := false
			for _, s := range seen[:distinct] {
				dup = dup || s == g.s
			}
			if !dup {
				seen[distinct] = g.s
				distinct++
			}
		}
	}
	return p, distinct, n, n > 0
}

// listingLines marks the fragments that are lines of a listing in a
// monospaced font (see pitch); nil when there are none, or when they are
// most of the fragments: then the text is set in that font, and its
// lines are running text, not a listing set apart.
func listingLines(frags []fragment) []bool {
	var pitches []float64
	for i := range frags {
		if p, d, n, ok := pitch(&frags[i]); ok && n >= monoGlyphs && d >= monoDistinct {
			pitches = append(pitches, p)
		}
	}
	if len(pitches) == 0 {
		return nil
	}
	code := make([]bool, len(frags))
	n := 0
	for i := range frags {
		p, _, _, ok := pitch(&frags[i])
		if !ok {
			continue
		}
		for _, q := range pitches {
			if math.Abs(p-q) <= monoTol {
				code[i] = true
				n++
				break
			}
		}
	}
	if n*2 > len(frags) {
		return nil
	}
	return code
}
