//go:build !linux

package cputime

import (
	"errors"
	"time"
)

// Children needs Linux's /proc.
func Children() ([]int, error) { return nil, errors.ErrUnsupported }

// Process needs Linux's /proc.
func Process(pid int) (time.Duration, error) { return 0, errors.ErrUnsupported }
