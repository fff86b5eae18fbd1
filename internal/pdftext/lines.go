package pdftext

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Span is a run of text in one weight.
type Span struct {
	Text string
	Bold bool
}

// A Line is one line of text on a page: glyphs that share a baseline, read
// left to right, with the spaces between words restored.
type Line struct {
	Page       int     // 1-indexed page
	X0, X1     float64 // left and right ends, points
	Y          float64 // baseline, points from the bottom of the page
	Size       float64 // font size (the median of its glyphs), points
	Spans      []Span  // the text, in runs of one weight; never empty
	FirstWidth float64 // width of the first word, points
}

// Text returns the line's text.
func (l *Line) Text() string {
	if len(l.Spans) == 1 {
		return l.Spans[0].Text
	}
	n := 0
	for _, s := range l.Spans {
		n += len(s.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range l.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// AllBold reports whether every letter of the line is bold.
func (l *Line) AllBold() bool {
	for _, s := range l.Spans {
		if !s.Bold && strings.TrimSpace(s.Text) != "" {
			return false
		}
	}
	return len(l.Spans) > 0
}

// StartsBold reports whether the line's first non-blank span is bold.
func (l *Line) StartsBold() bool {
	for _, s := range l.Spans {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		return s.Bold
	}
	return false
}

// Cells of a table row are set apart by a gap wider than any word space;
// the line gives them separated by CellSeparator.
const (
	CellGap       = 2.5 // font sizes
	CellSeparator = " | "
)

// buildLines groups the glyphs of one page into lines, top to bottom, each
// read left to right; on a page set in columns, column by column (see
// readingOrder). It relies on positions, not on drawing order.
func buildLines(page int, gs []glyph, box [4]float64) []Line {
	return buildScanned(page, gs, box, glyphScan{rotated: isRotated(gs)})
}

// buildScanned is buildLines for glyphs whose scanGlyphs (or isRotated
// alone, sortedDown false) is sc.
func buildScanned(page int, gs []glyph, box [4]float64, sc glyphScan) []Line {
	if len(gs) == 0 {
		return nil
	}
	// Rotated runs are read in their own frame, after the upright text.
	if sc.rotated {
		var byRot [4][]glyph
		for _, g := range gs {
			byRot[g.rot%4] = append(byRot[g.rot%4], g)
		}
		var lines []Line
		for r := range byRot {
			for i := range byRot[r] {
				byRot[r][i].x, byRot[r][i].y = unrotate(byRot[r][i].x, byRot[r][i].y, r, box)
				byRot[r][i].rot = 0
			}
			lines = append(lines, buildLines(page, byRot[r], box)...)
		}
		return lines
	}
	if !sc.sortedDown {
		sortByYDown(gs)
	}
	// The baseline groups and their sizes in buffers kept for the next
	// page: nothing points into them once the lines are made.
	groups := groupBufs.get(64)
	sizes := sizeBufs.get(64) // of each group, for joinScripts
	defer func() { putGroups(groups, sizes) }()
	start := 0
	lo, hi := math.Inf(1), 0.0
	for i := 1; i <= len(gs); i++ {
		if s := gs[i-1].size; !inRange(lo, hi, s) {
			lo, hi = fmin(lo, s), fmax(hi, s)
		}
		if i < len(gs) {
			if sameBaseline(&gs[start], &gs[i-1], &gs[i]) {
				continue
			}
		}
		groups = append(groups, gs[start:i])
		sizes = append(sizes, sizeRange{lo, hi})
		lo, hi = math.Inf(1), 0.0
		start = i
	}
	for _, g := range groups {
		sortByX(g)
	}
	lineGroups, lineSizes := splitOverlaps(groups, sizes) // overlap.go
	lineGroups = joinScripts(lineGroups, lineSizes)       // scripts.go
	if ordered := readingOrder(lineGroups); ordered != nil {
		lineGroups = ordered
	}
	lines := make([]Line, 0, len(lineGroups))
	var lb lineBuilder
	for _, g := range lineGroups {
		if l, ok := lb.makeLine(page, g); ok {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return lines
}

// inRange reports whether s is equal to both lo and hi and not zero, so
// that fmin(lo, s) is lo and fmax(hi, s) is hi, bit for bit
// (TestInRangeKeepsMinMax): the usual glyph, in the size of the glyphs
// before it, for which fmin and fmax would take their slow path.
func inRange(lo, hi, s float64) bool { return s == lo && s == hi && s != 0 }

// Buffers of buildScanned's baseline groups and their sizes.
var (
	groupBufs = newFreeList[[]glyph](4, 4<<10, 64<<10)
	sizeBufs  = newFreeList[sizeRange](4, 4<<10, 64<<10)
)

// putGroups gives back buildScanned's buffers, the groups cleared so
// that a kept buffer holds no page's glyphs.
func putGroups(groups [][]glyph, sizes []sizeRange) {
	clear(groups)
	groupBufs.put(groups)
	sizeBufs.put(sizes)
}

// sameBaseline reports whether g, below prev in a group that starts at
// first (sorted from the top), stands on the group's baseline: within 0.35
// font sizes of the glyph above it and half a font size of the group's
// top (poppler's maxIntraLineDelta). Marks and shaped glyphs of Arabic
// stand a little above or below the line, and a group is held together by
// those between.
func sameBaseline(first, prev, g *glyph) bool {
	if prev.y-g.y > 0.35*max(min(g.size, prev.size), 1) {
		return false
	}
	return first.y-g.y <= 0.5*max(min(g.size, first.size), 1)
}

// isRotated reports whether any glyph of gs runs other than left to right.
func isRotated(gs []glyph) bool {
	for i := range gs {
		if gs[i].rot != 0 {
			return true
		}
	}
	return false
}

// byYDown and byX order glyphs top to bottom and left to right, for the
// stable sorts of buildLines and makeLine.
func byYDown(a, b glyph) int { return before(b.y, a.y) }

func byX(a, b glyph) int { return before(a.x, b.x) }

// before compares keys with < only, as the sort.SliceStable functions
// the comparators replaced did, so that glyphs at NaN stay where they
// were: -1 when a < b, 1 when b < a, else 0.
func before(a, b float64) int {
	switch {
	case a < b:
		return -1
	case b < a:
		return 1
	}
	return 0
}

// sortByYDown and sortByX sort gs stably with byYDown and byX. Glyphs
// are mostly drawn in reading order, so gs is often sorted already; when
// it is, and no key is NaN (with which the sort's comparisons are not an
// order, and it might move glyphs anyway), it is left as it is, which is
// what the sort would leave.
func sortByYDown(gs []glyph) {
	for i := range gs {
		if y := gs[i].y; y != y || i > 0 && y > gs[i-1].y {
			sortGlyphs(gs, true)
			return
		}
	}
}

func sortByX(gs []glyph) {
	for i := range gs {
		if x := gs[i].x; x != x || i > 0 && x < gs[i-1].x {
			sortGlyphs(gs, false)
			return
		}
	}
}

// runSortMin is the number of glyphs from which sortGlyphs sorts runs
// rather than glyphs.
const runSortMin = 24

// A glyphRun is a run of consecutive glyphs gs[start:end] with the same
// sort key k (y or x).
type glyphRun struct {
	k          float64
	start, end int32
}

func runsYDown(a, b glyphRun) int { return before(b.k, a.k) }

func runsX(a, b glyphRun) int { return before(a.k, b.k) }

// sortGlyphs sorts gs stably by y from the top (down) or by x. Glyphs
// come in runs of one key (a line's glyphs share their y), so many
// glyphs without a NaN key are sorted as runs: a stable sort of the runs
// by key orders their glyphs as the stable sort of the glyphs does, the
// glyphs of equal keys in their order before. Each glyph then moves once,
// instead of the stable sort's O(n log n) moves of whole glyphs (each a
// write barrier while a collection runs). TestSortsMatchSliceStable
// holds it to sort.SliceStable.
func sortGlyphs(gs []glyph, down bool) {
	cmp, cmpRuns := byX, runsX
	if down {
		cmp, cmpRuns = byYDown, runsYDown
	}
	if len(gs) < runSortMin || len(gs) > math.MaxInt32 {
		slices.SortStableFunc(gs, cmp)
		return
	}
	key := func(g *glyph) float64 {
		if down {
			return g.y
		}
		return g.x
	}
	runs := runBufs.get(64)
	defer func() { runBufs.put(runs) }()
	for i := 0; i < len(gs); {
		k := key(&gs[i])
		if k != k {
			slices.SortStableFunc(gs, cmp)
			return
		}
		j := i + 1
		for j < len(gs) && key(&gs[j]) == k {
			j++
		}
		runs = append(runs, glyphRun{k, int32(i), int32(j)})
		i = j
	}
	slices.SortStableFunc(runs, cmpRuns)
	from := fromBufs.get(len(gs)) // position p takes glyph from[p]
	for _, r := range runs {
		for i := r.start; i < r.end; i++ {
			from = append(from, i)
		}
	}
	permute(gs, from)
	fromBufs.put(from)
}

// Buffers of sortGlyphs, reused from sort to sort (see reuse.go).
var (
	runBufs  = newFreeList[glyphRun](4, 4<<10, 64<<10)
	fromBufs = newFreeList[int32](4, 16<<10, 256<<10)
)

// permute moves glyph from[p] to position p, each glyph once, following
// each cycle of the permutation; it marks a position done by from[p] = p.
func permute(gs []glyph, from []int32) {
	for start := range from {
		if int(from[start]) == start {
			continue
		}
		held := gs[start]
		p := start
		for {
			f := int(from[p])
			from[p] = int32(p)
			if f == start {
				gs[p] = held
				break
			}
			gs[p] = gs[f]
			p = f
		}
	}
}

// A lineBuilder makes the lines of one page, reusing its buffers from
// line to line: the text of a line is built in one buffer and becomes
// one string, of which the spans are parts.
type lineBuilder struct {
	text  []byte
	cuts  []spanCut
	sizes []float64
	// letterSpacing's buffers (letterspace.go)
	join    []bool
	segIdx  []int
	segGaps []float64
	segs    []segment
	sorted  []float64
	ms      []float64
	// the letter spacing of the line made last, and its glyphs' size;
	// hint is 0 when it was not letter-spaced
	hint, hintSize float64
}

// A spanCut is where a span ends in the line's text, and its weight.
type spanCut struct {
	end  int
	bold bool
}

// flush ends the span being built, if it has text.
func (lb *lineBuilder) flush(start *int, bold bool) {
	if len(lb.text) > *start {
		lb.cuts = append(lb.cuts, spanCut{len(lb.text), bold})
		*start = len(lb.text)
	}
}

// makeLine builds the line of the glyphs gs, which share a baseline.
func (lb *lineBuilder) makeLine(page int, gs []glyph) (Line, bool) {
	sortByX(gs)
	accents, rtl := false, false
	for i := range gs {
		// Text that starts with a byte below 0xC4 other than these is
		// neither (see mayBeAccent and isRTLStart): most glyphs.
		if s := gs[i].s; s != "" && plainStart[s[0]] {
			continue
		}
		accents = accents || mayBeAccent(gs[i].s)
		rtl = rtl || isRTLStart(gs[i].s)
	}
	if accents {
		gs = attachAccents(gs) // accents.go
	}
	if rtl {
		return makeBidiLine(page, gs) // bidi.go
	}
	l := Line{Page: page, Y: gs[0].y, X0: math.Inf(1), X1: math.Inf(-1)}
	lb.text, lb.cuts, lb.sizes = lb.text[:0], lb.cuts[:0], lb.sizes[:0]
	// The sizes of the glyphs taken, for the median: while they are all
	// alike (the usual line) only counted, and collected from the first
	// that differs on, the count of the first size included.
	var firstSize float64
	nSizes, alike := 0, true
	spanStart := 0 // where the span being built starts in lb.text
	bold := false
	join := lb.letterSpacing(gs) // letterspace.go
	var prev *glyph
	pendingSpace := false
	inFirstWord := true
	hasText := false
	for i := range gs {
		g := &gs[i]
		if isBlank(g.s) {
			if prev != nil {
				pendingSpace = true
			}
			continue
		}
		if prev != nil {
			// Overprinted copies (a poor man's bold) are drawn once.
			if overprints(prev, g) {
				prev.bold = true
				continue
			}
			gap := gapOf(prev, g)
			if wordBreak(prev, g, gap, pendingSpace) && (join == nil || !join[i]) {
				if len(lb.text) > 0 {
					if g.bold != bold {
						lb.flush(&spanStart, bold)
					}
					if gap > CellGap*g.size {
						lb.text = append(lb.text, CellSeparator...)
					} else {
						lb.text = append(lb.text, ' ')
					}
				}
				inFirstWord = false
			}
		}
		pendingSpace = false
		if g.bold != bold {
			lb.flush(&spanStart, bold)
			bold = g.bold
		}
		if len(g.s) == 1 {
			lb.text = append(lb.text, g.s[0])
		} else {
			lb.text = append(lb.text, g.s...)
		}
		l.X0 = fmin(l.X0, g.x)
		l.X1 = fmax(l.X1, g.x+g.w)
		if inFirstWord {
			l.FirstWidth = g.x + g.w - l.X0
		}
		switch {
		case nSizes == 0:
			firstSize = g.size
		case alike && math.Float64bits(g.size) != math.Float64bits(firstSize):
			alike = false
			for range nSizes {
				lb.sizes = append(lb.sizes, firstSize)
			}
		}
		if !alike {
			lb.sizes = append(lb.sizes, g.size)
		}
		nSizes++
		prev = g
		hasText = true
	}
	lb.flush(&spanStart, bold)
	if !hasText {
		return l, false
	}
	l.Size = firstSize // median's answer for sizes all alike
	if !alike {
		l.Size = median(lb.sizes)
	}
	text := string(lb.text)
	l.Spans = make([]Span, len(lb.cuts))
	start := 0
	for i, c := range lb.cuts {
		l.Spans[i] = Span{Text: text[start:c.end], Bold: c.bold}
		// Bold that covers only spaces at a boundary is not bold.
		if isBlank(l.Spans[i].Text) {
			l.Spans[i].Bold = false
		}
		start = c.end
	}
	return l, true
}

// overprints reports whether g, drawn after prev on the line, is a copy
// of it drawn over it (a poor man's bold): the same text, moved less
// than 0.3 of its width.
func overprints(prev, g *glyph) bool {
	return math.Abs(g.x-prev.x) < 0.3*fmax(prev.w, 0.2*g.size) && g.s == prev.s
}

// plainStart holds the first bytes of glyph text that is neither an
// accent nor right-to-left: those below 0xC4 but ` ^ ~ and the space.
var plainStart = func() (t [256]bool) {
	for c := range 0xC4 {
		t[c] = c != '`' && c != '^' && c != '~' && c != ' '
	}
	return t
}()

// Word breaks follow the drawn gap between glyphs, as poppler's
// TextOutputDev (pdftotext) decides them: a glyph's extent is its advance
// without Tc and Tw, so the gap counts character and word spacing and TJ
// offsets. A space glyph is a break unless the next glyph is drawn almost
// against the previous one: justified text squeezes a space with a
// negative Tw or Tc until it is no space at all ("comp o nent" drawn as
// "component"; poppler: a space ends a word, and words closer than 0.03
// em are joined without a space). Without a space glyph, a gap wider than
// 0.16 em is a break (TJ kerning, words placed by Td): poppler takes 0.1,
// which splits LibreOffice's justified lines before the hyphen of a word
// broken at the line end ("budsjett -").
const (
	spaceGap = 0.03 // font sizes: a space glyph leaving a smaller gap is no break
	wordGap  = 0.16 // font sizes: a wider gap without a space glyph is a break
	// guessGap replaces wordGap when the previous glyph's width is a
	// guess (a font without widths): then a space glyph always breaks.
	guessGap = 0.5
)

// gapOf is the drawn gap between p and the glyph g after it.
func gapOf(p, g *glyph) float64 { return g.x - (p.x + p.w) }

// wordBreak reports whether a word ends between prev and g, gap apart,
// with a space glyph between them when spaced.
func wordBreak(prev, g *glyph, gap float64, spaced bool) bool {
	if !prev.known {
		return spaced || gap > guessGap*g.size
	}
	if spaced {
		return gap >= spaceGap*fmin(prev.size, g.size)
	}
	return gap > wordGap*g.size
}

// isBlank reports whether s is empty or white space only
// (strings.TrimSpace(s) == ""); the usual glyph, one printable ASCII
// byte or a space, is answered inline.
func isBlank(s string) bool {
	if len(s) == 1 && s[0]-' ' < utf8.RuneSelf-' ' { // ' ' to '\x7f'
		return s[0] == ' '
	}
	return isBlankSlow(s)
}

func isBlankSlow(s string) bool {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		c := s[0]
		return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
	}
	return strings.TrimSpace(s) == ""
}

// unrotate maps a point of text whose baseline runs r quarter turns
// counterclockwise into the frame where it runs left to right: for a page
// turned by /Rotate, the page's own unrotated space, whose crop box is
// box.
func unrotate(x, y float64, r int, box [4]float64) (float64, float64) {
	w, h := box[2]-box[0], box[3]-box[1]
	switch r {
	case 1:
		return y, h - x
	case 2:
		return w - x, h - y
	case 3:
		return w - y, x
	}
	return x, y
}
