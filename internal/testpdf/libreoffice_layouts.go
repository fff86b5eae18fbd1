package testpdf

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// AnnotatedFODT returns annotated meeting m as a flat OpenDocument text
// for LibreOffice Writer, A4, Liberation Serif 11 pt justified and
// hyphenated, the running head in the page header and "Side N av M" in
// the footer; per layout a two-column section below a heading that spans
// the page (two-column), a participants table (agenda-table), numbered
// bold headings (subitems, agenda-table) or bold decision labels.
func AnnotatedFODT(m Annotated, created string) string {
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:creation-date>%sT10:00:00</meta:creation-date><dc:title>%s</dc:title></office:meta>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties fo:font-family="'Liberation Serif'" fo:font-size="11pt" fo:language="nb" fo:country="NO" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
</style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties fo:hyphenate="false"/></style:style>
<style:style style:name="MeetingTitle" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="CaseHeading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" fo:hyphenate="false"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:style style:name="Participants" style:family="table"><style:table-properties style:width="17cm" table:align="left" fo:margin-bottom="0.5cm"/></style:style>
<style:style style:name="LabelCol" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
<style:style style:name="ValueCol" style:family="table-column"><style:table-column-properties style:column-width="14cm"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Furniture">%s</text:p></style:header>
<style:footer><text:p text:style-name="Furniture">Side <text:page-number text:select-page="current">1</text:page-number> av <text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
`, created, esc(m.Header), esc(m.Furniture()))
	para := func(style, s string) { fmt.Fprintf(&b, "<text:p text:style-name=\"%s\">%s</text:p>\n", style, s) }
	strong := func(s string) string { return `<text:span text:style-name="Strong">` + esc(s) + `</text:span>` }
	para("MeetingTitle", esc(m.Header))
	if m.Layout == LayoutAgendaTable {
		b.WriteString(participantsFODT(m))
	}
	if m.Layout == LayoutTwoColumn {
		b.WriteString(`<text:section text:style-name="Cols" text:name="Spalter">` + "\n")
	}
	if m.Intro != "" {
		para("Body", esc(m.Intro))
	}
	for _, c := range m.Cases {
		if m.Layout != LayoutTwoColumn {
			para("CaseHeading", esc(c.PrintedHeading()))
		}
		for i, p := range c.Paragraphs {
			label, rest, isDecision := decisionLabel(p)
			switch {
			case i == 0 && m.Layout == LayoutTwoColumn:
				para("Body", strong(PrintedTitle(c.Title, true))+" "+esc(p))
			case isDecision && m.Layout == LayoutDecisions:
				para("Body", strong(label)+" "+esc(rest))
			default:
				para("Body", esc(p))
			}
		}
	}
	if m.Layout == LayoutTwoColumn {
		b.WriteString("</text:section>\n")
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.String()
}

// participantsFODT is the participants table: a label cell and a cell
// with one paragraph per name.
func participantsFODT(m Annotated) string {
	var b strings.Builder
	b.WriteString(`<table:table table:name="Deltakere" table:style-name="Participants"><table:table-column table:style-name="LabelCol"/><table:table-column table:style-name="ValueCol"/>` + "\n")
	row := func(label string, values ...string) {
		if len(values) == 0 || len(values) == 1 && values[0] == "" {
			return
		}
		fmt.Fprintf(&b, `<table:table-row><table:table-cell office:value-type="string"><text:p text:style-name="Cell"><text:span text:style-name="Strong">%s</text:span></text:p></table:table-cell><table:table-cell office:value-type="string">`, label)
		for _, v := range values {
			fmt.Fprintf(&b, `<text:p text:style-name="Cell">%s</text:p>`, html.EscapeString(v))
		}
		b.WriteString("</table:table-cell></table:table-row>\n")
	}
	row("Til stede", m.Attendees...)
	row("Forfall", m.Absent...)
	row("Referent", m.MinutesTaker)
	row("Sted", m.Place)
	row("Tid", m.Time)
	b.WriteString("</table:table>\n")
	return b.String()
}

// LibreOfficeAnnotated writes annotated meeting m as out with LibreOffice
// Writer.
func LibreOfficeAnnotated(m Annotated, created, out string) error {
	dir, err := os.MkdirTemp("", "testpdf-lo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, m.ID+".fodt")
	if err := os.WriteFile(src, []byte(AnnotatedFODT(m, created)), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v: %s", err, b)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, m.ID+".pdf"))
	if err != nil {
		return err
	}
	return os.WriteFile(out, SetCreationDate(pdf, created), 0o644)
}
