package ingest_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/ntlnav/referat/ingest"
)

// The test binary doubles as the worker that a Pool starts.
const envServe = "REFERAT_TEST_SERVE_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(envServe) == "1" {
		if err := ingest.ServeWorker(os.NewFile(3, "requests"), os.NewFile(4, "responses")); err != nil {
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// workerCommand starts the test binary as a worker, with GOMAXPROCS=1 as
// referat starts its workers (pipeline.WorkerCommand), so that the
// isolated benchmarks measure a worker as it runs.
func workerCommand() *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envServe+"=1", "GOMAXPROCS=1")
	return cmd
}
