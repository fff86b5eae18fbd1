package pdftext

import (
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// A cidEncoding is the /Encoding CMap of a Type 0 font (PDF 32000-1
// §9.7.5): how its strings split into codes (the codespace ranges), and
// what each code is: a CID (Identity-H, an embedded CMap's cidrange and
// cidchar), or, for the predefined CMaps whose codes are Unicode or a
// national character set (UniJIS-UCS2-H, 90ms-RKSJ-H, GBK-EUC-H, …), the
// text itself.
type cidEncoding struct {
	spaces   []codeSpace // by byte length, shortest first
	cidRange []cidRange
	cidChar  map[int]int
	identity bool                             // the CID is the code
	decode   func(code []byte) (string, bool) // predefined CMaps: the text of a code
	// allTwoByte: the codespace is <0000> <FFFF> alone (Identity-H and
	// most embedded CMaps), split without looking at the ranges.
	allTwoByte bool
}

// A codeSpace is one codespace range: codes of n bytes whose every byte
// lies between the bytes of lo and hi.
type codeSpace struct {
	n      int
	lo, hi [4]byte
}

type cidRange struct{ lo, hi, cid int }

// maxCIDEntries bounds the CIDs an embedded CMap may define.
const maxCIDEntries = 1 << 17

// newCIDEncoding reads the /Encoding of a Type 0 font: a predefined CMap
// name or an embedded CMap stream (with usecmap of a predefined one).
func newCIDEncoding(v pdf.Value) *cidEncoding {
	switch v.Kind() {
	case pdf.Name:
		return predefinedCMap(v.Name())
	case pdf.Stream:
		return embeddedCMap(v)
	}
	return predefinedCMap("Identity-H")
}

// space is shorthand for a codespace range of len(lo) bytes.
func space(lo, hi string) codeSpace {
	c := codeSpace{n: len(lo)}
	copy(c.lo[:], lo)
	copy(c.hi[:], hi)
	return c
}

// Codespaces of the predefined CMaps, by the character set they follow.
var (
	twoByteSpace = []codeSpace{space("\x00\x00", "\xff\xff")}
	utf16Space   = []codeSpace{space("\x00\x00", "\xd7\xff"), space("\xe0\x00", "\xff\xff"), space("\xd8\x00\xdc\x00", "\xdb\xff\xdf\xff")}
	utf8Space    = []codeSpace{space("\x00", "\x7f"), space("\xc2\x80", "\xdf\xbf"), space("\xe0\x80\x80", "\xef\xbf\xbf"), space("\xf0\x80\x80\x80", "\xf4\xbf\xbf\xbf")}
	utf32Space   = []codeSpace{space("\x00\x00\x00\x00", "\x00\x10\xff\xff")}
	sjisSpace    = []codeSpace{space("\x00", "\x80"), space("\xa0", "\xdf"), space("\x81\x40", "\x9f\xfc"), space("\xe0\x40", "\xfc\xfc")}
	eucJPSpace   = []codeSpace{space("\x00", "\x80"), space("\x8e\xa0", "\x8e\xdf"), space("\xa1\xa1", "\xfe\xfe")}
	jisSpace     = []codeSpace{space("\x21\x21", "\x7e\x7e")}
	gbkSpace     = []codeSpace{space("\x00", "\x80"), space("\x81\x40", "\xfe\xfe")}
	big5Space    = []codeSpace{space("\x00", "\x80"), space("\xa1\x40", "\xfe\xfe")}
	uhcSpace     = []codeSpace{space("\x00", "\x80"), space("\x81\x41", "\xfe\xfe")}
)

// predefinedCMap returns the predefined CMap called name. Those whose
// codes are Unicode (Uni*-UCS2, -UTF16, -UTF8, -UTF32) give their text
// directly; those of a national character set are decoded with it
// (golang.org/x/text), which agrees with the Adobe CMaps for the text
// characters; an unknown CMap is read as two-byte codes without text.
func predefinedCMap(name string) *cidEncoding {
	base := strings.TrimSuffix(strings.TrimSuffix(name, "-H"), "-V")
	switch {
	case name == "Identity-H" || name == "Identity-V":
		return &cidEncoding{spaces: twoByteSpace, identity: true, allTwoByte: true}
	case strings.HasPrefix(name, "Uni") && strings.Contains(name, "-UCS2"),
		strings.HasPrefix(name, "Uni") && strings.Contains(name, "-UTF16"):
		return &cidEncoding{spaces: utf16Space, decode: decodeUTF16}
	case strings.HasPrefix(name, "Uni") && strings.Contains(name, "-UTF8"):
		return &cidEncoding{spaces: utf8Space, decode: func(b []byte) (string, bool) { return string(b), utf8.Valid(b) }}
	case strings.HasPrefix(name, "Uni") && strings.Contains(name, "-UTF32"):
		return &cidEncoding{spaces: utf32Space, decode: func(b []byte) (string, bool) {
			r := rune(codeOf(b))
			return string(r), utf8.ValidRune(r)
		}}
	case strings.Contains(base, "RKSJ"):
		return &cidEncoding{spaces: sjisSpace, decode: decodeWith(japanese.ShiftJIS)}
	case base == "EUC":
		return &cidEncoding{spaces: eucJPSpace, decode: decodeWith(japanese.EUCJP)}
	case name == "H" || name == "V":
		return &cidEncoding{spaces: jisSpace, decode: func(b []byte) (string, bool) {
			return decodeWith(japanese.EUCJP)([]byte{b[0] | 0x80, b[len(b)-1] | 0x80})
		}}
	case strings.HasPrefix(base, "GBK2K"):
		return &cidEncoding{spaces: gbkSpace, decode: decodeWith(simplifiedchinese.GB18030)}
	case strings.HasPrefix(base, "GB"):
		return &cidEncoding{spaces: gbkSpace, decode: decodeWith(simplifiedchinese.GBK)}
	case strings.Contains(base, "B5"):
		return &cidEncoding{spaces: big5Space, decode: decodeWith(traditionalchinese.Big5)}
	case strings.HasPrefix(base, "KSC"):
		return &cidEncoding{spaces: uhcSpace, decode: decodeWith(korean.EUCKR)}
	}
	return &cidEncoding{spaces: twoByteSpace, allTwoByte: true}
}

// decodeUTF16 decodes a UTF-16BE code of 2 or 4 bytes.
func decodeUTF16(b []byte) (string, bool) {
	if len(b) != 2 && len(b) != 4 {
		return "", false
	}
	s := utf16Text(b)
	return s, s != "" && !strings.ContainsRune(s, utf8.RuneError)
}

// decodeWith decodes a code in a national character set.
func decodeWith(e encoding.Encoding) func([]byte) (string, bool) {
	return func(b []byte) (string, bool) {
		out, err := e.NewDecoder().Bytes(b)
		s := string(out)
		return s, err == nil && s != "" && !strings.ContainsRune(s, utf8.RuneError)
	}
}

// embeddedCMap reads an embedded CMap stream, at most 4 MiB of it.
func embeddedCMap(v pdf.Value) (e *cidEncoding) {
	e = &cidEncoding{cidChar: map[int]int{}}
	defer func() {
		if recover() != nil {
			e = predefinedCMap("Identity-H")
		}
	}()
	if use := v.Key("UseCMap"); use.Kind() == pdf.Name {
		e = predefinedCMap(use.Name())
		e.cidChar = map[int]int{}
	}
	rc := v.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 4<<20))
	if err != nil && len(data) == 0 {
		return e
	}
	e.parse(data)
	if len(e.spaces) == 0 {
		e.spaces = twoByteSpace
	}
	if len(e.cidRange) == 0 && len(e.cidChar) == 0 && e.decode == nil {
		e.identity = true
	}
	e.allTwoByte = len(e.spaces) == 1 && e.spaces[0] == twoByteSpace[0]
	return e
}

