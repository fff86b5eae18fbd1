package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/pdftext"
)

// pageNumber matches the ways minutes number their pages: "3", "- 3 -",
// "Side 2 av 4", "side 2", "2/4", "Page 2 of 4", "s. 2".
var pageNumber = regexp.MustCompile(`(?i)^\s*(?:[-–—]\s*)?(?:(?:side|page|s\.)\s*)?\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$`)

// isPageNumber is pageNumber.MatchString(s), the expression tried only
// when s can match it: its first character after leading \s is a dash,
// a digit or the first letter of "side", "page" or "s." in any case
// (ſ, U+017F, folds to s). Most lines fail that test at once.
func isPageNumber(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i == len(s) {
		return false
	}
	switch c := s[i]; {
	case c >= '0' && c <= '9', c == '-', c == 's', c == 'S', c == 'p', c == 'P', c >= 0x80:
		return pageNumber.MatchString(s)
	}
	return false
}

// yearLine is a line that is only a year, as the second line of a
// heading ("… 21. september" / "2023"): a page number only when it
// stands apart.
var yearLine = regexp.MustCompile(`^\s*(?:19|20)\d\d\s*$`)

// furniture reports, for each page's lines, which are running headers,
// footers or page numbers: lines at the top or bottom of a page that are a
// page number, or whose text (digits aside) recurs at the same place on
// other pages. A first-page line in a larger font than the body is a
// title, never furniture.
func furniture(pages [][]pdftext.Line, boxes [][4]float64, bodySize float64) [][]bool {
	drop := make([][]bool, len(pages))
	type cand struct{ page, idx int }
	seen := map[string][]cand{}
	for p, lines := range pages {
		drop[p] = make([]bool, len(lines))
		h := boxes[p][3] - boxes[p][1]
		// The top lines from the first down, the bottom ones from the last
		// up, so that what lies outside a line is decided before it.
		for _, c := range marginOrder(len(lines)) {
			i, l := c.i, lines[c.i]
			top := c.top && l.Y > 0.80*h
			bottom := !c.top && l.Y < 0.20*h
			if !top && !bottom {
				continue
			}
			if isPageNumber(l.Text()) && (!yearLine.MatchString(l.Text()) || isolated(lines, i)) {
				drop[p][i] = true
				continue
			}
			// Running headers and footers are set smaller than the body,
			// which tells them apart even on a single page, and stand in
			// the margin: nothing but furniture above a head, or below a
			// footer. A smaller line under the title is a heading (set in
			// small capitals, whose line size is that of the small ones).
			if l.Size < 0.85*bodySize && isolated(lines, i) && outermost(drop[p], i, top) {
				drop[p][i] = true
				continue
			}
			key := furnitureKey(l.Text(), top)
			if key == "" {
				continue
			}
			seen[key] = append(seen[key], cand{p, i})
		}
	}
	if len(pages) < 2 {
		return drop
	}
	echoFirstPage(pages, boxes, drop)
	for _, cs := range seen {
		pagesWith := map[int]bool{}
		for _, c := range cs {
			pagesWith[c.page] = true
		}
		if len(pagesWith) < 2 || len(pagesWith)*2 < len(pages) && len(pagesWith) < 3 {
			continue
		}
		for _, c := range cs {
			l := pages[c.page][c.idx]
			if c.page == 0 && l.Size > bodySize*1.15 {
				continue
			}
			drop[c.page][c.idx] = true
		}
	}
	keepIfAllDropped(pages, drop)
	return drop
}

// A marginLine is a line that may be furniture: one of the first three
// of its page (top) or of the last three.
type marginLine struct {
	i   int
	top bool
}

// marginOrder returns the lines of a page of n lines that may be
// furniture: the first three in order, then the last three from the last
// up (a line of a short page may be both).
func marginOrder(n int) []marginLine {
	var out []marginLine
	for i := 0; i < min(3, n); i++ {
		out = append(out, marginLine{i, true})
	}
	for i := n - 1; i >= max(0, n-3); i-- {
		out = append(out, marginLine{i, false})
	}
	return out
}

// outermost reports whether every line above line i (top) or below it
// (bottom) is already dropped as furniture.
func outermost(drop []bool, i int, top bool) bool {
	others := drop[i+1:]
	if top {
		others = drop[:i]
	}
	for _, d := range others {
		if !d {
			return false
		}
	}
	return true
}

