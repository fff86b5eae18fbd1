package pdftext

import (
	"math"
	"sort"
)

// Columns of their own. dense (order.go) reads two long columns of
// short entries (an index) column by column when their rows share
// baselines. An index set in two columns often does not: a blank line
// between letter groups, a sub-entry wrapped over two lines, shifts one
// column's rows against the other's, so many rows have an entry on one
// side only, as the empty cells of a table do. What tells the two apart
// is each side taken alone: a column of its own is a block of rows set
// at one line spacing, top to bottom, whether or not the other side has
// a row beside them; the label column of a table (one label over several
// names) has its rows far apart, and a table's rows share baselines.
//
// ownColumns reports whether the fragments left and right of x are each
// such a block: at least denseRows rows (baseline groups) on each side,
// most of them one line apart (the side's median distance from one row
// to the next at most densePitch of its median font size), and left
// aligned: most rows of a side start within ownIndent font sizes of the
// side's leftmost start (an index's sub-entries are indented by one or
// two ems); and at least ownAlone rows of the left side have nothing
// beside them on the right. A table of labels and values fails the last
// test even when its label column is set one line apart (most labels
// with one name, a few with two): a label never stands alone, a value
// often does, and its rows stay rows.
const (
	ownIndent = 3
	ownAlone  = 2
)

func ownColumns(frags []fragment, x float64) bool {
	var left, right []fragment
	for _, f := range frags {
		switch {
		case f.x1 <= x:
			left = append(left, f)
		case f.x0 >= x:
			right = append(right, f)
		}
	}
	if !ownBlock(left) || !ownBlock(right) {
		return false
	}
	beside := make(map[int]bool, len(right))
	for _, f := range right {
		beside[f.group] = true
	}
	alone := 0
	for i, f := range left {
		if (i == 0 || f.group != left[i-1].group) && !beside[f.group] {
			alone++
		}
	}
	return alone >= ownAlone
}

// ownBlock reports whether the fragments of one side (top to bottom)
// form a column of their own (see ownColumns).
func ownBlock(side []fragment) bool {
	if len(side) < denseRows {
		return false
	}
	ys := make([]float64, 0, len(side))
	sizes := make([]float64, 0, len(side))
	x0 := math.Inf(1)
	for i, f := range side {
		if i == 0 || f.group != side[i-1].group {
			ys = append(ys, f.y)
		}
		sizes = append(sizes, f.size)
		x0 = math.Min(x0, f.x0)
	}
	if len(ys) < denseRows {
		return false
	}
	sort.Float64s(sizes)
	size := math.Max(sizes[len(sizes)/2], 1)
	aligned := 0
	for i, f := range side {
		if (i == 0 || f.group != side[i-1].group) && f.x0-x0 <= ownIndent*size {
			aligned++
		}
	}
	if aligned*2 <= len(ys) {
		return false
	}
	pitches := make([]float64, 0, len(ys))
	for i := 1; i < len(ys); i++ {
		pitches = append(pitches, ys[i-1]-ys[i])
	}
	sort.Float64s(pitches)
	return pitches[len(pitches)/2] <= densePitch*size
}
