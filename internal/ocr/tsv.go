package ocr

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/ntlnav/referat/internal/pdftext"
)

// A tword is one word of Tesseract's TSV output, in pixels.
type tword struct {
	block, par, line int
	box              image.Rectangle
	conf             float64
	text             string
	bold             bool
}

// parseTSV reads the words (level 5 rows) of Tesseract's TSV output:
// level, page, block, par, line, word, left, top, width, height, conf, text.
func parseTSV(b []byte) ([]tword, error) {
	var out []tword
	for i, row := range bytes.Split(b, []byte("\n")) {
		f := strings.Split(strings.TrimRight(string(row), "\r"), "\t")
		if i == 0 || len(f) < 12 || f[0] != "5" {
			continue
		}
		var n [10]int
		for k := 0; k < 10; k++ {
			v, err := strconv.Atoi(f[k])
			if err != nil {
				return nil, fmt.Errorf("%w: tesseract's output, row %d: %v", ErrFailed, i+1, err)
			}
			n[k] = v
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err != nil {
			return nil, fmt.Errorf("%w: tesseract's output, row %d: %v", ErrFailed, i+1, err)
		}
		text := strings.TrimSpace(norm.NFKC.String(f[11]))
		if text == "" || noise(text, conf) {
			continue
		}
		out = append(out, tword{block: n[2], par: n[3], line: n[4],
			box: image.Rect(n[6], n[7], n[6]+n[8], n[7]+n[9]), conf: conf, text: text})
	}
	return out, nil
}

// noise reports whether a word is a speck read as a mark: no letter or
// digit, and Tesseract unsure of it or it a bar ("|" is not Norwegian
// punctuation; "–" between words is read with confidence).
func noise(text string, conf float64) bool {
	if strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		return false
	}
	return conf < minMarkConf || strings.ContainsAny(text, "|¦")
}

// minMarkConf is the confidence below which a word without letters or
// digits is taken for a speck.
const minMarkConf = 60

// markBold marks the words whose strokes are markedly thicker than the
// page's usual ones: scans carry no font weights, and bold case titles
// are what the segmenter looks for first.
func markBold(img *image.Gray, ws []tword) {
	widths := make([]float64, len(ws))
	var sample []float64
	for i, w := range ws {
		widths[i] = strokeWidth(img, w.box)
		if len([]rune(w.text)) >= 3 {
			sample = append(sample, widths[i])
		}
	}
	if len(sample) < 20 {
		return
	}
	sort.Float64s(sample)
	med := sample[len(sample)/2]
	for i := range ws {
		ws[i].bold = widths[i] > boldRatio*med
	}
	// Strokes of a short word are too few to judge: it takes the weight
	// of its neighbours on the line when they agree ("Ny" in a bold
	// title, "i" in running text).
	for i := range ws {
		if len([]rune(ws[i].text)) >= 4 {
			continue
		}
		prev := i > 0 && sameLine(ws[i-1], ws[i])
		next := i+1 < len(ws) && sameLine(ws[i+1], ws[i])
		switch {
		case prev && next && ws[i-1].bold == ws[i+1].bold:
			ws[i].bold = ws[i-1].bold
		case prev && !next:
			ws[i].bold = ws[i-1].bold
		case next && !prev:
			ws[i].bold = ws[i+1].bold
		}
	}
}

// boldRatio is how much thicker than the page's median stroke a bold
// word's strokes are at least (bold faces run 1.4–1.8 times as thick).
const boldRatio = 1.25

func sameLine(a, b tword) bool { return a.block == b.block && a.par == b.par && a.line == b.line }

