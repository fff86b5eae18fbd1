package isolate

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"io"
)

// EnvMemory is the environment variable in which a Pool gives a worker
// its memory limit in bytes.
const EnvMemory = "REFERAT_WORKER_MEMORY"

// DefaultMemoryLimit is a worker's memory limit when neither the Pool
// nor $REFERAT_WORKER_MEMORY gives one: 1 GiB.
const DefaultMemoryLimit = 1 << 30

// The lines of the protocol.
type (
	request struct {
		TimeoutMS int64           `json:"timeout_ms,omitempty"`
		Job       json.RawMessage `json:"job"`
	}
	response struct {
		Answer   json.RawMessage `json:"answer,omitempty"`
		Error    string          `json:"error,omitempty"`
		attached []byte          // Attached.Bytes: sent before the line
	}
)

// An Attached answer carries bytes beside its JSON, which travel as they
// are, neither encoded nor scanned: a large payload the handler encoded
// already, which the parent keeps without decoding it. A Handler may
// return one (its Answer is sent as any answer is); Pool.Do, given an
// *Attached, decodes the answer into its Answer and sets its Bytes (nil
// when the worker attached none).
type Attached struct {
	Answer any
	Bytes  []byte
}

// A Handler does one job in a worker: job is the JSON the parent sent,
// and the answer it returns is sent back as JSON. ctx ends at the job's
// deadline. A job's own failure belongs in the answer.
type Handler func(ctx context.Context, job json.RawMessage) (answer any)

// Serve answers the jobs read from in with h's answers written to out,
// one JSON line each, until in is closed. It limits its own memory to the
// bytes given in $REFERAT_WORKER_MEMORY (default DefaultMemoryLimit) and
// its stack to 64 MiB, so that a job that would exhaust them kills only
// this worker, and it ignores interrupts: the parent decides when a worker
// stops. It returns an error only when out cannot be written or in not
// read.
func Serve(in io.Reader, out io.Writer, h Handler) error {
	limit := int64(DefaultMemoryLimit)
	if v, err := strconv.ParseInt(os.Getenv(EnvMemory), 10, 64); err == nil && v > 0 {
		limit = v
	}
	// The parent decides when a worker stops; an interrupt meant for it
	// must not end a job half-done.
	signal.Ignore(os.Interrupt)
	debug.SetMemoryLimit(limit / 2)
	// A job's garbage is small beside the limit: collect half as often,
	// unless $GOGC says otherwise.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	debug.SetMaxStack(64 << 20)
	limitAddressSpace(limit)
	in = pollable(in)
	closeOnExec(out)
	jobs, done, readErr := readLines(in)
	answered := make(chan error, 1)
	go func() { answered <- answerJobs(jobs, out, h) }()
	select {
	case err := <-answered:
		if err != nil {
			return err
		}
		<-done // the jobs ended with the requests
		return *readErr
	case <-done:
		// The requests ended (the parent closed them, or died), maybe
		// during a job: no one will read its answer. Return, abandoning
		// it, so that the worker's program ends.
		return *readErr
	}
}

// answerJobs answers the jobs, in order, each on this goroutine (whose
// stack, grown by the first jobs, serves the next ones), until jobs is
// closed; it returns an error only when out cannot be written.
func answerJobs(jobs <-chan []byte, out io.Writer, h Handler) error {
	var buf []byte
	for line := range jobs {
		var req request
		var resp response
		if err := json.Unmarshal(line, &req); err != nil {
			resp.Error = "bad request: " + err.Error()
		} else if resp.Answer, resp.attached, err = run(req, h); err != nil {
			resp.Error = "bad answer: " + err.Error()
		}
		var err error
		if buf, err = appendResponse(buf[:0], &resp); err != nil {
			return err
		}
		if _, err := out.Write(buf); err != nil {
			return err
		}
		if cap(buf) > maxKeptBuffer {
			buf = nil // a large document's bytes are not kept for the next job
		}
		collectAfterBigJob()
	}
	return nil
}

// maxKeptBuffer is the largest response buffer a worker keeps for the
// next answer.
const maxKeptBuffer = 1 << 20

// answerPrefix starts the line of an answer; the parent takes the answer
// from between it and the closing brace without decoding the line.
const answerPrefix = `{"answer":`

