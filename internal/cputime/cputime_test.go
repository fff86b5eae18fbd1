package cputime

import (
	"os/exec"
	"testing"
)

// TestGrows: work done by this process raises Self, and a child's work
// raises WithChildren once the child has been waited for, but not Self.
func TestGrows(t *testing.T) {
	self0, err := Self()
	if err != nil {
		t.Fatal(err)
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x ^= i * i
	}
	self1, err := Self()
	if err != nil {
		t.Fatal(err)
	}
	if self1 <= self0 {
		t.Errorf("Self %v after a loop (%d), %v before: want more", self1, x, self0)
	}
	all0, err := WithChildren()
	if err != nil {
		t.Fatal(err)
	}
	// A child that spins for a while in a shell loop.
	if err := exec.Command("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done").Run(); err != nil {
		t.Skipf("no sh to run a child: %v", err)
	}
	all1, err := WithChildren()
	if err != nil {
		t.Fatal(err)
	}
	self2, err := Self()
	if err != nil {
		t.Fatal(err)
	}
	if kids := (all1 - self2) - (all0 - self1); kids <= 0 {
		t.Errorf("children's time grew by %v after a busy child: want more", kids)
	}
}
