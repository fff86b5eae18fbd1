package pdftext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Accents drawn as glyphs of their own. TeX's OT1 fonts have no å or é:
// \aa and \'e draw a ring or an acute accent glyph over the letter, and
// other producers place a combining mark the same way. As poppler does
// (TextWord::addCombining), a spacing accent or combining mark whose
// middle lies over a letter next to it in the line becomes the combining
// mark after that letter, composed (NFC) where Unicode has the
// precomposed character: "f˚ar" is "får", "kaf´e" is "kafé".

// combiningOf returns the combining mark an accent glyph stands for: its
// text after cleanGlyphText (which turns spacing accents into a space and
// the combining mark, NFKC), a spacing modifier NFKC leaves alone, or
// a combining mark alone.
func combiningOf(s string) (string, bool) {
	switch s {
	case "`":
		return "\u0300", true
	case "^", "ˆ":
		return "\u0302", true
	case "~":
		return "\u0303", true
	case "ˇ":
		return "\u030C", true
	}
	if len(s) > 1 && s[0] == ' ' {
		s = s[1:]
	}
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			return "", false
		}
	}
	return s, s != ""
}

// mayBeAccent is a cheap test for combiningOf: the first byte of an
// accent's text. ASCII and Latin-1 are decided here, inlined in makeLine's
// scan of every glyph.
func mayBeAccent(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < 0xC4 { // ASCII and Latin-1: only these
		return c == '`' || c == '^' || c == '~' || c == ' ' && len(s) > 1
	}
	return mayBeMark(s)
}

// mayBeMark is mayBeAccent beyond Latin-1: spacing modifiers
// (U+02C0–U+02FF), combining marks (U+0300–U+036F) and the marks of
// other scripts.
func mayBeMark(s string) bool {
	if c := s[0]; c >= 0xCB && c <= 0xCD {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Mn, r)
}

// attachAccents joins each accent glyph of a line (sorted by x) to the
// letter under it and drops it.
func attachAccents(gs []glyph) []glyph {
	out := gs[:0]
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if m, ok := combiningOf(g.s); ok {
			mid := g.x + g.w/2
			if n := len(out); n > 0 && isBaseUnder(&out[n-1], mid) {
				out[n-1].s = norm.NFC.String(out[n-1].s + m)
				continue
			}
			if i+1 < len(gs) && isBaseUnder(&gs[i+1], mid) {
				gs[i+1].s = norm.NFC.String(gs[i+1].s + m)
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// isBaseUnder reports whether b is a letter whose advance spans x.
func isBaseUnder(b *glyph, x float64) bool {
	if b.w <= 0 || x < b.x || x > b.x+b.w {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b.s)
	return unicode.IsLetter(r)
}
