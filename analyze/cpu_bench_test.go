package analyze

import (
	"os"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/cputime"
)

// BenchmarkAnalyzeCPU is BenchmarkAnalyze measured in CPU time (user and
// system, garbage collection included), which a loaded machine does not
// distort as it does wall time: words/cpu-s is the figure to compare
// between versions. It reads the annotated meetings of whichever of the
// test data folders exist.
func BenchmarkAnalyzeCPU(b *testing.B) {
	var dirs []string
	for _, d := range []string{"../testdata/samples", "../testdata/meetings", "../testdata/annotated/train", "../testdata/annotated/heldout"} {
		if _, err := os.Stat(d); err == nil {
			dirs = append(dirs, d)
		}
	}
	gold, err := LoadGold(dirs...)
	if err != nil || len(gold) == 0 {
		b.Fatalf("no annotated meetings: %v", err)
	}
	cases, words := benchCases(gold)
	a := New(nil, Options{})
	b.ResetTimer()
	cpu0 := cpuTime(b)
	for i := 0; i < b.N; i++ {
		for k := range cases {
			c := cases[k]
			a.Case(&c)
		}
	}
	b.ReportMetric(float64(words*b.N)/(cpuTime(b)-cpu0).Seconds(), "words/cpu-s")
}

// cpuTime returns the user and system time of this process.
func cpuTime(b *testing.B) time.Duration {
	t, err := cputime.Self()
	if err != nil {
		b.Fatal(err)
	}
	return t
}
