package pdftext

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestSortsMatchSliceStable checks that sortByYDown and sortByX, which
// skip sorted input, order glyphs exactly as the sort.SliceStable calls
// they replaced: already sorted runs, ties, signed zeros and NaN
// positions included, on both sides of keySortMin.
func TestSortsMatchSliceStable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		n := r.IntN(60)
		if i%4 == 0 {
			n = r.IntN(600)
		}
		gs := make([]glyph, n)
		for k := range gs {
			gs[k] = glyph{x: float64(r.IntN(20)), y: float64(r.IntN(20)), s: string(rune('a' + k%26)), w: float64(k)}
			if r.IntN(20) == 0 {
				gs[k].x = math.Copysign(0, -1)
			}
			if r.IntN(20) == 0 {
				gs[k].y = math.Copysign(0, -1)
			}
			if r.IntN(5*n+1) == 0 {
				gs[k].x = math.NaN()
			}
			if r.IntN(5*n+1) == 0 {
				gs[k].y = math.NaN()
			}
		}
		if r.IntN(2) == 0 { // often already in order
			sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
		}
		want := slices.Clone(gs)
		sort.SliceStable(want, func(i, j int) bool { return want[i].y > want[j].y })
		got := slices.Clone(gs)
		sortByYDown(got)
		if !sameGlyphs(got, want) {
			t.Fatalf("sortByYDown(%v) = %v, want %v", gs, got, want)
		}
		sort.SliceStable(want, func(i, j int) bool { return want[i].x < want[j].x })
		sortByX(got)
		if !sameGlyphs(got, want) {
			t.Fatalf("sortByX gives %v, want %v", got, want)
		}
	}
}

// sameGlyphs compares glyphs by their unique w, set above.
func sameGlyphs(a, b []glyph) bool {
	return slices.EqualFunc(a, b, func(x, y glyph) bool { return x.w == y.w })
}
