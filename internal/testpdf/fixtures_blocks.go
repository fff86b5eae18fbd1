package testpdf

import (
	"fmt"
	"strings"
)

// Block fixtures: columns that the test for filled columns of running
// text misses (internal/pdftext's listing.go and blocks.go).

const courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"

var (
	listingTitle = "Rapport fra IT-gruppen i NTL NAV om verktøyet for referatene"
	listingLeft  = []string{"Verktøyet leser referatene i en løkke:"}
	listingCode  = []string{
		"for _, sak := range saker {",
		"  if err != nil {",
		"    return err",
		"  }",
		"}",
	}
	listingAfter = []string{"Hver sak lagres for seg i databasen."}
	listingRight = []string{
		"Arbeidsgiver ønsker å ta verktøyet i bruk",
		"i flere avdelinger fra neste år, og NTL",
		"støtter det under forutsetning av at de",
		"tillitsvalgte får opplæring i bruken av",
		"det. Partene ble enige om å komme tilbake",
		"til saken når evalueringen er ferdig, og",
		"at IT-gruppen skal legge fram en rapport",
		"om personvernet før verktøyet tas i bruk",
		"i andre deler av etaten enn i dag. NTL",
		"vil også ha en plan for vedlikeholdet.",
	}
)

// listingColumn draws two columns of prose at 12 points leading, the
// left one with a code listing in Courier at 10 points leading inside
// it: short lines, far narrower than the column, more of them than of
// prose, so that the left column is not "filled" unless the listing's
// lines are set aside; below the listing the two columns' rows no longer
// share baselines (so they are not dense columns either), and the left
// column has too few rows to be a column of its own (blocks.go).
func listingColumn() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 14 Tf 56 790 Td %s Tj ET\n", winAnsi(listingTitle))
	y := 760
	for _, l := range listingLeft {
		fmt.Fprintf(&b, "BT /F1 10 Tf 56 %d Td %s Tj ET\n", y, winAnsi(l))
		y -= 12
	}
	y -= 2
	for _, l := range listingCode {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		fmt.Fprintf(&b, "BT /F2 9 Tf %.1f %d Td %s Tj ET\n", 66+5.4*float64(indent), y, winAnsi(strings.TrimLeft(l, " ")))
		y -= 10
	}
	y -= 4
	for _, l := range listingAfter {
		fmt.Fprintf(&b, "BT /F1 10 Tf 56 %d Td %s Tj ET\n", y, winAnsi(l))
		y -= 12
	}
	for i, l := range listingRight {
		fmt.Fprintf(&b, "BT /F1 10 Tf 306 %d Td %s Tj ET\n", 760-12*i, winAnsi(l))
	}
	return page(b.String(), []string{helvetica, courier}, "", "")
}

var (
	offsetIndexTitle = "Register"
	offsetIndexLeft  = []string{
		"Arbeidsmiljøloven og forskriftene, 4", "  kap. 10, 12", "Avtale, 7", "AKAN, 3",
		"", "Drøfting, 5", "Drift, 9", "", "Ferie, 11",
		"Fullmakt, 2", "  delegert, 6", "Fravær, 8",
	}
	offsetIndexRight = []string{
		"Medbestemmelse og medvirkning, 1", "Mål, 10", "", "Omstilling, 2",
		"  varslet, 5", "Overtid, 12", "Permisjon, 9", "", "Sak, 3",
		"Syk, 7", "Tillitsvalgt, 1", "  hoved-, 6",
	}
)

// offsetIndex draws an index in two columns of short entries (most far
// shorter than the longest, so the columns are not filled with running
// text) whose rows do not share baselines: the right column starts half a line lower and
// each column leaves a blank line between its letter groups at its own
// places, so that nearly every row has an entry on one side only.
func offsetIndex() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 14 Tf 56 790 Td %s Tj ET\n", winAnsi(offsetIndexTitle))
	for col, ls := range [][]string{offsetIndexLeft, offsetIndexRight} {
		y := 760.0 - 6*float64(col)
		for _, l := range ls {
			if l != "" {
				indent := 0.0
				if strings.HasPrefix(l, "  ") {
					indent = 10
				}
				fmt.Fprintf(&b, "BT /F1 10 Tf %.0f %.0f Td %s Tj ET\n", 56+250*float64(col)+indent, y, winAnsi(strings.TrimSpace(l)))
			}
			y -= 12
		}
	}
	return page(b.String(), []string{helvetica}, "", "")
}

// nonEmpty returns the lines of ls that are not empty, trimmed.
func nonEmpty(ls []string) []string {
	var out []string
	for _, l := range ls {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
