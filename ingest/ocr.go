package ingest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/ocr"
	"github.com/ntlnav/referat/internal/pdftext"
)

// The values of Options.OCR.
const (
	OCRAuto   = "auto"   // pages without (Unicode) text are recognised
	OCRAlways = "always" // every page is recognised, its text layer ignored
	OCRNever  = "never"  // nothing is recognised; a scan fails with ErrNoText
)

// DefaultOCRTimeout bounds the recognition of one page when
// Options.OCRTimeout is 0.
const DefaultOCRTimeout = 60 * time.Second

// ErrOCRUnavailable is wrapped, beside ErrNoText, by the error of a scan
// that cannot be recognised because Tesseract, its language data or
// pdftoppm is not installed; the message names the Debian packages.
var ErrOCRUnavailable = ocr.ErrUnavailable

// ValidOCR reports whether mode is a value of Options.OCR ("" is auto).
func ValidOCR(mode string) bool {
	switch mode {
	case "", OCRAuto, OCRAlways, OCRNever:
		return true
	}
	return false
}

// ValidOCRLang reports whether lang is a Tesseract language code, or
// several joined by "+" ("nor", "nor+eng").
func ValidOCRLang(lang string) bool { return ocr.ValidLang(lang) }

func (o Options) ocrTimeout() time.Duration {
	if o.OCRTimeout > 0 {
		return o.OCRTimeout
	}
	return DefaultOCRTimeout
}

func (o Options) ocr() ocr.Options { return ocr.Options{Lang: o.OCRLang, Password: o.Password} }

// readPages reads the text layer of data and says which pages need OCR:
// with OCRAuto those without readable text (a scan, or fonts without a
// Unicode mapping: nothing but U+FFFD or private-use code points, or more
// of those than readable characters), with OCRAlways all. A page of
// digits or symbols has text and is not recognised.
func readPages(ctx context.Context, data []byte, opts Options) (*pdftext.Document, []int, error) {
	pd, err := pdftext.Read(ctx, data, opts.pdf())
	if err != nil {
		if opts.OCR == OCRNever || !errors.Is(err, ErrNoText) {
			return nil, nil, err
		}
		popts := opts.pdf()
		popts.KeepTextless = true
		var err2 error
		if pd, err2 = pdftext.Read(ctx, data, popts); err2 != nil {
			return nil, nil, err
		}
	}
	var need []int
	for i, p := range pd.Pages {
		if opts.OCR == OCRAlways || (opts.OCR != OCRNever && !hasText(p.Lines)) {
			need = append(need, i+1)
		}
	}
	return pd, need, nil
}

// anyText reports whether any of pages has readable text.
func anyText(pages []pdftext.Page) bool {
	for _, p := range pages {
		if hasText(p.Lines) {
			return true
		}
	}
	return false
}

// hasText reports whether ls hold readable characters, and more of them
// than characters that carry no text (U+FFFD, private use).
//
// Once the readable characters are as many as the unreadable ones and
// the bytes still to read together (each of which could at most be one
// more unreadable character), the answer is yes, and the rest of the
// page is not read (TestHasTextMatchesTables).
func hasText(ls []pdftext.Line) bool {
	left := 0 // bytes not read yet
	for _, l := range ls {
		for _, s := range l.Spans {
			left += len(s.Text)
		}
	}
	readable, unreadable := 0, 0
	for _, l := range ls {
		if readable > 0 && readable >= unreadable+left {
			return true
		}
		for _, s := range l.Spans {
			left -= len(s.Text)
			for _, c := range s.Text {
				switch {
				case c < 0x80: // most characters: no table lookups
					if c > ' ' && c != 0x7F {
						readable++
					}
				case c == '\uFFFD' || c >= 0xE000 && c <= 0xF8FF || c >= 0xF0000:
					unreadable++
				case unicode.IsSpace(c) || unicode.IsControl(c) || unicode.Is(unicode.Cf, c):
				default:
					readable++
				}
			}
		}
	}
	return readable > 0 && readable >= unreadable
}

// checkOCR returns nil when pages can be recognised, else an error with
// both ErrNoText and ErrOCRUnavailable that names what to install.
func checkOCR(ctx context.Context, need []int, opts Options) error {
	if err := ocr.Check(ctx, opts.ocr().Lang); err != nil {
		if errors.Is(err, ocr.ErrUnavailable) {
			return fmt.Errorf("%w: %d page(s) need OCR, but %w", ErrNoText, len(need), err)
		}
		return err
	}
	return nil
}

// recogniseHere recognises the pages need of data in this process, one
// after the other, each under its own deadline: ctx's deadline bounds the
// reading of the text layer (a file's --timeout), not the recognition,
// which a cancelled ctx (Ctrl-C) still stops.
func recogniseHere(ctx context.Context, data []byte, need []int, opts Options) ([]*ocr.Page, error) {
	if err := checkOCR(ctx, need, opts); err != nil {
		return nil, err
	}
	pages, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		if errors.Is(ctx.Err(), context.Canceled) {
			cancel()
		}
	})
	defer stop()
	ctx = pages
	var out []*ocr.Page
	for _, n := range need {
		p, err := recognisePage(ctx, data, n, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// recognisePage recognises page n under the per-page deadline.
func recognisePage(ctx context.Context, data []byte, n int, opts Options) (*ocr.Page, error) {
	pctx, cancel := context.WithTimeout(ctx, opts.ocrTimeout())
	defer cancel()
	p, err := ocr.Recognise(pctx, data, n, opts.ocr())
	switch {
	case err == nil:
		return p, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case errors.Is(err, context.DeadlineExceeded):
		return nil, &Error{Page: n, Err: fmt.Errorf("%w: recognising the page took longer than %s (--ocr-timeout)", ErrTimeout, opts.ocrTimeout())}
	}
	return nil, &Error{Page: n, Err: err}
}

// caseConfidence sets each case's OCRConfidence: the mean confidence of
// the recognised words, on the recognised pages the case is printed on,
// that occur in its title or text.
func caseConfidence(cases []referat.Case, pages []*ocr.Page) {
	if len(pages) == 0 {
		return
	}
	byNumber := map[int]*ocr.Page{}
	for _, p := range pages {
		byNumber[p.Number] = p
	}
	for i := range cases {
		c := &cases[i]
		words := map[string]bool{}
		for _, w := range strings.Fields(c.Title + " " + c.Text) {
			words[wordKey(w)] = true
		}
		sum, n := 0.0, 0
		for _, pn := range c.Pages {
			p := byNumber[pn]
			if p == nil {
				continue
			}
			for _, w := range p.Words {
				if words[wordKey(w.Text)] {
					sum += w.Conf
					n++
				}
			}
		}
		if n > 0 {
			c.OCRConfidence = math.Round(sum/float64(n)*10) / 10
		}
	}
}

func wordKey(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}
