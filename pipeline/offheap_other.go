//go:build !unix

package pipeline

// mapBytes reports that memory cannot be mapped here: blocks are on the heap.
func mapBytes(int) ([]byte, bool) { return nil, false }

func unmapBytes([]byte) {}
