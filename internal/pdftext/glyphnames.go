package pdftext

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// glyphlist.txt is the Adobe Glyph List 2.0 (github.com/adobe-type-tools/
// agl-aglfn), copied unchanged from TeX Live's
// fonts/map/glyphlist/glyphlist.txt; Apache License 2.0, © Adobe (see its
// header).
//
//go:embed glyphlist.txt
var glyphList string

var (
	aglOnce sync.Once
	agl     map[string]string
)

// glyphText returns the text of a glyph name (PDF 32000-1 §9.10.2; the
// Adobe Glyph List specification): a name of the Adobe Glyph List,
// uniXXXX (one or more), uXXXX to uXXXXXX, a name with a suffix
// ("a.sc", "f_i"), and the names some producers give glyphs by code
// (Cdd, cdd: decimal; Gxx, gxx: hexadecimal).
func glyphText(name string) (string, bool) {
	aglOnce.Do(loadAGL)
	if s, ok := agl[name]; ok {
		return s, true
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			s, ok := glyphText(part)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	switch {
	case strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0:
		var b strings.Builder
		for i := 3; i < len(name); i += 4 {
			r, ok := hexRune(name[i : i+4])
			if !ok {
				return "", false
			}
			b.WriteRune(r)
		}
		return b.String(), true
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		if r, ok := hexRune(name[1:]); ok {
			return string(r), true
		}
	case len(name) >= 3 && len(name) <= 4 && (name[0] == 'C' || name[0] == 'c'):
		if n, err := strconv.Atoi(name[1:]); err == nil && n >= 32 && n < 256 {
			return string(rune(n)), true
		}
	case len(name) == 3 && (name[0] == 'G' || name[0] == 'g'):
		if n, err := strconv.ParseUint(name[1:], 16, 8); err == nil && n >= 32 {
			return string(rune(n)), true
		}
	}
	return "", false
}

// hexRune reads hexadecimal digits as a character that is not a surrogate.
func hexRune(h string) (rune, bool) {
	if strings.ToUpper(h) != h {
		return 0, false
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// loadAGL reads the embedded Adobe Glyph List.
func loadAGL() {
	agl = make(map[string]string, 4500)
	for _, line := range strings.Split(glyphList, "\n") {
		name, codes, ok := strings.Cut(strings.TrimSpace(line), ";")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		var b strings.Builder
		for _, h := range strings.Fields(codes) {
			if n, err := strconv.ParseUint(h, 16, 32); err == nil {
				b.WriteRune(rune(n))
			}
		}
		agl[name] = b.String()
	}
}

// differences reads the glyph names an /Encoding dictionary's
// /Differences gives codes 0–255.
func differences(enc pdf.Value) map[int]string {
	d := enc.Key("Differences")
	if d.Kind() != pdf.Array {
		return nil
	}
	out := map[int]string{}
	code := -1
	for i := 0; i < d.Len() && i < 4096; i++ {
		switch x := d.Index(i); x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				out[code] = x.Name()
			}
			code++
		}
	}
	return out
}

// unreadable reports whether s carries no text: empty after cleaning, a
// control character, U+FFFD, or private use.
func unreadable(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == utf8.RuneError || isPrivateUse(r) {
			return true
		}
	}
	return false
}
