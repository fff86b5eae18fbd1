package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/internal/ocr"
	"github.com/ntlnav/referat/internal/pdftext"
)

// Options control extraction. The zero value is ready to use.
type Options struct {
	// Password opens files protected by a user password. Default "".
	Password string
	// MaxInflated caps the decoded bytes of one file's content streams.
	// Default (0): pdftext.DefaultMaxInflated.
	MaxInflated int64
	// MaxPages caps the pages read. Default (0): pdftext.DefaultMaxPages.
	MaxPages int
	// OCR says which pages are recognised by OCR: OCRAuto (default, also
	// ""), pages without text or without Unicode text; OCRAlways, every
	// page; OCRNever, none (a scan fails with ErrNoText).
	OCR string
	// OCRLang is Tesseract's language. Default "": "nor".
	OCRLang string
	// OCRTimeout bounds the recognition of one page. Default (0): 60s.
	OCRTimeout time.Duration
	// Analyzer, when set, analyses the document read (Analyzer.Document):
	// a Pool has its workers do it, so that only the analysed document
	// travels (see analysis.go), under the file's deadline and memory
	// limit. Default nil: the cases are not analysed.
	Analyzer *analyze.Analyzer
}

func (o Options) pdf() pdftext.Options {
	return pdftext.Options{Password: o.Password, MaxInflated: o.MaxInflated, MaxPages: o.MaxPages}
}

// ExtractFile reads the PDF at path in this process. Damaged files can
// crash a process in ways no recover catches; batch callers should use a
// Pool, which runs this in isolated workers.
func ExtractFile(ctx context.Context, path string, opts Options) (*referat.Document, error) {
	data, err := readRegularInto(getFileBuf(), path)
	if err != nil {
		return nil, &Error{File: path, Err: err}
	}
	defer putFileBuf(data) // the document holds none of its bytes
	return Extract(ctx, path, data, opts)
}

// Extract reads the PDF in data; path names it in errors and in the
// document's Source, and may carry a date in its name. Errors are *Error;
// a cancelled or expired ctx gives ErrTimeout.
func Extract(ctx context.Context, path string, data []byte, opts Options) (doc *referat.Document, err error) {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	pd, need, err := readPages(ctx, data, opts)
	if err != nil {
		return nil, fileError(path, err)
	}
	var recognised []*ocr.Page
	if len(need) > 0 {
		if recognised, err = recogniseHere(ctx, data, need, opts); err != nil {
			return nil, fileError(path, err)
		}
	}
	doc, err = build(path, sha, pd, recognised)
	if err == nil && opts.Analyzer != nil {
		opts.Analyzer.Document(doc)
	}
	return doc, err
}

// fileError makes err an *Error naming path; a cancelled or expired
// context becomes ErrTimeout.
func fileError(path string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Err: err}
	}
	if errors.Is(e.Err, context.DeadlineExceeded) || errors.Is(e.Err, context.Canceled) {
		if !errors.Is(e.Err, ErrTimeout) {
			e.Err = fmt.Errorf("%w: %v", ErrTimeout, e.Err)
		}
	}
	e.File = path
	return e
}

// build makes the document of pd's pages, the recognised ones replaced
// by their OCR lines. When no page has text even then, it fails with
// ErrBlank.
func build(path, sha string, pd *pdftext.Document, recognised []*ocr.Page) (*referat.Document, error) {
	src := referat.Source{Path: path, SHA256: sha}
	for _, p := range recognised {
		if p.Number < 1 || p.Number > len(pd.Pages) {
			continue
		}
		// A page OCR found nothing on keeps what its text layer had
		// (with --ocr always, a page of text stays a page of text).
		if len(p.Lines) == 0 && hasText(pd.Pages[p.Number-1].Lines) {
			continue
		}
		pd.Pages[p.Number-1] = pdftext.Page{Lines: p.Lines, Box: p.Box}
		src.OCR = append(src.OCR, p.Number)
	}
	sort.Ints(src.OCR)
	if len(recognised) > 0 && !anyText(pd.Pages) {
		return nil, &Error{File: path, Err: fmt.Errorf("%w on %d page(s)", ErrBlank, len(recognised))}
	}
	pages := layOut(pd.Pages)
	src.Pages, src.Producer = len(pages.lines), pd.Info.Producer
	seg := segment(pages.blocks())
	firstPage := "" // read for a date only when the heading has none
	if _, dated := DateInText(seg.heading); !dated && len(pages.lines) > 0 {
		firstPage = linesText(pages.lines[0])
	}
	doc := &referat.Document{
		Source:  src,
		Meeting: meetingFrom(path, seg.heading, firstPage, pd.Info.CreationDate),
		Intro:   strings.Join(seg.intro, "\n\n"),
		Cases:   seg.cases,
	}
	if doc.Cases == nil {
		doc.Cases = []referat.Case{}
	}
	caseConfidence(doc.Cases, recognised)
	a := pages.attendance
	doc.Meeting.Attendees, doc.Meeting.Absent = nonNil(a.Attendees), nonNil(a.Absent)
	doc.Meeting.MinutesTaker, doc.Meeting.Chair, doc.Meeting.Place, doc.Meeting.Time = a.MinutesTaker, a.Chair, a.Place, a.Time
	return doc, nil
}

