//go:build !unix

package store

import (
	"os"
	"time"
)

// lockDir takes no lock where flock is not used: bbolt's lock of the
// database file is the only one, and the writer never reopens its
// database (reopen.go).
func lockDir(string, bool, time.Duration) (*os.File, error) { return nil, nil }
