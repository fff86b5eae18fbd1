package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sync"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/internal/isolate"
	"github.com/ntlnav/referat/internal/ocr"
	"github.com/ntlnav/referat/internal/pdftext"
)

// The job of a worker, on top of isolate's protocol: a file to extract,
// and the document or the failure, its cause named as in the causes table
// (errors.go), so that errors.Is finds the same cause in the parent.
type (
	request struct {
		Op   string `json:"op,omitempty"` // "" extract a file, "ocr" recognise one page
		Path string `json:"path"`         // for people reading the protocol; may have lost bytes
		// PathBytes is the path as it is: a file name need not be UTF-8
		// (Latin-1 from an old Windows share), and a JSON string cannot
		// carry other bytes.
		PathBytes   []byte `json:"path_bytes,omitempty"`
		Password    string `json:"password,omitempty"`
		MaxInflated int64  `json:"max_inflated,omitempty"`
		MaxPages    int    `json:"max_pages,omitempty"`
		OCR         string `json:"ocr,omitempty"`
		OCRLang     string `json:"ocr_lang,omitempty"`
		OCRTimeout  int64  `json:"ocr_timeout_ms,omitempty"`
		Page        int    `json:"page,omitempty"` // with "ocr"
		// Analyzer names the analyzer that analyses the document (the
		// hash of its spec, see analysis.go); AnalyzerSpec is the spec,
		// sent when the worker asked for it.
		Analyzer     string          `json:"analyzer,omitempty"`
		AnalyzerSpec json.RawMessage `json:"analyzer_spec,omitempty"`
	}
	// response is the answer of a worker; the JSON of the document read
	// is attached to it (isolate.Attached), and Outline outlines it.
	response struct {
		Doc      *referat.Document `json:"-"` // the document read, sent as JSON attached
		Outline  *Outline          `json:"outline,omitempty"`
		Analyzed string            `json:"analyzed,omitempty"`      // the analyzer that analysed the document
		Need     bool              `json:"need_analyzer,omitempty"` // the worker has not the analyzer named: send its spec
		Pending  *pending          `json:"pending,omitempty"`       // pages to recognise before the document is built
		Page     *ocr.Page         `json:"page,omitempty"`          // a recognised page
		Error    *wireError        `json:"error,omitempty"`
	}
	// pending is a file whose text layer is read and some of whose pages
	// need OCR: the parent has them recognised, each page a job of its
	// own with its own deadline, then builds the document.
	pending struct {
		SHA256 string            `json:"sha256"`
		Text   *pdftext.Document `json:"text"`
		Need   []int             `json:"need"`
	}
	wireError struct {
		Cause   string `json:"cause"`
		Page    int    `json:"page,omitempty"`
		Message string `json:"message"`
	}
)

func (r request) options() Options {
	return Options{Password: r.Password, MaxInflated: r.MaxInflated, MaxPages: r.MaxPages,
		OCR: r.OCR, OCRLang: r.OCRLang, OCRTimeout: time.Duration(r.OCRTimeout) * time.Millisecond}
}

func requestFor(path string, opts Options) request {
	return request{Path: path, PathBytes: []byte(path), Password: opts.Password, MaxInflated: opts.MaxInflated, MaxPages: opts.MaxPages,
		OCR: opts.OCR, OCRLang: opts.OCRLang, OCRTimeout: opts.OCRTimeout.Milliseconds()}
}

// causeError carries a cause and a message across the pipe.
type causeError struct {
	cause error
	msg   string
}

func (e *causeError) Error() string { return e.msg }
func (e *causeError) Unwrap() error { return e.cause }

func (w *wireError) toError(path string) error {
	cause := CauseError(w.Cause)
	var err error = errors.New(w.Message)
	if cause != nil {
		err = &causeError{cause: cause, msg: w.Message}
	}
	return &Error{File: path, Page: w.Page, Err: err}
}

