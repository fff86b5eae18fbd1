//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"
)

// lockDir takes a flock on the store folder dir, exclusive for the
// writer or shared for a reader, waiting up to timeout for a process that
// holds it; then it gives bbolt's ErrTimeout. The lock is held until the
// returned file is closed. It is the store's own lock, beside bbolt's
// flock on the database file, and held across the writer's reopens
// (reopen.go), when bbolt's is released for a moment.
func lockDir(dir string, exclusive bool, timeout time.Duration) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return f, nil
		}
		left := time.Until(deadline)
		if !errors.Is(err, syscall.EWOULDBLOCK) || left <= 0 {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, bolterrors.ErrTimeout
			}
			return nil, &os.PathError{Op: "flock", Path: dir, Err: err}
		}
		time.Sleep(min(left, 50*time.Millisecond))
	}
}
