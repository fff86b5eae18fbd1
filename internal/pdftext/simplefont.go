package pdftext

import (
	"io"

	"github.com/ledongthuc/pdf"
	"golang.org/x/image/font/sfnt"
)

// fontSymbolic is the Symbolic flag of a font descriptor (§9.8.2).
const fontSymbolic = 1 << 2

// simpleEncoding notes what a simple font's /Encoding and embedded program
// tell beyond ledongthuc/pdf's encoder: the /Differences glyph names, and
// whether the program's built-in encoding applies (no /Encoding, or
// differences without /BaseEncoding in a symbolic font; §9.6.6.1).
func (f *font) simpleEncoding(enc, desc pdf.Value) {
	f.diffs = differences(enc)
	f.prog = newFontProgram(desc)
	symbolic := desc.Key("Flags").Int64()&fontSymbolic != 0
	f.builtin = f.prog != nil && f.prog.kind != "TrueType" &&
		(enc.Kind() == pdf.Null || enc.Kind() == pdf.Dict && enc.Key("BaseEncoding").Kind() == pdf.Null && symbolic)
}

// simpleText returns the text of code in a simple font without a
// ToUnicode entry for it: the /Differences glyph name (Adobe Glyph List,
// uniXXXX, uXXXXX, Cdd, Gxx); the built-in encoding of an embedded Type 1
// or CFF program where it applies; ledongthuc/pdf's encoder (WinAnsi,
// MacRoman, standard names); and when that gives no text, the embedded
// program (built-in encoding, TrueType cmap and post names).
func (f *font) simpleText(code int) string {
	name, inDiffs := f.diffs[code]
	if inDiffs {
		if s, ok := glyphText(name); ok {
			return s
		}
	}
	if f.builtin && !inDiffs && f.prog.hasBuiltin() {
		if s, ok := f.prog.codeText(code); ok {
			return s
		}
	}
	s := ""
	if enc := f.encoder(); enc != nil {
		s = enc.Decode(string([]byte{byte(code)}))
	}
	if unreadable(cleanGlyphText(s)) {
		if t, ok := f.prog.codeText(code); ok {
			return t
		}
	}
	return s
}

// cidProgramText returns the text of a CID in a Type 0 font with an
// embedded TrueType program and no other mapping: the glyph's post name,
// or the character the font's own cmap maps to it.
func (f *font) cidProgramText(cid int) (string, bool) {
	if f.prog == nil {
		return "", false
	}
	gid := cid
	if f.cidToGIDMap.Kind() == pdf.Stream {
		if f.cidToGID == nil {
			f.cidToGID = readCIDToGID(f.cidToGIDMap)
		}
		if cid >= len(f.cidToGID) {
			return "", false
		}
		gid = int(f.cidToGID[cid])
	}
	return f.prog.gidText(sfnt.GlyphIndex(gid))
}

// readCIDToGID reads a /CIDToGIDMap stream (two bytes a CID); a damaged
// one gives an empty map.
func readCIDToGID(v pdf.Value) (m []uint16) {
	defer func() {
		if recover() != nil {
			m = []uint16{}
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, _ := io.ReadAll(io.LimitReader(rc, 2<<16))
	m = make([]uint16, len(data)/2, len(data)/2+1) // not nil: read once
	for i := range m {
		m[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
	}
	return m
}
