// referat: what this fork adds to ledongthuc/pdf (see README.md): a
// Reader keeps the indirect objects it has resolved, and the buffers that
// objects are parsed from are reused.

package pdf

import (
	"io"
	"sort"
	"strconv"
	"sync"
)

// maxCached bounds the objects one Reader keeps: enough for the page tree
// nodes, resources and fonts that the pages of a file share, so that a
// file of many objects does not hold them all.
const maxCached = 4096

// keepObjects makes r keep the objects it resolves from now on. Objects
// resolved while the Reader is opened are not kept: before the file's
// key is known they are read without decrypting their strings.
func (r *Reader) keepObjects() *Reader {
	r.keep = true
	return r
}

// cached returns the object ptr resolved before, if r kept it.
func (r *Reader) cached(ptr objptr) (object, bool) {
	if !r.keep {
		return nil, false
	}
	r.mu.Lock()
	obj, ok := r.cache[ptr]
	r.mu.Unlock()
	return obj, ok
}

// remember keeps obj, the object ptr resolved to, while r keeps fewer
// than maxCached. A file's bytes do not change under a Reader, so reading
// ptr again would parse the same object; objects are never modified once
// parsed (a dict or array is shared by every Value read from it).
func (r *Reader) remember(ptr objptr, obj object) {
	if !r.keep {
		return
	}
	r.mu.Lock()
	if r.cache == nil {
		r.cache = make(map[objptr]object)
	}
	if len(r.cache) < maxCached {
		r.cache[ptr] = obj
	}
	r.mu.Unlock()
}

// buffers holds buffers for reuse: newBuffer allocates (and clears) 4 KiB
// for every object read.
var buffers = sync.Pool{New: func() any { return &buffer{buf: make([]byte, 0, 4096)} }}

// getBuffer is newBuffer(r, offset), with a buffer used before.
func getBuffer(r io.Reader, offset int64) *buffer {
	b := buffers.Get().(*buffer)
	*b = buffer{
		r:           r,
		offset:      offset,
		buf:         b.buf[:0],
		tmp:         b.tmp[:0],
		unread:      b.unread[:0],
		elems:       b.elems[:0],
		allowObjptr: true,
		allowStream: true,
	}
	return b
}

// putBuffer gives back a buffer from getBuffer that nothing reads from any
// more. Tokens are copied out of it (strings, names), never referred to.
func putBuffer(b *buffer) {
	clear(b.unread[:cap(b.unread)]) // readArray clears the elements it used
	b.r, b.key = nil, nil
	buffers.Put(b)
}

// smallInts holds the integers below len(smallInts) as tokens, made once:
// an int64 above 255 in an interface is allocated, and a font's /Widths
// and /W arrays are hundreds of them.
var smallInts = func() (t [2048]token) {
	for i := range t {
		t[i] = int64(i)
	}
	return t
}()

