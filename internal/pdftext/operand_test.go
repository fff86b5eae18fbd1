package pdftext

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestScanMatchesNext checks that the interpreter's lexer (scan) reads
// the operands and operators that the general one (next) reads, as the
// interpreter sees them: numbers, names, strings, arrays of them, and the
// operators it runs.
func TestScanMatchesNext(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{name: "text", in: "BT /F1 12 Tf 72 712.5 Td (Hello) Tj ET"},
		{name: "numbers", in: "1 -2 +3 .5 -.25 4. 0.000001 123456789012345678 1e5 --5 1.2.3 - . +Inf 12 0 0 12 0 0 cm"},
		{name: "TJ array", in: "[(Ord)-250(og)12.5<0041 42>(\\(x\\))] TJ"},
		{name: "escapes", in: "(a\\nb\\101\\7c\\\r\nd) Tj (nested (paren) ok) Tj (unterminated"},
		{name: "hex", in: "<48656C6C6F> Tj <4 8 6> Tj <zz41> Tj"},
		{name: "hex in arrays", in: "[<010203>43<04>-5<>< 0 5 >< 4><zz>] TJ [<<>> <41>] TJ [<4"},
		{name: "names", in: "/F#31 9 Tf /A#2 Do /#41#42 Do"},
		{name: "nested", in: "[1 [2 [3 (x)]] /N true false null] TJ"},
		{name: "dict", in: "/Span <</ActualText (x) /MCID 3 /K [1 2]>> BDC (y) Tj EMC"},
		{name: "stray", in: "] ) > } { 5 Tw (z) Tj"},
		{name: "ops", in: "q 1 0 0 1 5 5 cm Q T* 3 TL 1 2 TD 1 0 0 1 0 0 Tm 2 Tc 3 Tz 4 Ts 1 Tr 5 6 (a) \" (b) ' BI /W 1 ID xx EI Q"},
		{name: "unfinished array", in: "[(a) 1"},
		{name: "unfinished dict", in: "<</A 1"},
		{name: "comment", in: "% comment\n(a) Tj %x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := viaNext([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got, err := viaScan([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("scan read\n%s\nnext read\n%s", got, want)
			}
		})
	}
}

// viaNext prints what lexer.next reads, as the interpreter sees it.
func viaNext(b []byte) (string, error) {
	var out strings.Builder
	lx := lexer{b: b}
	for {
		tok, isOp, ok, err := lx.next(0)
		if err != nil || !ok {
			return out.String(), err
		}
		if isOp {
			op := tok.(string)
			if operator([]byte(op)) == "?" {
				op = "?"
			}
			fmt.Fprintf(&out, "op %s\n", op)
			if op == "BI" {
				lx.skipInlineImage()
			}
			continue
		}
		fmt.Fprintf(&out, "%s\n", printAny(tok))
	}
}

func printAny(tok any) string {
	switch v := tok.(type) {
	case float64:
		return printNum(num(v))
	case opName:
		return "name " + string(v)
	case opString:
		return fmt.Sprintf("string %q", []byte(v))
	case opArray:
		var parts []string
		for _, e := range v {
			if _, isOp := e.(string); isOp {
				continue // scan leaves operators out of arrays; the interpreter ignores them
			}
			parts = append(parts, printAny(e))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case opDict:
		return "dict"
	}
	return "null"
}

// viaScan prints what lexer.scan reads.
func viaScan(b []byte) (string, error) {
	var out strings.Builder
	lx := lexer{b: b}
	var o operand
	for {
		op, ok, err := lx.scan(0, &o)
		if err != nil || !ok {
			return out.String(), err
		}
		if op != "" {
			fmt.Fprintf(&out, "op %s\n", op)
			if op == "BI" {
				lx.skipInlineImage()
			}
			lx.reset()
			continue
		}
		fmt.Fprintf(&out, "%s\n", printOperand(&lx, &o))
	}
}

func printOperand(lx *lexer, o *operand) string {
	switch o.kind {
	case kindNumber:
		return printNum(o.num)
	case kindName:
		return "name " + string(lx.bytes(o))
	case kindString:
		return fmt.Sprintf("string %q", lx.bytes(o))
	case kindArray:
		var parts []string
		elems := lx.elems(o)
		for i := range elems {
			parts = append(parts, printOperand(lx, &elems[i]))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case kindDict:
		return "dict"
	}
	return "null"
}

// printNum prints a number exactly (bits), with NaN and infinities as 0,
// as the interpreter takes them.
func printNum(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	return fmt.Sprintf("num %v (%x)", f, math.Float64bits(f))
}
