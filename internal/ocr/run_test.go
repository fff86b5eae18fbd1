package ocr

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// alive reports whether process pid runs (a zombie has ended).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	return len(f) > 0 && f[0] != "Z"
}

// TestCancelKillsGroup: when ctx ends (a page's deadline, Ctrl-C), the
// program and everything it started are killed, not only the program.
func TestCancelKillsGroup(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := run(ctx, nil, "sh", "-c", "sleep 60 & echo $! > "+pidFile+"; wait")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("run past its deadline: %v, want context.DeadlineExceeded", err)
	}
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("run returned %s after its deadline", el)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	deadline := time.Now().Add(10 * time.Second)
	for alive(pid) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if alive(pid) {
		t.Errorf("the program's child %d still runs", pid)
	}
}

// TestMissingProgram: a program that is not installed gives
// ErrUnavailable naming its Debian package.
func TestMissingProgram(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := run(context.Background(), nil, "tesseract", "--version")
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "tesseract-ocr") {
		t.Errorf("tesseract missing: %v", err)
	}
	err = Check(context.Background(), "nor+eng")
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("Check without pdftoppm: %v", err)
	}
}