// keepIfAllDropped keeps the repeated lines when they are all the text
// there is: a document whose every page shows the same lines (a label
// on each page, a test sheet turned four ways) has those lines as its
// text, not as furniture. Page numbers stay dropped.
func keepIfAllDropped(pages [][]pdftext.Line, drop [][]bool) {
	for p := range drop {
		for i := range drop[p] {
			if !drop[p][i] {
				return
			}
		}
	}
	for p := range drop {
		for i := range drop[p] {
			drop[p][i] = isPageNumber(pages[p][i].Text())
		}
	}
}

// isolated reports whether line i stands apart from its neighbours by
// more than two body lines, as a header or footer does.
func isolated(lines []pdftext.Line, i int) bool {
	gap := func(a, b int) float64 { return lines[a].Y - lines[b].Y }
	far := func(g float64) bool { return g > 2.2*lines[i].Size }
	switch {
	case len(lines) == 1:
		return true
	case i == 0:
		return far(gap(0, 1))
	case i == len(lines)-1:
		return far(gap(i-1, i))
	}
	return far(gap(i-1, i)) && far(gap(i, i+1))
}

func furnitureKey(s string, top bool) string {
	var b strings.Builder
	if top {
		b.WriteString("T:")
	} else {
		b.WriteString("B:")
	}
	n := 0
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsDigit(r):
			if !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
		case unicode.IsSpace(r):
		default:
			b.WriteRune(r)
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return b.String()
}

// mergePages joins the paragraphs of all pages into one list. The last
// paragraph of a page and the first of the next are one paragraph when the
// first is unfinished (no final punctuation, or a full last line) and the
// second does not look like a new start (indent, bold, heading).
func mergePages(pages [][]paragraph) []paragraph {
	var out []paragraph
	for _, ps := range pages {
		for i, p := range ps {
			if i == 0 && len(out) > 0 {
				prev := &out[len(out)-1]
				first, _ := utf8.DecodeRuneInString(p.text())
				cont := !endsSentence(prev.text()) || prev.lastFull || unicode.IsLower(first)
				if cont && !prev.heading && !p.heading && !p.indented && !p.startsBold() && abs(prev.size-p.size) < 0.15*prev.size {
					prev.spans = joinSpans(prev.spans, p.spans)
					prev.pages = appendPage(prev.pages, p.pages...)
					prev.lastFull = p.lastFull
					prev.lines += p.lines
					continue
				}
			}
			out = append(out, p)
		}
	}
	return out
}

func appendPage(pages []int, more ...int) []int {
	for _, p := range more {
		if len(pages) == 0 || pages[len(pages)-1] != p {
			pages = append(pages, p)
		}
	}
	return pages
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// echoFirstPage marks a running head or foot printed once on a later page
// (a two-page document, or a head that page 1 replaces by its title):
// a line standing apart at the top or bottom of page 2 or later whose
// words, digits aside, are mostly words of page 1's top or bottom lines.
func echoFirstPage(pages [][]pdftext.Line, boxes [][4]float64, drop [][]bool) {
	var top, bottom []string
	first := pages[0]
	h0 := boxes[0][3] - boxes[0][1]
	for i, l := range first {
		if i < 4 && l.Y > 0.75*h0 {
			top = append(top, furnitureWords(l.Text())...)
		}
		if i >= len(first)-3 && l.Y < 0.25*h0 {
			bottom = append(bottom, furnitureWords(l.Text())...)
		}
	}
	for p := 1; p < len(pages); p++ {
		lines := pages[p]
		h := boxes[p][3] - boxes[p][1]
		for i, l := range lines {
			if drop[p][i] || !isolated(lines, i) {
				continue
			}
			switch {
			case i == 0 && l.Y > 0.80*h && mostlyIn(furnitureWords(l.Text()), top):
				drop[p][i] = true
			case i == len(lines)-1 && l.Y < 0.20*h && mostlyIn(furnitureWords(l.Text()), bottom):
				drop[p][i] = true
			}
		}
	}
}

// furnitureWords are the lower-case words of s without digits.
func furnitureWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if w = strings.Trim(w, "-"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// mostlyIn reports whether at least two words and four in five of words
// are in set.
func mostlyIn(words, set []string) bool {
	in := map[string]bool{}
	for _, w := range set {
		in[w] = true
	}
	n := 0
	for _, w := range words {
		if in[w] {
			n++
		}
	}
	return n >= 2 && 5*n >= 4*len(words)
}
