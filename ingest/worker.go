package ingest

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
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ntlnav/referat"
)

// The worker protocol. A Pool starts workers, each the program itself
// re-executed so that it calls ServeWorker. Requests go to the worker on
// file descriptor 3 and responses come back on file descriptor 4, one JSON
// object per line each, so that anything a library prints on stdout or
// stderr cannot corrupt them.
type (
	request struct {
		Path        string `json:"path"`
		Password    string `json:"password,omitempty"`
		MaxInflated int64  `json:"max_inflated,omitempty"`
		MaxPages    int    `json:"max_pages,omitempty"`
		TimeoutMS   int64  `json:"timeout_ms,omitempty"`
	}
	response struct {
		Doc   *referat.Document `json:"doc,omitempty"`
		Error *wireError        `json:"error,omitempty"`
	}
	wireError struct {
		Cause   string `json:"cause"`
		Page    int    `json:"page,omitempty"`
		Message string `json:"message"`
	}
)

// EnvWorkerMemory is the environment variable that gives a worker its
// memory limit in bytes.
const EnvWorkerMemory = "REFERAT_WORKER_MEMORY"

// causeError carries a cause and a message across the pipe.
type causeError struct {
	cause error
	msg   string
}

func (e *causeError) Error() string { return e.msg }
func (e *causeError) Unwrap() error { return e.cause }

func (w *wireError) toError(path string) error {
	cause := causes[w.Cause]
	var err error = errors.New(w.Message)
	if cause != nil {
		err = &causeError{cause: cause, msg: w.Message}
	}
	return &Error{File: path, Page: w.Page, Err: err}
}

// ServeWorker answers extraction requests read from in with responses
// written to out until in is closed. It limits its own memory to the
// bytes given in $REFERAT_WORKER_MEMORY (default 1 GiB) and its stack to
// 64 MiB, so that a file that would exhaust them kills only this worker.
func ServeWorker(in io.Reader, out io.Writer) error {
	limit := int64(1 << 30)
	if v, err := strconv.ParseInt(os.Getenv(EnvWorkerMemory), 10, 64); err == nil && v > 0 {
		limit = v
	}
	// The parent decides when a worker stops; an interrupt meant for it
	// must not end a file half-read.
	signal.Ignore(os.Interrupt)
	debug.SetMemoryLimit(limit / 2)
	debug.SetMaxStack(64 << 20)
	limitAddressSpace(limit)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		var req request
		var resp response
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			resp.Error = &wireError{Cause: "io", Message: "bad request: " + err.Error()}
		} else {
			resp = serve(req)
		}
		if err := enc.Encode(&resp); err != nil {
			return err
		}
		runtime.GC()
	}
	return sc.Err()
}

func serve(req request) response {
	ctx := context.Background()
	if req.TimeoutMS > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(req.TimeoutMS)*time.Millisecond)
		defer cancel()
	}
	doc, err := ExtractFile(ctx, req.Path, Options{Password: req.Password, MaxInflated: req.MaxInflated, MaxPages: req.MaxPages})
	if err != nil {
		w := &wireError{Cause: CauseName(err), Message: err.Error()}
		var e *Error
		if errors.As(err, &e) {
			w.Page = e.Page
			w.Message = e.Err.Error()
		}
		return response{Error: w}
	}
	return response{Doc: doc}
}

// limitAddressSpace caps the worker's virtual memory at what it uses now
// plus limit, so that an allocation a damaged file asks for fails in this
// process rather than exhausting the machine.
func limitAddressSpace(limit int64) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmSize:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			v := uint64(kb*1024 + limit)
			_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: v, Max: v})
		}
	}
}

// A Pool extracts files in worker processes, so that a file that crashes
// or hangs the PDF library fails alone. Workers are kept alive across files
// and replaced when one dies. A Pool is safe for concurrent use; the zero
// value is not: Command must be set.
type Pool struct {
	// Command returns the command that starts one worker: a program that
	// calls ServeWorker(fd 3, fd 4). Required.
	Command func() *exec.Cmd
	// Size is the number of workers. Default (0): runtime.NumCPU().
	Size int
	// Timeout bounds the time one file may take. Default (0): 30s.
	Timeout time.Duration
	// MemoryLimit bounds a worker's memory, in bytes. Default (0): 1 GiB.
	MemoryLimit int64

	once  sync.Once
	slots chan *worker // idle workers; nil entries are slots with no worker yet
	mu    sync.Mutex
	all   map[*worker]bool
}

type worker struct {
	cmd    *exec.Cmd
	req    io.WriteCloser
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
	limit := p.MemoryLimit
	if limit <= 0 {
		limit = 1 << 30
	}
	w := &worker{cmd: cmd, req: reqW, resp: bufio.NewReaderSize(respR, 1<<20), stderr: &tailBuffer{max: 64 << 10}, done: make(chan struct{})}
	cmd.ExtraFiles = []*os.File{reqR, respW}
	cmd.Env = append(cmd.Environ(), fmt.Sprintf("%s=%d", EnvWorkerMemory, limit))
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

// Extract reads the PDF at path in a worker. It returns the document, or
// an *Error; a worker that dies or overruns the timeout fails that file
// with ErrCrashed or ErrTimeout, and a fresh worker takes the next one.
// Cancelling ctx kills the worker and returns ctx.Err().
func (p *Pool) Extract(ctx context.Context, path string, opts Options) (*referat.Document, error) {
	p.init()
	var w *worker
	select {
	case w = <-p.slots:
	case <-ctx.Done():
		return nil, ctx.Err()
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
			return nil, &Error{File: path, Err: err}
		}
	}
	timeout := p.timeout()
	line, _ := json.Marshal(request{Path: path, Password: opts.Password, MaxInflated: opts.MaxInflated, MaxPages: opts.MaxPages, TimeoutMS: timeout.Milliseconds()})
	type result struct {
		resp response
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		if _, err := w.req.Write(append(line, '\n')); err != nil {
			ch <- result{err: err}
			return
		}
		b, err := w.resp.ReadBytes('\n')
		if err != nil {
			ch <- result{err: err}
			return
		}
		var r result
		r.err = json.Unmarshal(b, &r.resp)
		ch <- r
	}()
	timer := time.NewTimer(timeout + time.Second) // the worker's own deadline comes first
	defer timer.Stop()
	select {
	case r := <-ch:
		if r.err != nil {
			p.kill(w)
			why := w.deathReason()
			w = nil
			return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the PDF reader crashed on this file (" + why + ")"}}
		}
		if r.resp.Error != nil {
			return nil, r.resp.Error.toError(path)
		}
		if r.resp.Doc == nil {
			return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the worker sent an empty answer"}}
		}
		r.resp.Doc.Source.Path = path
		return r.resp.Doc, nil
	case <-timer.C:
		p.kill(w)
		w = nil
		return nil, &Error{File: path, Err: &causeError{ErrTimeout, fmt.Sprintf("reading took longer than %s", timeout)}}
	case <-ctx.Done():
		p.kill(w)
		w = nil
		return nil, ctx.Err()
	}
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
