package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/testpdf"
	"github.com/ntlnav/referat/internal/textsim"
)

// scores are the extraction figures for a set of test PDFs.
type scores struct {
	files               int
	tp, fp, fn          int // case titles
	similarity          float64
	datesRight, datesOf int
}

func (s scores) f1() float64 {
	if s.tp == 0 {
		return 0
	}
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return 2 * p * r / (p + r)
}

// loadExpected reads what a perfect extraction of the generated test PDFs
// gives.
func loadExpected(t testing.TB) []testpdf.Expected {
	return loadJSON[[]testpdf.Expected](t, "../testdata/pdf/expected.json")
}

// loadJSON reads the JSON file path into a T, or fails the test.
func loadJSON[T any](t testing.TB, path string) T {
	t.Helper()
	var v T
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// score compares one extracted document with its expectation.
func score(doc *referat.Document, e testpdf.Expected) scores {
	s := scores{files: 1, datesOf: 1}
	if doc.Meeting.Date == e.Date {
		s.datesRight = 1
	}
	want := map[string]int{}
	for _, c := range e.Cases {
		want[normTitle(c.Title)]++
	}
	for _, c := range doc.Cases {
		if want[normTitle(c.Title)] > 0 {
			want[normTitle(c.Title)]--
			s.tp++
		} else {
			s.fp++
		}
	}
	for _, n := range want {
		s.fn += n
	}
	var got, src []string
	for _, c := range doc.Cases {
		got = append(got, strings.Fields(c.Title+" "+c.Text)...)
	}
	for _, c := range e.Cases {
		src = append(src, strings.Fields(c.Title+" "+strings.Join(c.Paragraphs, " "))...)
	}
	s.similarity = wordSimilarity(got, src)
	return s
}

func normTitle(s string) string { return strings.Join(strings.Fields(s), " ") }

// wordSimilarity is 2·LCS/(len(a)+len(b)) over the word sequences.
func wordSimilarity(a, b []string) float64 { return textsim.WordF1(a, b) }

// TestCorpusScores extracts every generated test PDF and checks the
// figures of the ingest issue per producer: case-title F1 >= 0.97, body
// word similarity >= 0.99, every date right.
func TestCorpusScores(t *testing.T) {
	byProducer := map[string]*scores{}
	for _, e := range loadExpected(t) {
		doc, err := ingest.ExtractFile(context.Background(), filepath.Join("..", e.File), ingest.Options{})
		if err != nil {
			t.Errorf("%s: %v", e.File, err)
			continue
		}
		s := score(doc, e)
		if s.fp+s.fn > 0 || s.similarity < 0.99 || s.datesRight == 0 {
			var titles []string
			for _, c := range doc.Cases {
				titles = append(titles, c.Title)
			}
			t.Logf("%s: titles tp=%d fp=%d fn=%d sim=%.4f date=%s want %s; got titles %q", e.File, s.tp, s.fp, s.fn, s.similarity, doc.Meeting.Date, e.Date, titles)
		}
		agg := byProducer[e.Producer]
		if agg == nil {
			agg = &scores{}
			byProducer[e.Producer] = agg
		}
		agg.files++
		agg.tp += s.tp
		agg.fp += s.fp
		agg.fn += s.fn
		agg.similarity += s.similarity
		agg.datesRight += s.datesRight
		agg.datesOf++
	}
	names := make([]string, 0, len(byProducer))
	for n := range byProducer {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := byProducer[n]
		sim := s.similarity / float64(s.files)
		t.Logf("%-12s files=%d title-F1=%.3f similarity=%.4f dates=%d/%d", n, s.files, s.f1(), sim, s.datesRight, s.datesOf)
		if s.f1() < 0.97 || sim < 0.99 || s.datesRight != s.datesOf {
			t.Errorf("%s: title F1 %.3f (want >= 0.97), similarity %.4f (want >= 0.99), dates %d/%d", n, s.f1(), sim, s.datesRight, s.datesOf)
		}
	}
}
