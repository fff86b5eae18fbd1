package pdftext

// ledongthuc/pdf's Font.Encoder reads a font's ToUnicode CMap a second
// time (its readCmap, under its PostScript Interpret) when the font has
// no /Encoding or /Encoding /Identity-H. Its result matters only for the
// codes of a simple font that our own ToUnicode map lacks, but a panic in
// it empties the font (lookupFont), and it was a third of what loading a
// font cost. cmapSafe tells, from the decoded CMap, whether that second
// reading surely runs without a panic: then newFont leaves the Encoder
// until a code needs it. It follows the library's tokenizer, Interpret
// and readCmap step by step and answers false at anything it does not
// follow exactly (escapes, #xx in names, nesting, a stray delimiter, an
// unfinished token, a count over maxPSCount), where newFont runs the
// Encoder at once, as before.

// A psValue is a value on the stack of the library's Interpret: only what
// readCmap and Interpret look at is kept.
type psValue struct {
	kind psKind
	i    int64        // psInt
	s    []byte       // psString, psName
	d    psDictionary // psDictKind
}

type psKind uint8

const (
	psNull psKind = iota
	psBool
	psInt
	psReal
	psString
	psName
	psDictKind
	psArray
	psKeyword // a token only, never on the stack
	psEOF     // a token only
)

// A psDictionary is a PostScript dictionary; a map, so that aliases see each
// other's definitions as the library's do.
type psDictionary map[string]psValue

// maxPSCount bounds the counts of codespace, bfchar and bfrange sections
// followed: the library pops that many values, which for a huge count
// takes as long as the count.
const maxPSCount = 1 << 20

// maxPSDepth bounds the nesting of arrays and dictionaries followed.
const maxPSDepth = 32

// psLexer tokenizes as the library's buffer.readToken does, or gives up.
type psLexer struct {
	b []byte
	p int
}

func psSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func psDelim(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// token returns the next token; ok is false where the library would
// panic, loop forever, or do something this lexer does not follow.
func (l *psLexer) token() (t psValue, ok bool) {
	for {
		if l.p >= len(l.b) {
			return psValue{kind: psEOF}, true
		}
		c := l.b[l.p]
		if psSpace(c) {
			l.p++
			continue
		}
		if c == '%' {
			for l.p < len(l.b) && l.b[l.p] != '\r' && l.b[l.p] != '\n' {
				l.p++
			}
			continue
		}
		break
	}
	c := l.b[l.p]
	l.p++
	switch c {
	case '<':
		if l.p < len(l.b) && l.b[l.p] == '<' {
			l.p++
			return psValue{kind: psKeyword, s: []byte("<<")}, true
		}
		return l.hex()
	case '>':
		if l.p < len(l.b) && l.b[l.p] == '>' {
			l.p++
			return psValue{kind: psKeyword, s: []byte(">>")}, true
		}
		return t, false // "unexpected delimiter"
	case '(':
		return l.literal()
	case '[', ']', '{', '}':
		return psValue{kind: psKeyword, s: l.b[l.p-1 : l.p]}, true
	case '/':
		start := l.p
		for l.p < len(l.b) && !psSpace(l.b[l.p]) && !psDelim(l.b[l.p]) {
			if l.b[l.p] == '#' {
				return t, false
			}
			l.p++
		}
		return psValue{kind: psName, s: l.b[start:l.p]}, true
	}
	if psDelim(c) { // ')'
		return t, false
	}
	start := l.p - 1
	for l.p < len(l.b) && !psSpace(l.b[l.p]) && !psDelim(l.b[l.p]) {
		l.p++
	}
	return psWord(l.b[start:l.p])
}

// psWord is what readKeyword makes of a word.
func psWord(w []byte) (psValue, bool) {
	switch string(w) {
	case "true", "false":
		return psValue{kind: psBool}, true
	}
	digits, dots, other := 0, 0, false
	for i, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		case (c == '+' || c == '-') && i == 0:
		default:
			other = true
		}
	}
	switch {
	case other || dots > 1 || digits == 0 && dots == 0:
		return psValue{kind: psKeyword, s: w}, true
	case digits == 0 || len(w) > 18: // "." or "-.", or a long number: strconv fails or might, and the library panics
		return psValue{}, false
	case dots == 1:
		return psValue{kind: psReal}, true
	}
	var n int64
	for _, c := range w {
		if c >= '0' && c <= '9' {
			n = n*10 + int64(c-'0')
		}
	}
	if w[0] == '-' {
		n = -n
	}
	return psValue{kind: psInt, i: n}, true
}

// hex reads a hex string after its "<": only hex digits and white space,
// an even number of digits, and a closing ">".
func (l *psLexer) hex() (psValue, bool) {
	var out []byte
	var hi byte
	half := false
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		if c == '>' && !half {
			return psValue{kind: psString, s: out}, true
		}
		if psSpace(c) {
			continue
		}
		v, ok := hexDigit(c)
		if !ok {
			return psValue{}, false
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return psValue{}, false
}

// literal reads a literal string after its "(": balanced parentheses,
// no backslash, closed before the end.
func (l *psLexer) literal() (psValue, bool) {
	start, depth := l.p, 1
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		switch c {
		case '\\':
			return psValue{}, false
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return psValue{kind: psString, s: l.b[start : l.p-1]}, true
			}
		}
	}
	return psValue{}, false
}

// object is the library's readObject after token t.
func (l *psLexer) object(t psValue, depth int) (psValue, bool) {
	switch t.kind {
	case psEOF:
		return psValue{}, false
	case psKeyword:
		switch string(t.s) {
		case "null", ">>", "]":
			return psValue{}, true
		case "<<":
			return l.dict(depth + 1)
		case "[":
			return l.array(depth + 1)
		}
		return psValue{}, false // "unexpected keyword"
	}
	return t, true
}

