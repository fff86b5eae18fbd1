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
// It reads the tokens lexer.next reads (parseToUnicodeNext, kept in the
// tests, checks it), through scan, without allocating for each.
func parseToUnicode(data []byte) *toUnicode {
	cm := &toUnicode{m: map[int]string{}}
	lx := lexer{b: data, cmap: true, scratch: scratchBufs.get(256), arena: operandBufs.get(64), pending: operandBufs.get(64)}
	args := operandBufs.get(64)
	defer func() {
		scratchBufs.put(lx.scratch)
		operandBufs.put(lx.arena)
		operandBufs.put(lx.pending)
		operandBufs.put(args)
	}()
	var o operand
	for cm.size() < maxCMapEntries {
		op, ok, err := lx.scan(0, &o)
		if err != nil || !ok {
			break
		}
		if op == "" {
			if len(args) < 3*maxCMapEntries {
				args = append(args, o)
			}
			continue
		}
		cm.run(&lx, op, args)
		args = args[:0]
		lx.reset()
	}
	return cm
}

// run runs a CMap operator op on its operands args.
func (cm *toUnicode) run(lx *lexer, op string, args []operand) {
	str := func(o *operand) ([]byte, bool) {
		if o.kind != kindString {
			return nil, false
		}
		return lx.bytes(o), true
	}
	switch op {
	case "endcodespacerange":
		for i := 0; i+1 < len(args); i += 2 {
			if lo, ok := str(&args[i]); ok && len(lo) >= 2 {
				cm.twoByte = true
			}
		}
	case "endbfchar":
		for i := 0; i+1 < len(args); i += 2 {
			src, ok1 := str(&args[i])
			dst, ok2 := str(&args[i+1])
			if ok1 && ok2 {
				cm.m[codeOf(src)] = utf16Text(dst)
			} else if n := &args[i+1]; ok1 && n.kind == kindName {
				cm.m[codeOf(src)] = string(lx.bytes(n))
			}
		}
	case "endbfrange":
		for i := 0; i+2 < len(args); i += 3 {
			lo, ok1 := str(&args[i])
			hi, ok2 := str(&args[i+1])
			if !ok1 || !ok2 {
				continue
			}
			a, b := codeOf(lo), codeOf(hi)
			if b < a || b-a > 0xFFFF {
				continue
			}
			switch dst := &args[i+2]; dst.kind {
			case kindString:
				if base := []rune(utf16Text(lx.bytes(dst))); len(base) > 0 {
					cm.ranges = append(cm.ranges, cmapRange{a, b, base})
				}
			case kindArray:
				for k, d := range lx.elems(dst) {
					if s, ok := str(&d); ok && a+k <= b {
						cm.m[a+k] = utf16Text(s)
					}
				}
			}
		}
	}
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
