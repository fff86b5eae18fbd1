package pdftext

import (
	_ "embed"
	"sort"
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
	aglAt   []int32 // offsets of the list's entry lines, in name order
)

// glyphText returns the text of a glyph name (PDF 32000-1 §9.10.2; the
// Adobe Glyph List specification): a name of the Adobe Glyph List,
// uniXXXX (one or more), uXXXX to uXXXXXX, a name with a suffix
// ("a.sc", "f_i"), and the names some producers give glyphs by code
// (Cdd, cdd: decimal; Gxx, gxx: hexadecimal); and the names of TeX's
// math fonts that the list lacks (texGlyph).
func glyphText(name string) (string, bool) {
	if s, ok := aglLookup(name); ok {
		return s, true
	}
	if s, ok := texGlyph(name); ok { // texglyphs.go
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

// aglLookup finds name in the embedded Adobe Glyph List, whose entries
// are sorted by name, by binary search over their offsets: a table of
// offsets keeps no pointers for the garbage collector to scan, unlike a
// map of strings, which slowed every collection of a small heap.
func aglLookup(name string) (string, bool) {
	aglOnce.Do(indexAGL)
	i := sort.Search(len(aglAt), func(i int) bool { return aglName(i) >= name })
	if i == len(aglAt) || aglName(i) != name {
		return "", false
	}
	line := glyphList[aglAt[i]:]
	line = line[strings.IndexByte(line, ';')+1:]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	var b strings.Builder
	for _, h := range strings.Fields(line) {
		if n, err := strconv.ParseUint(h, 16, 32); err == nil {
			b.WriteRune(rune(n))
		}
	}
	return b.String(), true
}

// aglName returns the name of entry i.
func aglName(i int) string {
	line := glyphList[aglAt[i]:]
	return line[:strings.IndexByte(line, ';')]
}

// indexAGL notes where the list's entries start.
func indexAGL() {
	for at := 0; at < len(glyphList); {
		end := strings.IndexByte(glyphList[at:], '\n')
		if end < 0 {
			end = len(glyphList) - at
		}
		if line := glyphList[at : at+end]; line != "" && line[0] != '#' && strings.Contains(line, ";") {
			aglAt = append(aglAt, int32(at))
		}
		at += end + 1
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
