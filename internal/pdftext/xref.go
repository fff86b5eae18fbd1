package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
)

var (
	objStart    = regexp.MustCompile(`(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)
	trailerRoot = regexp.MustCompile(`/Root\s+(\d+)\s+(\d+)\s+R`)
	trailerInfo = regexp.MustCompile(`/Info\s+(\d+)\s+(\d+)\s+R`)
	trailerID   = regexp.MustCompile(`/ID\s*\[\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))\s*\]`)
	catalogType = regexp.MustCompile(`/Type\s*/Catalog\b`)
)

// rebuildXref repairs a file whose cross-reference table is wrong, as
// viewers do: it finds every "N G obj" in the file, and appends a new
// table and trailer that point at them. Objects kept only in object
// streams are not found; such files need the other repair.
func rebuildXref(data []byte) ([]byte, error) {
	offsets := map[int]int{}
	gens := map[int]int{}
	maxID := 0
	for _, m := range objStart.FindAllSubmatchIndex(data, -1) {
		id, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		offsets[id] = m[2] // a later definition wins, as in an update
		gens[id] = gen
		maxID = max(maxID, id)
	}
	if len(offsets) == 0 {
		return nil, fmt.Errorf("%w: no objects found", ErrDamaged)
	}
	root, info, id := trailerKeys(data, offsets, gens)
	if root == nil {
		return nil, fmt.Errorf("%w: no document catalog found", ErrDamaged)
	}
	compressed := objectStreams(data, offsets)
	for oid := range compressed {
		maxID = max(maxID, oid)
	}
	var b bytes.Buffer
	b.Grow(len(data) + 20*(maxID+1) + 200)
	b.Write(data)
	b.WriteString("\n")
	xref := b.Len()
	if len(compressed) == 0 {
		fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", maxID+1)
		for i := 1; i <= maxID; i++ {
			if off, ok := offsets[i]; ok {
				fmt.Fprintf(&b, "%010d %05d n \n", off, gens[i])
			} else {
				b.WriteString("0000000000 65535 f \n")
			}
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d %s %s %s >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, root, info, id, xref)
		return b.Bytes(), nil
	}
	// Objects kept in object streams can only be listed by a
	// cross-reference stream (type 2 entries): write one, uncompressed.
	self := maxID + 1
	entry := func(typ byte, f2 int, f3 int) []byte {
		return []byte{typ, byte(f2 >> 24), byte(f2 >> 16), byte(f2 >> 8), byte(f2), byte(f3 >> 8), byte(f3)}
	}
	var table []byte
	for i := 0; i <= self; i++ {
		switch off, ok := offsets[i]; {
		case i == self:
			table = append(table, entry(1, xref, 0)...)
		case ok:
			table = append(table, entry(1, off, gens[i])...)
		case compressed[i] != [2]int{}:
			table = append(table, entry(2, compressed[i][0], compressed[i][1])...)
		default:
			table = append(table, entry(0, 0, 0xFFFF)...)
		}
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] %s %s %s /Length %d >>\nstream\n", self, self+1, root, info, id, len(table))
	b.Write(table)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes(), nil
}

// trailerKeys finds the /Root, /Info and /ID entries ("/Root 1 0 R") of
// the last trailer, or of a cross-reference stream's dictionary; without
// a /Root, the catalog is the object of type Catalog. Missing ones are nil.
func trailerKeys(data []byte, offsets, gens map[int]int) (root, info, id []byte) {
	tail := []byte(nil)
	if t := bytes.LastIndex(data, []byte("trailer")); t >= 0 {
		tail = data[t:]
	} else if x := bytes.LastIndex(data, []byte("/XRef")); x >= 0 {
		// A cross-reference stream's dictionary is the trailer.
		tail = data[max(0, x-1000):min(len(data), x+1000)]
	}
	if tail != nil {
		if m := trailerRoot.FindSubmatch(tail); m != nil {
			root = m[0]
		}
		if m := trailerInfo.FindSubmatch(tail); m != nil {
			info = m[0]
		}
		if m := trailerID.FindSubmatch(tail); m != nil {
			id = m[0]
		}
	}
	if root == nil {
		// No usable trailer: the catalog is the last object of type
		// Catalog in the file, as in an incremental update.
		for _, oid := range inFileOrder(offsets) {
			off := offsets[oid]
			end := bytes.Index(data[off:], []byte("endobj"))
			if end < 0 {
				continue
			}
			if catalogType.Match(data[off : off+end]) {
				root = []byte(fmt.Sprintf("/Root %d %d R", oid, gens[oid]))
			}
		}
	}
	return root, info, id
}

var (
	objStmType = regexp.MustCompile(`/Type\s*/ObjStm\b`)
	objStmN    = regexp.MustCompile(`/N\s+(\d+)`)
)

// inFileOrder returns the object numbers of offsets ordered by where
// they are in the file, so that a repair reads the same bytes the same way
// every time (Go map order is random).
func inFileOrder(offsets map[int]int) []int {
	ids := make([]int, 0, len(offsets))
	for id := range offsets {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if offsets[ids[i]] != offsets[ids[j]] {
			return offsets[ids[i]] < offsets[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

// objectStreams finds the objects kept in the object streams among the
// given objects: object number → (stream number, index). Objects defined
// directly in the file win; an object in several object streams is taken
// from the stream last in the file, as in an incremental update.
func objectStreams(data []byte, offsets map[int]int) map[int][2]int {
	out := map[int][2]int{}
	for _, stm := range inFileOrder(offsets) {
		off := offsets[stm]
		s := bytes.Index(data[off:], []byte("stream"))
		if s < 0 || s > 4096 {
			continue
		}
		dict := data[off : off+s]
		if !objStmType.Match(dict) {
			continue
		}
		nm := objStmN.FindSubmatch(dict)
		if nm == nil {
			continue
		}
		n, _ := strconv.Atoi(string(nm[1]))
		body := off + s + len("stream")
		for body < len(data) && (data[body] == '\r' || data[body] == '\n') {
			body++
		}
		end := bytes.Index(data[body:], []byte("endstream"))
		if end < 0 {
			continue
		}
		raw := data[body : body+end]
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				continue
			}
			raw, _ = io.ReadAll(io.LimitReader(zr, 16<<20)) // what inflates, even if damaged later
		}
		fields := bytes.Fields(raw)
		for i := 0; i < n && 2*i+1 < len(fields); i++ {
			oid, err := strconv.Atoi(string(fields[2*i]))
			if err != nil || oid <= 0 || oid > 1<<22 {
				break
			}
			if _, direct := offsets[oid]; !direct {
				out[oid] = [2]int{stm, i}
			}
		}
	}
	return out
}

var (
	streamStart = regexp.MustCompile(`>>\s*stream\r?\n`)
	lengthKey   = regexp.MustCompile(`/Length\s+(\d+)(\s+\d+\s+R)?`)
)

// fixStreamLengths mends streams as viewers read them: each direct
// /Length is set to the distance from "stream" to its "endstream", a stream
// without a length is given one, and a Flate stream whose checksum is
// wrong but whose data inflates is compressed again. It reports whether it
// changed anything; offsets move, so the caller must rebuild the
// cross-reference table.
func fixStreamLengths(data []byte) ([]byte, bool) {
	var out bytes.Buffer
	changed := false
	pos := 0
	for _, m := range streamStart.FindAllIndex(data, -1) {
		if m[0] < pos {
			continue
		}
		dictStart := bytes.LastIndex(data[pos:m[0]], []byte("obj"))
		if dictStart < 0 {
			continue
		}
		dictStart += pos
		body := m[1]
		end := bytes.Index(data[body:], []byte("endstream"))
		if end < 0 {
			break
		}
		actual := end
		if actual > 0 && data[body+actual-1] == '\n' {
			actual--
			if actual > 0 && data[body+actual-1] == '\r' {
				actual--
			}
		}
		dict := data[dictStart:m[0]]
		lm := lengthKey.FindSubmatchIndex(dict)
		indirect := lm != nil && lm[4] >= 0
		raw := data[body : body+actual]
		mended, recompressed := recompress(dict, raw)
		switch {
		case indirect && !recompressed:
			continue // an indirect length is left as it is
		case lm == nil || indirect:
			// Give the dictionary a direct length; a later key wins in
			// most readers, so it goes at the end.
			out.Write(data[pos:m[0]])
			out.WriteString(" /Length " + strconv.Itoa(len(mended)) + " ")
		default:
			n, _ := strconv.Atoi(string(data[dictStart+lm[2] : dictStart+lm[3]]))
			if n == len(mended) && !recompressed {
				continue
			}
			out.Write(data[pos : dictStart+lm[2]])
			out.WriteString(strconv.Itoa(len(mended)))
			out.Write(data[dictStart+lm[3] : m[0]])
		}
		out.Write(data[m[0]:body])
		out.Write(mended)
		pos = body + actual
		changed = true
	}
	if !changed {
		return data, false
	}
	out.Write(data[pos:])
	return out.Bytes(), true
}

// recompress returns raw compressed again when it is a Flate stream that
// inflates to the end but fails its checksum (a flipped byte in the
// trailer); otherwise raw itself.
func recompress(dict, raw []byte) ([]byte, bool) {
	if !bytes.Contains(dict, []byte("/FlateDecode")) || bytes.Contains(dict, []byte("[")) && bytes.Count(dict, []byte("Decode")) > 1 {
		return raw, false
	}
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return raw, false
	}
	plain, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if !errors.Is(err, zlib.ErrChecksum) {
		return raw, false
	}
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(plain)
	zw.Close()
	return b.Bytes(), true
}
