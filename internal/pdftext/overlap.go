package pdftext

import "math"

// Overlapping lines. buildLines groups glyphs whose baselines lie within
// a third of a font size of each other; read left to right, the glyphs of
// a group then make one line. Two lines drawn over each other a little
// apart in height (a slide's program output laid over the code that
// prints it, a label set on a line of a figure) fall into one group, and
// their glyphs interleave letter by letter: `C.GoString(Hbeulfl)o`.
// poppler and MuPDF keep them apart, as the lines a reader sees.
//
// A group holds two such lines when a run of at least overlapMin pairs
// of neighbouring glyphs (in x order), one after the other, overlap by
// more than overlapShare of the narrower one's width with baselines more
// than overlapDY font sizes apart: the letters of the two lines
// alternate. Glyphs of one line overlap (kerning) on one baseline; a
// symbol stacked on another in a formula (∼ over = for ≅) is one such
// pair, not a run; a shadow or a shifted baseline stands less far
// apart. Accents and marks, which do overlap their letter, copies drawn
// over each other (fake bold), and glyphs smaller than overlapSize of
// the group's largest (a subscript under a superscript) are left out.
// Such a group is cut at the mean height of the run's pairs: what
// stands above is one line, what stands below another.
const (
	overlapMin   = 3
	overlapDY    = 0.1
	overlapSize  = 0.9
	overlapShare = 0.25
)

// splitOverlaps cuts each group that holds two overlapping lines (see
// above) into the upper and the lower one; groups and sizes are top to
// bottom, each group sorted by x, and so are the groups it returns.
func splitOverlaps(groups [][]glyph, sizes []sizeRange) ([][]glyph, []sizeRange) {
	var outG [][]glyph
	var outS []sizeRange
	for i, g := range groups {
		cut, ok := overlapCut(g, sizes[i].hi)
		if !ok {
			if outG != nil {
				outG, outS = append(outG, g), append(outS, sizes[i])
			}
			continue
		}
		if outG == nil {
			outG = append(make([][]glyph, 0, len(groups)+1), groups[:i]...)
			outS = append(make([]sizeRange, 0, len(groups)+1), sizes[:i]...)
		}
		var upper, lower []glyph
		for _, gl := range g {
			if gl.y > cut {
				upper = append(upper, gl)
			} else {
				lower = append(lower, gl)
			}
		}
		for _, part := range [][]glyph{upper, lower} {
			lo, hi := math.Inf(1), 0.0
			for k := range part {
				lo, hi = fmin(lo, part[k].size), fmax(hi, part[k].size)
			}
			outG, outS = append(outG, part), append(outS, sizeRange{lo, hi})
		}
	}
	if outG == nil {
		return groups, sizes
	}
	return outG, outS
}

// overlapCut returns the height between the two lines of a group sorted
// by x whose largest glyph is largest, and whether it holds two (see
// above).
func overlapCut(g []glyph, largest float64) (float64, bool) {
	run, best := 0, 0
	sum, bestSum := 0.0, 0.0
	for i := 1; i < len(g); i++ {
		// Most neighbours share a baseline or do not touch: decided
		// here, without the call.
		if a, b := &g[i-1], &g[i]; a.y == b.y || b.x >= a.x+a.w || !interleaved(a, b, largest) {
			run, sum = 0, 0
			continue
		}
		run++
		sum += (g[i-1].y + g[i].y) / 2
		if run > best {
			best, bestSum = run, sum
		}
	}
	if best < overlapMin {
		return 0, false
	}
	return bestSum / float64(best), true
}

// interleaved reports whether a and b, neighbours in x order, overlap as
// the glyphs of two lines do (see above).
func interleaved(a, b *glyph, largest float64) bool {
	size := max(min(a.size, b.size), 1)
	if math.Abs(a.y-b.y) <= overlapDY*size || b.x >= a.x+a.w-overlapShare*min(a.w, b.w) || b.w <= 0 || a.w <= 0 {
		return false
	}
	return a.size >= overlapSize*largest && b.size >= overlapSize*largest && !isBlank(a.s) && !isBlank(b.s) &&
		a.s != b.s && !mayBeAccent(a.s) && !mayBeAccent(b.s)
}
