package pipeline

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"

	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index/elastic"
)

// Options configure a Run. The zero value of each field but Worker is
// usable.
type Options struct {
	Paths []string // files, folders (read recursively) and glob patterns; default: none
	Store string   // folder of the local store; default "referat-data"
	// LockTimeout bounds the wait for a store another process holds;
	// default store.DefaultLockTimeout.
	LockTimeout time.Duration
	Workers     int               // PDFs read in parallel, each by its own worker process; default runtime.NumCPU()
	Timeout     time.Duration     // time allowed for one file; default 30s
	Password    string            // user password for protected PDFs; default ""
	Analyzer    *analyze.Analyzer // default: the built-in taxonomy
	Prune       bool              // remove the records of files gone from under Paths; default false
	Retag       bool              // analyse the stored text again where another analysis made it (analyze.Analyzer.Version); default false
	Resync      bool              // send every stored document to Elasticsearch again; default false
	ES          elastic.Config    // Elasticsearch; default: not configured, the store alone
	Progress    Progress          // default: none

	// OCR, OCRLang and OCRTimeout say which pages are recognised by OCR,
	// in which language, and how long one page may take: see
	// ingest.Options. Defaults "" (auto), "" (nor), 0 (60s).
	OCR        string
	OCRLang    string
	OCRTimeout time.Duration
	// OCRMemoryLimit bounds the memory of a worker that recognises a
	// page, Tesseract included, in bytes. Default (0): 1 GiB.
	OCRMemoryLimit int64

	// Worker returns the command that starts one PDF worker process
	// (see the package documentation); required when Paths name PDFs.
	Worker func() *exec.Cmd
}

// ErrNoWorker is returned by Run when Options.Worker is nil.
var ErrNoWorker = errors.New("pipeline: Options.Worker is nil: a worker executable is needed to read PDFs")

// withDefaults returns o with its defaults filled in.
func (o Options) withDefaults() Options {
	if o.Store == "" {
		o.Store = "referat-data"
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Analyzer == nil {
		o.Analyzer = analyze.New(nil, analyze.Options{})
	}
	if o.Progress == nil {
		o.Progress = NoProgress{}
	}
	return o
}

// WorkerCommand returns a Worker that runs the program at path with args,
// with GOMAXPROCS=1 and in its own process group: Ctrl-C in a terminal
// reaches the parent, which stops the workers itself, and never makes a
// file look crashed.
func WorkerCommand(path string, args ...string) func() *exec.Cmd {
	return func() *exec.Cmd {
		cmd := exec.Command(path, args...)
		cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", 1))
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		return cmd
	}
}

// A Progress hears of a run as it goes. Start and Finish are called once,
// File from one goroutine at a time.
type Progress interface {
	Start(total int) // the number of PDFs to look at
	File(pages int)  // one file handled (pages: those parsed, 0 when none)
	Finish()
}

// NoProgress reports nothing.
type NoProgress struct{}

func (NoProgress) Start(int) {} // Start does nothing.
func (NoProgress) File(int)  {} // File does nothing.
func (NoProgress) Finish()   {} // Finish does nothing.