// laidOut is a document after layout: its lines per page, without running
// headers, footers and page numbers, and its paragraphs.
type laidOut struct {
	lines    [][]pdftext.Line
	paras    []paragraph
	bodySize float64
	// attendance holds the meeting fields of a participants table on
	// page 1, whose lines are not in lines.
	attendance referat.Meeting
	hasBold    bool
}

// layOut drops running headers, footers and page numbers and builds
// paragraphs that run over page breaks.
func layOut(pdfPages []pdftext.Page) *laidOut {
	pages := make([][]pdftext.Line, len(pdfPages))
	boxes := make([][4]float64, len(pdfPages))
	for i, p := range pdfPages {
		pages[i], boxes[i] = p.Lines, p.Box
	}
	sizes := map[int]int{}
	for _, ls := range pages {
		for _, l := range ls {
			sizes[int(l.Size*2+0.5)] += textLen(&l)
		}
	}
	bodySize := float64(argmax(sizes)) / 2
	drop := furniture(pages, boxes, bodySize)
	out := &laidOut{bodySize: bodySize}
	var perPage [][]paragraph
	for p, ls := range pages {
		kept := make([]pdftext.Line, 0, len(ls))
		for i, l := range ls {
			if !drop[p][i] {
				kept = append(kept, l)
			}
		}
		if p == 0 {
			var used []bool
			out.attendance, used = attendanceOf(kept)
			kept = dropUsed(kept, used)
		}
		out.lines = append(out.lines, kept)
		m := measure(kept)
		m.bodySize = bodySize
		perPage = append(perPage, paragraphs(kept, m))
	}
	out.paras = mergePages(perPage)
	// Bold in the meeting heading alone says nothing about case titles.
	for i, p := range out.paras {
		for _, s := range p.spans {
			if i > 0 && s.Bold && strings.TrimSpace(s.Text) != "" {
				out.hasBold = true
			}
		}
	}
	return out
}

// blocks reduces paragraphs to what segmentation needs.
func (d *laidOut) blocks() []block {
	var out []block
	for _, p := range d.paras {
		b := block{Text: p.text(), Pages: p.pages, HasFonts: d.hasBold, Larger: p.size > d.bodySize*1.15}
		allBold := true
		leading := true
		numberOnly := false // bold holds an agenda number only
		numberCell := false // that number is a table cell of its own
		var bold strings.Builder
		for k, s := range p.spans {
			if strings.TrimSpace(s.Text) == "" {
				bold.WriteString(s.Text)
				continue
			}
			if s.Text == pdftext.CellSeparator {
				// A table's next cell is no part of the title, unless the
				// title follows its agenda number's cell; the gap counts
				// for AllBold as its weight says.
				allBold = allBold && s.Bold
				if numberOnly {
					bold.WriteByte(' ')
					numberCell = true
					continue
				}
				leading = false
				continue
			}
			if !s.Bold {
				allBold = false
				// An agenda number in regular type before a bold title
				// ("21/23 Sykefravær", in a table's first cell or not; "1.
				// Budsjett") opens the bold title.
				if leading && bold.Len() == 0 && isAgendaNumber(s.Text) && nextIsBold(p.spans[k+1:]) {
					bold.WriteString(s.Text)
					numberOnly = true
					continue
				}
				leading = false
			}
			numberOnly = false
			if leading && s.Bold {
				bold.WriteString(s.Text)
			}
		}
		b.AllBold = allBold
		if d.hasBold {
			b.Bold = strings.TrimSpace(bold.String())
		}
		if numberCell {
			// The text reads as the title does: "21/23 Sykefravær | HR".
			b.Text = strings.Replace(b.Text, pdftext.CellSeparator, " ", 1)
		}
		out = append(out, b)
	}
	return out
}

// isAgendaNumber reports whether s, trimmed, is an agenda number alone,
// one that splitNumber splits off a title: "21/23", "Sak 21/23", "3.",
// "12", not a year.
func isAgendaNumber(s string) bool {
	number, rest := splitNumber(strings.TrimSpace(s) + " X")
	return number != "" && rest == "X"
}

// nextIsBold reports whether the first span of spans that is neither
// blank nor a table's cell separator is bold.
func nextIsBold(spans []pdftext.Span) bool {
	for _, s := range spans {
		if strings.TrimSpace(s.Text) != "" && s.Text != pdftext.CellSeparator {
			return s.Bold
		}
	}
	return false
}

// nonNil returns s, or an empty slice for nil, so that JSON has [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// linesText returns the text of lines, each ended by a newline.
func linesText(lines []pdftext.Line) string {
	n := 0
	for _, l := range lines {
		for _, s := range l.Spans {
			n += len(s.Text)
		}
		n++
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range lines {
		for _, s := range l.Spans {
			b.WriteString(s.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// dropUsed returns the lines not marked used.
func dropUsed(lines []pdftext.Line, used []bool) []pdftext.Line {
	out := make([]pdftext.Line, 0, len(lines))
	for i, l := range lines {
		if !used[i] {
			out = append(out, l)
		}
	}
	return out
}
