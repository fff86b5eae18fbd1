package analyze

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/kljensen/snowball/norwegian"
)

// TestSnowballStem holds snowballStem to the library's Norwegian stemmer
// on every word of the annotated meetings and on random words of
// Norwegian letters, the stemmer's suffixes, other letters, digits,
// white space and bytes that are not UTF-8.
func TestSnowballStem(t *testing.T) {
	var words []string
	for _, text := range goldTexts(t) {
		for _, tk := range Tokens(text) {
			words = append(words, tk.Text)
		}
		words = append(words, strings.Fields(text)...)
	}
	pieces := []string{"a", "e", "i", "o", "u", "y", "æ", "ø", "å", "b", "d", "k", "s", "t", "v", "g", "l", "r", "n", "h",
		"het", "ene", "es", "s", "ks", "ert", "erte", "dt", "vt", "lig", "leg", "eig", "lov", "slov", "els", "ig",
		"ande", "ende", "ast", "ar", "er", "et", "É", "Ø", "ß", "\u212a", "1", "-", " ", "\t", "\xff", "\xc3"}
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		words = append(words, b.String())
	}
	words = append(words, strings.Repeat("sykefraværsoppfølgingene", 3), "", "ab", "øs", "abc")
	for _, w := range words {
		if got, want := snowballStem(w), norwegian.Stem(w, true); got != want {
			t.Fatalf("snowballStem(%q) = %q, the library %q", w, got, want)
		}
	}
}
