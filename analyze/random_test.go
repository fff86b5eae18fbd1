package analyze

import (
	"math/rand"
	"strings"
)

// randomTexts returns n texts of 1 to most pieces each, drawn by rng: the
// inputs on which the tests hold a quick path to its reference.
func randomTexts(rng *rand.Rand, pieces []string, n, most int) []string {
	texts := make([]string, 0, n)
	for ; n > 0; n-- {
		var b strings.Builder
		for k := rng.Intn(most); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}
