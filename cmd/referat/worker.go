package main

import (
	"os"
	"os/exec"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/pipeline"
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
			defer workerProfile()()
			return ingest.ServeWorker(in, out)
		},
	}
}

// selfWorker returns what starts one worker for ingest.Pool and
// pipeline.Options: this binary, re-executed as `referat worker`.
func selfWorker() func() *exec.Cmd {
	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	return pipeline.WorkerCommand(self, "worker")
}