// lines turns words into pdftext lines in PDF points (y up from the
// bottom of a page pageH high), top to bottom, and lists the words.
func lines(page int, ws []tword, scale, pageH float64) ([]pdftext.Line, []Word) {
	var out []pdftext.Line
	var words []Word
	for i := 0; i < len(ws); {
		j := i + 1
		for j < len(ws) && sameLine(ws[j], ws[i]) {
			j++
		}
		out = append(out, line(page, ws[i:j], scale, pageH))
		for _, w := range ws[i:j] {
			words = append(words, Word{Text: w.text, Conf: math.Max(w.conf, 0)})
		}
		i = j
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Y > out[b].Y })
	snapSizes(out)
	return out, words
}

// snapSizes gives the body size to every line whose estimated size is
// near it: the estimate from a line's ascenders varies with its words by
// up to a quarter, while headings are set a third or more larger, and a
// paragraph must not break where the estimate wobbles.
func snapSizes(ls []pdftext.Line) {
	if len(ls) == 0 {
		return
	}
	sizes := make([]float64, len(ls))
	for i, l := range ls {
		sizes[i] = l.Size
	}
	sort.Float64s(sizes)
	body := sizes[len(sizes)/2]
	for i := range ls {
		if d := ls[i].Size - body; d < snapUp*body && d > -snapDown*body {
			ls[i].Size = body
		}
	}
}

// How far above and below the body size a line's estimated size may be
// and still be the body size. Below, less: running headers and footers
// are set a little smaller, and that tells them apart.
const (
	snapUp   = 0.25
	snapDown = 0.15
)

// line makes one pdftext line of the words of a Tesseract line. Specks
// only ever make a word's box larger, so the baseline is the lower
// quartile of the bottoms of the words without descenders, and the font
// size the lower quartile of the heights, from there, of the words with
// ascenders or capitals (and no accents or rings, which rise higher),
// over the ascender height of common faces.
func line(page int, ws []tword, scale, pageH float64) pdftext.Line {
	var bottoms, all []int
	x0, x1 := math.MaxInt, math.MinInt
	for _, w := range ws {
		all = append(all, w.box.Max.Y)
		if !strings.ContainsAny(w.text, descenders) {
			bottoms = append(bottoms, w.box.Max.Y)
		}
		x0, x1 = min(x0, w.box.Min.X), max(x1, w.box.Max.X)
	}
	if len(bottoms) == 0 {
		bottoms = all
	}
	sort.Ints(bottoms)
	base := bottoms[len(bottoms)/4]
	var heights []int
	tallest := 0
	for _, w := range ws {
		h := base - w.box.Min.Y
		tallest = max(tallest, h)
		if strings.ContainsAny(w.text, ascenders) && !strings.ContainsAny(w.text, accents) {
			heights = append(heights, h)
		}
	}
	height := tallest
	if len(heights) > 0 {
		sort.Ints(heights)
		height = heights[len(heights)/4]
	}
	l := pdftext.Line{
		Page: page,
		X0:   float64(x0) * scale, X1: float64(x1) * scale,
		Y:          pageH - float64(base)*scale,
		Size:       math.Max(float64(height)*scale/ascent, 1),
		FirstWidth: float64(ws[0].box.Dx()) * scale,
	}
	var b strings.Builder
	bold := ws[0].bold
	for i, w := range ws {
		if i > 0 && w.bold != bold {
			l.Spans = append(l.Spans, pdftext.Span{Text: b.String(), Bold: bold})
			b.Reset()
			bold = w.bold
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	l.Spans = append(l.Spans, pdftext.Span{Text: b.String(), Bold: bold})
	return l
}

// Letters that reach below the baseline, above the x-height, and above
// the capitals.
const (
	descenders = "gjpqyQ,;()[]{}/"
	ascenders  = "bdfhkl0123456789ABCDEFGHIJKLMNOPRSTUVWXYZÆØ"
	accents    = "ÅåÉéÈèÀÒÓÔÜÖÄüöäêô\"'`´"
)

// ascent is the height of capitals and ascenders over the font size in
// common text faces (DejaVu 0.73–0.76, Liberation and Times 0.66–0.73).
const ascent = 0.73
