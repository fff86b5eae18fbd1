package pdftext

import (
	"math"
	"math/rand"
	"testing"
	"unicode"
)

// countReadable, the pass scanGlyphs replaced, counts the characters of gs that are text (anything but
// white space and control characters) and those that stand for a glyph
// without Unicode: U+FFFD, and private-use code points, which fonts
// without a Unicode mapping give their glyphs.
func countReadable(gs []glyph) (readable, unreadable int) {
	for _, g := range gs {
		for _, c := range g.s {
			switch {
			case c < 0x80: // most glyphs: no table lookups
				if c > ' ' && c != 0x7F {
					readable++
				}
			case c == '\uFFFD' || isPrivateUse(c):
				unreadable++
			case unicode.IsSpace(c) || unicode.IsControl(c) || unicode.Is(unicode.Cf, c):
			default:
				readable++
			}
		}
	}
	return readable, unreadable
}

// TestScanGlyphsMatches holds scanGlyphs to the passes it replaces:
// countReadable, isRotated and sortByYDown's check, over random pages
// with NaN and signed-zero positions, rotated glyphs and text of every
// kind.
func TestScanGlyphsMatches(t *testing.T) {
	texts := []string{"a", " ", "", "\t", "Å", "\uFFFD", "\uE000", "\U000F0000", "\u200B", "\u00A0", "fi", "\x7F", "\x00", "\xff"}
	ys := []float64{700, 700, 699.5, 650, 0, math.Copysign(0, -1), math.NaN(), math.Inf(1), -10}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 5000; n++ {
		gs := make([]glyph, rng.Intn(40))
		y := 800.0
		for i := range gs {
			if rng.Intn(8) == 0 {
				y = ys[rng.Intn(len(ys))]
			} else if rng.Intn(3) == 0 {
				y -= float64(rng.Intn(20))
			}
			gs[i] = glyph{x: float64(i), y: y, s: texts[rng.Intn(len(texts))]}
			if rng.Intn(30) == 0 {
				gs[i].rot = uint8(rng.Intn(4))
			}
		}
		sc := scanGlyphs(gs)
		r, u := countReadable(gs)
		sorted := true
		for i := range gs {
			if y := gs[i].y; y != y || i > 0 && y > gs[i-1].y {
				sorted = false
				break
			}
		}
		want := glyphScan{readable: r, unreadable: u, rotated: isRotated(gs), sortedDown: sorted}
		if sc != want {
			t.Fatalf("scanGlyphs(%+v) = %+v, the passes give %+v", gs, sc, want)
		}
	}
}
