package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-pdf/fpdf"
)

// Build writes a PDF from numbered object bodies (object i+1 is objs[i];
// object 1 must be the catalog), with a correct cross-reference table.
func Build(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Stream returns the body of a stream object with the given data.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// OnePage returns a one-page PDF that shows content with Helvetica as F1.
func OnePage(content string) []byte {
	return Build([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		Stream("", []byte(content)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	})
}

// An Edge is a test file for a case that readers get wrong.
type Edge struct {
	Name string
	// Cause is what extraction must fail with: one of the causes of
	// package ingest as ingest.CauseName names them ("empty", "not-pdf",
	// "damaged", "encrypted", "no-text", "too-large", "timeout", "crashed"),
	// several separated by "|" when more
	// than one is a right answer, or "" when the file must be read.
	Cause string
	// Text is a phrase the extracted text must contain, for files that
	// must be read.
	Text string
	Why  string
}

// Edges lists the edge-case files MakeEdges writes.
var Edges = []Edge{
	{Name: "empty.pdf", Cause: "empty", Why: "zero bytes"},
	{Name: "not-a-pdf.pdf", Cause: "not-pdf", Why: "a text file named .pdf"},
	{Name: "zip.pdf", Cause: "not-pdf", Why: "a ZIP archive (a .docx) named .pdf"},
	{Name: "truncated.pdf", Cause: "damaged", Why: "the first 40% of a good file"},
	{Name: "garbage.pdf", Cause: "damaged", Why: "a header followed by random bytes"},
	{Name: "user-password.pdf", Cause: "encrypted", Why: "AES-256 with a user password (qpdf)"},
	{Name: "scan.pdf", Cause: "no-text", Why: "one image and no text, like a scan"},
	{Name: "deep-nesting.pdf", Cause: "damaged|crashed", Why: "an array nested a million deep in the catalog"},
	{Name: "deep-content.pdf", Cause: "damaged", Why: "a content stream nested 100000 arrays deep"},
	{Name: "inflate-bomb.pdf", Cause: "too-large", Why: "a content stream that inflates to 400 MiB"},
	{Name: "bogus-xref-size.pdf", Cause: "crashed|damaged", Why: "an xref stream whose /Size asks for terabytes: a Go fatal out-of-memory in the library"},
	{Name: "page-loop.pdf", Cause: "damaged", Why: "a page tree whose node is its own kid (the library's page lookup loops forever on it)"},
	{Name: "objstm-loop.pdf", Cause: "timeout", Why: "an object stream that extends itself and lacks the object sought: the library loops forever"},
	{Name: "pdf-2.0.pdf", Text: "Linjevise budsjetter for 2020", Why: "a %PDF-2.0 header"},
	{Name: "trailing-bytes.pdf", Text: "Linjevise budsjetter for 2020", Why: "junk after %%EOF"},
	{Name: "leading-bytes.pdf", Text: "Linjevise budsjetter for 2020", Why: "junk before %PDF-"},
	{Name: "linearized.pdf", Text: "Linjevise budsjetter for 2020", Why: "linearized by qpdf"},
	{Name: "object-streams.pdf", Text: "Linjevise budsjetter for 2020", Why: "object and cross-reference streams (qpdf)"},
	{Name: "objstm-broken-xref.pdf", Text: "Linjevise budsjetter for 2020", Why: "object streams, and startxref pointing nowhere: the xref is rebuilt as a stream"},
	{Name: "owner-aes256.pdf", Text: "Linjevise budsjetter for 2020", Why: "AES-256, owner password only"},
	{Name: "owner-rc4.pdf", Text: "Linjevise budsjetter for 2020", Why: "RC4 128-bit, owner password only"},
	{Name: "broken-xref.pdf", Text: "Linjevise budsjetter for 2020", Why: "every cross-reference offset wrong"},
	{Name: "form-xobject.pdf", Text: "Tekst i et skjemaobjekt", Why: "text drawn inside a form XObject"},
	{Name: "tj-kerning.pdf", Text: "Arbeidsgiver svarte at økonomien er stram", Why: "words separated only by TJ offsets, no spaces"},
	{Name: "ligatures.pdf", Text: "offisielle flyktninger", Why: "ﬁ and ﬂ ligature glyphs"},
	{Name: "soft-hyphen.pdf", Text: "organisasjonen", Why: "a soft hyphen at a line end"},
}

// UserPassword opens user-password.pdf.
const UserPassword = "hemmelig"

// MakeEdges writes the files of Edges into dir, from good, a good PDF of
// minutes. It needs qpdf. It is long on purpose: one table of small
// steps, one per edge file, read top to bottom like the list in Edges.
func MakeEdges(good []byte, dir string) error {
	rng := rand.New(rand.NewSource(1))
	write := func(name string, b []byte) error { return os.WriteFile(filepath.Join(dir, name), b, 0o644) }
	qpdf := func(name string, args ...string) error {
		src := filepath.Join(dir, "good.tmp.pdf")
		if err := os.WriteFile(src, good, 0o644); err != nil {
			return err
		}
		defer os.Remove(src)
		cmd := exec.Command("qpdf", append(append([]string{src}, args...), filepath.Join(dir, name))...)
		if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 3 {
			return fmt.Errorf("qpdf %s: %v: %s", name, err, out)
		}
		return nil
	}
	var garbage = make([]byte, 20000)
	rng.Read(garbage)
	deep := strings.Repeat("[", 1000000) + strings.Repeat("]", 1000000)
	var bomb bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&bomb, zlib.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < 400; i++ {
		zw.Write(chunk)
	}
	zw.Close()
	brokenXref := bytes.ReplaceAll(good, []byte(" 00000 n"), []byte(" 00000 n"))
	brokenXref = breakXref(brokenXref)
	steps := []func() error{
		func() error { return write("empty.pdf", nil) },
		func() error { return write("not-a-pdf.pdf", []byte("Referat fra møtet\nDette er ikke en PDF.\n")) },
		func() error { return write("zip.pdf", append([]byte("PK\x03\x04"), garbage[:200]...)) },
		func() error { return write("truncated.pdf", good[:len(good)*4/10]) },
		func() error { return write("garbage.pdf", append([]byte("%PDF-1.4\n"), garbage...)) },
		func() error { return qpdf("user-password.pdf", "--encrypt", UserPassword, "eier", "256", "--") },
		func() error { return write("scan.pdf", scan()) },
		func() error {
			return write("deep-nesting.pdf", Build([]string{
				"<< /Type /Catalog /Pages 2 0 R /Junk " + deep + " >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
			}))
		},
		func() error {
			return write("deep-content.pdf", OnePage("BT /F1 12 Tf 72 700 Td "+strings.Repeat("[", 100000)+" ET"))
		},
		func() error {
			return write("inflate-bomb.pdf", Build([]string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
				Stream("/Filter /FlateDecode", bomb.Bytes()),
			}))
		},
		func() error {
			var b bytes.Buffer
			b.WriteString("%PDF-1.5\n")
			at := b.Len()
			b.WriteString("1 0 obj\n<< /Type /XRef /Size 9000000000 /W [1 2 1] /Root 2 0 R /Length 0 >>\nstream\n\nendstream\nendobj\n")
			fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", at)
			return write("bogus-xref-size.pdf", b.Bytes())
		},
		func() error { return write("objstm-loop.pdf", objStmLoop()) },
		func() error {
			return write("page-loop.pdf", Build([]string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [2 0 R] /Count 5 >>",
			}))
		},
		func() error { return write("pdf-2.0.pdf", append([]byte("%PDF-2.0"), good[8:]...)) },
		func() error { return write("trailing-bytes.pdf", append(append([]byte{}, good...), garbage[:1000]...)) },
		func() error { return write("leading-bytes.pdf", append([]byte("From: skanner\r\n\r\n"), good...)) },
		func() error { return qpdf("linearized.pdf", "--linearize") },
		func() error { return qpdf("object-streams.pdf", "--object-streams=generate") },
		func() error {
			b, err := os.ReadFile(filepath.Join(dir, "object-streams.pdf"))
			if err != nil {
				return err
			}
			i := bytes.LastIndex(b, []byte("startxref"))
			return write("objstm-broken-xref.pdf", append(append([]byte{}, b[:i]...), []byte("startxref\n9\n%%EOF\n")...))
		},
		func() error { return qpdf("owner-aes256.pdf", "--encrypt", "", "eier", "256", "--") },
		func() error {
			return qpdf("owner-rc4.pdf", "--allow-weak-crypto", "--encrypt", "", "eier", "128", "--use-aes=n", "--")
		},
		func() error { return write("broken-xref.pdf", brokenXref) },
		func() error {
			return write("form-xobject.pdf", Build([]string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>",
				Stream("", []byte("q 1 0 0 1 72 700 cm /X1 Do Q")),
				Stream("/Type /XObject /Subtype /Form /BBox [0 0 400 50] /Resources << /Font << /F1 6 0 R >> >>",
					[]byte("BT /F1 12 Tf 0 10 Td (Tekst i et skjemaobjekt.) Tj ET")),
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
			}))
		},
		func() error {
			// Helvetica without /Widths: the reader must still separate words
			// moved apart by TJ offsets; \370 is ø in WinAnsi.
			return write("tj-kerning.pdf", OnePage("BT /F1 12 Tf 72 700 Td [(Arbeidsgiver)-300(svarte)-300(at)-300(\\370konomien)-300(er)-300(stram.)] TJ ET"))
		},
		func() error {
			return write("ligatures.pdf", Build([]string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				Stream("", []byte("BT /F1 12 Tf 72 700 Td (of\\001sielle \\002yktninger) Tj ET")),
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >> >>",
			}))
		},
		func() error {
			// \255 is the soft hyphen in WinAnsi.
			return write("soft-hyphen.pdf", OnePage("BT /F1 12 Tf 72 700 Td (Dette gjelder hele organisa\\255) Tj 0 -14 Td (sjonen og alle ansatte.) Tj ET"))
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}

