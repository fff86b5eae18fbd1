package ocr

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"sort"
	"strconv"
	"strings"

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
		if text == "" {
			continue
		}
		out = append(out, tword{block: n[2], par: n[3], line: n[4],
			box: image.Rect(n[6], n[7], n[6]+n[8], n[7]+n[9]), conf: conf, text: text})
	}
	return out, nil
}

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
	// A lone word between regular ones is noise, not emphasis.
	for i := range ws {
		if !ws[i].bold || len([]rune(ws[i].text)) >= 4 {
			continue
		}
		prevBold := i > 0 && sameLine(ws[i-1], ws[i]) && ws[i-1].bold
		nextBold := i+1 < len(ws) && sameLine(ws[i+1], ws[i]) && ws[i+1].bold
		if !prevBold && !nextBold {
			ws[i].bold = false
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
	return out, words
}

// line makes one pdftext line of the words of a Tesseract line. The
// baseline is the median of the words' bottoms (most words have no
// descender); the font size is the height of ascenders over the
// baseline, over the ascender height of common faces.
func line(page int, ws []tword, scale, pageH float64) pdftext.Line {
	bottoms := make([]int, len(ws))
	top := math.MaxInt
	x0, x1 := math.MaxInt, math.MinInt
	for i, w := range ws {
		bottoms[i] = w.box.Max.Y
		top = min(top, w.box.Min.Y)
		x0, x1 = min(x0, w.box.Min.X), max(x1, w.box.Max.X)
	}
	sort.Ints(bottoms)
	base := bottoms[len(bottoms)/2]
	// Ascenders and capitals give the size; a ring or an accent over
	// them (Å, é) rises higher, so the median of the words that have
	// one without those is taken.
	var tops []int
	for _, w := range ws {
		if strings.ContainsAny(w.text, "bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÆØ") && !strings.ContainsAny(w.text, "ÅåÉéÈèÀÒÓÔÜÖÄüöäêô\"'`´") {
			tops = append(tops, w.box.Min.Y)
		}
	}
	if len(tops) > 0 {
		sort.Ints(tops)
		top = tops[len(tops)/2]
	}
	l := pdftext.Line{
		Page: page,
		X0:   float64(x0) * scale, X1: float64(x1) * scale,
		Y:          pageH - float64(base)*scale,
		Size:       math.Max(float64(base-top)*scale/ascent, 1),
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

// ascent is the height of capitals and ascenders over the font size in
// common text faces (DejaVu 0.73–0.76, Liberation and Times 0.66–0.73).
const ascent = 0.73
