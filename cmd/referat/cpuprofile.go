package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/pprof"
)

// envWorkerProfile tells a worker to write a CPU profile to the file it
// names, suffixed with ".worker-PID".
const envWorkerProfile = "REFERAT_WORKER_CPUPROFILE"

// startCPUProfile profiles this process into file and has the workers it
// starts from now on profile themselves beside it (they inherit the
// environment). stop ends this process's profile; a worker ends its own
// when it exits.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := os.Setenv(envWorkerProfile, file); err != nil {
		pprof.StopCPUProfile()
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			slog.Warn("--cpuprofile", "file", file, "error", err)
		}
	}, nil
}

// workerProfile starts a worker's CPU profile when the parent asked for
// one; stop ends it. A worker that cannot write it goes on without.
func workerProfile() (stop func()) {
	base := os.Getenv(envWorkerProfile)
	if base == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s.worker-%d", base, os.Getpid()))
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// checkProfileFile accepts what checkOutput does but stdout: a profile
// is binary.
func checkProfileFile(v *values, s string) (string, error) {
	if s == "-" {
		return "", errBad
	}
	return checkOutput(v, s)
}
