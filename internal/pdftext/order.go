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
	return appendFragments(make([]fragment, 0, len(groups)+len(groups)/4), groups)
}

// appendFragments appends the fragments of groups to out.
func appendFragments(out []fragment, groups [][]glyph) []fragment {
	for gi, g := range groups {
		start := 0
		x1 := math.Inf(-1)
		for i := 0; i <= len(g); i++ {
			if i < len(g) && i > start {
				gap := g[i].x - x1
				if gap <= gapFactor*fmax(g[i].size, 1) {
					x1 = fmax(x1, g[i].x+g[i].w)
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
	// The size is the median of the sizes of the glyphs other than
	// spaces; they are usually all alike, and then not collected.
	n, alike, first := 0, true, 0.0
	for i := range gs {
		g := &gs[i]
		if g.s == " " {
			continue
		}
		f.x0 = fmin(f.x0, g.x)
		f.x1 = fmax(f.x1, g.x+g.w)
		if n == 0 {
			first = g.size
		} else if math.Float64bits(g.size) != math.Float64bits(first) {
			alike = false
		}
		n++
	}
	switch {
	case n == 0: // spaces only
		f.x0, f.x1 = gs[0].x, gs[0].x
		f.size = gs[0].size
	case alike:
		f.size = first
	default:
		sizes := make([]float64, 0, n)
		for i := range gs {
			if gs[i].s != " " {
				sizes = append(sizes, gs[i].size)
			}
		}
		f.size = median(sizes)
	}
	return f
}

// readingOrder returns the baseline groups' glyphs regrouped into lines
// in reading order, or nil when the page has no columns (the groups are
// then already in order).
func readingOrder(groups [][]glyph) [][]glyph {
	// The fragments are dead once the lines are regrouped: in a buffer
	// kept for the next page, cleared of this page's glyphs.
	frags := appendFragments(fragBufs.get(len(groups)+len(groups)/4), groups)
	defer func() {
		clear(frags)
		fragBufs.put(frags)
	}()
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
	if depth < maxDepth {
		if bands := splitBands(frags); len(bands) > 1 {
			found := false
			for _, b := range bands {
				found = orderRegion(b, depth+1, out) || found
			}
			return found
		}
	}
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

// bandGap is the blank height, in font sizes, across a whole region
// that splits it into bands read one after the other (the horizontal
// cut of an XY-cut): two tables one above the other, each with columns
// of its own.
const bandGap = 4

// splitBands cuts frags (top to bottom, as fragments and orderRegion
// give them) at each gap between baseline groups higher than bandGap
// font sizes of the larger of the two. Such a gap is cut before any
// gutter is looked for: columns rarely leave a blank that high at the
// same place in each.
func splitBands(frags []fragment) [][]fragment {
	var bands [][]fragment
	start := 0
	for i := 1; i < len(frags); i++ {
		a, b := &frags[i-1], &frags[i]
		if b.group != a.group && a.y-b.y > bandGap*math.Max(math.Max(a.size, b.size), 1) {
			bands = append(bands, frags[start:i])
			start = i
		}
	}
	if start == 0 {
		return nil
	}
	return append(bands, frags[start:])
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

// maxGutterSpan is the widest span of glyphs gutter looks for a column
// gap in, in text space units.
const maxGutterSpan = 1 << 16

// gutter finds the widest vertical band of whitespace in the middle of
// frags that at least three fragments border on each side and that at
// most a tenth of the fragments cross, with filled columns of running
// text on both sides (each at least a quarter of the region wide) or
// dense columns (see dense). It returns the band's left and right x.
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
	if !(width <= maxGutterSpan) {
		return 0, 0, false
	}
	if width < 20*size && len(frags) < 2*denseRows {
		return 0, 0, false // narrower than two columns of running text
	}
	n := int(math.Ceil(width))
	// cover lives until gutter returns (flowGutter only reads it): in a
	// buffer kept for the next region.
	buf := coverBufs.get(n + 2)
	defer func() { coverBufs.put(buf) }()
	buf = append(buf, make([]int, n+2)...) // zeros, appended without allocating when buf has room
	cover := coverInto(buf, frags, x0, n)
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
	// not cross its middle belongs to one side. The middle is that of the
	// widest stretch of the band that the fewest fragments cross, so
	// that the long lines of a column of short ones (an index) do not
	// count as crossing.
	mid := x0 + clearest(cover[bestLo:bestLo+best]) + float64(bestLo)
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
	if nl < 3 || nr < 3 {
		return flowGutter(frags, x0, width, size, cover) // flows.go
	}
	// Columns of running text are wide and filled: most of their
	// fragments are lines nearly as wide as the column. Cells of a table
	// are not, and a table's rows stay lines, unless both sides are
	// long, dense columns (an index, a code table), which poppler
	// (pdftotext) reads column by column, or each side is a column of
	// its own (blocks.go). A code listing's lines do not count against
	// a filled column (listing.go).
	if width >= 20*size && lx1-lx0 >= 0.25*width && rx1-rx0 >= 0.25*width {
		code := listingLines(frags) // listing.go
		if filled(frags, code, lx0, lx1, true) && filled(frags, code, rx0, rx1, false) {
			return lo, hi, true
		}
	}
	if dense(frags, mid) || ownColumns(frags, mid) { // blocks.go
		return lo, hi, true
	}
	return flowGutter(frags, x0, width, size, cover) // flows.go
}

// Dense columns: at least denseRows baseline groups have fragments on
// both sides of the gutter, at most one in denseGaps of the groups with
// a fragment on either side lacks one on the other, and the rows are
// set close, at most densePitch font sizes from baseline to baseline
// (poppler's maxLineSpacingDelta: lines further apart are blocks of
// their own, which pdftotext reads row by row). A table of labels and
// values (an attendance list: one label over several names) has empty
// label cells and stays a table; so does a short one, and a grid of
// cells set wide apart.
const (
	denseRows  = 10
	denseGaps  = 10
	densePitch = 1.5
)

// dense reports whether the fragments left and right of x form dense
// columns.
func dense(frags []fragment, x float64) bool {
	if len(frags) < 2*denseRows {
		return false
	}
	side := map[int]uint8{} // group -> 1 left, 2 right, 3 both
	ys := map[int]float64{} // group -> baseline
	sizes := make([]float64, 0, len(frags))
	for _, f := range frags {
		switch {
		case f.x1 <= x:
			side[f.group] |= 1
		case f.x0 >= x:
			side[f.group] |= 2
		default:
			continue
		}
		ys[f.group] = f.y
		sizes = append(sizes, f.size)
	}
	var both, one int
	groups := make([]int, 0, len(side))
	for g, s := range side {
		if s == 3 {
			both++
		} else {
			one++
		}
		groups = append(groups, g)
	}
	if both < denseRows || one*denseGaps > both+one {
		return false
	}
	sort.Ints(groups)
	pitches := make([]float64, 0, len(groups))
	for i := 1; i < len(groups); i++ {
		pitches = append(pitches, ys[groups[i-1]]-ys[groups[i]])
	}
	sort.Float64s(pitches)
	sort.Float64s(sizes)
	return pitches[len(pitches)/2] <= densePitch*sizes[len(sizes)/2]
}

// coverOf returns how many fragments cover each unit [i, i+1) from x0,
// for i from 0 to n: a fragment from x0+a to x0+b covers a to the
// ceiling of b. Each fragment adds +1 at its start and -1 at its end,
// summed in one pass over the width, instead of a pass over each
// fragment's width (TestCoverOf).
func coverOf(frags []fragment, x0 float64, n int) []int {
	return coverInto(make([]int, n+2), frags, x0, n)
}

// coverInto is coverOf in cover, n+2 zeros.
func coverInto(cover []int, frags []fragment, x0 float64, n int) []int {
	for _, f := range frags {
		a, b := max(int(f.x0-x0), 0), min(int(math.Ceil(f.x1-x0)), n+1)
		if a < b {
			cover[a]++
			cover[b]--
		}
	}
	for i := 1; i <= n; i++ {
		cover[i] += cover[i-1]
	}
	return cover[:n+1]
}

// coverBufs keeps gutter's cover arrays, a few KiB a region, and
// fragBufs readingOrder's fragments.
var (
	coverBufs = newFreeList[int](4, 16<<10, 1<<20)
	fragBufs  = newFreeList[fragment](4, 4<<10, 64<<10)
)

// clearest returns the middle of the longest run of the least value in
// cover.
func clearest(cover []int) float64 {
	least := cover[0]
	for _, c := range cover {
		least = min(least, c)
	}
	bestLo, best := 0, 0
	for i := 0; i < len(cover); {
		if cover[i] != least {
			i++
			continue
		}
		j := i
		for j < len(cover) && cover[j] == least {
			j++
		}
		if j-i > best {
			bestLo, best = i, j-i
		}
		i = j
	}
	return float64(bestLo) + float64(best)/2
}

// filled reports whether most fragments on one side of a gutter span at
// least 60% of the column [a, b], lines of a listing (code, when not nil)
// aside.
//
// A side that holds nothing but a listing (at least minListing lines)
// is filled too: a code block set beside its text on a slide or in a
// paper's column is read as a column of its own, as pdftotext and MuPDF
// read it.
func filled(frags []fragment, code []bool, a, b float64, left bool) bool {
	var n, wide, listing int
	for i, f := range frags {
		if left && f.x1 > b || !left && f.x0 < a {
			continue
		}
		if code != nil && code[i] {
			listing++
			continue
		}
		n++
		if f.x1-f.x0 >= 0.6*(b-a) {
			wide++
		}
	}
	if n == 0 {
		return listing >= minListing
	}
	return wide*2 > n
}

// minListing is the number of lines a listing needs to fill a side of a
// gutter on its own.
const minListing = 3
