package analyze

import "encoding/binary"

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
// last byte (0: the entry is empty), and its word.
type formEntry struct {
	key formKey
	w   *word
}

type formKey [16]byte

// maxTableForm is the longest form a formTable holds, in bytes.
const maxTableForm = 15

// keyOf returns the key of a form of 1 to maxTableForm bytes.
func keyOf(raw string) formKey {
	var k formKey
	copy(k[:maxTableForm], raw)
	k[maxTableForm] = byte(len(raw))
	return k
}

func (k *formKey) hash() uint64 {
	lo, hi := binary.LittleEndian.Uint64(k[:8]), binary.LittleEndian.Uint64(k[8:])
	h := (lo ^ hi*0x9E3779B97F4A7C15) * 0xC2B2AE3D27D4EB4F
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
		for t.entries[i].key[maxTableForm] != 0 {
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
		if e.key[maxTableForm] == 0 {
			return nil
		}
	}
}
