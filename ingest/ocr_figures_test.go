package ingest_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/testpdf"
)

// figures are one tool's results on the scans of one kind.
type figures struct {
	scores
	stmt    analyze.PRF
	pages   int
	seconds float64
}

// TestOCRFigures measures, per kind of scan, case-title F1, body word
// similarity, statement F1 (against the annotated statements), date
// accuracy and seconds per page, for referat's own OCR and, when
// ocrmypdf is installed, for `ocrmypdf -l nor` followed by referat on
// the same files in the same run. It is slow (minutes) and needs no
// assertion beyond TestScans', so it runs only with
// REFERAT_OCR_FIGURES=1:
//
//	REFERAT_OCR_FIGURES=1 go test ./ingest -run TestOCRFigures -v -timeout 2h
func TestOCRFigures(t *testing.T) {
	if os.Getenv("REFERAT_OCR_FIGURES") != "1" {
		t.Skip("set REFERAT_OCR_FIGURES=1 to measure (slow)")
	}
	needOCR(t)
	gold, err := testpdf.LoadMeetings("../testdata/samples", "../testdata/meetings")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]testpdf.Meeting{}
	for _, m := range gold {
		byID[m.ID] = m
	}
	an := analyze.New(nil, analyze.Options{})
	_, ocrmypdfErr := exec.LookPath("ocrmypdf")
	pool := &ingest.Pool{Command: workerCommand, Size: 2, Timeout: time.Minute}
	defer pool.Close()
	results := map[string]*figures{}
	add := func(key string, doc *referat.Document, e testpdf.Expected, secs float64) {
		f := results[key]
		if f == nil {
			f = &figures{}
			results[key] = f
		}
		f.pages += doc.Source.Pages
		f.seconds += secs
		s := score(doc, e)
		f.files++
		f.tp, f.fp, f.fn = f.tp+s.tp, f.fp+s.fp, f.fn+s.fn
		f.similarity += s.similarity
		f.datesRight += s.datesRight
		f.datesOf++
		an.Document(doc)
		st := statementScore(doc, byID[e.Meeting])
		f.stmt.TP, f.stmt.FP, f.stmt.FN = f.stmt.TP+st.TP, f.stmt.FP+st.FP, f.stmt.FN+st.FN
		t.Logf("%s\t%s: pages %d, titles tp %d fp %d fn %d, similarity %.3f, statements %v, date %v, %.1f s",
			key, e.File, doc.Source.Pages, s.tp, s.fp, s.fn, s.similarity, st, s.datesRight == 1, secs)
	}
	scans := loadScans(t)
	// referat first, on every file; then the workaround, which is slower.
	for _, e := range scans {
		path := filepath.Join("..", e.File)
		t0 := time.Now()
		doc, err := pool.Extract(context.Background(), path, ingest.Options{OCRTimeout: 10 * time.Minute})
		if err != nil {
			t.Errorf("%s: %v", e.File, err)
			continue
		}
		add(e.Producer+"\treferat", doc, e, time.Since(t0).Seconds())
		// The text PDF the scan was made of, for reference.
		src := filepath.Join("..", "testdata", "pdf", strings.Replace(filepath.Base(e.File), "-", string(filepath.Separator), 1))
		t0 = time.Now()
		if doc, err := pool.Extract(context.Background(), src, ingest.Options{}); err == nil {
			add(e.Producer+"\ttext PDF (the source)", doc, e, time.Since(t0).Seconds())
		} else {
			t.Errorf("%s: %v", src, err)
		}
	}
	for _, e := range scans {
		if ocrmypdfErr != nil {
			break
		}
		path := filepath.Join("..", e.File)
		out := filepath.Join(t.TempDir(), "ocr.pdf")
		t0 := time.Now()
		if b, err := exec.Command("ocrmypdf", "-l", "nor", "-q", "--skip-text", "--tesseract-timeout", "3600", path, out).CombinedOutput(); err != nil {
			t.Errorf("ocrmypdf %s: %v: %s", e.File, err, b)
			continue
		}
		doc, err := pool.Extract(context.Background(), out, ingest.Options{OCR: ingest.OCRNever})
		if err != nil {
			t.Errorf("%s after ocrmypdf: %v", e.File, err)
			continue
		}
		add(e.Producer+"\tocrmypdf+referat", doc, e, time.Since(t0).Seconds())
	}
	if ocrmypdfErr != nil {
		t.Logf("ocrmypdf not measured: %v", ocrmypdfErr)
	}
	keys := make([]string, 0, len(results))
	for k := range results {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("\n| kind | tool | files | pages | case F1 | body similarity | statement F1 | dates | s/page |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, k := range keys {
		f := results[k]
		kind, tool, _ := strings.Cut(k, "\t")
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %.3f | %.3f | %.3f | %d/%d | %.1f |\n", kind, tool, f.files, f.pages,
			f.f1(), f.similarity/float64(f.files), f.stmt.F1(), f.datesRight, f.datesOf, f.seconds/float64(f.pages))
	}
	t.Log(b.String())
}

// statementScore compares the statements found in doc with the annotated
// ones of meeting m: a statement counts when its actor and its sentence
// (white space collapsed) are right.
func statementScore(doc *referat.Document, m testpdf.Meeting) analyze.PRF {
	want := map[string]int{}
	for _, c := range m.Cases {
		for _, s := range c.Statements {
			want[s.Actor+"|"+normTitle(s.Sentence)]++
		}
	}
	var p analyze.PRF
	for _, c := range doc.Cases {
		for _, s := range c.Statements {
			k := s.Actor + "|" + normTitle(s.Text)
			if want[k] > 0 {
				want[k]--
				p.TP++
			} else {
				p.FP++
			}
		}
	}
	for _, n := range want {
		p.FN += n
	}
	return p
}
