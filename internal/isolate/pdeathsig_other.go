//go:build !linux

package isolate

import "syscall"

// setPdeathsig does nothing where there is no parent-death signal: the
// worker ends when its request pipe closes (see Serve).
func setPdeathsig(*syscall.SysProcAttr) {}