// attachedPrefix starts the line that announces attached bytes: the
// prefix, their length in decimal and a newline, then the bytes, then the
// answer's line. (Every other line is JSON and starts with '{'.)
const attachedPrefix = '='

// appendResponse appends one response to buf: the bytes attached, if
// any, then its line, so that it is written at once (one write, one
// wake-up of the parent). An answer is appended as it was encoded
// (json.Marshal's output is compact and valid: encoding the response
// whole would check and copy it again); an error is encoded.
func appendResponse(buf []byte, resp *response) ([]byte, error) {
	if resp.Error != "" || len(resp.Answer) == 0 {
		b, err := json.Marshal(resp)
		return append(append(buf, b...), '\n'), err
	}
	if resp.attached != nil {
		buf = slices.Grow(buf, len(resp.attached)+len(resp.Answer)+32)
		buf = append(strconv.AppendInt(append(buf, attachedPrefix), int64(len(resp.attached)), 10), '\n')
		buf = append(buf, resp.attached...)
	}
	return append(append(append(buf, answerPrefix...), resp.Answer...), '}', '\n'), nil
}

// readLines reads request lines from in on a goroutine of its own, ahead
// of the jobs, so that the end of in (the parent gone) is seen during a
// job too; done and lines are closed at the end of in, and *err is then
// the read error or nil. A Pool sends a worker one request at a time;
// lines holds up to maxQueued without blocking the reader, which must
// keep reading during a job to see the requests end.
func readLines(in io.Reader) (lines <-chan []byte, done <-chan struct{}, err *error) {
	ch := make(chan []byte, maxQueued)
	end := make(chan struct{})
	var readErr error
	go func() {
		defer close(end)
		defer close(ch)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			ch <- append([]byte(nil), sc.Bytes()...)
		}
		readErr = sc.Err()
	}()
	return ch, end, &readErr
}

// maxQueued is the number of requests read ahead that a worker holds
// without blocking its reader.
const maxQueued = 16

// bigHeap is the heap, in bytes, past which a worker collects garbage
// between jobs: after a large file, so that its memory does not stay with
// the worker until the next collection; after the usual small ones the
// collector runs when it would anyway (a collection after every job was
// a quarter of a worker's CPU time).
const bigHeap = 64 << 20

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

func collectAfterBigJob() {
	metrics.Read(heapSample)
	if v := heapSample[0].Value; v.Kind() == metrics.KindUint64 && v.Uint64() > bigHeap {
		runtime.GC()
	}
}

// run does one job under its deadline and encodes the answer; attached
// are the bytes an Attached answer carries.
func run(req request, h Handler) (answer json.RawMessage, attached []byte, err error) {
	ctx := context.Background()
	if req.TimeoutMS > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(req.TimeoutMS)*time.Millisecond)
		defer cancel()
	}
	a := h(ctx, req.Job)
	if at, ok := a.(Attached); ok {
		a, attached = at.Answer, at.Bytes
		if attached == nil {
			attached = []byte{}
		}
	}
	answer, err = json.Marshal(a)
	return answer, attached, err
}

// limitAddressSpace caps the worker's virtual memory at what it uses now
// plus limit, so that an allocation a damaged input asks for fails in this
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

// pollable returns in, or when it is a file in blocking mode (as a
// worker's fd 3 comes), a duplicate of its descriptor read through the
// runtime's network poller: a read that waits then parks its goroutine
// instead of holding a thread in a system call, which the scheduler would
// hand the worker's one processor away from and back at every request.
// Either descriptor is closed on exec, so that a program the worker runs
// (Tesseract) does not hold the pipe open after the worker is gone.
func pollable(in io.Reader) io.Reader {
	f, ok := in.(*os.File)
	if !ok {
		return in
	}
	fd := int(f.Fd())
	syscall.CloseOnExec(fd)
	dup, err := syscall.Dup(fd)
	if err != nil {
		return in
	}
	syscall.CloseOnExec(dup)
	// The flag belongs to the pipe's open file, which f shares; f is
	// not read again.
	if err := syscall.SetNonblock(dup, true); err != nil {
		syscall.Close(dup)
		return in
	}
	return os.NewFile(uintptr(dup), f.Name())
}

// closeOnExec marks out's descriptor, when it is a file, closed on exec.
func closeOnExec(out io.Writer) {
	if f, ok := out.(*os.File); ok {
		syscall.CloseOnExec(int(f.Fd()))
	}
}
