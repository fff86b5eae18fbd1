package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/ntlnav/referat/internal/norsk"
)

// A Token is a word or number in a text.
type Token struct {
	Text  string // NFKC, lower case: "it-utvikling", "3 %", "20%"
	Start int    // byte offset of the token in the text it came from
	End   int    // byte offset just past it
	// Part is true for the parts of a hyphenated compound, which follow
	// the compound itself: "IT-utvikling" gives it-utvikling, then it and
	// utvikling as parts.
	Part bool
}

// Tokens splits text into tokens: runs of letters and digits, with
// hyphenated compounds kept whole and also split into their parts, and
// numbers with a percent sign ("3 %", "20%") as one token. The text is
// NFKC-normalised and lower-cased first; offsets are into text as given,
// so it should be NFKC already (extracted text is).
func Tokens(text string) []Token {
	spans := appendSpans(nil, text)
	if len(spans) == 0 {
		return nil
	}
	out := make([]Token, len(spans))
	for i, sp := range spans {
		out[i] = Token{Text: lower(text[sp.start:sp.end]), Start: sp.start, End: sp.end, Part: sp.part}
	}
	return out
}

// A tokenSpan is where a token stands in a text, before lower-casing.
type tokenSpan struct {
	start, end int
	part       bool
}

// appendSpans appends the tokens of text to dst, as Tokens finds them:
// each hyphenated compound whole, then its parts.
func appendSpans(dst []tokenSpan, text string) []tokenSpan {
	var partsBuf [8][2]int
	i := 0
	for i < len(text) {
		// Skip to the next word character.
		if c := text[i]; c < utf8.RuneSelf {
			if !byteWord[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += n
			continue
		}
		start := i
		parts := partsBuf[:0]
		partStart := i
		for i < len(text) {
			if i = asciiWordEnd(text, i); i == len(text) {
				break
			}
			r, n := decodeRune(text, i)
			if isWordRune(r) {
				i += n
				continue
			}
			// A hyphen (or a decimal comma or point) between word characters
			// joins; "arbeids- og" does not.
			if (r == '-' || (r == ',' || r == '.') && isDigitBefore(text, i)) && i+n < len(text) {
				next, _ := decodeRune(text, i+n)
				if isWordRune(next) && (r == '-' || unicode.IsDigit(next)) {
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
		// "3 %" and "20%": the percent sign belongs to the number (a
		// token that opens with an ASCII letter is none: spared isNumber).
		if c := text[start]; (c >= utf8.RuneSelf || '0' <= c && c <= '9') && isNumber(text[start:end]) {
			j := end
			if j < len(text) && text[j] == ' ' {
				j++
			}
			if j < len(text) && text[j] == '%' {
				end = j + 1
				i = end
			}
		}
		dst = append(dst, tokenSpan{start: start, end: end})
		if len(parts) > 0 {
			parts = append(parts, [2]int{partStart, end})
			for _, p := range parts {
				if p[1] > p[0] {
					dst = append(dst, tokenSpan{start: p[0], end: p[1], part: true})
				}
			}
		}
	}
	return dst
}

// asciiWordEnd returns where the run of ASCII letters and digits at s[i:]
// ends: a loop of its own, which keeps its two values in registers.
func asciiWordEnd(s string, i int) int {
	for i < len(s) && byteWord[s[i]] {
		i++
	}
	return i
}

// byteWord tells the ASCII letters and digits among all bytes (those of
// 0x80 and up are none): indexed by a byte, it needs no bounds check.
var byteWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// decodeRune is utf8.DecodeRuneInString(s[i:]), quicker for ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigitBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsDigit(r)
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return s != ""
}

func lower(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// A Span is a sentence: byte offsets into a text.
type Span = norsk.Span

// Sentences splits text into sentences. A sentence ends at ".", "?" or
// "!" (and any closing quote or parenthesis after it) followed by space
// and a capital letter, a digit, "«" or "(", except after a Norwegian
// abbreviation (bl.a., f.eks., ca., etc., mv., jf., nr., kl., dvs., evt.,
// ift., pga. …) or a single letter, and a paragraph break always ends one.
// Ordinal dates ("1. oktober") do not end sentences: a lower-case word
// follows. Spans exclude surrounding white space.
func Sentences(text string) []Span { return norsk.Sentences(text) }
