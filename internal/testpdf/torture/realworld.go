package main

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ntlnav/referat/internal/testpdf"
)

// Scripts that are not Latin, for the CJK and RTL files (Article 1 of the
// Universal Declaration of Human Rights).
var scripts = map[string]struct{ lang, dir, text string }{
	"ja": {"ja", "ltr", "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。"},
	"zh": {"zh", "ltr", "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"},
	"ar": {"ar", "rtl", "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء."},
	"he": {"he", "rtl", "כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון, לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחווה."},
}

// realWorldProducers makes files the way common real-world producers make
// them: Chromium's print to PDF (one and two columns, CJK, RTL), pdflatex
// two-column articles, LibreOffice with Word-like font names and with CJK
// and RTL text, and reportlab AcroForms with filled fields.
func realWorldProducers(dir string, meetings []testpdf.Meeting, add func(producer, file string, make func() error)) {
	for i, m := range meetings {
		base := filepath.Join(dir, m.ID)
		add("chromium", base+"-chromium.pdf", func() error { return chromium(meetingHTML(m, 1), base+"-chromium.pdf") })
		add("chromium-2col", base+"-chromium-2col.pdf", func() error { return chromium(meetingHTML(m, 2), base+"-chromium-2col.pdf") })
		add("latex-2col", base+"-latex-2col.pdf", func() error { return latexTwoColumn(m, base+"-latex-2col.pdf") })
		fodt := strings.ReplaceAll(testpdf.FODT(m, testpdf.LayoutFor(i), m.Date), "'Liberation Serif'", "Helvetica")
		add("libreoffice-helvetica", base+"-lo-helvetica.pdf", func() error { return soffice(fodt, base+"-lo-helvetica.pdf") })
		if i < 2 {
			add("reportlab-form", base+"-form.pdf", func() error { return reportlabForm(m, base+"-form.pdf") })
		}
	}
	for _, s := range []string{"ja", "zh", "ar", "he"} {
		name := map[string]string{"ja": "cjk", "zh": "cjk", "ar": "rtl", "he": "rtl"}[s]
		out := filepath.Join(dir, "script-"+s)
		page := scriptHTML(s)
		add("chromium-"+name, out+"-chromium.pdf", func() error { return chromium(page, out+"-chromium.pdf") })
		add("libreoffice-"+name, out+"-lo.pdf", func() error { return sofficeHTML(page, out+"-lo.pdf") })
	}
}

func meetingHTML(m testpdf.Meeting, columns int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>%s</title>
<style>body{font-family:"Liberation Sans",sans-serif;font-size:10.5pt;column-count:%d;column-gap:1cm;text-align:justify;hyphens:auto}
h1{column-span:all;font-size:16pt} h2{font-size:11pt;margin:.6em 0 .2em}</style></head><body>
`, html.EscapeString(m.Header), columns)
	if m.Header != "" {
		fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(m.Header))
	}
	for _, c := range m.Cases {
		fmt.Fprintf(&b, "<h2>%s</h2>\n", html.EscapeString(c.Title))
		for _, p := range c.Paragraphs {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

func scriptHTML(s string) string {
	t := scripts[s]
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="%s" dir="%s"><head><meta charset="utf-8"><title>%s</title>
<style>body{font-family:"DejaVu Sans","WenQuanYi Micro Hei",sans-serif;font-size:12pt}</style></head><body>
`, t.lang, t.dir, s)
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(t.text))
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// chromium prints page (HTML) to out with headless Chromium.
func chromium(page, out string) error {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "torture-chromium")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "page.html")
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+abs, "file://"+src)
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("chromium: %v: %s", err, lastLines(string(o), 2))
	}
	_, err = os.Stat(abs)
	return err
}

// soffice converts a flat ODT to out with LibreOffice.
func soffice(fodt, out string) error { return convert(fodt, "doc.fodt", out) }

// sofficeHTML converts an HTML page to out with LibreOffice Writer.
func sofficeHTML(page, out string) error { return convert(page, "doc.html", out) }

func convert(src, name, out string) error {
	if _, err := exec.LookPath("soffice"); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "torture-lo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		return err
	}
	filter := "pdf"
	if strings.HasSuffix(name, ".html") {
		filter = "pdf:writer_web_pdf_Export"
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", filter, "--outdir", dir, filepath.Join(dir, name))
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v: %s", err, lastLines(string(o), 2))
	}
	pdf, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".pdf"))
	if err != nil {
		return err
	}
	return os.WriteFile(out, pdf, 0o644)
}

// latexTwoColumn writes m as a pdflatex two-column article (T1 fonts).
func latexTwoColumn(m testpdf.Meeting, out string) error {
	var b strings.Builder
	b.WriteString("\\documentclass[10pt,a4paper,twocolumn]{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n")
	fmt.Fprintf(&b, "\\title{%s}\\date{}\\author{}\n\\begin{document}\\maketitle\n", latexEscape(m.Header, true))
	for _, c := range m.Cases {
		fmt.Fprintf(&b, "\\section*{%s}\n%s\n\n", latexEscape(c.Title, true), latexEscape(strings.Join(c.Paragraphs, "\n\n"), true))
	}
	b.WriteString("\\end{document}\n")
	return pdflatex(b.String(), out)
}

// reportlabForm writes an AcroForm with reportlab: a text field per case
// holding its title (an appearance stream made by reportlab), a
// multi-line field holding its first paragraph, a checkbox, and a line of
// ordinary text above each.
func reportlabForm(m testpdf.Meeting, out string) error {
	var fields []map[string]string
	for _, c := range m.Cases {
		p := ""
		if len(c.Paragraphs) > 0 {
			p = c.Paragraphs[0]
		}
		fields = append(fields, map[string]string{"title": c.Title, "text": p})
	}
	return python(`
import json, sys
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
d = json.loads(sys.stdin.read())
c = canvas.Canvas(d["out"], pagesize=A4)
y = 780
for i, f in enumerate(d["fields"]):
    if y < 200:
        c.showPage(); y = 780
    c.setFont("Helvetica", 10); c.drawString(50, y, "Sak %d:" % (i + 1))
    c.acroForm.textfield(name="title%d" % i, value=f["title"][:80], x=110, y=y - 6, width=430, height=18, fontSize=9, borderWidth=0)
    c.acroForm.textfield(name="text%d" % i, value=f["text"][:400], x=110, y=y - 90, width=430, height=80, fontSize=8, fieldFlags="multiline", borderWidth=0)
    c.acroForm.checkbox(name="done%d" % i, x=50, y=y - 40, size=12, checked=(i % 2 == 0))
    y -= 120
c.save()
`, map[string]any{"out": out, "fields": fields})
}
