package isolate

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The pool's causes of failure.
var (
	ErrTimeout = errors.New("deadline exceeded")
	ErrCrashed = errors.New("reader crashed")
)

// A TimeoutError reports a job that overran the pool's Timeout; its worker
// was killed.
type TimeoutError struct {
	Timeout time.Duration
}

func (e *TimeoutError) Error() string { return fmt.Sprintf("the job took longer than %s", e.Timeout) }
func (e *TimeoutError) Unwrap() error { return ErrTimeout }

// A CrashError reports a worker that died, or answered nonsense, during a
// job.
type CrashError struct {
	// Reason tells how it ended: the Go runtime's "fatal error:" or
	// "panic:" line it printed last, else its exit status.
	Reason string
}

func (e *CrashError) Error() string { return "the worker crashed (" + e.Reason + ")" }
func (e *CrashError) Unwrap() error { return ErrCrashed }

// A Pool runs jobs in worker processes, so that a job that crashes or
// hangs fails alone. Workers are kept alive across jobs and replaced when
// one dies. A Pool is safe for concurrent use; the zero value is not:
// Command must be set.
type Pool struct {
	// Command returns the command that starts one worker: a program that
	// calls Serve(fd 3, fd 4, handler). Required.
	Command func() *exec.Cmd
	// Size is the number of workers. Default (0): runtime.NumCPU().
	Size int
	// Timeout bounds the time one job may take. Default (0): 30s.
	Timeout time.Duration
	// MemoryLimit bounds a worker's memory, in bytes. Default (0):
	// DefaultMemoryLimit.
	MemoryLimit int64

	once  sync.Once
	slots chan *worker // idle workers; nil entries are slots with no worker yet
	mu    sync.Mutex
	all   map[*worker]bool
}

type worker struct {
	cmd    *exec.Cmd
	req    *os.File // the requests' pipe, written through the runtime's poller (deadlines apply)
	respF  *os.File // the answers' pipe, read so through resp
	resp   *bufio.Reader
	stderr *tailBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // its exit status, once done
}

func (p *Pool) init() {
	p.once.Do(func() {
		n := p.Size
		if n <= 0 {
			n = runtime.NumCPU()
		}
		p.slots = make(chan *worker, n)
		for i := 0; i < n; i++ {
			p.slots <- nil
		}
		p.all = map[*worker]bool{}
	})
}

// timeout returns the time one job may take.
func (p *Pool) timeout() time.Duration {
	if p.Timeout > 0 {
		return p.Timeout
	}
	return 30 * time.Second
}

func (p *Pool) start() (*worker, error) {
	cmd := p.Command()
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, err
	}
	// A job's deadline is its pipes' (do): pipes without deadlines would
	// let a hanging worker hang the caller.
	if err := errors.Join(reqW.SetWriteDeadline(time.Time{}), respR.SetReadDeadline(time.Time{})); err != nil {
		reqR.Close()
		reqW.Close()
		respR.Close()
		respW.Close()
		return nil, fmt.Errorf("starting a worker: %w", err)
	}
	limit := p.MemoryLimit
	if limit <= 0 {
		limit = DefaultMemoryLimit
	}
	growPipe(respW)
	w := &worker{cmd: cmd, req: reqW, respF: respR, resp: bufio.NewReaderSize(respR, 1<<20), stderr: &tailBuffer{max: 64 << 10}, done: make(chan struct{})}
	cmd.ExtraFiles = []*os.File{reqR, respW}
	cmd.Env = withQuietSysmon(append(workerEnv(cmd.Environ()), fmt.Sprintf("%s=%d", EnvMemory, limit)))
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	dieWithParent(cmd.SysProcAttr)
	cmd.Stdout = w.stderr
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		reqR.Close()
		reqW.Close()
		respR.Close()
		respW.Close()
		return nil, fmt.Errorf("starting a worker: %w", err)
	}
	reqR.Close()
	respW.Close()
	go func() {
		w.err = cmd.Wait()
		respR.Close()
		close(w.done)
	}()
	p.mu.Lock()
	p.all[w] = true
	p.mu.Unlock()
	return w, nil
}

func (p *Pool) kill(w *worker) {
	w.cmd.Process.Kill()
	w.req.Close()
	<-w.done
	p.mu.Lock()
	delete(p.all, w)
	p.mu.Unlock()
}

// Do sends job to a worker and decodes the worker's answer into answer,
// as json.Unmarshal does; given an *Attached, it decodes into its Answer
// and sets its Bytes. A worker that dies or overruns the timeout
// fails that job with a *CrashError or a *TimeoutError, and a fresh
// worker takes the next one; an answer that does not decode into answer
// fails the job with a *CrashError too; a request the worker could not
// read gives an error with its message. Cancelling ctx kills the worker
// and returns ctx.Err(). The worker is free for the next job once its
// answer is read, before it is decoded.
func (p *Pool) Do(ctx context.Context, job any, answer any) error {
	raw, attached, err := p.do(ctx, job)
	if err != nil {
		return err
	}
	if at, ok := answer.(*Attached); ok {
		answer, at.Bytes = at.Answer, attached
	}
	if err := json.Unmarshal(raw, answer); err != nil {
		return &CrashError{Reason: "its answer does not decode: " + err.Error()}
	}
	return nil
}

