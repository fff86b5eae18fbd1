package analyze

// A formTable holds the forms of up to 15 bytes of a published lexicon
// map with their words, in an open-addressed table whose entries hold the
// form's bytes: a lookup reads one entry, where the map reads its
// control bytes, its slot and the key's bytes, each often a cache miss.
// It is built whole and never written after.
type formTable struct {
	entries []formEntry // a power of two of them, at most half full
	shift   uint        // 64 - log2(len(entries))
}

// A formEntry is a form's bytes, padded with zeros, its length in the
// last byte (0: the entry is empty; hi, which holds it, is then 0), and
// its word.
type formEntry struct {
	key formKey
	w   *word
}

// A formKey is the 16 bytes of a form's key as two little-endian words:
// lo bytes 0 to 7, hi bytes 8 to 15 (byte 15, hi's top byte, the length).
type formKey struct{ lo, hi uint64 }

// maxTableForm is the longest form a formTable holds, in bytes.
const maxTableForm = 15

// keyOf returns the key of a form of 1 to maxTableForm bytes: its bytes
// read straight into the two words (by loads that may overlap, each byte
// where it belongs), with no copy through memory, which made the words'
// loads wait on the bytes' stores.
func keyOf(raw string) formKey {
	n := len(raw)
	var lo, hi uint64
	switch {
	case n > 8:
		lo = le64(raw, 0)
		hi = le64(raw, n-8) >> (8 * (16 - n)) // bytes 8 to n-1
	case n == 8:
		lo = le64(raw, 0)
	case n >= 4:
		lo = uint64(le32(raw, 0)) | uint64(le32(raw, n-4))<<(8*(n-4))
	default:
		for i := n - 1; i >= 0; i-- {
			lo = lo<<8 | uint64(raw[i])
		}
	}
	return formKey{lo: lo, hi: hi | uint64(n)<<56}
}

// le64 and le32 read 8 and 4 bytes of s from i, little-endian.
func le64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

func le32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func (k *formKey) hash() uint64 {
	h := (k.lo ^ k.hi*0x9E3779B97F4A7C15) * 0xC2B2AE3D27D4EB4F
	return h ^ h>>29
}

// newFormTable builds the table of the forms of m of 1 to maxTableForm
// bytes.
func newFormTable(m map[string]*word) *formTable {
	n := 0
	for k := range m {
		if len(k) >= 1 && len(k) <= maxTableForm {
			n++
		}
	}
	size, bits := 16, uint(4)
	for size < 2*n {
		size, bits = size*2, bits+1
	}
	t := &formTable{entries: make([]formEntry, size), shift: 64 - bits}
	mask := uint64(size - 1)
	for raw, w := range m {
		if len(raw) < 1 || len(raw) > maxTableForm {
			continue
		}
		k := keyOf(raw)
		i := (k.hash() * 0x9E3779B97F4A7C15) >> t.shift
		for t.entries[i].key.hi != 0 {
			i = (i + 1) & mask
		}
		t.entries[i] = formEntry{key: k, w: w}
	}
	return t
}

// get returns the word of the form raw (1 to maxTableForm bytes), or nil
// when the table does not hold it.
func (t *formTable) get(raw string) *word {
	k := keyOf(raw)
	mask := uint64(len(t.entries) - 1)
	for i := (k.hash() * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		e := &t.entries[i]
		if e.key == k {
			return e.w
		}
		if e.key.hi == 0 {
			return nil
		}
	}
}
