package pdftext

import (
	"math"
	"sort"
)

// Reading order. Lines are first grouped by baseline across the whole
// page (buildLines); on a page set in columns that interleaves the
// columns. Like the column finding of poppler's TextOutputDev and the
// recursive XY-cut of document analysis, readingOrder cuts each baseline
// group into fragments at wide gaps, looks for a gutter (a vertical band
// of whitespace that fragments on both sides border and almost none
// cross), and then reads the fragments left of it top to bottom before
// those right of it. Fragments that cross the gutter (a heading over both
// columns, a running head, a footer) cut the region horizontally: what
// is above them is read first, then they, then what is below. Within a
// region without a gutter the fragments of one baseline are one line
// again, so that table rows and single-column pages stay as they were.

// A fragment is a run of glyphs of one baseline group with no wide gap.
type fragment struct {
	group  int // index of the baseline group
	gs     []glyph
	x0, x1 float64
	y      float64
	size   float64
}

// gapFactor is the gap, in font sizes, that separates fragments: wider
// than any justified word space, narrower than a column gutter.
const gapFactor = 0.7

// fragments cuts the baseline groups (each sorted by x) at wide gaps.
func fragments(groups [][]glyph) []fragment {
	var out []fragment
	for gi, g := range groups {
		start := 0
		x1 := math.Inf(-1)
		for i := 0; i <= len(g); i++ {
			if i < len(g) && i > start {
				gap := g[i].x - x1
				if gap <= gapFactor*math.Max(g[i].size, 1) {
					x1 = math.Max(x1, g[i].x+g[i].w)
					continue
				}
			}
			if i > start {
				out = append(out, newFragment(gi, g[start:i]))
			}
			if i < len(g) {
				start = i
				x1 = g[i].x + g[i].w
			}
		}
	}
	return out
}

func newFragment(group int, gs []glyph) fragment {
	f := fragment{group: group, gs: gs, x0: math.Inf(1), x1: math.Inf(-1), y: gs[0].y}
	sizes := make([]float64, 0, 256) // on the stack unless the fragment is longer
	for _, g := range gs {
		if g.s == " " {
			continue
		}
		f.x0 = math.Min(f.x0, g.x)
		f.x1 = math.Max(f.x1, g.x+g.w)
		sizes = append(sizes, g.size)
	}
	if len(sizes) == 0 { // spaces only
		f.x0, f.x1 = gs[0].x, gs[0].x
		f.size = gs[0].size
		return f
	}
	sort.Float64s(sizes)
	f.size = sizes[len(sizes)/2]
	return f
}

// readingOrder returns the baseline groups' glyphs regrouped into lines
// in reading order, or nil when the page has no columns (the groups are
// then already in order).
func readingOrder(groups [][]glyph) [][]glyph {
	frags := fragments(groups)
	var order [][]fragment
	if !orderRegion(frags, 0, &order) {
		return nil
	}
	var out [][]glyph
	for _, region := range order {
		out = append(out, regroup(region)...)
	}
	return out
}

// regroup joins the fragments of one region that share a baseline group
// into one line, top to bottom.
func regroup(region []fragment) [][]glyph {
	byGroup := map[int][]glyph{}
	var ids []int
	for _, f := range region {
		if _, ok := byGroup[f.group]; !ok {
			ids = append(ids, f.group)
		}
		byGroup[f.group] = append(byGroup[f.group], f.gs...)
	}
	sort.Ints(ids) // groups are numbered top to bottom
	out := make([][]glyph, 0, len(ids))
	for _, id := range ids {
		out = append(out, byGroup[id])
	}
	return out
}

// maxDepth bounds the recursion of orderRegion.
const maxDepth = 8

