package ingest

import (
	"bytes"
	"fmt"
	"regexp"
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
	var root, info, id []byte
	if t := bytes.LastIndex(data, []byte("trailer")); t >= 0 {
		tail := data[t:]
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
		// No usable trailer: the catalog is the object of type Catalog.
		for oid, off := range offsets {
			end := bytes.Index(data[off:], []byte("endobj"))
			if end < 0 {
				continue
			}
			if catalogType.Match(data[off : off+end]) {
				root = []byte(fmt.Sprintf("/Root %d %d R", oid, gens[oid]))
				break
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%w: no document catalog found", ErrDamaged)
	}
	var b bytes.Buffer
	b.Grow(len(data) + 20*(maxID+1) + 200)
	b.Write(data)
	b.WriteString("\n")
	xref := b.Len()
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