// ServeWorker answers extraction requests read from in with responses
// written to out until in is closed: isolate.Serve with extraction (the
// text layer) or the recognition of one page as the job. It limits its own memory to the bytes given in
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
	resp, err := answer(ctx, req)
	if err != nil {
		w := &wireError{Cause: CauseName(err), Message: err.Error()}
		var e *Error
		if errors.As(err, &e) {
			w.Page = e.Page
			w.Message = e.Err.Error()
		}
		return response{Error: w}
	}
	if resp.Doc == nil {
		return resp
	}
	b, err := json.Marshal(resp.Doc)
	if err != nil {
		return response{Error: &wireError{Cause: "io", Message: "encoding the document: " + err.Error()}}
	}
	o := OutlineOf(resp.Doc)
	resp.Outline = &o
	return isolate.Attached{Answer: resp, Bytes: b}
}

// answer does one job in a worker: a page to recognise, or a file to
// read, whose pages that need OCR are handed back pending.
func answer(ctx context.Context, req request) (response, error) {
	opts := req.options()
	if req.PathBytes != nil {
		req.Path = string(req.PathBytes)
	}
	a, ask := workerAnalyzer(req)
	if ask {
		return response{Need: true}, nil // before the file is read
	}
	data, err := readRegularInto(getFileBuf(), req.Path)
	if err != nil {
		return response{}, &Error{File: req.Path, Err: err}
	}
	defer putFileBuf(data) // the response holds none of its bytes
	if req.Op == "ocr" {
		p, err := recognisePage(ctx, data, req.Page, opts)
		if err != nil {
			return response{}, fileError(req.Path, err)
		}
		return response{Page: p}, nil
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	pd, need, err := readPages(ctx, data, opts)
	if err != nil {
		return response{}, fileError(req.Path, err)
	}
	if len(need) > 0 {
		return response{Pending: &pending{SHA256: sha, Text: pd, Need: need}}, nil
	}
	doc, err := build(req.Path, sha, pd, nil)
	if err != nil || a == nil {
		return response{Doc: doc}, err
	}
	asDecoded(doc)
	a.Document(doc)
	return response{Doc: doc, Analyzed: req.Analyzer}, nil
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
	// OCRMemoryLimit bounds the memory of a worker that recognises a
	// page, Tesseract included, in bytes. Default (0): 1 GiB.
	OCRMemoryLimit int64

	once  sync.Once
	pool  *isolate.Pool
	mu    sync.Mutex
	ocr   map[time.Duration]*isolate.Pool // OCR workers, by page deadline
	specs map[*analyze.Analyzer]*spec     // analysis.go
}

func (p *Pool) init() {
	p.once.Do(func() {
		p.pool = &isolate.Pool{Command: p.Command, Size: p.Size, Timeout: p.Timeout, MemoryLimit: p.MemoryLimit}
	})
}

// Extract reads the PDF at path in a worker. It returns the document, or
// an *Error; a worker that dies or overruns the timeout fails that file
// with ErrCrashed or ErrTimeout, and a fresh worker takes the next one.
// Pages that need OCR are recognised by OCR workers, each page a job with
// opts.OCRTimeout as its deadline. With opts.Analyzer the document is
// analysed, by the worker that read it when it can be (analysis.go).
// Cancelling ctx kills the workers and returns ctx.Err().
func (p *Pool) Extract(ctx context.Context, path string, opts Options) (*referat.Document, error) {
	enc, err := p.ExtractEncoded(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	doc, err := enc.Decode()
	if err != nil {
		return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the worker's answer: " + err.Error()}}
	}
	return doc, nil
}

// ExtractEncoded is Extract, the document encoded: as the worker encoded
// it, never decoded in this process (unless it had to be analysed here).
func (p *Pool) ExtractEncoded(ctx context.Context, path string, opts Options) (*Encoded, error) {
	p.init()
	req := requestFor(path, opts)
	spec := p.analyzerSpec(opts.Analyzer)
	if spec != nil {
		req.Analyzer = spec.id
	}
	var resp response
	at := &isolate.Attached{Answer: &resp}
	err := p.pool.Do(ctx, req, at)
	if err == nil && resp.Need && spec != nil { // a worker meets the analyzer: once in its life
		req.AnalyzerSpec, resp = spec.spec, response{}
		err = p.pool.Do(ctx, req, at)
	}
	if err = p.failure(ctx, path, err, &resp); err != nil {
		return nil, err
	}
	if resp.Pending != nil {
		doc, err := p.recognise(ctx, path, opts, resp.Pending)
		if err != nil {
			return nil, err
		}
		if opts.Analyzer != nil {
			opts.Analyzer.Document(doc) // built here, from the recognised pages
		}
		return encode(path, doc)
	}
	if resp.Outline == nil || at.Bytes == nil {
		return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the worker sent an empty answer"}}
	}
	enc := &Encoded{JSON: at.Bytes, Outline: *resp.Outline}
	enc.Outline.Source.Path = path
	if opts.Analyzer == nil || spec != nil && resp.Analyzed == spec.id {
		return enc, nil
	}
	doc, err := enc.Decode() // an analyzer no worker can build
	if err != nil {
		return nil, &Error{File: path, Err: &causeError{ErrCrashed, "the worker's answer: " + err.Error()}}
	}
	opts.Analyzer.Document(doc)
	return encode(path, doc)
}

// encode encodes doc, a document of the file at path.
func encode(path string, doc *referat.Document) (*Encoded, error) {
	doc.Source.Path = path
	enc, err := Encode(doc)
	if err != nil {
		return nil, &Error{File: path, Err: err}
	}
	return enc, nil
}

// failure maps what a worker job gave to the error of the file, or nil.
func (p *Pool) failure(ctx context.Context, path string, err error, resp *response) error {
	var crash *isolate.CrashError
	var timeout *isolate.TimeoutError
	switch {
	case errors.As(err, &crash):
		return &Error{File: path, Err: &causeError{ErrCrashed, "the PDF reader crashed on this file (" + crash.Reason + ")"}}
	case errors.As(err, &timeout):
		return &Error{File: path, Err: &causeError{ErrTimeout, fmt.Sprintf("reading took longer than %s", timeout.Timeout)}}
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return err
	case err != nil:
		return &Error{File: path, Err: err}
	case resp.Error != nil:
		return resp.Error.toError(path)
	}
	return nil
}

// recognise has the pages of pend recognised, in parallel as workers
// allow, and builds the document.
func (p *Pool) recognise(ctx context.Context, path string, opts Options, pend *pending) (*referat.Document, error) {
	if err := checkOCR(ctx, pend.Need, opts); err != nil {
		return nil, fileError(path, err)
	}
	pool := p.ocrPool(opts.ocrTimeout())
	pages := make([]*ocr.Page, len(pend.Need))
	errs := make([]error, len(pend.Need))
	var wg sync.WaitGroup
	for i, n := range pend.Need {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := requestFor(path, opts)
			req.Op, req.Page = "ocr", n
			var resp response
			err := pool.Do(ctx, req, &resp)
			var timeout *isolate.TimeoutError
			if errors.As(err, &timeout) {
				errs[i] = &Error{File: path, Page: n, Err: &causeError{ErrTimeout, fmt.Sprintf("recognising the page took longer than %s (--ocr-timeout)", timeout.Timeout)}}
				return
			}
			if errs[i] = p.failure(ctx, path, err, &resp); errs[i] == nil {
				pages[i] = resp.Page
			}
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for i, err := range errs {
		if err == nil && pages[i] == nil {
			err = &Error{File: path, Page: pend.Need[i], Err: &causeError{ErrCrashed, "the OCR worker sent an empty answer"}}
		}
		if err != nil {
			return nil, err
		}
	}
	return build(path, pend.SHA256, pend.Text, pages)
}

// ocrPool returns the pool of OCR workers whose jobs have deadline d.
func (p *Pool) ocrPool(d time.Duration) *isolate.Pool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ocr == nil {
		p.ocr = map[time.Duration]*isolate.Pool{}
	}
	if p.ocr[d] == nil {
		p.ocr[d] = &isolate.Pool{Command: p.Command, Size: p.Size, Timeout: d, MemoryLimit: p.OCRMemoryLimit}
	}
	return p.ocr[d]
}

// Close stops all workers.
func (p *Pool) Close() error {
	p.init()
	p.mu.Lock()
	for _, o := range p.ocr {
		o.Close()
	}
	p.ocr = nil
	p.mu.Unlock()
	return p.pool.Close()
}
