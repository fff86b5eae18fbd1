package pipeline

import (
	"hash/maphash"
	"runtime"
	"sync"
)

// pathMarks remembers which paths a run has found, for gonePaths (a path
// of the same content found by this run is not gone, and needs no stat:
// without the marks, a content copied k times cost k²/2 stats) and for
// withOutdated (a recorded file read by an older extractor is read again
// at the end unless the walk found it). It holds a 64-bit hash of each
// path, not the path: 8 to 16 bytes a file (an open-addressing table,
// more than half and at most three quarters full, off the Go heap as a
// fileSet's arrays are). Two paths with the same hash, about one chance
// in 10^7 per run at a million files, would make has true for a path not
// found, which changes nothing unless that path is gone (a move is then
// not seen, and the entry stays until --prune) or is a recorded file of
// an older extractor outside the inputs (read again by the next run). It
// is safe for concurrent use: the walk marks as hashers look up. The zero
// value is empty; a nil *pathMarks has nothing.
type pathMarks struct {
	mu    sync.RWMutex
	mem   *block   // the table's memory
	table []uint64 // 0, or a path's hash (never 0); a power of two long
	n     int
	seed  maphash.Seed
}

// hash returns p's hash, never 0 (0 marks an empty slot).
func (m *pathMarks) hash(p string) uint64 {
	if h := maphash.String(m.seed, p); h != 0 {
		return h
	}
	return 1
}

// add marks p.
func (m *pathMarks) add(p string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.mem == nil {
		m.mem = &block{}
		m.seed = maphash.MakeSeed()
		runtime.AddCleanup(m, (*block).free, m.mem)
	}
	if 4*(m.n+1) > 3*len(m.table) {
		m.grow()
	}
	h := m.hash(p)
	mask := uint64(len(m.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch m.table[i] {
		case h:
			return
		case 0:
			m.table[i] = h
			m.n++
			return
		}
	}
}

// has reports whether p is marked.
func (m *pathMarks) has(p string) bool {
	if m == nil {
		return false
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.n == 0 {
		return false
	}
	h := m.hash(p)
	mask := uint64(len(m.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch m.table[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// grow doubles the table (1,024 slots at first) and places every hash
// again.
func (m *pathMarks) grow() {
	nb := newBlock(8 * max(1024, 2*len(m.table)))
	nt := nb.uint64s()
	mask := uint64(len(nt) - 1)
	for _, h := range m.table {
		if h == 0 {
			continue
		}
		i := h & mask
		for nt[i] != 0 {
			i = (i + 1) & mask
		}
		nt[i] = h
	}
	m.mem.free()
	*m.mem = nb
	m.table = nt
}

// release frees the table and empties the marks. A nil *pathMarks is
// left as is.
func (m *pathMarks) release() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.mem != nil {
		m.mem.free()
	}
	m.table, m.n = nil, 0
}
