package pdftext

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// Options control reading. The zero value is ready to use.
type Options struct {
	// Password opens files protected by a user password. Default "": files
	// with only an owner password open without one.
	Password string
	// MaxInflated caps the decoded bytes of all content streams of one
	// file. Default (0): DefaultMaxInflated.
	MaxInflated int64
	// MaxPages caps the pages read. Default (0): DefaultMaxPages.
	MaxPages int
	// KeepTextless returns the pages of a file in which no page has
	// text (a scan), each without lines, instead of ErrNoText, so that
	// they can be recognised by OCR. Default false.
	KeepTextless bool
}

// A Document is a PDF's text after line building: its pages in order and
// its document information.
type Document struct {
	Pages []Page
	Info  Info
}

// A Page is one page's lines, top to bottom, and its media box.
type Page struct {
	Lines []Line     // nil for a page without text
	Box   [4]float64 // media box: x0, y0, x1, y1 in points, after /Rotate
}

// Info is the part of the PDF's document information dictionary callers
// use. Values are as the file gives them, "" when missing.
type Info struct {
	Producer     string // the Producer, trimmed
	CreationDate string // the CreationDate, raw ("D:20231214120000+01'00'")
}

// Defaults for Options.
const (
	DefaultMaxInflated = 256 << 20
	DefaultMaxPages    = 2000
)

// Read reads the PDF in data: it repairs what viewers repair, decrypts a
// file that needs no password (or opts.Password), and builds the lines of
// every page. It returns a Document with at least one page and some
// letters, or an *Error whose Err wraps one of the causes above; a
// cancelled or expired ctx stops it between pages with ctx.Err() as the
// cause (errors.Is(err, context.DeadlineExceeded)).
func Read(ctx context.Context, data []byte, opts Options) (*Document, error) {
	doc, err := read(ctx, data, opts)
	if err == nil {
		return doc, nil
	}
	if _, ok := err.(*Error); !ok {
		err = &Error{Err: err}
	}
	return nil, err
}

// read prepares data and reads it, a second time with stream lengths
// mended when the first reading finds it damaged or textless.
func read(ctx context.Context, data []byte, opts Options) (*Document, error) {
	prepared, orig, err := prepare(data, opts.Password)
	if err != nil {
		return nil, err
	}
	doc, err := readPrepared(ctx, prepared, opts, orig)
	if err == nil || !(errors.Is(err, ErrNoText) || errors.Is(err, ErrDamaged)) {
		return doc, err
	}
	// Streams whose /Length is wrong read as garbage; viewers find their
	// end instead. Try once more with the lengths mended.
	if fixed, ok := fixStreamLengths(prepared); ok {
		if rebuilt, rerr := rebuildXref(fixed); rerr == nil {
			if doc2, err2 := readPrepared(ctx, rebuilt, opts, orig); err2 == nil {
				return doc2, nil
			}
		}
	}
	return doc, err
}

// info reads the document information dictionary; a damaged one gives
// empty values.
func info(r *pdf.Reader) (info Info) {
	defer func() { recover() }()
	in := r.Trailer().Key("Info")
	info.Producer = strings.TrimSpace(textOf(in.Key("Producer")))
	info.CreationDate = textOf(in.Key("CreationDate"))
	return info
}

// readPrepared reads prepared bytes; orig, when not nil, is the file's
// Info from before it was decrypted.
func readPrepared(ctx context.Context, prepared []byte, opts Options, orig *Info) (*Document, error) {
	r, root, used, err := openReader(prepared, opts.Password)
	if err != nil {
		return nil, err
	}
	doc := &Document{Info: info(r)}
	if orig != nil {
		doc.Info = *orig
	}
	budget := opts.MaxInflated
	if budget <= 0 {
		budget = DefaultMaxInflated
	}
	maxPages := opts.MaxPages
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	cache := newDocCache()
	cache.src = newSource(r, used)
	var firstErr error
	readable, unreadable := 0, 0
	pages, err := walkPageTree(root, maxPages)
	if err != nil {
		return nil, err
	}
	for i, pv := range pages {
		n := i + 1
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gs, overlays, box, err := page(pv, &budget, cache)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, &Error{Page: n, Err: err}
			}
			if firstErr == nil && len(gs) == 0 {
				firstErr = &Error{Page: n, Err: err}
			}
		}
		sc := scanGlyphs(gs) // one pass for what countReadable and buildLines ask first
		readable, unreadable = readable+sc.readable, unreadable+sc.unreadable
		lines := buildScanned(n, gs, box, sc)
		for _, ov := range overlays {
			osc := scanGlyphs(ov.glyphs)
			readable, unreadable = readable+osc.readable, unreadable+osc.unreadable
			lines = insertOverlay(lines, buildScanned(n, ov.glyphs, box, osc), ov.bottom)
		}
		doc.Pages = append(doc.Pages, Page{Lines: lines, Box: box})
		putGlyphs(gs) // lines hold no glyph
	}
	if len(doc.Pages) == 0 {
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, fmt.Errorf("%w: the file has no pages", ErrDamaged)
	}
	if readable == 0 && firstErr != nil {
		return nil, firstErr
	}
	if err := noText(readable, unreadable, len(doc.Pages)); err != nil && !opts.KeepTextless {
		return nil, err
	}
	return doc, nil
}

