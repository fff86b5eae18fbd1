package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"

	"github.com/ntlnav/referat"
)

// Options control extraction. The zero value is ready to use.
type Options struct {
	// Password opens files protected by a user password. Default "": files
	// with only an owner password open without one.
	Password string
	// MaxInflated caps the decoded bytes of all content streams of one
	// file. Default (0): DefaultMaxInflated.
	MaxInflated int64
	// MaxPages caps the pages read. Default (0): DefaultMaxPages.
	MaxPages int
}

// Defaults for Options.
const (
	DefaultMaxInflated = 256 << 20
	DefaultMaxPages    = 2000
)

// ExtractFile reads the PDF at path in this process. Damaged files can
// crash a process in ways no recover catches; batch callers should use a
// Pool, which runs this in isolated workers.
func ExtractFile(ctx context.Context, path string, opts Options) (*referat.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Err: err}
	}
	return Extract(ctx, path, data, opts)
}

// Extract reads the PDF in data; path names it in errors and in the
// document's Source, and may carry a date in its name. Errors are *Error.
func Extract(ctx context.Context, path string, data []byte, opts Options) (doc *referat.Document, err error) {
	sum := sha256.Sum256(data)
	src := referat.Source{Path: path, SHA256: hex.EncodeToString(sum[:])}
	pages, info, err := readPages(ctx, data, opts)
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.File = path
			return nil, e
		}
		return nil, &Error{File: path, Err: err}
	}
	src.Pages, src.Producer = len(pages.lines), info.producer
	blocks := pages.blocks()
	seg := segment(blocks)
	firstPage := ""
	if len(pages.lines) > 0 {
		var b strings.Builder
		for _, l := range pages.lines[0] {
			b.WriteString(l.text())
			b.WriteByte('\n')
		}
		firstPage = b.String()
	}
	doc = &referat.Document{
		Source:  src,
		Meeting: meetingFrom(path, seg.heading, firstPage, info.created),
		Intro:   strings.Join(seg.intro, "\n\n"),
		Cases:   seg.cases,
	}
	if doc.Cases == nil {
		doc.Cases = []referat.Case{}
	}
	return doc, nil
}

type docInfo struct {
	producer, created string
}

// laidOut is a document after layout: its lines per page, without running
// headers, footers and page numbers, and its paragraphs.
type laidOut struct {
	lines    [][]line
	paras    []paragraph
	bodySize float64
	hasBold  bool
}

// readPages opens data and lays out every page.
func readPages(ctx context.Context, data []byte, opts Options) (*laidOut, docInfo, error) {
	prepared, err := prepare(data, opts.Password)
	if err != nil {
		return nil, docInfo{}, err
	}
	lo, info, err := readPrepared(ctx, prepared, opts)
	if err == nil || !(errors.Is(err, ErrNoText) || errors.Is(err, ErrDamaged)) {
		return lo, info, err
	}
	// Streams whose /Length is wrong read as garbage; viewers find their
	// end instead. Try once more with the lengths mended.
	if fixed, ok := fixStreamLengths(prepared); ok {
		if rebuilt, rerr := rebuildXref(fixed); rerr == nil {
			if lo2, info2, err2 := readPrepared(ctx, rebuilt, opts); err2 == nil {
				return lo2, info2, nil
			}
		}
	}
	return lo, info, err
}

// readPrepared reads prepared bytes.
func readPrepared(ctx context.Context, prepared []byte, opts Options) (*laidOut, docInfo, error) {
	var info docInfo
	r, _, err := openReader(prepared, opts.Password)
	if err != nil {
		return nil, info, err
	}
	func() {
		defer func() { recover() }()
		in := r.Trailer().Key("Info")
		info.producer = strings.TrimSpace(textOf(in.Key("Producer")))
		info.created = textOf(in.Key("CreationDate"))
	}()
	budget := opts.MaxInflated
	if budget <= 0 {
		budget = DefaultMaxInflated
	}
	maxPages := opts.MaxPages
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	fonts := map[string]*font{}
	var all [][]line
	var boxes [][4]float64
	var firstErr error
	letters, replaced := 0, 0
	pages, err := pageTree(r, maxPages)
	if err != nil {
		return nil, info, err
	}
	for i, pv := range pages {
		n := i + 1
		if err := ctx.Err(); err != nil {
			return nil, info, fmt.Errorf("%w: %v", ErrTimeout, err)
		}
		gs, box, err := page(pv, &budget, fonts)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, info, &Error{Page: n, Err: err}
			}
			if firstErr == nil && len(gs) == 0 {
				firstErr = &Error{Page: n, Err: err}
			}
		}
		for _, g := range gs {
			for _, c := range g.s {
				switch {
				case c == '\uFFFD':
					replaced++
				case unicode.IsLetter(c):
					letters++
				}
			}
		}
		all = append(all, buildLines(n, gs))
		boxes = append(boxes, box)
	}
	if len(all) == 0 {
		if firstErr != nil {
			return nil, info, firstErr
		}
		return nil, info, fmt.Errorf("%w: the file has no pages", ErrDamaged)
	}
	if letters == 0 {
		if firstErr != nil {
			return nil, info, firstErr
		}
		if replaced > 0 {
			return nil, info, fmt.Errorf("%w: the fonts have no Unicode mapping, so the text cannot be read", ErrNoText)
		}
		return nil, info, fmt.Errorf("%w: %d page(s) without any text; is it a scan?", ErrNoText, len(all))
	}
	return layOut(all, boxes), info, nil
}

