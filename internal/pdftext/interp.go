package pdftext

import "github.com/ledongthuc/pdf"

// run interprets one content stream with the given resources and initial
// transformation.
func (p *pageReader) run(data []byte, resources pdf.Value, ctm matrix, paint paintState) error {
	saved := p.fonts
	p.fonts = fontScope{} // read when a font is asked for
	defer func() { p.fonts = saved }()
	lx := lexer{b: data, scratch: scratchBufs.get(256), arena: operandBufs.get(64), pending: operandBufs.get(64)}
	in := interp{p: p, lx: &lx, resources: resources, gs: textState{ctm: ctm, th: 1, paint: paint}, args: operandBufs.get(16)}
	defer func() { // the operands are dead once the stream has run
		scratchBufs.put(lx.scratch)
		operandBufs.put(lx.arena)
		operandBufs.put(lx.pending)
		operandBufs.put(in.args)
	}()
	var o operand
	for {
		op, ok, err := lx.scan(0, &o)
		if err != nil {
			in.endMarks()
			return err
		}
		if !ok {
			in.endMarks()
			return nil
		}
		if op == "" {
			if len(in.args) < 64 {
				in.args = append(in.args, o)
			}
			continue
		}
		switch {
		case op == "BI":
			lx.skipInlineImage()
			p.recordUnitSquare(in.gs.ctm) // paint.go
		case in.text(op):
		case in.pathOp(op):
		case in.colourOp(op):
		default:
			if err := in.graphics(op); err != nil {
				return err
			}
		}
		in.args = in.args[:0]
		lx.reset() // the operands just run are dead
	}
}

// interp is the state of one content stream's interpreter: the graphics
// state and its stack, the text matrices, and the operands read since the
// last operator.
type interp struct {
	p         *pageReader
	lx        *lexer // the stream's, which the operands' bytes are in
	resources pdf.Value
	gs        textState
	stack     []textState
	tm, tlm   matrix
	args      []operand // see operand.go for how long they live
	marks     []mark    // open marked-content sequences (actualtext.go)
	deepMarks int       // sequences opened beyond maxMarks
	// the font named last by Tf, and its name: some producers select
	// the font again for every word (fpdf, with names of 40 bytes)
	lastFont *font
	lastName []byte
	hasLast  bool
	path     path // the current path (paint.go)
	gsSeen   [2]seenState
	gsNext   int
}

// fontNamed is pageReader.fontNamed in this stream's resources, which
// gives the same font for the same name as long as the stream runs.
func (in *interp) fontNamed(name []byte) *font {
	if in.hasLast && string(name) == string(in.lastName) {
		return in.lastFont
	}
	f := in.p.fontNamed(in.resources, name)
	in.lastFont, in.lastName, in.hasLast = f, append(in.lastName[:0], name...), true
	return f
}

// arg returns operand i as a number, 0 when it is past the operands or
// not a number.
func (in *interp) arg(i int) float64 {
	if i < len(in.args) { // i < 0 (an operator without operands) panics, which page recovers as a damaged page, as before
		if o := &in.args[i]; o.kind == kindNumber {
			return o.num
		}
	}
	return 0
}

// graphics runs the graphics-state and XObject operators (q, Q, cm, Do)
// and marked content (BMC, BDC, EMC); others are ignored.
func (in *interp) graphics(op string) error {
	n := len(in.args)
	switch op {
	case "q":
		if len(in.stack) < 1024 {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if len(in.stack) > 0 {
			in.gs = in.stack[len(in.stack)-1]
			in.stack = in.stack[:len(in.stack)-1]
		}
	case "cm":
		if n >= 6 {
			m := matrix{in.arg(n - 6), in.arg(n - 5), in.arg(n - 4), in.arg(n - 3), in.arg(n - 2), in.arg(n - 1)}
			in.gs.ctm = m.mul(in.gs.ctm)
		}
	case "BMC", "BDC", "EMC":
		in.markedContent(op)
	case "Do":
		if n >= 1 {
			if o := &in.args[n-1]; o.kind == kindName {
				return in.p.form(in.resources, string(in.lx.bytes(o)), in.gs.ctm, in.gs.paint)
			}
		}
	}
	return nil
}

// text runs a text operator and reports whether op was one.
func (in *interp) text(op string) bool {
	n := len(in.args)
	gs := &in.gs
	switch op {
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tc":
		gs.tc = in.arg(n - 1)
	case "Tw":
		gs.tw = in.arg(n - 1)
	case "Tz":
		gs.th = in.arg(n-1) / 100
	case "TL":
		gs.tl = in.arg(n - 1)
	case "Ts":
		gs.rise = in.arg(n - 1)
	case "Tr":
		gs.mode = int(in.arg(n - 1))
	case "Tf":
		if n >= 2 {
			if o := &in.args[n-2]; o.kind == kindName {
				gs.font = in.fontNamed(in.lx.bytes(o))
			}
			gs.size = in.arg(n - 1)
		}
	case "Td", "TD", "Tm", "T*":
		in.position(op)
	case "Tj", "'", "\"", "TJ":
		in.show(op)
	default:
		return false
	}
	return true
}

// position runs the text-positioning operators Td, TD, Tm and T*.
func (in *interp) position(op string) {
	n := len(in.args)
	switch op {
	case "Td", "TD":
		if n >= 2 {
			if op == "TD" {
				in.gs.tl = -in.arg(n - 1)
			}
			in.tlm = matrix{1, 0, 0, 1, in.arg(n - 2), in.arg(n - 1)}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if n >= 6 {
			in.tlm = matrix{in.arg(n - 6), in.arg(n - 5), in.arg(n - 4), in.arg(n - 3), in.arg(n - 2), in.arg(n - 1)}
			in.tm = in.tlm
		}
	case "T*":
		in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
		in.tm = in.tlm
	}
}

// show runs the text-showing operators Tj, ', " and TJ.
func (in *interp) show(op string) {
	n := len(in.args)
	if in.gs.mode >= 4 {
		// Render modes 4–7 add the glyphs to the clip: a fill after
		// them paints the letters, and hides nothing (paint.go).
		in.gs.paint.clip.inexact = true
	}
	if op == "TJ" {
		if n >= 1 {
			if a := &in.args[n-1]; a.kind == kindArray {
				elems := in.lx.elems(a)
				for i := range elems {
					switch e := &elems[i]; e.kind {
					case kindString:
						in.p.show(&in.gs, &in.tm, in.lx.bytes(e))
					case kindNumber:
						in.tm.advance(-e.num / 1000 * in.gs.size * in.gs.th)
					}
				}
			}
		}
		return
	}
	if op != "Tj" {
		if op == "\"" && n >= 3 {
			in.gs.tw, in.gs.tc = in.arg(n-3), in.arg(n-2)
		}
		in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
		in.tm = in.tlm
	}
	if n >= 1 {
		if s := &in.args[n-1]; s.kind == kindString {
			in.p.show(&in.gs, &in.tm, in.lx.bytes(s))
		}
	}
}

// fontNamed is pageReader.font for a name in the content stream: a font
// already used in these resources is found without allocating.
func (p *pageReader) fontNamed(resources pdf.Value, name []byte) *font {
	if f, ok := p.fonts.named[string(name)]; ok {
		return f
	}
	return p.font(resources, string(name))
}
