package isolate

import (
	"os"
	"syscall"
)

// growPipe makes the pipe of f hold 1 MiB (Linux's default limit for
// unprivileged processes) instead of 64 KiB, so that a worker writes a
// document's answer at once and the parent reads it so; where the kernel
// refuses, the pipe stays as it was.
func growPipe(f *os.File) {
	const setPipeSize = 1031 // F_SETPIPE_SZ
	if rc, err := f.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) { syscall.Syscall(syscall.SYS_FCNTL, fd, setPipeSize, 1<<20) })
	}
}
