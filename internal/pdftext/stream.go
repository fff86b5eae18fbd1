package pdftext

import (
	"bytes"
	stdzlib "compress/zlib"
	"github.com/klauspost/compress/zlib"
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
	return inflateInto(dst, raw, limit)
}

// inflateInto appends to dst the zlib data raw decoded, at most limit
// bytes of it, as readAllInto(dst, io.LimitReader(r, limit)) gives them
// for the standard library's zlib reader r of raw, and panics with
// zlib.NewReader's error as the library does.
func inflateInto(dst, raw []byte, limit int64) ([]byte, error) {
	if z, err := getInflater(raw); err == nil {
		out, err := readAllInto(dst, io.LimitReader(z.zr, limit))
		putInflater(z)
		if err == nil && int64(len(out)-len(dst)) < limit {
			return out, nil // the whole stream, its checksum right
		}
	}
	// A damaged stream, or one cut by the limit: what is read before the
	// damage or the limit is the standard library's (its decoder hands
	// out more of a damaged stream than klauspost's), as are the errors.
	// readAllInto wrote only past len(dst), so dst is as it was.
	zr, err := stdzlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		panic(err) // as the library does
	}
	return readAllInto(dst, io.LimitReader(zr, limit))
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
// that a kept inflater does not keep a file's bytes alive. The zlib and
// flate readers are klauspost/compress's, whose decoder specialised for
// a *bytes.Reader reads its bytes without a call through an interface
// for each one (the standard library's huffSym calls ReadByte per byte).
// A whole, undamaged stream decodes to the same bytes with either; of a
// damaged one klauspost's hands out less before the error, so source.read
// decodes a stream that fails again with the standard library
// (TestInflateMatchesStdlib, FuzzInflate).
type inflater struct {
	zr  io.ReadCloser
	src bytes.Reader
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
	z.src.Reset(raw)
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
	z.src.Reset(nil)
	select {
	case inflaters <- z:
	default:
	}
}
