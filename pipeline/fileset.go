package pipeline

import "hash/maphash"

// A fileSet is the files of a run: paths in the order added, each once.
// It is what grows with the number of files, so it is kept compact: the
// paths' bytes in one array (no string header, no allocation per path),
// where each ends, and an open-addressing table of their positions for
// has, with no copy of any path: about len(path) + 12 bytes a path
// (100,000 paths of 40 bytes: 5 MB), where a []string and a
// map[string]bool held ~110. The zero fileSet is empty; a nil *fileSet
// has nothing.
type fileSet struct {
	buf   []byte   // the paths, one after the other
	ends  []uint32 // where path i ends in buf
	table []uint32 // 0, or 1 + the index of a path; a power of two long, at most half full
	seed  maphash.Seed
}

// newFileSet returns a set of the paths, in their order, each once.
func newFileSet(paths ...string) *fileSet {
	s := &fileSet{}
	for _, p := range paths {
		s.add(p)
	}
	return s
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
	if len(s.table) == 0 {
		s.seed = maphash.MakeSeed()
	}
	if 2*(len(s.ends)+1) > len(s.table) {
		s.grow()
	}
	slot, found := s.find(p)
	if found {
		return false
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
	s.table = make([]uint32, max(16, 2*len(s.table)))
	mask := len(s.table) - 1
	for n := range s.ends {
		i := int(maphash.Bytes(s.seed, s.bytes(n))) & mask
		for s.table[i] != 0 {
			i = (i + 1) & mask
		}
		s.table[i] = uint32(n + 1)
	}
}