// page reads one page.
func page(v pdf.Value, budget *int64, fonts map[string]*font) (gs []glyph, box [4]float64, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = damaged(x, "reading the page")
		}
	}()
	return readPage(v, budget, fonts)
}

// pageTree returns the pages in order, walking the page tree once. The
// library's own lookup walks the tree for every page (quadratic in pages)
// and loops forever on a tree that contains itself; here depth and nodes
// are bounded, and a damaged node loses only the pages below it.
func pageTree(r *pdf.Reader, maxPages int) (pages []pdf.Value, err error) {
	const maxDepth = 64
	nodes := 0
	var firstErr error
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) (err error) {
		if depth > maxDepth {
			return fmt.Errorf("%w: the page tree is nested more than %d deep (does it contain itself?)", ErrDamaged, maxDepth)
		}
		if nodes++; nodes > 4*maxPages+1000 {
			return fmt.Errorf("%w: the page tree has too many nodes", ErrDamaged)
		}
		var kids pdf.Value
		isNode := false
		func() {
			defer recoverAs(&err, "reading the page tree")
			kids = v.Key("Kids")
			isNode = v.Key("Type").Name() == "Pages" || kids.Kind() == pdf.Array
			if !isNode && v.Kind() == pdf.Dict {
				pages = append(pages, v)
			}
		}()
		if err != nil || !isNode {
			return err
		}
		for i := 0; i < kids.Len() && len(pages) < maxPages; i++ {
			var kid pdf.Value
			var kerr error
			func() {
				defer recoverAs(&kerr, "reading the page tree")
				kid = kids.Index(i)
			}()
			if kerr == nil {
				kerr = walk(kid, depth+1)
			}
			if kerr != nil {
				if !errors.Is(kerr, ErrDamaged) || strings.Contains(kerr.Error(), "nested more than") || strings.Contains(kerr.Error(), "too many nodes") {
					return kerr
				}
				if firstErr == nil {
					firstErr = kerr // a damaged kid: skip it, keep the rest
				}
			}
		}
		return nil
	}
	var root pdf.Value
	func() {
		defer recoverAs(&err, "reading the page tree")
		root = r.Trailer().Key("Root").Key("Pages")
	}()
	if err == nil {
		err = walk(root, 0)
	}
	if err == nil && len(pages) == 0 && firstErr != nil {
		err = firstErr
	}
	return pages, err
}

func textOf(v pdf.Value) string {
	if v.Kind() != pdf.String {
		return ""
	}
	return v.Text()
}

// layOut drops running headers, footers and page numbers and builds
// paragraphs that run over page breaks.
func layOut(pages [][]line, boxes [][4]float64) *laidOut {
	sizes := map[int]int{}
	for _, ls := range pages {
		for _, l := range ls {
			sizes[int(l.size*2+0.5)] += len(l.text())
		}
	}
	bodySize := float64(argmax(sizes)) / 2
	drop := furniture(pages, boxes, bodySize)
	out := &laidOut{bodySize: bodySize}
	var perPage [][]paragraph
	for p, ls := range pages {
		var kept []line
		for i, l := range ls {
			if !drop[p][i] {
				kept = append(kept, l)
			}
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
			if i > 0 && s.bold && strings.TrimSpace(s.text) != "" {
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
		var bold strings.Builder
		for _, s := range p.spans {
			if strings.TrimSpace(s.text) == "" {
				bold.WriteString(s.text)
				continue
			}
			if !s.bold {
				allBold = false
				leading = false
			}
			if leading && s.bold {
				bold.WriteString(s.text)
			}
		}
		b.AllBold = allBold
		if d.hasBold {
			b.Bold = strings.TrimSpace(bold.String())
		}
		out = append(out, b)
	}
	return out
}
