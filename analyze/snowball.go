package analyze

import (
	"strings"
	"unicode/utf8"
)

// snowballStem is norwegian.Stem(w, true) of github.com/kljensen/snowball
// (v0.10.0), step for step, on the word's runes in a buffer on the stack:
// the library turns every suffix it tries into a new []rune and the word
// into a heap slice, which made stemming most of the work a new word
// costs. TestSnowballStem holds it to the library on the words of the
// annotated meetings and on random words.
func snowballStem(word string) string {
	word = strings.ToLower(strings.TrimSpace(word))
	if len(word) <= 2 {
		return word
	}
	var buf [48]rune
	rs := buf[:0]
	ascii := true
	for _, r := range word { // a byte that is not UTF-8 is utf8.RuneError, as in []rune(word)
		rs = append(rs, r)
		ascii = ascii && r < utf8.RuneSelf
	}
	w := runeWord{rs: rs, r1: norwegianR1(rs)}
	w.step1()
	w.step2()
	w.step3()
	if ascii && len(w.rs) == len(rs) {
		return word // ASCII, and nothing removed (every step shortens it)
	}
	return string(w.rs)
}

// A runeWord is the library's SnowballWord as the Norwegian stemmer uses
// it: the runes, and where the region R1 begins (never past the end).
type runeWord struct {
	rs []rune
	r1 int
}

// norwegianR1 is where R1 begins: after the first non-vowel that follows
// a vowel, but not before the third rune (when there are three).
func norwegianR1(rs []rune) int {
	r1 := len(rs)
	for j := 1; j < len(rs); j++ {
		if isNorwegianVowel(rs[j-1]) && !isNorwegianVowel(rs[j]) {
			r1 = j + 1
			break
		}
	}
	if r1 < 3 && len(rs) >= 3 {
		r1 = 3
	}
	return r1
}

func isNorwegianVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å':
		return true
	}
	return false
}

// hasSuffix reports whether the word ends with suffix (ASCII), which
// begins at from or later.
func (w *runeWord) hasSuffix(from int, suffix string) bool {
	n := len(suffix)
	if n > len(w.rs)-from {
		return false
	}
	end := len(w.rs)
	for i := 0; i < n; i++ {
		if w.rs[end-n+i] != rune(suffix[i]) {
			return false
		}
	}
	return true
}

// firstSuffix returns the first of suffixes the word ends with, beginning
// at from or later, or "".
func (w *runeWord) firstSuffix(from int, suffixes []string) string {
	for _, s := range suffixes {
		if w.hasSuffix(from, s) {
			return s
		}
	}
	return ""
}

// cut removes the last n runes.
func (w *runeWord) cut(n int) {
	w.rs = w.rs[:len(w.rs)-n]
	w.r1 = min(w.r1, len(w.rs))
}

var (
	step1Suffixes = []string{"hetenes", "hetene", "hetens", "endes", "heter", "heten", "ende",
		"ande", "edes", "enes", "ene", "ane", "ets", "ers", "ede", "ast",
		"ens", "het", "as", "es", "en", "ar", "er", "et", "e", "a", "s"}
	ertSuffixes   = []string{"erte", "ert"}
	dtSuffixes    = []string{"dt", "vt"}
	step3Suffixes = []string{"hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig"}
)

func (w *runeWord) step1() {
	suffix := w.firstSuffix(w.r1, step1Suffixes)
	if suffix == "s" {
		n := len(w.rs)
		if n >= 2 {
			switch w.rs[n-2] {
			case 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'l', 'm', 'n', 'o', 'p', 'r', 't', 'v', 'y', 'z':
				w.cut(1)
			case 'k':
				if !isNorwegianVowel(w.rs[n-3]) {
					w.cut(1)
				}
			}
		}
		return
	}
	w.cut(len(suffix))
	suffix = w.firstSuffix(0, ertSuffixes)
	if suffix == "" || len(suffix) > len(w.rs)-w.r1 {
		return
	}
	// The suffix replaced by "er".
	w.rs = append(w.rs[:len(w.rs)-len(suffix)], 'e', 'r')
	w.r1 = min(w.r1, len(w.rs))
}

func (w *runeWord) step2() {
	suffix := w.firstSuffix(0, dtSuffixes)
	if suffix == "" || len(suffix) > len(w.rs)-w.r1 {
		return
	}
	w.cut(1)
}

func (w *runeWord) step3() {
	suffix := w.firstSuffix(w.r1, step3Suffixes)
	if suffix == "" || len(suffix) > len(w.rs)-w.r1 {
		return
	}
	w.cut(len(suffix))
}