// parse reads the codespace ranges, CID mappings and usecmap of an
// embedded CMap. Malformed parts are skipped.
func (e *cidEncoding) parse(data []byte) {
	lx := lexer{b: data}
	var args []any
	var spaces []codeSpace
	for n := 0; n < maxCIDEntries; n++ {
		tok, isOp, ok, err := lx.next(0)
		if err != nil || !ok {
			break
		}
		if !isOp {
			if len(args) < 3*maxCIDEntries {
				args = append(args, tok)
			}
			continue
		}
		switch tok.(string) {
		case "usecmap":
			if len(args) > 0 {
				if name, ok := args[len(args)-1].(opName); ok {
					p := predefinedCMap(string(name))
					e.spaces, e.decode, e.identity = append(p.spaces, e.spaces...), p.decode, p.identity
				}
			}
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, ok1 := args[i].(opString)
				hi, ok2 := args[i+1].(opString)
				if ok1 && ok2 && len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					spaces = append(spaces, space(string(lo), string(hi)))
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, ok1 := args[i].(opString)
				hi, ok2 := args[i+1].(opString)
				if ok1 && ok2 && codeOf(hi) >= codeOf(lo) {
					e.cidRange = append(e.cidRange, cidRange{codeOf(lo), codeOf(hi), int(num(args[i+2]))})
				}
			}
		case "endcidchar":
			for i := 0; i+1 < len(args); i += 2 {
				if c, ok := args[i].(opString); ok {
					e.cidChar[codeOf(c)] = int(num(args[i+1]))
				}
			}
		}
		args = args[:0]
	}
	if len(spaces) > 0 {
		e.spaces = append(e.spaces, spaces...)
	}
	sort.SliceStable(e.spaces, func(i, j int) bool { return e.spaces[i].n < e.spaces[j].n })
}

