package ocr

import (
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A drawn image is an image XObject and the matrix it was drawn with.
type drawn struct {
	sd  *types.StreamDict
	ctm matrix
}

// A scanner reads a page's content for the images it draws and whether
// anything else is drawn over them: it follows q, Q, cm, Do (into form
// XObjects), the text render mode and the painting operators.
type scanner struct {
	xt     *model.XRefTable
	images []drawn
	why    string // set when the page must be rendered
}

// maxForms bounds form XObjects nested in form XObjects.
const maxForms = 4

// paints are the operators that put marks on the page besides images
// and text.
var paints = map[string]bool{"f": true, "F": true, "f*": true, "B": true, "B*": true,
	"b": true, "b*": true, "S": true, "s": true, "sh": true}

// run scans content drawn with ctm and resources res.
func (s *scanner) run(content []byte, res types.Dict, ctm matrix, depth int) {
	lx := &clexer{b: content}
	stack := []matrix{}
	var nums []float64
	var lastName string
	textMode := 0
	for s.why == "" {
		tok, kind := lx.next()
		switch kind {
		case tokEOF:
			return
		case tokNumber:
			v, _ := strconv.ParseFloat(tok, 64)
			nums = append(nums, v)
			continue
		case tokName:
			lastName = tok
			continue
		case tokOther:
			continue
		}
		switch tok {
		case "q":
			stack = append(stack, ctm)
		case "Q":
			if n := len(stack); n > 0 {
				ctm, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if n := len(nums); n >= 6 {
				var m matrix
				copy(m[:], nums[n-6:])
				ctm = m.mul(ctm)
			}
		case "Tr":
			if n := len(nums); n >= 1 {
				textMode = int(nums[n-1])
			}
		case "Tj", "TJ", "'", "\"":
			if textMode != 3 && textMode != 7 {
				s.why = "the page draws text"
			}
		case "BI":
			s.why = "the page draws an inline image"
		case "Do":
			s.do(lastName, res, ctm, depth)
		default:
			if paints[tok] && len(s.images) > 0 {
				s.why = "the page draws over its image"
			}
		}
		nums = nums[:0]
	}
}

// do follows Do name: an image is noted, a form scanned.
func (s *scanner) do(name string, res types.Dict, ctm matrix, depth int) {
	xobjs, _ := s.xt.DereferenceDict(res["XObject"])
	sd, _, err := s.xt.DereferenceStreamDict(xobjs[name])
	if err != nil || sd == nil {
		return // nothing drawn, as a viewer would
	}
	switch st, _ := deref(s.xt, sd.Dict["Subtype"]).(types.Name); st {
	case "Image":
		s.images = append(s.images, drawn{sd: sd, ctm: ctm})
	case "Form":
		if depth >= maxForms {
			s.why = "form XObjects nested too deep"
			return
		}
		m := identity
		if a, ok := deref(s.xt, sd.Dict["Matrix"]).(types.Array); ok && len(a) == 6 {
			for i := range m {
				m[i] = number(deref(s.xt, a[i]))
			}
		}
		if err := sd.DecodeWithLimit(maxContent); err != nil {
			s.why = "a form XObject does not decode"
			return
		}
		fres, _ := s.xt.DereferenceDict(sd.Dict["Resources"])
		if fres == nil {
			fres = res
		}
		s.run(sd.Content, fres, m.mul(ctm), depth+1)
	default:
		s.why = "the page draws a " + string(st) + " XObject"
	}
}

// Kinds of content tokens.
const (
	tokEOF = iota
	tokNumber
	tokName
	tokOp
	tokOther // strings, arrays, dictionaries: operands not looked at
)

// A clexer splits a content stream into tokens.
type clexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return isSpace(c) || c == '/' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>' || c == '{' || c == '}' || c == '%'
}

// next returns the next token and its kind.
func (l *clexer) next() (string, int) {
	b := l.b
	for l.i < len(b) {
		c := b[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(b) && b[l.i] != '\n' && b[l.i] != '\r' {
				l.i++
			}
		case c == '/':
			j := l.i + 1
			for j < len(b) && !isDelim(b[j]) {
				j++
			}
			tok := string(b[l.i+1 : j])
			l.i = j
			return tok, tokName
		case c == '(':
			l.skipString()
			return "", tokOther
		case c == '<' && l.i+1 < len(b) && b[l.i+1] == '<', c == '>' && l.i+1 < len(b) && b[l.i+1] == '>':
			l.i += 2
			return "", tokOther
		case c == '<':
			for l.i < len(b) && b[l.i] != '>' {
				l.i++
			}
			l.i++
			return "", tokOther
		case c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>':
			l.i++
			return "", tokOther
		default:
			j := l.i
			for j < len(b) && !isDelim(b[j]) {
				j++
			}
			tok := string(b[l.i:j])
			l.i = j
			if c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' {
				return tok, tokNumber
			}
			return tok, tokOp
		}
	}
	return "", tokEOF
}

// skipString moves past a literal string, with nested parentheses and
// escapes.
func (l *clexer) skipString() {
	depth := 0
	for ; l.i < len(l.b); l.i++ {
		switch l.b[l.i] {
		case '\\':
			l.i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.i++
				return
			}
		}
	}
}
