package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// memprofileEvery is how often --memprofile looks at the live heap.
const memprofileEvery = 500 * time.Millisecond

// startMemProfile writes a heap profile of this process to file each
// time its live heap (after the last garbage collection) has grown by a
// tenth over the profile written last, and once more when stop is
// called, if the heap is larger then: file holds the profile of the
// largest live heap seen, looked at every memprofileEvery. Workers are
// not profiled.
func startMemProfile(file string) (stop func(), err error) {
	if err := writeHeapProfile(file); err != nil { // the file can be written
		return nil, fmt.Errorf("--memprofile: %w", err)
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	live := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	written := live()
	check := func() {
		if n := live(); n > written+written/10 {
			if err := writeHeapProfile(file); err != nil {
				slog.Warn("--memprofile", "file", file, "error", err)
			}
			written = n
		}
	}
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(memprofileEvery)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				check()
			case <-done:
				check()
				return
			}
		}
	}()
	return func() { close(done); <-finished }, nil
}

// writeHeapProfile writes the heap profile to file.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
