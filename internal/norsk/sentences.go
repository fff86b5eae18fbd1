package norsk

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Span is a sentence: byte offsets into a text.
type Span struct{ Start, End int }

// abbreviations end with a period inside a sentence.
var abbreviations = map[string]bool{}

func init() {
	for _, a := range strings.Fields("bl.a f.eks ca etc mv m.v jf jfr kl dvs evt ift pga nr st mill mrd kr osv m.m o.l mfl m.fl t.o.m ref iht mht vedr ang bla fig tlf avd adm dir") {
		abbreviations[a] = true
	}
}

// Sentences splits text into sentences. A sentence ends at ".", "?" or
// "!" (and any closing quote or parenthesis after it) followed by space
// and a capital letter, a digit, "«" or "(", except after a Norwegian
// abbreviation (bl.a., f.eks., ca., etc., mv., jf., nr., kl., dvs., evt.,
// ift., pga. …) or a single letter other than the words "i" and "å" (an
// initial), and a paragraph break always ends one.
// Ordinal dates ("1. oktober") do not end sentences: a lower-case word
// follows. Spans exclude surrounding white space.
func Sentences(text string) []Span { return AppendSentences(nil, text) }

// AppendSentences appends the sentences of text to dst, as Sentences
// finds them.
func AppendSentences(dst []Span, text string) []Span {
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			dst = append(dst, Span{s, e})
		}
		start = end
	}
	depth := 0 // inside «…» or (…)
	for i := 0; i < len(text); {
		c := text[i]
		if !sentenceByte[c] {
			// Nothing to do: any other ASCII byte, and the bytes of
			// other runes (in valid UTF-8 never an ASCII byte or 0xC2,
			// which « and » start with).
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			switch r {
			case '«':
				depth++
			case '»':
				if depth > 0 {
					depth--
				}
			}
			i += n
			continue
		}
		switch c {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case '\n':
			if i+1 < len(text) && text[i+1] == '\n' {
				emit(i)
				depth = 0
			}
		case '.', '?', '!':
			end := i + 1
			for end < len(text) {
				q, m := utf8.DecodeRuneInString(text[end:])
				if q != '»' && q != ')' && q != '"' && q != '”' {
					break
				}
				if depth > 0 {
					depth--
				}
				end += m
			}
			if depth == 0 && endsHere(text, i, end, rune(c)) {
				emit(end)
			}
			i = end
			continue
		}
		i++
	}
	emit(len(text))
	return dst
}

// sentenceByte tells the bytes Sentences acts on: ( ) newline . ? ! and
// 0xC2, the first byte of « and ».
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte("()\n.?!\xc2") {
		t[c] = true
	}
	return t
}()

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// endsHere decides whether the mark at i (ending at end) closes a sentence.
func endsHere(text string, i, end int, mark rune) bool {
	if end >= len(text) {
		return true
	}
	if text[end] != ' ' && text[end] != '\n' {
		return false
	}
	rest := strings.TrimLeft(text[end:], " \n")
	next, _ := utf8.DecodeRuneInString(rest)
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '«' || next == '(' || next == '"' || next == '–' || next == '-') {
		return false
	}
	if mark != '.' {
		return true
	}
	// The word before the period.
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) || r == '(' || r == '«' {
			break
		}
		j -= n
	}
	word := strings.ToLower(text[j:i])
	if abbreviations[word] || abbreviations[strings.TrimSuffix(word, ".")] {
		// "ca. 200" and "bl.a. Oslo" go on; an abbreviation can still end a
		// sentence, but then the text does not say so.
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0]) && text[j:i] != "i" && text[j:i] != "å" {
		// An initial: "K. Olsen". The one-letter words "i" and "å" end a
		// sentence as any word does ("Det var direktøren enig i.").
		return false
	}
	return true
}