// breakXref shifts every offset in the cross-reference table by 7, as a
// file edited by a careless tool has them.
func breakXref(pdf []byte) []byte {
	out := append([]byte{}, pdf...)
	i := bytes.LastIndex(out, []byte("\nxref"))
	if i < 0 {
		return out
	}
	lines := bytes.Split(out[i:], []byte("\n"))
	for k, l := range lines {
		if len(l) >= 18 && bytes.HasSuffix(bytes.TrimSpace(l), []byte(" n")) {
			var off, gen int
			if _, err := fmt.Sscanf(string(l), "%010d %05d n", &off, &gen); err == nil {
				lines[k] = []byte(fmt.Sprintf("%010d %05d n ", off+7, gen))
			}
		}
	}
	return append(out[:i], bytes.Join(lines, []byte("\n"))...)
}

// scan returns a one-page PDF holding only an image, as a scanner makes.
func scan() []byte {
	img := image.NewGray(image.Rect(0, 0, 200, 280))
	for y := 0; y < 280; y++ {
		for x := 0; x < 200; x++ {
			c := uint8(250)
			if y%14 < 3 && x > 20 && x < 180 && y > 20 {
				c = 40
			}
			img.SetGray(x, y, color.Gray{Y: c})
		}
	}
	var pngData bytes.Buffer
	png.Encode(&pngData, img)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &pngData)
	pdf.ImageOptions("scan", 0, 0, 210, 297, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var out bytes.Buffer
	pdf.Output(&out)
	return out.Bytes()
}

