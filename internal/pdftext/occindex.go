package pdftext

import "math"

// A glyphGrid finds the letters (glyphs not blank) whose centres may lie
// in a box: their area cut into gridCells × gridCells cells, each
// listing its letters in drawing order (cell k's are
// order[start[k]:start[k+1]]).
type glyphGrid struct {
	x0, y0, cw, ch float64
	start          [gridCells*gridCells + 1]int32
	order          []int32
}

// newGlyphGrid indexes the letters of gs, whose centres are centres: a
// counting sort by cell.
func newGlyphGrid(gs []glyph, centres []point) *glyphGrid {
	x0, y0, x1, y1 := bounds(centres)
	gr := &glyphGrid{x0: x0, y0: y0, cw: max((x1-x0)/gridCells, 1e-9), ch: max((y1-y0)/gridCells, 1e-9)}
	cell := make([]uint8, len(gs)) // of each letter; gridCells² ≤ 256
	var count [gridCells * gridCells]int32
	n := 0
	for i := range gs {
		g := &gs[i]
		if isBlank(g.s) {
			continue
		}
		c, r := cellOf(centres[i].x, centres[i].y, gr.x0, gr.y0, gr.cw, gr.ch)
		cell[i] = uint8(r*gridCells + c)
		count[cell[i]]++
		n++
	}
	for k := range count {
		gr.start[k+1] = gr.start[k] + count[k]
	}
	gr.order = make([]int32, n)
	next := gr.start
	for i := range gs {
		if !isBlank(gs[i].s) {
			k := cell[i]
			gr.order[next[k]] = int32(i)
			next[k]++
		}
	}
	return gr
}

// in returns the letters of cell (c, r).
func (gr *glyphGrid) in(c, r int) []int32 {
	k := r*gridCells + c
	return gr.order[gr.start[k]:gr.start[k+1]]
}

// span returns the cells (columns c0–c1, rows r0–r1) the box meets;
// none (c0 > c1) when it misses the letters' area.
func (gr *glyphGrid) span(x0, y0, x1, y1 float64) (c0, r0, c1, r1 int) {
	if !(x1 >= gr.x0 && y1 >= gr.y0 && x0 <= gr.x0+gridCells*gr.cw && y0 <= gr.y0+gridCells*gr.ch) { // also false for NaN
		return 1, 1, 0, 0
	}
	c0, r0 = cellOf(x0, y0, gr.x0, gr.y0, gr.cw, gr.ch)
	c1, r1 = cellOf(x1, y1, gr.x0, gr.y0, gr.cw, gr.ch)
	return c0, r0, c1, r1
}

// cellOf returns the column and row of the cell holding (x, y) in a
// grid from (x0, y0) of cells cw × ch, clamped to the grid.
func cellOf(x, y, x0, y0, cw, ch float64) (c, r int) {
	fc, fr := math.Floor((x-x0)/cw), math.Floor((y-y0)/ch)
	c, r = 0, 0
	if fc > 0 { // also false for NaN
		c = int(min(fc, gridCells-1))
	}
	if fr > 0 {
		r = int(min(fr, gridCells-1))
	}
	return c, r
}

// An occIndex finds the occluders (paint.go) whose boxes may hold a
// point, so that finding what lies under a letter in the ink of a fill
// (camouflagedBy) does not walk every fill painted before it. The
// glyphs' area is cut into gridCells × gridCells
// cells; an occluder is listed in the cells its box meets, or, when it
// meets more than maxCellsEach of them (a page's background), in big.
// Occluders whose boxes hold no glyph's centre are left out. Every list
// is in painting order.
type occIndex struct {
	x0, y0, cw, ch float64
	cells          [gridCells * gridCells][]int32
	big            []int32
}

const (
	gridCells    = 16
	maxCellsEach = 24
)

// newOccIndex indexes p's occluders over the area of its glyphs' centres.
func newOccIndex(p *pageReader) *occIndex {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range p.glyphs {
		cx, cy := p.glyphs[i].centre()
		x0, y0, x1, y1 = math.Min(x0, cx), math.Min(y0, cy), math.Max(x1, cx), math.Max(y1, cy)
	}
	ix := &occIndex{x0: x0, y0: y0, cw: math.Max((x1-x0)/gridCells, 1e-9), ch: math.Max((y1-y0)/gridCells, 1e-9)}
	for j := range p.occluders {
		o := &p.occluders[j]
		if !(o.x1 >= x0 && o.x0 <= x1 && o.y1 >= y0 && o.y0 <= y1) { // also false for NaN
			continue
		}
		c0, r0 := ix.cell(math.Max(o.x0, x0), math.Max(o.y0, y0))
		c1, r1 := ix.cell(math.Min(o.x1, x1), math.Min(o.y1, y1))
		if (c1-c0+1)*(r1-r0+1) > maxCellsEach {
			ix.big = append(ix.big, int32(j))
			continue
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				ix.cells[r*gridCells+c] = append(ix.cells[r*gridCells+c], int32(j))
			}
		}
	}
	return ix
}

// cell returns the column and row of the cell holding (x, y), clamped
// to the grid.
func (ix *occIndex) cell(x, y float64) (c, r int) {
	return cellOf(x, y, ix.x0, ix.y0, ix.cw, ix.ch)
}

// An occWalk goes through the occluders listed for a point, latest
// first (occIndex.below).
type occWalk struct {
	a, b []int32 // the point's cell's list and the big list
	i, k int     // the next of each to give, -1 when done
}

// below returns a walk over the occluders listed for (x, y) whose number
// is below n.
func (ix *occIndex) below(x, y float64, n int) occWalk {
	c, r := ix.cell(x, y)
	w := occWalk{a: ix.cells[r*gridCells+c], b: ix.big}
	w.i, w.k = len(w.a)-1, len(w.b)-1
	for w.i >= 0 && int(w.a[w.i]) >= n {
		w.i--
	}
	for w.k >= 0 && int(w.b[w.k]) >= n {
		w.k--
	}
	return w
}

// next returns the next occluder of the walk, or -1 at its end.
func (w *occWalk) next() int {
	switch {
	case w.i < 0 && w.k < 0:
		return -1
	case w.k < 0 || w.i >= 0 && w.a[w.i] > w.b[w.k]:
		w.i--
		return int(w.a[w.i+1])
	default:
		w.k--
		return int(w.b[w.k+1])
	}
}
