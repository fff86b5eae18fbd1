package pdftext

import (
	"bytes"
	"io"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
)

// ledongthuc/pdf decodes FlateDecode (without a predictor, or with PNG
// Up, predictor 12) and ASCII85Decode only; a stream with any other
// filter makes it panic, and the page is lost. decodeOddFilters rewrites
// such streams decoded, with pdfcpu's filters: ASCIIHexDecode,
// LZWDecode, RunLengthDecode, the abbreviated names (AHx, LZW, RL, Fl,
// A85), and FlateDecode or LZWDecode with another /Predictor (1: none,
// 2: TIFF, 10–15: PNG). Images are left alone: they are never read.

// maxDecodedStream bounds the bytes one rewritten stream decodes to.
const maxDecodedStream = 64 << 20

// filterNames maps the filter names of stream dictionaries, full and
// abbreviated, to pdfcpu's.
var filterNames = map[string]string{
	"ASCIIHexDecode": filter.ASCIIHex, "AHx": filter.ASCIIHex,
	"ASCII85Decode": filter.ASCII85, "A85": filter.ASCII85,
	"LZWDecode": filter.LZW, "LZW": filter.LZW,
	"RunLengthDecode": filter.RunLength, "RL": filter.RunLength,
	"FlateDecode": filter.Flate, "Fl": filter.Flate,
}

// mayHaveOddFilters is a quick look for what decodeOddFilters rewrites,
// so that most files are not scanned stream by stream. The patterns do
// not start with "/", which is everywhere in a PDF and would slow the
// search down; the abbreviations Fl and RL (meant for inline images)
// are rewritten only when another pattern is found.
func mayHaveOddFilters(data []byte) bool {
	for _, s := range []string{"HexDecode", "AHx", "LZW", "RunLength", "A85"} {
		if bytes.Contains(data, []byte(s)) {
			return true
		}
	}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("Predictor"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("Predictor"):]
		v := bytes.TrimLeft(rest[:min(len(rest), 8)], " \r\n\t")
		if !bytes.HasPrefix(v, []byte("12")) {
			return true
		}
	}
}

// decodeOddFilters returns data with every non-image stream that
// ledongthuc/pdf cannot decode written decoded, and whether it changed
// anything; offsets move, so the caller must rebuild the cross-reference
// table. A stream that does not decode is left as it is.
func decodeOddFilters(data []byte) (_ []byte, changed bool) {
	defer func() {
		if recover() != nil { // a filter that panics on damaged data
			changed = false
		}
	}()
	var out bytes.Buffer
	pos := 0
	for _, m := range streamStart.FindAllIndex(data, -1) {
		if m[0] < pos {
			continue
		}
		objAt := bytes.LastIndex(data[pos:m[0]], []byte("obj"))
		if objAt < 0 {
			continue
		}
		dictAt := bytes.Index(data[pos+objAt:m[0]], []byte("<<"))
		if dictAt < 0 {
			continue
		}
		dictAt += pos + objAt
		dict := data[dictAt : m[0]+2]
		body := m[1]
		end := bytes.Index(data[body:], []byte("endstream"))
		if end < 0 {
			break
		}
		raw := bytes.TrimRight(data[body:body+end], "\r\n")
		plain, ok := decodeStream(dict, raw)
		if !ok {
			continue
		}
		out.Write(data[pos:dictAt])
		out.Write(withoutKeys(dict, "Filter", "DecodeParms", "Length", "F", "FDecodeParms", "FFilter", "DL"))
		out.WriteString(" /Length " + strconv.Itoa(len(plain)) + " >>\nstream\n")
		out.Write(plain)
		out.WriteString("\n")
		pos = body + end
		changed = true
	}
	if !changed {
		return data, false
	}
	out.Write(data[pos:])
	return out.Bytes(), true
}

// decodeStream decodes raw by the filters of dict when ledongthuc/pdf
// could not; ok is false when it can, or when dict is an image, or the
// filters fail.
func decodeStream(dict, raw []byte) (plain []byte, ok bool) {
	lx := lexer{b: dict}
	tok, _, _, err := lx.next(0)
	d, isDict := tok.(opDict)
	if err != nil || !isDict || d["Subtype"] == opName("Image") {
		return nil, false
	}
	var names []string
	var params []any
	switch f := d["Filter"].(type) {
	case opName:
		names, params = []string{string(f)}, []any{d["DecodeParms"]}
	case opArray:
		for i, x := range f {
			n, isName := x.(opName)
			if !isName {
				return nil, false
			}
			names = append(names, string(n))
			if p, isArr := d["DecodeParms"].(opArray); isArr && i < len(p) {
				params = append(params, p[i])
			} else {
				params = append(params, nil)
			}
		}
	default:
		return nil, false
	}
	odd := false
	for i, n := range names {
		pd, _ := params[i].(opDict)
		pred, hasPred := pd["Predictor"].(float64)
		switch {
		case filterNames[n] == "":
			return nil, false // an image filter, or unknown
		case n != "FlateDecode" && n != "ASCII85Decode",
			hasPred && pred != 12, n == "ASCII85Decode" && pd != nil:
			odd = true
		}
	}
	if !odd {
		return nil, false
	}
	cur := raw
	for i, n := range names {
		parms := map[string]int{}
		if pd, isDict := params[i].(opDict); isDict {
			for k, v := range pd {
				if f, isNum := v.(float64); isNum {
					parms[k] = int(f)
				}
			}
		}
		fl, err := filter.NewFilter(filterNames[n], parms, maxDecodedStream)
		if err != nil {
			return nil, false
		}
		r, err := fl.Decode(bytes.NewReader(cur))
		if err != nil {
			return nil, false
		}
		if cur, err = io.ReadAll(io.LimitReader(r, maxDecodedStream)); err != nil {
			return nil, false
		}
	}
	return cur, true
}

// withoutKeys returns the dictionary text dict ("<< … >>") without its
// closing ">>" and without the entries of keys at its top level.
func withoutKeys(dict []byte, keys ...string) []byte {
	drop := map[string]bool{}
	for _, k := range keys {
		drop[k] = true
	}
	var out []byte
	out = append(out, "<<"...)
	lx := lexer{b: dict, pos: 2}
	for {
		lx.skipSpace()
		start := lx.pos
		if start+1 >= len(dict) || dict[start] == '>' && dict[start+1] == '>' {
			break
		}
		key, _, ok, err := lx.next(0)
		if !ok || err != nil {
			break
		}
		if _, isName := key.(opName); !isName {
			continue
		}
		lx.skipValue()
		if !drop[string(key.(opName))] {
			out = append(out, ' ')
			out = append(out, bytes.TrimSpace(dict[start:lx.pos])...)
		}
	}
	return out
}

// skipValue reads one value, taking "N G R" as one.
func (l *lexer) skipValue() {
	tok, _, ok, _ := l.next(0)
	if _, isNum := tok.(float64); !ok || !isNum {
		return
	}
	save := l.pos
	if g, _, ok, _ := l.next(0); ok {
		if _, isNum := g.(float64); isNum {
			if r, isOp, ok, _ := l.next(0); ok && isOp && r == "R" {
				return
			}
		}
	}
	l.pos = save
}
