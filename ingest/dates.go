package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/norsk"
)

// A scanner for the three date forms of DateInText, in place of running
// three regular expressions over a whole page (textDateRE, numDateRE and
// isoDateRE, kept in dates_test.go as the reference; they try every byte,
// this looks only at digits that start a word). It finds what each
// expression's FindStringSubmatchIndex finds: the leftmost match of each,
// with the same groups, under Go's regexp semantics (\b and \d are ASCII,
// \s is [\t\n\f\r ], (?i) folds with unicode.SimpleFold, invalid UTF-8
// reads as U+FFFD). TestDateScanMatchesRegexp and FuzzDateInText hold it
// to the expressions.

// monthNames are norsk.MonthPattern's alternatives, in its order.
var monthNames = strings.Split(norsk.MonthPattern, "|")

// A dateHit is the leftmost match of one form: where it starts, and the
// date it reads (ok false when that is no date, like 31.02.2023).
type dateHit struct {
	at  int // -1: no match
	iso string
	ok  bool
}

// scanDates returns the leftmost match in s of each form: text
// ("14. desember 2023"), numeric ("14.12.2023", "14/12/23") and ISO
// ("2023-12-14").
func scanDates(s string) (text, num, iso dateHit) {
	text, num, iso = dateHit{at: -1}, dateHit{at: -1}, dateHit{at: -1}
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue // each form starts with \b\d
		}
		if text.at < 0 {
			text = textDateAt(s, p)
		}
		if num.at < 0 {
			num = numDateAt(s, p)
		}
		if iso.at < 0 {
			iso = isoDateAt(s, p)
		}
		if text.at >= 0 && num.at >= 0 && iso.at >= 0 {
			break
		}
	}
	return text, num, iso
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte reports whether c is an ASCII word character (regexp's \w);
// a byte of a multi-byte or invalid sequence is not (the rune it belongs
// to is not).
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// digits returns the length of the run of ASCII digits at s[i:].
func digits(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// wordEnd reports whether \b holds at i after a word character.
func wordEnd(s string, i int) bool { return i >= len(s) || !isWordByte(s[i]) }

// spaces returns the length of the run of \s at s[i:].
func spaces(s string, i int) int {
	n := 0
	for i+n < len(s) {
		switch s[i+n] {
		case '\t', '\n', '\f', '\r', ' ':
			n++
			continue
		}
		break
	}
	return n
}

// textDateAt matches textDateRE, `(?i)\b(\d{1,2})\.?\s+(month)\.?\s+(\d{4})\b`,
// at p. A day of three digits or more cannot match: neither \.? nor \s
// takes a digit.
func textDateAt(s string, p int) dateHit {
	nd := digits(s, p)
	if nd > 2 {
		return dateHit{at: -1}
	}
	i := p + nd
	if i < len(s) && s[i] == '.' {
		i++
	}
	n := spaces(s, i)
	if n == 0 {
		return dateHit{at: -1}
	}
	i += n
	for _, name := range monthNames {
		end, ok := foldPrefix(s, i, name)
		if !ok {
			continue
		}
		j := end
		if j < len(s) && s[j] == '.' {
			j++
		}
		n := spaces(s, j)
		if n == 0 {
			continue
		}
		j += n
		if digits(s, j) < 4 || !wordEnd(s, j+4) {
			continue
		}
		d, ok := isoOf(atoi(s[j:j+4]), norsk.Month(strings.ToLower(s[i:end])), atoi(s[p:p+nd]))
		return dateHit{at: p, iso: d, ok: ok}
	}
	return dateHit{at: -1}
}

// foldPrefix reports whether s[i:] starts with name (ASCII letters) under
// simple case folding, and where that prefix ends.
func foldPrefix(s string, i int, name string) (int, bool) {
	for k := 0; k < len(name); k++ {
		if i >= len(s) {
			return 0, false
		}
		c := rune(name[k])
		if b := s[i]; b < utf8.RuneSelf {
			if rune(b) != c && rune(b) != c-'a'+'A' {
				return 0, false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !foldsTo(r, c) {
			return 0, false
		}
		i += w
	}
	return i, true
}

// foldsTo reports whether r is in the simple case-folding orbit of c.
func foldsTo(r, c rune) bool {
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return r == c
}

// numDateAt matches numDateRE, `\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b`,
// at p.
func numDateAt(s string, p int) dateHit {
	nd := digits(s, p)
	if nd > 2 || !dateSep(s, p+nd) {
		return dateHit{at: -1}
	}
	m := p + nd + 1
	nm := digits(s, m)
	if nm == 0 || nm > 2 || !dateSep(s, m+nm) {
		return dateHit{at: -1}
	}
	y := m + nm + 1
	ny := digits(s, y)
	if ny != 4 && ny != 2 || !wordEnd(s, y+ny) {
		return dateHit{at: -1}
	}
	d, ok := isoOf(atoi(s[y:y+ny]), atoi(s[m:m+nm]), atoi(s[p:p+nd]))
	return dateHit{at: p, iso: d, ok: ok}
}

func dateSep(s string, i int) bool { return i < len(s) && (s[i] == '.' || s[i] == '/') }

// isoDateAt matches isoDateRE, `\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`, at p.
func isoDateAt(s string, p int) dateHit {
	if len(s)-p < 10 || !(s[p] == '1' && s[p+1] == '9' || s[p] == '2' && s[p+1] == '0') ||
		digits(s, p) != 4 || s[p+4] != '-' || digits(s, p+5) != 2 || s[p+7] != '-' ||
		digits(s, p+8) != 2 || !wordEnd(s, p+10) {
		return dateHit{at: -1}
	}
	d, ok := isoOf(atoi(s[p:p+4]), atoi(s[p+5:p+7]), atoi(s[p+8:p+10]))
	return dateHit{at: p, iso: d, ok: ok}
}
