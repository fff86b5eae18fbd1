package cputime

import (
	"os/exec"
	"slices"
	"testing"
	"time"
)

// TestRunningChild: a busy child is among Children while it runs, and
// its Process time grows; it is gone from Children once waited for.
func TestRunningChild(t *testing.T) {
	cmd := exec.Command("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done")
	if err := cmd.Start(); err != nil {
		t.Skipf("no sh to run a child: %v", err)
	}
	pid := cmd.Process.Pid
	kids, err := Children()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(kids, pid) {
		t.Errorf("Children() = %v: want the running child %d among them", kids, pid)
	}
	first, err := Process(pid)
	if err != nil {
		t.Fatal(err)
	}
	var later time.Duration
	for i := 0; i < 200 && later <= first; i++ { // until the child has run on
		time.Sleep(5 * time.Millisecond)
		if later, err = Process(pid); err != nil {
			t.Fatalf("Process(%d) while it runs: %v", pid, err)
		}
	}
	if later <= first {
		t.Errorf("Process(%d) stayed %v while the child spun: want it to grow", pid, first)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if kids, err = Children(); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(kids, pid) {
		t.Errorf("Children() = %v after the child was waited for: want %d gone", kids, pid)
	}
	if _, err := Process(pid); err == nil {
		t.Errorf("Process(%d) of a child waited for: want an error", pid)
	}
}
