package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzExtract feeds arbitrary bytes to the reader boundary. It must return
// a document or an *Error with one of the package's causes, never panic,
// and finish quickly. Inputs that make the PDF library itself die of a
// fatal error are what the worker pool is for; those are kept in
// testdata/fuzz as they are found, and the pool tests cover them.
func FuzzExtract(f *testing.F) {
	for _, dir := range []string{"../testdata/pdf/edge", "../testdata/pdf/fpdf"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 64<<10 && !strings.Contains(file, "bogus-xref") && !strings.Contains(file, "objstm-loop") {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() {
			_, err := Extract(ctx, "fuzz.pdf", data, Options{MaxInflated: 8 << 20, MaxPages: 50})
			done <- err
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("reading took more than 10 s (%d bytes): a hang the worker's deadline must catch", len(data))
		}
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("not an *Error: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error has several lines: %q", err)
		}
	})
}

// FuzzSegment feeds arbitrary paragraphs to the segmenter: it must not
// panic, every case must have a title, and no text may be lost or made up.
func FuzzSegment(f *testing.F) {
	f.Add("Nytt fra etats-MBA 14. desember 2023\nLinjevise budsjetter for 2024. Arbeidsgiver la fram fordelingen av budsjettet for neste år i møtet.\nDet er bra.", "Linjevise budsjetter for 2024.", true)
	f.Add("Hvordan? Hva. 1. oktober\n\n«Sitat.» Vi mente det.", "", false)
	f.Fuzz(func(t *testing.T, text, bold string, fonts bool) {
		var blocks []block
		for i, p := range strings.Split(text, "\n") {
			b := block{Text: p, HasFonts: fonts, Pages: []int{i/3 + 1}}
			if i%2 == 1 && strings.HasPrefix(p, bold) {
				b.Bold = bold
			}
			blocks = append(blocks, b)
		}
		s := segment(blocks)
		out := strings.Fields(s.heading + " " + strings.Join(s.intro, " "))
		for _, c := range s.cases {
			if c.Title == "" && strings.TrimSpace(strings.Join(c.Paragraphs, "")) != "" {
				// a title made of punctuation only is allowed to clean to ""
				if strings.Trim(collapse(c.Title), ".:") != "" {
					t.Fatalf("case without title: %+v", c)
				}
			}
			out = append(out, strings.Fields(c.Title+" "+c.Text)...)
		}
		in := strings.Fields(text)
		if len(out) > len(in) {
			t.Fatalf("segmentation made up words: %d in, %d out", len(in), len(out))
		}
	})
}
