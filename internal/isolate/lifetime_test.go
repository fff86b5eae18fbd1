package isolate_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/isolate"
)

// envParent makes the test binary a parent process: it starts a pool,
// prints its worker's pid, and gives it a job that never ends.
const envParent = "ISOLATE_TEST_PARENT"

func parent() int {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: time.Hour}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "pid"}, &a); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println(a.Text)
	pool.Do(context.Background(), job{Do: "hang"}, &a)
	return 0
}

// gone reports whether process pid has ended (a zombie has).
func gone(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	return len(f) > 0 && (f[0] == "Z" || f[0] == "X")
}

// waitGone waits up to limit for pid to end.
func waitGone(t *testing.T, pid int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !gone(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("worker %d still running %s after its parent went", pid, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWorkerDiesWithParent kills a parent with SIGKILL while its worker
// is in the middle of a job that would take an hour: the worker must go
// too, at once (Pdeathsig), not at the job's deadline.
func TestWorkerDiesWithParent(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envParent+"=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	pid, perr := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || perr != nil {
		cmd.Process.Kill()
		t.Fatalf("parent said %q: %v %v", line, err, perr)
	}
	time.Sleep(100 * time.Millisecond) // let the hanging job reach the worker
	cmd.Process.Kill()
	cmd.Wait()
	waitGone(t, pid, 20*time.Second)
}

// TestWorkerEndsWhenRequestsClose starts a worker by hand (no parent-death
// signal) and closes its requests during a job that never ends: Serve
// must return, and the worker end.
func TestWorkerEndsWhenRequestsClose(t *testing.T) {
	reqR, reqW, _ := os.Pipe()
	respR, respW, _ := os.Pipe()
	defer respR.Close()
	cmd := command()
	cmd.ExtraFiles = []*os.File{reqR, respW}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reqR.Close()
	respW.Close()
	fmt.Fprintln(reqW, `{"timeout_ms": 3600000, "job": {"do": "hang"}}`)
	time.Sleep(100 * time.Millisecond)
	reqW.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("worker ended with %v", err)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the worker did not end within 20s of its requests closing")
	}
}

// TestWorkerEnv: a worker sees none of the parent's secrets, in its
// /proc/PID/environ, only the allow-list and the worker variables.
func TestWorkerEnv(t *testing.T) {
	t.Setenv("ELASTICSEARCH_PASSWORD", "hemmelig-passord")
	t.Setenv("ELASTICSEARCH_API_KEY", "hemmelig-nokkel")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "hemmelig-aws")
	t.Setenv("GODEBUG", "madvdontneed=1") // kept, the pool's setting added
	pool := &isolate.Pool{Command: command, Size: 1}
	defer pool.Close()
	var a answer
	if err := pool.Do(context.Background(), job{Do: "pid"}, &a); err != nil {
		t.Fatal(err)
	}
	env, err := os.ReadFile("/proc/" + a.Text + "/environ")
	if err != nil {
		t.Fatal(err)
	}
	vars := strings.Split(strings.TrimRight(string(env), "\x00"), "\x00")
	for _, v := range vars {
		if strings.Contains(v, "hemmelig") {
			t.Errorf("the worker has %s", v)
		}
	}
	all := "\x00" + string(env)
	for _, want := range []string{"PATH=", isolate.EnvMemory + "=", envServe + "=1", "GODEBUG=madvdontneed=1,schedtrace=2147483647\x00"} {
		if !strings.Contains(all, "\x00"+want) {
			t.Errorf("the worker lacks %s: %q", want, vars)
		}
	}
}

// TestCrashWithChildRunning: a worker that dies while a program it
// started still runs fails its job as a crash at once, not at the job's
// deadline: the program must not hold the worker's answer pipe open.
func TestCrashWithChildRunning(t *testing.T) {
	if _, err := exec.LookPath("sleep"); err != nil {
		t.Skip("no sleep program")
	}
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: 20 * time.Second}
	defer pool.Close()
	pidFile := filepath.Join(t.TempDir(), "pid")
	err := pool.Do(context.Background(), job{Do: "orphan", Text: pidFile}, &answer{})
	if b, rerr := os.ReadFile(pidFile); rerr == nil {
		if pid, perr := strconv.Atoi(string(b)); perr == nil {
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	var crash *isolate.CrashError
	if !errors.As(err, &crash) || !strings.Contains(crash.Reason, "exit status 7") {
		t.Fatalf("got %v, want a CrashError with exit status 7", err)
	}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, &a); err != nil || a.Text != "ETTER" {
		t.Fatalf("after it: %q, %v", a.Text, err)
	}
}
