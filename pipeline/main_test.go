package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/internal/pipetest"
)

const pdfs = "../testdata/pdf"

// envRun holds, in a helper process, the options of the run to do.
const envRun = "PIPELINE_TEST_RUN"

// The test binary is the PDF worker the runs start (as `worker`), and,
// with $PIPELINE_TEST_RUN set, a process that does one Run and prints its
// Summary as JSON: the SIGKILL test kills such processes.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "worker" {
		var in io.Reader = os.NewFile(3, "requests")
		if log := os.Getenv(envJobLog); log != "" {
			in = &jobLog{r: in, path: log}
		}
		if err := ingest.ServeWorker(in, os.NewFile(4, "responses")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if spec := os.Getenv(envRun); spec != "" {
		os.Exit(helperRun(spec))
	}
	os.Exit(pipetest.RunNoDefaultStore(m))
}

// envJobLog names a file to which workers add a line for every job they
// read (a worker variable: the pool passes it on).
const envJobLog = "REFERAT_WORKER_TEST_JOBLOG"

// jobLog counts the request lines read through it in the file at path.
type jobLog struct {
	r    io.Reader
	path string
}

func (j *jobLog) Read(p []byte) (int, error) {
	n, err := j.r.Read(p)
	if lines := bytes.Count(p[:n], []byte("\n")); lines > 0 {
		f, ferr := os.OpenFile(j.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if ferr == nil {
			f.Write(bytes.Repeat([]byte("job\n"), lines))
			f.Close()
		}
	}
	return n, err
}

// runSpec is what a helper process is to run.
type runSpec struct {
	Store string   `json:"store"`
	ESURL string   `json:"es_url"`
	Paths []string `json:"paths"`
	Prune bool     `json:"prune,omitempty"`
}

func helperRun(spec string) int {
	var rs runSpec
	if err := json.Unmarshal([]byte(spec), &rs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	o := options(rs.Store, rs.ESURL, rs.Paths...)
	o.Prune = rs.Prune
	sum, err := Run(context.Background(), o)
	if sum != nil {
		json.NewEncoder(os.Stdout).Encode(sum)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// options are those of a run of two workers (this test binary) over
// paths, into the store in dir, and Elasticsearch at esURL unless it is "".
func options(dir, esURL string, paths ...string) Options {
	o := Options{Paths: paths, Store: dir, Workers: 2, Worker: WorkerCommand(os.Args[0], "worker")}
	if esURL != "" {
		o.ES = elastic.Config{URLs: []string{esURL}}
	}
	return o
}

// runT does a Run and fails the test when it returns no Summary.
func runT(t *testing.T, ctx context.Context, o Options) (*Summary, error) {
	t.Helper()
	s, err := Run(ctx, o)
	if s == nil {
		t.Fatalf("Run returned no summary: %v", err)
	}
	return s, err
}

// storeCases counts the cases and meetings the store in dir holds.
func storeCases(t *testing.T, dir string) (cases, meetings int) {
	t.Helper()
	s, err := store.OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Documents(func(d *referat.Document) bool {
		meetings++
		cases += len(d.Cases)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return cases, meetings
}

// tempStore returns a store folder under t.TempDir().
func tempStore(t *testing.T) string { return filepath.Join(t.TempDir(), "store") }

// openChecked opens the store in dir read-only and fails t unless
// store.Check finds it whole. The caller closes it (a run cannot take the
// store while it is open).
func openChecked(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := st.Check(); err != nil || len(r.Problems) > 0 {
		st.Close()
		t.Fatalf("store %s: %v %v", dir, err, r.Problems)
	}
	return st
}
