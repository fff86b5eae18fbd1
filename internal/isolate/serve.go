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
	lines, done, readErr := readLines(in)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		var line []byte
		select {
		case line = <-lines:
		case <-done:
			return *readErr
		}
		answered := make(chan response, 1)
		go func() {
			var req request
			var resp response
			if err := json.Unmarshal(line, &req); err != nil {
				resp.Error = "bad request: " + err.Error()
			} else if resp.Answer, resp.attached, err = run(req, h); err != nil {
				resp.Error = "bad answer: " + err.Error()
			}
			answered <- resp
		}()
		select {
		case resp := <-answered:
			if err := writeResponse(out, enc, &resp); err != nil {
				return err
			}
		case <-done:
			// The parent closed the requests (or died) during the job:
			// no one will read the answer. Return, abandoning the job,
			// so that the worker's program ends.
			return *readErr
		}
		collectAfterBigJob()
	}
}

// answerPrefix starts the line of an answer; the parent takes the answer
// from between it and the closing brace without decoding the line.
const answerPrefix = `{"answer":`

// attachedPrefix starts the line that announces attached bytes: the
// prefix, their length in decimal and a newline, then the bytes, then the
// answer's line. (Every other line is JSON and starts with '{'.)
const attachedPrefix = '='

// writeResponse writes one response: the bytes attached, if any, then
// its line. An answer is written as it was encoded (json.Marshal's output
// is compact and valid: encoding the response whole would check and copy
// it again); an error is encoded.
func writeResponse(out io.Writer, enc *json.Encoder, resp *response) error {
	if resp.Error != "" || len(resp.Answer) == 0 {
		return enc.Encode(resp)
	}
	line := make([]byte, 0, len(answerPrefix)+len(resp.Answer)+2)
	if resp.attached != nil {
		line = append(strconv.AppendInt(append(line, attachedPrefix), int64(len(resp.attached)), 10), '\n')
		if _, err := out.Write(line); err != nil {
			return err
		}
		if _, err := out.Write(resp.attached); err != nil {
			return err
		}
		line = line[:0]
	}
	line = append(append(append(line, answerPrefix...), resp.Answer...), '}', '\n')
	_, err := out.Write(line)
	return err
}

// readLines reads request lines from in, one at a time, on a goroutine of
// its own, so that the end of in (the parent gone) is seen during a job
// too; done is closed at the end of in, and *err is then the read error
// or nil.
func readLines(in io.Reader) (lines <-chan []byte, done <-chan struct{}, err *error) {
	ch := make(chan []byte)
	end := make(chan struct{})
	var readErr error
	go func() {
		defer close(end)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			ch <- append([]byte(nil), sc.Bytes()...)
		}
		readErr = sc.Err()
	}()
	return ch, end, &readErr
}

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
