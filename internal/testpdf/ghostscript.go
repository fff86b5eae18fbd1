package testpdf

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// psEncode maps text to the 8-bit encoding the PostScript program sets up:
// ISO Latin-1 with typographic quotes and dashes in the Windows slots.
func psEncode(s string) string {
	var b strings.Builder
	for _, r := range s {
		var c byte
		switch {
		case r == '–':
			c = 150
		case r == '—':
			c = 151
		case r == '’':
			c = 146
		case r == '‘':
			c = 145
		case r == '“':
			c = 147
		case r == '”':
			c = 148
		case r < 256:
			c = byte(r)
		default:
			c = '?'
		}
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 32 || c > 126:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// PostScript returns meeting m as a PostScript program that lays out its
// own text: Times 11 pt, ragged right, each word placed by moveto (so the
// PDF has no space characters), a running header and a lone page number
// at the foot of each page.
func PostScript(m Meeting, l Layout, created string) string {
	var b strings.Builder
	d := strings.ReplaceAll(created, "-", "")
	fmt.Fprintf(&b, `%%!PS-Adobe-3.0
<< /PageSize [%g %g] >> setpagedevice
[ /Title (%s) /Creator (referat testpdf) /CreationDate (D:%s100000) /DOCINFO pdfmark
/enc ISOLatin1Encoding 256 array copy def
enc 145 /quoteleft put enc 146 /quoteright put enc 147 /quotedblleft put
enc 148 /quotedblright put enc 150 /endash put enc 151 /emdash put
/reencode { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding enc def currentdict end definefont pop } def
/TR /Times-Roman reencode /TB /Times-Bold reencode
/lm 60 def /rm %g 60 sub def /top %g 70 sub def /bot 64 def /lead 13.5 def
/pageno 1 def
/furniture { gsave
  /TR findfont 8 scalefont setfont
  lm %g 40 sub moveto (NTL NAV \226 %s) show
  pageno 10 string cvs dup stringwidth pop 2 div %g 2 div exch sub 36 moveto show
  grestore } def
/reg { /TR findfont 11 scalefont setfont /spw ( ) stringwidth pop def } def
/bold { /TB findfont 11 scalefont setfont /spw ( ) stringwidth pop def } def
/big { /TB findfont 15 scalefont setfont /spw ( ) stringwidth pop def } def
/x lm def /y top def
/newpage { furniture showpage /pageno pageno 1 add def /y top def /x lm def } def
/nl { /x lm def /y y lead sub def y bot lt { newpage } if } def
/w { dup stringwidth pop /ww exch def
  x lm gt { x spw add ww add rm gt { nl } { /x x spw add def } ifelse } if
  x y moveto show /x x ww add def } def
/par { x lm gt { nl } if /y y 5 sub def y bot lt { newpage } if } def
`, l.PageWidth, l.PageHeight, psEncode(m.Header), d, l.PageWidth, l.PageHeight, l.PageHeight, psEncode(m.Body), l.PageWidth)
	words := func(s string) {
		for _, w := range strings.Fields(s) {
			fmt.Fprintf(&b, "(%s) w\n", psEncode(w))
		}
	}
	if m.Header != "" {
		b.WriteString("big\n")
		words(m.Header)
		b.WriteString("par /y y 8 sub def\n")
	}
	b.WriteString("reg\n")
	if m.Intro != "" {
		words(m.Intro)
		b.WriteString("par\n")
	}
	for _, c := range m.Cases {
		for i, p := range c.Paragraphs {
			if i == 0 {
				b.WriteString("/y y 4 sub def bold\n")
				words(PrintedTitle(c.Title, !l.HeadingTitles))
				if l.HeadingTitles {
					b.WriteString("nl\n")
				}
				b.WriteString("reg\n")
			}
			words(p)
			b.WriteString("par\n")
		}
	}
	b.WriteString("furniture showpage\n")
	return b.String()
}

// Ghostscript writes meeting m as out with ghostscript's pdfwrite device.
func Ghostscript(m Meeting, l Layout, created, out string) error {
	cmd := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
		"-dCompatibilityLevel=1.5", "-sOutputFile="+out, "-")
	cmd.Stdin = strings.NewReader(PostScript(m, l, created))
	if b, err := cmd.CombinedOutput(); err != nil {
		os.Remove(out)
		return fmt.Errorf("gs: %v: %s", err, b)
	}
	return nil
}
