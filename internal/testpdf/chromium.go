package testpdf

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// HTML returns annotated meeting m as a web page for print: A4, a running
// head and a "Side N av M" footer in @page margin boxes, and per layout
// CSS columns (two-column: the heading spans both, titles bold inline), a
// participants table (agenda-table: Til stede, Forfall, Referent, Sted,
// Tid; headings "Sak 9/18 Title"), numbered headings (subitems: "1.
// Title") or bold "Vedtak:"/"Konklusjon:" labels (decisions).
func HTML(m Annotated) string {
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>%s</title><style>
@page { size: A4; margin: 2cm 2cm 2cm 2cm;
  @top-center { content: "%s"; font: 9pt 'Liberation Sans', sans-serif; }
  @bottom-center { content: "Side " counter(page) " av " counter(pages); font: 9pt 'Liberation Sans', sans-serif; } }
body { font: 11pt/1.35 'Liberation Serif', serif; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 0.5cm 0; }
h2 { font-size: 11pt; margin: 0.4cm 0 0.15cm 0; break-after: avoid; }
p { margin: 0 0 0.25cm 0; text-align: justify; }
.cols { columns: 2; column-gap: 0.8cm; }
.cols p { text-align: left; }
table { border-collapse: collapse; margin: 0 0 0.6cm 0; }
td { vertical-align: top; padding: 2pt 10pt 2pt 0; }
td.label { font-weight: bold; width: 3cm; }
</style></head><body>
`, esc(m.Header), strings.ReplaceAll(m.Furniture(), `"`, `\"`))
	fmt.Fprintf(&b, "<h1>%s</h1>\n", esc(m.Header))
	if m.Layout == LayoutAgendaTable {
		b.WriteString(participantsHTML(m))
	}
	if m.Layout == LayoutTwoColumn {
		b.WriteString(`<div class="cols">` + "\n")
	}
	if m.Intro != "" {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(m.Intro))
	}
	for _, c := range m.Cases {
		if m.Layout != LayoutTwoColumn {
			fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(c.PrintedHeading()))
		}
		for i, p := range c.Paragraphs {
			if i == 0 && m.Layout == LayoutTwoColumn {
				fmt.Fprintf(&b, "<p><b>%s</b> %s</p>\n", esc(PrintedTitle(c.Title, true)), esc(p))
				continue
			}
			if label, rest, ok := decisionLabel(p); ok && m.Layout == LayoutDecisions {
				fmt.Fprintf(&b, "<p><b>%s</b> %s</p>\n", esc(label), esc(rest))
				continue
			}
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
		}
	}
	if m.Layout == LayoutTwoColumn {
		b.WriteString("</div>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// decisionLabel splits "Vedtak: text" into its label and the text.
func decisionLabel(p string) (label, rest string, ok bool) {
	for _, l := range []string{"Vedtak:", "Konklusjon:"} {
		if strings.HasPrefix(p, l+" ") {
			return l, strings.TrimPrefix(p, l+" "), true
		}
	}
	return "", "", false
}

// participantsHTML is the table of an agenda-table meeting: one row per
// label, one name per line.
func participantsHTML(m Annotated) string {
	var b strings.Builder
	b.WriteString("<table>\n")
	row := func(label string, values ...string) {
		if len(values) == 0 || len(values) == 1 && values[0] == "" {
			return
		}
		var vs []string
		for _, v := range values {
			vs = append(vs, html.EscapeString(v))
		}
		fmt.Fprintf(&b, "<tr><td class=\"label\">%s</td><td>%s</td></tr>\n", label, strings.Join(vs, "<br>"))
	}
	row("Til stede:", m.Attendees...)
	row("Forfall:", m.Absent...)
	row("Referent:", m.MinutesTaker)
	row("Sted:", m.Place)
	row("Tid:", m.Time)
	b.WriteString("</table>\n")
	return b.String()
}

// Chromium writes annotated meeting m as out with headless Chromium's
// print to PDF.
func Chromium(m Annotated, created, out string) error {
	dir, err := os.MkdirTemp("", "testpdf-chromium")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, m.ID+".html")
	if err := os.WriteFile(src, []byte(HTML(m)), 0o644); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "chromium", "--headless", "--no-sandbox", "--disable-gpu",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer",
		"--print-to-pdf="+out, "file://"+src)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("chromium: %v: %s", err, b)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	return os.WriteFile(out, SetCreationDate(pdf, created), 0o644)
}
