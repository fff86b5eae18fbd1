package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/ntlnav/referat/pipeline"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// newProgress picks the printer of an ingest run: none when quiet, a bar
// when w is a terminal (barProgress), plain lines every interval otherwise
// (lineProgress, for CI and cron).
func newProgress(w io.Writer, quiet bool, interval time.Duration) pipeline.Progress {
	switch {
	case quiet:
		return pipeline.NoProgress{}
	case isTerminal(w):
		return &barProgress{w: w}
	}
	return &lineProgress{w: w, every: interval}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// barProgress draws files done, pages per second and the time left.
type barProgress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	mu    sync.Mutex
	pages int
	ocr   int // pages recognised by OCR
	t0    time.Time
}

// OCRPages counts pages recognised by OCR; they are shown apart.
func (p *barProgress) OCRPages(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ocr += n
}

func (p *barProgress) Start(total int) {
	p.t0 = time.Now()
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func (p *barProgress) File(pages int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages += pages
	if s := time.Since(p.t0).Seconds(); s > 0 {
		d := fmt.Sprintf("ingest %5.0f pages/s", float64(p.pages-p.ocr)/s)
		if p.ocr > 0 {
			d += fmt.Sprintf(", %d by OCR", p.ocr)
		}
		p.bar.Describe(d)
	}
	p.bar.Add(1)
}

func (p *barProgress) Finish() { p.bar.Finish() }

// lineProgress prints a line at most every interval.
type lineProgress struct {
	w            io.Writer
	every        time.Duration
	mu           sync.Mutex
	total, done  int
	pages        int
	ocr          int // pages recognised by OCR
	t0, lastLine time.Time
}

// OCRPages counts pages recognised by OCR; they are shown apart.
func (p *lineProgress) OCRPages(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ocr += n
}

func (p *lineProgress) Start(total int) {
	p.total, p.t0, p.lastLine = total, time.Now(), time.Now()
}

func (p *lineProgress) File(pages int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.pages += pages
	if time.Since(p.lastLine) >= p.every {
		p.lastLine = time.Now()
		p.print()
	}
}

func (p *lineProgress) print() {
	el := time.Since(p.t0)
	eta := "?"
	if p.done > 0 {
		eta = (time.Duration(float64(el) / float64(p.done) * float64(p.total-p.done))).Round(time.Second).String()
	}
	ocr := ""
	if p.ocr > 0 {
		ocr = fmt.Sprintf(", %d pages by OCR", p.ocr)
	}
	fmt.Fprintf(p.w, "ingest: %d/%d files, %.0f pages/s%s, %s left\n", p.done, p.total, float64(p.pages-p.ocr)/max(el.Seconds(), 1e-9), ocr, eta)
}

func (p *lineProgress) Finish() {}
