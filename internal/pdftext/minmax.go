package pdftext

import (
	"math"
	"sort"
)

// fmin and fmax are math.Min and math.Max, special cases and all (an
// infinity wins over NaN, -0 is less than +0, NaN is math.NaN()), in a
// form the compiler inlines: on amd64 the math functions are calls into
// assembly, a visible share of line building, which takes the extent of
// every glyph. The built-in min and max differ from them when one
// argument is NaN and the other an infinity. TestMinMaxMatchMath holds
// them to the math functions, bit for bit.
func fmin(x, y float64) float64 {
	if x < y {
		return x
	}
	if y < x {
		return y
	}
	return minSpecial(x, y)
}

func fmax(x, y float64) float64 {
	if x > y {
		return x
	}
	if y > x {
		return y
	}
	return maxSpecial(x, y)
}

// minSpecial is math.Min of x and y that are equal or not ordered.
func minSpecial(x, y float64) float64 {
	if x == y {
		if x == 0 && math.Signbit(x) {
			return x
		}
		return y
	}
	if math.IsInf(x, -1) || math.IsInf(y, -1) {
		return math.Inf(-1)
	}
	return math.NaN()
}

// maxSpecial is math.Max of x and y that are equal or not ordered.
func maxSpecial(x, y float64) float64 {
	if x == y {
		if x == 0 && math.Signbit(x) {
			return y
		}
		return x
	}
	if math.IsInf(x, 1) || math.IsInf(y, 1) {
		return math.Inf(1)
	}
	return math.NaN()
}

// median returns v[len(v)/2] after sort.Float64s(v), which it leaves
// unsorted when every value is the same (the usual run of glyphs, in one
// font size). v is not empty.
func median(v []float64) float64 {
	first := math.Float64bits(v[0])
	for _, x := range v[1:] {
		if math.Float64bits(x) != first {
			sort.Float64s(v)
			break
		}
	}
	return v[len(v)/2]
}