// split splits a shown string into codes by the codespace ranges (PDF
// 32000-1 §9.7.6.2): the shortest range that holds the next bytes wins;
// bytes that fit no range are taken as one code of the length of the
// shortest range whose first byte fits, or of the shortest range.
func (e *cidEncoding) split(s []byte, out []int) []int {
	if e.allTwoByte {
		for i := 0; i+1 < len(s); i += 2 {
			out = append(out, int(s[i])<<8|int(s[i+1])|2<<32)
		}
		return out
	}
	for i := 0; i < len(s); {
		n := 0
		for _, c := range e.spaces {
			if c.matches(s[i:]) {
				n = c.n
				break
			}
		}
		if n == 0 {
			n = e.spaces[0].n
			for _, c := range e.spaces {
				if s[i] >= c.lo[0] && s[i] <= c.hi[0] {
					n = c.n
					break
				}
			}
		}
		if i+n > len(s) {
			break
		}
		out = append(out, codeOf(s[i:i+n])|n<<32)
		i += n
	}
	return out
}

// matches reports whether b starts with a code of this range.
func (c codeSpace) matches(b []byte) bool {
	if len(b) < c.n {
		return false
	}
	for k := 0; k < c.n; k++ {
		if b[k] < c.lo[k] || b[k] > c.hi[k] {
			return false
		}
	}
	return true
}

// codeBytes returns the bytes of a code made by split: its value in the
// low 32 bits, its length above.
func codeBytes(code int) []byte {
	n := code >> 32
	if n < 1 || n > 4 {
		n = 2
	}
	b := make([]byte, n)
	for k := n - 1; k >= 0; k-- {
		b[k] = byte(code >> (8 * (n - 1 - k)))
	}
	return b
}

// cid returns the CID of a code, and whether it is known.
func (e *cidEncoding) cid(code int) (int, bool) {
	v := code & 0xFFFFFFFF
	if len(e.cidChar) == 0 && len(e.cidRange) == 0 {
		return v, e.identity
	}
	if c, ok := e.cidChar[v]; ok {
		return c, true
	}
	for i := len(e.cidRange) - 1; i >= 0; i-- {
		if r := e.cidRange[i]; v >= r.lo && v <= r.hi {
			return r.cid + v - r.lo, true
		}
	}
	return v, e.identity
}

// text returns the text a predefined CMap gives a code.
func (e *cidEncoding) text(code int) (string, bool) {
	if e.decode == nil {
		return "", false
	}
	return e.decode(codeBytes(code))
}

// cidText returns the text of a Type 0 font's code: by its ToUnicode
// CMap; else as the predefined CMap's character set gives it; else by
// its CID in the Adobe character collection (Japan1, GB1, CNS1, Korea1);
// else by the embedded TrueType program's glyph names or cmap; else, for
// a font that is not embedded, by a guess (guessIdentityText); else
// U+FFFD, a glyph whose text is unknown.
func (f *font) cidText(code int) string {
	if t, ok := f.cmap.lookup(code & 0xFFFFFFFF); ok {
		return t
	}
	if t, ok := f.cid.text(code); ok {
		return t
	}
	if cid, ok := f.cid.cid(code); ok {
		if t, ok := f.coll.lookup(cid); ok {
			return t
		}
		if t, ok := f.cidProgramText(cid); ok {
			return t
		}
	}
	if t, ok := f.guessIdentityText(code); ok {
		return t
	}
	return "\uFFFD"
}

// wordSpace reports whether word spacing (Tw) applies after code: the
// single-byte code 32, in a simple font or a Type 0 font whose codespace
// has one-byte codes (PDF 32000-1 §9.3.3).
func (f *font) wordSpace(code int) bool {
	if f.twoByte {
		return code == 1<<32|' '
	}
	return code == ' '
}

// cidCodes splits a string shown in a Type 0 font into codes by its
// codespace, noting control codes for guessIdentityText.
func (f *font) cidCodes(s []byte, buf []int) []int {
	codes := f.cid.split(s, buf)
	if f.guessUnicode && !f.sawControl {
		for _, c := range codes {
			f.sawControl = f.sawControl || c&0xFFFFFFFF < 0x20
		}
	}
	return codes
}
