package pdftext

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
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

// TestRepairDeterministic reads a damaged pdfTeX file whose objects sit in
// several object streams: the rebuilt cross-reference must be the same on
// every read (the last stream in the file wins), so the output is too.
func TestRepairDeterministic(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testpdf", "torture", "testdata", "nondeterministic-repair.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for i := 0; i < 8; i++ {
		doc, err := Read(context.Background(), data, Options{})
		if err != nil {
			t.Fatalf("read %d: %v", i+1, err)
		}
		var b strings.Builder
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				b.WriteString(l.Text() + "\n")
			}
		}
		if i == 0 {
			first = b.String()
			if len(doc.Pages) != 3 {
				t.Fatalf("got %d pages, want 3", len(doc.Pages))
			}
		} else if b.String() != first {
			t.Fatalf("read %d differs from the first", i+1)
		}
	}
}
