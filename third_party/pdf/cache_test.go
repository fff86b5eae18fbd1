package pdf

import (
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"strconv"
	"testing"
)

// slowKeyword is readKeyword's reading of a token as upstream has it.
func slowKeyword(s string) token {
	switch {
	case s == "true":
		return true
	case s == "false":
		return false
	case isInteger(s):
		x, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return err
		}
		return x
	case isReal(s):
		x, _ := strconv.ParseFloat(s, 64)
		return x
	}
	return keyword(s)
}

// TestShortKeywordMatchesUpstream holds shortKeyword to upstream's
// reading for the tokens it takes: the same type and value.
func TestShortKeywordMatchesUpstream(t *testing.T) {
	toks := []string{"0", "1", "-1", "+7", "-0", "255", "256", "2047", "2048", "-2047",
		"123456789012345678", "-123456789012345678", "1234567890123456789", "99999999999999999999",
		"R", "obj", "endobj", "stream", "null", "n", "f", "true", "false", "+", "-", "1.5", "1a", "Rx", ""}
	rng := rand.New(rand.NewSource(1))
	const alphabet = "0123456789+-.Rojbenf"
	for i := 0; i < 100000; i++ {
		n := 1 + rng.Intn(20)
		b := make([]byte, n)
		for j := range b {
			b[j] = alphabet[rng.Intn(len(alphabet))]
		}
		toks = append(toks, string(b))
	}
	for _, s := range toks {
		got, ok := shortKeyword([]byte(s))
		if !ok {
			continue
		}
		want := slowKeyword(s)
		if reflect.TypeOf(got) != reflect.TypeOf(want) || got != want {
			t.Fatalf("shortKeyword(%q) = %T(%v), upstream %T(%v)", s, got, got, want, want)
		}
	}
	for _, s := range []string{"0", "-5", "2048", "123456789012345678", "R", "obj", "endobj", "stream", "null", "n", "f", "true", "false"} {
		if _, ok := shortKeyword([]byte(s)); !ok {
			t.Errorf("shortKeyword(%q) not taken", s)
		}
	}
}

// TestResolveKeepsObjects checks that a Reader reads an object once and
// gives the same value every time after, and that it keeps at most
// maxCached objects.
func TestResolveKeepsObjects(t *testing.T) {
	var buf bytes.Buffer
	n := maxCached + 10
	buf.WriteString("%PDF-1.4\n")
	offs := make([]int, n+1)
	for i := 1; i <= n; i++ {
		offs[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n<</Type/Test/N %d/Next %d 0 R>>\nendobj\n", i, i*1000, i%n+1)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", n+1)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&buf, "%010d 00000 n \n", offs[i])
	}
	fmt.Fprintf(&buf, "trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", n+1, xref)
	data := buf.Bytes()
	r, err := NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	first := make([]string, n+1)
	for pass := 0; pass < 2; pass++ {
		v := r.Trailer().Key("Root")
		for i := 1; i <= n; i++ {
			if got := v.Key("N").Int64(); got != int64(i*1000) || v.ptr != (objptr{uint32(i), 0}) {
				t.Fatalf("pass %d, object %d: N = %d, ptr %v", pass, i, got, v.ptr)
			}
			if pass == 0 {
				first[i] = v.String()
			} else if v.String() != first[i] {
				t.Fatalf("object %d read again: %v, first %v", i, v, first[i])
			}
			v = v.Key("Next")
		}
	}
	if len(r.cache) != maxCached {
		t.Errorf("%d objects kept, want %d", len(r.cache), maxCached)
	}
}

// TestObjfmtNumbersMatchSprint holds objfmt's numbers to fmt.Sprint.
func TestObjfmtNumbersMatchSprint(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	nums := []any{int64(0), int64(-1), int64(1 << 62), int64(-1 << 63), 0.0, -0.0, 1.5, 1e21, 1e-7, 123456789.125, 0.1}
	for i := 0; i < 10000; i++ {
		nums = append(nums, rng.Int63()-rng.Int63(), rng.NormFloat64()*math.Pow(10, float64(rng.Intn(40)-20)))
	}
	for _, x := range nums {
		if got, want := objfmt(x), fmt.Sprint(x); got != want {
			t.Fatalf("objfmt(%T %v) = %q, fmt.Sprint %q", x, x, got, want)
		}
	}
}

