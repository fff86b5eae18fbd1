package pdftext

import (
	"unicode/utf16"
)

// A toUnicode maps character codes to text, from a font's ToUnicode CMap
// (PDF 32000-1 §9.10.3).
type toUnicode struct {
	m       map[int]string // from bfchar, and small bfrange arrays
	ranges  []cmapRange    // from bfrange with a start value, not expanded
	twoByte bool           // codes are two bytes wide
}

// A cmapRange maps codes lo..hi to base, base+1, …: the last rune of base
// counts up.
type cmapRange struct {
	lo, hi int
	base   []rune
}

func (c *toUnicode) size() int { return len(c.m) + len(c.ranges) }

// maxCMapEntries bounds the codes one CMap may define.
const maxCMapEntries = 1 << 17

// parseToUnicode reads a ToUnicode CMap. Malformed parts are skipped.
func parseToUnicode(data []byte) *toUnicode {
	cm := &toUnicode{m: map[int]string{}}
	lx := lexer{b: data}
	var args []any
	for cm.size() < maxCMapEntries {
		tok, isOp, ok, err := lx.next(0)
		if err != nil || !ok {
			break
		}
		if !isOp {
			if len(args) < 3*maxCMapEntries {
				args = append(args, tok)
			}
			continue
		}
		switch tok.(string) {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				if lo, ok := args[i].(opString); ok && len(lo) >= 2 {
					cm.twoByte = true
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				src, ok1 := args[i].(opString)
				dst, ok2 := args[i+1].(opString)
				if ok1 && ok2 {
					cm.m[codeOf(src)] = utf16Text(dst)
				} else if n, ok := args[i+1].(opName); ok1 && ok {
					cm.m[codeOf(src)] = string(n)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, ok1 := args[i].(opString)
				hi, ok2 := args[i+1].(opString)
				if !ok1 || !ok2 {
					continue
				}
				a, b := codeOf(lo), codeOf(hi)
				if b < a || b-a > 0xFFFF {
					continue
				}
				switch dst := args[i+2].(type) {
				case opString:
					if base := []rune(utf16Text(dst)); len(base) > 0 {
						cm.ranges = append(cm.ranges, cmapRange{a, b, base})
					}
				case opArray:
					for k, d := range dst {
						if s, ok := d.(opString); ok && a+k <= b {
							cm.m[a+k] = utf16Text(s)
						}
					}
				}
			}
		}
		args = args[:0]
	}
	return cm
}

func codeOf(b []byte) int {
	c := 0
	for _, x := range b {
		c = c<<8 | int(x)
	}
	return c
}

// utf16Text decodes the UTF-16BE text of a CMap destination.
func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
