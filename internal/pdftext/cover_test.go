package pdftext

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCoverOf checks coverOf against counting each fragment's units one
// by one, as gutter did: fragments at the edges, narrower than a unit,
// and reaching past n included.
func TestCoverOf(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for k := 0; k < 2000; k++ {
		x0 := r.Float64()*100 - 50
		n := r.IntN(300)
		frags := make([]fragment, r.IntN(40))
		for i := range frags {
			a := x0 + r.Float64()*float64(n+3)
			frags[i] = fragment{x0: a, x1: a + r.Float64()*float64(n)/2}
			if r.IntN(10) == 0 {
				frags[i].x1 = frags[i].x0
			}
		}
		want := make([]int, n+1)
		for _, f := range frags {
			a, b := int(f.x0-x0), int(math.Ceil(f.x1-x0))
			for i := max(a, 0); i < b && i <= n; i++ {
				want[i]++
			}
		}
		if got := coverOf(frags, x0, n); !slices.Equal(got, want) {
			t.Fatalf("coverOf(%v, %v, %d) = %v, want %v", frags, x0, n, got, want)
		}
	}
}
