package testpdf

// Fixtures for how a line's glyphs become words and characters: spacing,
// marked content, accents, right-to-left scripts (internal/pdftext's
// lines.go and order.go).

// squeezedSpaces draws justified text the way some typesetters do (the
// Go book's MinionPro pages): a line cut into pieces whose space glyphs
// are squeezed to nothing by a negative Tw, with the real word spaces
// made by Tc and TJ offsets instead. Helvetica 11: a space is 3.06 pt;
// -2.9 Tw leaves 0.16 pt, no gap a reader sees.
func squeezedSpaces() []byte {
	content := "BT /F1 11 Tf 56 760 Td\n" +
		"-2.9 Tw [(Arbeidsgiv eren) -300 (orien terte) -300 (o)] TJ\n" +
		"2.5 Tc (m) Tj 0 Tc (budsj et) Tj\n" +
		"(te) Tj 2.5 Tc (t) Tj 0 Tc (for) Tj\n" +
		"0 Tw ( neste ) Tj " + winAnsi("år.") + " Tj ET\n" +
		"BT /F1 11 Tf 56 740 Td -1.2 Tw " + winAnsi("Ordinære mellomrom teller.") + " Tj ET\n"
	return page(content, []string{helvetica}, "", "")
}
