package pdftext

import (
	"math"
	"strconv"
)

// The page interpreter's tokens, read without allocating: lexer.next
// boxes every number and operator in an interface and copies every string
// and name, which was a third of the time spent on a page. scan fills an
// operand in place instead; its names and strings are bytes of the
// content stream or of the lexer's scratch space, and its arrays
// elements of the lexer's operand arena, all of which the lexer reuses
// once the next operator has been read: an operand lives until its
// operator has run. An operand holds offsets, not slices, so that it
// holds no pointer: copying operands into the arena needs no write
// barriers while a collection runs, and the arena nothing to clear.

// An operandKind says what an operand holds.
type operandKind uint8

const (
	kindNull   operandKind = iota // null, and booleans (no operator here reads them)
	kindNumber                    // num
	kindName                      // its bytes (lexer.bytes), without the slash, #xx escapes undone
	kindString                    // its bytes, escapes undone
	kindArray                     // its elements (lexer.elems)
	kindDict                      // its bytes: the dictionary as written, "<< … >>" (only marked content has them)
)

// An operand is one operand of a content-stream operator.
type operand struct {
	num float64
	// kindName, kindString, kindDict: the bytes [off:end] of the stream,
	// or of the scratch space when inScratch; kindArray: the elements
	// [off:end] of the arena
	off, end  int
	kind      operandKind
	inScratch bool
}

// bytes returns the bytes of a name, string or dictionary operand o.
func (l *lexer) bytes(o *operand) []byte {
	if o.inScratch {
		return l.scratch[o.off:o.end:o.end]
	}
	return l.b[o.off:o.end:o.end]
}

// elems returns the elements of an array operand o.
func (l *lexer) elems(o *operand) []operand {
	return l.arena[o.off:o.end:o.end]
}

// reset lets the lexer reuse its scratch space and arena: every operand
// it returned before is dead.
func (l *lexer) reset() {
	l.scratch = l.scratch[:0]
	l.arena = l.arena[:0]
}

// scan reads the next operand into o, or the next operator, which it
// returns. ok is false at the end of the stream.
func (l *lexer) scan(depth int, o *operand) (op string, ok bool, err error) {
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return "", false, nil
		}
		c := l.b[l.pos]
		*o = operand{}
		switch {
		case c == '/':
			l.pos++
			o.kind = kindName
			l.name(o)
		case c == '(':
			o.kind = kindString
			l.literalInPlace(o)
		case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
			start := l.pos
			err := l.skipDict(depth)
			o.kind, o.off, o.end = kindDict, start, l.pos
			return "", true, err
		case c == '<':
			o.kind, o.inScratch = kindString, true
			o.off = len(l.scratch)
			l.scratch = l.appendHex(l.scratch)
			o.end = len(l.scratch)
		case c == '[':
			o.kind = kindArray
			o.off, o.end, err = l.scanArray(depth)
			return "", true, err
		case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
			l.pos++ // stray delimiter: skip it
			continue
		case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			o.kind, o.num = kindNumber, l.number()
		default:
			w := l.word()
			switch string(w) {
			case "true", "false", "null":
				return "", true, nil
			}
			return operator(w), true, nil
		}
		return "", true, nil
	}
}

// endsWord holds the bytes for which isWhite or isDelimiter is true.
var endsWord = func() (t [256]bool) {
	for c := range t {
		t[c] = isWhite(byte(c)) || isDelimiter(byte(c))
	}
	return t
}()

// word reads up to the next white space or delimiter.
func (l *lexer) word() []byte {
	start := l.pos
	for l.pos < len(l.b) && !endsWord[l.b[l.pos]] {
		l.pos++
	}
	if l.pos == start && l.pos < len(l.b) {
		l.pos++ // a character that is neither: take it, so the lexer moves on
	}
	return l.b[start:l.pos]
}

// name reads a name after its slash into o, undoing its #xx escapes in
// the scratch space.
func (l *lexer) name(o *operand) {
	start := l.pos
	escaped := false // a '#' seen: the loop is word's, noting it on the way
	for l.pos < len(l.b) && !endsWord[l.b[l.pos]] {
		escaped = escaped || l.b[l.pos] == '#'
		l.pos++
	}
	if !l.cmap && l.pos == start && l.pos < len(l.b) {
		l.pos++ // as word reads an empty name: the white space or delimiter after the slash is taken (not a '#')
	}
	b := l.b[start:l.pos]
	if !escaped {
		o.off, o.end = start, l.pos
		return
	}
	o.inScratch = true
	o.off = len(l.scratch)
	l.scratch = append(l.scratch, unescapeName(b)...)
	o.end = len(l.scratch)
}

