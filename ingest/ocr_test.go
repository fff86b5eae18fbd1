package ingest_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/testpdf"
)

// needOCR skips a test when Tesseract with Norwegian is not installed
// (scripts/deps.sh installs it for the tests).
func needOCR(t *testing.T) {
	t.Helper()
	out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "\nnor") {
		t.Skip("tesseract-ocr and tesseract-ocr-nor are not installed (scripts/deps.sh test)")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
}

// loadScans reads what the scanned test PDFs hold.
func loadScans(t testing.TB) []testpdf.Expected {
	return loadJSON[[]testpdf.Expected](t, "../testdata/pdf/scan/expected.json")
}

// extractScans reads every scanned test file through a worker pool.
func extractScans(t *testing.T, exp []testpdf.Expected, opts ingest.Options) ([]*referat.Document, []error) {
	pool := &ingest.Pool{Command: workerCommand, Size: 2, Timeout: 30 * time.Second}
	defer pool.Close()
	docs := make([]*referat.Document, len(exp))
	errs := make([]error, len(exp))
	var wg sync.WaitGroup
	for i, e := range exp {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs[i], errs[i] = pool.Extract(context.Background(), filepath.Join("..", e.File), opts)
		}()
	}
	wg.Wait()
	return docs, errs
}

// TestScans recognises every scanned test file (clean at 150 and 300
// dpi, crooked and speckled, photocopy grey, a mixed file) in worker
// processes. OCR text cannot be required exactly: the number of cases
// and the meeting date must be right, each title close, the body words
// at least 95% alike, and source.ocr must name the scanned pages.
func TestScans(t *testing.T) {
	needOCR(t)
	exp := loadScans(t)
	docs, errs := extractScans(t, exp, ingest.Options{OCRTimeout: 5 * time.Minute})
	for i, e := range exp {
		t.Run(e.Producer+"_"+strings.TrimSuffix(filepath.Base(e.File), ".pdf"), func(t *testing.T) {
			doc, err := docs[i], errs[i]
			if err != nil {
				t.Fatal(err)
			}
			wantOCR := []int{}
			for p := 1; p <= doc.Source.Pages; p++ {
				if e.Producer != "mixed" || p == 2 {
					wantOCR = append(wantOCR, p)
				}
			}
			if !slices.Equal(doc.Source.OCR, wantOCR) {
				t.Errorf("source.ocr %v, want %v", doc.Source.OCR, wantOCR)
			}
			if doc.Meeting.Date != e.Date {
				t.Errorf("date %q, want %q", doc.Meeting.Date, e.Date)
			}
			var titles []string
			for _, c := range doc.Cases {
				titles = append(titles, c.Title)
			}
			if len(doc.Cases) != len(e.Cases) {
				t.Fatalf("%d cases, want %d: %q", len(doc.Cases), len(e.Cases), titles)
			}
			s := score(doc, e)
			if s.similarity < 0.95 {
				t.Errorf("body word similarity %.3f, want >= 0.95", s.similarity)
			}
			for k, c := range doc.Cases {
				if sim := wordSimilarity(strings.Fields(c.Title), strings.Fields(e.Cases[k].Title)); sim < 0.7 {
					t.Errorf("case %d: title %q, want %q", k+1, c.Title, e.Cases[k].Title)
				}
				onScan := false
				for _, p := range c.Pages {
					onScan = onScan || slices.Contains(doc.Source.OCR, p)
				}
				if onScan && (c.OCRConfidence < 50 || c.OCRConfidence > 100) {
					t.Errorf("case %d on a scanned page: ocr_confidence %.1f", k+1, c.OCRConfidence)
				}
				if !onScan && c.OCRConfidence != 0 {
					t.Errorf("case %d on text pages: ocr_confidence %.1f, want 0", k+1, c.OCRConfidence)
				}
			}
		})
	}
}

