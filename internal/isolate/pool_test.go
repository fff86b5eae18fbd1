package isolate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/isolate"
)

// The test binary doubles as the worker: with envServe set it serves jobs.
// (A worker variable, so that the pool passes it on.)
const envServe = isolate.WorkerEnvPrefix + "TEST_SERVE"

// A job of the test worker: what it should do.
type job struct {
	Do   string `json:"do"` // "echo", "exit", "panic", "hang", "alloc"
	Text string `json:"text,omitempty"`
}

type answer struct {
	Text string `json:"text"`
}

var sink []byte

func handle(ctx context.Context, raw json.RawMessage) any {
	var j job
	if err := json.Unmarshal(raw, &j); err != nil {
		return answer{Text: "bad job"}
	}
	switch j.Do {
	case "exit":
		os.Exit(7)
	case "panic":
		go func() { panic("a damaged input") }()
		time.Sleep(time.Minute)
	case "hang":
		for {
			time.Sleep(time.Millisecond) // ignores ctx, as a library loop does
		}
	case "alloc":
		sink = make([]byte, 4<<30)
		sink[len(sink)-1] = 1
	case "pid":
		return answer{Text: strconv.Itoa(os.Getpid())}
	case "deadline":
		<-ctx.Done()
		return answer{Text: ctx.Err().Error()}
	case "unencodable":
		return func() {}
	case "attach":
		return isolate.Attached{Answer: answer{Text: "attached"}, Bytes: []byte(j.Text)}
	case "orphan": // starts a program that outlives the worker, then dies
		cmd := exec.Command("sleep", "60")
		if err := cmd.Start(); err != nil {
			return answer{Text: err.Error()}
		}
		os.WriteFile(j.Text, []byte(strconv.Itoa(cmd.Process.Pid)), 0o600)
		os.Exit(7)
	case "attach-n": // Text bytes attached, the job itself short
		n, _ := strconv.Atoi(j.Text)
		return isolate.Attached{Answer: answer{Text: "attached"}, Bytes: bytes.Repeat([]byte("x"), n)}
	}
	return answer{Text: strings.ToUpper(j.Text)}
}

func TestMain(m *testing.M) {
	if os.Getenv(envParent) == "1" {
		os.Exit(parent())
	}
	if os.Getenv(envServe) == "1" {
		if err := isolate.Serve(os.NewFile(3, "requests"), os.NewFile(4, "responses"), handle); err != nil {
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func command() *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envServe+"=1")
	return cmd
}

// TestPool alternates jobs that kill, crash, hang or exhaust a worker
// with good jobs: each failure has its cause, and every good job is still
// answered.
func TestPool(t *testing.T) {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: time.Second, MemoryLimit: 256 << 20}
	defer pool.Close()
	steps := []struct {
		job    job
		want   error
		reason string // in the CrashError's reason
	}{
		{job: job{Do: "echo", Text: "hei"}},
		{job: job{Do: "exit"}, want: isolate.ErrCrashed, reason: "exit status 7"},
		{job: job{Do: "echo", Text: "igjen"}},
		{job: job{Do: "panic"}, want: isolate.ErrCrashed, reason: "a damaged input"},
		{job: job{Do: "hang"}, want: isolate.ErrTimeout},
		{job: job{Do: "alloc"}, want: isolate.ErrCrashed, reason: "out of memory"},
		{job: job{Do: "deadline"}},
		{job: job{Do: "echo", Text: "til slutt"}},
	}
	for i, s := range steps {
		var a answer
		err := pool.Do(context.Background(), s.job, &a)
		if s.want == nil {
			if err != nil {
				t.Fatalf("step %d (%s): %v", i, s.job.Do, err)
			}
			want := strings.ToUpper(s.job.Text)
			if s.job.Do == "deadline" {
				want = context.DeadlineExceeded.Error()
			}
			if a.Text != want {
				t.Errorf("step %d (%s): got %q, want %q", i, s.job.Do, a.Text, want)
			}
			continue
		}
		if !errors.Is(err, s.want) {
			t.Fatalf("step %d (%s): got %v, want %v", i, s.job.Do, err, s.want)
		}
		var crash *isolate.CrashError
		if s.reason != "" && (!errors.As(err, &crash) || !strings.Contains(crash.Reason, s.reason)) {
			t.Errorf("step %d (%s): got %v, want a CrashError with %q", i, s.job.Do, err, s.reason)
		}
	}
}

func TestPoolCancel(t *testing.T) {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: time.Minute}
	defer pool.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := pool.Do(ctx, job{Do: "hang"}, &answer{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the context's error", err)
	}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, &a); err != nil || a.Text != "ETTER" {
		t.Fatalf("after a cancel: %q, %v", a.Text, err)
	}
}

// TestPoolCancelledBeforeStart gives Do a context that is already done,
// many times: the job's exchange may then start after Do has given up on
// its worker, and must not touch a worker that is gone (it once read a
// nil worker and crashed the process on an early Ctrl-C). The crash
// itself needs an unlucky schedule, but the race under it is found every
// time with -race, which scripts/test.sh runs this test with.
func TestPoolCancelledBeforeStart(t *testing.T) {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: time.Minute}
	defer pool.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i := 0; i < 50; i++ {
		if err := pool.Do(ctx, job{Do: "echo", Text: "x"}, &answer{}); err == nil {
			continue // the answer may win the race; that is fine
		} else if !errors.Is(err, context.Canceled) {
			t.Fatalf("round %d: got %v, want the context's error", i, err)
		}
	}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, &a); err != nil || a.Text != "ETTER" {
		t.Fatalf("after cancels: %q, %v", a.Text, err)
	}
}

