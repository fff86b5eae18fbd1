package pdftext

import (
	"io"
	"slices"
	"sync"

	"github.com/ledongthuc/pdf"
)

// A docCache holds what the pages of one file share.
type docCache struct {
	src *source // the file's bytes, for decoding streams; nil: the library decodes them
	// fonts by BaseFont; those of one BaseFont differ in printed form
	fonts map[string][]fontEntry
	// named holds the fonts of each /Font resource dictionary by
	// resource name, by the dictionary's printed form: pages that share
	// their fonts look each font up once, even when their resource
	// dictionaries differ (Ghostscript writes one /Font dictionary per
	// page, alike). Two /Font dictionaries that print alike have the same
	// entries and so the same fonts.
	named map[string]map[string]*font
}

// A fontEntry is a font dictionary read, its printed form once asked for
// ("" until then), and its font.
type fontEntry struct {
	v   pdf.Value
	key string
	f   *font
}

// A fontScope is what the content stream being run finds fonts in: its
// resources' /Font dictionary, read once, and the fonts found in it so
// far by resource name. When reading the dictionary failed (ok false),
// every lookup reads it again and fails as it did, and named is keyed by
// the printed form of the whole resource dictionary.
type fontScope struct {
	named map[string]*font
	dict  pdf.Value
	ok    bool
}

func newDocCache() *docCache {
	return &docCache{fonts: map[string][]fontEntry{}, named: map[string]map[string]*font{}}
}

// fontScope returns the font scope of the resource dictionary resources.
func (d *docCache) fontScope(resources pdf.Value) (s fontScope) {
	func() {
		defer func() {
			if recover() != nil {
				s.ok = false
			}
		}()
		s.dict = resources.Key("Font")
		s.ok = true
	}()
	key := "R" + resources.String()
	if s.ok {
		key = "F" + s.dict.String()
	}
	m, ok := d.named[key]
	if !ok {
		m = map[string]*font{}
		d.named[key] = m
	}
	s.named = m
	return s
}

// Buffers reused from page to page and file to file: a page's glyphs
// and the decoded bytes of a content stream are dead once the page's
// lines are built and the stream has been interpreted, and allocating
// them anew was most of what a page cost the garbage collector. A few
// buffers of moderate size are kept in a free list that garbage
// collections leave alone (they come every few pages): at most about
// 10 MiB in all, see the lists below. Larger ones go to a sync.Pool, and
// very large ones to the garbage collector.

// A freeList keeps up to cap(c) buffers for reuse.
type freeList[T any] struct {
	c    chan []T
	pool sync.Pool // *[]T, for buffers too large for c
	keep int       // the largest capacity kept in c
	max  int       // the largest capacity kept at all
}

func newFreeList[T any](n, keep, max int) *freeList[T] {
	return &freeList[T]{c: make(chan []T, n), keep: keep, max: max}
}

// get returns an empty buffer, with room from an earlier use when there
// is one, else with capacity size.
func (f *freeList[T]) get(size int) []T {
	select {
	case b := <-f.c:
		return b[:0]
	default:
	}
	if b, ok := f.pool.Get().(*[]T); ok {
		return (*b)[:0]
	}
	return make([]T, 0, size)
}

// put gives back a buffer that nothing points into any more.
func (f *freeList[T]) put(b []T) {
	switch {
	case cap(b) == 0 || cap(b) > f.max:
	case cap(b) <= f.keep:
		select {
		case f.c <- b[:0]:
		default:
			f.pool.Put(&b)
		}
	default:
		f.pool.Put(&b)
	}
}

var (
	glyphBufs  = newFreeList[glyph](4, 8<<10, 1<<16)
	streamBufs = newFreeList[byte](4, 1<<20, 4<<20)
	// for the interpreter's operands (see operand.go): nested form
	// XObjects each take three
	operandBufs = newFreeList[operand](16, 4<<10, 64<<10)
	scratchBufs = newFreeList[byte](8, 64<<10, 1<<20)
	// for occlusion (paint.go): a page's occluders, their points and
	// subpath starts, and hideOccluded's letters' centres and hiders
	occBufs   = newFreeList[occluder](4, 1<<10, 8<<10)
	pointBufs = newFreeList[point](8, 16<<10, 1<<20)
	intBufs   = newFreeList[int](4, 1<<10, 64<<10)
	int32Bufs = newFreeList[int32](4, 16<<10, 256<<10)
)

// zeroed returns a buffer of f with length n, zeroed.
func zeroed[T any](f *freeList[T], n int) []T {
	b := f.get(n)
	b = slices.Grow(b, n)[:n]
	clear(b)
	return b
}

// getGlyphs returns an empty glyph slice, with room from an earlier page.
func getGlyphs() []glyph { return glyphBufs.get(1024) }

// putGlyphs gives back the slice of a page whose glyphs are no longer
// used.
func putGlyphs(gs []glyph) { glyphBufs.put(gs) }

// getBuf returns an empty buffer for a decoded stream.
func getBuf() []byte { return streamBufs.get(512) }

// putBuf gives back a stream's buffer that nothing points into any more.
func putBuf(b []byte) { streamBufs.put(b) }

// readAllInto is io.ReadAll reading into b first, which it returns when
// the data fit. Like io.ReadAll it reads a long stream in chunks and
// copies them into one slice at the end, so that an inflate bomb needs no
// more memory than it did with io.ReadAll.
func readAllInto(b []byte, r io.Reader) ([]byte, error) {
	if cap(b) < 512 {
		b = make([]byte, 0, 512)
	}
	next := cap(b)
	var chunks [][]byte
	size := 0 // of the chunks
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			if len(chunks) == 0 {
				return b, err
			}
			all := make([]byte, 0, size+len(b))
			for _, c := range chunks {
				all = append(all, c...)
			}
			return append(all, b...), err
		}
		if cap(b)-len(b) < cap(b)/16 {
			chunks = append(chunks, b)
			size += len(b)
			b = make([]byte, 0, next)
			next += next / 2
		}
	}
}
