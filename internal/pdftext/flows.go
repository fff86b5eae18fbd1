package pdftext

import (
	"math"
	"sort"
)

// Boxes of running text. A poster or a slide sets text in boxes side by
// side: a column of running text beside panels that hold columns,
// listings and chart labels of their own. gutter's tests ask whether
// both sides are columns of running text (most lines nearly as wide as
// the side), dense or blocks of one pitch; a side that holds several
// columns of its own is none of these, the page was read across all of
// them line by line, and pdftotext and MuPDF, which build blocks from
// the lines near each other, read box by box.
//
// What such a side still shows is that it is mostly running text: most
// of its glyphs stand in lines of many words, however many columns
// those lines make up. A table's label column, a form's field names, the
// cells of a grid are short; the lines of a paragraph in a cell are long
// only on the side of that cell. flowGutter accepts a clean gutter (a
// band at least flowGap font sizes wide that at most flowCross fragments
// cross: a title over the boxes, a footer, which orderRegion reads apart
// from what is above and below them) when each side has at least
// flowRows rows and at least flowShare of the glyphs of each side stand
// in fragments at least flowLine font sizes wide.
const (
	flowGap   = 0.5
	flowCross = 2
	flowRows  = 5
	flowLine  = 15.0
	flowShare = 2.0 / 3
)

// flowGutter looks for such a gutter in the middle three fifths of the
// region, the widest first; cover is coverOf(frags, x0, n).
func flowGutter(frags []fragment, x0, width, size float64, cover []int) (lo, hi float64, ok bool) {
	type band struct{ lo, n int }
	var bands []band
	for i := int(0.2 * width); i < int(0.8*width); {
		if cover[i] > flowCross {
			i++
			continue
		}
		j := i
		for j < len(cover) && cover[j] <= flowCross {
			j++
		}
		if float64(j-i) >= flowGap*size {
			bands = append(bands, band{i, j - i})
		}
		i = j
	}
	sort.SliceStable(bands, func(a, b int) bool { return bands[a].n > bands[b].n })
	for _, b := range bands {
		mid := x0 + float64(b.lo) + float64(b.n)/2
		if runningText(frags, mid, true) && runningText(frags, mid, false) {
			return mid, mid, true
		}
	}
	return 0, 0, false
}

// runningText reports whether the side of x (left or right) has at
// least flowRows rows and flowShare of its glyphs in fragments at least
// flowLine font sizes wide.
func runningText(frags []fragment, x float64, left bool) bool {
	rows, glyphs, long := 0, 0, 0
	last := -1
	for _, f := range frags {
		if left && f.x1 > x || !left && f.x0 < x {
			continue
		}
		if f.group != last {
			rows++
			last = f.group
		}
		glyphs += len(f.gs)
		if f.x1-f.x0 >= flowLine*math.Max(f.size, 1) {
			long += len(f.gs)
		}
	}
	return rows >= flowRows && float64(long) >= flowShare*float64(glyphs)
}