// objStmLoop returns a PDF whose page tree is object 5, said by the
// cross-reference stream to be in object stream 4, which holds only
// object 6 and extends itself.
func objStmLoop() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off := map[int]int{}
	off[1] = b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 5 0 R >>\nendobj\n")
	off[4] = b.Len()
	content := "6 0 << /Type /Pages /Kids [] /Count 0 >>"
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 4 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(content), content)
	off[7] = b.Len()
	entry := func(typ byte, field2 uint32, field3 uint16) []byte {
		return []byte{typ, byte(field2 >> 24), byte(field2 >> 16), byte(field2 >> 8), byte(field2), byte(field3 >> 8), byte(field3)}
	}
	var xref []byte
	xref = append(xref, entry(0, 0, 0xFFFF)...)
	xref = append(xref, entry(1, uint32(off[1]), 0)...)
	xref = append(xref, entry(0, 0, 0xFFFF)...)
	xref = append(xref, entry(0, 0, 0xFFFF)...)
	xref = append(xref, entry(1, uint32(off[4]), 0)...)
	xref = append(xref, entry(2, 4, 0)...) // object 5: in stream 4, index 0
	xref = append(xref, entry(2, 4, 0)...) // object 6: in stream 4, index 0
	xref = append(xref, entry(1, uint32(off[7]), 0)...)
	fmt.Fprintf(&b, "7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", len(xref))
	b.Write(xref)
	b.WriteString("\nendstream\nendobj\n")
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", off[7])
	return b.Bytes()
}
