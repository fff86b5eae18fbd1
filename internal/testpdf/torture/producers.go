package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ntlnav/referat/internal/testpdf"
)

// latexEscape writes text for LaTeX; with t1 false, æøå become the OT1
// constructions (\ae, \o, \aa), as old documents have them.
func latexEscape(s string, t1 bool) string {
	r := strings.NewReplacer(`\`, `\textbackslash{}`, "%", `\%`, "&", `\&`, "#", `\#`, "_", `\_`, "$", `\$`, "{", `\{`, "}", `\}`, "~", `\~{}`, "^", `\^{}`, "«", "<<", "»", ">>")
	s = r.Replace(s)
	if !t1 {
		s = strings.NewReplacer("æ", `{\ae}`, "ø", `{\o}`, "å", `{\aa}`, "Æ", `{\AE}`, "Ø", `{\O}`, "Å", `{\AA}`, "é", `\'e`, "–", "--").Replace(s)
	}
	return s
}

func latex(m testpdf.Meeting, out string, t1 bool) error {
	var b strings.Builder
	b.WriteString(`\documentclass[11pt,a4paper]{article}` + "\n")
	if t1 {
		b.WriteString("\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n")
	}
	b.WriteString(`\pagestyle{plain}\begin{document}` + "\n")
	if m.Header != "" {
		fmt.Fprintf(&b, "\\section*{%s}\n", latexEscape(m.Header, t1))
	}
	for _, c := range m.Cases {
		fmt.Fprintf(&b, "\\paragraph{%s.} %s\n\n", latexEscape(c.Title, t1), latexEscape(strings.Join(c.Paragraphs, "\n\n"), t1))
	}
	b.WriteString(`\end{document}` + "\n")
	return pdflatex(b.String(), out)
}

// pdflatex compiles a LaTeX document to out.
func pdflatex(tex, out string) error {
	if _, err := exec.LookPath("pdflatex"); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "torture-tex")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "doc.tex"), []byte(tex), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
	cmd.Dir = dir
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pdflatex: %v: %s", err, lastLines(string(o), 3))
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "doc.pdf"))
	if err != nil {
		return err
	}
	return os.WriteFile(out, pdf, 0o644)
}

// python runs script with python3, data as JSON on its standard input.
func python(script string, data any) error {
	js, err := json.Marshal(data)
	if err != nil {
		return err
	}
	cmd := exec.Command("python3", "-c", script)
	cmd.Stdin = strings.NewReader(string(js))
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("python3: %v: %s", err, lastLines(string(o), 2))
	}
	return nil
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(l[max(0, len(l)-n):], " | ")
}

// reportlab writes m with Python's reportlab: platypus paragraphs in
// Helvetica (not embedded) or DejaVu Sans (embedded TrueType subset).
func reportlab(m testpdf.Meeting, out string, ttf bool) error {
	doc := map[string]any{"header": m.Header, "cases": m.Cases, "ttf": ttf, "out": out, "font": testpdf.DejaVu, "bold": testpdf.DejaVuBold}
	script := `
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from xml.sax.saxutils import escape
d = json.loads(sys.stdin.read())
styles = getSampleStyleSheet()
body, head = styles["BodyText"], styles["Heading2"]
if d["ttf"]:
    pdfmetrics.registerFont(TTFont("DV", d["font"])); pdfmetrics.registerFont(TTFont("DVB", d["bold"]))
    from reportlab.lib.fonts import addMapping
    addMapping("DV", 0, 0, "DV"); addMapping("DV", 1, 0, "DVB")
    body.fontName = "DV"; head.fontName = "DVB"
def footer(c, doc):
    c.saveState(); c.setFont("Helvetica", 8); c.drawCentredString(297, 30, "Side %d" % doc.page); c.restoreState()
story = []
if d["header"]:
    story.append(Paragraph(escape(d["header"]), styles["Title"]))
for c in d["cases"]:
    for i, p in enumerate(c["paragraphs"]):
        if i == 0:
            story.append(Paragraph("<b>%s.</b> %s" % (escape(c["title"]), escape(p)), body))
        else:
            story.append(Paragraph(escape(p), body))
SimpleDocTemplate(d["out"], pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
`
	return python(script, doc)
}

// type3 writes m with a PostScript Type 3 font whose glyphs are drawn by
// procedures, which ghostscript keeps as a Type 3 font with an encoding.
func type3(m testpdf.Meeting, out string) error {
	var b strings.Builder
	b.WriteString(`%!PS
/T3 20 dict def T3 begin
/FontType 3 def /FontMatrix [0.001 0 0 0.001 0 0] def /FontBBox [0 0 600 700] def
/Encoding ISOLatin1Encoding def
/BuildChar { 600 0 0 0 500 700 setcachedevice exch pop
  dup 32 eq { pop } { 50 0 moveto 450 0 lineto 450 600 lineto 50 600 lineto closepath fill pop } ifelse } def
end
/Type3Font T3 definefont pop
/Type3Font findfont 10 scalefont setfont
/y 780 def
`)
	line := ""
	flush := func() {
		fmt.Fprintf(&b, "50 y moveto (%s) show /y y 13 sub def y 60 lt { showpage /y 780 def /Type3Font findfont 10 scalefont setfont } if\n", psString(line))
		line = ""
	}
	for _, c := range m.Cases {
		for _, w := range strings.Fields(c.Title + ". " + strings.Join(c.Paragraphs, " ")) {
			if len(line)+len(w) > 80 {
				flush()
			}
			line += w + " "
		}
		flush()
	}
	b.WriteString("showpage\n")
	return gs(b.String(), out)
}

// outlines writes m through ghostscript with every glyph turned into
// paths (-dNoOutputFonts): a PDF that shows text but has none to extract.
func outlines(m testpdf.Meeting, l testpdf.Layout, out string) error {
	cmd := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts", "-sOutputFile="+out, "-")
	cmd.Stdin = strings.NewReader(testpdf.PostScript(m, l, m.Date))
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("gs: %v: %s", err, o)
	}
	return nil
}

func gs(ps, out string) error {
	cmd := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile="+out, "-")
	cmd.Stdin = strings.NewReader(ps)
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("gs: %v: %s", err, o)
	}
	return nil
}

// psString escapes s for a PostScript string in Latin-1; other runes
// become '?'.
func psString(s string) string {
	return testpdf.EscapeLatin1(s, func(rune) string { return "?" })
}
