package pdftext

import (
	"math"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
)

// Annotation flags (PDF 32000-1 §12.5.3) and field flags (§12.7.3.1,
// §12.7.4.3).
const (
	annotHidden   = 1 << 1
	annotNoView   = 1 << 5
	fieldPassword = 1 << 13
	fieldMultline = 1 << 12
)

// maxAnnots bounds the annotations read on one page.
const maxAnnots = 4096

// annotations draws the text of the page's annotations as a viewer shows
// them (and as pdftotext prints them): each annotation that is not hidden
// (flag 2) or not-viewed (flag 32) has its normal appearance (/AP /N, the
// /AS state of a dictionary of states) run as a form XObject placed on its
// /Rect (§12.5.5). A text or choice field whose appearance draws no text
// (none, or an empty one, as LibreOffice writes them) shows its value
// (/V, inherited through /Parent). Sticky notes (/Text) and their
// pop-ups are not page text: a viewer shows them only on a click. The
// print flag is not required: viewers and pdftotext show annotations that
// do not print. A damaged annotation is skipped.
func (p *pageReader) annotations(page pdf.Value, ctm matrix) {
	annots := page.Key("Annots")
	for i := 0; i < annots.Len() && i < maxAnnots; i++ {
		p.annotation(annots.Index(i), page, ctm)
	}
}

// annotation draws one annotation, recovering from a damaged one.
func (p *pageReader) annotation(a, page pdf.Value, ctm matrix) {
	defer func() { recover() }()
	if a.Kind() != pdf.Dict {
		return
	}
	switch a.Key("Subtype").Name() {
	case "Popup", "Text":
		return
	}
	if a.Key("F").Int64()&(annotHidden|annotNoView) != 0 {
		return
	}
	r, ok := readRect(a.Key("Rect"))
	if !ok {
		return
	}
	before := len(p.glyphs)
	if ap := appearance(a); ap.Kind() == pdf.Stream {
		p.drawAppearance(ap, inherited(page, "Resources"), r, ctm)
	}
	// A widget whose appearance draws no text (none, or an empty one
	// left for the viewer to make: /NeedAppearances) shows its value.
	if len(p.glyphs) == before && a.Key("Subtype").Name() == "Widget" {
		p.fieldValue(a, r, ctm)
	}
}

// readRect reads a rectangle (/Rect, /MediaBox …) as x0 y0 x1 y1,
// normalised; false when it is not four numbers or has no area.
func readRect(v pdf.Value) ([4]float64, bool) {
	var r [4]float64
	if v.Len() != 4 {
		return r, false
	}
	for i := range r {
		r[i] = v.Index(i).Float64()
	}
	if r[2] < r[0] {
		r[0], r[2] = r[2], r[0]
	}
	if r[3] < r[1] {
		r[1], r[3] = r[3], r[1]
	}
	return r, r[2] > r[0] && r[3] > r[1]
}

// appearance returns the normal appearance stream of annotation a: /AP
// /N itself, or its /AS state when /N is a dictionary of states (or its
// only state when there is no /AS).
func appearance(a pdf.Value) pdf.Value {
	n := a.Key("AP").Key("N")
	if n.Kind() != pdf.Dict {
		return n
	}
	if as := a.Key("AS"); as.Kind() == pdf.Name {
		return n.Key(as.Name())
	}
	if keys := n.Keys(); len(keys) == 1 {
		return n.Key(keys[0])
	}
	return pdf.Value{}
}

// drawAppearance runs the appearance stream ap so that its bounding box,
// transformed by its /Matrix, fills rect (PDF 32000-1 §12.5.5).
func (p *pageReader) drawAppearance(ap, pageRes pdf.Value, rect [4]float64, ctm matrix) {
	if p.depth >= maxFormDepth {
		return
	}
	m := identity
	if mv := ap.Key("Matrix"); mv.Len() == 6 {
		for i := range m {
			m[i] = mv.Index(i).Float64()
		}
	}
	bb, ok := readRect(ap.Key("BBox"))
	if !ok {
		return
	}
	// The bounding box of the transformed BBox, mapped onto Rect.
	x0, y0, x1, y1 := bounds([]point{m.apply(bb[0], bb[1]), m.apply(bb[2], bb[1]), m.apply(bb[0], bb[3]), m.apply(bb[2], bb[3])})
	if x1-x0 < 1e-6 || y1-y0 < 1e-6 {
		return
	}
	sx, sy := (rect[2]-rect[0])/(x1-x0), (rect[3]-rect[1])/(y1-y0)
	a := matrix{sx, 0, 0, sy, rect[0] - x0*sx, rect[1] - y0*sy}
	data, err := p.readStream(ap)
	if err != nil {
		return
	}
	res := ap.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = pageRes
	}
	p.depth++
	defer func() { p.depth-- }()
	p.run(data, res, m.mul(a).mul(ctm), p.defaultPaint()) // a damaged stream keeps what was read
}

