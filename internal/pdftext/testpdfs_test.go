package pdftext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// testPDFs returns the PDFs the object-level tests walk: our minutes in
// every layout, the real-world fixtures and this package's testdata.
func testPDFs() []string {
	var files []string
	for _, pattern := range []string{"../../testdata/pdf/*/*.pdf", "../../testdata/realworld-fixtures/*.pdf", "testdata/*.pdf"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	return files
}

// eachOpened opens each file as Read does (prepare, then openReader) and
// calls fn with its reader and a stream source. Files that do not open
// are skipped, and so are the two that make the library die (FuzzRead's
// note).
func eachOpened(t *testing.T, files []string, fn func(file string, r *pdf.Reader, src *source)) {
	t.Helper()
	for _, file := range files {
		if strings.Contains(file, "bogus-xref") || strings.Contains(file, "objstm-loop") {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		prepared, _, err := prepare(data, "")
		if err != nil {
			continue
		}
		r, _, used, err := openReader(prepared, "")
		if err != nil {
			continue
		}
		fn(file, r, newSource(r, used))
	}
}

// reachable returns the dictionaries and streams reachable from the
// trailer of r for which keep is true (at most max values visited,
// /Parent and /P not followed).
func reachable(r *pdf.Reader, max int, keep func(pdf.Value) bool) (out []pdf.Value) {
	seen := map[string]bool{}
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		defer func() { recover() }()
		if depth > 12 || len(seen) > max {
			return
		}
		switch v.Kind() {
		case pdf.Dict, pdf.Stream:
			key := v.String()
			if seen[key] {
				return
			}
			seen[key] = true
			if keep(v) {
				out = append(out, v)
			}
			for _, k := range v.Keys() {
				if k != "Parent" && k != "P" {
					walk(v.Key(k), depth+1)
				}
			}
		case pdf.Array:
			for i := 0; i < v.Len() && i < 2000; i++ {
				walk(v.Index(i), depth+1)
			}
		}
	}
	walk(r.Trailer(), 0)
	return out
}

// fontsOf returns the font dictionaries reachable from the trailer of r.
func fontsOf(r *pdf.Reader, max int) []pdf.Value {
	return reachable(r, max, func(v pdf.Value) bool { return v.Kind() == pdf.Dict && v.Key("Type").Name() == "Font" })
}

// streamsOf returns the streams reachable from the trailer of r.
func streamsOf(r *pdf.Reader, max int) []pdf.Value {
	return reachable(r, max, func(v pdf.Value) bool { return v.Kind() == pdf.Stream })
}
