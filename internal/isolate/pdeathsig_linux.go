package isolate

import "syscall"

// setPdeathsig makes the kernel send SIGKILL to the child when the thread
// that started it ends; the Go runtime ends threads only when a goroutine
// locked to one exits, which the pool never does, so in practice: when
// the parent process dies, even of SIGKILL.
func setPdeathsig(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
