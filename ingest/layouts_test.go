package ingest_test

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/testpdf"
)

// layoutScores are the figures of one set of layout files.
type layoutScores struct {
	scores
	stmt, stmtGold        prf // statements vs analysis of the gold text, vs the annotation
	numbersRight, numbers int // agenda numbers of the matched cases
	attendRight, attend   int // attendance items (names, referent, place, time)
	decRight, decs        int // decisions of the matched cases
}

type prf struct{ tp, fp, fn int }

func (s prf) f1() float64 {
	if s.tp+s.fp+s.fn == 0 {
		return 1
	}
	return 2 * float64(s.tp) / float64(2*s.tp+s.fp+s.fn)
}

func (s *prf) add(o prf) { s.tp += o.tp; s.fp += o.fp; s.fn += o.fn }

func ratioOr1(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// statementKeys are a document's statements as "actor|sentence".
func statementKeys(cases []referat.Case) map[string]int {
	out := map[string]int{}
	for _, c := range cases {
		for _, s := range c.Statements {
			out[s.Actor+"|"+collapseWS(s.Text)]++
		}
	}
	return out
}

func collapseWS(s string) string { return strings.Join(strings.Fields(s), " ") }

func comparePRF(got, want map[string]int) prf {
	var s prf
	for k, n := range got {
		m := min(n, want[k])
		s.tp += m
		s.fp += n - m
	}
	for k, n := range want {
		s.fn += max(0, n-got[k])
	}
	return s
}

// scoreLayout compares one extracted, analysed document with its
// annotated meeting.
func scoreLayout(an *analyze.Analyzer, doc *referat.Document, m testpdf.Annotated) layoutScores {
	gold := m.Gold()
	exp := testpdf.Expect(gold, "", "", m.Date)
	s := layoutScores{scores: score(doc, exp)}
	// Statements the analyzer finds in the gold text: what extraction
	// should let it find.
	ref := &referat.Document{}
	for _, c := range m.Cases {
		ref.Cases = append(ref.Cases, referat.Case{Title: c.Title, Paragraphs: c.Paragraphs, Text: strings.Join(c.Paragraphs, "\n\n")})
	}
	an.Document(ref)
	an.Document(doc)
	got := statementKeys(doc.Cases)
	s.stmt = comparePRF(got, statementKeys(ref.Cases))
	annotated := map[string]int{}
	for _, c := range m.Cases {
		for _, st := range c.Statements {
			annotated[st.Actor+"|"+collapseWS(st.Sentence)]++
		}
	}
	s.stmtGold = comparePRF(got, annotated)
	byTitle := map[string]referat.Case{}
	for _, c := range doc.Cases {
		byTitle[normTitle(c.Title)] = c
	}
	for _, c := range m.Cases {
		e, ok := byTitle[normTitle(c.Title)]
		s.numbers++
		if ok && e.Number == c.Number {
			s.numbersRight++
		}
		s.decs++
		if ok && collapseWS(e.Decision) == collapseWS(c.Decision) {
			s.decRight++
		}
	}
	want := attendance(m.Attendees, m.Absent, m.MinutesTaker, m.Place, m.Time)
	have := attendance(doc.Meeting.Attendees, doc.Meeting.Absent, doc.Meeting.MinutesTaker, doc.Meeting.Place, doc.Meeting.Time)
	for k := range want {
		s.attend++
		if have[k] {
			s.attendRight++
		}
	}
	for k := range have {
		if !want[k] {
			s.attend++ // an invented item counts against
		}
	}
	return s
}

func attendance(att, abs []string, taker, place, tid string) map[string]bool {
	out := map[string]bool{}
	for _, a := range att {
		out["a|"+collapseWS(a)] = true
	}
	for _, a := range abs {
		out["f|"+collapseWS(a)] = true
	}
	for k, v := range map[string]string{"r": taker, "s": place, "t": tid} {
		if v != "" {
			out[k+"|"+collapseWS(v)] = true
		}
	}
	return out
}

func (s *layoutScores) add(o layoutScores) {
	s.files++
	s.tp += o.tp
	s.fp += o.fp
	s.fn += o.fn
	s.similarity += o.similarity
	s.datesRight += o.datesRight
	s.datesOf++
	s.stmt.add(o.stmt)
	s.stmtGold.add(o.stmtGold)
	s.numbersRight += o.numbersRight
	s.numbers += o.numbers
	s.attendRight += o.attendRight
	s.attend += o.attend
	s.decRight += o.decRight
	s.decs += o.decs
}

// layoutFloor is what every layout and producer must reach: the aims of
// the issue (case F1 >= 0.97, similarity >= 0.99, statement F1 >= 0.95),
// and every date, agenda number, attendance item and decision right, as
// extraction does now.
var layoutFloor = struct{ f1, sim, stmt, dates, numbers, attend, decisions float64 }{
	f1: 0.97, sim: 0.99, stmt: 0.95, dates: 1, numbers: 1, attend: 1, decisions: 1,
}

// TestLayoutScores extracts the PDFs rendered from testdata/annotated in
// five layouts by Chromium and LibreOffice (testdata/pdf/layouts), and
// reports and checks per layout and producer: case F1, body word
// similarity, statement F1 (the analysis of the extracted text against the
// analysis of the gold text; against the annotation in the log), dates,
// agenda numbers, attendance and decisions.
func TestLayoutScores(t *testing.T) {
	files := loadJSON[[]testpdf.LayoutFile](t, "../testdata/pdf/layouts/expected.json")
	meetings, err := testpdf.LoadAnnotated("../testdata/annotated")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]testpdf.Annotated{}
	for _, m := range meetings {
		byID[m.ID] = m
	}
	an := analyze.New(nil, analyze.Options{})
	agg := map[string]*layoutScores{}
	for _, f := range files {
		doc, err := ingest.ExtractFile(context.Background(), filepath.Join("..", f.File), ingest.Options{})
		if err != nil {
			t.Errorf("%s: %v", f.File, err)
			continue
		}
		s := scoreLayout(an, doc, byID[f.Meeting])
		if s.fp+s.fn > 0 || s.similarity < 0.99 {
			var titles []string
			for _, c := range doc.Cases {
				titles = append(titles, c.Number+"|"+c.Title)
			}
			t.Logf("%s: tp=%d fp=%d fn=%d sim=%.4f; got %q", f.File, s.tp, s.fp, s.fn, s.similarity, titles)
		}
		if s.stmt.fp+s.stmt.fn > 0 {
			t.Logf("%s: statements tp=%d fp=%d fn=%d against the analysis of the gold text", f.File, s.stmt.tp, s.stmt.fp, s.stmt.fn)
		}
		key := f.Layout + " " + f.Producer
		if agg[key] == nil {
			agg[key] = &layoutScores{}
		}
		agg[key].add(s)
	}
	keys := make([]string, 0, len(agg))
	for k := range agg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("%-26s %5s %6s %7s %8s %6s %6s %6s %6s %5s", "layout producer", "files", "caseF1", "sim", "stmtF1", "(gold)", "dates", "number", "attend", "decis")
	for _, k := range keys {
		s := agg[k]
		sim := s.similarity / float64(s.files)
		dates := ratioOr1(s.datesRight, s.datesOf)
		nums := ratioOr1(s.numbersRight, s.numbers)
		att := ratioOr1(s.attendRight, s.attend)
		dec := ratioOr1(s.decRight, s.decs)
		t.Logf("%-26s %5d %6.3f %7.4f %8.3f %6.3f %6.2f %6.2f %6.2f %5.2f", k, s.files, s.f1(), sim, s.stmt.f1(), s.stmtGold.f1(), dates, nums, att, dec)
		fl := layoutFloor
		if s.f1() < fl.f1 || sim < fl.sim || s.stmt.f1() < fl.stmt || dates < fl.dates || nums < fl.numbers || att < fl.attend || dec < fl.decisions {
			t.Errorf("%s: below the floor %+v", k, fl)
		}
	}
}
