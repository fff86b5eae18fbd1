package pdftext

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/ledongthuc/pdf"
)

// parseToUnicodeNext is parseToUnicode as it was, through lexer.next:
// the reference the tests check parseToUnicode against.
func parseToUnicodeNext(data []byte) *toUnicode {
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

var toUnicodeCases = []string{
	"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0003> <0020> <0024> <0041> endbfchar 1 beginbfrange <0030> <0032> <0061> endbfrange endcmap",
	"1 beginbfrange <01> <03> [<0041> /x <0042> foo <0043>] endbfrange",
	"2 beginbfchar <01> /A <02> <D83DDE00> endbfchar",
	"<01> <0041> endbfchar [/ ] <02> <0042> endbfchar",
	"<</A/>> <01> <0041> endbfchar",
	"<01> [<00 41> true null (x) endbfchar <0042>] <03> endbfrange <0001> <0003> [(a) (b) (c)] endbfrange",
	"<0#41> <0041> endbfchar /#41 <01> <0042> endbfchar",
	"(\\101) <0041> endbfchar ((x)) <0042> endbfchar",
	"<01> <0041 endbfchar",
	"[[[<01>]]] <01> <02> <0041> endbfrange",
}

// TestToUnicodeMatchesNext checks parseToUnicode against the way it read
// CMaps before (parseToUnicodeNext), on hand-written CMaps and on every
// ToUnicode CMap of the test PDFs.
func TestToUnicodeMatchesNext(t *testing.T) {
	cmaps := append([]string(nil), toUnicodeCases...)
	eachOpened(t, testPDFs(), func(_ string, r *pdf.Reader, src *source) {
		for _, font := range fontsOf(r, 3000) {
			func() {
				defer func() { recover() }()
				tu := font.Key("ToUnicode")
				if tu.Kind() != pdf.Stream {
					return
				}
				if b, err := src.read(tu, nil, maxToUnicode); err == nil {
					cmaps = append(cmaps, string(b))
				}
			}()
		}
	})
	if len(cmaps) < len(toUnicodeCases)+20 {
		t.Fatalf("only %d ToUnicode CMaps found in the test files", len(cmaps)-len(toUnicodeCases))
	}
	for i, c := range cmaps {
		checkToUnicode(t, []byte(c), fmt.Sprintf("CMap %d", i))
	}
}

func checkToUnicode(t *testing.T, data []byte, where string) {
	t.Helper()
	want := parseToUnicodeNext(data)
	got := parseToUnicode(data)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: parseToUnicode gives %+v, lexer.next's reading %+v", where, got, want)
	}
}

// FuzzToUnicode checks parseToUnicode against parseToUnicodeNext on
// arbitrary CMaps.
func FuzzToUnicode(f *testing.F) {
	for _, c := range toUnicodeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkToUnicode(t, data, "the CMap")
	})
}
