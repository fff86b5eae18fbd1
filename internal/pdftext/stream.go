package pdftext

import (
	"compress/zlib"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// A source is the bytes a pdf.Reader reads, so that the streams the
// pages and fonts need are decoded from them directly: ledongthuc/pdf
// makes a new zlib reader (a 32 KiB window and its tables) and a
// buffered section reader for every stream it is asked for, which was
// most of the bytes a file allocated. A nil *source decodes every
// stream with the library.
type source struct {
	data []byte
}

// newSource returns the source of r, which reads data; nil when the
// library decrypts the file's streams itself (its trailer names
// /Encrypt), which only the library knows how to do.
func newSource(r *pdf.Reader, data []byte) (s *source) {
	defer func() {
		if recover() != nil {
			s = nil
		}
	}()
	if slices.Contains(r.Trailer().Keys(), "Encrypt") {
		return nil
	}
	return &source{data: data}
}

// read appends to dst the decoded bytes of the stream v, at most limit of
// them, and returns them with the error that stopped the reading (nil at
// the end of the data). It gives exactly what readAllInto(dst,
// io.LimitReader(v.Reader(), limit)) gives, and panics where v.Reader
// panics (an unknown filter, a stream that does not start as zlib
// data): the stream's /Length, /Filter and /DecodeParms are read as the
// library reads them, and the streams it decodes here are those without
// a filter and those with FlateDecode and no predictor, the rest going
// to the library.
func (s *source) read(v pdf.Value, dst []byte, limit int64) ([]byte, error) {
	raw, flate, ok := s.raw(v)
	if !ok {
		rc := v.Reader()
		defer rc.Close()
		return readAllInto(dst, io.LimitReader(rc, limit))
	}
	if !flate {
		if int64(len(raw)) > limit {
			raw = raw[:max(limit, 0)]
		}
		return append(dst, raw...), nil
	}
	z, err := getInflater(raw)
	if err != nil {
		panic(err) // as the library does
	}
	defer putInflater(z)
	return readAllInto(dst, io.LimitReader(z.zr, limit))
}

// raw returns the encoded bytes of the stream v and whether they are
// FlateDecode data without a predictor; ok is false when the library
// must decode the stream.
func (s *source) raw(v pdf.Value) (raw []byte, flate, ok bool) {
	if s == nil || v.Kind() != pdf.Stream {
		return nil, false, false
	}
	n := v.Key("Length").Int64()
	if n == 0 { // the library reads no filter for an empty stream
		return nil, false, true
	}
	switch filter := v.Key("Filter"); {
	case filter.Kind() == pdf.Null:
	case filter.Kind() == pdf.Name && filter.Name() == "FlateDecode" &&
		v.Key("DecodeParms").Key("Predictor").Kind() == pdf.Null:
		flate = true
	default:
		return nil, false, false
	}
	off, ok := streamOffset(v)
	if !ok || off > int64(len(s.data)) {
		return nil, false, false
	}
	// The library reads io.NewSectionReader(file, off, n), whose end is
	// off+n unless that overflows (as it does for a negative n, in
	// wrapping arithmetic), and then the end of the file.
	const maxInt64 = 1<<63 - 1
	end := int64(maxInt64)
	if off <= maxInt64-n {
		end = off + n
	}
	end = min(end, int64(len(s.data)))
	if end < off {
		end = off
	}
	return s.data[off:end], flate, true
}

// streamOffset returns where the data of the stream v starts in the
// file. The library keeps it to itself but prints it: the printed form
// of a stream is its dictionary, "@" and the offset.
func streamOffset(v pdf.Value) (int64, bool) {
	str := v.String()
	i := strings.LastIndexByte(str, '@')
	if i < 0 {
		return 0, false
	}
	off, err := strconv.ParseInt(str[i+1:], 10, 64)
	return off, err == nil && off >= 0
}

// An inflater is a zlib reader and what it reads from: a reader of a
// byte slice that lets go of the slice when the inflater is put back, so
// that a kept inflater does not keep a file's bytes alive.
type inflater struct {
	zr  io.ReadCloser
	src byteReader
}

// inflaters keeps inflaters for reuse: Reset keeps a zlib reader's window
// and tables, which a new one allocates (about 40 KiB).
var inflaters = make(chan *inflater, 4)

// getInflater returns an inflater of raw, a reused one when there is
// one. The error is zlib.NewReader's for raw.
func getInflater(raw []byte) (*inflater, error) {
	var z *inflater
	select {
	case z = <-inflaters:
	default:
		z = new(inflater)
	}
	z.src = byteReader{b: raw}
	var err error
	if z.zr == nil {
		z.zr, err = zlib.NewReader(&z.src)
	} else {
		err = z.zr.(zlib.Resetter).Reset(&z.src, nil)
	}
	if err != nil {
		if z.zr != nil {
			putInflater(z)
		}
		return nil, err
	}
	return z, nil
}

// putInflater keeps z for reuse.
func putInflater(z *inflater) {
	z.src = byteReader{}
	select {
	case inflaters <- z:
	default:
	}
}

// A byteReader reads a byte slice. It is a flate.Reader, which zlib and
// flate read from directly, without a bufio.Reader of their own.
type byteReader struct {
	b []byte
	i int
}

func (r *byteReader) Read(p []byte) (int, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:])
	r.i += n
	return n, nil
}

func (r *byteReader) ReadByte() (byte, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	c := r.b[r.i]
	r.i++
	return c, nil
}
