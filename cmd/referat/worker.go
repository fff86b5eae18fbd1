package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/ingest"
)

// workerCommand is the isolated PDF reader that ingest.Pool starts: the
// binary re-executed, reading requests on fd 3 and answering on fd 4.
func workerCommand() *cli.Command {
	return &cli.Command{
		Name:   "worker",
		Usage:  "internal: read PDFs for a parent referat process",
		Hidden: true,
		Action: func(c *cli.Context) error {
			in, out := os.NewFile(3, "requests"), os.NewFile(4, "responses")
			if in == nil || out == nil {
				return usagef("worker is started by referat itself")
			}
			return ingest.ServeWorker(in, out)
		},
	}
}

// workerCmd returns the command that starts one worker.
func workerCmd() *exec.Cmd {
	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	cmd := exec.Command(self, "worker")
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", 1))
	// Its own process group: Ctrl-C in a terminal reaches the parent, which
	// stops the workers itself, and never makes a file look crashed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}