// TestEndsToken holds the table to isDelim and isSpace.
func TestEndsToken(t *testing.T) {
	for c := 0; c < 256; c++ {
		if endsToken[c] != (isDelim(byte(c)) || isSpace(byte(c))) {
			t.Errorf("endsToken[%#x] = %v", c, endsToken[c])
		}
	}
}

// objfmtUpstream is objfmt as upstream has it.
func objfmtUpstream(x interface{}) string {
	switch x := x.(type) {
	default:
		return fmt.Sprint(x)
	case string:
		if isPDFDocEncoded(x) {
			return strconv.Quote(pdfDocDecode(x))
		}
		if isUTF16(x) {
			return strconv.Quote(utf16Decode(x[2:]))
		}
		return strconv.Quote(x)
	case name:
		return "/" + string(x)
	case dict:
		var keys []string
		for k := range x {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		var buf bytes.Buffer
		buf.WriteString("<<")
		for i, k := range keys {
			elem := x[name(k)]
			if i > 0 {
				buf.WriteString(" ")
			}
			buf.WriteString("/")
			buf.WriteString(k)
			buf.WriteString(" ")
			buf.WriteString(objfmtUpstream(elem))
		}
		buf.WriteString(">>")
		return buf.String()
	case array:
		var buf bytes.Buffer
		buf.WriteString("[")
		for i, elem := range x {
			if i > 0 {
				buf.WriteString(" ")
			}
			buf.WriteString(objfmtUpstream(elem))
		}
		buf.WriteString("]")
		return buf.String()
	case stream:
		return fmt.Sprintf("%v@%d", objfmtUpstream(x.hdr), x.offset)
	case objptr:
		return fmt.Sprintf("%d %d R", x.id, x.gen)
	case objdef:
		return fmt.Sprintf("{%d %d obj}%v", x.ptr.id, x.ptr.gen, objfmtUpstream(x.obj))
	}
}

// randomObject makes a random object of every kind objfmt prints.
func randomObject(rng *rand.Rand, depth int) object {
	k := rng.Intn(13)
	if depth > 3 && k >= 8 {
		k = rng.Intn(8)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return rng.Intn(2) == 0
	case 2:
		return rng.Int63() - rng.Int63()
	case 3:
		return rng.NormFloat64() * 1000
	case 4:
		b := make([]byte, rng.Intn(6))
		rng.Read(b)
		return []string{string(b), "abc", "\xfe\xff\x00A\x00B", ""}[rng.Intn(4)]
	case 5:
		return name([]string{"Type", "Font", "A#20B", ""}[rng.Intn(4)])
	case 6:
		return keyword("R")
	case 7:
		return objptr{rng.Uint32(), uint16(rng.Intn(65536))}
	case 8, 9:
		d := dict{}
		for i := rng.Intn(20); i > 0; i-- {
			d[name(fmt.Sprint("K", rng.Intn(30)))] = randomObject(rng, depth+1)
		}
		if rng.Intn(8) == 0 {
			d = nil
		}
		return d
	case 10:
		var a array
		for i := rng.Intn(6); i > 0; i-- {
			a = append(a, randomObject(rng, depth+1))
		}
		return a
	case 11:
		d, _ := randomObject(rng, 4).(dict)
		return stream{hdr: d, offset: rng.Int63n(1 << 40)}
	default:
		return objdef{objptr{rng.Uint32(), uint16(rng.Intn(65536))}, randomObject(rng, depth+1)}
	}
}

// TestObjfmtMatchesUpstream holds objfmt to upstream's.
func TestObjfmtMatchesUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 20000; i++ {
		x := randomObject(rng, 0)
		if got, want := objfmt(x), objfmtUpstream(x); got != want {
			t.Fatalf("objfmt(%#v) = %q, upstream %q", x, got, want)
		}
	}
}
