package pipeline

import (
	"hash/maphash"
	"runtime"
)

// A fileSet is a list of files: paths in the order added, each once. The
// files a run is given are not held (walkInputs hands them on as found);
// a fileSet holds those read again besides them, for an older extractor
// (withOutdated) or after a prune (promote): none in most runs, every
// recorded file after a new extractor. It is kept compact: the
// paths' bytes in one array (no string header, no allocation per path),
// where each ends, and an open-addressing table of their positions for
// has, with no copy of any path: about len(path) + 12 bytes a path
// (100,000 paths of 40 bytes: 5 MB), where a []string and a
// map[string]bool held ~110. Large arrays are kept off the Go heap
// (offheap.go), so a path costs those bytes of memory and no more; they
// are unmapped by release, or when the set is collected. The zero
// fileSet is empty; a nil *fileSet has nothing.
type fileSet struct {
	mem   *fileMem // the memory of the three arrays below
	buf   []byte   // the paths, one after the other (in mem.buf)
	ends  []uint32 // where path i ends in buf (in mem.ends)
	table []uint32 // 0, or 1 + the index of a path; a power of two long, at most half full (mem.table)
	seed  maphash.Seed
}

// fileMem is a fileSet's memory, apart from the set so that a cleanup
// can free it once the set is unreachable.
type fileMem struct{ buf, ends, table block }

func (m *fileMem) free() {
	m.buf.free()
	m.ends.free()
	m.table.free()
}

// newFileSet returns a set of the paths, in their order, each once.
func newFileSet(paths ...string) *fileSet {
	s := &fileSet{}
	for _, p := range paths {
		s.add(p)
	}
	return s
}

// release frees the set's memory and empties it. A nil set is left as is.
func (s *fileSet) release() {
	if s == nil || s.mem == nil {
		return
	}
	s.mem.free()
	*s = fileSet{}
}

// len returns the number of paths.
func (s *fileSet) len() int {
	if s == nil {
		return 0
	}
	return len(s.ends)
}

// at returns path i.
func (s *fileSet) at(i int) string { return string(s.bytes(i)) }

func (s *fileSet) bytes(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.buf[start:s.ends[i]]
}

// add adds p unless it is in the set, and reports whether it added it.
func (s *fileSet) add(p string) bool {
	if s.mem == nil {
		s.mem = &fileMem{}
		s.seed = maphash.MakeSeed()
		runtime.AddCleanup(s, (*fileMem).free, s.mem)
	}
	if 2*(len(s.ends)+1) > len(s.table) {
		s.grow()
	}
	slot, found := s.find(p)
	if found {
		return false
	}
	if len(s.buf)+len(p) > cap(s.buf) {
		s.mem.buf.grow(len(s.buf), max(2*cap(s.buf), len(s.buf)+len(p), 4096))
		s.buf = s.mem.buf.b[:len(s.buf)]
	}
	if len(s.ends) == cap(s.ends) {
		s.mem.ends.grow(4*len(s.ends), 4*max(2*cap(s.ends), 1024))
		s.ends = s.mem.ends.uint32s()[:len(s.ends)]
	}
	s.buf = append(s.buf, p...)
	s.ends = append(s.ends, uint32(len(s.buf)))
	s.table[slot] = uint32(len(s.ends))
	return true
}

// has reports whether p is in the set.
func (s *fileSet) has(p string) bool {
	if s.len() == 0 {
		return false
	}
	_, found := s.find(p)
	return found
}

// find returns the slot of p in the table, or the empty slot where it
// goes, and whether it is there.
func (s *fileSet) find(p string) (int, bool) {
	mask := len(s.table) - 1
	for i := int(maphash.String(s.seed, p)) & mask; ; i = (i + 1) & mask {
		v := s.table[i]
		if v == 0 {
			return i, false
		}
		if string(s.bytes(int(v-1))) == p { // compared without a copy
			return i, true
		}
	}
}

// grow doubles the table (16 slots at first) and places every path again.
func (s *fileSet) grow() {
	s.mem.table.free()
	s.mem.table = newBlock(4 * max(16, 2*len(s.table)))
	s.table = s.mem.table.uint32s()
	mask := len(s.table) - 1
	for n := range s.ends {
		i := int(maphash.Bytes(s.seed, s.bytes(n))) & mask
		for s.table[i] != 0 {
			i = (i + 1) & mask
		}
		s.table[i] = uint32(n + 1)
	}
}
