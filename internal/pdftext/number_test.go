package pdftext

import (
	"math"
	"math/rand"
	"strconv"
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

// TestParseNumberMatchesStrconv holds parseNumber's fast path to
// strconv.ParseFloat, bit for bit, on numbers of up to 15 digits with a
// sign and a point anywhere (the seed is fixed, so a failure repeats).
func TestParseNumberMatchesStrconv(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for range 200000 {
		var b []byte
		switch rng.Intn(3) {
		case 0:
			b = append(b, '-')
		case 1:
			b = append(b, '+')
		}
		n := 1 + rng.Intn(15)
		dot := rng.Intn(n + 2) // n+1: no point
		for i := range n {
			if i == dot {
				b = append(b, '.')
			}
			b = append(b, byte('0'+rng.Intn(10)))
		}
		if dot == n {
			b = append(b, '.')
		}
		want, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			t.Fatalf("%q: %v", b, err)
		}
		if got := parseNumber(b); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: parseNumber = %v, strconv = %v", b, got, want)
		}
	}
}
