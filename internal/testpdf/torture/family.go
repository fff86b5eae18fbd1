package main

import (
	"regexp"
	"strings"
)

// families maps a PDF's /Producer or /Creator to the family of software
// that made it. The first pattern that matches wins; the Producer is tried
// before the Creator, because the Creator often names the editor and the
// Producer the library that wrote the PDF (LaTeX is an exception: the
// Producer names the engine, which is the family).
var families = []struct {
	name     string
	re       *regexp.Regexp
	rewriter bool // rewrites others' PDFs: the Creator names the maker better
}{
	{"pdfTeX", regexp.MustCompile(`(?i)pdftex|pdflatex`), false},
	{"XeTeX", regexp.MustCompile(`(?i)xetex|xdvipdfmx|dvipdfm`), false},
	{"LuaTeX", regexp.MustCompile(`(?i)luatex`), false},
	{"LibreOffice", regexp.MustCompile(`(?i)libreoffice|openoffice|staroffice`), false},
	{"Microsoft Word", regexp.MustCompile(`(?i)microsoft.*word|word for|pdfmaker.*word`), false},
	{"Microsoft PowerPoint", regexp.MustCompile(`(?i)powerpoint`), false},
	{"Microsoft (other)", regexp.MustCompile(`(?i)microsoft`), false},
	{"Windows PS driver", regexp.MustCompile(`(?i)pscript|adobeps`), false},
	{"Chromium/Skia", regexp.MustCompile(`(?i)skia|chrom|headlesschrome`), false},
	{"Apple (Quartz)", regexp.MustCompile(`(?i)quartz|mac os x|^preview$|^pages$|keynote`), false},
	{"Adobe", regexp.MustCompile(`(?i)adobe|acrobat|distiller|indesign|framemaker`), false},
	{"Ghostscript", regexp.MustCompile(`(?i)ghostscript`), false},
	{"reportlab", regexp.MustCompile(`(?i)reportlab`), false},
	{"iText", regexp.MustCompile(`(?i)itext`), false},
	{"pdfcpu", regexp.MustCompile(`(?i)pdfcpu`), true},
	{"qpdf", regexp.MustCompile(`(?i)qpdf`), true},
	{"pdftk", regexp.MustCompile(`(?i)pdftk`), true},
	{"3-Heights", regexp.MustCompile(`(?i)3-heights`), true},
	{"PyPDF", regexp.MustCompile(`(?i)pypdf`), true},
	{"MuPDF", regexp.MustCompile(`(?i)mupdf`), false},
	{"cairo", regexp.MustCompile(`(?i)cairo`), false},
	{"FPDF", regexp.MustCompile(`(?i)fpdf|tcpdf`), false},
	{"PDFKit", regexp.MustCompile(`(?i)pdfkit`), false},
	{"ImageMagick", regexp.MustCompile(`(?i)imagemagick`), false},
	{"Google Docs", regexp.MustCompile(`(?i)google`), false},
	{"Apache FOP", regexp.MustCompile(`(?i)\bfop\b`), false},
	{"wkhtmltopdf/Qt", regexp.MustCompile(`(?i)wkhtml|\bqt\b`), false},
	{"PDFsharp", regexp.MustCompile(`(?i)pdfsharp`), false},
	{"WeasyPrint", regexp.MustCompile(`(?i)weasyprint`), false},
	{"calibre", regexp.MustCompile(`(?i)calibre`), false},
	{"TeX (other)", regexp.MustCompile(`(?i)latex|tex output|dvips`), false},
	{"LibreOffice", regexp.MustCompile(`^(Writer|Impress|Calc|Draw)$`), false}, // Creator of LibreOffice files
	{"scanner", regexp.MustCompile(`(?i)precisionscan|workcentre|scan`), false},
}

// Family names the family of the software that made a PDF, from its
// /Producer and /Creator: the Producer's family, or the Creator's when the
// Producer is unknown or a rewriter (pdfcpu, qpdf, pypdf, ...) and the
// Creator is known; "unknown" when both are empty, "other" when neither
// matches a known family.
func Family(producer, creator string) string {
	p, rewriter := family(producer)
	if c, _ := family(creator); c != "" && (p == "" || rewriter) {
		return c
	}
	if p != "" {
		return p
	}
	if strings.TrimSpace(producer+creator) == "" {
		return "unknown"
	}
	return "other"
}

func family(s string) (name string, rewriter bool) {
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	for _, f := range families {
		if f.re.MatchString(s) {
			return f.name, f.rewriter
		}
	}
	return "", false
}