// TestOCRModes: --ocr never fails a scan as before OCR existed; --ocr
// always recognises a text page too, and gives the same cases.
func TestOCRModes(t *testing.T) {
	needOCR(t)
	scan := filepath.Join("..", "testdata", "pdf", "scan", "clean-150", "fpdf-2023-10-19.pdf")
	_, err := ingest.ExtractFile(context.Background(), scan, ingest.Options{OCR: ingest.OCRNever})
	if !errors.Is(err, ingest.ErrNoText) || errors.Is(err, ingest.ErrOCRUnavailable) {
		t.Errorf("--ocr never on a scan: %v, want ErrNoText", err)
	}
	text := filepath.Join("..", "testdata", "pdf", "fpdf", "2023-10-19.pdf")
	plain, err := ingest.ExtractFile(context.Background(), text, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Source.OCR != nil {
		t.Errorf("a text PDF was recognised by OCR in auto mode: pages %v", plain.Source.OCR)
	}
	always, err := ingest.ExtractFile(context.Background(), text, ingest.Options{OCR: ingest.OCRAlways, OCRTimeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(always.Source.OCR, []int{1}) || len(always.Cases) != len(plain.Cases) {
		t.Errorf("--ocr always: pages %v and %d cases, want [1] and %d", always.Source.OCR, len(always.Cases), len(plain.Cases))
	}
}

// TestOCRUnavailable hides tesseract (PATH holds pdftoppm alone): a scan
// fails with one line that names the packages to install, and a text PDF
// reads as ever.
func TestOCRUnavailable(t *testing.T) {
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	bin := t.TempDir()
	if err := os.Symlink(pdftoppm, filepath.Join(bin, "pdftoppm")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	scan := filepath.Join("..", "testdata", "pdf", "scan", "clean-150", "fpdf-2023-10-19.pdf")
	pool := &ingest.Pool{Command: workerCommand, Size: 1, Timeout: 30 * time.Second}
	defer pool.Close()
	for name, extract := range map[string]func(string) (*referat.Document, error){
		"in process": func(p string) (*referat.Document, error) {
			return ingest.ExtractFile(context.Background(), p, ingest.Options{})
		},
		"worker": func(p string) (*referat.Document, error) {
			return pool.Extract(context.Background(), p, ingest.Options{})
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := extract(scan)
			if !errors.Is(err, ingest.ErrNoText) || !errors.Is(err, ingest.ErrOCRUnavailable) {
				t.Fatalf("scan without tesseract: %v, want ErrNoText and ErrOCRUnavailable", err)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.Contains(msg, scan) || !strings.Contains(msg, "tesseract-ocr tesseract-ocr-nor") && !strings.Contains(msg, "tesseract-ocr and tesseract-ocr-nor") {
				t.Errorf("not one line naming the file and the packages: %q", msg)
			}
			doc, err := extract(filepath.Join("..", "testdata", "pdf", "fpdf", "2023-10-19.pdf"))
			if err != nil || len(doc.Cases) == 0 {
				t.Errorf("a text PDF without tesseract: %v", err)
			}
		})
	}
}

// TestTextWithoutLetters reads a page of only digits and symbols with OCR
// on (the default): it has a text layer, so it is read as text and not
// recognised; a file whose pages OCR once replaced with nothing failed.
func TestTextWithoutLetters(t *testing.T) {
	doc, err := ingest.ExtractFile(context.Background(), filepath.Join("..", "testdata", "realworld-fixtures", "digits.pdf"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Source.OCR) != 0 {
		t.Errorf("pages %v were recognised; they have text", doc.Source.OCR)
	}
	var text strings.Builder
	text.WriteString(doc.Intro)
	for _, c := range doc.Cases {
		text.WriteString(" " + c.Title + " " + c.Text)
	}
	for _, want := range []string{"1 234 567", "+5,4 %", "§ 3-2"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("%q is missing from %q", want, text.String())
		}
	}
}
