package analyze

import (
	"fmt"
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

// BenchmarkThreads links 10,000 cases: the annotated titles, repeated
// over twenty years of meetings.
func BenchmarkThreads(b *testing.B) {
	gold, err := LoadGold("../testdata/annotated/train", "../testdata/annotated/heldout", "../testdata/samples")
	if err != nil || len(gold) == 0 {
		b.Fatalf("no annotated meetings: %v", err)
	}
	var cases []ThreadCase
	for k := 0; len(cases) < 10000; k++ {
		for _, m := range gold {
			if len(m.Date) < 10 {
				continue
			}
			year, month := 2000+k%20, 1+k/20%12
			date := fmt.Sprintf("%04d-%02d-%s", year, month, m.Date[8:10])
			for _, c := range m.Cases {
				cases = append(cases, ThreadCase{Meeting: fmt.Sprintf("%s-%d", m.ID, k), Date: date, Title: c.Title})
			}
		}
	}
	a := New(nil, Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Threads(cases)
	}
	b.ReportMetric(float64(len(cases)), "cases")
}
