package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sync"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/isolate"
)

// The job of a worker, on top of isolate's protocol: a file to extract,
// and the document or the failure, its cause named as in the causes table
// (errors.go), so that errors.Is finds the same cause in the parent.
type (
	request struct {
		Path string `json:"path"` // for people reading the protocol; may have lost bytes
		// PathBytes is the path as it is: a file name need not be UTF-8
		// (Latin-1 from an old Windows share), and a JSON string cannot
		// carry other bytes.
		PathBytes   []byte `json:"path_bytes,omitempty"`
		Password    string `json:"password,omitempty"`
		MaxInflated int64  `json:"max_inflated,omitempty"`
		MaxPages    int    `json:"max_pages,omitempty"`
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
// written to out until in is closed: isolate.Serve with ExtractFile as the
// job. It limits its own memory to the bytes given in
// $REFERAT_WORKER_MEMORY (default 1 GiB) and its stack to 64 MiB, so that
// a file that would exhaust them kills only this worker.
func ServeWorker(in io.Reader, out io.Writer) error {
	return isolate.Serve(in, out, serve)
}

func serve(ctx context.Context, job json.RawMessage) any {
	var req request
	if err := json.Unmarshal(job, &req); err != nil {
		return response{Error: &wireError{Cause: "io", Message: "bad request: " + err.Error()}}
	}
	path := req.Path
	if req.PathBytes != nil {
		path = string(req.PathBytes)
	}
	doc, err := ExtractFile(ctx, path, Options{Password: req.Password, MaxInflated: req.MaxInflated, MaxPages: req.MaxPages})
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

// A Pool extracts files in worker processes (package internal/isolate),
// so that a file that crashes or hangs the PDF library fails alone.
// Workers are kept alive across files and replaced when one dies. A Pool
// is safe for concurrent use; the zero value is not: Command must be set.
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

	once sync.Once
	pool *isolate.Pool
}

func (p *Pool) init() {
	p.once.Do(func() {
		p.pool = &isolate.Pool{Command: p.Command, Size: p.Size, Timeout: p.Timeout, MemoryLimit: p.MemoryLimit}
	})
}

// Extract reads the PDF at path in a worker. It returns the document, or
// an *Error; a worker that dies or overruns the timeout fails that file
// with ErrCrashed or ErrTimeout, and a fresh worker takes the next one.
// Cancelling ctx kills the worker and returns ctx.Err().
func (p *Pool) Extract(ctx context.Context, path string, opts Options) (*referat.Document, error) {
	p.init()
	var resp response
	err := p.pool.Do(ctx, request{Path: path, PathBytes: []byte(path), Password: opts.Password, MaxInflated: opts.MaxInflated, MaxPages: opts.MaxPages}, &resp)
	var crash *isolate.CrashError
	var timeout *isolate.TimeoutError
	switch {
	case errors.As(err, &crash):
		return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the PDF reader crashed on this file (" + crash.Reason + ")"}}
	case errors.As(err, &timeout):
		return nil, &Error{File: path, Err: &causeError{ErrTimeout, fmt.Sprintf("reading took longer than %s", timeout.Timeout)}}
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return nil, err
	case err != nil:
		return nil, &Error{File: path, Err: err}
	case resp.Error != nil:
		return nil, resp.Error.toError(path)
	case resp.Doc == nil:
		return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the worker sent an empty answer"}}
	}
	resp.Doc.Source.Path = path
	return resp.Doc, nil
}

// Close stops all workers.
func (p *Pool) Close() error {
	p.init()
	return p.pool.Close()
}
