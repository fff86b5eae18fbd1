package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A span is a run of text in one weight.
type span struct {
	text string
	bold bool
}

// A line is one line of text on a page.
type line struct {
	page    int
	x0, x1  float64 // left and right ends, points
	y       float64 // baseline, points from the bottom
	size    float64 // font size, points
	spans   []span
	firstW  float64 // width of the first word, points
	hasText bool
}

func (l *line) text() string {
	var b strings.Builder
	for _, s := range l.spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// allBold reports whether every letter of the line is bold.
func (l *line) allBold() bool {
	for _, s := range l.spans {
		if !s.bold && strings.TrimSpace(s.text) != "" {
			return false
		}
	}
	return len(l.spans) > 0
}

func (l *line) startsBold() bool {
	for _, s := range l.spans {
		if strings.TrimSpace(s.text) == "" {
			continue
		}
		return s.bold
	}
	return false
}

// buildLines groups the glyphs of one page into lines, top to bottom, each
// read left to right. It relies on positions, not on drawing order.
func buildLines(page int, gs []glyph) []line {
	if len(gs) == 0 {
		return nil
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var groups [][]glyph
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			tol := 0.35 * math.Max(math.Min(gs[i].size, gs[start].size), 1)
			if gs[start].y-gs[i].y <= tol {
				continue
			}
		}
		groups = append(groups, gs[start:i])
		start = i
	}
	var lines []line
	for _, g := range groups {
		if l, ok := makeLine(page, g); ok {
			lines = append(lines, l)
		}
	}
	return lines
}

func makeLine(page int, gs []glyph) (line, bool) {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x < gs[j].x })
	l := line{page: page, y: gs[0].y, x0: math.Inf(1), x1: math.Inf(-1)}
	var sizes []float64
	var b strings.Builder
	bold := false
	flush := func() {
		if b.Len() > 0 {
			l.spans = append(l.spans, span{b.String(), bold})
			b.Reset()
		}
	}
	var prev *glyph
	pendingSpace := false
	inFirstWord := true
	for i := range gs {
		g := &gs[i]
		if strings.TrimSpace(g.s) == "" {
			if prev != nil {
				pendingSpace = true
			}
			continue
		}
		if prev != nil {
			// Overprinted copies (a poor man's bold) are drawn once.
			if g.s == prev.s && math.Abs(g.x-prev.x) < 0.3*math.Max(prev.w, 0.2*g.size) {
				prev.bold = true
				continue
			}
			gap := g.x - (prev.x + prev.w)
			threshold := 0.16 * g.size
			if !prev.known {
				threshold = 0.5 * g.size
			}
			if pendingSpace || gap > threshold {
				if b.Len() > 0 || len(l.spans) > 0 {
					if g.bold != bold {
						flush()
					}
					b.WriteByte(' ')
				}
				inFirstWord = false
			}
		}
		pendingSpace = false
		if g.bold != bold {
			flush()
			bold = g.bold
		}
		b.WriteString(g.s)
		l.x0 = math.Min(l.x0, g.x)
		l.x1 = math.Max(l.x1, g.x+g.w)
		if inFirstWord {
			l.firstW = g.x + g.w - l.x0
		}
		sizes = append(sizes, g.size)
		prev = g
		l.hasText = true
	}
	flush()
	if !l.hasText {
		return l, false
	}
	sort.Float64s(sizes)
	l.size = sizes[len(sizes)/2]
	// Bold that covers only spaces at a boundary is not bold.
	for i := range l.spans {
		if strings.TrimSpace(l.spans[i].text) == "" {
			l.spans[i].bold = false
		}
	}
	return l, true
}

// A paragraph is a block of lines, possibly running over pages.
type paragraph struct {
	spans    []span
	pages    []int
	size     float64
	indented bool // first line indented from the left margin
	lastFull bool // last line reaches the right margin
	heading  bool // every line bold, or a larger font than the body
	lines    int
}

func (p *paragraph) text() string {
	var b strings.Builder
	for _, s := range p.spans {
		b.WriteString(s.text)
	}
	return strings.TrimSpace(b.String())
}

func (p *paragraph) startsBold() bool {
	for _, s := range p.spans {
		if strings.TrimSpace(s.text) == "" {
			continue
		}
		return s.bold
	}
	return false
}

// pageMetrics describes the text block of a page.
type pageMetrics struct {
	left, right float64 // margins of the body text
	spacing     float64 // typical distance between baselines
	bodySize    float64 // typical font size
}

