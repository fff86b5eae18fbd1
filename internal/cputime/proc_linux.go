package cputime

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Children returns the process ids of this process's children that are
// running (or have exited and not yet been waited for), from /proc.
func Children() ([]int, error) {
	self := os.Getpid()
	dirs, err := os.ReadDir("/proc")
	if err != nil {
		return nil, err
	}
	var kids []int
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue // not a process
		}
		b, err := os.ReadFile(filepath.Join("/proc", d.Name(), "stat"))
		if err != nil {
			continue // it has gone since the listing
		}
		// pid (comm) state ppid ...: comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := bytes.Fields(b[i+1:])
		if len(f) < 2 {
			continue
		}
		if ppid, err := strconv.Atoi(string(f[1])); err == nil && ppid == self {
			kids = append(kids, pid)
		}
	}
	return kids, nil
}

// Process returns the time the threads of process pid have run on a
// processor, user and system together, in nanoseconds as the scheduler
// counts it (/proc/PID/task/TID/schedstat): a running process's time,
// which getrusage gives only once it has been waited for.
func Process(pid int) (time.Duration, error) {
	dir := filepath.Join("/proc", strconv.Itoa(pid), "task")
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var sum time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile(filepath.Join(dir, t.Name(), "schedstat"))
		if err != nil {
			if os.IsNotExist(err) {
				continue // a thread that has ended since the listing
			}
			return 0, err
		}
		f := bytes.Fields(b)
		if len(f) == 0 {
			return 0, fmt.Errorf("%s: empty schedstat", filepath.Join(dir, t.Name()))
		}
		ns, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", filepath.Join(dir, t.Name(), "schedstat"), err)
		}
		sum += time.Duration(ns)
	}
	return sum, nil
}