// TestAnswerLines: answers travel whole whatever their text holds (what
// looks like the protocol's own framing, newlines, braces, HTML, non-ASCII),
// and an answer the worker cannot encode is an error of that job, not a
// crash.
func TestAnswerLines(t *testing.T) {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: 10 * time.Second}
	defer pool.Close()
	for _, text := range []string{"", "}", `{"answer":{"text":"x"}}`, "a\nb\r\n}", `"}"`, "<&>", "æøå \u2028", strings.Repeat("x}", 100000)} {
		var a answer
		if err := pool.Do(context.Background(), job{Do: "echo", Text: text}, &a); err != nil || a.Text != strings.ToUpper(text) {
			t.Errorf("echo %.40q: got %.40q, %v", text, a.Text, err)
		}
	}
	err := pool.Do(context.Background(), job{Do: "unencodable"}, &answer{})
	if err == nil || errors.Is(err, isolate.ErrCrashed) || !strings.Contains(err.Error(), "bad answer") {
		t.Errorf("an answer that cannot be encoded: %v", err)
	}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, &a); err != nil || a.Text != "ETTER" {
		t.Errorf("after it: %q, %v", a.Text, err)
	}
}

// TestAttached: bytes attached to an answer arrive as they were, whatever
// they hold (newlines, what looks like the protocol's lines, nothing);
// an answer that does not fit the caller's type fails that job alone.
func TestAttached(t *testing.T) {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: 10 * time.Second}
	defer pool.Close()
	for _, text := range []string{"", "=12\n", `{"answer":{"text":"x"}}` + "\n", "a\nb\r\n}", strings.Repeat("\n=", 300000)} {
		var a answer
		at := &isolate.Attached{Answer: &a}
		if err := pool.Do(context.Background(), job{Do: "attach", Text: text}, at); err != nil || a.Text != "attached" || string(at.Bytes) != text || at.Bytes == nil {
			t.Errorf("attach %.40q: got %.40q, %.40q, %v", text, a.Text, at.Bytes, err)
		}
		// The next answer has none.
		at = &isolate.Attached{Answer: &a}
		if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, at); err != nil || a.Text != "ETTER" || at.Bytes != nil {
			t.Errorf("after %.40q: %q, %v, %d bytes", text, a.Text, err, len(at.Bytes))
		}
	}
	// Around the size read at once (1 MiB) and beyond the pipe's.
	for _, n := range []int{0, 1 << 20, 1<<20 + 1, 3<<20 + 7} {
		var a answer
		at := &isolate.Attached{Answer: &a}
		err := pool.Do(context.Background(), job{Do: "attach-n", Text: strconv.Itoa(n)}, at)
		if err != nil || a.Text != "attached" || len(at.Bytes) != n || bytes.Count(at.Bytes, []byte("x")) != n {
			t.Errorf("%d bytes attached: got %q, %d bytes, %v", n, a.Text, len(at.Bytes), err)
		}
	}
	var n int
	err := pool.Do(context.Background(), job{Do: "echo", Text: "x"}, &n)
	if !errors.Is(err, isolate.ErrCrashed) {
		t.Errorf("an answer that does not decode: got %v, want ErrCrashed", err)
	}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, &a); err != nil || a.Text != "ETTER" {
		t.Errorf("after it: %q, %v", a.Text, err)
	}
}

// TestStoppedWorker: a worker that neither reads nor answers (stopped by
// a signal) fails the job with a timeout, and a fresh worker takes the
// next one; so does a job cancelled while its worker is stopped.
func TestStoppedWorker(t *testing.T) {
	pool := &isolate.Pool{Command: command, Size: 1, Timeout: time.Second}
	defer pool.Close()
	stop := func() {
		var a answer
		if err := pool.Do(context.Background(), job{Do: "pid"}, &a); err != nil {
			t.Fatal(err)
		}
		pid, err := strconv.Atoi(a.Text)
		if err != nil {
			t.Fatal(err)
		}
		if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
			t.Fatal(err)
		}
		// The signal stops the worker's threads one by one: wait for
		// the last.
		for deadline := time.Now().Add(10 * time.Second); !stopped(pid); time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("worker %d not stopped", pid)
			}
		}
	}
	stop()
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "x"}, &answer{}); !errors.Is(err, isolate.ErrTimeout) {
		t.Errorf("a stopped worker: got %v, want ErrTimeout", err)
	}
	stop()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	if err := pool.Do(ctx, job{Do: "echo", Text: "x"}, &answer{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled on a stopped worker: got %v, want context.Canceled", err)
	}
	var a answer
	if err := pool.Do(context.Background(), job{Do: "echo", Text: "etter"}, &a); err != nil || a.Text != "ETTER" {
		t.Errorf("after it: %q, %v", a.Text, err)
	}
}

// stopped reports whether every thread of process pid is stopped.
func stopped(pid int) bool {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil || len(tasks) == 0 {
		return false
	}
	for _, task := range tasks {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/stat", pid, task.Name()))
		if err != nil {
			return false
		}
		if f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:])); len(f) == 0 || f[0] != "T" {
			return false
		}
	}
	return true
}
