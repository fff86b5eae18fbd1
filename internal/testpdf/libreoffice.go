package testpdf

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// FODT returns meeting m as a flat OpenDocument text for LibreOffice
// Writer: Liberation Serif 11 pt, justified and hyphenated (Norwegian
// bokmål patterns), a running header, "Side N av M" in the footer.
func FODT(m Meeting, l Layout, created string) string {
	var b strings.Builder
	esc := html.EscapeString
	cm := func(pt float64) string { return fmt.Sprintf("%.2fcm", pt/72*2.54) }
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:creation-date>%sT10:00:00</meta:creation-date><dc:title>%s</dc:title></office:meta>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties fo:font-family="'Liberation Serif'" fo:font-size="11pt" fo:language="nb" fo:country="NO" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
</style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="MeetingTitle" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="CaseHeading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" fo:hyphenate="false"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="%s" fo:page-height="%s" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Furniture">NTL NAV – referat fra %s</text:p></style:header>
<style:footer><text:p text:style-name="Furniture">Side <text:page-number text:select-page="current">1</text:page-number> av <text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
`, created, esc(m.Header), cm(l.PageWidth), cm(l.PageHeight), esc(m.Body))
	if m.Header != "" {
		fmt.Fprintf(&b, "<text:p text:style-name=\"MeetingTitle\">%s</text:p>\n", esc(m.Header))
	}
	if m.Intro != "" {
		fmt.Fprintf(&b, "<text:p text:style-name=\"Body\">%s</text:p>\n", esc(m.Intro))
	}
	for _, c := range m.Cases {
		for i, p := range c.Paragraphs {
			switch {
			case i == 0 && l.HeadingTitles:
				fmt.Fprintf(&b, "<text:p text:style-name=\"CaseHeading\">%s</text:p>\n", esc(c.Title))
				fmt.Fprintf(&b, "<text:p text:style-name=\"Body\">%s</text:p>\n", esc(p))
			case i == 0:
				fmt.Fprintf(&b, "<text:p text:style-name=\"Body\"><text:span text:style-name=\"Strong\">%s</text:span> %s</text:p>\n", esc(PrintedTitle(c.Title, true)), esc(p))
			default:
				fmt.Fprintf(&b, "<text:p text:style-name=\"Body\">%s</text:p>\n", esc(p))
			}
		}
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.String()
}

// LibreOffice writes meeting m as out (a .pdf path) with LibreOffice Writer.
func LibreOffice(m Meeting, l Layout, created, out string) error {
	dir, err := os.MkdirTemp("", "testpdf-lo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, strings.TrimSuffix(filepath.Base(out), ".pdf")+".fodt")
	if err := os.WriteFile(src, []byte(FODT(m, l, created)), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v: %s", err, b)
	}
	pdf, err := os.ReadFile(strings.TrimSuffix(src, ".fodt") + ".pdf")
	if err != nil {
		return err
	}
	return os.WriteFile(out, SetCreationDate(pdf, created), 0o644)
}

// creationDate finds the date in an Info dictionary's CreationDate.
var creationDate = regexp.MustCompile(`/CreationDate\s*\(D:(\d{8})`)

// SetCreationDate writes date (2006-01-02) over the CreationDate that
// LibreOffice sets to the time of export, in place, so that the file's
// cross-reference offsets stay right.
func SetCreationDate(pdf []byte, date string) []byte {
	d := strings.ReplaceAll(date, "-", "")
	if len(d) != 8 {
		return pdf
	}
	for _, m := range creationDate.FindAllSubmatchIndex(pdf, -1) {
		copy(pdf[m[2]:m[3]], d)
	}
	return pdf
}
