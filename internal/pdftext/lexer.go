package pdftext

import (
	"bytes"
	"fmt"
	"strconv"
)

// Content-stream operands. A content stream (PDF 32000-1 §7.8.2) is a
// sequence of operands followed by an operator; this lexer reads it without
// building a PDF object graph, so it can bound what it allocates.
type (
	opName   string         // /Name
	opString []byte         // (literal) or <hex>
	opArray  []any          // [ ... ]
	opDict   map[string]any // << ... >>, only found in marked-content operands
)

// maxNesting bounds array and dictionary nesting in a content stream.
const maxNesting = 64

// A lexer reads tokens from a decoded content stream.
type lexer struct {
	b   []byte
	pos int
	// for scan (operand.go): decoded strings and names, arrays, and the
	// elements of the arrays being read
	scratch        []byte
	arena, pending []operand
	// cmap makes scan read as next does where the two differ: a name
	// ends before white space or a delimiter even when it is empty, and an
	// operator inside an array is kept, as a null, so that the elements
	// keep their places (parseToUnicode counts them).
	cmap bool
}

// errNesting is returned for operands nested deeper than maxNesting.
var errNesting = fmt.Errorf("%w: operands nested more than %d deep", ErrDamaged, maxNesting)

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// white holds the bytes for which isWhite is true, for skipSpace: a
// lookup instead of six comparisons per byte.
var white = func() (t [256]bool) {
	for c := range t {
		t[c] = isWhite(byte(c))
	}
	return t
}()

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if white[c] {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand or operator. An operator is returned as a
// string; ok is false at the end of the stream.
func (l *lexer) next(depth int) (tok any, isOp bool, ok bool, err error) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, false, false, nil
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
			l.pos++
		}
		return opName(unescapeName(l.b[start:l.pos])), false, true, nil
	case c == '(':
		return l.literal(), false, true, nil
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		return l.dict(depth)
	case c == '<':
		return l.hex(), false, true, nil
	case c == '[':
		return l.array(depth)
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		// Stray delimiter: skip it.
		l.pos++
		return l.next(depth)
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
			l.pos++
		}
		f, err := strconv.ParseFloat(string(l.b[start:l.pos]), 64)
		if err != nil {
			f = parseLooseNumber(l.b[start:l.pos])
		}
		return f, false, true, nil
	default:
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
			l.pos++
		}
		word := string(l.b[start:l.pos])
		switch word {
		case "true":
			return true, false, true, nil
		case "false":
			return false, false, true, nil
		case "null":
			return nil, false, true, nil
		}
		return word, true, true, nil
	}
}

// dict reads a dictionary "<< … >>" at depth; an unfinished one ends
// at the end of the stream.
func (l *lexer) dict(depth int) (tok any, isOp bool, ok bool, err error) {
	if depth >= maxNesting {
		return nil, false, false, errNesting
	}
	l.pos += 2
	d := opDict{}
	var key string
	haveKey := false
	for {
		l.skipSpace()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return d, false, true, nil
		}
		t, _, ok, err := l.next(depth + 1)
		if err != nil {
			return nil, false, false, err
		}
		if !ok {
			return d, false, true, nil
		}
		if !haveKey {
			if n, isName := t.(opName); isName {
				key, haveKey = string(n), true
			}
			continue
		}
		d[key] = t
		haveKey = false
	}
}

// array reads an array "[ … ]" at depth; an unfinished one ends at the
// end of the stream.
func (l *lexer) array(depth int) (tok any, isOp bool, ok bool, err error) {
	if depth >= maxNesting {
		return nil, false, false, errNesting
	}
	l.pos++
	var a opArray
	for {
		l.skipSpace()
		if l.pos < len(l.b) && l.b[l.pos] == ']' {
			l.pos++
			return a, false, true, nil
		}
		t, _, ok, err := l.next(depth + 1)
		if err != nil {
			return nil, false, false, err
		}
		if !ok {
			return a, false, true, nil
		}
		a = append(a, t)
	}
}

// parseLooseNumber reads numbers such as "--5" or "1.2.3" that some
// producers write, as viewers do: leading signs and digits up to the first
// character that does not fit.
func parseLooseNumber(b []byte) float64 {
	neg := false
	i := 0
	for i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = neg != (b[i] == '-')
		i++
	}
	j := i
	dot := false
	for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '.' && !dot) {
		dot = dot || b[j] == '.'
		j++
	}
	f, _ := strconv.ParseFloat(string(b[i:j]), 64)
	if neg {
		f = -f
	}
	return f
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func (l *lexer) literal() opString { return l.appendLiteral(nil) }

// appendLiteral reads a literal string ( … ) and appends its bytes,
// escapes undone, to out; an unfinished one ends at the end of the
// stream.
func (l *lexer) appendLiteral(out []byte) []byte {
	l.pos++ // (
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func (l *lexer) hex() opString { return l.appendHex(nil) }

// hexValue holds hexDigit's value of each byte, 0xFF for those that are
// no hex digit.
var hexValue = func() (t [256]byte) {
	for c := range t {
		v, ok := hexDigit(byte(c))
		if !ok {
			v = 0xFF
		}
		t[c] = v
	}
	return t
}()

// appendHex reads a hex string (< … >) and appends its bytes to dst:
// white space and other non-hex bytes are skipped, an odd last digit is
// followed by 0.
func (l *lexer) appendHex(dst []byte) []byte {
	l.pos++ // <
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := hexValue[c]
		if v > 0xF {
			continue
		}
		if half {
			dst = append(dst, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		dst = append(dst, hi<<4)
	}
	return dst
}

// skipInlineImage moves past the data of an inline image (BI … ID data EI).
// It is called after the BI operator.
func (l *lexer) skipInlineImage() {
	id := bytes.Index(l.b[l.pos:], []byte("ID"))
	if id < 0 {
		l.pos = len(l.b)
		return
	}
	l.pos += id + 2
	for {
		ei := bytes.Index(l.b[l.pos:], []byte("EI"))
		if ei < 0 {
			l.pos = len(l.b)
			return
		}
		at := l.pos + ei
		l.pos = at + 2
		before := at == 0 || isWhite(l.b[at-1])
		after := l.pos >= len(l.b) || isWhite(l.b[l.pos]) || isDelimiter(l.b[l.pos])
		if before && after {
			return
		}
	}
}
