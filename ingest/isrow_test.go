package ingest

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/pdftext"
)

// TestIsRowMatchesText holds isRow and textLen to what they stand for,
// the separator in the line's joined text and its length, over random
// lines of one to four spans whose pieces cut the separator anywhere.
func TestIsRowMatchesText(t *testing.T) {
	pieces := []string{"", " ", "|", " |", "| ", " | ", "a", "Vedtak", "æ", "||", "a|b", pdftext.CellSeparator}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var l pdftext.Line
		for range 1 + rng.Intn(4) {
			var b strings.Builder
			for range rng.Intn(4) {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			l.Spans = append(l.Spans, pdftext.Span{Text: b.String(), Bold: rng.Intn(2) == 0})
		}
		text := l.Text()
		if got, want := isRow(&l), strings.Contains(text, pdftext.CellSeparator); got != want {
			t.Fatalf("isRow(%+v) = %v, want %v", l.Spans, got, want)
		}
		if got := textLen(&l); got != len(text) {
			t.Fatalf("textLen(%+v) = %d, want %d", l.Spans, got, len(text))
		}
	}
}
