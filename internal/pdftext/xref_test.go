package pdftext

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

func TestFixStreamLengths(t *testing.T) {
	in := []byte("1 0 obj\n<< /Length 3 >>\nstream\nhello\nendstream\nendobj\n2 0 obj\n<< /Lxngth 2 >>\nstream\nab\nendstream\nendobj\n3 0 obj\n<< /Length 5 0 R >>\nstream\nxyz\nendstream\nendobj\n")
	out, ok := fixStreamLengths(in)
	want := "1 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n2 0 obj\n<< /Lxngth 2  /Length 2 >>\nstream\nab\nendstream\nendobj\n3 0 obj\n<< /Length 5 0 R >>\nstream\nxyz\nendstream\nendobj\n"
	if !ok || string(out) != want {
		t.Errorf("got %q", out)
	}
	if _, ok := fixStreamLengths([]byte(want)); ok {
		t.Error("right lengths were changed")
	}
}

func TestRecompressBadChecksum(t *testing.T) {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write([]byte("BT /F1 12 Tf (Hei) Tj ET"))
	zw.Close()
	raw := b.Bytes()
	raw[len(raw)-1] ^= 0xFF // a flipped byte in the Adler-32 trailer
	out, ok := recompress([]byte("<< /Filter /FlateDecode /Length 9 >>"), raw)
	if !ok {
		t.Fatal("not recompressed")
	}
	zr, _ := zlib.NewReader(bytes.NewReader(out))
	plain, err := io.ReadAll(zr)
	if err != nil || string(plain) != "BT /F1 12 Tf (Hei) Tj ET" {
		t.Errorf("%q %v", plain, err)
	}
	if _, ok := recompress([]byte("<< /Filter /FlateDecode >>"), b.Bytes()[:len(b.Bytes())-4]); ok {
		t.Error("a stream cut short was recompressed")
	}
}
