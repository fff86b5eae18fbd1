// Package cputime reads the processor time (user plus system) that this
// process has used, and that its children have used once they have been
// waited for, from getrusage(2). Benchmarks and measuring tests divide
// their work by it: on a shared machine CPU time varies far less than
// wall time. Unix only; Children and Process, which read a running
// child's time from /proc, Linux only.
package cputime

import (
	"syscall"
	"time"
)

// Self returns the user and system time this process has used.
func Self() (time.Duration, error) {
	return sum(syscall.RUSAGE_SELF)
}

// WithChildren returns the user and system time this process has used,
// plus that of its children that have exited and been waited for (a
// child still running counts nothing yet).
func WithChildren() (time.Duration, error) {
	self, err := sum(syscall.RUSAGE_SELF)
	if err != nil {
		return 0, err
	}
	kids, err := sum(syscall.RUSAGE_CHILDREN)
	return self + kids, err
}

func sum(who int) (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}
