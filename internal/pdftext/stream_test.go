package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"testing"

	"github.com/ledongthuc/pdf"
)

// decodeOutcome is what decoding a stream gave: its bytes, its error and
// its panic, printed.
type decodeOutcome struct {
	data     string
	err, pan string
}

func outcome(read func() ([]byte, error)) (o decodeOutcome) {
	defer func() {
		if r := recover(); r != nil {
			o.pan = fmt.Sprint(r)
		}
	}()
	b, err := read()
	o.data = string(b)
	if err != nil {
		o.err = err.Error()
	}
	return o
}

// checkStream compares source.read with the library's reader for the
// stream v, at a few limits.
func checkStream(t *testing.T, src *source, v pdf.Value, where string) (direct bool) {
	t.Helper()
	_, _, direct = src.raw(v)
	for _, limit := range []int64{64 << 20, 100, 1, 0} {
		want := outcome(func() ([]byte, error) {
			rc := v.Reader()
			defer rc.Close()
			return readAllInto(nil, io.LimitReader(rc, limit))
		})
		got := outcome(func() ([]byte, error) { return src.read(v, nil, limit) })
		if got != want {
			t.Fatalf("%s, limit %d: source.read gives %d bytes, error %q, panic %q; the library %d bytes, error %q, panic %q",
				where, limit, len(got.data), got.err, got.pan, len(want.data), want.err, want.pan)
		}
	}
	return direct
}

// TestSourceMatchesLibrary decodes every stream of the test PDFs both
// ways: the bytes, the error and the panic must be the library's.
func TestSourceMatchesLibrary(t *testing.T) {
	files := testPDFs()
	if len(files) < 20 {
		t.Fatalf("only %d test PDFs found", len(files))
	}
	streams, direct := 0, 0
	eachOpened(t, files, func(file string, r *pdf.Reader, src *source) {
		for i, v := range streamsOf(r, 3000) {
			streams++
			if checkStream(t, src, v, fmt.Sprintf("%s, stream %d", file, i)) {
				direct++
			}
		}
	})
	// Most streams are FlateDecode without a predictor: if none were
	// decoded directly, the fast path is dead.
	if direct < streams/2 {
		t.Errorf("%d of %d streams decoded directly", direct, streams)
	}
	t.Logf("%d streams in %d files, %d decoded directly", streams, len(files), direct)
}

// FuzzSourceRead decodes a stream of arbitrary dictionary entries and
// bytes both ways; they must agree in bytes, error and panic.
func FuzzSourceRead(f *testing.F) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte("BT /F1 12 Tf (Hello) Tj ET"))
	zw.Close()
	f.Add([]byte("/Filter /FlateDecode /Length 34"), z.Bytes())
	f.Add([]byte("/Length 5"), []byte("hello, world"))
	f.Add([]byte("/Length -3"), []byte("abc"))
	f.Add([]byte("/Length 999999"), []byte("abc"))
	f.Add([]byte("/Filter /FlateDecode /Length 4"), []byte("abcd"))
	f.Add([]byte("/Filter [/FlateDecode] /Length 34"), z.Bytes())
	f.Add([]byte("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> /Length 34"), z.Bytes())
	f.Add([]byte("/Filter /FlateDecode /Length 4 0 R"), z.Bytes())
	f.Add([]byte("/Filter /ASCII85Decode /Length 5"), []byte("87cUR~>"))
	f.Fuzz(func(t *testing.T, dict, body []byte) {
		if bytes.Contains(dict, []byte("stream")) || bytes.Contains(dict, []byte("obj")) {
			return
		}
		var b bytes.Buffer
		b.WriteString("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X 3 0 R >>\nendobj\n")
		b.WriteString("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
		b.WriteString("4 0 obj\n34\nendobj\n3 0 obj\n<< ")
		b.Write(dict)
		b.WriteString(" >>\nstream\n")
		b.Write(body)
		b.WriteString("\nendstream\nendobj\n")
		data, err := rebuildXref(b.Bytes())
		if err != nil {
			return
		}
		r, err := newReader(data)
		if err != nil {
			return
		}
		var v pdf.Value
		func() {
			defer func() { recover() }()
			v = r.Trailer().Key("Root").Key("X")
		}()
		if v.Kind() != pdf.Stream {
			return
		}
		checkStream(t, newSource(r, data), v, "the stream")
	})
}
