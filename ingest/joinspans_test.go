package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/norsk"
	"github.com/ntlnav/referat/internal/pdftext"
)

// joinSpansRef is joinSpans as it was before the spanJoiner: the text of
// the last span made again by concatenation for each line.
func joinSpansRef(a, b []pdftext.Span) []pdftext.Span {
	if len(a) == 0 {
		return append(a, b...)
	}
	last := &a[len(a)-1]
	t := strings.TrimRight(last.Text, " ")
	nextText := ""
	for _, s := range b {
		nextText += s.Text
	}
	nextText = strings.TrimLeft(nextText, " ")
	sep := " "
	switch {
	case strings.HasSuffix(t, "\u00AD"):
		t = strings.TrimSuffix(t, "\u00AD")
		sep = ""
	case strings.HasSuffix(t, "-"):
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t, "-"))
		first, _ := utf8.DecodeRuneInString(nextText)
		word := firstWord(nextText)
		switch {
		case norsk.IsCompoundConjunction(strings.ToLower(word)) || before == ' ' || before == utf8.RuneError:
			sep = " "
		case unicode.IsLower(before) && unicode.IsLower(first):
			t = strings.TrimSuffix(t, "-")
			sep = ""
		default:
			sep = ""
		}
	}
	last.Text = t
	out := a
	for i, s := range b {
		if i == 0 {
			s.Text = strings.TrimLeft(s.Text, " ")
			if sep == "" && s.Bold == last.Bold {
				last.Text += s.Text
				continue
			}
			if sep != "" {
				if s.Bold == last.Bold {
					last.Text += sep + s.Text
					continue
				}
				last.Text += sep
			}
		}
		out = append(out, s)
	}
	return out
}

// TestSpanJoinerMatchesConcatenation joins random lines, hyphens, soft
// hyphens, spaces, weights and empty lines included, with the spanJoiner
// (as paragraphs does), with joinSpans (as mergePages does) and with the
// reference, and requires the same spans.
func TestSpanJoinerMatchesConcatenation(t *testing.T) {
	pieces := []string{"organisa-", "sjonen", "NAV-", "kontor", "arbeids-", "og", "  ", "\u00AD", "ord ",
		" Ord", "-", "a", "É", " - ", "\xff", "", "budsjett-", "ø", "x\u00AD", "1-"}
	r := rand.New(rand.NewPCG(7, 8))
	for k := 0; k < 20000; k++ {
		lines := make([][]pdftext.Span, 1+r.IntN(6))
		for i := range lines {
			line := make([]pdftext.Span, r.IntN(4))
			for s := range line {
				var b strings.Builder
				for n := 1 + r.IntN(3); n > 0; n-- {
					b.WriteString(pieces[r.IntN(len(pieces))])
				}
				line[s] = pdftext.Span{Text: b.String(), Bold: r.IntN(3) == 0}
			}
			lines[i] = line
		}
		copyLine := func(l []pdftext.Span) []pdftext.Span { return append([]pdftext.Span(nil), l...) }
		want := append([]pdftext.Span(nil), lines[0]...)
		got := copyLine(lines[0])
		var j spanJoiner
		j.start(nil)
		j.join(lines[0])
		for _, l := range lines[1:] {
			want = joinSpansRef(want, copyLine(l))
			got = joinSpans(got, copyLine(l))
			j.join(l)
		}
		if joined := j.done(); !reflect.DeepEqual(joined, want) && len(joined)+len(want) > 0 {
			t.Fatalf("spanJoiner of %+v = %+v, want %+v", lines, joined, want)
		}
		if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("joinSpans of %+v = %+v, want %+v", lines, got, want)
		}
	}
}