// orderRegion appends the regions of frags in reading order to out and
// reports whether it found any gutter.
func orderRegion(frags []fragment, depth int, out *[][]fragment) bool {
	lo, hi, ok := gutter(frags)
	if !ok || depth >= maxDepth {
		*out = append(*out, frags)
		return false
	}
	var left, right []fragment
	flush := func() {
		if len(left)+len(right) == 0 {
			return
		}
		l, r := left, right
		left, right = nil, nil
		if len(l) > 0 {
			orderRegion(l, depth+1, out)
		}
		if len(r) > 0 {
			orderRegion(r, depth+1, out)
		}
	}
	// frags are top to bottom; a fragment across the gutter closes the
	// band of columns above it.
	for _, f := range sortedTopDown(frags) {
		switch {
		case f.x1 <= lo:
			left = append(left, f)
		case f.x0 >= hi:
			right = append(right, f)
		default:
			flush()
			*out = append(*out, []fragment{f})
		}
	}
	flush()
	return true
}

func sortedTopDown(frags []fragment) []fragment {
	s := append([]fragment(nil), frags...)
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].group != s[j].group {
			return s[i].group < s[j].group
		}
		return s[i].x0 < s[j].x0
	})
	return s
}

// gutter finds the widest vertical band of whitespace in the middle of
// frags that at least three fragments border on each side, each side at
// least a quarter of the region wide, and that at most a tenth of the
// fragments cross. It returns the band's left and right x.
// maxGutterSpan is the widest span of glyphs gutter looks for a column
// gap in, in text space units.
const maxGutterSpan = 1 << 16

func gutter(frags []fragment) (lo, hi float64, ok bool) {
	if len(frags) < 6 {
		return 0, 0, false
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	var sizes []float64
	for _, f := range frags {
		x0, x1 = math.Min(x0, f.x0), math.Max(x1, f.x1)
		sizes = append(sizes, f.size)
	}
	sort.Float64s(sizes)
	size := math.Max(sizes[len(sizes)/2], 1)
	width := x1 - x0
	// A page is at most 14,400 units wide (PDF 32000-1, C.2); glyphs
	// spread far wider (or at infinite or NaN positions, written so by a
	// damaged file) have no column to find, and a cover array as wide
	// would not fit in memory.
	if width < 20*size || !(width <= maxGutterSpan) {
		return 0, 0, false
	}
	n := int(math.Ceil(width))
	cover := make([]int, n+1)
	for _, f := range frags {
		a, b := int(f.x0-x0), int(math.Ceil(f.x1-x0))
		for i := max(a, 0); i < b && i <= n; i++ {
			cover[i]++
		}
	}
	limit := max(1, len(frags)/10)
	best, bestLo := 0, 0
	for i := int(0.2 * width); i < int(0.8*width); {
		if cover[i] > limit {
			i++
			continue
		}
		j := i
		for j < n && cover[j] <= limit {
			j++
		}
		if j-i > best {
			best, bestLo = j-i, i
		}
		i = j
	}
	if float64(best) < 0.8*size {
		return 0, 0, false
	}
	// The band may reach into the longest lines of a column; what does
	// not cross its middle belongs to one side.
	mid := x0 + float64(bestLo) + float64(best)/2
	lo, hi = mid, mid
	var nl, nr int
	lx0, rx1 := math.Inf(1), math.Inf(-1)
	lx1, rx0 := math.Inf(-1), math.Inf(1)
	for _, f := range frags {
		switch {
		case f.x1 <= mid:
			nl++
			lx0, lx1 = math.Min(lx0, f.x0), math.Max(lx1, f.x1)
		case f.x0 >= mid:
			nr++
			rx0, rx1 = math.Min(rx0, f.x0), math.Max(rx1, f.x1)
		}
	}
	if nl < 3 || nr < 3 || lx1-lx0 < 0.25*width || rx1-rx0 < 0.25*width {
		return 0, 0, false
	}
	// Columns of running text are filled: most of their fragments are
	// lines nearly as wide as the column. Cells of a table are not.
	if !filled(frags, lx0, lx1, true) || !filled(frags, rx0, rx1, false) {
		return 0, 0, false
	}
	return lo, hi, true
}

// filled reports whether most fragments on one side of a gutter span at
// least 60% of the column [a, b].
func filled(frags []fragment, a, b float64, left bool) bool {
	var n, wide int
	for _, f := range frags {
		if left && f.x1 > b || !left && f.x0 < a {
			continue
		}
		n++
		if f.x1-f.x0 >= 0.6*(b-a) {
			wide++
		}
	}
	return wide*2 > n
}
