package pdftext

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestFrameMatchesMul checks that show's shortcuts give the very bits the
// matrix products they replace gave: origin, advance and the frame's
// size, scale and direction, for ordinary matrices and for those with
// negative zeros, infinities and NaNs. NaNs count as equal whatever their
// bits (which operand order decides, and nothing here reads).
func TestFrameMatchesMul(t *testing.T) {
	odd := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e300, -1e-300, math.Inf(1), math.Inf(-1), math.NaN()}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() float64 {
		if r.IntN(4) == 0 {
			return odd[r.IntN(len(odd))]
		}
		return (r.Float64() - 0.5) * 2000
	}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for i := 0; i < 20000; i++ {
		var tm, ctm matrix
		for k := range tm {
			tm[k], ctm[k] = pick(), pick()
		}
		size, th, rise, tx := pick(), pick(), pick(), pick()
		a := matrix{size * th, 0, 0, size, 0, rise}
		trm := a.mul(tm).mul(ctm)
		if x, y := origin(&a, &tm, &ctm); !same(x, trm[4]) || !same(y, trm[5]) {
			t.Fatalf("origin(%v, %v, %v) = %v, %v; mul gives %v, %v", a, tm, ctm, x, y, trm[4], trm[5])
		}
		fr := newFrame(&a, &tm, &ctm)
		if !same(fr.size, math.Hypot(trm[2], trm[3])) || !same(fr.xscale, math.Hypot(trm[0], trm[1])) || fr.rot != quarterTurns(trm[0], trm[1]) {
			t.Fatalf("frame of %v, %v, %v differs from the product's", a, tm, ctm)
		}
		want := matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		got := tm
		got.advance(tx)
		for k := range got {
			if !same(got[k], want[k]) {
				t.Fatalf("advance(%v) of %v = %v; mul gives %v", tx, tm, got, want)
			}
		}
		if fr.fitsTm(&got) {
			// The frame is kept: it must be the one the advanced matrix makes.
			if g := newFrame(&a, &got, &ctm); !same(g.size, fr.size) || !same(g.xscale, fr.xscale) || g.rot != fr.rot {
				t.Fatalf("frame kept after advance(%v) of %v, but it changed", tx, tm)
			}
		}
	}
}

// TestNewGlyphFields guards show, which sets each of glyph's fields in a
// slot that may hold a glyph of an earlier page: a new field must be set
// there too, and this count raised.
func TestNewGlyphFields(t *testing.T) {
	if n := reflect.TypeOf(glyph{}).NumField(); n != 9 {
		t.Fatalf("glyph has %d fields; pageReader.show sets 9", n)
	}
}
