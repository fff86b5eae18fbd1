package isolate_test

import (
	"context"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/cputime"
	"github.com/ntlnav/referat/internal/isolate"
)

// BenchmarkRoundTrip measures the worker boundary alone: jobs that do
// nothing, sent to one worker (started with GOMAXPROCS=1, as referat
// starts its workers) and answered, with a short answer or one with
// 32 KiB attached (the size of a document's JSON). It reports the CPU
// time per job of this process and of the worker, user and system (the
// worker's counted once it has exited, as the pool closes), so that a
// change of the protocol is measured on its own.
func BenchmarkRoundTrip(b *testing.B) {
	for _, bc := range []struct {
		name string
		job  job
	}{
		{name: "echo", job: job{Do: "echo", Text: "x"}},
		{name: "attached-32KiB", job: job{Do: "attach-n", Text: strconv.Itoa(32 << 10)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cpu0 := cpuTime(b)
			pool := &isolate.Pool{Command: func() *exec.Cmd {
				cmd := command()
				cmd.Env = append(cmd.Env, "GOMAXPROCS=1")
				return cmd
			}, Size: 1}
			var a answer
			for i := 0; i < b.N; i++ {
				if err := pool.Do(context.Background(), bc.job, &isolate.Attached{Answer: &a}); err != nil {
					b.Fatal(err)
				}
			}
			if err := pool.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/float64(b.N), "cpu-µs/job")
		})
	}
}

// cpuTime returns the user and system time of this process and of its
// children that have exited.
func cpuTime(b *testing.B) time.Duration {
	t, err := cputime.WithChildren()
	if err != nil {
		b.Fatal(err)
	}
	return t
}
