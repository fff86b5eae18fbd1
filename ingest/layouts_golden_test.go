package ingest_test

import (
	"strings"
	"testing"
)

// TestLayoutGolden compares the extraction of a two-column page, a
// participants table with numbered agenda headings, and pages turned by
// 90 and 270 degrees with their golden files in testdata/golden/layouts.
// Run with -update to rewrite them after a deliberate change.
func TestLayoutGolden(t *testing.T) {
	files := []string{
		"testdata/pdf/layouts/chromium/2019-10-17-etats-mba.pdf",      // two columns, a heading over both
		"testdata/pdf/layouts/libreoffice/2025-12-11-sentral-mba.pdf", // a two-column section
		"testdata/pdf/layouts/libreoffice/2023-09-21-hamu.pdf",        // participants table, "Sak 20/23"
		"testdata/pdf/layouts/chromium/2020-09-10-hamu.pdf",           // bold "Vedtak:" labels
		"testdata/pdf/layouts/rotated/2019-10-17-etats-mba-90.pdf",    // /Rotate 90
		"testdata/pdf/layouts/rotated/2023-09-21-hamu-270.pdf",        // /Rotate 270
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "testdata/pdf/"), ".pdf")
		t.Run(name, func(t *testing.T) { checkGolden(t, f, name, "TestLayoutGolden") })
	}
}
