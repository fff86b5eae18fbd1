package analyze

import (
	"math/rand"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokensBefore is Tokens as it was before its scanner was made quicker
// for ASCII: the reference TestTokensAsBefore holds it to.
func tokensBefore(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRuneBefore(r) {
			i += n
			continue
		}
		start := i
		var parts [][2]int
		partStart := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRuneBefore(r) {
				i += n
				continue
			}
			// A hyphen (or a decimal comma or point) between word characters
			// joins; "arbeids- og" does not.
			if (r == '-' || (r == ',' || r == '.') && isDigitBefore(text, i)) && i+n < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWordRuneBefore(next) && (r == '-' || unicode.IsDigit(next)) {
					if r == '-' {
						parts = append(parts, [2]int{partStart, i})
						partStart = i + n
					}
					i += n
					continue
				}
			}
			break
		}
		end := i
		// "3 %" and "20%": the percent sign belongs to the number.
		if isNumber(text[start:end]) {
			j := end
			if j < len(text) && text[j] == ' ' {
				j++
			}
			if j < len(text) && text[j] == '%' {
				end = j + 1
				i = end
			}
		}
		out = append(out, Token{Text: lower(text[start:end]), Start: start, End: end})
		if len(parts) > 0 {
			parts = append(parts, [2]int{partStart, end})
			for _, p := range parts {
				if p[1] > p[0] {
					out = append(out, Token{Text: lower(text[p[0]:p[1]]), Start: p[0], End: p[1], Part: true})
				}
			}
		}
	}
	return out
}

func isWordRuneBefore(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// TestTokensAsBefore checks Tokens against tokensBefore on the annotated
// texts and on random strings of the characters that matter to it.
func TestTokensAsBefore(t *testing.T) {
	texts := goldTexts(t)
	rng := rand.New(rand.NewSource(2))
	pieces := []string{"a", "B", "ø", "Æ", "1", "9", "-", ",", ".", " ", "%", "\n", "ﬁ", "½", "٣", "\xff", "«", "—", "é", "e\u0301"}
	texts = append(texts, randomTexts(rng, pieces, 100000, 14)...)
	for _, s := range texts {
		if got, want := Tokens(s), tokensBefore(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokens(%q) =\n%v\nwant\n%v", s, got, want)
		}
	}

}
