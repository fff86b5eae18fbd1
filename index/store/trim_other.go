//go:build !linux

package store

// trim does nothing where madvise is not used (see trim_linux.go).
func (s *Store) trim() {}