// fieldValue draws the value of a text or choice field that has no
// appearance, in its /DA font size (Helvetica metrics), left aligned in
// rect: one line centred vertically, or a multiline field's lines from
// the top. Passwords and buttons are not drawn.
func (p *pageReader) fieldValue(w pdf.Value, rect [4]float64, ctm matrix) {
	ft := fieldKey(w, "FT").Name()
	flags := fieldKey(w, "Ff").Int64()
	if ft != "Tx" && ft != "Ch" || flags&fieldPassword != 0 {
		return
	}
	lines := fieldText(fieldKey(w, "V"), fieldKey(w, "Opt"))
	if len(lines) == 0 {
		return
	}
	h := rect[3] - rect[1]
	size := daSize(textOf(fieldKey(w, "DA")))
	if size <= 0 {
		size = math.Min(12, h*0.7)
	}
	y := rect[1] + (h-size)/2 + 0.22*size
	if flags&fieldMultline != 0 || len(lines) > 1 {
		y = rect[3] - 2 - 0.8*size
	}
	for _, line := range lines {
		x := rect[0] + 2
		for _, r := range line {
			adv := 556.0
			if w, err := pdffont.CharWidth("Helvetica", r); err == nil && w > 0 {
				adv = float64(w)
			}
			trm := matrix{size, 0, 0, size, x, y}.mul(ctm)
			if s := cleanGlyphText(string(r)); s != "" {
				p.glyphs = append(p.glyphs, glyph{
					x: trm[4], y: trm[5], w: adv / 1000 * math.Hypot(trm[0], trm[1]),
					size: math.Hypot(trm[2], trm[3]), s: s,
				})
			}
			x += adv / 1000 * size
		}
		y -= 1.15 * size
	}
}

// fieldKey looks up an inheritable field attribute on the widget or the
// fields above it.
func fieldKey(w pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && w.Kind() == pdf.Dict; i++ {
		if v := w.Key(key); v.Kind() != pdf.Null {
			return v
		}
		w = w.Key("Parent")
	}
	return pdf.Value{}
}

// fieldText returns the lines a field value shows: a text string, or for
// a choice field the chosen options (an array for several), each shown
// by its display text from /Opt when the value is an export value.
func fieldText(v, opt pdf.Value) []string {
	var values []string
	switch v.Kind() {
	case pdf.String:
		values = append(values, v.Text())
	case pdf.Array:
		for i := 0; i < v.Len() && i < 256; i++ {
			if s := v.Index(i); s.Kind() == pdf.String {
				values = append(values, s.Text())
			}
		}
	}
	var lines []string
	for _, s := range values {
		s = displayOption(s, opt)
		for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' }) {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// displayOption returns the display text /Opt gives export value s, or s.
func displayOption(s string, opt pdf.Value) string {
	for i := 0; i < opt.Len() && i < 4096; i++ {
		if o := opt.Index(i); o.Kind() == pdf.Array && o.Len() == 2 && o.Index(0).Text() == s {
			return o.Index(1).Text()
		}
	}
	return s
}

// daSize returns the font size of a default appearance string
// ("/Helv 11 Tf 0 g"), or 0 (auto) when it has none.
func daSize(da string) float64 {
	f := strings.Fields(da)
	for i := len(f) - 1; i >= 2; i-- {
		if f[i] == "Tf" {
			if size, err := strconv.ParseFloat(f[i-1], 64); err == nil && size > 0 && size < 1000 {
				return size
			}
			return 0
		}
	}
	return 0
}
