package pdftext

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"sync"

	"github.com/ledongthuc/pdf"
	"golang.org/x/image/font/sfnt"
)

// A fontProgram is what an embedded font program tells about the text of
// its glyphs, for fonts whose PDF dictionary does not: a Type 1 or CFF
// font's built-in encoding (code → glyph name), a TrueType font's cmap
// and post table (code → glyph → name), and the Unicode a TrueType
// font's own cmap gives each glyph. It is read lazily, on the first code
// the PDF dictionary cannot map, so fonts that map fine cost nothing.
type fontProgram struct {
	once    sync.Once
	stream  pdf.Value
	kind    string         // "Type1", "CFF", "TrueType"
	builtin map[int]string // Type 1 / CFF built-in encoding: code → glyph name
	tt      *sfnt.Font
	buf     *sfnt.Buffer             // tt's, made with it: a Buffer is about 1 KiB, and most programs are never read
	byGID   map[sfnt.GlyphIndex]rune // reverse of a Unicode cmap, when asked
}

// maxFontProgram bounds the bytes of a font program read.
const maxFontProgram = 16 << 20

// newFontProgram returns the embedded font program of a font descriptor,
// or nil when there is none.
func newFontProgram(desc pdf.Value) *fontProgram {
	if desc.Kind() != pdf.Dict {
		return nil
	}
	for _, k := range []struct{ key, kind string }{{"FontFile", "Type1"}, {"FontFile2", "TrueType"}, {"FontFile3", "CFF"}} {
		if s := desc.Key(k.key); s.Kind() == pdf.Stream {
			kind := k.kind
			if kind == "CFF" && s.Key("Subtype").Name() == "OpenType" {
				kind = "TrueType" // sfnt reads OpenType fonts with CFF outlines too
			}
			return &fontProgram{stream: s, kind: kind}
		}
	}
	return nil
}

// load reads and parses the program once; a damaged one gives nothing.
func (p *fontProgram) load() {
	p.once.Do(func() {
		defer func() { recover() }()
		rc := p.stream.Reader()
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxFontProgram))
		if err != nil && len(data) == 0 {
			return
		}
		switch p.kind {
		case "Type1":
			p.builtin = type1Encoding(data)
		case "CFF":
			p.builtin = cffEncoding(data)
		case "TrueType":
			if f, err := sfnt.Parse(data); err == nil {
				p.tt, p.buf = f, new(sfnt.Buffer)
			}
		}
	})
}

// codeText returns the text of code in a simple font by the program: the
// built-in encoding's glyph name, or the glyph a TrueType cmap gives the
// code (symbolic fonts map codes at 0xF000+code) and its post name.
func (p *fontProgram) codeText(code int) (string, bool) {
	if p == nil {
		return "", false
	}
	p.load()
	if name, ok := p.builtin[code]; ok {
		return glyphText(name)
	}
	if p.tt == nil {
		return "", false
	}
	for _, r := range []rune{0xF000 + rune(code), rune(code)} {
		if gid, err := p.tt.GlyphIndex(p.buf, r); err == nil && gid != 0 {
			return p.gidText(gid)
		}
	}
	return "", false
}

// hasBuiltin reports whether the program has a built-in encoding.
func (p *fontProgram) hasBuiltin() bool {
	if p == nil {
		return false
	}
	p.load()
	return len(p.builtin) > 0
}

// gidText returns the text of TrueType glyph gid: its post table name,
// or the character the font's Unicode cmap maps to it.
func (p *fontProgram) gidText(gid sfnt.GlyphIndex) (string, bool) {
	if p == nil {
		return "", false
	}
	p.load()
	if p.tt == nil || int(gid) >= p.tt.NumGlyphs() {
		return "", false
	}
	if name, err := p.tt.GlyphName(p.buf, gid); err == nil && name != "" {
		if s, ok := glyphText(name); ok {
			return s, true
		}
	}
	if p.byGID == nil {
		p.byGID = map[sfnt.GlyphIndex]rune{}
		for r := rune(0x20); r < 0x10000; r++ {
			if r >= 0xD800 && r < 0xF900 {
				continue // surrogates and private use
			}
			if g, err := p.tt.GlyphIndex(p.buf, r); err == nil && g != 0 {
				if _, seen := p.byGID[g]; !seen {
					p.byGID[g] = r
				}
			}
		}
	}
	if r, ok := p.byGID[gid]; ok {
		return string(r), true
	}
	return "", false
}

var type1Dup = regexp.MustCompile(`dup\s+(\d{1,3})\s*/([^\s/\[\]{}()<>]+)\s+put`)

// type1Encoding reads the built-in encoding of a Type 1 font program from
// its clear-text part ("dup 65 /A put"); StandardEncoding gives nil, and
// the encoding is then the PDF's.
func type1Encoding(data []byte) map[int]string {
	end := bytes.Index(data, []byte("eexec"))
	if end < 0 {
		end = min(len(data), 1<<16)
	}
	clear := data[:end]
	if bytes.Contains(clear, []byte("/Encoding StandardEncoding")) {
		return nil
	}
	out := map[int]string{}
	for _, m := range type1Dup.FindAllSubmatch(clear, 256) {
		if c, err := strconv.Atoi(string(m[1])); err == nil && c < 256 {
			out[c] = string(m[2])
		}
	}
	return out
}
