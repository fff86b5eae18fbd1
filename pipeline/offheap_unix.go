//go:build unix

package pipeline

import "syscall"

// mapBytes maps n bytes of anonymous, private, zeroed memory.
func mapBytes(n int) ([]byte, bool) {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, false // the heap instead (newBlock)
	}
	return b, true
}

// unmapBytes unmaps memory mapBytes returned. It cannot fail for such a
// mapping; were it to, the memory would stay mapped until the process
// ends, which loses nothing but the memory.
func unmapBytes(b []byte) { _ = syscall.Munmap(b) }
