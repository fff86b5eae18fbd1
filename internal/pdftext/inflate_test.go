package pdftext

import (
	"bytes"
	stdzlib "compress/zlib"
	"fmt"
	"io"
	"math/rand"
	"testing"

	"github.com/ledongthuc/pdf"
)

// inflateBoth decodes raw with the standard library's zlib reader, as
// ledongthuc/pdf does, through readAllInto under limit, and as
// source.read does; it fails the test when the bytes, the error or the
// panic differ.
func inflateBoth(t *testing.T, raw []byte, limit int64, where string) {
	t.Helper()
	want := outcome(func() ([]byte, error) {
		zr, err := stdzlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			panic(err)
		}
		defer zr.Close()
		return readAllInto(nil, io.LimitReader(zr, limit))
	})
	got := outcome(func() ([]byte, error) { return inflate(raw, limit) })
	if got != want {
		t.Fatalf("%s, limit %d: inflater gives %d bytes, error %q, panic %q; the standard library %d bytes, error %q, panic %q",
			where, limit, len(got.data), got.err, got.pan, len(want.data), want.err, want.pan)
	}
}

// inflate decodes raw as source.read decodes a FlateDecode stream.
func inflate(raw []byte, limit int64) ([]byte, error) {
	return inflateInto(nil, raw, limit)
}

// TestInflateMatchesStdlib decodes the FlateDecode streams of the test
// PDFs, whole and damaged (cut short, a byte changed, the checksum
// spoilt), with the inflater and with the standard library: the bytes
// decoded, the error and the panic must be the same.
func TestInflateMatchesStdlib(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	streams := 0
	eachOpened(t, testPDFs(), func(file string, r *pdf.Reader, src *source) {
		for i, v := range streamsOf(r, 3000) {
			raw, flate, ok := src.raw(v)
			if !ok || !flate || len(raw) < 8 {
				continue
			}
			streams++
			where := fmt.Sprintf("%s, stream %d", file, i)
			inflateBoth(t, raw, 64<<20, where)
			inflateBoth(t, raw, int64(rng.Intn(4096)), where)
			for k := 0; k < 6; k++ {
				cut := rng.Intn(len(raw))
				inflateBoth(t, raw[:cut], 64<<20, fmt.Sprintf("%s cut at %d", where, cut))
				spoilt := bytes.Clone(raw)
				at := rng.Intn(len(raw))
				spoilt[at] ^= byte(1 + rng.Intn(255))
				inflateBoth(t, spoilt, 64<<20, fmt.Sprintf("%s, byte %d changed", where, at))
			}
			spoilt := bytes.Clone(raw)
			spoilt[len(spoilt)-1] ^= 0x55
			inflateBoth(t, spoilt, 64<<20, where+", checksum spoilt")
			inflateBoth(t, append(bytes.Clone(raw), "trailing garbage"...), 64<<20, where+", bytes after the end")
		}
	})
	if streams < 50 {
		t.Fatalf("only %d FlateDecode streams found", streams)
	}
	t.Logf("%d streams", streams)
}

// FuzzInflate decodes arbitrary bytes both ways.
func FuzzInflate(f *testing.F) {
	var z bytes.Buffer
	zw := stdzlib.NewWriter(&z)
	zw.Write(bytes.Repeat([]byte("BT /F1 12 Tf (Hello) Tj ET\n"), 40))
	zw.Close()
	f.Add(z.Bytes())
	f.Add(z.Bytes()[:20])
	f.Add([]byte{0x78, 0x9c, 0x03, 0x00})
	f.Add([]byte{0x78, 0x01, 0x01, 0x05, 0x00, 0xfa, 0xff, 'h', 'e', 'l', 'l', 'o'})
	f.Fuzz(func(t *testing.T, raw []byte) {
		inflateBoth(t, raw, 64<<20, "the stream")
		inflateBoth(t, raw, 10, "the stream")
	})
}
