package ingest_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/cputime"
	"github.com/ntlnav/referat/internal/testpdf"
)

// figures are one tool's results on the scans of one kind.
type figures struct {
	scores
	stmt    analyze.PRF
	pages   int
	seconds float64 // wall
	cpu     float64 // user and system, of this process and its children
}

// cpuSeconds returns the CPU time (user and system) of this process and
// of its children that have been waited for, with theirs.
func cpuSeconds(t *testing.T) float64 {
	d, err := cputime.WithChildren()
	if err != nil {
		t.Fatal(err)
	}
	return d.Seconds()
}

// TestOCRFigures measures, per kind of scan, case-title F1, body word
// similarity, statement F1 (against the annotated statements), date
// accuracy and seconds per page (wall and CPU: this process's and its
// children's, which on a shared machine is the fairer figure), for
// referat's own OCR and, when
// ocrmypdf is installed, for `ocrmypdf -l nor` followed by referat on
// the same files in the same run. It is slow (minutes) and needs no
// assertion beyond TestScans', so it runs only with
// REFERAT_OCR_FIGURES=1:
//
//	REFERAT_OCR_FIGURES=1 go test ./ingest -run TestOCRFigures -v -timeout 3h
//
// REFERAT_OCR_FIGURES_KINDS=photocopy-200,mixed measures only those kinds.
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
	results := map[string]*figures{}
	add := func(key string, doc *referat.Document, e testpdf.Expected, secs, cpu float64) {
		f := results[key]
		if f == nil {
			f = &figures{}
			results[key] = f
		}
		f.pages += doc.Source.Pages
		f.seconds += secs
		f.cpu += cpu
		s := score(doc, e)
		f.files++
		f.tp, f.fp, f.fn = f.tp+s.tp, f.fp+s.fp, f.fn+s.fn
		f.similarity += s.similarity
		f.datesRight += s.datesRight
		f.datesOf++
		an.Document(doc)
		st := statementScore(doc, byID[e.Meeting])
		f.stmt.TP, f.stmt.FP, f.stmt.FN = f.stmt.TP+st.TP, f.stmt.FP+st.FP, f.stmt.FN+st.FN
		t.Logf("%s\t%s: pages %d, titles tp %d fp %d fn %d, similarity %.3f, statements %v, date %v, %.1f s, %.1f s CPU",
			key, e.File, doc.Source.Pages, s.tp, s.fp, s.fn, s.similarity, st, s.datesRight == 1, secs, cpu)
	}
	// extract reads path in a pool of its own, closed (its workers
	// reaped) before the CPU time is read, so that it counts the workers
	// and the programs they ran.
	extract := func(path string, opts ingest.Options) (*referat.Document, float64, float64, error) {
		t0, c0 := time.Now(), cpuSeconds(t)
		pool := &ingest.Pool{Command: workerCommand, Size: 2, Timeout: time.Minute}
		doc, err := pool.Extract(context.Background(), path, opts)
		if err := pool.Close(); err != nil {
			t.Fatal(err)
		}
		return doc, time.Since(t0).Seconds(), cpuSeconds(t) - c0, err
	}
	// Per file, referat and the workaround one after the other, so that
	// both meet the same load.
	kinds := os.Getenv("REFERAT_OCR_FIGURES_KINDS")
	for _, e := range loadScans(t) {
		if kinds != "" && !slices.Contains(strings.Split(kinds, ","), e.Producer) {
			continue
		}
		path := filepath.Join("..", e.File)
		doc, secs, cpu, err := extract(path, ingest.Options{OCRTimeout: 10 * time.Minute})
		if err != nil {
			t.Errorf("%s: %v", e.File, err)
			continue
		}
		add(e.Producer+"\treferat", doc, e, secs, cpu)
		// The text PDF the scan was made of, for reference.
		src := filepath.Join("..", "testdata", "pdf", strings.Replace(filepath.Base(e.File), "-", string(filepath.Separator), 1))
		if doc, secs, cpu, err := extract(src, ingest.Options{}); err == nil {
			add(e.Producer+"\ttext PDF (the source)", doc, e, secs, cpu)
		} else {
			t.Errorf("%s: %v", src, err)
		}
		if ocrmypdfErr != nil {
			continue
		}
		out := filepath.Join(t.TempDir(), "ocr.pdf")
		t0, c0 := time.Now(), cpuSeconds(t)
		if b, err := exec.Command("ocrmypdf", "-l", "nor", "-q", "--skip-text", "--tesseract-timeout", "3600", path, out).CombinedOutput(); err != nil {
			t.Errorf("ocrmypdf %s: %v: %s", e.File, err, b)
			continue
		}
		secs, cpu = time.Since(t0).Seconds(), cpuSeconds(t)-c0
		doc, secs2, cpu2, err := extract(out, ingest.Options{OCR: ingest.OCRNever})
		if err != nil {
			t.Errorf("%s after ocrmypdf: %v", e.File, err)
			continue
		}
		add(e.Producer+"\tocrmypdf+referat", doc, e, secs+secs2, cpu+cpu2)
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
	b.WriteString("\n| kind | tool | files | pages | case F1 | body similarity | statement F1 | dates | s/page | CPU s/page |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, k := range keys {
		f := results[k]
		kind, tool, _ := strings.Cut(k, "\t")
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %.3f | %.3f | %.3f | %d/%d | %.1f | %.2f |\n", kind, tool, f.files, f.pages,
			f.f1(), f.similarity/float64(f.files), f.stmt.F1(), f.datesRight, f.datesOf, f.seconds/float64(f.pages), f.cpu/float64(f.pages))
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
