package main

import (
	"math"
	"strings"
	"unicode"

	"github.com/ntlnav/referat/internal/textsim"
	"golang.org/x/text/unicode/norm"
)

// Words splits text into the normalised words the similarity compares:
//
//   - the text is NFKC-normalised (ligatures unfolded) and lower-cased;
//     bidi embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which
//     pdftotext puts around a run of the other direction with no space
//     ("habibi\u202C\u202Bحبيبي"), separate words, and other format
//     characters (unicode.Cf: bidi marks, soft hyphens, zero-width
//     spaces) are removed; the minus sign and the Unicode hyphens
//     (U+2212, U+2010, U+2011) are "-", as referat reads them by design
//     (pdftotext and mutool keep them: "Bn−1" and "Bn-1" are one word);
//   - a line that ends in a letter and "-" and is followed by a line
//     starting with a lower-case letter is joined without the hyphen
//     (pdftotext keeps line-end hyphens, referat removes them);
//   - words are the runs between white space; punctuation and symbols
//     (unicode.IsPunct, unicode.IsSymbol) at either end of a word are cut
//     off, and what is left empty is dropped;
//   - every Han, Hiragana, Katakana or Hangul character is a word of its
//     own (those scripts do not separate words by spaces).
func Words(text string) []string {
	text = strings.Map(func(r rune) rune {
		switch {
		case r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069':
			return ' ' // pdftotext wraps runs of another direction in embeddings, without spaces
		case unicode.Is(unicode.Cf, r):
			return -1
		case r == '\u2212' || r == '\u2010' || r == '\u2011':
			return '-' // referat reads the minus sign and hyphens as "-" by design
		}
		return r
	}, text)
	text = strings.ToLower(dehyphenate(norm.NFKC.String(text)))
	var out []string
	add := func(w string) {
		if w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }); w != "" {
			out = append(out, w)
		}
	}
	for _, f := range strings.Fields(text) {
		start := 0
		for i, r := range f {
			if isCJK(r) {
				add(f[start:i])
				add(string(r))
				start = i + len(string(r))
			}
		}
		add(f[start:])
	}
	return out
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// dehyphenate joins "organisa-\nsjonen" into "organisasjonen".
func dehyphenate(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		t := strings.TrimRight(l, " \t\r\f")
		if i+1 < len(lines) && len(t) >= 2 && t[len(t)-1] == '-' && unicode.IsLetter(rune(t[len(t)-2])) {
			next := strings.TrimLeft(lines[i+1], " \t\f")
			if next != "" {
				if r := []rune(next)[0]; unicode.IsLower(r) {
					b.WriteString(t[:len(t)-1])
					continue
				}
			}
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// maxCells bounds the work of one LCS: when len(a)*len(b) exceeds it, both
// sequences are cut to prefixes of the same share of their length, so that
// the product fits (a 1300-page book is then compared on its first part).
const maxCells = 1e10

// Similarity is the order-sensitive word-level similarity of ours to
// theirs (the reference, pdftotext's output): the LCS F1
//
//	F1 = 2·LCS(a, b) / (len(a) + len(b))
//
// where a and b are Words(ours) and Words(theirs) and LCS is the length of
// their longest common subsequence of words (precision LCS/len(a) and
// recall LCS/len(b), harmonic mean). It is 1 for the same words in the
// same order; text from two columns interleaved line by line keeps about
// one column in the subsequence and scores about 0.5–0.6 even though every
// word is there, which BagF1 then shows. Both empty gives 1.
func Similarity(ours, theirs []string) float64 {
	if len(ours)+len(theirs) == 0 {
		return 1
	}
	a, b := ours, theirs
	if cells := float64(len(a)) * float64(len(b)); cells > maxCells {
		f := maxCells / cells
		a = a[:int(float64(len(a))*math.Sqrt(f))]
		b = b[:int(float64(len(b))*math.Sqrt(f))]
	}
	return textsim.WordF1(a, b)
}

// BagF1 is the order-blind word-level similarity: the F1 of the multisets
// of words, 2·Σ_w min(count_a(w), count_b(w)) / (len(a) + len(b)). Words
// found but misplaced keep it high; missing or wrong words lower it.
func BagF1(ours, theirs []string) float64 {
	if len(ours)+len(theirs) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range theirs {
		count[w]++
	}
	common := 0
	for _, w := range ours {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ours)+len(theirs))
}
