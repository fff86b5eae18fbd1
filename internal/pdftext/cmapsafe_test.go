package pdftext

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
)

// libraryEncoderPanics runs the library's Font.Encoder of font f and
// reports its panic, "" when there is none.
func libraryEncoderPanics(f pdf.Value) (pan string) {
	defer func() {
		if r := recover(); r != nil {
			pan = fmt.Sprint(r)
		}
	}()
	font := pdf.Font{V: f}
	font.Encoder()
	return ""
}

// fontWithToUnicode returns a font dictionary whose /ToUnicode stream
// holds cmap, read back by the library; ok is false when the file does
// not open.
func fontWithToUnicode(t *testing.T, cmap []byte) (pdf.Value, *source, bool) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X 3 0 R >>\nendobj\n")
	b.WriteString("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
	b.WriteString("3 0 obj\n<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 4 0 R >>\nendobj\n")
	fmt.Fprintf(&b, "4 0 obj\n<< /Length %d >>\nstream\n", len(cmap))
	b.Write(cmap)
	b.WriteString("\nendstream\nendobj\n")
	data, err := rebuildXref(b.Bytes())
	if err != nil {
		return pdf.Value{}, nil, false
	}
	r, err := newReader(data)
	if err != nil {
		return pdf.Value{}, nil, false
	}
	var v pdf.Value
	func() {
		defer func() { recover() }()
		v = r.Trailer().Key("Root").Key("X")
	}()
	if v.Kind() != pdf.Dict || v.Key("ToUnicode").Kind() != pdf.Stream {
		return pdf.Value{}, nil, false
	}
	return v, newSource(r, data), true
}

// checkCMapSafe requires that a CMap newFont finds safe does not make the
// library's encoder panic; it reports whether it was found safe.
func checkCMapSafe(t *testing.T, font pdf.Value, src *source, where string) bool {
	t.Helper()
	tu := font.Key("ToUnicode")
	if tu.Kind() != pdf.Stream {
		return false
	}
	_, safe := readToUnicode(tu, src)
	if !safe {
		return false
	}
	done := make(chan string, 1)
	go func() { done <- libraryEncoderPanics(font) }()
	select {
	case pan := <-done:
		if pan != "" {
			t.Fatalf("%s: found safe, but the library's encoder panics: %s", where, pan)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: found safe, but the library's encoder runs for more than 10 s", where)
	}
	return true
}

var cmapSafeCases = []struct {
	name   string
	cmap   string
	safe   bool
	panics bool // in the library (the unsafe ones that do not are beyond what cmapSafe follows)
}{
	{name: "fpdf", safe: true, cmap: "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"},
	{name: "bfchar and array", safe: true, cmap: "1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <0041> <02> <00420043> endbfchar 1 beginbfrange <03> <04> [<0044> <0045>] endbfrange"},
	{name: "empty", safe: true, cmap: ""},
	{name: "endbfchar without begin", safe: false, panics: true, cmap: "<01> <0041> endbfchar"},
	{name: "negative count", safe: false, panics: true, cmap: "-1 beginbfrange <01> <02> <0041> endbfrange"},
	{name: "end without begin", safe: false, panics: true, cmap: "end"},
	{name: "begin of a number", safe: false, panics: true, cmap: "5 begin"},
	{name: "currentdict without begin", safe: false, panics: true, cmap: "currentdict"},
	{name: "five-byte codespace", safe: false, panics: true, cmap: "1 begincodespacerange <0000000000> <FFFFFFFFFF> endcodespacerange"},
	{name: "odd hex digits", safe: false, panics: true, cmap: "<012> pop"},
	{name: "bad hex digit", safe: false, panics: true, cmap: "<01G2> pop"},
	{name: "unfinished hex string", safe: false, cmap: "<0102"},
	{name: "stray delimiter", safe: false, panics: true, cmap: ") pop"},
	{name: "lone point", safe: false, panics: true, cmap: ". pop"},
	{name: "escape", safe: false, panics: true, cmap: "(a\\qb) pop"},
	{name: "name escape", safe: false, panics: true, cmap: "/A#4 pop"},
	{name: "keyword in array", safe: false, cmap: "[ <01> def ] pop"},
	{name: "def outside any dictionary", safe: true, cmap: "/A 1 def /B (x) def"},
	{name: "redefined operator", safe: true, cmap: "/CIDInit /ProcSet findresource begin /endbfchar 1 def endbfchar end"},
	{name: "bad codespace then more", safe: true, cmap: "1 begincodespacerange <00> <FFFF> endcodespacerange endbfchar"},
	{name: "huge count", safe: false, cmap: "99999999999 beginbfchar endbfchar"},
}

// TestCMapSafe checks cmapSafe on hand-written CMaps, and against the
// library: a CMap found safe must not make its encoder panic, and each
// CMap found unsafe here does make it panic or is beyond what cmapSafe
// follows.
func TestCMapSafe(t *testing.T) {
	for _, c := range cmapSafeCases {
		t.Run(c.name, func(t *testing.T) {
			if got := cmapSafe([]byte(c.cmap)); got != c.safe {
				t.Fatalf("cmapSafe(%q) = %v, want %v", c.cmap, got, c.safe)
			}
			font, src, ok := fontWithToUnicode(t, []byte(c.cmap))
			if !ok {
				t.Fatal("the test file does not open")
			}
			checkCMapSafe(t, font, src, c.name)
			if c.panics && libraryEncoderPanics(font) == "" {
				t.Fatal("the library's encoder does not panic")
			}
		})
	}
}

// TestCMapSafeTestFiles checks every font of the test PDFs: a ToUnicode
// CMap found safe must not make the library's encoder panic, and the
// CMaps of our minutes' producers must be found safe (else the encoder
// is read at once again, as before).
func TestCMapSafeTestFiles(t *testing.T) {
	files := testPDFs()
	if !testing.Short() { // the real-world PDFs, when they are there
		filepath.WalkDir("/work/shared/realworld", func(path string, d os.DirEntry, err error) error {
			if err == nil && strings.EqualFold(filepath.Ext(path), ".pdf") {
				files = append(files, path)
			}
			return nil
		})
	}
	fonts, safe := 0, 0
	eachOpened(t, files, func(file string, r *pdf.Reader, src *source) {
		for i, font := range fontsOf(r, 3000) {
			if font.Key("ToUnicode").Kind() != pdf.Stream {
				continue
			}
			fonts++
			if checkCMapSafe(t, font, src, fmt.Sprintf("%s, font %d", file, i)) {
				safe++
			}
		}
	})
	t.Logf("%d fonts with a ToUnicode CMap in %d files, %d found safe", fonts, len(files), safe)
	if safe < fonts*3/4 {
		t.Errorf("only %d of %d ToUnicode CMaps found safe", safe, fonts)
	}
}

// FuzzCMapSafe feeds arbitrary CMaps to cmapSafe: one it finds safe must
// not make the library's encoder panic or run long.
func FuzzCMapSafe(f *testing.F) {
	for _, c := range cmapSafeCases {
		f.Add([]byte(c.cmap))
	}
	f.Fuzz(func(t *testing.T, cmap []byte) {
		if !cmapSafe(cmap) {
			return
		}
		font, src, ok := fontWithToUnicode(t, cmap)
		if !ok {
			return
		}
		checkCMapSafe(t, font, src, "the CMap")
	})
}
