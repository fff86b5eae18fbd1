package pdftext

import "encoding/binary"

// cffEncoding reads the built-in encoding of a bare CFF font program
// (FontFile3 /Type1C; Adobe Technical Note #5176): code → glyph name,
// through the encoding (code → glyph) and the charset (glyph → string).
// A font with the standard or expert encoding, a CID-keyed font, or a
// damaged one gives nil: the encoding is then the PDF's.
func cffEncoding(data []byte) map[int]string {
	c := cffReader{b: data}
	if len(data) < 4 {
		return nil
	}
	c.pos = int(data[2])
	names := c.index()
	top := c.index()
	strs := c.index()
	if c.bad || len(names) == 0 || len(top) == 0 {
		return nil
	}
	dict := cffDict(top[0])
	if _, cid := dict[12<<8|30]; cid {
		return nil
	}
	enc, chars, cs := dict[16], dict[17], dict[15]
	if len(enc) == 0 || len(chars) == 0 || enc[0] <= 1 {
		return nil
	}
	c.pos = chars[0]
	nGlyphs := len(c.index())
	if c.bad || nGlyphs == 0 {
		return nil
	}
	csID := 0
	if len(cs) > 0 {
		csID = cs[0]
	}
	sids := cffCharset(data, csID, nGlyphs)
	name := func(gid int) string {
		if gid >= len(sids) {
			return ""
		}
		return cffString(sids[gid], strs)
	}
	out := map[int]string{}
	c.pos = enc[0]
	format := c.byte()
	switch format & 0x7F {
	case 0:
		n := c.byte()
		for i := 1; i <= n && !c.bad; i++ {
			out[c.byte()] = name(i)
		}
	case 1:
		n, gid := c.byte(), 1
		for i := 0; i < n && !c.bad; i++ {
			first, left := c.byte(), c.byte()
			for k := 0; k <= left && first+k < 256; k++ {
				out[first+k] = name(gid)
				gid++
			}
		}
	default:
		return nil
	}
	if format&0x80 != 0 {
		n := c.byte()
		for i := 0; i < n && !c.bad; i++ {
			code, sid := c.byte(), c.uint16()
			out[code] = cffString(sid, strs)
		}
	}
	if c.bad {
		return nil
	}
	for code, n := range out {
		if n == "" || n == ".notdef" {
			delete(out, code)
		}
	}
	return out
}

// cffCharset returns the SID of each glyph.
func cffCharset(data []byte, offset, nGlyphs int) []int {
	sids := make([]int, 1, nGlyphs)
	if offset <= 2 { // ISOAdobe (and the expert sets, read alike)
		for g := 1; g < nGlyphs; g++ {
			sids = append(sids, g)
		}
		return sids
	}
	c := cffReader{b: data, pos: offset}
	switch c.byte() {
	case 0:
		for len(sids) < nGlyphs && !c.bad {
			sids = append(sids, c.uint16())
		}
	case 1, 2:
		format2 := data[offset] == 2
		for len(sids) < nGlyphs && !c.bad {
			first := c.uint16()
			left := 0
			if format2 {
				left = c.uint16()
			} else {
				left = c.byte()
			}
			for k := 0; k <= left && len(sids) < nGlyphs; k++ {
				sids = append(sids, first+k)
			}
		}
	}
	return sids
}

// cffString returns string sid: a standard string or one of the font's.
func cffString(sid int, strs [][]byte) string {
	if sid < len(cffStandardStrings) {
		return cffStandardStrings[sid]
	}
	if i := sid - len(cffStandardStrings); i < len(strs) {
		return string(strs[i])
	}
	return ""
}

// cffReader reads a CFF font; reading past the end sets bad.
type cffReader struct {
	b   []byte
	pos int
	bad bool
}

func (c *cffReader) byte() int {
	if c.pos < 0 || c.pos >= len(c.b) {
		c.bad = true
		return 0
	}
	c.pos++
	return int(c.b[c.pos-1])
}

func (c *cffReader) uint16() int { return c.byte()<<8 | c.byte() }

// index reads an INDEX: its items.
func (c *cffReader) index() [][]byte {
	count := c.uint16()
	if count == 0 || c.bad {
		return nil
	}
	offSize := c.byte()
	if offSize < 1 || offSize > 4 || c.pos+(count+1)*offSize > len(c.b) {
		c.bad = true
		return nil
	}
	offs := make([]int, count+1)
	for i := range offs {
		v := 0
		for k := 0; k < offSize; k++ {
			v = v<<8 | c.byte()
		}
		offs[i] = v
	}
	base := c.pos - 1
	items := make([][]byte, count)
	for i := range items {
		a, b := base+offs[i], base+offs[i+1]
		if a < c.pos || b < a || b > len(c.b) {
			c.bad = true
			return nil
		}
		items[i] = c.b[a:b]
	}
	c.pos = base + offs[count]
	return items
}

// cffDict reads a DICT: operator (escaped ones as 12<<8|op) → integer
// operands (reals read as 0).
func cffDict(b []byte) map[int][]int {
	out := map[int][]int{}
	var ops []int
	for i := 0; i < len(b); {
		b0 := int(b[i])
		switch {
		case b0 <= 21:
			op := b0
			i++
			if b0 == 12 && i < len(b) {
				op = 12<<8 | int(b[i])
				i++
			}
			out[op] = ops
			ops = nil
		case b0 == 28 && i+2 < len(b):
			ops = append(ops, int(int16(binary.BigEndian.Uint16(b[i+1:]))))
			i += 3
		case b0 == 29 && i+4 < len(b):
			ops = append(ops, int(int32(binary.BigEndian.Uint32(b[i+1:]))))
			i += 5
		case b0 == 30:
			for i++; i < len(b) && b[i]&0x0F != 0x0F && b[i]&0xF0 != 0xF0; i++ {
			}
			i++
			ops = append(ops, 0)
		case b0 >= 32 && b0 <= 246:
			ops = append(ops, b0-139)
			i++
		case b0 >= 247 && b0 <= 250 && i+1 < len(b):
			ops = append(ops, (b0-247)*256+int(b[i+1])+108)
			i += 2
		case b0 >= 251 && b0 <= 254 && i+1 < len(b):
			ops = append(ops, -(b0-251)*256-int(b[i+1])-108)
			i += 2
		default:
			return out
		}
	}
	return out
}