// do sends job to a worker and returns its answer, undecoded, and the
// bytes attached to it.
func (p *Pool) do(ctx context.Context, job any) (json.RawMessage, []byte, error) {
	p.init()
	var w *worker
	select {
	case w = <-p.slots:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	defer func() { p.slots <- w }()
	if w != nil {
		select {
		case <-w.done: // died while idle
			p.kill(w)
			w = nil
		default:
		}
	}
	if w == nil {
		var err error
		if w, err = p.start(); err != nil {
			return nil, nil, err
		}
	}
	timeout := p.timeout()
	raw, err := json.Marshal(job)
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the job: %w", err)
	}
	// The exchange runs on this goroutine; the deadline (the worker's own
	// comes first) and a cancelled ctx end it through the pipes'
	// deadlines, set before ctx is watched so that a cancel is never
	// overwritten.
	if err := w.setDeadline(time.Now().Add(timeout + time.Second)); err != nil {
		p.kill(w)
		w = nil
		return nil, nil, &CrashError{Reason: "its pipes: " + err.Error()}
	}
	stop := func() bool { return true }
	if ctx.Done() != nil {
		cancelled := w // its own copy: w is set to nil below
		stop = context.AfterFunc(ctx, func() {
			// Should the pipes refuse, killing the worker ends the
			// exchange as surely (its answer pipe reaches its end);
			// should that fail too (the worker is gone already), the
			// job's own deadline, set above, still ends it.
			if err := cancelled.setDeadline(time.Unix(1, 0)); err != nil {
				_ = cancelled.cmd.Process.Kill()
			}
		})
	}
	r := w.exchange(appendRequest(raw, timeout))
	if !stop() {
		// ctx was cancelled during the exchange: its deadline may be
		// set in the past at any time now.
		p.kill(w)
		w = nil
		return nil, nil, ctx.Err()
	}
	var bad *badRequest
	switch {
	case r.err == nil:
		return r.answer, r.attached, nil
	case errors.As(r.err, &bad):
		return nil, nil, r.err
	case errors.Is(r.err, os.ErrDeadlineExceeded):
		p.kill(w)
		w = nil
		return nil, nil, &TimeoutError{Timeout: timeout}
	}
	p.kill(w)
	why := w.deathReason()
	w = nil
	return nil, nil, &CrashError{Reason: why}
}

// appendRequest returns the request line of a job encoded as raw (by
// json.Marshal: compact and valid, so it is not checked again).
func appendRequest(raw []byte, timeout time.Duration) []byte {
	line := make([]byte, 0, len(raw)+40)
	line = strconv.AppendInt(append(line, `{"timeout_ms":`...), timeout.Milliseconds(), 10)
	return append(append(append(line, `,"job":`...), raw...), '}', '\n')
}

// setDeadline sets the deadline of the next writes and reads on w's
// pipes. It fails only when a pipe is closed (start checked that both
// take deadlines).
func (w *worker) setDeadline(t time.Time) error {
	return errors.Join(w.req.SetWriteDeadline(t), w.respF.SetReadDeadline(t))
}

// exchanged is what one exchange with a worker gave.
type exchanged struct {
	answer   json.RawMessage
	attached []byte
	err      error
}

// badRequest is the worker's complaint about a request it could not read.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

// maxAttached bounds the bytes a worker may attach to one answer: a
// length beyond it is nonsense, and the worker is taken as crashed.
const maxAttached = 1 << 30

// exchange writes one request line to w and reads its answer, and the
// bytes attached before it.
func (w *worker) exchange(line []byte) exchanged {
	if _, err := w.req.Write(line); err != nil {
		return exchanged{err: err}
	}
	b, err := w.resp.ReadBytes('\n')
	if err != nil {
		return exchanged{err: err}
	}
	var attached []byte
	if len(b) > 0 && b[0] == attachedPrefix {
		n, err := strconv.Atoi(string(bytes.TrimRight(b[1:], "\n")))
		if err != nil || n < 0 || n > maxAttached {
			return exchanged{err: fmt.Errorf("a bad length of attached bytes: %.40q", b)}
		}
		if attached, err = readAttached(w.resp, n); err != nil {
			return exchanged{err: err}
		}
		if b, err = w.resp.ReadBytes('\n'); err != nil {
			return exchanged{err: err}
		}
	}
	// An answer line is taken apart without decoding it: the caller's
	// json.Unmarshal checks the answer.
	if a, ok := bytes.CutPrefix(b, []byte(answerPrefix)); ok {
		if a, ok := bytes.CutSuffix(bytes.TrimRight(a, "\r\n"), []byte("}")); ok && len(a) > 0 {
			return exchanged{answer: a, attached: attached}
		}
	}
	var resp response
	if err := json.Unmarshal(b, &resp); err != nil {
		return exchanged{err: err}
	}
	if resp.Error != "" {
		return exchanged{err: &badRequest{resp.Error}}
	}
	return exchanged{answer: resp.Answer, attached: attached}
}

// readAttached reads n attached bytes from r: up to 1 MiB at once, more
// as they come, so that a length the worker announces but does not send
// costs no memory.
func readAttached(r io.Reader, n int) ([]byte, error) {
	if n <= 1<<20 {
		b := make([]byte, n)
		_, err := io.ReadFull(r, b)
		return b, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, 1<<20))
	_, err := io.CopyN(buf, r, int64(n))
	return buf.Bytes(), err
}

// deathReason describes how a dead worker ended, from its exit status and
// the last line it printed.
func (w *worker) deathReason() string {
	<-w.done
	tail := w.stderr.String()
	for _, l := range strings.Split(tail, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "runtime: goroutine stack exceeds") || strings.HasPrefix(l, "panic:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "fatal error:"))
		}
	}
	if w.err != nil {
		return w.err.Error()
	}
	return "it exited"
}

// Close stops all workers.
func (p *Pool) Close() error {
	p.init()
	p.mu.Lock()
	ws := make([]*worker, 0, len(p.all))
	for w := range p.all {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.req.Close() // the worker ends when its requests end
		select {
		case <-w.done:
		case <-time.After(2 * time.Second):
			w.cmd.Process.Kill()
			<-w.done
		}
	}
	return nil
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.ToValidUTF8(t.b, nil))
}
