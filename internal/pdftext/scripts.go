package pdftext

import (
	"math"
)

// Sub- and superscripts. A script is set in a smaller size a little above
// or below the baseline of its line, so grouping by baseline puts it on a
// line of its own ("S" over "2" for S², "U" over "x0,y"). poppler joins
// it to its line when it overlaps the line vertically; here a run of
// small glyphs joins a neighbouring line when it is at most scriptSize
// of the line's size, its baseline lies within the line's height
// (scriptRise above, scriptDrop below), and it is attached: it starts
// where a glyph of the line ends. The limits of a big operator (Σ with
// i=1 under it) stand over or under the operator, not after a glyph, and
// stay lines of their own, as they do for poppler.
const (
	scriptSize   = 0.85 // the largest script size, in the line's size
	scriptRise   = 0.6  // a superscript's baseline at most this high, in the line's size
	scriptDrop   = 0.4  // a subscript's baseline at most this low
	scriptAttach = 0.3  // the largest gap between base glyph and script, in the line's size
	scriptRun    = 0.3  // a gap wider than this, in the script's size, ends a run
)

// A lineStat is what joinScripts needs of a baseline group.
type lineStat struct {
	size, y float64 // median size, baseline of its glyphs of that size
}

// joinScripts moves the attached runs of small groups into the
// neighbouring group they are scripts of. groups are top to bottom, each
// sorted by x; so are the groups it returns.
func joinScripts(groups [][]glyph, sizes []sizeRange) [][]glyph {
	if len(groups) < 2 || !mayHaveScripts(groups, sizes) {
		return groups
	}
	stats := make([]lineStat, len(groups))
	for i, g := range groups {
		stats[i] = statOf(g)
	}
	var moved bool
	for i, g := range groups {
		s := stats[i]
		if s.size == 0 || !smallerThanNeighbour(stats, i) {
			continue
		}
		var keep []glyph
		changed := false
		for _, run := range scriptRuns(g, s.size) {
			if j := baseOf(groups, stats, i, run); j >= 0 {
				groups[j] = append(groups[j][:len(groups[j]):len(groups[j])], run...)
				changed = true
				continue
			}
			keep = append(keep, run...)
		}
		if changed {
			groups[i] = keep
			moved = true
		}
	}
	if !moved {
		return groups
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g) > 0 {
			sortByX(g)
			out = append(out, g)
		}
	}
	return out
}

// A sizeRange is the smallest and the largest font size of a baseline
// group: fmin from +Inf and fmax from 0 over its glyphs' sizes.
type sizeRange struct{ lo, hi float64 }

// mayHaveScripts reports, without allocating, whether any group has
// glyphs small enough and near enough to a neighbour's to be its scripts:
// most pages have none, and joinScripts leaves them alone. sizes are the
// groups' size ranges, which buildLines takes as it finds the groups.
func mayHaveScripts(groups [][]glyph, sizes []sizeRange) bool {
	for i := range groups {
		for j := max(i-2, 0); j <= min(i+2, len(groups)-1); j++ {
			if j == i || sizes[i].lo > scriptSize*sizes[j].hi {
				continue
			}
			// A group's glyphs lie within half a size of its first.
			if math.Abs(groups[i][0].y-groups[j][0].y) <= (scriptRise+0.5)*sizes[j].hi+0.5*sizes[i].hi {
				return true
			}
		}
	}
	return false
}

// smallerThanNeighbour reports whether group i may hold scripts of a
// group within two of it.
func smallerThanNeighbour(stats []lineStat, i int) bool {
	for j := max(i-2, 0); j <= min(i+2, len(stats)-1); j++ {
		if j != i && stats[i].size <= scriptSize*stats[j].size {
			return true
		}
	}
	return false
}

// statOf returns the median size of g's glyphs and the baseline of the
// first glyph of that size.
func statOf(g []glyph) lineStat {
	sizes := make([]float64, 0, 64)
	for i := range g {
		if !isBlank(g[i].s) {
			sizes = append(sizes, g[i].size)
		}
	}
	if len(sizes) == 0 {
		return lineStat{}
	}
	st := lineStat{size: median(sizes)}
	for i := range g {
		if g[i].size == st.size && !isBlank(g[i].s) {
			st.y = g[i].y
			break
		}
	}
	return st
}

// scriptRuns cuts g (sorted by x) at gaps wider than scriptRun sizes.
func scriptRuns(g []glyph, size float64) [][]glyph {
	var runs [][]glyph
	start := 0
	for i := 1; i <= len(g); i++ {
		if i < len(g) && g[i].x-(g[i-1].x+g[i-1].w) <= scriptRun*size {
			continue
		}
		runs = append(runs, g[start:i])
		start = i
	}
	return runs
}

// baseOf returns the index of the group next to group i (within two) of
// which run is a script, or -1. Every glyph of the run must be small.
func baseOf(groups [][]glyph, stats []lineStat, i int, run []glyph) int {
	x0, x1, size := math.Inf(1), math.Inf(-1), 0.0
	for k := range run {
		if isBlank(run[k].s) {
			continue
		}
		x0, x1 = math.Min(x0, run[k].x), math.Max(x1, run[k].x+run[k].w)
		size = math.Max(size, run[k].size)
	}
	if math.IsInf(x0, 1) {
		return -1
	}
	small := stats[i]
	for j := max(i-2, 0); j <= min(i+2, len(groups)-1); j++ {
		b := stats[j]
		if j == i || b.size == 0 || size > scriptSize*b.size {
			continue
		}
		dy := small.y - b.y
		if dy > scriptRise*b.size || dy < -scriptDrop*b.size {
			continue
		}
		if attached(groups[j], x0, x1, b.size) {
			return j
		}
	}
	return -1
}

// attached reports whether a run from x0 to x1 starts where a glyph of
// line ends and overlaps none of its glyphs.
func attached(line []glyph, x0, x1, size float64) bool {
	after := false
	for k := range line {
		g := &line[k]
		if isBlank(g.s) {
			continue
		}
		if math.Min(x1, g.x+g.w)-math.Max(x0, g.x) > 0.15*size {
			return false // over or under a glyph: a limit, an accent
		}
		if d := x0 - (g.x + g.w); d >= -0.15*size && d <= scriptAttach*size {
			after = true
		}
	}
	return after
}
