package pdftext

import (
	"iter"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Letter-spaced text. A heading set with CSS letter-spacing (Chromium's
// print to PDF), Word's expanded character spacing or a PDF's Tc, and
// the keywords and comments of a LaTeX listing stretched to its columns,
// draw every letter of a word apart: "R E F E R A T". The gap between two
// letters then exceeds wordGap and each letter becomes a word; pdftotext
// and MuPDF read such text so too, a reader does not. A person sees the
// even spacing inside a word and the wider one between words.
//
// A line is cut into segments at space glyphs, at gaps wider than
// maxLetterSpacing and where the font size changes. A segment is
// letter-spaced when, among the gaps between two of its letters, there
// are letterMinGaps or more, their median m is wider than wordGap, and
// letterShare of them lie within letterTol of m; and when letters are at
// least half of its glyphs. Its gaps not wider than m+letterTol are then
// letter spacing, not word breaks; a wider gap still breaks (words placed
// apart without a space glyph, as TeX does), and so does a gap beside a
// symbol (= + < $), so that "x = a + b" keeps its spaces. Natural text
// never has most of a segment's letter pairs that far apart, and
// formulas, spaced by math rules, have few letter pairs, mostly inside
// words ("sin", "und"): both read as before. A line's short words ("F R
// A", one gap between letters) and numbers ("2 0 2 4") are letter-spaced
// when every gap of theirs lies within letterTol of the median spacing
// of the line's letter-spaced segments, or, on a line without any, of
// the line read just before it, in the same size (a heading wrapped
// before its year); a row of digits alone ("1 2 3 4") keeps its spaces.
const (
	maxLetterSpacing = 0.6  // font sizes: a wider gap always ends a segment
	letterTol        = 0.12 // font sizes: kerning within letter spacing
	letterShare      = 0.8  // share of the gaps between letters near their median
	letterMinGaps    = 2    // gaps between letters of a letter-spaced segment, at least
)

// letterSpacing reports, for each glyph of gs (one line, sorted by x),
// whether the gap before it, from the previous glyph that is not blank,
// is letter spacing within a letter-spaced word; nil when no gap of the
// line is. The slice is lb's, valid until the next call.
func (lb *lineBuilder) letterSpacing(gs []glyph) []bool {
	hint, hintSize := lb.hint, lb.hintSize
	lb.hint = 0
	// A letter-spaced segment has, most likely, four letters or more in a
	// row evenly apart ("REFE"); prose placed without space glyphs has
	// wide gaps between two letters only at word ends, seldom three in a
	// row. Lines without such a run, on which a letter-spaced line's
	// spacing cannot go on either, are answered in one pass.
	wide, run, letterRun := 0, 0, false
	for st := range drawnSteps(gs) {
		if st.prev < 0 {
			continue
		}
		p, g := &gs[st.prev], &gs[st.i]
		gap := gapOf(p, g)
		switch {
		case st.spaced || !p.known || gap <= wordGap*g.size:
			run = 0
		case gap > maxLetterSpacing*g.size:
			run = 0
			wide++
		default:
			wide++
			if isLetter(p.s) && isLetter(g.s) {
				run++
			} else {
				run = 0
			}
		}
		letterRun = letterRun || run >= 3
	}
	if !letterRun && (hint == 0 || wide == 0) {
		return nil
	}
	join := slices.Grow(lb.join[:0], len(gs))[:len(gs)]
	clear(join)
	lb.join = join
	// The line's segments: their non-blank glyphs (indexes into gs) one
	// after the other in idx, the gaps before each glyph but a segment's
	// first in gaps (in font sizes), and where each segment ends in both.
	idx, gaps, segs := lb.segIdx[:0], lb.segGaps[:0], lb.segs[:0]
	for st := range drawnSteps(gs) {
		if st.prev >= 0 {
			p, g := &gs[st.prev], &gs[st.i]
			gap := gapOf(p, g) / g.size
			if st.spaced || !p.known || gap > maxLetterSpacing || gap < -letterTol || !sameSize(p.size, g.size) {
				segs = append(segs, segment{len(idx), len(gaps)})
			} else {
				gaps = append(gaps, gap)
			}
		}
		idx = append(idx, st.i)
	}
	segs = append(segs, segment{len(idx), len(gaps)})
	lb.segIdx, lb.segGaps, lb.segs = idx, gaps, segs
	// Letter-spaced segments on their own; then, with their spacing,
	// the line's short words.
	ms := lb.ms[:0]
	size := 0.0
	for sx, sg := range lb.segments() {
		if m, ok := lb.spacing(gs, sx, sg); ok && markSegment(gs, sx, sg, m, join) {
			ms = append(ms, m)
			size = gs[sx[0]].size
		}
	}
	lb.ms = ms
	m := hint
	if len(ms) > 0 {
		m = median(ms)
		lb.hint, lb.hintSize = m, size
	} else if hint == 0 {
		return nil
	}
	found := len(ms) > 0
	for sx, sg := range lb.segments() {
		if len(sg) > 0 && !join[sx[1]] && nearCount(sg, m) == len(sg) && (len(ms) > 0 || sameSize(gs[sx[0]].size, hintSize)) {
			found = markSegment(gs, sx, sg, m, join) || found
		}
	}
	if !found {
		return nil
	}
	return join
}

// A step is a glyph of a line that is drawn (not blank, not an
// overprinted copy), i, after the drawn glyph prev (-1 for the first),
// spaced when a blank glyph lies between them.
type step struct {
	prev, i int
	spaced  bool
}

// drawnSteps yields the drawn glyphs of gs in order, as makeLine reads
// them.
func drawnSteps(gs []glyph) iter.Seq[step] {
	return func(yield func(step) bool) {
		prev, spaced := -1, false
		for i := range gs {
			g := &gs[i]
			if isBlank(g.s) {
				spaced = prev >= 0
				continue
			}
			if prev >= 0 && overprints(&gs[prev], g) {
				continue // drawn once
			}
			if !yield(step{prev, i, spaced}) {
				return
			}
			prev, spaced = i, false
		}
	}
}

// A segment is where one ends in lineBuilder.segIdx and segGaps.
type segment struct{ glyph, gap int }

// segments yields the line's segments that letterSpacing cut last: each
// one's glyphs (indexes into the line) and the gaps between them.
func (lb *lineBuilder) segments() iter.Seq2[[]int, []float64] {
	return func(yield func([]int, []float64) bool) {
		from := segment{}
		for _, to := range lb.segs {
			if !yield(lb.segIdx[from.glyph:to.glyph], lb.segGaps[from.gap:to.gap]) {
				return
			}
			from = to
		}
	}
}

// letterCount is how many of the glyphs idx of gs begin with a letter.
func letterCount(gs []glyph, idx []int) int {
	n := 0
	for _, i := range idx {
		if isLetter(gs[i].s) {
			n++
		}
	}
	return n
}

// isLetter reports whether s begins with a letter; ASCII is answered
// inline.
func isLetter(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// nearCount is how many gaps lie within letterTol of m.
func nearCount(gaps []float64, m float64) int {
	n := 0
	for _, g := range gaps {
		if g >= m-letterTol && g <= m+letterTol {
			n++
		}
	}
	return n
}

// spacing returns the letter spacing m of a segment (glyphs idx of gs,
// gaps between them) and whether it is letter-spaced. Only the gaps
// between two letters count, so that a formula's symbols and
// punctuation, spaced as math is, never make a segment letter-spaced
// ("X \\ X = ∅ ∈ T und"): there must be letterMinGaps of them or more,
// their median m wider than wordGap, and letterShare of them within
// letterTol of m; and letters must be at least half of the segment's
// glyphs.
func (lb *lineBuilder) spacing(gs []glyph, idx []int, gaps []float64) (float64, bool) {
	if len(gaps) < letterMinGaps || 2*letterCount(gs, idx) < len(idx) {
		return 0, false
	}
	between, wide := lb.sorted[:0], 0
	for k, g := range gaps {
		if isLetter(gs[idx[k]].s) && isLetter(gs[idx[k+1]].s) {
			between = append(between, g)
			if g > wordGap {
				wide++
			}
		}
	}
	lb.sorted = between
	// The median is wider than wordGap only when at least the upper half
	// is: most segments (a line of prose without space glyphs) are
	// answered without sorting.
	if len(between) < letterMinGaps || wide < len(between)-len(between)/2 {
		return 0, false
	}
	m := median(between) // sorts between
	if m <= wordGap {
		return 0, false
	}
	return m, float64(nearCount(between, m)) >= letterShare*float64(len(between))
}

// markSegment marks as letter spacing the gaps of a letter-spaced
// segment (glyphs idx of gs, gaps[k] before idx[k+1]) not wider than its
// spacing m by more than letterTol, except those beside a symbol (= + <
// $ ©): "x = a + b" keeps its spaces. It reports whether it marked any.
func markSegment(gs []glyph, idx []int, gaps []float64, m float64, join []bool) bool {
	marked := false
	for k, g := range gaps {
		if g <= m+letterTol && !isSymbol(gs[idx[k]].s) && !isSymbol(gs[idx[k+1]].s) {
			join[idx[k+1]] = true
			marked = true
		}
	}
	return marked
}

// isSymbol reports whether s begins with a symbol (Unicode S*).
func isSymbol(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSymbol(r)
}

// sameSize reports whether font sizes a and b are within 1 % of a.
func sameSize(a, b float64) bool {
	d := a - b
	return d <= 0.01*a && -d <= 0.01*a
}
