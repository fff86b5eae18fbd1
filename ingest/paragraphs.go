package ingest

import (
	"bytes"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/norsk"
	"github.com/ntlnav/referat/internal/pdftext"
)

// A paragraph is a block of lines, possibly running over pages.
type paragraph struct {
	spans    []pdftext.Span
	pages    []int
	size     float64
	indented bool // first line indented from the left margin
	lastFull bool // last line reaches the right margin
	heading  bool // every line bold, or a larger font than the body
	lines    int
}

func (p *paragraph) text() string {
	if len(p.spans) == 1 {
		return strings.TrimSpace(p.spans[0].Text)
	}
	n := 0
	for _, s := range p.spans {
		n += len(s.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range p.spans {
		b.WriteString(s.Text)
	}
	return strings.TrimSpace(b.String())
}

func (p *paragraph) startsBold() bool {
	for _, s := range p.spans {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		return s.Bold
	}
	return false
}

// pageMetrics describes the text block of a page.
type pageMetrics struct {
	left, right float64 // margins of the body text
	spacing     float64 // typical distance between baselines
	bodySize    float64 // typical font size
}

func measure(lines []pdftext.Line) pageMetrics {
	var m pageMetrics
	if len(lines) == 0 {
		return m
	}
	lefts := map[int]int{}
	sizes := map[int]int{}
	var rights, deltas []float64
	for i, l := range lines {
		n := textLen(&l)
		lefts[int(math.Round(l.X0))] += n
		sizes[int(math.Round(l.Size*2))] += n
		rights = append(rights, l.X1)
		if i > 0 {
			d := lines[i-1].Y - l.Y
			if d > 0 && math.Abs(lines[i-1].Size-l.Size) < 0.5 {
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
func paragraphs(lines []pdftext.Line, m pageMetrics) []paragraph {
	var out []paragraph
	var cur *paragraph
	var j spanJoiner // cur's spans
	var prev *pdftext.Line
	prevRow := false // isRow(prev)
	width := m.right - m.left
	for i := range lines {
		l := &lines[i]
		row := isRow(l)
		brk := cur == nil
		if !brk {
			gap := prev.Y - l.Y
			limit := 1.45 * m.spacing
			if l.Size > m.bodySize*1.15 && math.Abs(l.Size-prev.Size) < 0.5 {
				limit = math.Max(limit, 1.8*l.Size) // a heading set on two lines
			}
			switch {
			case gap < -0.5*l.Size:
				brk = newColumnParagraph(prev, l) // the next column, or a line above
			case gap > limit:
				brk = true
			case row || prevRow:
				brk = true // a table row is a paragraph of its own
			case math.Abs(l.Size-prev.Size) > 0.15*prev.Size:
				brk = true
			case l.AllBold() != prev.AllBold() && !(l.AllBold() && prev.StartsBold() && !endsSentence(prev.Text())):
				brk = true
			case l.X0 > m.left+0.8*l.Size && math.Abs(prev.X0-m.left) < 0.8*l.Size && prev.X1 > m.right-0.15*width:
				brk = true // first-line indent
			case endsSentence(prev.Text()) && m.right-prev.X1 > l.FirstWidth+0.6*l.Size:
				brk = true // the previous line ended short of the margin on purpose
			case l.StartsBold() && !prev.AllBold() && endsSentence(prev.Text()):
				brk = true
			}
		}
		if brk {
			if cur != nil {
				cur.spans = j.done()
				out = append(out, *cur)
			}
			cur = &paragraph{
				pages:    []int{l.Page},
				size:     l.Size,
				indented: l.X0 > m.left+0.8*l.Size,
				heading:  l.AllBold() || l.Size > m.bodySize*1.15,
			}
			j.start(nil)
			j.join(l.Spans)
		} else {
			j.join(l.Spans)
			cur.heading = cur.heading && (l.AllBold() || l.Size > m.bodySize*1.15)
		}
		cur.lines++
		cur.lastFull = l.X1 > m.right-0.08*width
		prev, prevRow = l, row
	}
	if cur != nil {
		cur.spans = j.done()
		out = append(out, *cur)
	}
	return out
}

// joinSpans appends the spans of the next line to a paragraph, undoing
// line-end hyphenation: "organisa-" + "sjonen" is "organisasjonen", a soft
// hyphen always joins, "NAV-" + "kontor" keeps its hyphen, and "arbeids-"
// + "og" keeps hyphen and space.
func joinSpans(a, b []pdftext.Span) []pdftext.Span {
	var j spanJoiner
	j.start(a)
	j.join(b)
	return j.done()
}

// A spanJoiner joins the lines of a paragraph as joinSpans does, line by
// line, with the text of the last span in a buffer that grows, instead of
// a string made again for each line (quadratic in a long paragraph).
type spanJoiner struct {
	spans []pdftext.Span // the spans before the last
	last  []byte         // the last span's text, when open
	bold  bool           // the last span's weight
	open  bool           // there is a last span
}

// start begins a paragraph of spans a, whose backing array it may reuse.
func (j *spanJoiner) start(a []pdftext.Span) {
	j.spans, j.last, j.open = a, j.last[:0], false
	if len(a) > 0 {
		j.spans = a[:len(a)-1]
		j.last = append(j.last, a[len(a)-1].Text...)
		j.bold, j.open = a[len(a)-1].Bold, true
	}
}

// done returns the paragraph's spans; start begins the next one.
func (j *spanJoiner) done() []pdftext.Span {
	if !j.open {
		return j.spans
	}
	out := append(j.spans, pdftext.Span{Text: string(j.last), Bold: j.bold})
	j.spans, j.open = nil, false
	return out
}

// add appends s as a span of its own, the new last one.
func (j *spanJoiner) add(s pdftext.Span) {
	if j.open {
		j.spans = append(j.spans, pdftext.Span{Text: string(j.last), Bold: j.bold})
	}
	j.last = append(j.last[:0], s.Text...)
	j.bold, j.open = s.Bold, true
}

// join appends the spans b of the next line.
func (j *spanJoiner) join(b []pdftext.Span) {
	if !j.open {
		for _, s := range b {
			j.add(s)
		}
		return
	}
	t := bytes.TrimRight(j.last, " ")
	nextText := ""
	for _, s := range b {
		nextText += s.Text
	}
	nextText = strings.TrimLeft(nextText, " ")
	sep := " "
	switch {
	case bytes.HasSuffix(t, []byte("\u00AD")):
		t = t[:len(t)-len("\u00AD")]
		sep = ""
	case bytes.HasSuffix(t, []byte("-")):
		before, _ := utf8.DecodeLastRune(t[:len(t)-1])
		first, _ := utf8.DecodeRuneInString(nextText)
		word := firstWord(nextText)
		switch {
		case norsk.IsCompoundConjunction(strings.ToLower(word)) || before == ' ' || before == utf8.RuneError:
			sep = " "
		case unicode.IsLower(before) && unicode.IsLower(first):
			t = t[:len(t)-1]
			sep = ""
		default:
			sep = ""
		}
	}
	j.last = t
	for i, s := range b {
		if i == 0 {
			s.Text = strings.TrimLeft(s.Text, " ")
			if sep == "" && s.Bold == j.bold {
				j.last = append(j.last, s.Text...)
				continue
			}
			if sep != "" {
				j.last = append(j.last, sep...)
				if s.Bold == j.bold {
					j.last = append(j.last, s.Text...)
					continue
				}
			}
		}
		j.add(s)
	}
}

func firstWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// newColumnParagraph reports whether line l, at the top of the next
// column, starts a paragraph rather than continuing the one prev ends, as
// mergePages does at a page break.
func newColumnParagraph(prev, l *pdftext.Line) bool {
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(l.Text()))
	cont := !endsSentence(prev.Text()) || unicode.IsLower(first)
	return !cont || l.StartsBold() || prev.AllBold() || math.Abs(l.Size-prev.Size) > 0.15*prev.Size
}

// isRow reports whether a line is a table row: cells set apart. The
// separator has a '|', so a line none of whose spans has one is no row,
// and its spans need not be joined (TestIsRowMatchesText).
func isRow(l *pdftext.Line) bool {
	for _, s := range l.Spans { // a search for the separator stops at every space
		if strings.IndexByte(s.Text, '|') >= 0 {
			return strings.Contains(l.Text(), pdftext.CellSeparator)
		}
	}
	return false
}

// textLen is len(l.Text()), without joining the spans.
func textLen(l *pdftext.Line) int {
	n := 0
	for _, s := range l.Spans {
		n += len(s.Text)
	}
	return n
}
