package pdftext

import (
	"math"
	"math/rand"
	"slices"
	"testing"
)

// TestLineSizeIsMedian holds makeLine's Size, counted without collecting
// while the sizes are alike, to the median of every size taken: lines of
// glyphs in sizes drawn from a few (0, -0, NaN among them), each glyph a
// letter well apart from the one before, so that every glyph is taken.
func TestLineSizeIsMedian(t *testing.T) {
	sizes := []float64{12, 12, 12, 11.955, 9, 0, math.Copysign(0, -1), math.NaN(), 14}
	rng := rand.New(rand.NewSource(1))
	var lb lineBuilder
	for range 20000 {
		n := 1 + rng.Intn(12)
		gs := make([]glyph, n)
		var want []float64
		pick := 1 + rng.Intn(len(sizes)) // fewer kinds of size more often
		for i := range gs {
			s := sizes[rng.Intn(pick)]
			gs[i] = glyph{x: float64(20 * i), y: 700, w: 5, size: s, s: "a", known: true}
			want = append(want, s)
		}
		l, ok := lb.makeLine(1, gs)
		if !ok {
			t.Fatalf("no line of %d glyphs", n)
		}
		if m := median(slices.Clone(want)); math.Float64bits(l.Size) != math.Float64bits(m) {
			t.Fatalf("sizes %v: line size %v, median %v", want, l.Size, m)
		}
	}
}