// literalInPlace reads a literal string into o: in the stream itself
// when it has no escapes and balanced parentheses, else decoded into the
// scratch space.
func (l *lexer) literalInPlace(o *operand) {
	start := l.pos + 1
	for i := start; i < len(l.b); i++ {
		switch l.b[i] {
		case '\\', '(':
			o.inScratch = true
			o.off = len(l.scratch)
			l.scratch = l.appendLiteral(l.scratch)
			o.end = len(l.scratch)
			return
		case ')':
			l.pos = i + 1
			o.off, o.end = start, i
			return
		}
	}
	l.pos = len(l.b)
	o.off, o.end = start, len(l.b)
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// scanArray reads an array "[ … ]" at depth into the arena and returns
// where its elements are; an unfinished one ends at the end of the
// stream. Operators inside are dropped.
func (l *lexer) scanArray(depth int) (off, end int, err error) {
	if depth >= maxNesting {
		return 0, 0, errNesting
	}
	l.pos++
	mark := len(l.pending)
	defer func() { l.pending = l.pending[:mark] }()
	for {
		l.skipSpace()
		if l.pos >= len(l.b) || l.b[l.pos] == ']' {
			if l.pos < len(l.b) {
				l.pos++
			}
			start := len(l.arena)
			l.arena = append(l.arena, l.pending[mark:]...)
			return start, len(l.arena), nil
		}
		// Strings and numbers, most of a TJ array, read here as scan
		// reads them (TestScanMatchesNext).
		switch c := l.b[l.pos]; {
		case c == '(':
			o := operand{kind: kindString}
			l.literalInPlace(&o)
			l.pending = append(l.pending, o)
			continue
		case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			l.pending = append(l.pending, operand{kind: kindNumber, num: l.number()})
			continue
		case c == '<' && (l.pos+1 >= len(l.b) || l.b[l.pos+1] != '<'): // a hex string (LibreOffice's TJ)
			o := operand{kind: kindString, inScratch: true, off: len(l.scratch)}
			l.scratch = l.appendHex(l.scratch)
			o.end = len(l.scratch)
			l.pending = append(l.pending, o)
			continue
		}
		var o operand
		op, ok, err := l.scan(depth+1, &o)
		if err != nil {
			return 0, 0, err
		}
		switch {
		case ok && op == "":
			l.pending = append(l.pending, o)
		case ok && l.cmap:
			l.pending = append(l.pending, operand{})
		}
	}
}

// skipDict reads past a dictionary "<< … >>" at depth; an unfinished one
// ends at the end of the stream.
func (l *lexer) skipDict(depth int) error {
	if depth >= maxNesting {
		return errNesting
	}
	l.pos += 2
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return nil
		}
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return nil
		}
		var o operand
		if _, _, err := l.scan(depth+1, &o); err != nil {
			return err
		}
	}
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseNumber reads a number as lexer.next does, without allocating for
// the usual ones: up to 15 digits with an optional sign and point, which
// are exact as an integer divided by a power of ten, as strconv rounds
// them. Others go to strconv and parseLooseNumber.
func parseNumber(b []byte) float64 {
	if f, end, ok := scanNumber(b, 0); ok && end == len(b) {
		return f
	}
	return slowNumber(b)
}

// number reads a number as parseNumber(l.word()) reads it, the usual
// ones (those parseNumber reads itself) in one pass over their bytes
// instead of two (TestNumberMatchesParse).
func (l *lexer) number() float64 {
	f, end, ok := scanNumber(l.b, l.pos)
	if !ok || end < len(l.b) && !endsWord[l.b[end]] {
		return parseNumber(l.word()) // from start: l.pos has not moved
	}
	l.pos = end
	return f
}

// scanNumber reads the usual number at b[i:]: an optional sign, then
// digits with at most one point, up to the first other byte, at end. ok
// is false when there are no digits or more than 15 (not exact as an
// integer divided by a power of ten).
func scanNumber(b []byte, i int) (f float64, end int, ok bool) {
	neg := false
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg, i = b[i] == '-', i+1
	}
	var mant uint64
	digits, frac, dot := 0, 0, false
	for ; i < len(b); i++ {
		c := b[i]
		if c >= '0' && c <= '9' {
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
			continue
		}
		if c == '.' && !dot {
			dot = true
			continue
		}
		break
	}
	if digits == 0 || digits > 15 {
		return 0, i, false
	}
	f = float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, i, true
}

func slowNumber(b []byte) float64 {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		f = parseLooseNumber(b)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// operator returns the operator w, the known ones without allocating.
func operator(w []byte) string {
	switch string(w) {
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Tr":
		return "Tr"
	case "Tf":
		return "Tf"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "'":
		return "'"
	case "\"":
		return "\""
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "Do":
		return "Do"
	case "BI":
		return "BI"
	case "BMC":
		return "BMC"
	case "BDC":
		return "BDC"
	case "EMC":
		return "EMC"
	case "m": // paint.go
		return "m"
	case "l":
		return "l"
	case "c":
		return "c"
	case "v":
		return "v"
	case "y":
		return "y"
	case "h":
		return "h"
	case "re":
		return "re"
	case "W":
		return "W"
	case "W*":
		return "W*"
	case "f":
		return "f"
	case "F":
		return "F"
	case "f*":
		return "f*"
	case "B":
		return "B"
	case "B*":
		return "B*"
	case "b":
		return "b"
	case "b*":
		return "b*"
	case "S":
		return "S"
	case "s":
		return "s"
	case "n":
		return "n"
	case "gs":
		return "gs"
	case "g":
		return "g"
	case "rg":
		return "rg"
	case "k":
		return "k"
	case "cs":
		return "cs"
	case "sc":
		return "sc"
	case "scn":
		return "scn"
	case "sh":
		return "sh"
	case "endcodespacerange": // CMaps' (parseToUnicode)
		return "endcodespacerange"
	case "endbfchar":
		return "endbfchar"
	case "endbfrange":
		return "endbfrange"
	}
	return "?" // no other operator is run
}
