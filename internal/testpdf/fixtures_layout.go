package testpdf

import (
	"fmt"
	"strings"
)

// Layout fixtures: reading order of dense columns of short entries and
// sub- and superscripts (internal/pdftext's order.go and scripts.go).

var (
	registerTitle = "Stikkordregister"
	registerLeft  = []string{
		"arbeidstid 4, 12", "arbeidsmiljø 3", "bemanning 7", "budsjett 2, 9", "drøfting 5",
		"forhandling 11", "hjemmekontor 6", "innleie 8", "kompetanse 10", "kontorstruktur 3, 7",
		"lønn 12", "medbestemmelse 1",
	}
	registerRight = []string{
		"nedbemanning 7", "omstilling 2, 4", "permisjon 9", "reiseregning 11", "rekruttering 8",
		"seniorpolitikk 6", "sykefravær 5", "turnus 10", "tillitsvalgt 1, 3", "utlysning 8",
		"vernetjeneste 4", "ytringsfrihet 12",
	}
)

// tableColumns draws an index in two columns of short entries that share
// baselines, row by row, left entry then right: the columns are neither
// filled lines nor a table of labels with values, but long, dense
// columns, which poppler and a reader take column by column.
func tableColumns() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 14 Tf 56 790 Td %s Tj ET\n", winAnsi(registerTitle))
	for i := range registerLeft {
		y := 760 - 13*i
		fmt.Fprintf(&b, "BT /F1 10 Tf 56 %d Td %s Tj ET\n", y, winAnsi(registerLeft[i]))
		fmt.Fprintf(&b, "BT /F1 10 Tf 300 %d Td %s Tj ET\n", y, winAnsi(registerRight[i]))
	}
	return page(b.String(), []string{helvetica}, "", "")
}

// scriptsText is what the fixture scripts reads.
var scriptsText = []string{
	"Kontoret har 25 m2 per ansatt og CO2-utslippet falt.",
	"Formelen x2 + y2 gjelder fortsatt.",
}

// scripts draws superscripts and subscripts in a smaller size, raised and
// lowered with Ts (as word processors do) and with Td (as TeX does), so
// that their baselines are not the line's.
func scripts() []byte {
	content := "BT /F1 11 Tf 56 760 Td (Kontoret har 25 m) Tj /F1 7 Tf 4 Ts (2) Tj /F1 11 Tf 0 Ts ( per ansatt og CO) Tj " +
		"/F1 7 Tf -2.5 Ts (2) Tj /F1 11 Tf 0 Ts (-utslippet falt.) Tj ET\n" +
		"BT /F1 11 Tf 56 740 Td (Formelen x) Tj ET\n" +
		"BT /F1 7 Tf 111.31 744.2 Td (2) Tj ET\n" +
		"BT /F1 11 Tf 115.20 740 Td ( + y) Tj ET\n" +
		"BT /F1 7 Tf 133.50 744.2 Td (2) Tj ET\n" +
		"BT /F1 11 Tf 137.39 740 Td ( gjelder fortsatt.) Tj ET\n"
	return page(content, []string{helvetica}, "", "")
}
