package pdftext

import (
	"math"
	"math/rand"
	"testing"
)

// TestNumberMatchesParse holds lexer.number to parseNumber(lexer.word()):
// the same bits and the same end, for numbers written every way (signs,
// points, too many digits, exponents, junk inside, cut off at the end of
// the stream) followed by white space, a delimiter, or anything else.
func TestNumberMatchesParse(t *testing.T) {
	pieces := []string{"0", "1", "7", "9", "12", "250", "000", "123456789", "1234567890123456", ".", "-", "+", "e", "E", "5", "x", " ", "\n", "/", "(", "[", "]", "<", "%", "\x00", "#", "Inf", "NaN", "0x"}
	rng := rand.New(rand.NewSource(1))
	for n := range 200000 {
		b := []byte{"0123456789+-."[rng.Intn(13)]}
		for range rng.Intn(8) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		if n%7 == 0 {
			b = []byte{"0123456789+-."[rng.Intn(13)]} // alone at the end
		}
		ref := lexer{b: b}
		want := parseNumber(ref.word())
		got := lexer{b: b}
		if f := got.number(); math.Float64bits(f) != math.Float64bits(want) || got.pos != ref.pos {
			t.Fatalf("%q: number() = %v at %d, parseNumber(word()) = %v at %d", b, f, got.pos, want, ref.pos)
		}
	}
}
