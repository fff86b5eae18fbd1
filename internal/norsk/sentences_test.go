package norsk

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sentencesBefore is Sentences as it was before its loop was made quicker
// for ASCII: the reference TestSentencesAsBefore holds it to.
func sentencesBefore(text string) []Span {
	var out []Span
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
			out = append(out, Span{s, e})
		}
		start = end
	}
	depth := 0 // inside «…» or (…)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '«', '(':
			depth++
		case '»', ')':
			if depth > 0 {
				depth--
			}
		case '\n':
			if i+1 < len(text) && text[i+1] == '\n' {
				emit(i)
				depth = 0
			}
		case '.', '?', '!':
			end := i + n
			for end < len(text) {
				c, m := utf8.DecodeRuneInString(text[end:])
				if c != '»' && c != ')' && c != '"' && c != '”' {
					break
				}
				if depth > 0 {
					depth--
				}
				end += m
			}
			if depth == 0 && endsHere(text, i, end, r) {
				emit(end)
			}
			i = end
			continue
		}
		i += n
	}
	emit(len(text))
	return out
}

// TestSentencesAsBefore checks Sentences against sentencesBefore on
// random strings of the characters and words that matter to it.
func TestSentencesAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"NTL", " mente", ".", "?", "!", " ", "\n", "\n\n", "«", "»", "(", ")", "\"", "”", "bl.a", "ca", "K",
		" Oslo", " 2", "1", " oktober", "Ærlig", "–", "-", "\xff", "é", "\t", "etc", ".", "\xc2", "\xe2\x80", "\xc2\xab"}
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(16); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := Sentences(s), sentencesBefore(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Sentences(%q) = %v, want %v", s, got, want)
		}
	}
	if got := AppendSentences([]Span{{0, 1}}, "Ja. Nei."); !reflect.DeepEqual(got, []Span{{0, 1}, {0, 3}, {4, 8}}) {
		t.Errorf("AppendSentences = %v", got)
	}
}
