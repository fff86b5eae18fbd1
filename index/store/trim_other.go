//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// trim does nothing where madvise is not used (see trim_linux.go).
func (s *Store) trim() {}

// trimIn does nothing where madvise is not used (see trim_linux.go).
func (s *Store) trimIn(*bolt.Tx) {}
