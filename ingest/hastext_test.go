package ingest

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/ntlnav/referat/internal/pdftext"
)

// hasTextByTables is hasText as it was before its ASCII shortcut: every
// character classified by the unicode tables.
func hasTextByTables(ls []pdftext.Line) bool {
	readable, unreadable := 0, 0
	for _, l := range ls {
		for _, s := range l.Spans {
			for _, c := range s.Text {
				switch {
				case c == '\uFFFD' || c >= 0xE000 && c <= 0xF8FF || c >= 0xF0000:
					unreadable++
				case unicode.IsSpace(c) || unicode.IsControl(c) || unicode.Is(unicode.Cf, c):
				default:
					readable++
				}
			}
		}
	}
	return readable > 0 && readable >= unreadable
}

// TestHasTextMatchesTables holds hasText's ASCII shortcut to the tables:
// every ASCII character alone and beside unreadable ones, and random
// mixes of ASCII, Latin, spaces, format characters, U+FFFD, private use
// and invalid UTF-8.
func TestHasTextMatchesTables(t *testing.T) {
	line := func(texts ...string) []pdftext.Line {
		l := pdftext.Line{}
		for _, s := range texts {
			l.Spans = append(l.Spans, pdftext.Span{Text: s})
		}
		return []pdftext.Line{l}
	}
	check := func(ls []pdftext.Line) {
		t.Helper()
		if got, want := hasText(ls), hasTextByTables(ls); got != want {
			t.Fatalf("hasText(%+v) = %v, the tables say %v", ls[0].Spans, got, want)
		}
	}
	for c := rune(0); c < 0x100; c++ {
		check(line(string(c)))
		check(line(string(c), "\uFFFD"))
		check(line(string(c)+string(c), "\uE000\uFFFD"))
	}
	pieces := []string{"a", "Å", " ", "\t", "\u00A0", "\u200B", "\u00AD", "\uFEFF", "\uFFFD", "\uE001", "\U000F0001", "\x7F", "\x01", "\xff", "7", "-", "\u2028", "\u0085"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var spans []string
		for k := rng.Intn(4); k >= 0; k-- {
			var b strings.Builder
			for n := rng.Intn(6); n >= 0; n-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			spans = append(spans, b.String())
		}
		check(line(spans...))
	}
	// Pages of several lines, for hasText's stop before the last: the
	// unreadable characters of the later lines must still count.
	for i := 0; i < 20000; i++ {
		var ls []pdftext.Line
		for n := 1 + rng.Intn(6); n > 0; n-- {
			l := line()[0]
			for k := rng.Intn(3); k >= 0; k-- {
				var b strings.Builder
				for m := rng.Intn(6); m >= 0; m-- {
					b.WriteString(pieces[rng.Intn(len(pieces))])
				}
				l.Spans = append(l.Spans, pdftext.Span{Text: b.String()})
			}
			ls = append(ls, l)
		}
		check(ls)
	}
}