// noText says why a document whose glyphs hold readable readable
// characters and unreadable ones that carry no text (U+FFFD, private use)
// is not text, or returns nil when it is. A page of only digits and
// symbols is text; output that is mostly unmapped glyphs is not, and gets
// its own cause, so that OCR can take over.
func noText(readable, unreadable, pages int) error {
	switch {
	case readable == 0 && unreadable == 0:
		return fmt.Errorf("%w: %d page(s) without any text; is it a scan?", ErrNoText, pages)
	case readable == 0:
		return fmt.Errorf("%w: the text cannot be read", ErrNoUnicode)
	case unreadable > readable:
		return fmt.Errorf("%w: %d of %d characters cannot be read", ErrNoUnicode, unreadable, readable+unreadable)
	}
	return nil
}

// A glyphScan is what one pass over a page's glyphs tells: the characters
// that are text (anything but white space and control characters) and
// those that stand for a glyph without Unicode (U+FFFD, and private-use
// code points, which fonts without a Unicode mapping give their glyphs), isRotated, and whether they are sorted as sortByYDown sorts
// them (no NaN y, none higher than the glyph before).
type glyphScan struct {
	readable, unreadable int
	rotated, sortedDown  bool
}

// scanGlyphs reads gs once for the counts, isRotated and sortByYDown's
// check, each of which was a pass over the page's glyphs of its own
// (TestScanGlyphsMatches).
func scanGlyphs(gs []glyph) glyphScan {
	sc := glyphScan{sortedDown: true}
	prevY := math.Inf(1)
	for i := range gs {
		g := &gs[i]
		if g.rot != 0 {
			sc.rotated = true
		}
		if y := g.y; y != y || y > prevY {
			sc.sortedDown = false
		} else {
			prevY = y
		}
		for _, c := range g.s {
			switch {
			case c < 0x80: // most glyphs: no table lookups
				if c > ' ' && c != 0x7F {
					sc.readable++
				}
			case c == '\uFFFD' || isPrivateUse(c):
				sc.unreadable++
			case unicode.IsSpace(c) || unicode.IsControl(c) || unicode.Is(unicode.Cf, c):
			default:
				sc.readable++
			}
		}
	}
	return sc
}

// isPrivateUse reports whether c is in a private-use area.
func isPrivateUse(c rune) bool {
	return c >= 0xE000 && c <= 0xF8FF || c >= 0xF0000
}

// page reads one page.
func page(v pdf.Value, budget *int64, doc *docCache) (gs []glyph, overlays []overlay, box [4]float64, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = damaged(x, "reading the page")
		}
	}()
	return readPage(v, budget, doc)
}

// pageTree returns the pages in order, walking the page tree once. The
// library's own lookup walks the tree for every page (quadratic in pages)
// and loops forever on a tree that contains itself; here depth and nodes
// are bounded, and a damaged node loses only the pages below it.
func pageTree(r *pdf.Reader, maxPages int) (pages []pdf.Value, err error) {
	var root pdf.Value
	func() {
		defer recoverAs(&err, "reading the page tree")
		root = r.Trailer().Key("Root").Key("Pages")
	}()
	if err != nil {
		return nil, err
	}
	return walkPageTree(root, maxPages)
}

// walkPageTree is pageTree from the tree's root, as openReader read it
// (the file's first object read again costs a parse).
func walkPageTree(root pdf.Value, maxPages int) (pages []pdf.Value, err error) {
	const maxDepth = 64
	nodes := 0
	seen := map[string]bool{}
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
		// A node met again is a cycle: its pages are read once, where
		// the node was first met. Nodes print their kids as references,
		// so the printed form identifies them.
		key := v.String()
		if seen[key] {
			if firstErr == nil {
				firstErr = fmt.Errorf("%w: the page tree contains itself", ErrDamaged)
			}
			return nil
		}
		seen[key] = true
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
	err = walk(root, 0)
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
