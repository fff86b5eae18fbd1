package pipeline

import (
	"fmt"
	"unsafe"
)

// The arrays of a fileSet and of pathMarks hold no pointers and grow with
// the number of files, so large ones are kept off the Go heap, in anonymous mappings
// (offheap_unix.go): the collector neither scans them nor counts them
// towards its goal (a heap is let grow to twice its live bytes, so every
// byte of a set on the heap cost about two of memory), and an array
// outgrown is unmapped at once instead of left as garbage that the
// runtime returns to the system only minutes later. Pages of a mapping
// never written cost nothing. Arrays under mapMin bytes, and any array
// where mapping fails (or on systems without mmap), are ordinary heap
// slices: behaviour is the same either way.
const mapMin = 64 << 10

// A block is the memory of one array: mapped, or on the heap.
type block struct {
	b      []byte
	mapped bool
}

// newBlock returns n bytes of zeroed memory, mapped when n ≥ mapMin and
// the system allows it.
func newBlock(n int) block {
	if n >= mapMin {
		if b, ok := mapBytes(n); ok {
			return block{b: b, mapped: true}
		}
	}
	return block{b: make([]byte, n)}
}

// free unmaps a mapped block; a heap block is left to the collector.
// The block must not be used afterwards.
func (b *block) free() {
	if b.mapped {
		unmapBytes(b.b)
	}
	*b = block{}
}

// grow moves the block's first used bytes into a new block of n bytes
// (n ≥ used) and frees the old memory.
func (b *block) grow(used, n int) {
	nb := newBlock(n)
	copy(nb.b, b.b[:used])
	b.free()
	*b = nb
}

// uint32s views the block as uint32s (a mapping is page-aligned; a heap
// block is allocated as bytes, so it is checked).
func (b *block) uint32s() []uint32 { return view[uint32](b) }

// uint64s views the block as uint64s (see uint32s).
func (b *block) uint64s() []uint64 { return view[uint64](b) }

// view views the block as Ts; it panics when the block is not aligned
// for T.
func view[T uint32 | uint64](b *block) []T {
	size := int(unsafe.Sizeof(T(0)))
	if len(b.b) < size {
		return nil
	}
	p := unsafe.Pointer(unsafe.SliceData(b.b))
	if uintptr(p)%uintptr(size) != 0 {
		panic(fmt.Sprintf("pipeline: block not aligned for uint%d", size*8))
	}
	return unsafe.Slice((*T)(p), len(b.b)/size)
}
