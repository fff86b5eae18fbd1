package pdftext

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Right-to-left text. A PDF draws glyphs where they stand on the page, so
// a Hebrew or Arabic line read left to right by position comes out
// backwards. Like pdftotext, a line whose strong characters are mostly
// right-to-left is read from right to left, with runs of Latin letters
// and numbers inside it kept in their own order; in a left-to-right line
// each right-to-left run is turned around. The unit is the glyph: its
// text stays as the font maps it, since a glyph that stands for several
// characters (an Arabic ligature, a shaped word) carries them in logical
// order already. golang.org/x/text/unicode/bidi goes the other way
// (logical to visual) and would need the embedding levels we do not have;
// the two rules above are what a line of running text needs.

// A token is one glyph's text or the space between two words, in the
// order drawn from left to right.
type token struct {
	s      string
	bold   bool
	x0, x1 float64
	space  bool // a word space or cell separator
	dir    direction
}

type direction uint8

const (
	neutral direction = iota
	ltr               // a strong left-to-right letter
	rtl               // a strong right-to-left letter
	number            // a digit
)

// isRTLStart reports whether s may start with a right-to-left letter:
// UTF-8 lead bytes of U+0590–U+08FF (Hebrew, Arabic, Syriac, Thaana, NKo,
// Samaritan…) and of the presentation forms U+FB1D–U+FEFC. A cheap test
// that lets left-to-right lines keep the plain path.
func isRTLStart(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c >= 0xD6 && c <= 0xDF || c == 0xE0 && len(s) > 1 && s[1] >= 0xA0 && s[1] <= 0xA3 ||
		c == 0xEF && len(s) > 1 && s[1] >= 0xAC && s[1] <= 0xBB
}

// directionOf is the direction of the first strong character of s, or
// number when its first such character is a digit.
func directionOf(s string) direction {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic):
			if unicode.IsLetter(r) {
				return rtl
			}
		case unicode.IsDigit(r):
			return number
		case unicode.IsLetter(r):
			return ltr
		}
	}
	return neutral
}

// makeBidiLine is makeLine for a line with right-to-left glyphs, sorted
// by x, accents attached (combining marks follow their letter, so a
// letter and its marks are one glyph here).
func makeBidiLine(page int, gs []glyph) (Line, bool) {
	l := Line{Page: page, Y: gs[0].y, X0: math.Inf(1), X1: math.Inf(-1)}
	var toks []token
	var sizes []float64
	var prev *glyph
	pendingSpace := false
	for i := range gs {
		g := &gs[i]
		if strings.TrimSpace(g.s) == "" {
			pendingSpace = pendingSpace || prev != nil
			continue
		}
		if prev != nil {
			if g.s == prev.s && math.Abs(g.x-prev.x) < 0.3*math.Max(prev.w, 0.2*g.size) {
				toks[len(toks)-1].bold = true // an overprinted copy: poor man's bold
				continue
			}
			if gap := g.x - (prev.x + prev.w); wordBreak(prev, g, gap, pendingSpace) {
				sep := " "
				if gap > CellGap*g.size {
					sep = CellSeparator
				}
				toks = append(toks, token{s: sep, space: true, x0: prev.x + prev.w, x1: g.x})
			}
		}
		pendingSpace = false
		toks = append(toks, token{s: g.s, bold: g.bold, x0: g.x, x1: g.x + g.w, dir: directionOf(g.s)})
		l.X0, l.X1 = math.Min(l.X0, g.x), math.Max(l.X1, g.x+g.w)
		sizes = append(sizes, g.size)
		prev = g
	}
	if len(toks) == 0 {
		return l, false
	}
	sort.Float64s(sizes)
	l.Size = sizes[len(sizes)/2]
	toks = logicalOrder(toks)
	l.FirstWidth = firstWordWidth(toks)
	l.Spans = spansOf(toks)
	return l, true
}

// logicalOrder turns tokens drawn left to right into reading order.
func logicalOrder(toks []token) []token {
	var nr, nl int
	for _, t := range toks {
		switch t.dir {
		case rtl:
			nr++
		case ltr:
			nl++
		}
	}
	if nr == 0 {
		return toks
	}
	if nr > nl {
		return reverseRuns(toks, func(d direction) bool { return d == ltr || d == number })
	}
	// A left-to-right line: turn around each right-to-left run, keeping
	// numbers inside it in their order.
	out := make([]token, 0, len(toks))
	for i := 0; i < len(toks); {
		j := runEnd(toks, i, func(d direction) bool { return d == rtl })
		if j == i {
			out = append(out, toks[i])
			i++
			continue
		}
		out = append(out, reverseRuns(toks[i:j], func(d direction) bool { return d == number })...)
		i = j
	}
	return out
}

// runEnd returns the end of the run starting at i of tokens whose
// direction is in, with neutrals and numbers between them (numbers only
// where in admits them or they stand between two such tokens); i when
// toks[i] does not start one.
func runEnd(toks []token, i int, in func(direction) bool) int {
	if !in(toks[i].dir) {
		return i
	}
	end := i + 1
	for j := i + 1; j < len(toks); j++ {
		d := toks[j].dir
		switch {
		case in(d):
			end = j + 1
		case d == neutral || d == number:
			continue
		default:
			return end
		}
	}
	return end
}

// reverseRuns reverses toks, keeping each run of tokens whose direction
// is in (with the neutrals between them) in its order.
func reverseRuns(toks []token, in func(direction) bool) []token {
	var units [][]token
	for i := 0; i < len(toks); {
		j := i + 1
		if in(toks[i].dir) {
			for k := i + 1; k < len(toks); k++ {
				if in(toks[k].dir) {
					j = k + 1
				} else if toks[k].dir != neutral {
					break
				}
			}
		}
		units = append(units, toks[i:j])
		i = j
	}
	out := make([]token, 0, len(toks))
	for u := len(units) - 1; u >= 0; u-- {
		out = append(out, units[u]...)
	}
	return out
}

// firstWordWidth is the width of the first word in reading order.
func firstWordWidth(toks []token) float64 {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, t := range toks {
		if t.space {
			break
		}
		x0, x1 = math.Min(x0, t.x0), math.Max(x1, t.x1)
	}
	return math.Max(x1-x0, 0)
}

// spansOf joins tokens into runs of one weight; a space takes the weight
// of the text before it, and a span of only spaces is not bold.
func spansOf(toks []token) []Span {
	var spans []Span
	var b strings.Builder
	bold := false
	for _, t := range toks {
		if !t.space && t.bold != bold {
			if b.Len() > 0 {
				spans = append(spans, Span{b.String(), bold})
				b.Reset()
			}
			bold = t.bold
		}
		b.WriteString(t.s)
	}
	if b.Len() > 0 {
		spans = append(spans, Span{b.String(), bold})
	}
	for i := range spans {
		if strings.TrimSpace(spans[i].Text) == "" {
			spans[i].Bold = false
		}
	}
	return spans
}