// shortKeyword returns the token readKeyword returns for tmp when tmp is
// an integer of at most 18 digits (which ParseInt cannot fail on) or a
// keyword of the object syntax, without allocating a string for it; ok
// is false for anything else, which readKeyword reads as before.
func shortKeyword(tmp []byte) (t token, ok bool) {
	digits := tmp
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if n := len(digits); n > 0 && n <= 18 {
		var x int64
		for _, c := range digits {
			if c < '0' || c > '9' {
				goto keyword
			}
			x = x*10 + int64(c-'0')
		}
		if tmp[0] == '-' {
			x = -x
		}
		if x >= 0 && x < int64(len(smallInts)) {
			return smallInts[x], true
		}
		return x, true
	}
keyword:
	switch string(tmp) {
	case "R":
		return keyword("R"), true
	case "obj":
		return keyword("obj"), true
	case "endobj":
		return keyword("endobj"), true
	case "stream":
		return keyword("stream"), true
	case "null":
		return keyword("null"), true
	case "n": // the entries of a cross-reference table
		return keyword("n"), true
	case "f":
		return keyword("f"), true
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return nil, false
}

// commonNames holds the names most objects are made of, so that reading
// one allocates no string.
var commonNames = func() map[string]name {
	m := map[string]name{}
	for _, s := range []string{
		"Type", "Subtype", "Length", "Filter", "FlateDecode", "DecodeParms",
		"Parent", "Kids", "Count", "Page", "Pages", "Resources", "Contents",
		"MediaBox", "CropBox", "Rotate", "Annots", "Group", "Tabs", "StructParents",
		"ProcSet", "PDF", "Text", "ImageB", "ImageC", "ImageI", "XObject", "ExtGState", "Font",
		"BaseFont", "FirstChar", "LastChar", "Widths", "Encoding", "FontDescriptor",
		"ToUnicode", "DescendantFonts", "CIDSystemInfo", "Registry", "Ordering",
		"Supplement", "W", "DW", "CIDToGIDMap", "Identity", "Identity-H", "Adobe",
		"Type0", "Type1", "TrueType", "CIDFontType0", "CIDFontType2",
		"WinAnsiEncoding", "MacRomanEncoding", "Differences",
		"FontName", "FontFamily", "Flags", "FontBBox", "ItalicAngle", "Ascent",
		"Descent", "CapHeight", "XHeight", "StemV", "StemH", "AvgWidth", "MaxWidth",
		"MissingWidth", "Leading", "FontWeight", "FontFile", "FontFile2", "FontFile3",
		"Length1", "Length2", "Length3", "Form", "Image", "BBox", "Matrix",
		"Width", "Height", "BitsPerComponent", "ColorSpace", "DeviceRGB", "DeviceGray",
		"DeviceCMYK", "Transparency", "CS", "S", "CA", "ca", "BM", "Normal", "SMask",
		"Catalog", "Root", "Info", "Size", "Prev", "ID", "Producer", "Creator",
		"CreationDate", "ModDate", "Title", "Author", "Metadata", "XML", "Lang",
		"MarkInfo", "Marked", "StructTreeRoot", "Outlines", "Names", "ViewerPreferences",
		"ObjStm", "XRef", "N", "First", "Index", "Predictor", "Columns", "Annot",
		"Link", "Rect", "Border", "A", "URI", "Dest", "P", "F", "AP",
	} {
		m[s] = name(s)
	}
	return m
}()

// endsToken[c] is isDelim(c) || isSpace(c), looked up: readName and
// readKeyword ask it for every byte.
var endsToken = func() (t [256]bool) {
	for c := range t {
		t[c] = isDelim(byte(c)) || isSpace(byte(c))
	}
	return t
}()

// appendObj appends objfmt(x) to buf: a dictionary or array and
// everything in it printed into one buffer, where objfmt made a string of
// each element and a bytes.Buffer of each container (TestObjfmtMatchesUpstream).
func appendObj(buf []byte, x interface{}) []byte {
	switch x := x.(type) {
	case dict:
		var room [16]string
		keys := room[:0]
		for k := range x {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		buf = append(buf, "<<"...)
		for i, k := range keys {
			if i > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, '/')
			buf = append(buf, k...)
			buf = append(buf, ' ')
			buf = appendObj(buf, x[name(k)])
		}
		return append(buf, ">>"...)
	case array:
		buf = append(buf, '[')
		for i, elem := range x {
			if i > 0 {
				buf = append(buf, ' ')
			}
			buf = appendObj(buf, elem)
		}
		return append(buf, ']')
	case stream:
		buf = appendObj(buf, x.hdr)
		buf = append(buf, '@')
		return strconv.AppendInt(buf, x.offset, 10)
	case objptr:
		buf = strconv.AppendUint(buf, uint64(x.id), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendUint(buf, uint64(x.gen), 10)
		return append(buf, " R"...)
	case objdef:
		buf = append(buf, '{')
		buf = strconv.AppendUint(buf, uint64(x.ptr.id), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendUint(buf, uint64(x.ptr.gen), 10)
		buf = append(buf, " obj}"...)
		return appendObj(buf, x.obj)
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case float64:
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	case name:
		buf = append(buf, '/')
		return append(buf, x...)
	}
	return append(buf, objfmt(x)...)
}