func measure(lines []line) pageMetrics {
	var m pageMetrics
	if len(lines) == 0 {
		return m
	}
	lefts := map[int]int{}
	sizes := map[int]int{}
	var rights, deltas []float64
	for i, l := range lines {
		lefts[int(math.Round(l.x0))] += len(l.text())
		sizes[int(math.Round(l.size*2))] += len(l.text())
		rights = append(rights, l.x1)
		if i > 0 {
			d := lines[i-1].y - l.y
			if d > 0 && math.Abs(lines[i-1].size-l.size) < 0.5 {
				deltas = append(deltas, d)
			}
		}
	}
	m.left = float64(argmax(lefts))
	m.bodySize = float64(argmax(sizes)) / 2
	sort.Float64s(rights)
	m.right = rights[len(rights)*9/10]
	if len(deltas) > 0 {
		sort.Float64s(deltas)
		m.spacing = deltas[len(deltas)/3] // lines inside paragraphs are the closest
	} else {
		m.spacing = 1.2 * m.bodySize
	}
	return m
}

func argmax(m map[int]int) int {
	best, bestN := 0, -1
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

var terminal = ".?!:»\"”)"

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(terminal, r)
}

// paragraphs groups the lines of one page into paragraphs, from vertical
// gaps, indentation, short last lines and changes of font.
func paragraphs(lines []line, m pageMetrics) []paragraph {
	var out []paragraph
	var cur *paragraph
	var prev *line
	width := m.right - m.left
	for i := range lines {
		l := &lines[i]
		brk := cur == nil
		if !brk {
			gap := prev.y - l.y
			switch {
			case gap > 1.45*m.spacing || gap < -0.5*l.size:
				brk = true
			case math.Abs(l.size-prev.size) > 0.15*prev.size:
				brk = true
			case l.allBold() != prev.allBold() && !(l.allBold() && prev.startsBold() && !endsSentence(prev.text())):
				brk = true
			case l.x0 > m.left+0.8*l.size && math.Abs(prev.x0-m.left) < 0.8*l.size && prev.x1 > m.right-0.15*width:
				brk = true // first-line indent
			case endsSentence(prev.text()) && m.right-prev.x1 > l.firstW+0.6*l.size:
				brk = true // the previous line ended short of the margin on purpose
			case l.startsBold() && !prev.allBold() && endsSentence(prev.text()):
				brk = true
			}
		}
		if brk {
			if cur != nil {
				out = append(out, *cur)
			}
			cur = &paragraph{
				pages:    []int{l.page},
				size:     l.size,
				indented: l.x0 > m.left+0.8*l.size,
				heading:  l.allBold() || l.size > m.bodySize*1.15,
			}
			cur.spans = append(cur.spans, l.spans...)
		} else {
			cur.spans = joinSpans(cur.spans, l.spans)
			cur.heading = cur.heading && (l.allBold() || l.size > m.bodySize*1.15)
		}
		cur.lines++
		cur.lastFull = l.x1 > m.right-0.08*width
		prev = l
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// noJoinAfterHyphen lists words after which a line-end hyphen is a
// suspended compound ("arbeids- og velferdsetaten"), not a break.
var noJoinAfterHyphen = map[string]bool{"og": true, "eller": true, "samt": true}

// joinSpans appends the spans of the next line to a paragraph, undoing
// line-end hyphenation: "organisa-" + "sjonen" is "organisasjonen", a soft
// hyphen always joins, "NAV-" + "kontor" keeps its hyphen, and "arbeids-"
// + "og" keeps hyphen and space.
func joinSpans(a, b []span) []span {
	if len(a) == 0 {
		return append(a, b...)
	}
	last := &a[len(a)-1]
	t := strings.TrimRight(last.text, " ")
	nextText := ""
	for _, s := range b {
		nextText += s.text
	}
	nextText = strings.TrimLeft(nextText, " ")
	sep := " "
	switch {
	case strings.HasSuffix(t, "\u00AD"):
		t = strings.TrimSuffix(t, "\u00AD")
		sep = ""
	case strings.HasSuffix(t, "-"):
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t, "-"))
		first, _ := utf8.DecodeRuneInString(nextText)
		word := firstWord(nextText)
		switch {
		case noJoinAfterHyphen[strings.ToLower(word)] || before == ' ' || before == utf8.RuneError:
			sep = " "
		case unicode.IsLower(before) && unicode.IsLower(first):
			t = strings.TrimSuffix(t, "-")
			sep = ""
		default:
			sep = ""
		}
	}
	last.text = t
	out := a
	for i, s := range b {
		if i == 0 {
			s.text = strings.TrimLeft(s.text, " ")
			if sep == "" && s.bold == last.bold {
				last.text += s.text
				continue
			}
			if sep != "" {
				if s.bold == last.bold {
					last.text += sep + s.text
					continue
				}
				last.text += sep
			}
		}
		out = append(out, s)
	}
	return out
}

func firstWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
