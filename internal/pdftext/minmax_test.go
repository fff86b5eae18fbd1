package pdftext

import (
	"math"
	"strings"
	"testing"
)

func TestMinMaxMatchMath(t *testing.T) {
	vals := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.5, -2.25, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8000000000000), math.Float64frombits(0x7FF0000000000001),
	}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := fmin(x, y), math.Min(x, y); math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("fmin(%v, %v) = %v (%#x), math.Min %v (%#x)", x, y, got, math.Float64bits(got), want, math.Float64bits(want))
			}
			if got, want := fmax(x, y), math.Max(x, y); math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("fmax(%v, %v) = %v (%#x), math.Max %v (%#x)", x, y, got, math.Float64bits(got), want, math.Float64bits(want))
			}
		}
	}
}

// TestIsBlank checks isBlank's inline answers against strings.TrimSpace
// for every one-byte string and a few longer ones.
func TestIsBlank(t *testing.T) {
	cases := []string{"", "  ", " a", "\u00a0", "\u2003", "\xff", "ab", "\u0085"}
	for c := 0; c < 256; c++ {
		cases = append(cases, string([]byte{byte(c)}))
	}
	for _, s := range cases {
		if got, want := isBlank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestInRangeKeepsMinMax holds inRange to what buildScanned takes it
// for: when it is true, fmin and fmax leave the ends as they are, bit for
// bit, for every pair of ends and size among the special values.
func TestInRangeKeepsMinMax(t *testing.T) {
	vals := []float64{
		0, math.Copysign(0, -1), 1, -1, 12, 11.955, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0x7FF0000000000001),
	}
	for _, lo := range vals {
		for _, hi := range vals {
			for _, s := range vals {
				if !inRange(lo, hi, s) {
					continue
				}
				if math.Float64bits(fmin(lo, s)) != math.Float64bits(lo) || math.Float64bits(fmax(hi, s)) != math.Float64bits(hi) {
					t.Errorf("inRange(%v, %v, %v), but fmin, fmax give %v, %v", lo, hi, s, fmin(lo, s), fmax(hi, s))
				}
			}
		}
	}
}
