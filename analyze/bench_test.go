package analyze

import (
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

// BenchmarkAnalyze analyses every annotated case; words/s is the figure
// the analysis issue asks for.
func BenchmarkAnalyze(b *testing.B) {
	gold, err := LoadGold("../testdata/samples", "../testdata/meetings")
	if err != nil || len(gold) == 0 {
		b.Fatalf("no annotated meetings: %v", err)
	}
	var cases []referat.Case
	words := 0
	for _, m := range gold {
		for _, c := range m.Cases {
			text := strings.Join(c.Paragraphs, "\n\n")
			cases = append(cases, referat.Case{Title: c.Title, Text: text})
			words += len(strings.Fields(c.Title + " " + text))
		}
	}
	a := New(nil, Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range cases {
			c := cases[k]
			a.Case(&c)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
