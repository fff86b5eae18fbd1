package pipeline

import (
	"hash/maphash"
	"runtime"
	"sync"
)

// pathMarks remembers which paths a run has found (all of them when the
// run reads files again for an older extractor, else from the first copy
// or move on: run.marking), for gonePaths (a path of the same content
// found by this run is not gone, and needs no stat:
// without the marks, a content copied k times cost k²/2 stats) and for
// withOutdated (a recorded file read by an older extractor is read again
// at the end unless the walk found it). It holds 32 bits of a 64-bit hash
// of each path, not the path, in open-addressing tables (linear probing)
// off the Go heap, as a fileSet's arrays are: when the last table is
// three quarters full a table twice as large is added, and none is ever
// copied, so a path costs 4 bytes over three quarters of a slot and about
// as much again for the slots of the tables not full yet: 5 to 8 bytes
// a file (a million files: 8 MB). A path's slot in a table is given by
// the hash's low bits, what is stored by its high 32: has is wrong for a
// path not marked when a path marked in the few slots it looks at in some
// table has the same high bits, about one chance in 10^8 a look-up at a
// million files. That changes nothing unless that path is gone (a move
// is then not seen, and the entry stays until --prune) or is a recorded
// file of an older extractor outside the inputs (read again by the next
// run, whose seed differs). It is safe for concurrent use: the walk marks
// as hashers look up. The zero value is empty; a nil *pathMarks has
// nothing.
type pathMarks struct {
	mu     sync.RWMutex
	tables []*markTable
	seed   maphash.Seed
}

// A markTable is one table of pathMarks: 0, or the high 32 bits of a
// path's hash (1 for 0); a power of two long.
type markTable struct {
	mem   *block // apart from the table, for its cleanup
	slots []uint32
	n     int
}

// firstSlots is the length of the first table: 64 KB, so that it is
// mapped too.
const firstSlots = mapMin / 4

// split returns the slot hash gives in a table of mask+1 slots, and what
// is stored.
func split(h uint64, mask int) (int, uint32) {
	v := uint32(h >> 32)
	if v == 0 {
		v = 1
	}
	return int(h) & mask, v
}

// has reports whether h is in the table.
func (t *markTable) has(h uint64) bool {
	mask := len(t.slots) - 1
	i, v := split(h, mask)
	for ; ; i = (i + 1) & mask {
		switch t.slots[i] {
		case v:
			return true
		case 0:
			return false
		}
	}
}

// add marks p.
func (m *pathMarks) add(p string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.tables == nil {
		m.seed = maphash.MakeSeed()
	}
	h := maphash.String(m.seed, p)
	if m.hasHash(h) {
		return
	}
	if len(m.tables) == 0 || 4*(m.last().n+1) > 3*len(m.last().slots) {
		n := firstSlots
		if len(m.tables) > 0 {
			n = 2 * len(m.last().slots)
		}
		b := newBlock(4 * n)
		t := &markTable{mem: &b, slots: b.uint32s()}
		runtime.AddCleanup(t, (*block).free, t.mem)
		m.tables = append(m.tables, t)
	}
	t := m.last()
	mask := len(t.slots) - 1
	i, v := split(h, mask)
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = v
	t.n++
}

func (m *pathMarks) last() *markTable { return m.tables[len(m.tables)-1] }

// has reports whether p is marked.
func (m *pathMarks) has(p string) bool {
	if m == nil {
		return false
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if len(m.tables) == 0 {
		return false
	}
	return m.hasHash(maphash.String(m.seed, p))
}

func (m *pathMarks) hasHash(h uint64) bool {
	for _, t := range m.tables {
		if t.has(h) {
			return true
		}
	}
	return false
}

// len returns the number of paths marked.
func (m *pathMarks) len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := 0
	for _, t := range m.tables {
		n += t.n
	}
	return n
}

// release frees the tables and empties the marks. A nil *pathMarks is
// left as is.
func (m *pathMarks) release() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, t := range m.tables {
		t.mem.free()
		t.slots = nil
	}
	m.tables = nil
}
