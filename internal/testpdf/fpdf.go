package testpdf

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Fonts used by the fpdf producer (Debian package fonts-dejavu-core).
var (
	DejaVu     = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	DejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)

// FPDF writes meeting m as out with go-pdf/fpdf and DejaVu Sans embedded
// as a UTF-8 TrueType (CID, Identity-H) font: justified paragraphs drawn
// with MultiCell, inline titles with Write, "Side N av M" in the footer.
func FPDF(m Meeting, l Layout, created, out string) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: l.PageWidth, Ht: l.PageHeight}})
	regular, err := os.ReadFile(DejaVu)
	if err != nil {
		return err
	}
	bold, err := os.ReadFile(DejaVuBold)
	if err != nil {
		return err
	}
	pdf.AddUTF8FontFromBytes("DejaVu", "", regular)
	pdf.AddUTF8FontFromBytes("DejaVu", "B", bold)
	pdf.SetMargins(56, 60, 56)
	pdf.SetAutoPageBreak(true, 60)
	pdf.AliasNbPages("{nb}")
	if t, err := time.Parse("2006-01-02", created); err == nil {
		pdf.SetCreationDate(t.Add(10 * time.Hour))
		pdf.SetModificationDate(t.Add(10 * time.Hour))
	}
	pdf.SetTitle(m.Header, true)
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("DejaVu", "", 7.5)
		pdf.SetY(28)
		pdf.CellFormat(0, 10, "NTL NAV · "+m.Body, "", 0, "R", false, 0, "")
		pdf.SetY(60)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-40)
		pdf.SetFont("DejaVu", "", 7.5)
		pdf.CellFormat(0, 10, fmt.Sprintf("Side %d av {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	const lh = 13
	if m.Header != "" {
		pdf.SetFont("DejaVu", "B", 14)
		pdf.MultiCell(0, 18, m.Header, "", "L", false)
		pdf.Ln(8)
	}
	para := func(spans ...run) {
		justify(pdf, lh, spans)
		pdf.Ln(6)
	}
	if m.Intro != "" {
		para(run{m.Intro, false})
	}
	for _, c := range m.Cases {
		for i, p := range c.Paragraphs {
			switch {
			case i == 0 && l.HeadingTitles:
				pdf.Ln(4)
				justify(pdf, lh, []run{{c.Title, true}})
				para(run{p, false})
			case i == 0:
				pdf.Ln(4)
				para(run{PrintedTitle(c.Title, true), true}, run{p, false})
			default:
				para(run{p, false})
			}
		}
	}
	return pdf.OutputFileAndClose(out)
}

type run struct {
	text string
	bold bool
}

// justify draws runs as one justified paragraph, word by word, at 9.5 pt:
// every word is placed where it belongs, and the last line is left aligned.
func justify(pdf *fpdf.Fpdf, lh float64, runs []run) {
	type word struct {
		s    string
		bold bool
		w    float64
	}
	var words []word
	for _, r := range runs {
		style := ""
		if r.bold {
			style = "B"
		}
		pdf.SetFont("DejaVu", style, 9.5)
		for _, f := range strings.Fields(r.text) {
			words = append(words, word{f, r.bold, pdf.GetStringWidth(f)})
		}
	}
	left, _, right, bottom := pdf.GetMargins()
	pw, ph := pdf.GetPageSize()
	width := pw - left - right
	pdf.SetFont("DejaVu", "", 9.5)
	space := pdf.GetStringWidth(" ")
	for len(words) > 0 {
		n, used := 0, 0.0
		for n < len(words) && (n == 0 || used+space+words[n].w <= width) {
			if n > 0 {
				used += space
			}
			used += words[n].w
			n++
		}
		gap := space
		if n < len(words) && n > 1 {
			gap = space + (width-used)/float64(n-1)
		}
		if pdf.GetY()+lh > ph-bottom {
			pdf.AddPage()
		}
		y := pdf.GetY() + lh*0.75
		x := left
		for _, w := range words[:n] {
			style := ""
			if w.bold {
				style = "B"
			}
			pdf.SetFont("DejaVu", style, 9.5)
			pdf.Text(x, y, w.s)
			x += w.w + gap
		}
		pdf.SetY(pdf.GetY() + lh)
		words = words[n:]
	}
	pdf.SetFont("DejaVu", "", 9.5)
}
