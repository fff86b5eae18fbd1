package ingest

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/pdftext"
)

// TestRedactedNames: minutes whose writer blacked out names the way
// users do it, made by producers we did not configure (testdata/README.md):
// a black box laid over a name (Chromium) and a name marked black in
// black letters (Chromium, and a Word document converted by
// LibreOffice). A viewer shows black bars; pdftotext prints the names.
// referat must not: no name reaches the document (and so neither the
// store nor Elasticsearch), the sentence keeps its hole, and white
// letters on a black bar or a yellow mark stay text.
func TestRedactedNames(t *testing.T) {
	hole := "Arbeidsgiver orienterte om at varselet fra " + pdftext.Hidden + " er ferdig behandlet, og at konklusjonen er sendt til partene."
	second := "Saken ble utsatt etter ønske fra " + pdftext.Hidden + " i økonomiavdelingen. Merk: saken tas opp i oktober."
	for _, file := range []string{"redacted.pdf", "redacted-docx.pdf"} {
		t.Run(file, func(t *testing.T) {
			doc, err := ExtractFile(t.Context(), filepath.Join("testdata", file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			js, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"Kari", "Nordmann", "Ola", "Hansen"} {
				if strings.Contains(string(js), name) {
					t.Errorf("the blacked-out name %q is in the document: %s", name, js)
				}
			}
			if len(doc.Cases) != 2 {
				t.Fatalf("%d cases, want 2: %+v", len(doc.Cases), doc.Cases)
			}
			if got := doc.Cases[0].Paragraphs[0]; got != hole {
				t.Errorf("first paragraph %q, want %q", got, hole)
			}
			if got := doc.Cases[1].Paragraphs[0]; got != second {
				t.Errorf("second case %q, want %q", got, second)
			}
		})
	}
}