func (l *psLexer) array(depth int) (psValue, bool) {
	if depth > maxPSDepth {
		return psValue{}, false
	}
	for {
		t, ok := l.token()
		if !ok || t.kind == psEOF {
			return psValue{}, false
		}
		if t.kind == psKeyword && string(t.s) == "]" {
			return psValue{kind: psArray}, true
		}
		if _, ok := l.object(t, depth); !ok {
			return psValue{}, false
		}
	}
}

func (l *psLexer) dict(depth int) (psValue, bool) {
	if depth > maxPSDepth {
		return psValue{}, false
	}
	d := psDictionary{}
	for {
		t, ok := l.token()
		if !ok || t.kind == psEOF {
			return psValue{}, false
		}
		if t.kind == psKeyword && string(t.s) == ">>" {
			return psValue{kind: psDictKind, d: d}, true
		}
		if t.kind != psName {
			return psValue{}, false // "unexpected non-name key"
		}
		next, ok := l.token()
		if !ok {
			return psValue{}, false
		}
		v, ok := l.object(next, depth)
		if !ok {
			return psValue{}, false
		}
		d[string(t.s)] = v
	}
}

// psStack is Interpret's operand stack; popping an empty one gives null.
type psStack []psValue

// psStacks keeps cmapSafe's stacks for reuse.
var psStacks = newFreeList[psValue](2, 1<<12, 1<<16)

func (s *psStack) push(v psValue) { *s = append(*s, v) }

func (s *psStack) pop() psValue {
	n := len(*s)
	if n == 0 {
		return psValue{}
	}
	v := (*s)[n-1]
	*s = (*s)[:n-1]
	return v
}

// cmapSafe reports whether the library's readCmap of a ToUnicode stream
// whose decoded bytes are data (read to their end without an error)
// surely returns without a panic.
func cmapSafe(data []byte) bool {
	l := psLexer{b: data}
	stk := psStack(psStacks.get(64))
	defer func() {
		clear(stk[:cap(stk)]) // let go of data and the dictionaries
		psStacks.put(stk)
	}()
	var dicts []psDictionary
	rc := readCmapState{n: -1, ok: true}
	for {
		t, ok := l.token()
		if !ok {
			return false
		}
		switch t.kind {
		case psEOF:
			return true
		case psKeyword:
		default:
			stk.push(t)
			continue
		}
		switch kw := string(t.s); kw {
		case "null", "[", "]", "<<", ">>":
			v, ok := l.object(t, 1)
			if !ok {
				return false
			}
			stk.push(v)
		case "dict":
			stk.pop()
			stk.push(psValue{kind: psDictKind, d: psDictionary{}})
		case "currentdict":
			if len(dicts) == 0 {
				return false // "no current dictionary"
			}
			stk.push(psValue{kind: psDictKind, d: dicts[len(dicts)-1]})
		case "begin":
			d := stk.pop()
			if d.kind != psDictKind {
				return false // "cannot begin non-dict"
			}
			dicts = append(dicts, d.d)
		case "end":
			if len(dicts) == 0 {
				return false // "mismatched begin/end"
			}
			dicts = dicts[:len(dicts)-1]
		case "def":
			val := stk.pop()
			if len(dicts) == 0 {
				continue
			}
			if key := stk.pop(); key.kind == psName {
				dicts[len(dicts)-1][string(key.s)] = val
			}
		case "pop":
			stk.pop()
		default:
			if v, found := lookupPS(dicts, t.s); found {
				stk.push(v)
			} else if !rc.do(&stk, kw) {
				return false
			}
		}
	}
}

func lookupPS(dicts []psDictionary, key []byte) (psValue, bool) {
	for i := len(dicts) - 1; i >= 0; i-- {
		if v, ok := dicts[i][string(key)]; ok {
			return v, true
		}
	}
	return psValue{}, false
}

// readCmapState is the state of the library's readCmap.
type readCmapState struct {
	n  int64
	ok bool
}

// do runs op as readCmap's operator function does; false where that
// panics or where its counts are beyond maxPSCount.
func (r *readCmapState) do(stk *psStack, op string) bool {
	if !r.ok {
		return true
	}
	count := func() int64 {
		v := stk.pop()
		if v.kind != psInt {
			return 0
		}
		return v.i
	}
	switch op {
	case "findresource":
		stk.pop()
		stk.pop()
		stk.push(psValue{kind: psDictKind, d: psDictionary{}})
	case "begincmap":
		stk.push(psValue{kind: psDictKind, d: psDictionary{}})
	case "endcmap":
		stk.pop()
	case "begincodespacerange", "beginbfchar", "beginbfrange":
		r.n = count()
	case "endcodespacerange":
		if r.n < 0 {
			r.ok = false
			return true
		}
		if r.n > maxPSCount {
			return false
		}
		for i := int64(0); i < r.n; i++ {
			hi, lo := rawString(stk.pop()), rawString(stk.pop())
			if len(lo) == 0 || len(lo) != len(hi) {
				r.ok = false
				return true
			}
			if len(lo) > 4 {
				return false // index out of range in the library
			}
		}
		r.n = -1
	case "endbfchar", "endbfrange":
		if r.n < 0 || r.n > maxPSCount {
			return false // "missing beginbfchar"/"missing beginbfrange", or too long
		}
		k := int64(2)
		if op == "endbfrange" {
			k = 3
		}
		for i := int64(0); i < k*r.n && len(*stk) > 0; i++ {
			stk.pop()
		}
	case "defineresource":
		stk.pop()
		v := stk.pop()
		stk.pop()
		stk.push(v)
	}
	return true
}

func rawString(v psValue) []byte {
	if v.kind != psString {
		return nil
	}
	return v.s
}
